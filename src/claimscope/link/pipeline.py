"""`link_store`: everything that connects articles, run incrementally after each ingest.

Steps, in order, each over what the previous runs have not seen (progress kept in
`link_state`), each batch in its own transaction together with its progress
marker — a crash leaves the store as it was after the last finished batch, and
running again is a no-op when nothing is new:

1. dates: `statements.date/date_source` from the words around each statement;
2. entities: `statements.entity_id` + `entities`, resolver state in `link_state`;
3. stories: `article_stories` + `stories` (incremental clustering);
4. copies: `copy_groups` (reprints and translations);
5. claims: `statements.claim_id` + `claims` + `claim_labels`.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from typing import Any

from claimscope.link.embed import Embedder, embedder_name, get_embedder

log = logging.getLogger(__name__)
BATCH_ARTICLES = 2000
BATCH_STATEMENTS = 5000
EMBEDDER_KEY = "embedder"
RESOLVER_KEY = "entities:resolver"
Progress = Callable[[str, int], None]


def _state(conn: Any, key: str, default: str | None = None) -> str | None:
    row = conn.execute("SELECT value FROM link_state WHERE key = ?", (key,)).fetchone()
    return row[0] if row else default


def _set_state(conn: Any, key: str, value: Any) -> None:
    conn.execute("INSERT OR REPLACE INTO link_state (key, value) VALUES (?, ?)", (key, str(value)))


def choose_embedder(store: Any, name: str | None = None) -> Embedder:
    """The argument, else $CLAIMSCOPE_EMBEDDER, else the one this database was linked with."""
    stored = _state(store.conn, EMBEDDER_KEY)
    explicit = name or os.environ.get("CLAIMSCOPE_EMBEDDER")
    return get_embedder(embedder_name(explicit or stored))


def reset_links(store: Any) -> None:
    """Forget stories, copies and claims (kept: dates, entities, cached vectors)."""
    with store.transaction() as conn:
        conn.execute("UPDATE statements SET claim_id = NULL")
        for table in ("claim_labels", "claims", "copy_groups", "article_stories", "stories"):
            conn.execute(f"DELETE FROM {table}")
        conn.execute(
            "DELETE FROM link_state WHERE key IN ('cursor:copies', 'cursor:claims',"
            " 'stories:calibration', 'claims:calibration', ?)",
            (EMBEDDER_KEY,),
        )


def link_store(
    store: Any, embedder: str | Embedder | None = None, progress: Progress | None = None
) -> dict[str, int]:
    """Link everything not linked yet; returns counts of items processed per step."""
    if getattr(store, "readonly", False):
        raise ValueError("linking needs a writable database")
    model = embedder if not isinstance(embedder, str | None) else choose_embedder(store, embedder)
    stored = _state(store.conn, EMBEDDER_KEY)
    if stored and stored != model.name:
        log.warning(
            "embedder changed from %s to %s: relinking stories and claims", stored, model.name
        )
        reset_links(store)
    counts = {
        "dates": link_dates(store),
        "entities": link_entities(store),
        "stories": _link_articles(store, model, "stories"),
        "copies": _link_articles(store, model, "copies"),
        "claims": _link_claims(store, model),
    }
    if progress:
        for step, count in counts.items():
            progress(step, count)
    return counts


# --- dates -------------------------------------------------------------------------------


def link_dates(store: Any) -> int:
    try:
        from claimscope.link.dates import resolve_date
    except ImportError:
        return 0
    done = 0
    while True:
        cursor = int(_state(store.conn, "cursor:dates", "0") or 0)
        rows = store.conn.execute(
            "SELECT s.id, s.language, s.sentence_start, s.sentence_end, s.cue_start, s.date,"
            " a.text, a.published, a.language AS article_language FROM statements s"
            " JOIN articles a ON a.id = s.article_id WHERE s.id > ? ORDER BY s.id LIMIT ?",
            (cursor, BATCH_STATEMENTS),
        ).fetchall()
        if not rows:
            return done
        updates = []
        for row in rows:
            if row["date"]:
                continue
            start, end = row["sentence_start"], row["sentence_end"]
            sentence = (row["text"] or "")[start:end]
            anchor = row["cue_start"] - start if row["cue_start"] is not None else None
            language = row["language"] or row["article_language"]
            try:
                value, source = resolve_date(sentence, language, row["published"], anchor=anchor)
            except TypeError:  # an older resolve_date without `anchor`
                value, source = resolve_date(sentence, language, row["published"])
            updates.append((value, source, row["id"]))
        with store.transaction() as conn:
            conn.executemany(
                "UPDATE statements SET date = ?, date_source = ? WHERE id = ?", updates
            )
            _set_state(conn, "cursor:dates", rows[-1]["id"])
        done += len(rows)


# --- entities ----------------------------------------------------------------------------


def _resolver(conn: Any) -> Any | None:
    try:
        from claimscope.link import entities as module
    except ImportError:
        return None
    raw = _state(conn, RESOLVER_KEY)
    cls = module.EntityResolver
    if raw:
        state = json.loads(raw)
        for name in ("from_state", "from_dict", "loads"):
            factory = getattr(cls, name, None)
            if factory:
                return factory(state if name != "loads" else raw)
    return cls()


def _resolver_state(resolver: Any) -> str | None:
    for name in ("state", "to_state", "to_dict", "dumps"):
        method = getattr(resolver, name, None)
        if callable(method):
            value = method()
            return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return None


def link_entities(store: Any) -> int:
    resolver = _resolver(store.conn)
    if resolver is None:
        return 0
    done = 0
    while True:
        cursor = int(_state(store.conn, "cursor:entities", "0") or 0)
        rows = store.conn.execute(
            "SELECT s.id, s.speaker, s.speaker_name, s.role, s.affiliation, s.anonymous,"
            " s.language, s.sentence_start, s.sentence_end, a.text, a.language AS article_language"
            " FROM statements s JOIN articles a ON a.id = s.article_id WHERE s.id > ?"
            " ORDER BY s.id LIMIT ?",
            (cursor, BATCH_STATEMENTS),
        ).fetchall()
        if not rows:
            return done
        updates, entities = [], {}
        for row in rows:
            mention = row["speaker_name"] or row["speaker"]
            if not mention:
                continue
            context = (row["text"] or "")[row["sentence_start"] : row["sentence_end"]]
            resolved = resolver.resolve(
                row["speaker"] or mention, row["language"] or row["article_language"],
                speaker_name=row["speaker_name"], role=row["role"],
                affiliation=row["affiliation"], context=context,
            )  # fmt: skip
            if resolved is None or not getattr(resolved, "id", None):
                continue
            updates.append((resolved.id, row["id"]))
            entities[resolved.id] = resolved
        with store.transaction() as conn:
            for entity in entities.values():
                _upsert_entity(conn, entity)
            conn.executemany("UPDATE statements SET entity_id = ? WHERE id = ?", updates)
            state = _resolver_state(resolver)
            if state is not None:
                _set_state(conn, RESOLVER_KEY, state)
            _set_state(conn, "cursor:entities", rows[-1]["id"])
        done += len(rows)


def _country_of(entity: Any) -> str | None:
    """ISO code an actor speaks for: itself for a country, else its affiliation's."""
    for value in (getattr(entity, "country", None), getattr(entity, "affiliation", None)):
        if isinstance(value, str):
            code = value.split(":", 1)[1] if value.startswith("country:") else value
            if len(code) == 2 and code.isalpha() and code.isupper():
                return code
    entity_id = getattr(entity, "id", "") or ""
    if entity_id.startswith("country:"):
        return entity_id.split(":", 1)[1]
    return None


def _upsert_entity(conn: Any, entity: Any) -> None:
    data = {
        k: v for k, v in vars(entity).items()
        if k not in ("id", "name", "kind") and isinstance(v, str | int | float | list | dict)
    } if hasattr(entity, "__dict__") else {}  # fmt: skip
    conn.execute(
        "INSERT INTO entities (id, name, kind, country, data) VALUES (?,?,?,?,?)"
        " ON CONFLICT(id) DO UPDATE SET name = excluded.name, kind = excluded.kind,"
        " country = COALESCE(excluded.country, country), data = excluded.data",
        (
            entity.id, getattr(entity, "name", entity.id), getattr(entity, "kind", "person"),
            _country_of(entity), json.dumps(data, ensure_ascii=False, default=str),
        ),
    )  # fmt: skip


# --- stories and copies ------------------------------------------------------------------


def _link_articles(store: Any, embedder: Embedder, step: str) -> int:
    from claimscope.link.copies import link_copies
    from claimscope.link.stories import link_stories

    done = 0
    columns = "a.rowid AS rowid, a.id, a.title, a.text, a.language, a.published"
    while True:
        if step == "stories":
            sql = (
                f"SELECT {columns} FROM articles a WHERE NOT EXISTS"
                " (SELECT 1 FROM article_stories s WHERE s.article_id = a.id)"
                " ORDER BY a.rowid LIMIT ?"
            )
            rows = [dict(r) for r in store.conn.execute(sql, (BATCH_ARTICLES,))]
        else:
            cursor = int(_state(store.conn, "cursor:copies", "0") or 0)
            sql = f"SELECT {columns} FROM articles a WHERE a.rowid > ? ORDER BY a.rowid LIMIT ?"
            rows = [dict(r) for r in store.conn.execute(sql, (cursor, BATCH_ARTICLES))]
        if not rows:
            return done
        with store.transaction() as conn:
            if step == "stories":
                link_stories(conn, embedder, rows)
            else:
                link_copies(conn, embedder, rows)
                _set_state(conn, "cursor:copies", rows[-1]["rowid"])
            _set_state(conn, EMBEDDER_KEY, embedder.name)
        done += len(rows)


def _link_claims(store: Any, embedder: Embedder) -> int:
    from claimscope.link.claims import link_claims

    done = 0
    while True:
        cursor = int(_state(store.conn, "cursor:claims", "0") or 0)
        rows = [
            dict(r)
            for r in store.conn.execute(
                "SELECT * FROM statements_with_article WHERE id > ? ORDER BY id LIMIT ?",
                (cursor, BATCH_STATEMENTS),
            )
        ]
        if not rows:
            return done
        with store.transaction() as conn:
            link_claims(conn, embedder, [r for r in rows if r.get("claim_id") is None])
            _set_state(conn, "cursor:claims", rows[-1]["id"])
            _set_state(conn, EMBEDDER_KEY, embedder.name)
        done += len(rows)
