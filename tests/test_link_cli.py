"""`claimscope track` and `claimscope stance --pairs`, end to end through the CLI."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from claimscope.cli import main

DATA = Path(__file__).parent / "data" / "link"


@pytest.fixture(autouse=True)
def _cheap(monkeypatch):
    monkeypatch.setenv("CLAIMSCOPE_EMBEDDER", "hash")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    mp = pytest.MonkeyPatch()
    mp.setenv("CLAIMSCOPE_EMBEDDER", "hash")
    path = tmp_path_factory.mktemp("cli") / "news.db"
    assert main(["ingest", "--db", str(path), "--workers", "1", "-q",
                 str(DATA / "articles.jsonl")]) == 0  # fmt: skip
    mp.undo()
    return path


def test_track_lists_every_article_stance_with_evidence(db, capsys):
    assert main(["track", "--db", str(db), "--json", "Kestria supplies drones to Doravia"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["claims"] and "drones" in result["claims"][0]["label"]
    by_url = {a["url"].rsplit("/", 1)[1]: a for a in result["articles"]}
    assert {"k1", "k1copy", "k2", "k3", "k4"} <= set(by_url)
    assert "v1" not in by_url  # another story
    # k1 reports both sides (Varro asserts, Brann denies): the article itself discusses
    assert by_url["k1"]["stance"] == "discusses"
    assert by_url["k2"]["stance"] == "discusses"  # only a hedge
    assert by_url["k3"]["stance"] == "supports"
    denial = [e for e in by_url["k1"]["evidence"] if e.get("stance") == "deny"]
    assert denial and "Brann" in denial[0]["speaker"]
    assert any(e.get("stance") == "assert" for e in by_url["k1"]["evidence"])


def test_track_in_another_language_and_limit(db, capsys):
    code = main(["track", "--db", str(db), "--limit", "1", "--json",
                 "A Kestria fornece drones a Doravia"])  # fmt: skip
    result = json.loads(capsys.readouterr().out)
    assert code == 0 and len(result["claims"]) == 1


def test_track_text_output_and_no_match(db, capsys):
    assert main(["track", "--db", str(db), "Kestria supplies drones to Doravia"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("claim ") and "discusses" in out and "supports" in out
    assert "[deny] " in out and "[assert] " in out  # each statement's own stance
    assert main(["track", "--db", str(db), "Zorblat annexes the moon of Quux"]) == 1
    assert "no stored claim matches" in capsys.readouterr().err


def test_stance_pairs_adds_columns_and_passes_others_through(tmp_path, capsys):
    out = tmp_path / "out.csv"
    assert main(["stance", "--pairs", str(DATA / "pairs.csv"), "--out", str(out)]) == 0
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["id", "claim", "text", "note", "stance", "confidence"]
    assert [r["id"] for r in rows] == ["1", "2", "3"]
    assert [r["note"] for r in rows] == ["denial", "assertion", "unrelated"]
    assert [r["stance"] for r in rows] == ["denies", "supports", "unrelated"]
    assert all(0.0 <= float(r["confidence"]) <= 1.0 for r in rows)


def test_stance_pairs_errors_are_one_line(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("claim,body\nx,y\n", encoding="utf-8")
    assert main(["stance", "--pairs", str(bad), "--out", str(tmp_path / "o.csv")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "missing column text" in err
    assert main(["stance", "--pairs", str(tmp_path / "nope.csv"), "--out", "x.csv"]) == 2
    assert "no such file" in capsys.readouterr().err
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"\xff\xfe\x00\x00garbage\x00")
    assert main(["stance", "--pairs", str(binary), "--out", str(tmp_path / "o.csv")]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert not (tmp_path / "o.csv").exists()


def test_link_command_and_exports(db, tmp_path, capsys):
    copy = tmp_path / "copy.db"
    shutil.copy(db, copy)
    assert main(["link", "--db", str(copy), "--json"]) == 0
    assert set(json.loads(capsys.readouterr().out).values()) == {0}  # nothing new
    assert main(["export", "--db", str(copy), "claims"]) == 0
    claims = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert claims and {
        "id",
        "label",
        "labels",
        "story_id",
        "first_seen",
        "last_seen",
        "asserts",
        "denies",
        "hedges",
        "statement_ids",
        "urls",
    } <= set(claims[0])
    assert main(["positions", "--db", str(copy), "--story", "1"]) == 0
    table = json.loads(capsys.readouterr().out)
    assert table["cells"] and any(c["changed"] for c in table["cells"])
