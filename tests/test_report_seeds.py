"""`claimscope report` on the real seed reports (third-party, read from ../shared)."""

from __future__ import annotations

import re
from pathlib import Path

from claimscope.cli import main


def test_seed_report_has_timeline_matrix_and_evidence(seeds_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "seeds.db"
    out = tmp_path / "seeds.html"
    assert main(["ingest", "--db", str(db), str(seeds_dir), "-q"]) == 0
    assert main(["report", "--db", str(db), "--out", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    # Opens offline: nothing is fetched from anywhere.
    assert not re.search(r'<(script|link|img|iframe)[^>]+(src|href)="(https?:)?//', page)
    assert '<table class="matrix">' in page
    marks = re.findall(r'<a class="mk mk-(assert|deny|hedge)" href="#(st-\d+)"', page)
    assert {stance for stance, _ in marks} >= {"assert", "deny", "hedge"}
    statement_ids = set(re.findall(r'<li class="st" id="(st-\d+)"', page))
    assert statement_ids and all(target in statement_ids for _, target in marks)
    languages = set(re.findall(r'<li class="st" id="st-\d+" data-st data-lang="(\w+)"', page))
    assert languages == {"pt", "en", "vi"}
    assert page.count('<mark class="content m-deny">') >= 5
