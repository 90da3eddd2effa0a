#!/usr/bin/env bash
# Live circuits one core holds: the published app and the stock template, both pinned to core 1 (taskset -c 1),
# WalletHelp.LoadTest on core 0 opening N circuits per run: the wizard (typing into the ID number field) and the
# template's /counter (clicking), ~1 event per second per circuit, event → render p50/p95/p99 and the server's
# retained GC heap per circuit (forced GC through dotnet-gcdump, when installed).
#
#   bench/circuits.sh "100 300 600"     # circuit counts (default "100 300")
#
# Reuses the publishes of bench/http.sh (run it first, or set SKIP_PUBLISH=0 there). Environment: BENCH_DIR,
# DURATION (seconds measured per run, default 20), RAMP (seconds to open them, default 20).
set -euo pipefail
export PATH="$PATH:$HOME/.dotnet/tools"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${BENCH_DIR:-${TMPDIR:-/tmp}/wallethelp-bench-http}"
COUNTS="${1:-100 300}"
DURATION="${DURATION:-20}"
RAMP="${RAMP:-20}"
[ -f "$WORK/app/WalletHelp.Web.dll" ] && [ -f "$WORK/template/Tmpl.dll" ] || { echo "run bench/http.sh first (it publishes both)" >&2; exit 2; }
dotnet build "$ROOT/WalletHelp.LoadTest" -c Release -nologo -v q >&2
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT
wait_for() { for _ in $(seq 1 600); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.1; done; return 1; }

run_load() { # url path target pid count
  taskset -c 0 dotnet "$ROOT/WalletHelp.LoadTest/bin/Release/net10.0/WalletHelp.LoadTest.dll" --url "$1" --path "$2" --target "$3" \
    --circuits "$5" --ramp "$RAMP" --duration "$DURATION" --gcdump-pid "$4" 2>/dev/null
}

echo "$(date -u '+%Y-%m-%d %H:%M UTC') · $(nproc) cores · load average $(cut -d' ' -f1-3 /proc/loadavg) · servers on core 1, harness on core 0"
for count in $COUNTS; do
  for which in template app; do
    port="$(free_port)"
    if [ "$which" = template ]; then
      (cd "$WORK/template" && ASPNETCORE_ENVIRONMENT=Production exec taskset -c 1 dotnet Tmpl.dll --urls "http://127.0.0.1:$port" >/dev/null 2>&1) &
    else
      rm -rf "$WORK/circuits-data"; mkdir -p "$WORK/circuits-data"
      (cd "$WORK/app" && ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__WalletHelp="Data Source=$WORK/circuits-data/wallethelp.db" \
        WalletHelp__Seed__AdminPassword='Bench-Admin-Pass-1!' WalletHelp__Seed__AgentPassword='Bench-Agent-Pass-1!' \
        Logging__LogLevel__Default=Warning exec taskset -c 1 dotnet WalletHelp.Web.dll --urls "http://127.0.0.1:$port" >/dev/null 2>&1) &
    fi
    pid=$!; PIDS+=("$pid")
    wait_for "http://127.0.0.1:$port/"
    if [ "$which" = template ]; then
      run_load "http://127.0.0.1:$port" /counter button "$pid" "$count"
    else
      run_load "http://127.0.0.1:$port" /diagnose/application-rejected field-personal-idNumber "$pid" "$count"
    fi
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
done
