#!/usr/bin/env bash
# Starts a local farm: PostgreSQL and Redis (Debian packages), two WalletHelp instances and nginx in front of them.
#   deploy/local/up.sh            # everything under deploy/local/data, nginx on http://127.0.0.1:8080
# Environment (all optional):
#   WH_DATA        data folder (default deploy/local/data); PostgreSQL, Redis, logs, PIDs, the published app live in it
#   WH_PG_PORT (5433)  WH_REDIS_PORT (6380)  WH_PORT_A (5301)  WH_PORT_B (5302)  WH_NGINX_PORT (8080)
#   WH_APP_DIR     run this already-built WalletHelp.Web output instead of publishing (tests use the Debug build)
#   WH_REPUBLISH=1 publish again even if data/app exists
#   WalletHelp__*  passed to both instances (e.g. WalletHelp__Seed__AdminPassword, rate limits)
# Stop with deploy/local/down.sh (keeps the data) or down.sh --reset (wipes it).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
DATA="${WH_DATA:-$here/data}"
PG_PORT="${WH_PG_PORT:-5433}"
REDIS_PORT="${WH_REDIS_PORT:-6380}"
PORT_A="${WH_PORT_A:-5301}"
PORT_B="${WH_PORT_B:-5302}"
NGINX_PORT="${WH_NGINX_PORT:-8080}"

say() { echo "up.sh: $*"; }
fail() { echo "up.sh: $*" >&2; exit 1; }

# --- what we need from Debian -------------------------------------------------------------------------------------
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
need=()
[ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] || need+=(postgresql)
command -v redis-server >/dev/null || need+=(redis-server)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx)
if [ ${#need[@]} -gt 0 ]; then
    if [ "$(id -u)" = "0" ]; then
        say "installing ${need[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null || fail "apt-get install ${need[*]} failed"
        pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    else
        fail "missing ${need[*]}; install with: sudo apt-get install -y ${need[*]}"
    fi
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
# Debian starts the packaged services on install; ours are separate processes on their own ports and folders.

mkdir -p "$DATA"/{run,logs}
DATA="$(cd "$DATA" && pwd)"
RUN="$DATA/run"; LOGS="$DATA/logs"

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# Secrets are generated once and kept in the data folder (mode 600), so a restart keeps the same passwords.
secrets="$DATA/secrets.env"
if [ ! -f "$secrets" ]; then
    gen() { head -c 18 /dev/urandom | base64 | tr -d '/+=' | head -c 20; }
    umask 077
    {
        echo "PG_PASSWORD=$(gen)"
        echo "REDIS_PASSWORD=$(gen)"
        echo "ADMIN_PASSWORD=${WalletHelp__Seed__AdminPassword:-Adm-$(gen)1!}"
        echo "AGENT_PASSWORD=${WalletHelp__Seed__AgentPassword:-Agt-$(gen)1!}"
    } > "$secrets"
    umask 022
fi
# shellcheck disable=SC1090
. "$secrets"

# --- PostgreSQL: own cluster in $DATA/postgres, listening on 127.0.0.1:$PG_PORT ------------------------------------
as_pg() {
    # initdb and postgres refuse to run as root: as root we run them as the "postgres" user Debian's package creates.
    if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
PGDATA="$DATA/postgres"
if [ "$(id -u)" = "0" ]; then
    chmod 755 "$DATA"  # the postgres user must reach its folder (mktemp folders are 700)
    d="$DATA"; while [ "$d" != "/" ]; do d=$(dirname "$d"); [ -x "$d" ] || chmod o+x "$d"; done
fi
if [ ! -f "$PGDATA/PG_VERSION" ]; then
    say "initialising PostgreSQL in $PGDATA"
    mkdir -p "$PGDATA"
    [ "$(id -u)" = "0" ] && chown postgres:postgres "$PGDATA"
    pwfile="$DATA/run/pgpw"; echo "$PG_PASSWORD" > "$pwfile"; chmod 644 "$pwfile"
    as_pg "$pg_bin/initdb" -D "$PGDATA" -U postgres --pwfile="$pwfile" --encoding=UTF8 --locale=C.UTF-8 \
        --auth-local=trust --auth-host=scram-sha-256 >"$LOGS/initdb.log" 2>&1 || { cat "$LOGS/initdb.log" >&2; fail "initdb failed"; }
    rm -f "$pwfile"
fi
mkdir -p "$DATA/pg-socket"; [ "$(id -u)" = "0" ] && chown postgres:postgres "$DATA/pg-socket"
if ! as_pg "$pg_bin/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
    say "starting PostgreSQL on 127.0.0.1:$PG_PORT"
    touch "$LOGS/postgres.log"; [ "$(id -u)" = "0" ] && chown postgres:postgres "$LOGS/postgres.log"
    as_pg "$pg_bin/pg_ctl" -D "$PGDATA" -l "$LOGS/postgres.log" -w -t 60 \
        -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $DATA/pg-socket -c max_connections=200" start >/dev/null \
        || { tail -20 "$LOGS/postgres.log" >&2; fail "PostgreSQL did not start"; }
fi
head -1 "$PGDATA/postmaster.pid" > "$RUN/postgres.pid"
psql_admin() { as_pg psql -X -q -h "$DATA/pg-socket" -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 "$@"; }
if ! psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname='wallethelp'" | grep 1 >/dev/null; then
    psql_admin -c "CREATE ROLE wallethelp LOGIN CREATEDB PASSWORD '$PG_PASSWORD'"
fi
if ! psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname='wallethelp'" | grep 1 >/dev/null; then
    say "creating database wallethelp"
    psql_admin -c "CREATE DATABASE wallethelp OWNER wallethelp ENCODING 'UTF8' TEMPLATE template0"
fi

# --- Redis ---------------------------------------------------------------------------------------------------------
mkdir -p "$DATA/redis"
if ! alive "$RUN/redis.pid"; then
    say "starting Redis on 127.0.0.1:$REDIS_PORT"
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$DATA/redis" --requirepass "$REDIS_PASSWORD" \
        --daemonize yes --pidfile "$RUN/redis.pid" --logfile "$LOGS/redis.log" --save "" --appendonly no
    for _ in $(seq 50); do alive "$RUN/redis.pid" && break; sleep 0.1; done
    alive "$RUN/redis.pid" || fail "Redis did not start (see $LOGS/redis.log)"
fi

# --- the app: published once into $DATA/app (or WH_APP_DIR) --------------------------------------------------------
if [ -n "${WH_APP_DIR:-}" ]; then
    app_dir="$(cd "$WH_APP_DIR" && pwd)"
else
    app_dir="$DATA/app"
    if [ ! -f "$app_dir/WalletHelp.Web.dll" ] || [ "${WH_REPUBLISH:-0}" = "1" ]; then
        say "publishing WalletHelp.Web to $app_dir"
        dotnet publish "$repo/WalletHelp.Web" -c Release -o "$app_dir" --nologo -v q >"$LOGS/publish.log" 2>&1 \
            || { tail -30 "$LOGS/publish.log" >&2; fail "dotnet publish failed"; }
    fi
fi

start_instance() {
    local name=$1 port=$2
    if alive "$RUN/app-$name.pid"; then return; fi
    say "starting instance $name on 127.0.0.1:$port"
    (
        export ASPNETCORE_URLS="http://127.0.0.1:$port"
        export ASPNETCORE_ENVIRONMENT="${WH_ENVIRONMENT:-Production}"
        export ASPNETCORE_FORWARDEDHEADERS_ENABLED=true
        export WalletHelp__InstanceName="$name"
        export WalletHelp__Database__Provider=Postgres
        # Max Auto Prepare: statements used again are prepared on the server (PostgreSQL's parse and plan per statement
        # was a third of its CPU per diagnosis). WH_PG_EXTRA appends Npgsql options.
        export ConnectionStrings__WalletHelp="Host=127.0.0.1;Port=$PG_PORT;Database=wallethelp;Username=wallethelp;Password=$PG_PASSWORD;Maximum Pool Size=50;Max Auto Prepare=50${WH_PG_EXTRA:+;$WH_PG_EXTRA}"
        export ConnectionStrings__Redis="127.0.0.1:$REDIS_PORT,password=$REDIS_PASSWORD"
        export WalletHelp__Seed__AdminPassword="$ADMIN_PASSWORD"
        export WalletHelp__Seed__AgentPassword="$AGENT_PASSWORD"
        # Both instances share the cores with PostgreSQL, Redis and nginx: idle thread-pool workers block instead of
        # spinning for work (spinning cost a third of an instance's CPU per request under load).
        export DOTNET_ThreadPool_UnfairSemaphoreSpinLimit="${DOTNET_ThreadPool_UnfairSemaphoreSpinLimit:-0}"
        # Warnings and errors, plus start-up; not a console line per diagnosis (Logging__LogLevel__Default=Information for those).
        export Logging__LogLevel__Default="${Logging__LogLevel__Default:-Warning}"
        cd "$app_dir"
        nohup env "Logging__LogLevel__Microsoft.Hosting.Lifetime=Information" "Logging__LogLevel__WalletHelp.Startup=Information" \
            dotnet "$app_dir/WalletHelp.Web.dll" --contentRoot "${WH_CONTENT_ROOT:-$app_dir}" >"$LOGS/app-$name.log" 2>&1 &
        echo $! > "$RUN/app-$name.pid"
    )
}

wait_ready() {
    local url=$1 what=$2 pidfile=${3:-}
    for _ in $(seq 600); do
        if curl -fs -o /dev/null --max-time 2 "$url"; then return 0; fi
        if [ -n "$pidfile" ] && ! alive "$pidfile"; then fail "$what exited (see $LOGS)"; fi
        sleep 0.5
    done
    fail "$what not ready after 300 s ($url; see $LOGS)"
}

# One after the other: the first migrates and seeds, the second finds it done.
start_instance a "$PORT_A"
wait_ready "http://127.0.0.1:$PORT_A/healthz/ready" "instance a" "$RUN/app-a.pid"
start_instance b "$PORT_B"
wait_ready "http://127.0.0.1:$PORT_B/healthz/ready" "instance b" "$RUN/app-b.pid"

# --- nginx: sticky by a cookie it sets itself (open-source nginx has no "sticky") ----------------------------------
mkdir -p "$DATA/nginx/tmp"
user_line=""; [ "$(id -u)" = "0" ] && user_line="user root root;"
sed -e "s#@DATA@#$DATA#g" -e "s#@PORT_A@#$PORT_A#g" -e "s#@PORT_B@#$PORT_B#g" -e "s#@NGINX_PORT@#$NGINX_PORT#g" \
    -e "s#@USER@#$user_line#g" "$here/nginx.conf.template" > "$DATA/nginx/nginx.conf"
if alive "$RUN/nginx.pid"; then
    "$NGINX" -p "$DATA/nginx" -c "$DATA/nginx/nginx.conf" -e "$LOGS/nginx-error.log" -s reload
else
    say "starting nginx on 127.0.0.1:$NGINX_PORT"
    "$NGINX" -p "$DATA/nginx" -c "$DATA/nginx/nginx.conf" -e "$LOGS/nginx-error.log" || fail "nginx did not start (see $LOGS/nginx-error.log)"
fi
wait_ready "http://127.0.0.1:$NGINX_PORT/healthz/ready" "nginx"

cat <<INFO
up.sh: ready
  through nginx : http://127.0.0.1:$NGINX_PORT/
  instance a    : http://127.0.0.1:$PORT_A/   instance b: http://127.0.0.1:$PORT_B/
  PostgreSQL    : 127.0.0.1:$PG_PORT database wallethelp user wallethelp   Redis: 127.0.0.1:$REDIS_PORT
  admin         : ${WalletHelp__Seed__AdminEmail:-admin@wallethelp.local} / $ADMIN_PASSWORD
  agent         : ${WalletHelp__Seed__AgentEmail:-agent@wallethelp.local} / $AGENT_PASSWORD
  data and logs : $DATA   (passwords in $secrets)
  stop          : $here/down.sh   (keeps the data; --reset wipes it)
INFO
