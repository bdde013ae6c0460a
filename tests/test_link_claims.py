"""Claim grouping (link.claims) on invented multilingual statements, hashing embedder.

The hashing embedder shares no words across languages, so what groups statements
across languages here is the claim signature: concepts from data/concepts and actors.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimscope.link.claims import (
    concepts_in,
    key_concepts,
    link_claims,
    neutralise,
    signature,
)
from claimscope.link.embed import HashingEmbedder
from claimscope.model import Analysis, Article, Statement
from claimscope.store import Store

Item = tuple[str, str, list[tuple[str, str]]]  # article key, language, [(content, stance)]


def _add(store: Store, items: list[Item], story: int = 1, nested: bool = False) -> None:
    conn = store.conn
    conn.execute("INSERT OR IGNORE INTO stories (id) VALUES (?)", (story,))
    for key, language, contents in items:
        text = "\n".join(f"{c}." for c, _ in contents)
        statements = []
        for i, (content, stance) in enumerate(contents):
            start = text.find(content)
            statements.append(Statement(
                speaker="Someone", cue=None, kind="direct", stance=stance, content=content,
                start=start, end=start + len(content), sentence_start=start,
                sentence_end=start + len(content) + 1, language=language,
                parent=0 if nested and i == 1 else None,
            ))  # fmt: skip
        article = Article(
            text=text, origin=key, format="jsonl", title=None, url=None, outlet=None,
            published="2025-03-01", published_source="jsonl", language=language, source_id=key,
        )  # fmt: skip
        store.add_article(article, Analysis(article.id, language, [], statements))
        conn.execute(
            "INSERT OR REPLACE INTO article_stories (article_id, story_id) VALUES (?, ?)",
            (article.id, story),
        )
    conn.commit()


def _link(store: Store) -> None:
    rows = [
        dict(r)
        for r in store.conn.execute(
            "SELECT * FROM statements_with_article WHERE claim_id IS NULL ORDER BY id"
        )
    ]
    link_claims(store.conn, HashingEmbedder(), rows)
    store.conn.commit()


def _claim(store: Store, needle: str) -> int:
    rows = store.conn.execute(
        "SELECT claim_id FROM statements WHERE content LIKE ?", (f"%{needle}%",)
    ).fetchall()
    assert rows, needle
    assert len({r[0] for r in rows}) == 1, needle
    return rows[0][0]


LOOK_ALIKES: list[Item] = [
    ("a1", "en", [("Kestria has supplied attack drones to Doravia", "assert"),
                  ("Orvania has supplied attack drones to Doravia", "assert")]),
    ("a2", "de", [("Kestrien hat keine Drohnen an Doravien geliefert", "deny"),
                  ("Kestrien liefert Artilleriegranaten an Doravien", "assert")]),
    ("a3", "fr", [("L'Orvanie n'a livré aucun drone à la Doravie", "deny"),
                  ("La Kestrie livre des obus à la Doravie", "assert")]),
    ("a4", "ko", [("케스트리아가 도라비아에 드론을 공급했다", "assert")]),
    ("a5", "ru", [("Кестрия не поставляла беспилотники Доравии", "deny"),
                  ("Кестрия поставляет снаряды Доравии", "assert"),
                  ("Орвания поставила беспилотники Доравии", "assert")]),
]  # fmt: skip


@pytest.fixture()
def store(tmp_path: Path):
    with Store(tmp_path / "claims.db") as s:
        yield s


def test_signature_is_stance_free_and_cross_language():
    assert key_concepts(concepts_in("소규모 병력을 파견했다", "ko")) == {"troops"}
    assert key_concepts(concepts_in("não enviou soldados", "pt")) == {"troops"}
    assert key_concepts(concepts_in("gửi vũ khí và đạn cho Nga", "vi")) == {"arms"}
    assert key_concepts(concepts_in("部队的无人机", "zh")) == {"troops"}  # the higher tier wins
    assert concepts_in("the armed forces bought drones", "en") == {"drones"}
    deny = {"content": "North Korea has not sent troops to Russia", "language": "en"}
    said = {"content": "North Korea sent troops to Russia", "language": "en"}
    a, b = signature(deny, deny["content"]), signature(said, said["content"])
    assert a == b
    assert a.subject == "country:KP"
    assert "not" not in neutralise(deny["content"], "en").split()


def test_look_alikes_stay_apart_and_assert_deny_meet(store):
    _add(store, LOOK_ALIKES)
    _link(store)
    kestria_drones = _claim(store, "Kestria has supplied")
    orvania_drones = _claim(store, "Orvania has supplied")
    kestria_shells = _claim(store, "Artilleriegranaten")
    assert len({kestria_drones, orvania_drones, kestria_shells}) == 3
    # assert in Korean, deny in Russian, German and English: one claim
    assert _claim(store, "케스트리아가") == kestria_drones
    assert _claim(store, "не поставляла") == kestria_drones
    assert _claim(store, "keine Drohnen") == kestria_drones
    assert _claim(store, "снаряды") == kestria_shells
    assert _claim(store, "des obus") == kestria_shells
    assert _claim(store, "Орвания") == orvania_drones
    assert _claim(store, "L'Orvanie") == orvania_drones
    labels = dict(
        store.conn.execute(
            "SELECT language, label FROM claim_labels WHERE claim_id = ?", (kestria_drones,)
        ).fetchall()
    )
    assert labels["en"] == "Kestria has supplied attack drones to Doravia"
    assert labels["ru"]  # the denial, neutralised, when a language has no assertion


def test_incremental_join(store):
    _add(store, LOOK_ALIKES)
    _link(store)
    before = store.conn.execute("SELECT COUNT(*) FROM claims").fetchone()[0]
    shells = _claim(store, "Artilleriegranaten")
    _add(store, [("b1", "es", [("Kestria no ha enviado ni un solo proyectil a Doravia", "deny")]),
                 ("b2", "ja", [("ケストリアはドラヴィアに砲弾を供与した", "assert")])])  # fmt: skip
    _link(store)
    assert store.conn.execute("SELECT COUNT(*) FROM claims").fetchone()[0] == before
    assert _claim(store, "proyectil") == shells
    assert _claim(store, "砲弾") == shells


def test_nested_statement_joins_its_parent(store):
    _add(
        store,
        [("n1", "en", [
            ("Seoul says Pyongyang sent troops to Russia", "deny"),
            ("Pyongyang sent troops to Russia", "assert"),
        ])],
        nested=True,
    )  # fmt: skip
    _link(store)
    rows = store.conn.execute("SELECT claim_id FROM statements").fetchall()
    assert len({r[0] for r in rows}) == 1
