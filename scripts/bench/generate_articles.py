#!/usr/bin/env python3
"""Writes N distinct article files for memory and speed runs of `ingest`.

Usage: generate_articles.py EXAMPLES_DIR OUT_DIR N

Each file is one of the example articles (taken in turn) with a sentence
of its own added to every paragraph, so no file is a near-copy of another
and every file is an article of normal length. Nothing here is tuned to a
result; it only makes volume.
"""
import pathlib
import sys

PLACES = ["Kenya", "Ghana", "Peru", "Chile", "India", "Japan", "Brazil", "Mexico"]


def main() -> None:
    src, out, n = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), int(sys.argv[3])
    articles = sorted(p for p in src.iterdir() if p.suffix == ".txt")
    out.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        raw = articles[i % len(articles)].read_bytes()
        # One example is deliberately not UTF-8 (the encoding check).
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
        paragraphs = text.split("\n\n")
        place = PLACES[i % len(PLACES)]
        extra = [
            f"Volunteers in district {i} of {place} counted {i % 97 + 3} shelters "
            f"and {i % 41 + 2} field kitchens on shift {j} (batch {i}-{j})."
            for j in range(len(paragraphs))
        ]
        body = "\n\n".join(p + " " + e for p, e in zip(paragraphs, extra))
        (out / f"article-{i:05}.txt").write_text(body, encoding="utf-8")


if __name__ == "__main__":
    main()
