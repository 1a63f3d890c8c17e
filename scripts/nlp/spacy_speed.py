"""Times spaCy's en_core_web_sm 3.8.0 on the golden corpus texts, on one thread, for
comparison with the Rust port's benchmark over the same texts.

    v/bin/python scripts/nlp/spacy_speed.py [--shared ../shared] [--batch-size 64] [--runs 3]

The texts are the ones named in crates/nlp/tests/golden/corpus.jsonl.gz (read from the
shared folder, each checked against its sha256); `--fixtures` times the committed
fixture texts instead. After a warm-up pass over all texts, `nlp.pipe(texts,
batch_size=...)` with the whole pipeline (tok2vec, tagger, parser, attribute_ruler,
lemmatizer, ner) is timed `--runs` times; the result, with the median, is one JSON
object on stdout. Time covers annotation only (texts already in memory, Doc objects
consumed as they come and dropped). Wall time is the figure to quote; the process CPU
time is reported beside it because, on a shared machine, other jobs inflate the wall time
(the load average at the end is in the output: compare only quiet runs).
"""

import os

# One thread, before numpy/thinc/blis are imported.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS",
             "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import importlib.util  # noqa: E402
import json  # noqa: E402
import pathlib  # noqa: E402
import platform  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import golden  # noqa: E402


def cpu_name():
    try:
        for line in pathlib.Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or None


def load_texts(args):
    if args.fixtures:
        root, path = golden.GOLDEN, golden.GOLDEN / "fixtures.jsonl"
    else:
        root, path = args.shared.resolve(), golden.GOLDEN / "corpus.jsonl.gz"
    head, docs = golden.read_golden(path)
    cache, texts = {}, []
    for d in docs:
        text = golden.read_source(root, d["source"], cache)
        if golden.sha256(text) != d["sha256"]:
            sys.exit(f"error: {d['source']} changed since the golden file was made (sha256 differs)\n"
                     f"hint: regenerate with scripts/nlp/golden.py")
        texts.append(text)
    return path, head, texts


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=pathlib.Path, default=golden.REPO.parent / "shared")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--fixtures", action="store_true", help="time the committed fixture texts")
    ap.add_argument("--pin", type=int, default=None, metavar="CPU", help="pin the process to this CPU")
    args = ap.parse_args()
    if args.pin is not None:
        os.sched_setaffinity(0, {args.pin})

    path, head, texts = load_texts(args)

    import spacy

    nlp = spacy.load(golden.MODEL)

    def one_pass():
        tokens = 0
        started, cpu_started = time.perf_counter(), time.process_time()
        for doc in nlp.pipe(texts, batch_size=args.batch_size):
            tokens += len(doc)
        return time.perf_counter() - started, time.process_time() - cpu_started, tokens

    warm, _, tokens = one_pass()
    runs = [one_pass() for _ in range(args.runs)]
    median = statistics.median(r[0] for r in runs)
    cpu_median = statistics.median(r[1] for r in runs)
    chars = sum(len(t) for t in texts)
    result = {
        "tool": "spacy",
        "spacy": spacy.__version__,
        "model": golden.MODEL,
        "model_version": nlp.meta["version"],
        "pipeline": nlp.pipe_names,
        "golden": path.relative_to(golden.REPO).as_posix(),
        "documents": len(texts),
        "tokens": tokens,
        "chars": chars,
        "batch_size": args.batch_size,
        "threads": 1,
        "torch_installed": importlib.util.find_spec("torch") is not None,
        "pinned_cpu": args.pin,
        "cpu": cpu_name(),
        "python": platform.python_version(),
        "warmup_seconds": round(warm, 3),
        "run_seconds": [round(r[0], 3) for r in runs],
        "run_cpu_seconds": [round(r[1], 3) for r in runs],
        "median_seconds": round(median, 3),
        "median_cpu_seconds": round(cpu_median, 3),
        "tokens_per_second": round(tokens / median, 1),
        "docs_per_second": round(len(texts) / median, 2),
        "chars_per_second": round(chars / median, 1),
        "tokens_per_cpu_second": round(tokens / cpu_median, 1),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
