"""Helpers shared by the bench scripts (imported as `_common`: a script's own
directory is on sys.path when it is run as `python bench/x.py`)."""

from __future__ import annotations

import re
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
