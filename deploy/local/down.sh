#!/usr/bin/env bash
# Stops what deploy/local/up.sh started, by the PIDs it recorded (nothing else). Keeps the data unless --reset.
#   WH_DATA  the data folder (default deploy/local/data)
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
DATA="${WH_DATA:-$here/data}"
reset=0; [ "${1:-}" = "--reset" ] && reset=1
[ -d "$DATA" ] || { echo "down.sh: nothing at $DATA"; exit 0; }
RUN="$DATA/run"

stop_pid() {
    local name=$1 file=$2 signal=${3:-TERM}
    [ -f "$file" ] || return 0
    local pid; pid=$(cat "$file")
    if kill -0 "$pid" 2>/dev/null; then
        echo "down.sh: stopping $name (pid $pid)"
        kill "-$signal" "$pid" 2>/dev/null
        for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -0 "$pid" 2>/dev/null && { echo "down.sh: $name did not stop, killing pid $pid"; kill -KILL "$pid" 2>/dev/null; }
    fi
    rm -f "$file"
}

stop_pid nginx "$RUN/nginx.pid" QUIT
stop_pid "instance b" "$RUN/app-b.pid"
stop_pid "instance a" "$RUN/app-a.pid"
stop_pid redis "$RUN/redis.pid"
# PostgreSQL's postmaster: SIGINT is its "fast shutdown" (what pg_ctl stop -m fast sends).
stop_pid postgres "$RUN/postgres.pid" INT

if [ "$reset" = 1 ]; then
    echo "down.sh: removing $DATA"
    rm -rf "$DATA"
fi
