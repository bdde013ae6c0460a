"""Read-side queries shared by the HTML report and the web app.

Everything here works from the tables alone, so the pages are useful right
after the first ingest: until linking fills stories, claims and entities, an
article is its own story, the speaker's name as written is the actor and
identical wording (case and spacing aside) is the claim. Once linking has run,
the same functions pick up its stories, entities and claims.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from claimscope.link.entities import country_name

STANCES = ("assert", "deny", "hedge")
ANON_KEY = "anon"
NO_GROUP = "No affiliation given"
EVIDENCE_CONTEXT = 400  # characters of sentence kept either side of the content
CONTENT_CAP = 3000  # longest content shown in full; longer ones are cut with an ellipsis
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")

# Revisions of a URL hide their predecessors everywhere in the presentation.
LATEST = "a.id NOT IN (SELECT revision_of FROM articles WHERE revision_of IS NOT NULL)"

LIGHT_COLUMNS = """
    s.id, s.article_id, s.idx, s.speaker, s.speaker_name, s.role, s.affiliation, s.anonymous,
    s.cue, s.kind, s.stance, s.start, s.end, s.language, s.date, s.entity_id, s.claim_id,
    substr(s.content, 1, 300) AS content_head, length(s.content) AS content_length,
    a.title AS article_title, a.url AS article_url, a.outlet, a.published,
    a.language AS article_language, e.name AS entity_name, e.country AS entity_country,
    c.label AS claim_label, st.story_id
"""
LIGHT_FROM = """
    FROM statements s
    JOIN articles a ON a.id = s.article_id
    LEFT JOIN entities e ON e.id = s.entity_id
    LEFT JOIN claims c ON c.id = s.claim_id
    LEFT JOIN article_stories st ON st.article_id = s.article_id
"""


@dataclass
class Filters:
    """The filter bar: language, actor, stance and a date range (all optional)."""

    lang: str = ""
    actor: str = ""
    stance: str = ""
    date_from: str = ""
    date_to: str = ""

    @classmethod
    def from_params(cls, params: Any) -> Filters:
        def clean(name: str, limit: int = 200) -> str:
            return str(params.get(name) or "").strip()[:limit]

        stance = clean("stance")
        return cls(
            lang=clean("lang", 20),
            actor=clean("actor"),
            stance=stance if stance in STANCES else "",
            date_from=clean("from", 10) if DAY.match(clean("from", 10)) else "",
            date_to=clean("to", 10) if DAY.match(clean("to", 10)) else "",
        )

    def active(self) -> bool:
        return any((self.lang, self.actor, self.stance, self.date_from, self.date_to))

    def matches(self, row: dict[str, Any]) -> bool:
        if self.lang and row["lang"] != self.lang:
            return False
        if self.actor and row["actor_key"] != self.actor:
            return False
        if self.stance and row["stance"] != self.stance:
            return False
        if self.date_from and not (row["day"] and row["day"] >= self.date_from):
            return False
        return not (self.date_to and not (row["day"] and row["day"] <= self.date_to))

    def query(self) -> dict[str, str]:
        pairs = {
            "lang": self.lang, "actor": self.actor, "stance": self.stance,
            "from": self.date_from, "to": self.date_to,
        }  # fmt: skip
        return {k: v for k, v in pairs.items() if v}


# --- small helpers -------------------------------------------------------------------


def plain(text: str | None, limit: int | None = None) -> str:
    """One line of untrusted text for labels: no bidi overrides, no control characters."""
    if not text:
        return ""
    text = BIDI_CONTROLS.sub("", " ".join(str(text).split()))
    if limit and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


def day_of(value: str | None) -> str | None:
    if value and DAY.match(value):
        return value[:10]
    return None


def normalise(text: str) -> str:
    return " ".join(re.sub(r"[\W_]+", " ", text.casefold()).split())


def actor_key(row: dict[str, Any]) -> tuple[str, str]:
    """(key, display name) of who made a statement: the entity, else the name as written."""
    if row.get("entity_id"):
        return f"e:{row['entity_id']}", plain(row.get("entity_name") or row["entity_id"], 80)
    name = plain(row.get("speaker_name") or row.get("speaker"), 80)
    if not name or (row.get("anonymous") and not row.get("speaker_name")):
        return ANON_KEY, "Unnamed source" if not name else f"Unnamed ({name})"
    return f"s:{normalise(name) or name.casefold()}", name


def claim_key(row: dict[str, Any]) -> str:
    """A linked claim by id; otherwise the wording itself, hashed."""
    if row.get("claim_id") is not None:
        return f"c:{row['claim_id']}"
    content = row.get("content_head") or row.get("content") or ""
    digest = hashlib.sha1(normalise(content).encode()).hexdigest()[:12]
    return f"t:{digest}"


@cache
def language_name(code: str | None) -> str:
    if not code:
        return "unknown"
    try:
        from babel import Locale

        return Locale("en").languages.get(code, code)
    except Exception:
        return code


def group_of(row: dict[str, Any]) -> str:
    """The affiliation a statement speaks for: the entity's country, else as written."""
    if row.get("entity_country"):
        return country_name(row["entity_country"])
    return plain(row.get("affiliation"), 60) or NO_GROUP


def enrich(row: dict[str, Any]) -> dict[str, Any]:
    """Add the derived keys every view needs to one statement row."""
    row["actor_key"], row["actor_name"] = actor_key(row)
    row["claim_key"] = claim_key(row)
    row["claim_title"] = (
        plain(row.get("claim_label"), 200) or plain(row.get("content_head"), 200) or "(no wording)"
    )
    row["group"] = group_of(row)
    row["day"] = day_of(row.get("date")) or day_of(row.get("published"))
    row["lang"] = row.get("language") or row.get("article_language") or ""
    return row


def _rows(conn: sqlite3.Connection, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(sql, tuple(params))]


def ordered(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Chronological, undated last, then in article order."""
    return sorted(rows, key=lambda r: (r["day"] is None, r["day"] or "", r["article_id"], r["idx"]))


# --- stories ---------------------------------------------------------------------------


def story_key_parts(key: str) -> tuple[str, str | int] | None:
    """'12' is a linked story; 'a<article id>' is an article standing as its own story."""
    if key.isdigit():
        return "story", int(key)
    if key.startswith("a") and re.fullmatch(r"a[0-9a-f]{6,64}", key):
        return "article", key[1:]
    return None


def stories(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every story with languages, outlets, article counts (copies once) and date range."""
    labels = {r["id"]: r["label"] for r in conn.execute("SELECT id, label FROM stories")}
    counts = dict(conn.execute("SELECT article_id, COUNT(*) FROM statements GROUP BY article_id"))
    found: dict[str, dict[str, Any]] = {}
    sql = f"""
        SELECT a.id, a.title, substr(a.text, 1, 160) AS lead, a.language, a.outlet, a.published,
               st.story_id,
               cg.group_id, cg.relation
        FROM articles a
        LEFT JOIN article_stories st ON st.article_id = a.id
        LEFT JOIN copy_groups cg ON cg.article_id = a.id
        WHERE {LATEST}
        ORDER BY a.published, a.rowid
    """
    for row in conn.execute(sql):
        key = str(row["story_id"]) if row["story_id"] is not None else f"a{row['id']}"
        story = found.setdefault(key, {
            "key": key, "id": row["story_id"], "label": labels.get(row["story_id"]),
            "titles": [], "languages": Counter(), "outlets": Counter(), "reports": set(),
            "articles": 0, "statements": 0, "first": None, "last": None,
        })  # fmt: skip
        story["articles"] += 1
        story["reports"].add(f"g{row['group_id']}" if row["group_id"] is not None else row["id"])
        story["statements"] += counts.get(row["id"], 0)
        if row["relation"] in (None, "original"):
            story["titles"].append(row["title"] or plain(row["lead"], 90))
        if row["language"]:
            story["languages"][row["language"]] += 1
        if row["outlet"]:
            story["outlets"][plain(row["outlet"], 60)] += 1
        day = day_of(row["published"])
        if day:
            story["first"] = min(story["first"] or day, day)
            story["last"] = max(story["last"] or day, day)
    result = []
    for story in found.values():
        story["title"] = plain(story["label"] or (story["titles"] or ["Untitled"])[0], 160)
        story["unique"] = len(story.pop("reports"))
        story["copies"] = story["articles"] - story["unique"]
        story["languages"] = [code for code, _ in story["languages"].most_common()]
        story["outlets"] = [name for name, _ in story["outlets"].most_common()]
        story["linked"] = story["id"] is not None
        result.append(story)
    result.sort(key=lambda s: (s["statements"] == 0, -s["unique"], -s["statements"]))
    return result


def story(conn: sqlite3.Connection, key: str) -> dict[str, Any] | None:
    for item in stories(conn):
        if item["key"] == key:
            return item
    return None


def _story_where(key: str) -> tuple[str, list[Any]]:
    parts = story_key_parts(key)
    if parts is None:
        return "0", []
    kind, value = parts
    if kind == "story":
        return "st.story_id = ?", [value]
    return "a.id = ? AND st.story_id IS NULL", [value]


def story_statements(conn: sqlite3.Connection, key: str) -> list[dict[str, Any]]:
    """Every statement in a story, light (no evidence text), chronological."""
    where, params = _story_where(key)
    rows = _rows(conn, f"SELECT {LIGHT_COLUMNS} {LIGHT_FROM} WHERE {where} AND {LATEST}", params)
    return ordered([enrich(r) for r in rows])


def story_articles(conn: sqlite3.Connection, key: str) -> list[dict[str, Any]]:
    """The story's articles, copies and translations grouped under their original."""
    where, params = _story_where(key)
    rows = _rows(conn, f"""
        SELECT a.id, a.url, COALESCE(a.title, substr(a.text, 1, 120)) AS title, a.outlet,
               a.language, a.published, a.byline,
               cg.group_id, cg.relation, cg.original_id,
               (SELECT COUNT(*) FROM statements s WHERE s.article_id = a.id) AS statements
        FROM articles a
        LEFT JOIN article_stories st ON st.article_id = a.id
        LEFT JOIN copy_groups cg ON cg.article_id = a.id
        WHERE {where} AND {LATEST}
        ORDER BY a.published, a.rowid
    """, params)  # fmt: skip
    return group_copies(rows)


def group_copies(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """[{'article': original, 'copies': [...]}] in first-published order."""
    groups: dict[Any, dict[str, Any]] = {}
    for row in rows:
        key = ("g", row["group_id"]) if row.get("group_id") is not None else ("a", row["id"])
        group = groups.setdefault(key, {"article": None, "copies": []})
        if group["article"] is None and (
            row.get("relation") in (None, "original") or row.get("original_id") == row["id"]
        ):
            group["article"] = row
        else:
            group["copies"].append(row)
    for group in groups.values():
        if group["article"] is None:  # the original is outside this story
            group["article"] = group["copies"].pop(0)
    return list(groups.values())


def attach_evidence(conn: sqlite3.Connection, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add the evidence sentence (cut around the content when very long) to each row."""
    by_id = {r["id"]: r for r in rows}
    ids = list(by_id)
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start : chunk_start + 500]
        marks = ",".join("?" * len(chunk))
        sql = f"""
            SELECT w.*, substr(a.text, w.ws + 1, w.we - w.ws) AS window
            FROM (
                SELECT s.id, s.article_id, s.start, s.end, s.speaker_start, s.speaker_end,
                       s.cue_start, s.cue_end,
                       max(s.sentence_start, s.start - {EVIDENCE_CONTEXT}) AS ws,
                       min(s.sentence_end, s.end + {EVIDENCE_CONTEXT},
                           s.start + {CONTENT_CAP + EVIDENCE_CONTEXT}) AS we,
                       s.sentence_start, s.sentence_end
                FROM statements s WHERE s.id IN ({marks})
            ) w JOIN articles a ON a.id = w.article_id
        """
        for span in _rows(conn, sql, chunk):
            window = span.pop("window") or ""
            by_id[span["id"]]["evidence"] = evidence_parts(span, window)
    return rows


def evidence_parts(span: dict[str, Any], window: str) -> dict[str, Any]:
    """Split the evidence window into (text, role) pieces: before, speaker, cue, content."""
    base = span["ws"]
    cuts: list[tuple[int, int, str]] = []
    for role, start, end in (
        ("content", span["start"], min(span["end"], span["we"])),
        ("speaker", span.get("speaker_start"), span.get("speaker_end")),
        ("cue", span.get("cue_start"), span.get("cue_end")),
    ):
        if start is None or end is None or end <= start:
            continue
        start, end = max(start, base), min(end, span["we"])
        if start < end and not any(start < e and s < end for s, e, _ in cuts):
            cuts.append((start, end, role))
    cuts.sort()
    pieces: list[tuple[str, str]] = []
    at = base
    for start, end, role in cuts:
        if start > at:
            pieces.append((window[at - base : start - base], ""))
        pieces.append((window[start - base : end - base], role))
        at = end
    if span["we"] > at:
        pieces.append((window[at - base :], ""))
    return {
        "pieces": pieces,
        "cut_before": span["ws"] > span["sentence_start"],
        "cut_after": span["we"] < span["sentence_end"],
    }


# --- actors, claims, matrix --------------------------------------------------------------


def facets(rows: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Options for the filter bar: languages, actors (most statements first), dates."""
    rows = list(rows)
    actors: dict[str, str] = {}
    counts = Counter(r["actor_key"] for r in rows)
    for r in rows:
        actors.setdefault(r["actor_key"], r["actor_name"])
    days = [r["day"] for r in rows if r["day"]]
    return {
        "languages": [
            code for code, _ in Counter(r["lang"] for r in rows if r["lang"]).most_common()
        ],
        "actors": [(k, actors[k], n) for k, n in counts.most_common()],
        "first": min(days) if days else "",
        "last": max(days) if days else "",
        "stances": Counter(r["stance"] for r in rows),
    }


def sequences(rows: Iterable[dict[str, Any]]) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """(claim key, actor key) → that actor's dated statements on that claim, oldest first."""
    found: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        found[(row["claim_key"], row["actor_key"])].append(row)
    return found


def position(seq: list[dict[str, Any]]) -> dict[str, Any]:
    """Latest stance, whether it ever changed, and since when the latest stance holds."""
    latest = seq[-1]["stance"]
    since = seq[-1]["day"]
    for row in reversed(seq):
        if row["stance"] != latest:
            break
        since = row["day"] or since
    return {
        "stance": latest,
        "changed": len({r["stance"] for r in seq}) > 1,
        "since": since,
        "first": seq[0]["day"],
        "sequence": seq,
    }


def matrix(
    rows: list[dict[str, Any]], max_claims: int = 15, max_actors: int = 12
) -> dict[str, Any]:
    """Claims (rows) × actors (columns): latest stance in each cell, capped both ways."""
    seqs = sequences(rows)
    claim_actors: dict[str, set[str]] = defaultdict(set)
    actor_claims: dict[str, set[str]] = defaultdict(set)
    titles: dict[str, str] = {}
    names: dict[str, str] = {}
    for row in rows:
        claim_actors[row["claim_key"]].add(row["actor_key"])
        actor_claims[row["actor_key"]].add(row["claim_key"])
        titles.setdefault(row["claim_key"], row["claim_title"])
        names.setdefault(row["actor_key"], row["actor_name"])
    claims = sorted(claim_actors, key=lambda c: (-len(claim_actors[c]), titles[c]))
    actors = sorted(actor_claims, key=lambda a: (-len(actor_claims[a]), names[a].casefold()))
    shown_claims, shown_actors = claims[:max_claims], actors[:max_actors]
    cells = {
        (c, a): position(seqs[(c, a)]) for c in shown_claims for a in shown_actors if (c, a) in seqs
    }
    return {
        "claims": [(c, titles[c], len(claim_actors[c])) for c in shown_claims],
        "actors": [(a, names[a]) for a in shown_actors],
        "cells": cells,
        "hidden_claims": len(claims) - len(shown_claims),
        "hidden_actors": len(actors) - len(shown_actors),
        "linked": any(c.startswith("c:") for c in claims),
    }


def claim_summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Who asserts, who denies, who hedges on one claim, and since when."""
    by_actor: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_actor[row["actor_key"]].append(row)
    sides: dict[str, list[dict[str, Any]]] = {s: [] for s in STANCES}
    for key, seq in by_actor.items():
        pos = position(seq)
        sides[pos["stance"]].append({"key": key, "name": seq[0]["actor_name"], **pos})
    for side in sides.values():
        side.sort(key=lambda p: (p["since"] or "9999", p["name"].casefold()))
    days = [r["day"] for r in rows if r["day"]]
    return {
        "sides": sides,
        "first": min(days) if days else None,
        "last": max(days) if days else None,
    }


# --- actor and claim pages ------------------------------------------------------------------


def all_statements(
    conn: sqlite3.Connection, where: str = "1", params: Sequence[Any] = (), limit: int = -1
) -> list[dict[str, Any]]:
    sql = f"SELECT {LIGHT_COLUMNS} {LIGHT_FROM} WHERE {where} AND {LATEST} LIMIT {int(limit)}"
    rows = _rows(conn, sql, params)
    return ordered([enrich(r) for r in rows])


def actor_statements(conn: sqlite3.Connection, key: str) -> list[dict[str, Any]]:
    """An actor's statements; a country entity also gathers everyone who speaks for it."""
    if key.startswith("e:country:"):
        code = key.split(":", 2)[2]
        return all_statements(conn, "(s.entity_id = ? OR e.country = ?)", [key[2:], code])
    if key.startswith("e:"):
        return all_statements(conn, "s.entity_id = ?", [key[2:]])
    rows = all_statements(conn, "s.entity_id IS NULL")
    return [r for r in rows if r["actor_key"] == key]


def claim_statements(conn: sqlite3.Connection, key: str) -> list[dict[str, Any]]:
    if key.startswith("c:") and key[2:].isdigit():
        return all_statements(conn, "s.claim_id = ?", [int(key[2:])])
    rows = all_statements(conn, "s.claim_id IS NULL")
    return [r for r in rows if r["claim_key"] == key]


def claim_info(conn: sqlite3.Connection, key: str) -> dict[str, Any]:
    """Labels of a linked claim in every language it was seen in."""
    if not (key.startswith("c:") and key[2:].isdigit()):
        return {"labels": []}
    claim_id = int(key[2:])
    row = conn.execute("SELECT * FROM claims WHERE id = ?", (claim_id,)).fetchone()
    labels = _rows(
        conn, "SELECT language, label FROM claim_labels WHERE claim_id = ? ORDER BY language",
        (claim_id,),
    )  # fmt: skip
    return {"claim": dict(row) if row else None, "labels": labels}


def entity_info(conn: sqlite3.Connection, key: str) -> dict[str, Any] | None:
    if not key.startswith("e:"):
        return None
    row = conn.execute("SELECT * FROM entities WHERE id = ?", (key[2:],)).fetchone()
    return dict(row) if row else None


# --- articles and search -----------------------------------------------------------------------


def article(conn: sqlite3.Connection, article_id: str) -> dict[str, Any] | None:
    row = conn.execute(
        """SELECT a.*, st.story_id, cg.group_id, cg.relation, cg.original_id
           FROM articles a LEFT JOIN article_stories st ON st.article_id = a.id
           LEFT JOIN copy_groups cg ON cg.article_id = a.id WHERE a.id = ?""",
        (article_id,),
    ).fetchone()
    return dict(row) if row else None


def copy_group_members(conn: sqlite3.Connection, group_id: int) -> list[dict[str, Any]]:
    return _rows(conn, """
        SELECT a.id, a.title, a.outlet, a.language, a.published, cg.relation
        FROM copy_groups cg JOIN articles a ON a.id = cg.article_id
        WHERE cg.group_id = ? ORDER BY a.published
    """, (group_id,))  # fmt: skip


def highlight_segments(
    text: str, spans: list[dict[str, Any]], cap: int = 2000
) -> list[tuple[str, dict[str, Any] | None]]:
    """Cut an article into (text, statement or None) pieces; nested spans give way."""
    marks = sorted(
        (s for s in spans if 0 <= s["start"] < s["end"] <= len(text)),
        key=lambda s: (s["start"], -s["end"]),
    )[:cap]
    pieces: list[tuple[str, dict[str, Any] | None]] = []
    at = 0
    for span in marks:
        if span["start"] < at:
            continue  # overlaps a span already marked; it is still in the list below
        if span["start"] > at:
            pieces.append((text[at : span["start"]], None))
        pieces.append((text[span["start"] : span["end"]], span))
        at = span["end"]
    pieces.append((text[at:], None))
    return pieces


def fts_query(text: str) -> str | None:
    """An FTS5 phrase query for the trigram index, or None when a term is too short for it."""
    terms = text.split()
    if not terms or any(len(t) < 3 for t in terms):
        return None
    return " AND ".join('"' + t.replace('"', '""') + '"' for t in terms)


def search(conn: sqlite3.Connection, text: str, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """Articles and statements matching `text` in any script (trigram FTS, LIKE under 3 chars)."""
    text = " ".join(text.split())[:200]
    if not text:
        return {"articles": [], "statements": [], "mode": None, "more": False}
    query = fts_query(text)
    hits: list[dict[str, Any]]
    if query:
        hits = _rows(conn, f"""
            SELECT a.id, a.title, a.outlet, a.language, a.published, a.url,
                   snippet(articles_fts, 1, char(57344), char(57345), '…', 64) AS snippet
            FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
            WHERE articles_fts MATCH ? AND {LATEST}
            ORDER BY rank LIMIT ? OFFSET ?
        """, (query, limit + 1, offset))  # fmt: skip
        mode = "full text"
    else:
        hits = _like_search(conn, text.split(), limit + 1, offset)
        mode = "substring"
    terms = [_like(t) for t in text.split()]
    where = " AND ".join("s.content LIKE ? ESCAPE '\\'" for _ in terms)
    statements = all_statements(conn, where, terms, limit=200)
    return {
        "articles": hits[:limit], "statements": statements, "mode": mode,
        "more": len(hits) > limit,
    }  # fmt: skip


def _like(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _like_search(conn: sqlite3.Connection, terms: list[str], limit: int, offset: int):
    where = " AND ".join("(a.title LIKE ? ESCAPE '\\' OR a.text LIKE ? ESCAPE '\\')" for _ in terms)
    params: list[Any] = []
    for term in terms:
        params += [_like(term), _like(term)]
    first = terms[0]
    rows = _rows(conn, f"""
        SELECT a.id, a.title, a.outlet, a.language, a.published, a.url,
               max(instr(lower(a.text), lower(?)), 1) AS pos,
               substr(a.text, max(instr(lower(a.text), lower(?)) - 80, 1), 220) AS window
        FROM articles a WHERE {where} AND {LATEST}
        ORDER BY a.published DESC LIMIT ? OFFSET ?
    """, [first, first, *params, limit, offset])  # fmt: skip
    for row in rows:
        window = row.pop("window") or ""
        row.pop("pos", None)
        row["snippet"] = _mark_terms(window, terms)
    return rows


def _mark_terms(window: str, terms: list[str]) -> str:
    pattern = re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE)
    return "…" + pattern.sub(lambda m: f"\ue000{m.group(0)}\ue001", window) + "…"


def overview(conn: sqlite3.Connection) -> dict[str, Any]:
    one = conn.execute(f"""
        SELECT COUNT(*) AS articles, COUNT(DISTINCT language) AS languages,
               MIN(substr(published, 1, 10)) AS first, MAX(substr(published, 1, 10)) AS last
        FROM articles a WHERE {LATEST}
    """).fetchone()  # fmt: skip
    statements = conn.execute("SELECT COUNT(*) FROM statements").fetchone()[0]
    linked = conn.execute("SELECT COUNT(*) FROM statements WHERE claim_id IS NOT NULL").fetchone()
    return {**dict(one), "statements": statements, "linked_statements": linked[0]}
