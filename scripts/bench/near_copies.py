#!/usr/bin/env python3
"""Times `storyline ingest` of N near-copies of one article against N distinct
articles, the check behind issue 20's target (near-copies within 2 times).

Usage: near_copies.py STORYLINE_BINARY [N] [WORK_DIR]

Writes two folders under WORK_DIR (a new temporary folder when not given):
`near-copies/`, one article repeated N times with a sentence of its own
added to each copy, and `distinct/`, N articles that share no more than
their sentence patterns. Then ingests each into a new store, one after the
other, and prints both wall times, the number of copies the store found,
and the ratio. Every word is made up here from a fixed seed, so the run is
the same each time and borrows no one's text.
"""
import pathlib
import random
import sqlite3
import subprocess
import sys
import tempfile
import time

# Invented names: people, towns, companies and things, none of them real.
FIRST = ["Avel", "Brin", "Corra", "Dessa", "Eamon", "Fira", "Galen", "Hestia",
         "Ivo", "Jorna", "Kell", "Lyra", "Maro", "Nessa", "Orrin", "Pella"]
LAST = ["Vantree", "Oskeld", "Marrow", "Quillan", "Dathe", "Sorrel", "Brannic",
        "Thessaly", "Ormund", "Caskell", "Wendry", "Lovat", "Prenn", "Haldor"]
TOWNS = ["Karsdale", "Minnow Ford", "Estrel", "Vauxby", "Droom", "Pellham Cross",
         "Ostry", "Larkwater", "Bewick Point", "Tollan", "Sarne", "Quenby"]
BODIES = ["the Karsdale water board", "the Estrel port authority",
          "the Vauxby town council", "Ostry Rail", "the Tollan ferry company",
          "the Larkwater hospital trust", "Sarne Grain", "the Droom fire service"]
THINGS = ["bridge", "ferry", "grain store", "pumping station", "school roof",
          "sea wall", "signal box", "market hall", "footpath", "reservoir"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
MONTHS = ["March", "April", "May", "June", "July", "August"]

SENTENCES = [
    "{body} said on {day} that the {thing} in {town} would close for {n} days.",
    "{person}, who speaks for {body}, said repairs would cost {n} thousand crowns.",
    "About {n} residents of {town} signed a letter asking for the {thing} to reopen.",
    "The {thing} was built in {year} and last repaired in {year2}, records show.",
    "{person} told reporters in {town} that {n} workers had been moved to other sites.",
    "Engineers found {n} cracks in the {thing} during an inspection in {month}.",
    "{body} expects to publish its full report by the end of {month}.",
    "Traders in {town} said takings had fallen by {n} percent since the closure.",
    "{person} said the council had set aside {n} thousand crowns for the work.",
    "A second {thing} in {town} will stay open, {body} said.",
    "Buses will replace the {thing} service between {town} and {town2} until {month}.",
    "{person} of {town} said the delay had cost her shop {n} hundred crowns.",
    "The work on the {thing} is due to finish on {day}, {n} {month}.",
    "{body} hired {n} extra staff to handle calls about the {thing}.",
]


def fill(pattern: str, rng: random.Random) -> str:
    """A sentence from a pattern, its capital restored after a body's name."""
    s = pattern.format(
        body=rng.choice(BODIES),
        person=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        town=rng.choice(TOWNS),
        town2=rng.choice(TOWNS),
        thing=rng.choice(THINGS),
        day=rng.choice(DAYS),
        month=rng.choice(MONTHS),
        n=rng.randint(2, 950),
        year=rng.randint(1890, 1990),
        year2=rng.randint(1991, 2024),
    )
    return s[0].upper() + s[1:]


def article(rng: random.Random, paragraphs: int = 6) -> list[str]:
    """An article as paragraphs of two or three sentences each."""
    out = []
    for _ in range(paragraphs):
        out.append(" ".join(fill(rng.choice(SENTENCES), rng)
                            for _ in range(rng.randint(2, 3))))
    return out


def headline(rng: random.Random) -> str:
    return f"{rng.choice(THINGS).capitalize()} in {rng.choice(TOWNS)} closes for repairs"


def write(folder: pathlib.Path, n: int) -> None:
    copies = folder / "near-copies"
    distinct = folder / "distinct"
    copies.mkdir(parents=True, exist_ok=True)
    distinct.mkdir(parents=True, exist_ok=True)
    base_rng = random.Random(20)
    base_title = headline(base_rng)
    base = article(base_rng)
    for i in range(n):
        rng = random.Random(1000 + i)
        # A copy differs from the original by one sentence of its own,
        # added to a paragraph chosen per copy.
        own = fill(rng.choice(SENTENCES), rng) + f" The note was filed as item {i}."
        body = list(base)
        k = rng.randrange(len(body))
        body[k] = body[k] + " " + own
        (copies / f"copy-{i:05}.txt").write_text(
            base_title + "\n\n" + "\n\n".join(body) + "\n", encoding="utf-8")
        rng = random.Random(500_000 + i)
        (distinct / f"article-{i:05}.txt").write_text(
            headline(rng) + "\n\n" + "\n\n".join(article(rng)) + "\n", encoding="utf-8")


def ingest(binary: str, folder: pathlib.Path, db: pathlib.Path) -> float:
    db.unlink(missing_ok=True)
    start = time.monotonic()
    subprocess.run([binary, "ingest", "--db", str(db), str(folder)],
                   check=True, stdout=subprocess.DEVNULL)
    return time.monotonic() - start


def copies_found(db: pathlib.Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM copies").fetchone()[0]


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    binary = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    work = pathlib.Path(sys.argv[3]) if len(sys.argv) > 3 else pathlib.Path(
        tempfile.mkdtemp(prefix="near-copies-"))
    write(work, n)
    t_copies = ingest(binary, work / "near-copies", work / "near-copies.db")
    found = copies_found(work / "near-copies.db")
    t_distinct = ingest(binary, work / "distinct", work / "distinct.db")
    found_distinct = copies_found(work / "distinct.db")
    print(f"{n} near-copies of one article: {t_copies:.2f} s ({found} found as copies)")
    print(f"{n} distinct articles: {t_distinct:.2f} s ({found_distinct} found as copies)")
    print(f"ratio: {t_copies / t_distinct:.2f} (issue 20's target: at most 2)")


if __name__ == "__main__":
    main()
