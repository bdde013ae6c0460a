"""`link_store`: everything that connects articles, run incrementally after each ingest.

Steps, in order, each over what the previous runs have not seen (progress kept in
`link_state`), each batch in its own transaction together with its progress
marker — a crash leaves the store as it was after the last finished batch, and
running again is a no-op when nothing is new:

1. dates: `statements.date/date_source` from the words around each statement;
2. entities: `statements.entity_id` + `entities`, resolver state in `link_state`;
3. stories: `article_stories` + `stories` (incremental clustering);
4. copies: `copy_groups` (reprints and translations);
5. undated: statements of articles without a publication date are dated from the
   date of a copy of the same report, else of the closest dated article of the story
   (`date_source` "text-estimated" or "estimated");
6. claims: `statements.claim_id` + `claims` + `claim_labels`.
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
        "undated": link_undated(store, model),
        "claims": _link_claims(store, model),
    }
    if progress:
        for step, count in counts.items():
            progress(step, count)
    return counts


# --- dates -------------------------------------------------------------------------------


def _dating_input(row: Any) -> tuple[str, str | None, int | None]:
    """A statement row's sentence, language and cue offset within the sentence."""
    start, end = row["sentence_start"], row["sentence_end"]
    sentence = (row["text"] or "")[start:end]
    anchor = row["cue_start"] - start if row["cue_start"] is not None else None
    return sentence, row["language"] or row["article_language"], anchor


def link_dates(store: Any) -> int:
    from claimscope.link.dates import resolve_date

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
            sentence, language, anchor = _dating_input(row)
            value, source = resolve_date(sentence, language, row["published"], anchor=anchor)
            updates.append((value, source, row["id"]))
        with store.transaction() as conn:
            conn.executemany(
                "UPDATE statements SET date = ?, date_source = ? WHERE id = ?", updates
            )
            _set_state(conn, "cursor:dates", rows[-1]["id"])
        done += len(rows)


def _reference_dates(conn: Any, embedder: Embedder, articles: list[str]) -> dict[str, str]:
    """Undated article → the publication date it most likely shares (copy, else story)."""
    from claimscope.link.embed import from_blob

    found: dict[str, str] = {}
    for article in articles:
        row = conn.execute(
            "SELECT min(a.published) FROM copy_groups c JOIN copy_groups o"
            " ON o.group_id = c.group_id AND o.article_id != c.article_id"
            " JOIN articles a ON a.id = o.article_id"
            " WHERE c.article_id = ? AND a.published IS NOT NULL AND a.published != ''",
            (article,),
        ).fetchone()
        if row and row[0]:
            found[article] = row[0]
            continue
        members = conn.execute(
            "SELECT a.id, a.published, v.vector FROM article_stories s"
            " JOIN article_stories o ON o.story_id = s.story_id AND o.article_id != s.article_id"
            " JOIN articles a ON a.id = o.article_id"
            " LEFT JOIN vectors v ON v.kind = 'article' AND v.key = a.id AND v.model = ?"
            " WHERE s.article_id = ? AND a.published IS NOT NULL AND a.published != ''",
            (embedder.name, article),
        ).fetchall()
        if not members:
            continue
        own = conn.execute(
            "SELECT vector FROM vectors WHERE kind = 'article' AND key = ? AND model = ?",
            (article, embedder.name),
        ).fetchone()
        if own is not None and all(m["vector"] is not None for m in members):
            mine = from_blob(own[0])
            best = max(members, key=lambda m: float(from_blob(m["vector"]) @ mine))
            found[article] = best["published"]
        else:  # no vectors to compare: the story's median date
            dates = sorted(m["published"] for m in members)
            found[article] = dates[len(dates) // 2]
    return found


def link_undated(store: Any, embedder: Embedder) -> int:
    """Date the statements of undated articles once a copy or story gives them a reference.

    A date written in full in the sentence wins ("text"); one relative to the
    reference is "text-estimated"; else the reference itself, "estimated".
    """
    from claimscope.link.dates import resolve_date

    conn = store.conn
    articles = [
        r[0] for r in conn.execute(
            "SELECT DISTINCT article_id FROM statements WHERE date IS NULL ORDER BY article_id"
        )
    ]  # fmt: skip
    references = _reference_dates(conn, embedder, articles)
    done = 0
    for article, reference in references.items():
        rows = conn.execute(
            "SELECT s.id, s.language, s.sentence_start, s.sentence_end, s.cue_start,"
            " a.text, a.language AS article_language FROM statements s"
            " JOIN articles a ON a.id = s.article_id WHERE s.article_id = ? AND s.date IS NULL",
            (article,),
        ).fetchall()
        updates = []
        for row in rows:
            sentence, language, anchor = _dating_input(row)
            value, source = resolve_date(sentence, language, None, anchor=anchor)
            if not value:
                value, source = resolve_date(sentence, language, reference, anchor=anchor)
                source = "estimated" if source == "published" else f"{source}-estimated"
            updates.append((value, source, row["id"]))
        with store.transaction() as tx:
            tx.executemany("UPDATE statements SET date = ?, date_source = ? WHERE id = ?", updates)
        done += len(updates)
    return done


# --- entities ----------------------------------------------------------------------------


def _resolver(conn: Any) -> Any:
    from claimscope.link.entities import EntityResolver

    raw = _state(conn, RESOLVER_KEY)
    return EntityResolver.from_dict(json.loads(raw)) if raw else EntityResolver()


def _resolver_state(resolver: Any) -> str:
    return json.dumps(resolver.to_dict(), ensure_ascii=False)


def link_entities(store: Any) -> int:
    resolver = _resolver(store.conn)
    done = 0
    while True:
        cursor = int(_state(store.conn, "cursor:entities", "0") or 0)
        # The resolver's whole state is saved with each batch: batches at least as large as
        # the number of entities keep that saving linear overall (up to a cap on memory).
        known = len(getattr(resolver, "entities", ()))
        batch = min(10 * BATCH_STATEMENTS, max(BATCH_STATEMENTS, known))
        rows = store.conn.execute(
            "SELECT s.id, s.speaker, s.speaker_name, s.role, s.affiliation, s.anonymous,"
            " s.language, s.sentence_start, s.sentence_end, a.text, a.language AS article_language"
            " FROM statements s JOIN articles a ON a.id = s.article_id WHERE s.id > ?"
            " ORDER BY s.id LIMIT ?",
            (cursor, batch),
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
                document=(row["text"] or "")[: row["sentence_end"]],
            )  # fmt: skip
            if resolved is None or not getattr(resolved, "id", None):
                continue
            updates.append((resolved.id, row["id"]))
            entities[resolved.id] = resolved
        with store.transaction() as conn:
            for entity in entities.values():
                _upsert_entity(conn, entity)
            conn.executemany("UPDATE statements SET entity_id = ? WHERE id = ?", updates)
            _set_state(conn, RESOLVER_KEY, _resolver_state(resolver))
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
    from claimscope.link.stories import StoryIndex, link_stories

    done = 0
    columns = "a.rowid AS rowid, a.id, a.title, a.text, a.language, a.published"
    index: StoryIndex | None = None  # one story index for the whole run, not one per batch
    after = 0  # every article up to this rowid is in a story (linked by an earlier batch)
    while True:
        if step == "stories":
            sql = (
                f"SELECT {columns} FROM articles a WHERE a.rowid > ? AND NOT EXISTS"
                " (SELECT 1 FROM article_stories s WHERE s.article_id = a.id)"
                " ORDER BY a.rowid LIMIT ?"
            )
            rows = [dict(r) for r in store.conn.execute(sql, (after, BATCH_ARTICLES))]
        else:
            cursor = int(_state(store.conn, "cursor:copies", "0") or 0)
            sql = f"SELECT {columns} FROM articles a WHERE a.rowid > ? ORDER BY a.rowid LIMIT ?"
            rows = [dict(r) for r in store.conn.execute(sql, (cursor, BATCH_ARTICLES))]
        if not rows:
            return done
        with store.transaction() as conn:
            if step == "stories":
                if index is None:
                    index = StoryIndex(conn, embedder)
                link_stories(conn, embedder, rows, index)
                after = rows[-1]["rowid"]
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
