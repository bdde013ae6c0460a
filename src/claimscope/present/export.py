"""Exports in the formats other tools read: JSON Lines, CSV and Parquet.

Offsets in exported statements are offsets into the exported article `text`,
so any export can be checked against its evidence without claimscope.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from claimscope.store import Store

ARTICLE_FIELDS = (
    "id", "url", "title", "outlet", "byline", "language", "published", "published_source",
    "text", "origin", "format", "source_id", "revision_of", "ingested_at",
)  # fmt: skip
STATEMENT_FIELDS = (
    "id", "article_id", "article_url", "language", "speaker", "speaker_name", "role",
    "affiliation", "anonymous", "cue", "kind", "stance", "content", "start", "end",
    "sentence_start", "sentence_end", "date", "date_source", "entity_id", "claim_id",
    "outlet", "published", "parent_idx",
)  # fmt: skip
FORMATS = ("jsonl", "csv", "parquet", "claimreview")  # claimreview: claims only (JSON-LD)


def article_rows(store: Store) -> Iterator[dict[str, Any]]:
    for row in store.articles():
        yield {k: row.get(k) for k in ARTICLE_FIELDS}


def statement_rows(store: Store) -> Iterator[dict[str, Any]]:
    for row in store.statements():
        record = {k: row.get(k) for k in STATEMENT_FIELDS}
        record["anonymous"] = bool(record["anonymous"])
        yield record


# Further kinds (claims, stories, entities) register here from the link stage.
EXPORTERS: dict[str, Callable[[Store], Iterator[dict[str, Any]]]] = {
    "articles": article_rows,
    "statements": statement_rows,
}
try:  # the link stage's row providers
    from claimscope.link.positions import claim_rows, entity_rows, story_rows

    EXPORTERS.update(claims=claim_rows, stories=story_rows, entities=entity_rows)
except ImportError:  # pragma: no cover - link stage absent
    pass


def export(store: Store, kind: str, fmt: str, out: str | None = None) -> int:
    """Write `kind` rows as `fmt` to `out` (a path) or stdout; returns the row count."""
    if fmt == "claimreview":
        if kind != "claims":
            raise ValueError("the claimreview format is for claims: claimscope export claims")
        from claimscope.present.claimreview import write_claimreview

        return write_claimreview(store, out)
    if kind not in EXPORTERS:
        raise ValueError(f"unknown export {kind!r}; choose from {', '.join(sorted(EXPORTERS))}")
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    rows = EXPORTERS[kind](store)
    if fmt == "parquet":
        if not out or out == "-":
            raise ValueError("parquet needs --out FILE (it is a binary format)")
        return write_parquet(rows, out)
    if out and out != "-":
        path = Path(out)
        tmp = path.with_name(path.name + ".partial")
        with tmp.open("w", encoding="utf-8", newline="") as handle:
            count = write_rows(rows, fmt, handle)
        tmp.replace(path)  # no half-written export survives a crash
        return count
    return write_rows(rows, fmt, sys.stdout)


def write_rows(rows: Iterable[dict[str, Any]], fmt: str, handle: IO[str]) -> int:
    count = 0
    writer: csv.DictWriter | None = None
    for row in rows:
        if fmt == "jsonl":
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        else:
            if writer is None:
                writer = csv.DictWriter(handle, fieldnames=list(row))
                writer.writeheader()
            writer.writerow({k: _csv_value(v) for k, v in row.items()})
        count += 1
    return count


def write_parquet(rows: Iterable[dict[str, Any]], out: str) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise ValueError("parquet export needs pyarrow: pip install 'claimscope[parquet]'") from exc
    records = [
        {k: _csv_value(v) if isinstance(v, list | dict) else v for k, v in r.items()} for r in rows
    ]
    table = pa.Table.from_pylist(records)
    tmp = Path(out).with_name(Path(out).name + ".partial")
    pq.write_table(table, tmp)
    tmp.replace(out)
    return len(records)


def _csv_value(value: Any) -> Any:
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value
