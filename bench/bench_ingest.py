"""Ingest throughput (articles/s) and peak memory for text, HTML and JSONL corpora.

Generates N articles per format (our own synthetic text), then times, each in a
fresh process so peak memory is per run:
  - read:   the read stage alone (decode, extract, normalise, detect language);
  - ingest: read + analyse + store (one transaction per article), linking off.

    python bench/bench_ingest.py --count 10000 --workers 2
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FORMATS = ("text", "html", "jsonl")


def run_one(mode: str, fmt: str, corpus: str, db: str, workers: int) -> dict:
    """Runs inside a child process; prints one JSON line."""
    import resource

    from claimscope.api import Claimscope
    from claimscope.read import read_inputs

    start = time.perf_counter()
    if mode == "read":
        count = sum(1 for item in read_inputs([corpus]) if hasattr(item, "text"))
    else:
        with Claimscope(db) as cs:
            result = cs.ingest([corpus], workers=workers, link=False)
            count = result.new
    seconds = time.perf_counter() - start
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"articles": count, "seconds": seconds, "peak_mb": max(own, children) / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", default=str(REPO / "docs" / "bench_ingest.md"))
    parser.add_argument("--child", nargs=4, metavar=("MODE", "FORMAT", "CORPUS", "DB"))
    args = parser.parse_args()
    if args.child:
        mode, fmt, corpus, db = args.child
        print(json.dumps(run_one(mode, fmt, corpus, db, args.workers)))
        return

    from claimscope.demo.synthetic import write_corpus

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in FORMATS:
            corpus = write_corpus(Path(tmp) / fmt, args.count, fmt)
            for mode in ("read", "ingest"):
                db = str(Path(tmp) / f"{fmt}-{mode}.db")
                child = [sys.executable, __file__, "--workers", str(args.workers),
                         "--child", mode, fmt, str(corpus), db]  # fmt: skip
                output = subprocess.run(child, check=True, capture_output=True, text=True).stdout
                figures = json.loads(output.strip().splitlines()[-1])
                rows.append((fmt, mode, figures))
                print(f"{fmt:6} {mode:7} {figures['articles']:>7} articles "
                      f"{figures['articles'] / figures['seconds']:>8.1f}/s "
                      f"peak {figures['peak_mb']:.0f} MB", file=sys.stderr)  # fmt: skip
    table = [
        "| format | stage | articles | seconds | articles/s | peak memory (MB) |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for fmt, mode, f in rows:
        table.append(
            f"| {fmt} | {mode} | {f['articles']} | {f['seconds']:.1f} | "
            f"{f['articles'] / f['seconds']:.1f} | {f['peak_mb']:.0f} |"
        )
    header = (
        f"# Ingest throughput\n\n`python bench/bench_ingest.py --count {args.count} "
        f"--workers {args.workers}` on {platform.machine()}, {datetime.now(UTC):%Y-%m-%d}.\n"
        "`read` = read stage only; `ingest` = read + analyse (attribution) + store, "
        f"linking off, {args.workers} analysis workers. Peak memory is the largest resident "
        "set of the run's main process or any worker.\n\n"
    )
    text = header + "\n".join(table) + "\n"
    print(text)
    Path(args.out).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
