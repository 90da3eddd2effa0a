#!/usr/bin/env bash
# HTTP throughput of the published app beside the stock Blazor template, one core each.
#
#   bench/http.sh            # publishes both (Release), runs both in Production pinned to core 1 (taskset -c 1),
#                            # runs wrk -t1 -c32 -d10s pinned to core 0 against each URL, prints a table
#
# Environment: BENCH_DIR (work folder, default $TMPDIR/wallethelp-bench-http), DURATION (default 10s),
# CONNECTIONS (default 32), SKIP_PUBLISH=1 (reuse the last publish). Needs wrk (Debian: apt-get install -y wrk).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${BENCH_DIR:-${TMPDIR:-/tmp}/wallethelp-bench-http}"
DURATION="${DURATION:-10s}"
CONNECTIONS="${CONNECTIONS:-32}"
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
APP_PORT="${APP_PORT:-$(free_port)}"
TEMPLATE_PORT="${TEMPLATE_PORT:-$(free_port)}"
FAQ_SLUG="${FAQ_SLUG:-bank-reserved-phone}"
FAQ_QUERY="${FAQ_QUERY:-%E9%A2%84%E7%95%99%E6%89%8B%E6%9C%BA}" # 预留手机

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y wrk >/dev/null || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
  else
    echo "bench/http.sh needs wrk: run 'apt-get install -y wrk' as root." >&2
    exit 2
  fi
fi
command -v taskset >/dev/null || { echo "bench/http.sh needs taskset (Debian: util-linux)." >&2; exit 2; }

mkdir -p "$WORK"
if [ "${SKIP_PUBLISH:-}" != 1 ]; then
  echo "publishing WalletHelp (Release) …" >&2
  rm -rf "$WORK/app"
  dotnet publish "$ROOT/WalletHelp.Web" -c Release -o "$WORK/app" -nologo -v q >&2
  echo "creating and publishing the stock template (dotnet new blazor -au Individual -int Server -ai) …" >&2
  rm -rf "$WORK/template-src" "$WORK/template"
  mkdir -p "$WORK/template-src"
  # Its own folder outside the repository: the repository's Directory.*.props must not apply to it.
  (cd "$WORK/template-src" && dotnet new blazor -au Individual -int Server -ai -n Tmpl -o Tmpl >/dev/null 2>&1 \
    || dotnet new blazor -au Individual -int Server -n Tmpl -o Tmpl >/dev/null)
  dotnet publish "$WORK/template-src/Tmpl" -c Release -o "$WORK/template" -nologo -v q >&2
fi

PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

wait_for() { # url pid
  for _ in $(seq 1 600); do
    kill -0 "$2" 2>/dev/null || { echo "the server for $1 exited; see $WORK/*.log" >&2; return 1; }
    if curl -fsS -o /dev/null "$1" 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "no answer from $1" >&2; return 1
}

# The template: its home page does not touch the database.
(cd "$WORK/template" && ASPNETCORE_ENVIRONMENT=Production exec taskset -c 1 dotnet Tmpl.dll --urls "http://127.0.0.1:$TEMPLATE_PORT" >"$WORK/template.log" 2>&1) &
PIDS+=($!); TEMPLATE_PID=$!
# WalletHelp on a fresh database; write budgets raised so that the run measures the writes, not the 429s.
rm -rf "$WORK/data"; mkdir -p "$WORK/data"
(cd "$WORK/app" && ASPNETCORE_ENVIRONMENT=Production \
  ConnectionStrings__WalletHelp="Data Source=$WORK/data/wallethelp.db" \
  WalletHelp__Seed__AdminPassword='Bench-Admin-Pass-1!' WalletHelp__Seed__AgentPassword='Bench-Agent-Pass-1!' \
  WalletHelp__RateLimits__DiagnosesPerMinute=10000000 WalletHelp__RateLimits__FaqSearchesPerMinute=10000000 \
  Logging__LogLevel__Default=Warning \
  exec taskset -c 1 dotnet WalletHelp.Web.dll --urls "http://127.0.0.1:$APP_PORT" >"$WORK/app.log" 2>&1) &
PIDS+=($!); APP_PID=$!
wait_for "http://127.0.0.1:$TEMPLATE_PORT/" "$TEMPLATE_PID"
wait_for "http://127.0.0.1:$APP_PORT/healthz" "$APP_PID"

cat >"$WORK/post-diagnosis.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"symptom":"application-rejected","language":"en","personal":{"name":"张三","idNumber":"110105194912310023"}}'
LUA

to_ms() { # "1.23ms" / "850.00us" / "1.02s" → milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; } # user + system time of a process, in clock ticks

ROWS=()
run() { # name pid url [lua]
  local name="$1" pid="$2" url="$3" lua="${4:-}" args=()
  [ -n "$lua" ] && args=(-s "$lua")
  taskset -c 0 wrk -t1 -c"$CONNECTIONS" -d3s "${args[@]}" "$url" >/dev/null # warm-up (JIT, caches)
  local out before after
  before="$(cpu_ticks "$pid")"
  out="$(taskset -c 0 wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency "${args[@]}" "$url")"
  after="$(cpu_ticks "$pid")"
  local rps p50 p99 errors requests cpu
  rps="$(awk '/^Requests\/sec/ { printf "%.0f", $2 }' <<<"$out")"
  p50="$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")"
  p99="$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")"
  errors="$(awk '/Non-2xx or 3xx/ { print $NF }' <<<"$out")"
  requests="$(awk '/requests in/ { print $1 }' <<<"$out")"
  # The server's CPU time per request: what one core can serve at most (1000 / this = req/s), whatever else runs.
  cpu="$(awk -v t="$((after - before))" -v hz="$(getconf CLK_TCK)" -v n="$requests" 'BEGIN { printf "%.3f", t * 1000 / hz / n }')"
  ROWS+=("$name|$rps|$p50|$p99|${errors:-0}|$cpu")
  echo "  $name: $rps req/s, p50 $p50 ms, p99 $p99 ms, non-2xx ${errors:-0}, server CPU $cpu ms/request" >&2
}

LOAD_BEFORE="$(cut -d" " -f1-3 /proc/loadavg)"
echo "running wrk -t1 -c$CONNECTIONS -d$DURATION (servers on core 1, wrk on core 0) …" >&2
run "template home (/)" "$TEMPLATE_PID" "http://127.0.0.1:$TEMPLATE_PORT/"
run "WalletHelp home (/)" "$APP_PID" "http://127.0.0.1:$APP_PORT/"
run "WalletHelp FAQ article (/faq/$FAQ_SLUG)" "$APP_PID" "http://127.0.0.1:$APP_PORT/faq/$FAQ_SLUG"
run "WalletHelp GET /api/v1/faq?q=预留手机" "$APP_PID" "http://127.0.0.1:$APP_PORT/api/v1/faq?q=$FAQ_QUERY"
run "WalletHelp POST /api/v1/diagnoses" "$APP_PID" "http://127.0.0.1:$APP_PORT/api/v1/diagnoses" "$WORK/post-diagnosis.lua"

anchor="$(cut -d'|' -f2 <<<"${ROWS[0]}")"
echo
echo "$(date -u '+%Y-%m-%d %H:%M UTC') · $(nproc) cores · $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') · load average before: $LOAD_BEFORE, after: $(cut -d" " -f1-3 /proc/loadavg)"
echo "wrk -t1 -c$CONNECTIONS -d$DURATION on core 0, servers on core 1 (Production, Release)"
echo
echo "| what | req/s | p50 ms | p99 ms | non-2xx | × template home | server CPU ms/request |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for row in "${ROWS[@]}"; do
  IFS='|' read -r name rps p50 p99 errors cpu <<<"$row"
  ratio="$(awk -v a="$rps" -v b="$anchor" 'BEGIN { printf "%.2f", a / b }')"
  echo "| $name | $rps | $p50 | $p99 | $errors | $ratio | $cpu |"
done
