"""The five real seed reports (third-party, read from ../shared; skipped when absent)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from claimscope.cli import main

CAPTION_OR_BOILERPLATE = re.compile(
    r"Photo /|Copyright|Powered by automated translation|Related article|Original url|"
    r"^Updated:|\. AP$|\*\*",
    re.M,
)


def test_seeds_are_stored_with_their_metadata(seeds_dir: Path, db_path: Path, capsys) -> None:
    assert main(["ingest", "--db", str(db_path), str(seeds_dir), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert (summary["read"], summary["new"], summary["failed"]) == (5, 5, 0)
    assert main(["export", "--db", str(db_path), "articles"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    by_file = {Path(r["origin"]).name[:3]: r for r in records}
    assert [by_file[k]["language"] for k in ("000", "001", "002", "003", "004")] == [
        "pt", "en", "en", "vi", "en",
    ]  # fmt: skip
    assert by_file["001"]["published"] == "2024-10-10"
    assert by_file["002"]["published"] == "2024-10-22"
    assert by_file["004"]["published"] == "2022-09-22"
    assert by_file["001"]["url"].startswith("https://www.themoscowtimes.com/2024/10/10/")
    assert by_file["001"]["byline"] == "AFP"
    for record in records:
        for paragraph in record["text"].split("\n\n"):
            assert not CAPTION_OR_BOILERPLATE.search(paragraph), (record["origin"], paragraph[:80])
    assert "1.500" in by_file["003"]["text"]
    assert not re.search(r"\d\.\n", by_file["003"]["text"])
    # Re-ingesting the same folder adds nothing.
    assert main(["ingest", "--db", str(db_path), str(seeds_dir), "--json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert (again["new"], again["duplicates"]) == (0, 5)
