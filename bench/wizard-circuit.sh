#!/usr/bin/env bash
# The wizard's circuit cost on one published build: retained memory per live circuit (forced GC, dotnet-gcdump) and
# bytes allocated per keystroke (dotnet-counters: the runtime's allocation counter over the measured window, divided
# by the keystrokes the harness sent in it — all-in: the event, its render batch, the debounced rules run and saves).
#
#   bench/wizard-circuit.sh APP_DIR [CIRCUITS] [PATH]     # e.g. bench/wizard-circuit.sh /tmp/app 100
#
# APP_DIR is a `dotnet publish WalletHelp.Web -c Release -o APP_DIR`. Needs dotnet-gcdump and dotnet-counters
# (dotnet tool install -g …). Environment: RAMP (s, default 15), DURATION (s, default 20).
set -euo pipefail
export PATH="$PATH:$HOME/.dotnet/tools"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
APP="${1:?APP_DIR}"; COUNT="${2:-100}"; PAGE="${3:-/diagnose/application-rejected}"
RAMP="${RAMP:-15}"; DURATION="${DURATION:-20}"
DATA="$(mktemp -d)"; PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
dotnet build "$ROOT/WalletHelp.LoadTest" -c Release -nologo -v q >&2
(cd "$APP" && ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__WalletHelp="Data Source=$DATA/w.db" \
  WalletHelp__Seed__AdminPassword='Bench-Admin-Pass-1!' WalletHelp__Seed__AgentPassword='Bench-Agent-Pass-1!' \
  Logging__LogLevel__Default=Warning exec taskset -c 1 dotnet WalletHelp.Web.dll --urls "http://127.0.0.1:$PORT" >"$DATA/app.log" 2>&1) &
PID=$!
trap 'kill $PID 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 600); do curl -fsS -o /dev/null "http://127.0.0.1:$PORT/" 2>/dev/null && break; sleep 0.1; done
taskset -c 0 dotnet "$ROOT/WalletHelp.LoadTest/bin/Release/net10.0/WalletHelp.LoadTest.dll" --url "http://127.0.0.1:$PORT" \
  --path "$PAGE" --circuits "$COUNT" --ramp "$RAMP" --duration "$DURATION" --gcdump-pid "$PID" >"$DATA/load.txt" 2>/dev/null &
LOAD=$!
# The harness measures from RAMP + 3 s for DURATION s: count the allocations over the middle of that window.
sleep $((RAMP + 5))
dotnet-counters collect -p "$PID" --counters System.Runtime --format csv -o "$DATA/counters.csv" --refresh-interval 1 \
  --duration "00:00:$(printf '%02d' $((DURATION - 4)))" >/dev/null 2>&1 || true
wait $LOAD || true
[ -n "${KEEP_COUNTERS:-}" ] && cp "$DATA/counters.csv" "$KEEP_COUNTERS" || true
cat "$DATA/load.txt"
python3 - "$DATA/counters.csv" "$DATA/load.txt" <<'PY'
import csv, re, sys
rows = [r for r in csv.reader(open(sys.argv[1])) if len(r) >= 4]
alloc = [(r[0], float(r[-1])) for r in rows if 'total_allocated' in r[2] or 'Allocation Rate' in r[2]]
events = re.search(r'events (\d+) \((\d+)/s\)', open(sys.argv[2]).read())
if not alloc or not events:
    print('allocation: no counter data'); sys.exit()
name = [r[2] for r in rows if 'total_allocated' in r[2] or 'Allocation Rate' in r[2]][0]
kind = [r[3] for r in rows if r[2] == name][0]
if kind != 'Rate':
    per_second = (alloc[-1][1] - alloc[0][1]) / max(1, len(alloc) - 1)
else:
    per_second = sum(v for _, v in alloc) / len(alloc)
rate = float(events.group(2))
print(f'allocations ({name}): {per_second / 1024 / 1024:.1f} MB/s at {rate:.0f} events/s -> {per_second / rate / 1024:.1f} KB per keystroke (all-in)')
PY
