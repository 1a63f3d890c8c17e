#!/usr/bin/env python3
"""Fills in and checks the character offsets of the entity gold set.

Usage: python3 offsets.py paragraphs.toml [SOURCE.toml]

Offsets are never typed by hand. Each mention is written with its `text`;
this script finds it in the paragraph as the next whole-word occurrence
after the previous mention (mentions are listed in text order and do not
overlap), and writes `start` and `end` as Unicode scalar offsets, `end`
exclusive, so that Python's `text[start:end]` is the mention.

With one argument the file is rewritten in place (offsets recomputed,
layout normalised). With two, the paragraphs are read from SOURCE and
written into the first file under its existing header (every line before
the first `[[paragraph]]`).

It also prints, for review, every capitalised word run that no mention
covers, so that a forgotten name is easy to spot.
"""

import json
import re
import sys
import tomllib

KINDS = {"person", "org", "country", "place", "group"}
DOMAINS = {"business", "courts", "science", "protests", "disasters", "politics"}
LINK = re.compile(r"^(|person:[a-z0-9-]+|org:[A-Z0-9-]+|country:[A-Z]{3}|place:(geonames:\d+|[a-z]{3}-[a-z0-9-]+))$")


def word_char(c):
    return c.isalnum()


def locate(text, needle, start):
    """The first whole-word occurrence of `needle` at or after `start`."""
    i = text.find(needle, start)
    while i >= 0:
        before = text[i - 1] if i > 0 else " "
        after = text[i + len(needle)] if i + len(needle) < len(text) else " "
        if not word_char(before) and not word_char(after):
            return i
        i = text.find(needle, i + 1)
    return -1


def fill(paragraph):
    text = paragraph["text"]
    cursor = 0
    for m in paragraph["mentions"]:
        i = locate(text, m["text"], cursor)
        if i < 0:
            sys.exit(f"{paragraph['id']}: `{m['text']}` not found after offset {cursor}")
        m["start"], m["end"] = i, i + len(m["text"])
        assert text[m["start"] : m["end"]] == m["text"]
        if m["kind"] not in KINDS:
            sys.exit(f"{paragraph['id']}: bad kind {m['kind']}")
        for link in [m["link"], *m.get("also", [])]:
            if not LINK.match(link):
                sys.exit(f"{paragraph['id']}: bad link {link!r}")
        cursor = m["end"]


def sentences(text):
    return len(re.findall(r"[.!?](?:\s|$)", text))


def uncovered(paragraph):
    """Capitalised runs outside every mention, for a reviewer's eye."""
    text = paragraph["text"]
    covered = [False] * len(text)
    for m in paragraph["mentions"]:
        for k in range(m["start"], m["end"]):
            covered[k] = True
    runs = []
    for match in re.finditer(r"\b[A-Z][\w&.'-]*(?:\s+(?:of|the|and|for|de|bin|al|von|der)?\s*[A-Z][\w&.'-]*)*", text):
        if not any(covered[match.start() : match.end()]):
            runs.append(match.group(0))
    return runs


def q(s):
    return json.dumps(s, ensure_ascii=False)


def emit(paragraph):
    out = ["[[paragraph]]"]
    for key in ("id", "domain", "published", "headline", "traps", "text"):
        out.append(f"{key} = {q(paragraph[key])}")
    out.append("mentions = [")
    for m in paragraph["mentions"]:
        fields = [
            f"text = {q(m['text'])}",
            f"start = {m['start']}",
            f"end = {m['end']}",
            f"kind = {q(m['kind'])}",
            f"link = {q(m['link'])}",
        ]
        if m.get("also"):
            fields.append("also = [" + ", ".join(q(a) for a in m["also"]) + "]")
        out.append("  { " + ", ".join(fields) + " },")
    out.append("]")
    return "\n".join(out) + "\n"


def main():
    target = sys.argv[1]
    source = sys.argv[2] if len(sys.argv) > 2 else target
    with open(source, "rb") as f:
        data = tomllib.load(f)
    try:
        with open(target, encoding="utf-8") as f:
            existing = f.read()
    except FileNotFoundError:
        existing = ""
    header = existing.split("[[paragraph]]", 1)[0]
    ids = set()
    for p in data["paragraph"]:
        if p["id"] in ids:
            sys.exit(f"duplicate id {p['id']}")
        ids.add(p["id"])
        if p["domain"] not in DOMAINS:
            sys.exit(f"{p['id']}: bad domain {p['domain']}")
        n = sentences(p["text"])
        if not 2 <= n <= 6:
            print(f"note: {p['id']} has {n} sentence ends", file=sys.stderr)
        fill(p)
        runs = uncovered(p)
        if runs:
            print(f"{p['id']}: not annotated: {runs}", file=sys.stderr)
    body = "\n".join(emit(p) for p in data["paragraph"])
    with open(target, "w", encoding="utf-8") as f:
        f.write(header.rstrip("\n") + "\n\n" + body if header.strip() else body)
    counts = {}
    for p in data["paragraph"]:
        counts[p["domain"]] = counts.get(p["domain"], 0) + 1
    mentions = sum(len(p["mentions"]) for p in data["paragraph"])
    linked = sum(1 for p in data["paragraph"] for m in p["mentions"] if m["link"])
    print(f"{len(data['paragraph'])} paragraphs {counts}, {mentions} mentions, {linked} linked", file=sys.stderr)


if __name__ == "__main__":
    main()
