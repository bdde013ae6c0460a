"""Who stood where on which claim, and when that changed.

Plain dicts and lists, so the report, the web app and a notebook use them
as they come. A position is the dated sequence of one actor's stances on one
claim, each with its evidence; `changes` lists the moves (deny -> hedge ->
assert). With `rollup=True` actors are also counted under the country they
speak for (`entities.country`), beside themselves: "Kremlin spokesman" and
"Russian foreign ministry" roll up to country:RU.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from claimscope.link.entities import country_name

STANCE_ORDER = {"deny": 0, "hedge": 1, "assert": 2}


def _rows(store: Any, where: str = "", params: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
    sql = (
        "SELECT p.*, s.content, s.speaker, s.kind, st.story_id, c.story_id AS claim_story,"
        " a.published, a.title AS article_title FROM positions p"
        " JOIN statements s ON s.id = p.statement_id"
        " JOIN claims c ON c.id = p.claim_id"
        " JOIN articles a ON a.id = p.article_id"
        " LEFT JOIN article_stories st ON st.article_id = p.article_id"
        + (f" WHERE {where}" if where else "")
    )
    return [dict(r) for r in store.conn.execute(sql, params)]


def _event(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "date": row.get("date") or (row.get("published") or "")[:10] or None,
        "date_source": row.get("date_source"),
        "stance": row["stance"],
        "statement_id": row["statement_id"],
        "article_id": row["article_id"],
        "article_url": row.get("article_url"),
        "outlet": row.get("outlet"),
        "language": row.get("language"),
        "speaker": row.get("speaker"),
        "evidence": row.get("content"),
    }


def _changes(sequence: list[dict[str, Any]]) -> list[dict[str, Any]]:
    changes = []
    previous = None
    for event in sequence:
        if previous is not None and event["stance"] != previous["stance"]:
            changes.append({
                "from": previous["stance"], "to": event["stance"],
                "date": event["date"], "statement_id": event["statement_id"],
            })  # fmt: skip
        previous = event
    return changes


def _group(rows: list[dict[str, Any]], rollup: bool) -> list[dict[str, Any]]:
    groups: dict[tuple[str, int], dict[str, Any]] = {}
    for row in rows:
        actors = [(row["entity_id"], row.get("entity_name"), row.get("entity_country"), False)]
        if (
            rollup
            and row.get("entity_country")
            and row["entity_id"] != f"country:{row['entity_country']}"
        ):
            code = row["entity_country"]
            actors.append((f"country:{code}", country_name(code), code, True))
        for actor, name, country, rolled in actors:
            key = (actor, row["claim_id"])
            group = groups.setdefault(key, {
                "actor": actor, "actor_name": name, "country": country, "rollup": rolled,
                "claim_id": row["claim_id"], "claim_label": row.get("claim_label"),
                "story_id": row.get("claim_story"), "sequence": [],
            })  # fmt: skip
            group["sequence"].append(_event(row))
    out = []
    for group in groups.values():
        group["sequence"].sort(key=lambda e: (e["date"] or "9999", e["statement_id"]))
        group["changes"] = _changes(group["sequence"])
        group["changed"] = bool(group["changes"])
        group["latest"] = group["sequence"][-1]["stance"]
        group["first"] = group["sequence"][0]["stance"]
        out.append(group)
    out.sort(key=lambda g: (g["claim_id"], g["rollup"], g["actor"]))
    return out


def positions(
    store: Any, claim_id: int | None = None, entity_id: str | None = None, rollup: bool = False
) -> list[dict[str, Any]]:
    """Per (actor, claim): the dated stances with evidence, the changes and the latest stance."""
    clauses, params = [], []
    if claim_id is not None:
        clauses.append("p.claim_id = ?")
        params.append(claim_id)
    if entity_id is not None:
        if entity_id.startswith("country:"):
            clauses.append("(p.entity_id = ? OR p.entity_country = ?)")
            params += [entity_id, entity_id.split(":", 1)[1]]
        else:
            clauses.append("p.entity_id = ?")
            params.append(entity_id)
    rows = _rows(store, " AND ".join(clauses), tuple(params))
    return _group(rows, rollup or bool(entity_id and entity_id.startswith("country:")))


def matrix(store: Any, story_id: int, rollup: bool = False) -> dict[str, Any]:
    """Latest stance per actor x claim of one story, with the changed flag and the sequence."""
    groups = _group(_rows(store, "c.story_id = ?", (story_id,)), rollup)
    claims: dict[int, dict[str, Any]] = {}
    actors: dict[str, dict[str, Any]] = {}
    cells = []
    for group in groups:
        claims.setdefault(
            group["claim_id"], {"id": group["claim_id"], "label": group["claim_label"]}
        )
        actors.setdefault(group["actor"], {
            "id": group["actor"], "name": group["actor_name"], "country": group["country"],
            "rollup": group["rollup"],
        })  # fmt: skip
        cells.append({
            "actor": group["actor"], "claim_id": group["claim_id"], "stance": group["latest"],
            "changed": group["changed"], "changes": group["changes"],
            "sequence": group["sequence"],
        })  # fmt: skip
    return {
        "story_id": story_id,
        "claims": sorted(claims.values(), key=lambda c: c["id"]),
        "actors": sorted(actors.values(), key=lambda a: (a["rollup"], a["id"])),
        "cells": cells,
    }


def timeline(store: Any, story_id: int) -> list[dict[str, Any]]:
    """Every dated statement of a story in order: who took which stance on what, with evidence."""
    rows = store.conn.execute(
        "SELECT s.id AS statement_id, s.date, s.date_source, s.stance, s.content, s.speaker,"
        " s.entity_id, e.name AS entity_name, e.country AS entity_country, s.claim_id,"
        " c.label AS claim_label, a.id AS article_id, a.url AS article_url, a.outlet,"
        " a.language, a.published FROM statements s JOIN articles a ON a.id = s.article_id"
        " JOIN article_stories st ON st.article_id = a.id"
        " LEFT JOIN entities e ON e.id = s.entity_id"
        " LEFT JOIN claims c ON c.id = s.claim_id WHERE st.story_id = ?",
        (story_id,),
    ).fetchall()
    events = []
    for row in map(dict, rows):
        event = _event(row)
        event.update({
            "actor": row["entity_id"], "actor_name": row["entity_name"] or row["speaker"],
            "country": row["entity_country"], "claim_id": row["claim_id"],
            "claim_label": row["claim_label"],
        })  # fmt: skip
        events.append(event)
    events.sort(key=lambda e: (e["date"] or "9999", e["statement_id"]))
    return events


# --- export rows (registered in claimscope.present.export.EXPORTERS) ----------------------


def claim_rows(store: Any) -> Iterator[dict[str, Any]]:
    """One row per claim: labels per language, dates, stance counts, its statements."""
    labels: dict[int, dict[str, str]] = {}
    for claim_id, language, label in store.conn.execute(
        "SELECT claim_id, language, label FROM claim_labels"
    ):
        labels.setdefault(claim_id, {})[language] = label
    for claim in store.conn.execute("SELECT * FROM claims ORDER BY id").fetchall():
        members = store.conn.execute(
            "SELECT s.id, s.stance, a.url FROM statements s JOIN articles a ON a.id = s.article_id"
            " WHERE s.claim_id = ? ORDER BY s.id",
            (claim["id"],),
        ).fetchall()
        counts = {"assert": 0, "deny": 0, "hedge": 0}
        for member in members:
            counts[member["stance"]] = counts.get(member["stance"], 0) + 1
        yield {
            "id": claim["id"],
            "label": claim["label"],
            "label_language": claim["label_language"],
            "labels": labels.get(claim["id"], {}),
            "story_id": claim["story_id"],
            "first_seen": claim["first_seen"],
            "last_seen": claim["last_seen"],
            "statements": len(members),
            "asserts": counts["assert"],
            "denies": counts["deny"],
            "hedges": counts["hedge"],
            "statement_ids": [m["id"] for m in members],
            "urls": sorted({m["url"] for m in members if m["url"]}),
        }


def story_rows(store: Any) -> Iterator[dict[str, Any]]:
    """One row per story: dates, size, languages, episodes, top entities, its articles."""
    from datetime import date

    for story in store.conn.execute("SELECT * FROM stories ORDER BY id").fetchall():
        data = json.loads(story["data"] or "{}")
        articles = [r[0] for r in store.conn.execute(
            "SELECT article_id FROM article_stories WHERE story_id = ? ORDER BY article_id",
            (story["id"],),
        )]  # fmt: skip
        claims = store.conn.execute(
            "SELECT COUNT(*) FROM claims WHERE story_id = ?", (story["id"],)
        ).fetchone()[0]
        yield {
            "id": story["id"],
            "label": story["label"],
            "first_published": story["first_published"],
            "last_published": story["last_published"],
            "articles": len(articles),
            "claims": claims,
            "languages": data.get("languages", {}),
            "episodes": [
                {
                    "start": date.fromordinal(s).isoformat(),
                    "end": date.fromordinal(e).isoformat(),
                    "articles": n,
                }
                for s, e, n in data.get("episodes", [])
            ],
            "entities": list(data.get("entities", {}))[:10],
            "article_ids": articles,
        }


def entity_rows(store: Any) -> Iterator[dict[str, Any]]:
    """One row per entity: kind, country it rolls up to, how often and where it speaks."""
    for entity in store.conn.execute("SELECT * FROM entities ORDER BY id").fetchall():
        stats = store.conn.execute(
            "SELECT COUNT(*), COUNT(DISTINCT article_id), COUNT(DISTINCT claim_id),"
            " MIN(date), MAX(date) FROM statements WHERE entity_id = ?",
            (entity["id"],),
        ).fetchone()
        yield {
            "id": entity["id"],
            "name": entity["name"],
            "kind": entity["kind"],
            "country": entity["country"],
            "statements": stats[0],
            "articles": stats[1],
            "claims": stats[2],
            "first_date": stats[3],
            "last_date": stats[4],
            "data": json.loads(entity["data"] or "{}"),
        }
