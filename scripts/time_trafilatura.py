"""Times trafilatura on the AEB pages, for the speed comparison recorded in
docs/quality.md. Run: python3 scripts/time_trafilatura.py ../shared/bench/aeb

Decompression is done before timing, as `storyline eval aeb` does, so both
times cover extraction from HTML already in memory, on one thread.
"""

import gzip
import json
import pathlib
import sys
import time

import trafilatura


def main():
    root = pathlib.Path(sys.argv[1])
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf8"))
    pages = [gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes()) for key in truth]
    started = time.perf_counter()
    for page in pages:
        trafilatura.extract(page)
    elapsed = time.perf_counter() - started
    total = sum(len(p) for p in pages)
    print(f"trafilatura {trafilatura.__version__}: {len(pages)} pages in {elapsed:.2f} s, "
          f"{len(pages) / elapsed:.0f} pages/s, {total / 1e6 / elapsed:.1f} MB/s (one thread)")


if __name__ == "__main__":
    main()
