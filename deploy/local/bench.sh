#!/usr/bin/env bash
# p50/p99 of FAQ search and POST /api/v1/diagnoses through nginx with both instances (wrk, Debian's package).
#   deploy/local/up.sh first (raise the per-address limits for a load test, e.g.
#   WalletHelp__RateLimits__DiagnosesPerMinute=100000 WalletHelp__RateLimits__FaqSearchesPerMinute=100000), then:
#   deploy/local/bench.sh [seconds=20] [connections=16]
# Environment: WH_NGINX_PORT (8080). Every request comes from one address, so the limits above matter.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
secs=${1:-20}; conns=${2:-16}
url="http://127.0.0.1:${WH_NGINX_PORT:-8080}"
command -v wrk >/dev/null || { echo "bench.sh: needs wrk (apt-get install -y wrk)"; exit 1; }
echo "bench.sh: $url, ${secs}s, $conns connections, 2 threads"
run() {
    local name=$1; shift
    echo "== $name"
    wrk -t2 -c"$conns" -d"${secs}s" --latency "$@" | grep -E "Latency|50%|90%|99%|Requests/sec|Non-2xx|Socket errors"
}
run "FAQ search zh (冻结)" "$url/api/v1/faq?q=%E5%86%BB%E7%BB%93&lang=zh-CN"
run "FAQ search zh (预留手机)" "$url/api/v1/faq?q=%E9%A2%84%E7%95%99%E6%89%8B%E6%9C%BA&lang=zh-CN"
run "FAQ search en (verification)" "$url/api/v1/faq?q=verification&lang=en"
run "POST /api/v1/diagnoses" -s "$here/bench-diagnosis.lua" "$url/api/v1/diagnoses"
