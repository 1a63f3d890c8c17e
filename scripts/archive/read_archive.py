#!/usr/bin/env python3
"""Reads a storyline Parquet archive back with two readers that share no
code with storyline (DuckDB and pyarrow) and checks it.

Usage: read_archive.py DIR EXPECTED_JSON

EXPECTED_JSON maps each partitioned table (documents, events, claims,
figures, entities) and "stories" to the number of rows it must hold. The
script prints one JSON object with what it found and exits 1 on the first
check that fails, 3 when duckdb or pyarrow is not installed (the caller
decides whether that is a failure).

Used by crates/cli/tests/archive.rs; CI installs the readers with pip.
"""

import json
import sys

try:
    import duckdb
    import pyarrow as pa
    import pyarrow.dataset as ds
except ImportError as e:
    print(f"missing reader: {e}", file=sys.stderr)
    sys.exit(3)

PARTITIONED = ["documents", "events", "claims", "figures", "entities"]


def fail(message):
    print(f"archive check failed: {message}", file=sys.stderr)
    sys.exit(1)


def main():
    root, expected = sys.argv[1], json.loads(sys.argv[2])
    con = duckdb.connect()

    def table(name):
        return f"read_parquet('{root}/{name}/*/*.parquet', hive_partitioning = true)"

    found = {}
    for name in PARTITIONED:
        n = con.sql(f"select count(*) from {table(name)}").fetchall()[0][0]
        found[name] = n
        # pyarrow, given the partition column's type: its inference does not
        # merge a date folder with Hive's null folder.
        part = ds.partitioning(pa.schema([("date", pa.date32())]), flavor="hive")
        arrow = ds.dataset(f"{root}/{name}", format="parquet", partitioning=part).to_table()
        if arrow.num_rows != n:
            fail(f"{name}: duckdb reads {n} rows, pyarrow {arrow.num_rows}")
    found["stories"] = con.sql(
        f"select count(*) from read_parquet('{root}/stories/*.parquet')"
    ).fetchall()[0][0]
    for name, n in expected.items():
        if found.get(name) != n:
            fail(f"{name}: {found.get(name)} rows, expected {n}")

    # Every event joins its document, and carries its publication day.
    joined, same_day = con.sql(
        f"""select count(*), count(*) filter (where e.published is not distinct from d.published)
            from {table('events')} e join {table('documents')} d on d.document = e.document"""
    ).fetchall()[0]
    if joined != found["events"] or same_day != joined:
        fail(f"events joined to documents: {joined} of {found['events']}, {same_day} on the same day")

    # The partition column is the publication day.
    mismatched = con.sql(
        f"select count(*) from {table('documents')} where date is distinct from published"
    ).fetchall()[0][0]
    if mismatched:
        fail(f"{mismatched} documents in a partition that is not their publication day")

    # Typed columns.
    types = dict(
        (row[0], row[1])
        for row in con.sql(f"describe select * from {table('events')}").fetchall()
    )
    for column, kind in [
        ("published", "DATE"),
        ("event_date", "DATE"),
        ("actors", "VARCHAR[]"),
        ("story", "BIGINT"),
        ("lat", "DOUBLE"),
        ("date", "DATE"),
    ]:
        if types.get(column) != kind:
            fail(f"events.{column} is {types.get(column)}, expected {kind}")

    # The README's query: events per category per week of the largest story.
    weekly = con.sql(
        f"""with biggest as (
                select story from read_parquet('{root}/stories/*.parquet')
                order by len(documents) desc, story limit 1)
            select date_trunc('week', coalesce(event_date, published)) as week,
                   category, count(*) as events
            from {table('events')}
            where story = (select story from biggest)
            group by all order by week, events desc, category"""
    ).fetchall()
    found["weekly"] = [[str(w), c, n] for w, c, n in weekly]
    print(json.dumps(found))


main()
