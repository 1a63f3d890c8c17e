#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on loopback for storyline's tests
# and for trying the PostgreSQL store, and prints its connection string.
#
#   eval "$(scripts/postgres/start.sh)"     # sets STORYLINE_TEST_POSTGRES
#   scripts/postgres/stop.sh                 # stops it and removes its files
#
# It uses Debian's PostgreSQL (package postgresql), installing it when it
# is missing and the machine may. The cluster trusts local connections and
# lives in a temporary folder: it is for tests, not for keeping data.
set -euo pipefail

port="${STORYLINE_PG_PORT:-54329}"
state="${STORYLINE_PG_DIR:-${TMPDIR:-/tmp}/storyline-pg-$port}"

find_bin() {
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

bin="$(find_bin)"
if [ -z "$bin" ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2 ||
        { echo "error: PostgreSQL is not installed and could not be installed (apt-get install postgresql)" >&2; exit 1; }
    bin="$(find_bin)"
fi

# PostgreSQL refuses to run as root; the package's own user runs it then.
run() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

if [ -f "$state/data/postmaster.pid" ] && run "$bin/pg_ctl" -D "$state/data" status >/dev/null 2>&1; then
    :
else
    rm -rf "$state"
    mkdir -p "$state"
    [ "$(id -u)" = 0 ] && chown postgres "$state"
    run "$bin/initdb" -D "$state/data" -U storyline --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$state/initdb.log" 2>&1 ||
        { cat "$state/initdb.log" >&2; exit 1; }
    run "$bin/pg_ctl" -D "$state/data" -l "$state/server.log" -w \
        -o "-p $port -k $state -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >&2 ||
        { cat "$state/server.log" >&2; exit 1; }
fi
echo "export STORYLINE_TEST_POSTGRES=postgres://storyline@127.0.0.1:$port/postgres"
