"""schema.org ClaimReview JSON-LD for claims, so fact-checking tools can pick them up.

claimscope does not judge whether a claim is true. The `reviewRating` of each
ClaimReview therefore carries no rating value: its `alternateName` summarises
who asserts, denies and hedges, and says in words that it is not a verdict.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from claimscope import __version__
from claimscope.present import data
from claimscope.present.render import safe_url
from claimscope.store import Store

NOT_A_VERDICT = (
    "Stance summary, not a fact-check verdict: what the quoted actors said, as extracted"
    " automatically by claimscope."
)


def claim_reviews(store: Store) -> Iterator[dict[str, Any]]:
    """One ClaimReview per claim (linked claims, else statements grouped by wording)."""
    rows = data.all_statements(store.conn)
    by_claim: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_claim.setdefault(row["claim_key"], []).append(row)
    for key, members in by_claim.items():
        yield claim_review(key, members)


def claim_review(key: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
    summary = data.claim_summary(rows)
    sides = summary["sides"]
    claimant = next((r for r in rows if r["stance"] == "assert"), rows[0])
    appearances = _appearances(rows)
    counts = ", ".join(
        f"{verb} by {len(sides[stance])} actor{'s' if len(sides[stance]) != 1 else ''}"
        for stance, verb in (("assert", "asserted"), ("deny", "denied"), ("hedge", "hedged"))
    )
    positions = "; ".join(
        f"{p['name']}: {stance}" + (f" since {p['since']}" if p["since"] else "")
        for stance in data.STANCES
        for p in sides[stance]
    )
    item: dict[str, Any] = {
        "@type": "Claim",
        "text": rows[0]["claim_title"],
        "author": _agent(claimant),
        "appearance": appearances,
    }
    if appearances:
        item["firstAppearance"] = appearances[0]
    if summary["first"]:
        item["datePublished"] = summary["first"]
    review: dict[str, Any] = {
        "@type": "ClaimReview",
        "identifier": f"claimscope:{key}",
        "claimReviewed": rows[0]["claim_title"],
        "itemReviewed": item,
        "author": {"@type": "Organization", "name": f"claimscope {__version__} (automatic)"},
        "reviewRating": {
            "@type": "Rating",
            "alternateName": f"Not a fact-check verdict — {counts}",
            "ratingExplanation": f"{NOT_A_VERDICT} Positions: {positions}.",
        },
    }
    if summary["first"]:
        review["datePublished"] = summary["first"]
    return review


def _agent(row: dict[str, Any]) -> dict[str, Any]:
    kind = "Organization" if row.get("entity_id") and _is_org(row) else "Person"
    if row["actor_key"] == data.ANON_KEY:
        kind = "Person"
    agent: dict[str, Any] = {"@type": kind, "name": row["actor_name"]}
    if row.get("role"):
        agent["jobTitle" if kind == "Person" else "description"] = data.plain(row["role"], 120)
    if row.get("affiliation") and kind == "Person":
        agent["affiliation"] = {
            "@type": "Organization",
            "name": data.plain(row["affiliation"], 120),
        }
    return agent


def _is_org(row: dict[str, Any]) -> bool:
    return (row.get("entity_id") or "").startswith(("country:", "org:"))


def _appearances(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for row in rows:
        if row["article_id"] in seen:
            continue
        work: dict[str, Any] = {
            "@type": "CreativeWork",
            "headline": data.plain(row["article_title"]),
        }
        url = safe_url(row.get("article_url"))
        if url:
            work["url"] = url
        if row["day"]:
            work["datePublished"] = row["day"]
        if row["lang"]:
            work["inLanguage"] = row["lang"]
        if row.get("outlet"):
            work["publisher"] = {"@type": "Organization", "name": data.plain(row["outlet"])}
        seen[row["article_id"]] = work
    return sorted(seen.values(), key=lambda w: w.get("datePublished") or "9999")


def write_claimreview(store: Store, out: str | None = None) -> int:
    """Write all ClaimReviews as one JSON-LD document; returns how many."""
    reviews = list(claim_reviews(store))
    document = {"@context": "https://schema.org", "@graph": reviews}
    text = json.dumps(document, ensure_ascii=False, indent=1) + "\n"
    if out and out != "-":
        path = Path(out)
        tmp = path.with_name(path.name + ".partial")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    else:
        sys.stdout.write(text)
    return len(reviews)
