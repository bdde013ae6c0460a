"""Track one claim, typed in any language, through the stored news.

1. Find the matching claim(s): the query is neutralised like every statement,
   embedded, and compared with the claims' centroids; names and countries must
   not conflict, and a match must stand clearly above the other claims.
2. For every article of the matching claims' stories: its stance toward the
   claim. Statements decide first — a statement in a matching claim that
   denies it makes the article `denies`, one asserting it `supports`, a hedge
   `discusses` — with those statements as evidence. Articles without such a
   statement go to the pair classifier (`pairstance.classify_pairs`) with the
   sentences closest to the claim as evidence.

`stance_rows` classifies free (claim, text) pairs for `claimscope stance --pairs`
with the same pair classifier.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from claimscope.link.claims import Z_CLAIM, concepts_in, entity_conflict, key_concepts, neutralise
from claimscope.link.embed import Calibration, Embedder, from_blob
from claimscope.link.stories import mentions

STANCE_OF = {"deny": "denies", "assert": "supports", "hedge": "discusses"}
EVIDENCE_SENTENCES = 3
TRACK_MARGIN = 1.5  # matches: within this many calibrated units of the best one


def _language(text: str) -> str | None:
    try:
        from claimscope.analyze.language import detect_language

        return detect_language(text)[0]
    except Exception:  # language id is a convenience here
        return None


def _calibration(conn: Any, embedder: Embedder) -> Calibration:
    import json

    # Unrelated-pair statistics learnt while linking; claims keep none of their own, so the
    # story step's (same embedder, same kind of text) stands in.
    for key in ("claims:calibration", "stories:calibration"):
        row = conn.execute("SELECT value FROM link_state WHERE key = ?", (key,)).fetchone()
        if row:
            return Calibration(embedder, json.loads(row[0]))
    return Calibration(embedder, None)


def find_claims(store: Any, text: str, embedder: Embedder, limit: int = 5) -> list[dict[str, Any]]:
    """Claims matching `text`, best first, with their calibrated score."""
    conn = store.conn
    language = _language(text)
    query = neutralise(text, language)
    vector = embedder.embed([query])[0]
    ents = mentions(query, language)
    wanted = key_concepts(concepts_in(query, language))
    rows = conn.execute(
        "SELECT c.id, c.label, c.story_id, c.data, v.vector FROM claims c JOIN vectors v"
        " ON v.kind = 'claim' AND v.key = CAST(c.id AS TEXT) AND v.model = ?",
        (embedder.name,),
    ).fetchall()
    if not rows:
        return []
    import json

    mat = np.stack([from_blob(r["vector"]) for r in rows])
    norms = np.linalg.norm(mat, axis=1)
    norms[norms == 0] = 1
    sims = (mat @ vector) / norms
    calibration = _calibration(conn, embedder)
    scored = []
    for row, sim in zip(rows, sims, strict=True):
        data = json.loads(row["data"] or "{}")
        n = max(int(data.get("n", 1)), 1)
        core = {k for k, c in data.get("entities", {}).items() if c * 2 >= n}
        subjects = data.get("subjects", {})
        subject = max(subjects, key=subjects.get) if subjects else None
        if entity_conflict(set(ents), core, ents[0] if ents else None, subject):
            continue
        # what the claim is about (troops, arms, drones…) must agree with the query's topic
        keyed = max(int(data.get("keyed", 0)), 1)
        about = {k for k, c in data.get("concepts", {}).items() if c * 2 >= keyed}
        if wanted and about and not wanted & about:
            continue
        overlap = len(set(ents) & core) / max(len(set(ents) | core), 1)
        z = float(calibration.z(float(sim))) + 1.0 * overlap + (1.0 if wanted & about else 0.0)
        scored.append({
            "id": row["id"], "label": row["label"], "story_id": row["story_id"],
            "score": round(z, 3), "similarity": round(float(sim), 4), "statements": n,
        })  # fmt: skip
    scored.sort(key=lambda c: -c["score"])
    if not scored or scored[0]["score"] < Z_CLAIM:
        return []
    best = scored[0]["score"]
    return [c for c in scored if c["score"] >= max(Z_CLAIM, best - TRACK_MARGIN)][:limit]


def _stance_from_statements(statements: list[dict[str, Any]]) -> tuple[str, float] | None:
    """One stance for a text from its statements on the claim.

    Only denials → denies; only assertions → supports; a hedge, or both sides
    reported (Seoul asserts, the Kremlin denies) → discusses, as an article that
    reports a controversy takes no side of its own.
    """
    if not statements:
        return None
    stances = {s["stance"] for s in statements}
    if stances == {"deny"}:
        return STANCE_OF["deny"], 0.9
    if stances == {"assert"}:
        return STANCE_OF["assert"], 0.9
    share = max(sum(s["stance"] == x for s in statements) for x in stances) / len(statements)
    return STANCE_OF["hedge"], round(0.5 + 0.4 * (1 - share), 3)


def _closest_sentences(
    text: str,
    claim_vector: Callable[[], np.ndarray],
    embedder: Embedder,
    k: int = EVIDENCE_SENTENCES,
) -> list[str]:
    """The `k` sentences of `text` closest to the claim (`claim_vector()`, embedded on demand)."""
    parts = [" ".join(p.split()) for p in re.split(r"(?<=[.!?])\s+|\n+", text)]
    parts = [p for p in parts if len(p) > 20][:60]
    if len(parts) <= k:
        return parts
    vectors = embedder.embed(parts)
    query = claim_vector()
    order = np.argsort(-(vectors @ query))[:k]
    return [parts[i] for i in sorted(order)]


def track(
    store: Any, text: str, embedder: Embedder, limit: int = 5, classify: Any = None
) -> dict[str, Any]:
    """The matching claims and, per article of their stories, its stance with evidence."""
    claims = find_claims(store, text, embedder, limit)
    result: dict[str, Any] = {"query": text, "claims": claims, "articles": []}
    if not claims:
        return result
    claim_ids = [c["id"] for c in claims]
    story_ids = sorted({c["story_id"] for c in claims if c["story_id"] is not None})
    marks = ",".join("?" * len(claim_ids))
    statements = [dict(r) for r in store.conn.execute(
        f"SELECT * FROM statements_with_article WHERE claim_id IN ({marks})", claim_ids
    )]  # fmt: skip
    by_article: dict[str, list[dict[str, Any]]] = {}
    for st in statements:
        by_article.setdefault(st["article_id"], []).append(st)
    smarks = ",".join("?" * len(story_ids)) or "NULL"
    articles = [dict(r) for r in store.conn.execute(
        "SELECT a.id, a.url, a.title, a.outlet, a.language, a.published, a.text"
        f" FROM articles a JOIN article_stories s ON s.article_id = a.id"
        f" WHERE s.story_id IN ({smarks}) OR a.id IN (SELECT article_id FROM statements"
        f" WHERE claim_id IN ({marks})) ORDER BY a.published, a.id",
        (*story_ids, *claim_ids),
    )]  # fmt: skip
    pending = []
    claim_vector = cache(lambda: embedder.embed([text])[0])  # once per query, not per article
    for article in articles:
        entry = {k: article[k] for k in ("id", "url", "title", "outlet", "language", "published")}
        entry["article_id"] = entry.pop("id")
        own = by_article.get(article["id"], [])
        decided = _stance_from_statements(own)
        dates = sorted(s["date"] for s in own if s.get("date"))
        entry["date"] = article["published"] or (dates[len(dates) // 2] if dates else None)
        if decided:
            entry.update(stance=decided[0], confidence=decided[1], source="statements")
            entry["evidence"] = [{
                "statement_id": s["id"], "speaker": s["speaker"], "entity_id": s["entity_id"],
                "stance": s["stance"], "date": s["date"], "text": s["content"],
            } for s in own]  # fmt: skip
        else:
            evidence = _closest_sentences(article["text"], claim_vector, embedder)
            entry["evidence"] = [{"text": e} for e in evidence]
            pending.append((entry, " ".join(evidence) or article["text"][:2000]))
        result["articles"].append(entry)
    if pending:
        labels = _classify([(text, body) for _, body in pending], classify)
        for (entry, _), (label, confidence) in zip(pending, labels, strict=True):
            entry.update(stance=label, confidence=round(float(confidence), 3), source="pairstance")
    return result


def _classify(pairs: list[tuple[str, str]], classify: Any = None) -> list[tuple[str, float]]:
    if classify is None:
        from claimscope.link.pairstance import classify_pairs as classify
    return list(classify(pairs))


# --- free pairs ----------------------------------------------------------------------------


def stance_rows(
    rows: Iterable[dict[str, str]], embedder: Embedder | None = None, classify: Any = None
) -> list[dict[str, Any]]:
    """Add `stance` and `confidence` to rows with `claim` and `text`; other columns pass through.

    Free pairs go to the pair classifier alone. Deciding them from the statements
    extracted from the text first (as `track` does for articles whose statements
    were linked to the claim) was measured on FNC-1 and lost: 0.26 accuracy on the
    pairs it decided, and 1 pair/s (`docs/bench_fnc1.md`). `embedder` is accepted
    for the CLI's symmetry with `track`; the classifier needs none.
    """
    out = [dict(row) for row in rows]
    pairs = [(r.get("claim") or "", r.get("text") or "") for r in out]
    for record, (label, confidence) in zip(out, _classify(pairs, classify), strict=True):
        record["stance"], record["confidence"] = label, round(float(confidence), 3)
    return out


def read_pairs(path: str | Path) -> tuple[list[dict[str, str]], list[str]]:
    """Rows and header of a CSV with at least `claim` and `text` columns; one-line errors."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            header = list(reader.fieldnames or [])
            rows = list(reader)
    except FileNotFoundError:
        raise FileNotFoundError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ValueError(f"{path}: cannot read as CSV ({exc})") from None
    missing = [c for c in ("claim", "text") if c not in header]
    if missing:
        raise ValueError(
            f"{path}: missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)}"
            f" (found: {', '.join(header) or 'none'})"
        )
    return rows, header


def write_pairs(path: str | Path, rows: list[dict[str, Any]], header: list[str]) -> None:
    columns = [*header, *[c for c in ("stance", "confidence") if c not in header]]
    path = Path(path)
    tmp = path.with_name(path.name + ".partial")
    with tmp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    tmp.replace(path)
