#!/usr/bin/env bash
# FAQ search p50/p99 on the farm's PostgreSQL at 100k articles (Chinese and English), through the app's search code.
#   deploy/local/up.sh first (its PostgreSQL is used; the app instances are not involved), then:
#   deploy/local/bench-faq.sh [articles=100000] [iterations=200] [--reseed] [--explain]
# The articles go into their own database (wallethelp_faqbench_<articles>), built once by the app's PostgreSQL
# migrations and reused on the next run; --reseed rebuilds it, --explain adds EXPLAIN ANALYZE of four searches.
# Environment: WH_DATA (deploy/local/data), WH_PG_PORT (5433), as for up.sh.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
DATA="${WH_DATA:-$here/data}"
secrets="$DATA/secrets.env"
[ -f "$secrets" ] || { echo "bench-faq.sh: no $secrets: run deploy/local/up.sh first"; exit 1; }
PG_PASSWORD=$(grep '^PG_PASSWORD=' "$secrets" | cut -d= -f2-)
export WH_BENCH_PG="Host=127.0.0.1;Port=${WH_PG_PORT:-5433};Database=wallethelp;Username=wallethelp;Password=$PG_PASSWORD"
echo "bench-faq.sh: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
exec dotnet run -c Release --project "$repo/WalletHelp.Benchmarks" -- --faq-latency-postgres "$@"
