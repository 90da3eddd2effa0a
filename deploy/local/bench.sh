#!/usr/bin/env bash
# p50/p99 of FAQ search and POST /api/v1/diagnoses through nginx with both instances (wrk, Debian's package).
#   deploy/local/up.sh first, with the per-address limits raised for a load test (every request comes from one
#   address, and with Redis the budget is shared by both instances):
#     WalletHelp__RateLimits__DiagnosesPerMinute=100000 WalletHelp__RateLimits__FaqSearchesPerMinute=100000 deploy/local/up.sh
#   then:  deploy/local/bench.sh [seconds=20] [connections=16]
# Prints one markdown table (p50 / p90 / p99 in ms, requests/s, non-2xx) with the date and the load average before
# and after, ready to paste into the README. Environment: WH_NGINX_PORT (8080).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
secs=${1:-20}; conns=${2:-16}
url="http://127.0.0.1:${WH_NGINX_PORT:-8080}"
command -v wrk >/dev/null || { echo "bench.sh: needs wrk (apt-get install -y wrk)"; exit 1; }
curl -fs -o /dev/null --max-time 5 "$url/healthz/ready" || { echo "bench.sh: nothing ready at $url (run deploy/local/up.sh)"; exit 1; }

# Which instances answer requests without an affinity cookie (as wrk sends them): both should.
declare -A seen=()
for _ in $(seq 20); do
    name=$(curl -s -o /dev/null -D - "$url/healthz/ready" | tr -d '\r' | awk -F': ' 'tolower($1)=="x-wallethelp-instance"{print $2}')
    seen[${name:-none}]=$(( ${seen[${name:-none}]:-0} + 1 ))
done
split=$(for k in "${!seen[@]}"; do printf '%s=%s ' "$k" "${seen[$k]}"; done | sort)

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
before=$(loadavg)
# wrk prints latencies as 812.00us, 12.34ms or 1.02s: in ms.
ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf (n < 10 ? "%.1f" : "%.0f"), n }'; }
rows=()
run() {
    local name=$1; shift
    local out; out=$(wrk -t2 -c"$conns" -d"${secs}s" --timeout 10s --latency "$@")
    local p50 p90 p99 rps non2xx
    p50=$(awk '$1=="50%"{print $2}' <<<"$out"); p90=$(awk '$1=="90%"{print $2}' <<<"$out"); p99=$(awk '$1=="99%"{print $2}' <<<"$out")
    rps=$(awk '/^Requests\/sec/{printf "%.0f", $2}' <<<"$out")
    non2xx=$(awk '/Non-2xx/{print $NF}' <<<"$out"); errors=$(awk '/Socket errors/{print $0}' <<<"$out" | sed 's/^ *Socket errors: //')
    rows+=("| $name | $(ms "$p50") | $(ms "$p90") | $(ms "$p99") | $rps | ${non2xx:-0}${errors:+ ($errors)} |")
    echo "bench.sh: $name done" >&2
}
run "FAQ search \`冻结\` (zh, 2 characters)" "$url/api/v1/faq?q=%E5%86%BB%E7%BB%93&lang=zh-CN"
run "FAQ search \`预留手机\` (zh, 4 characters)" "$url/api/v1/faq?q=%E9%A2%84%E7%95%99%E6%89%8B%E6%9C%BA&lang=zh-CN"
run "FAQ search \`verification\` (en)" "$url/api/v1/faq?q=verification&lang=en"
run "\`POST /api/v1/diagnoses\`" -s "$here/bench-diagnosis.lua" "$url/api/v1/diagnoses"

cat <<TABLE

deploy/local/bench.sh $secs $conns — $(date -u '+%Y-%m-%d %H:%M UTC'), $url, wrk 2 threads, $conns connections, ${secs} s each
$(nproc) cores; load average before $before, after $(loadavg); instances answering 20 cookie-less requests: $split

| request | p50 ms | p90 ms | p99 ms | req/s | non-2xx |
|---|---:|---:|---:|---:|---:|
$(printf '%s\n' "${rows[@]}")
TABLE
