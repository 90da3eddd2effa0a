#!/usr/bin/env bash
# p50/p99 of FAQ search and POST /api/v1/diagnoses through nginx with both instances (wrk, Debian's package).
#   deploy/local/up.sh first, with the per-address limits raised for a load test (every request comes from one
#   address, and with Redis the budget is shared by both instances), as bench/http.sh does:
#     WalletHelp__RateLimits__DiagnosesPerMinute=10000000 WalletHelp__RateLimits__FaqSearchesPerMinute=10000000 deploy/local/up.sh
#   then:  deploy/local/bench.sh [seconds=20] [connections=16]
# Prints one markdown table (p50 / p90 / p99 in ms, requests/s, non-2xx, and the CPU time per request of both
# instances together and of PostgreSQL — from /proc, robust to a loaded machine where latencies are not) with the date
# and the load average before and after, ready to paste into the README. Environment: WH_NGINX_PORT (8080),
# WH_DATA (the data folder up.sh used, for the PIDs; default deploy/local/data).
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
# CPU ticks (user + system) of the instances and of PostgreSQL (the postmaster's children), from the PIDs up.sh recorded.
run_dir="${WH_DATA:-$here/data}/run"
ticks() {
    local pids=() pg
    for n in a b; do [ -f "$run_dir/app-$n.pid" ] && pids+=("$(cat "$run_dir/app-$n.pid")"); done
    local app=0 db=0 t
    for p in "${pids[@]}"; do t=$(awk '{print $14+$15}' "/proc/$p/stat" 2>/dev/null || echo 0); app=$((app + t)); done
    if [ -f "$run_dir/postgres.pid" ]; then
        pg=$(cat "$run_dir/postgres.pid")
        for p in $(pgrep -P "$pg") "$pg"; do t=$(awk '{print $14+$15}' "/proc/$p/stat" 2>/dev/null || echo 0); db=$((db + t)); done
    fi
    echo "$app $db"
}
hz=$(getconf CLK_TCK)
before=$(loadavg)
# wrk prints latencies as 812.00us, 12.34ms or 1.02s: in ms.
ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf (n < 10 ? "%.1f" : "%.0f"), n }'; }
rows=()
run() {
    local name=$1; shift
    local t0 t1 out; t0=$(ticks)
    out=$(wrk -t2 -c"$conns" -d"${secs}s" --timeout 10s --latency "$@")
    t1=$(ticks)
    local p50 p90 p99 rps non2xx
    p50=$(awk '$1=="50%"{print $2}' <<<"$out"); p90=$(awk '$1=="90%"{print $2}' <<<"$out"); p99=$(awk '$1=="99%"{print $2}' <<<"$out")
    rps=$(awk '/^Requests\/sec/{printf "%.0f", $2}' <<<"$out")
    non2xx=$(awk '/Non-2xx/{print $NF}' <<<"$out"); errors=$(awk '/Socket errors/{print $0}' <<<"$out" | sed 's/^ *Socket errors: //')
    local n cpu
    n=$(awk '/requests in/{print $1}' <<<"$out")
    # PostgreSQL's backends come and go (a pool grows): a backend that exited during the run is not counted.
    cpu=$(awk -v a="$t0" -v b="$t1" -v n="$n" -v hz="$hz" 'BEGIN { split(a, x, " "); split(b, y, " ");
        printf "%.2f | %.2f", (y[1] - x[1]) * 1000 / hz / n, (y[2] - x[2]) * 1000 / hz / n }')
    rows+=("| $name | $(ms "$p50") | $(ms "$p90") | $(ms "$p99") | $rps | ${non2xx:-0}${errors:+ ($errors)} | $cpu |")
    echo "bench.sh: $name done" >&2
}
run "FAQ search \`冻结\` (zh, 2 characters)" "$url/api/v1/faq?q=%E5%86%BB%E7%BB%93&lang=zh-CN"
run "FAQ search \`预留手机\` (zh, 4 characters)" "$url/api/v1/faq?q=%E9%A2%84%E7%95%99%E6%89%8B%E6%9C%BA&lang=zh-CN"
run "FAQ search \`verification\` (en)" "$url/api/v1/faq?q=verification&lang=en"
run "\`POST /api/v1/diagnoses\`" -s "$here/bench-diagnosis.lua" "$url/api/v1/diagnoses"

cat <<TABLE

deploy/local/bench.sh $secs $conns — $(date -u '+%Y-%m-%d %H:%M UTC'), $url, wrk 2 threads, $conns connections, ${secs} s each
$(nproc) cores; load average before $before, after $(loadavg); instances answering 20 cookie-less requests: $split

| request | p50 ms | p90 ms | p99 ms | req/s | non-2xx | CPU ms/request: instances | PostgreSQL |
|---|---:|---:|---:|---:|---:|---:|---:|
$(printf '%s\n' "${rows[@]}")
TABLE
