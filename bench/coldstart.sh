#!/usr/bin/env bash
# Cold start of the published app: milliseconds from launching the process to the first 200 of GET /, on a fresh
# database (migrations + seeding) and then on the existing database (the common start), RUNS times each.
#
#   bench/coldstart.sh        # publishes WalletHelp (Release) unless SKIP_PUBLISH=1, then measures
#
# Environment: BENCH_DIR (default $TMPDIR/wallethelp-bench-http, shared with bench/http.sh), RUNS (default 3),
# PIN (default "taskset -c 1"; empty to not pin), APP_DIR (a published app to measure instead), APP_ENV (extra
# environment for the app, e.g. "DOTNET_TieredPGO=0"). The app's own log line "Database ready in …" splits the time;
# "CPU" is the user + system time the process had used when the first page arrived (less sensitive to other load).
# The publish is ReadyToRun by default (WalletHelp.Web.csproj); -p:PublishReadyToRun=false in PUBLISH_ARGS for JIT.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${BENCH_DIR:-${TMPDIR:-/tmp}/wallethelp-bench-http}"
RUNS="${RUNS:-3}"
PIN="${PIN-taskset -c 1}"
mkdir -p "$WORK"
if [ "${SKIP_PUBLISH:-}" != 1 ]; then
  echo "publishing WalletHelp (Release) …" >&2
  rm -rf "$WORK/app"
  dotnet publish "$ROOT/WalletHelp.Web" -c Release -o "$WORK/app" -nologo -v q ${PUBLISH_ARGS:-} >&2
fi
PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
APP="${APP_DIR:-$WORK/app}"
DATA="$WORK/coldstart-data"

start_once() { # prints ms to the first 200 of GET /, and the app's "Database ready" line
  local t0 pid ms
  t0=$(date +%s%N)
  (cd "$APP" && ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__WalletHelp="Data Source=$DATA/wallethelp.db" \
    WalletHelp__Seed__AdminPassword='Bench-Admin-Pass-1!' WalletHelp__Seed__AgentPassword='Bench-Agent-Pass-1!' \
    exec env ${APP_ENV:-} Logging__LogLevel__Default=Warning Logging__LogLevel__WalletHelp.Startup=Information $PIN dotnet WalletHelp.Web.dll --urls "http://127.0.0.1:$PORT" >"$WORK/coldstart.log" 2>&1) &
  pid=$!
  until curl -fsS -o /dev/null "http://127.0.0.1:$PORT/" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "the app exited; see $WORK/coldstart.log" >&2; exit 1; }
    sleep 0.01
  done
  ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  # CPU time the process used until then (user + system): far less sensitive to other load than the wall time.
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ print int(($14 + $15) * 1000 / hz) }' "/proc/$pid/stat")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$ms ms (CPU $cpu ms)  $(grep -m1 -o 'Database ready.*' "$WORK/coldstart.log"); $(grep -m1 -o 'Accepting requests.*' "$WORK/coldstart.log")"
}

echo "$(date -u '+%Y-%m-%d %H:%M UTC') · $(nproc) cores · load average $(cut -d' ' -f1-3 /proc/loadavg) · ${PIN:-not pinned}"
for i in $(seq 1 "$RUNS"); do
  rm -rf "$DATA"; mkdir -p "$DATA"
  echo "fresh database, run $i:    $(start_once)"
done
for i in $(seq 1 "$RUNS"); do
  echo "existing database, run $i: $(start_once)"
done
