"""The Python API: everything the CLI and the web app do, usable from a notebook.

from claimscope.api import Claimscope
cs = Claimscope("news.db")
result = cs.ingest(["articles/", "https://example.org/feed.xml"])
cs.statements_frame()          # pandas DataFrame, when pandas is installed
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from claimscope.analyze import analyze_article, analyze_many
from claimscope.model import Article, ReadError
from claimscope.read import ReadOptions, read_inputs
from claimscope.store import Store


@dataclass
class IngestResult:
    read: int = 0
    new: int = 0
    duplicates: int = 0
    revisions: int = 0
    failed: int = 0
    errors: list[ReadError] = field(default_factory=list)
    new_ids: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "read": self.read,
            "new": self.new,
            "duplicates": self.duplicates,
            "revisions": self.revisions,
            "failed": self.failed,
            "errors": [{"origin": e.origin, "reason": e.reason} for e in self.errors],
        }

    def summary(self) -> str:
        extra = f", {self.revisions} revisions" if self.revisions else ""
        return (
            f"read {self.read}, new {self.new}, duplicates {self.duplicates}{extra},"
            f" failed {self.failed}"
        )


class Claimscope:
    """A claimscope database and the operations on it."""

    def __init__(self, db: str | os.PathLike[str] | None = None, readonly: bool = False):
        self.store = Store(db, readonly=readonly)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Claimscope:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- read → analyze → store → link ---------------------------------------------

    def ingest(
        self,
        inputs: Iterable[str],
        *,
        workers: int = 1,
        executor: str = "local",
        link: bool = True,
        options: ReadOptions | None = None,
        on_item: Callable[[Article | ReadError, str], None] | None = None,
    ) -> IngestResult:
        """Read, analyse and store every article in `inputs`; one bad input never stops the rest."""
        inputs = list(inputs)
        started = datetime.now(UTC).isoformat(timespec="seconds")
        result = IngestResult()

        def articles() -> Iterator[Article]:
            for item in read_inputs(inputs, options):
                if isinstance(item, ReadError):
                    result.failed += 1
                    result.errors.append(item)
                    if on_item:
                        on_item(item, "failed")
                    continue
                result.read += 1
                yield item

        for article, analysis in analyze_many(articles(), workers=workers, executor=executor):
            status, article_id = self.store.add_article(article, analysis)
            if status == "duplicate":
                result.duplicates += 1
            else:
                result.new += 1
                result.new_ids.append(article_id)
                if status == "revision":
                    result.revisions += 1
            if on_item:
                on_item(article, status)
        counts = {
            k: getattr(result, k) for k in ("read", "new", "duplicates", "revisions", "failed")
        }
        self.store.log_ingest(
            inputs, counts, [(e.origin, e.reason) for e in result.errors], started
        )
        if link and result.new_ids:
            self.link()
        return result

    def analyze(self, article_ids: Iterable[str] | None = None) -> int:
        """Re-run analysis on stored articles (after the extractor improves)."""
        ids = (
            list(article_ids)
            if article_ids is not None
            else [row["id"] for row in self.store.conn.execute("SELECT id FROM articles")]
        )
        for article_id in ids:
            row = self.store.article(article_id)
            if row is None:
                continue
            article = article_from_row(row)
            self.store.replace_analysis(article_id, analyze_article(article))
        if ids:
            self.link()
        return len(ids)

    def link(self) -> None:
        """Cross-article linking (entities, stories, claims, dates); incremental."""
        from claimscope.link.pipeline import link_store

        link_store(self.store)

    # --- read back ------------------------------------------------------------------

    def articles(self) -> list[dict[str, Any]]:
        return list(self.store.articles())

    def statements(self, **filters: Any) -> list[dict[str, Any]]:
        """Statements as export records; filters on any column, e.g. stance="deny"."""
        from claimscope.present.export import statement_rows

        rows = list(statement_rows(self.store))
        return [r for r in rows if all(r.get(k) == v for k, v in filters.items())]

    def statements_frame(self, **filters: Any):
        import pandas as pd

        return pd.DataFrame(self.statements(**filters))

    def export(self, kind: str, fmt: str = "jsonl", out: str | None = None) -> int:
        from claimscope.present.export import export

        return export(self.store, kind, fmt, out)


def article_from_row(row: dict[str, Any]) -> Article:
    return Article(
        text=row["text"],
        origin=row["origin"],
        format=row["format"],
        title=row.get("title"),
        url=row.get("url"),
        outlet=row.get("outlet"),
        byline=row.get("byline"),
        published=row.get("published"),
        published_source=row.get("published_source"),
        language=row.get("language"),
        source_id=row.get("source_id"),
    )
