"""Attribution on the development sets only: tests/data/attribution, attribution_dev2/3/4.

Reuses the scoring of `bench_attribution.py` (imported, not copied) but never reads the
held-out folder, so it can be run freely while tuning the language files.

    .venv/bin/python bench/bench_attribution_dev2.py [--lang fr] [--set dev2] [--errors]

`--errors` prints, per example, the gold and predicted statements whenever they differ
(speaker missing, spurious prediction, wrong stance or wrong speaker_name). The table's
name accuracy is over matched statements whose gold speaker_name is not null.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from pathlib import Path
from typing import Any

from claimscope.analyze.attribution import extract_statements
from claimscope.analyze.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[1]
SETS = {
    "dev": ROOT / "tests" / "data" / "attribution",
    "dev2": ROOT / "tests" / "data" / "attribution_dev2",
    "dev3": ROOT / "tests" / "data" / "attribution_dev3",
    "dev4": ROOT / "tests" / "data" / "attribution_dev4",
}
_SPEC = importlib.util.spec_from_file_location(
    "bench_attribution", Path(__file__).with_name("bench_attribution.py")
)
assert _SPEC and _SPEC.loader
bench: Any = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(bench)


def _errors(path: Path) -> list[str]:
    """One block of text per example whose predictions do not fully match the gold."""
    lang = path.stem
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        ex = json.loads(line)
        text = ex["text"]
        gold = ex.get("statements", [])
        pred = extract_statements(text, split_sentences(text, lang), lang)
        c = bench.score_example(text, gold, pred)
        if c["full"] == len(gold) == len(pred) and c["name"] == c["named"]:
            continue
        lines = [f"--- {ex['id']} [{ex.get('construction')}] {text}"]
        for g in gold:
            lines.append(
                f"  G {g['speaker']!r} ({g.get('speaker_name')!r}) | {g['cue']!r} | "
                f"{g['stance']} | {g['kind']} | "
                f"{g['content']!r}"
            )
        for p in pred:
            lines.append(
                f"  P {p.speaker!r} ({p.speaker_name!r}) | {p.cue!r} | {p.stance} | {p.kind} | "
                f"{p.content!r}"
            )
        out.append("\n".join(lines))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lang", action="append", help="only these languages")
    parser.add_argument("--set", choices=sorted(SETS), action="append", help="only these sets")
    parser.add_argument("--errors", action="store_true", help="print mismatching examples")
    args = parser.parse_args()
    for name in args.set or sorted(SETS):
        folder = SETS[name]
        if not folder.exists():
            continue
        table, examples, elapsed = bench.table_for(folder, args.lang)
        print(
            f"## {name} ({folder.relative_to(ROOT)})\n\n{table}\n\n{examples} examples "
            f"in {elapsed:.2f}s\n"
        )
        if args.errors:
            for path in sorted(folder.glob("*.jsonl")):
                if args.lang and path.stem not in args.lang:
                    continue
                for block in _errors(path):
                    print(block)


if __name__ == "__main__":
    main()
