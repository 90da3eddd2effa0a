#!/usr/bin/env bash
# Server CPU and allocation per POST /api/v1/diagnoses, for comparing builds in the same conditions.
#
#   bench/diagnoses-cpu.sh /tmp/before /tmp/after          # publish dirs (dotnet publish WalletHelp.Web -c Release -o DIR)
#   RUNS=3 DURATION=10s bench/diagnoses-cpu.sh DIR [DIR …]  # runs the dirs alternately, RUNS rounds
#
# Each run: the app on a fresh SQLite database pinned to core 1 (Production, diagnosis budget raised as in bench/http.sh),
# a 3 s warm-up, then wrk -t1 -c32 on core 0 with bench/http.sh's body. Prints req/s, p50, p99, the server's CPU time per
# request (user + system from /proc/<pid>/stat, ÷ requests) and, when ~/.dotnet/tools/dotnet-counters exists, the bytes
# allocated per request (dotnet.gc.heap.total_allocated rate ÷ req/s) and the GC pause time per second.
set -euo pipefail
[ $# -ge 1 ] || { sed -n 2,10p "$0"; exit 2; }
RUNS="${RUNS:-3}"; DURATION="${DURATION:-10s}"
COUNTERS="${DOTNET_COUNTERS:-$HOME/.dotnet/tools/dotnet-counters}"
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

run_one() { # publish dir
  local app="$1" work port pid out before after n rps
  work="$(mktemp -d)"; port="$(free_port)"
  (cd "$app" && ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__WalletHelp="Data Source=$work/w.db" \
    WalletHelp__Seed__AdminPassword='Bench-Admin-Pass-1!' WalletHelp__Seed__AgentPassword='Bench-Agent-Pass-1!' \
    WalletHelp__RateLimits__DiagnosesPerMinute=10000000 Logging__LogLevel__Default=Warning \
    exec taskset -c 1 dotnet WalletHelp.Web.dll --urls "http://127.0.0.1:$port" >"$work/app.log" 2>&1) &
  pid=$!
  for _ in $(seq 600); do curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" 2>/dev/null && break; sleep 0.1; done
  cat >"$work/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"symptom":"application-rejected","language":"en","personal":{"name":"张三","idNumber":"110105194912310023"}}'
LUA
  local url="http://127.0.0.1:$port/api/v1/diagnoses"
  taskset -c 0 wrk -t1 -c32 -d3s -s "$work/post.lua" "$url" >/dev/null
  local counters_pid=""
  if [ -x "$COUNTERS" ]; then
    "$COUNTERS" collect -p "$pid" --counters 'System.Runtime[dotnet.gc.heap.total_allocated,dotnet.gc.pause.time]' \
      --format csv --duration 00:00:00:07 -o "$work/counters.csv" >/dev/null 2>&1 & counters_pid=$!
  fi
  before="$(awk '{ print $14 + $15 }' "/proc/$pid/stat")"
  out="$(taskset -c 0 wrk -t1 -c32 -d"$DURATION" --latency -s "$work/post.lua" "$url")"
  after="$(awk '{ print $14 + $15 }' "/proc/$pid/stat")"
  [ -n "$counters_pid" ] && wait "$counters_pid" || true
  kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  n="$(awk '/requests in/ { print $1 }' <<<"$out")"
  rps="$(awk '/^Requests\/sec/ { print $2 }' <<<"$out")"
  local alloc=""
  if [ -s "$work/counters.csv" ]; then
    alloc="$(awk -F, -v rps="$rps" '/total_allocated/ { a += $NF; na++ } /pause.time/ { p += $NF; np++ }
      END { if (na && rps > 0) printf ", %.1f KB allocated/request, GC pause %.0f ms/s", a / na / rps / 1024, np ? 1000 * p / np : 0 }' "$work/counters.csv")"
  fi
  printf '%s: %s req/s, p50 %s, p99 %s, non-2xx %s, server CPU %s ms/request%s (load %s)\n' "$app" "$rps" \
    "$(awk '$1 == "50%" { print $2 }' <<<"$out")" "$(awk '$1 == "99%" { print $2 }' <<<"$out")" \
    "$(awk '/Non-2xx/ { print $NF }' <<<"$out" | grep . || echo 0)" \
    "$(awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="$n" 'BEGIN { printf "%.3f", t * 1000 / hz / n }')" \
    "$alloc" "$(cut -d' ' -f1 /proc/loadavg)"
  rm -rf "$work"
}

for round in $(seq 1 "$RUNS"); do
  for app in "$@"; do run_one "$app"; done
done
