"""Helpers shared by the bench scripts (imported as `_common`: a script's own
directory is on sys.path when it is run as `python bench/x.py`)."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

MARKER = "<!-- results -->"


def write_results(path: str | Path, body: str) -> None:
    """Put `body` between the two `<!-- results -->` markers of a markdown file.

    The text around the markers is kept; a missing file, or one without the
    markers, becomes just the marked block.
    """
    doc = Path(path)
    text = doc.read_text(encoding="utf-8") if doc.exists() else ""
    block = f"{MARKER}\n{body}\n{MARKER}"
    pattern = f"{MARKER}.*{MARKER}"  # the block is inserted literally: tables may hold "\\"
    text = re.sub(pattern, lambda _: block, text, flags=re.S) if MARKER in text else block
    doc.write_text(text + ("" if text.endswith("\n") else "\n"), encoding="utf-8")


def bcubed(gold: dict[str, str], pred: dict[str, object]) -> tuple[float, float, float]:
    """BCubed precision, recall, F1 of a clustering, over the gold items it placed."""
    keys = [k for k in gold if k in pred]
    by_gold: dict[str, set[str]] = defaultdict(set)
    by_pred: dict[object, set[str]] = defaultdict(set)
    for k in keys:
        by_gold[gold[k]].add(k)
        by_pred[pred[k]].add(k)
    precision = recall = 0.0
    for k in keys:
        same_pred, same_gold = by_pred[pred[k]], by_gold[gold[k]]
        both = len(same_pred & same_gold)
        precision += both / len(same_pred)
        recall += both / len(same_gold)
    p, r = precision / len(keys), recall / len(keys)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
