#!/usr/bin/env bash
# Runs every test (unit, component, API, browser) and ends with the plain line "N passed, N failed".
# Browser tests need Debian's chromium and fonts-noto-cjk, the scale-out tests postgresql, redis-server and nginx:
# installed here when run as root.
set -uo pipefail
cd "$(dirname "$0")"

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
# The scale-out tests start deploy/local/up.sh: PostgreSQL, Redis and nginx from Debian's packages.
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v redis-server >/dev/null || need+=(redis-server)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx)
# grep reads all of fc-list's output (no -q): with pipefail, -q exits at the first match and fc-list dies of SIGPIPE.
if ! fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null; then need+=(fonts-noto-cjk); fi
if [ ${#need[@]} -gt 0 ]; then
    if [ "$(id -u)" = "0" ]; then
        echo "test.sh: installing ${need[*]} for the browser tests"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null || { echo "test.sh: apt-get install ${need[*]} failed"; echo "0 passed, 1 failed"; exit 1; }
    else
        echo "test.sh: the browser and scale-out tests need: ${need[*]}"
        echo "         install them with: sudo apt-get install -y ${need[*]}"
        echo "0 passed, 1 failed"
        exit 1
    fi
fi

results="TestResults"
rm -rf "$results/trx"
dotnet test WalletHelp.sln -c Debug \
    --logger "trx;LogFilePrefix=run" --logger "console;verbosity=normal" \
    --results-directory "$results/trx" "$@"
status=$?

passed=0; failed=0
shopt -s nullglob
for trx in "$results"/trx/*.trx; do
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
    p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
    f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
    passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
# The failed tests and the start of their messages, last, so a log's tail names them.
for trx in "$results"/trx/*.trx; do
    awk '
        /<UnitTestResult / && /outcome="Failed"/ {
            match($0, /testName="[^"]*"/); name = substr($0, RSTART + 10, RLENGTH - 11)
            gsub(/&quot;/, "\"", name); gsub(/&amp;/, "\\&", name)
            print "FAILED: " name; want = 1; next
        }
        want && /<Message>/ { inmsg = 1; lines = 0; sub(/.*<Message>/, "") }
        inmsg {
            done = sub(/<\/Message>.*/, "")
            gsub(/&quot;/, "\""); gsub(/&lt;/, "<"); gsub(/&gt;/, ">"); gsub(/&amp;/, "\\&")
            if (lines < 12) print "    " $0
            lines++
            if (done) { inmsg = 0; want = 0 }
        }
    ' "$trx"
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1  # the build or the runner failed before any test could report
fi
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
