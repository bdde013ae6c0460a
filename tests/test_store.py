"""The SQLite store: schema, idempotent re-ingest, revisions, exports, crash safety."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from claimscope.api import Claimscope
from claimscope.cli import main
from claimscope.demo.synthetic import write_corpus
from claimscope.model import Analysis, Article
from claimscope.store import Store, list_migrations

ARTICLE = "The Kestrian foreign ministry denied on Monday that it had sold drones to Doravia."


def test_schema_is_versioned_and_wal(db_path: Path) -> None:
    with Store(db_path) as store:
        assert store.schema_version == max(v for v, _, _ in list_migrations())
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master")}
        assert {"articles", "statements", "sentences", "articles_fts", "positions"} <= tables
    with Store(db_path) as again:  # reopening applies nothing twice
        assert again.migrate() == again.schema_version


def test_same_article_twice_adds_nothing(tmp_path: Path, db_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "copy.txt").write_text(ARTICLE + "\n", encoding="utf-8")
    with Claimscope(db_path) as cs:
        first = cs.ingest([str(tmp_path / "a.txt")])
        second = cs.ingest([str(tmp_path)])
        assert (first.new, second.new, second.duplicates) == (1, 0, 2)
        assert cs.store.count("articles") == 1
        assert cs.store.count("ingest_log") == 2


def test_changed_version_of_a_url_is_a_revision(db_path: Path) -> None:
    url = "https://tribune.example/2025/drones"
    v1 = Article(text=ARTICLE, origin="v1", format="text", url=url, language="en")
    v2 = Article(text=ARTICLE + " It later said it had nothing to add.", origin="v2", format="text",
                 url=url, language="en")  # fmt: skip
    empty = Analysis(article_id="", language="en", sentences=[], statements=[])
    with Store(db_path) as store:
        assert store.add_article(v1, empty)[0] == "new"
        status, v2_id = store.add_article(v2, empty)
        assert status == "revision"
        assert store.article(v2_id)["revision_of"] == v1.id
        latest = [r["id"] for r in store.conn.execute("SELECT id FROM latest_articles")]
        assert latest == [v2_id]


def test_export_articles_jsonl_and_csv(tmp_path: Path, db_path: Path, capsys) -> None:
    (tmp_path / "a.txt").write_text("date 2025-02-03\n" + ARTICLE, encoding="utf-8")
    assert main(["ingest", "--db", str(db_path), str(tmp_path / "a.txt"), "-q"]) == 0
    assert main(["export", "--db", str(db_path), "articles"]) == 0
    [record] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert record["text"] == ARTICLE and record["published"] == "2025-02-03"
    assert record["language"] == "en" and record["origin"].endswith("a.txt")
    out = tmp_path / "articles.csv"
    assert (
        main(["export", "--db", str(db_path), "articles", "--format", "csv", "-o", str(out)]) == 0
    )
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows[0]["id"] == record["id"] and rows[0]["text"] == ARTICLE


def test_json_summary_and_quiet(tmp_path: Path, db_path: Path, capsys) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    main(["ingest", "--db", str(db_path), str(folder), "--json"])
    summary = json.loads(capsys.readouterr().out)
    assert summary["new"] == 1 and summary["failed"] == 0 and summary["errors"] == []
    main(["ingest", "--db", str(db_path), str(folder), "--quiet"])
    assert capsys.readouterr().out == ""


def test_db_from_environment(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "env.db"
    monkeypatch.setenv("CLAIMSCOPE_DB", str(target))
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert main(["ingest", str(tmp_path / "a.txt"), "-q"]) == 0
    assert target.exists()


def test_kill_9_mid_ingest_leaves_a_consistent_store(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", 1500, "text")
    db = tmp_path / "crash.db"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-m", "claimscope.cli", "ingest", "--db", str(db), str(corpus),
               "--workers", "1", "--no-link", "-q"]  # fmt: skip
    process = subprocess.Popen(command, env=env)
    deadline = time.time() + 120
    stored = 0
    while time.time() < deadline and stored < 100:
        time.sleep(0.2)
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=1) as conn:
                    stored = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            except sqlite3.OperationalError:
                pass
    assert process.poll() is None, "ingest finished before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        count = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        assert 0 < count < 1500
        half_done = conn.execute(
            "SELECT COUNT(*) FROM articles a WHERE a.analysis_version = 0"
            " OR NOT EXISTS (SELECT 1 FROM sentences s WHERE s.article_id = a.id)"
        ).fetchone()[0]
        assert half_done == 0
        orphans = conn.execute(
            "SELECT COUNT(*) FROM statements WHERE article_id NOT IN (SELECT id FROM articles)"
        ).fetchone()[0]
        assert orphans == 0
    with Claimscope(db) as cs:  # the next run picks up where the crash left off
        result = cs.ingest([str(corpus)], link=False)
        assert result.duplicates == count and result.new == 1500 - count
