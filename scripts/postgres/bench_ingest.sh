#!/usr/bin/env bash
# Ingest rate of the PostgreSQL store with two concurrent writers against
# the SQLite store with one, on the same files (docs/quality.md).
#
#   scripts/postgres/bench_ingest.sh POSTGRES_SERVER_URL FILE_LIST
#
# POSTGRES_SERVER_URL names a database the script may create databases
# from (what scripts/postgres/start.sh prints); FILE_LIST holds one input
# path per line. Each setup runs REPEAT times (default 2) into a new
# store; the best time of each is printed.
set -euo pipefail
server="$1"
list="$2"
repeat="${REPEAT:-2}"
bin="${STORYLINE_BIN:-target/release/storyline}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
base="${server%/*}"
awk 'NR % 2 == 1' "$list" >"$work/half1"
awk 'NR % 2 == 0' "$list" >"$work/half2"
files=$(wc -l <"$list")

seconds() { date +%s.%N; }

best() { sort -n | head -1; }

for _ in $(seq "$repeat"); do
    rm -f "$work"/s.db*
    t0=$(seconds)
    xargs -d '\n' "$bin" ingest --db "$work/s.db" <"$list" >/dev/null 2>&1 || true
    echo "$(seconds) - $t0" | bc
done | best >"$work/sqlite"

for writers in 1 2; do
    for _ in $(seq "$repeat"); do
        psql -q "$server" -c "DROP DATABASE IF EXISTS storyline_bench WITH (FORCE)" \
            -c "CREATE DATABASE storyline_bench" >/dev/null
        db="$base/storyline_bench"
        t0=$(seconds)
        if [ "$writers" = 1 ]; then
            xargs -d '\n' "$bin" ingest --db "$db" <"$list" >/dev/null 2>&1 || true
        else
            xargs -d '\n' "$bin" ingest --db "$db" <"$work/half1" >/dev/null 2>&1 &
            xargs -d '\n' "$bin" ingest --db "$db" <"$work/half2" >/dev/null 2>&1 || true
            wait || true
        fi
        echo "$(seconds) - $t0" | bc
    done | best >"$work/pg$writers"
done
psql -q "$server" -c "DROP DATABASE IF EXISTS storyline_bench WITH (FORCE)" >/dev/null

sqlite=$(cat "$work/sqlite")
for w in sqlite pg1 pg2; do
    t=$(cat "$work/$w")
    printf '%-8s %7.2f s  %6.1f files/s  %5.1f%% of SQLite\n' "$w" "$t" \
        "$(echo "$files / $t" | bc -l)" "$(echo "100 * $sqlite / $t" | bc -l)"
done
