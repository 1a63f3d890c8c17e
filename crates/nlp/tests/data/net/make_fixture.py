"""Writes fixture.json for tests/network_parity.rs from the Python reference.

    cd shared/models/reference
    python pipeline.py <this folder>/text.txt --dump /tmp/net-dump
    python <this folder>/make_fixture.py /tmp/net-dump <this folder>/fixture.json

It must run from the reference folder, since it also imports the reference's network.

text.txt is a short text written for this test. Floats keep 7 significant digits.
"""
import json
import sys
from pathlib import Path

import numpy as np

PARSER_STEPS = 40   # score rows kept; the features of every step are kept
LONG_REPEAT = 12    # the features repeated into a document longer than one encoder tile
LONG_ROWS = (236, 276)  # rows kept of its tok2vec output: around the first tile border


def floats(a):
    return [float(f"{v:.7g}") for v in np.asarray(a, dtype=np.float32).ravel()]


def main(dump: str, out: str):
    d = Path(dump)
    load = lambda name: np.load(d / f"{name}.npy")
    fixture = {
        "features": load("features").tolist(),
        "ner_features": load("ner_features").tolist(),
        "tok2vec_output": floats(load("tok2vec_output")),
        "ner_tok2vec_output": floats(load("ner_tok2vec_output")),
        "tags": load("tagger_scores").argmax(axis=1).tolist(),
        "parser_step_features": load("parser_step_features").tolist(),
        "parser_step_scores": floats(load("parser_step_scores")[:PARSER_STEPS]),
        "ner_step_features": load("ner_step_features").tolist(),
        "ner_step_scores": floats(load("ner_step_scores")),
    }
    # The reference's own network on a longer document, for the tile borders.
    sys.path.insert(0, ".")     # run from shared/models/reference
    from model_files import load_thinc_model
    from network import Tok2Vec
    long_ids = np.tile(load("features"), (LONG_REPEAT, 1))
    long_out = Tok2Vec(load_thinc_model("tok2vec/model"))(long_ids)
    fixture["long_repeat"] = LONG_REPEAT
    fixture["long_rows"] = list(LONG_ROWS)
    fixture["long_tok2vec_rows"] = floats(long_out[LONG_ROWS[0]:LONG_ROWS[1]])
    fixture["long_tok2vec_last"] = floats(long_out[-6:])
    Path(out).write_text(json.dumps(fixture, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main(*sys.argv[1:])
