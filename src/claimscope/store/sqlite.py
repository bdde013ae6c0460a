"""The embedded store: one SQLite file in WAL mode, schema versioned by migrations.

Each article and everything analysed from it is written in one transaction, so
a crash (even `kill -9`) leaves either the whole article or nothing.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import fields
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from claimscope.model import Analysis, Article, Statement

DEFAULT_DB = "claimscope.db"
DB_ENV = "CLAIMSCOPE_DB"
MIGRATIONS_PACKAGE = "claimscope.store.migrations"
STATEMENT_COLUMNS = (
    "speaker", "speaker_name", "role", "affiliation", "anonymous", "cue", "kind", "stance",
    "content", "start", "end", "sentence_start", "sentence_end", "speaker_start", "speaker_end",
    "cue_start", "cue_end", "language", "date", "date_source",
)  # fmt: skip


def default_db_path() -> str:
    return os.environ.get(DB_ENV) or DEFAULT_DB


def list_migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) for every migration file, in order."""
    found = []
    for entry in resources.files(MIGRATIONS_PACKAGE).iterdir():
        if entry.name.endswith(".sql"):
            version = int(entry.name.split("_", 1)[0])
            found.append((version, entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


class Store:
    """A claimscope database. Open read-only for viewing (the web app does)."""

    def __init__(self, path: str | os.PathLike[str] | None = None, readonly: bool = False):
        self.path = str(path or default_db_path())
        self.readonly = readonly
        if readonly:
            if not Path(self.path).exists():
                raise FileNotFoundError(f"{self.path}: no such database")
            uri = f"file:{Path(self.path).resolve()}?mode=ro"
            self.conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        else:
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA foreign_keys = ON")
        self.conn.execute("PRAGMA busy_timeout = 10000")
        if not readonly:
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.migrate()

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self) -> int:
        """Apply pending migrations, each atomically with its version bump."""
        current = self.schema_version
        for version, _name, sql in list_migrations():
            if version <= current:
                continue
            with self.transaction():
                for statement in _split_sql(sql):
                    self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version = {version}")
            current = version
        return current

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # --- articles -----------------------------------------------------------------

    def add_article(self, article: Article, analysis: Analysis | None) -> tuple[str, str]:
        """Store an article and its analysis atomically; status is new, duplicate or revision."""
        article_id = article.id
        with self.transaction() as conn:
            if conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone():
                return "duplicate", article_id
            previous = None
            if article.url:
                previous = conn.execute(
                    "SELECT id FROM latest_articles WHERE url = ?"
                    " ORDER BY ingested_at DESC LIMIT 1",
                    (article.url,),
                ).fetchone()
            conn.execute(
                "INSERT INTO articles (id, url, title, outlet, byline, language, published,"
                " published_source, text, origin, format, source_id, revision_of, ingested_at)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    article_id, article.url, article.title, article.outlet, article.byline,
                    article.language, article.published, article.published_source, article.text,
                    article.origin, article.format, article.source_id,
                    previous["id"] if previous else None, _now(),
                ),
            )  # fmt: skip
            if analysis is not None:
                self._write_analysis(conn, article_id, analysis)
        return ("revision" if previous else "new"), article_id

    def replace_analysis(self, article_id: str, analysis: Analysis) -> None:
        with self.transaction() as conn:
            conn.execute("DELETE FROM statements WHERE article_id = ?", (article_id,))
            conn.execute("DELETE FROM sentences WHERE article_id = ?", (article_id,))
            self._write_analysis(conn, article_id, analysis)

    def _write_analysis(
        self, conn: sqlite3.Connection, article_id: str, analysis: Analysis
    ) -> None:
        conn.executemany(
            "INSERT INTO sentences (article_id, idx, start, end, language, paragraph)"
            " VALUES (?,?,?,?,?,?)",
            [
                (article_id, i, s.start, s.end, s.language, s.paragraph)
                for i, s in enumerate(analysis.sentences)
            ],
        )
        placeholders = ",".join("?" * (len(STATEMENT_COLUMNS) + 3))
        columns = ", ".join(("article_id", "idx", "parent_idx", *STATEMENT_COLUMNS))
        conn.executemany(
            f"INSERT INTO statements ({columns}) VALUES ({placeholders})",
            [
                (article_id, i, st.parent, *(_column(st, c) for c in STATEMENT_COLUMNS))
                for i, st in enumerate(analysis.statements)
            ],
        )
        conn.execute(
            "UPDATE articles SET analysis_version = ?, language = COALESCE(?, language)"
            " WHERE id = ?",
            (analysis.version, analysis.language, article_id),
        )

    def article(self, article_id: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        return dict(row) if row else None

    def articles(self, where: str = "", params: Iterable[Any] = ()) -> Iterator[dict[str, Any]]:
        sql = "SELECT * FROM articles" + (f" WHERE {where}" if where else "") + " ORDER BY rowid"
        for row in self.conn.execute(sql, tuple(params)):
            yield dict(row)

    def statements(self, where: str = "", params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        sql = "SELECT * FROM statements_with_article" + (f" WHERE {where}" if where else "")
        sql += " ORDER BY published, article_id, idx"
        return [dict(row) for row in self.conn.execute(sql, tuple(params))]

    def count(self, table: str) -> int:
        return int(self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

    def log_ingest(
        self, inputs: list[str], counts: dict[str, int], errors: list[tuple[str, str]], started: str
    ) -> None:
        with self.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO ingest_log (started_at, finished_at, inputs, read, new, duplicates,"
                " revisions, failed) VALUES (?,?,?,?,?,?,?,?)",
                (
                    started, _now(), "\n".join(inputs), counts.get("read", 0), counts.get("new", 0),
                    counts.get("duplicates", 0), counts.get("revisions", 0),
                    counts.get("failed", 0),
                ),
            )  # fmt: skip
            conn.executemany(
                "INSERT INTO ingest_errors (ingest_id, origin, reason) VALUES (?,?,?)",
                [(cursor.lastrowid, origin, reason) for origin, reason in errors],
            )


def _column(statement: Statement, name: str) -> Any:
    value = getattr(statement, name)
    return int(value) if isinstance(value, bool) else value


def statement_from_row(row: dict[str, Any]) -> Statement:
    names = {f.name for f in fields(Statement)}
    values = {k: v for k, v in row.items() if k in names}
    values["anonymous"] = bool(values.get("anonymous"))
    values["parent"] = row.get("parent_idx")
    return Statement(**values)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _split_sql(sql: str) -> list[str]:
    """Split a migration into statements; CREATE TRIGGER bodies keep their inner semicolons."""
    statements: list[str] = []
    buffer: list[str] = []
    in_trigger = False
    for line in sql.splitlines():
        stripped = line.strip()
        if not buffer and (not stripped or stripped.startswith("--")):
            continue
        buffer.append(line)
        upper = stripped.upper()
        if upper.startswith("CREATE TRIGGER"):
            in_trigger = True
        if (in_trigger and upper.startswith("END;")) or (not in_trigger and stripped.endswith(";")):
            statements.append("\n".join(buffer))
            buffer, in_trigger = [], False
    if any(line.strip() for line in buffer):
        statements.append("\n".join(buffer))
    return statements
