#!/usr/bin/env bash
# Stops the cluster scripts/postgres/start.sh started and removes its files.
set -euo pipefail
port="${STORYLINE_PG_PORT:-54329}"
state="${STORYLINE_PG_DIR:-${TMPDIR:-/tmp}/storyline-pg-$port}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
if [ -n "$bin" ] && [ -d "$state/data" ]; then
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$bin/pg_ctl" -D "$state/data" -m fast stop >/dev/null 2>&1 || true
    else
        "$bin/pg_ctl" -D "$state/data" -m fast stop >/dev/null 2>&1 || true
    fi
fi
rm -rf "$state"
