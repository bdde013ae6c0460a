"""The five real seed articles: every named speaker comes out with the right stance.

The articles live in ../shared (never in this repository); only speaker names,
stances, kinds and short cue words are recorded here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimscope.analyze.attribution import extract_statements
from claimscope.analyze.sentences import split_sentences
from claimscope.model import Article, Statement
from claimscope.read import read_inputs

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "corpus" / "seeds"

# seed prefix -> [(speaker or speaker_name contains, stance, every statement of that speaker?)]
EXPECTED: dict[str, list[tuple[str, str, bool]]] = {
    "000": [
        ("Dmitry Peskov", "deny", True),
        ("Kremlin", "deny", True),
        ("The Guardian", "assert", True),
        ("altos funcionários", "assert", True),
        ("Moscovo", "deny", True),
        ("John Kirby", "assert", True),
        ("Yonhap", "assert", False),
    ],
    "001": [
        ("Kremlin", "deny", True),
        ("Seoul", "assert", True),
        ("Dmitry Peskov", "deny", True),
        ("Kim Yong-hyun", "assert", True),
        ("Andriy Kovalenko", "assert", True),
        ("Kyiv Post", "assert", True),
        ("Moscow and Pyongyang", "deny", True),
        ("South Korea", "assert", False),
    ],
    "002": [
        ("representative", "deny", True),
        ("Robert Wood", "hedge", True),
        ("Yonhap", "assert", True),
        ("spy agency", "assert", True),
    ],
    "003": [
        ("đại diện Triều Tiên", "deny", True),
        ("Dmitry Peskov", "deny", True),
        ("Giới chức Mỹ và NATO", "hedge", False),
        ("Yonhap", "assert", True),
        ("Cả Nga và Triều Tiên", "deny", True),
    ],
    "004": [
        ("North Korea", "deny", False),  # also "hinted it would be interested ...": assert
        ("official", "deny", False),
        ("John Kirby", "assert", True),
        ("Moscow", "deny", False),
    ],
}


def _article(prefix: str) -> Article:
    if not SEEDS.exists():
        pytest.skip("../shared/corpus/seeds is not available")
    paths = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not paths:
        pytest.skip(f"seed {prefix} missing")
    items = [a for a in read_inputs([str(paths[0])]) if isinstance(a, Article)]
    assert items, paths[0]
    return items[0]


def _statements(article: Article) -> list[Statement]:
    sentences = split_sentences(article.text, article.language)
    return extract_statements(article.text, sentences, article.language, title=article.title)


def _by(statements: list[Statement], needle: str) -> list[Statement]:
    return [
        s for s in statements if needle in (s.speaker or "") or needle in (s.speaker_name or "")
    ]


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seed_speakers_and_stances(prefix: str) -> None:
    article = _article(prefix)
    statements = _statements(article)
    for st in statements:
        assert article.text[st.start : st.end] == st.content
    for needle, stance, every in EXPECTED[prefix]:
        mine = _by(statements, needle)
        assert mine, f"{prefix}: no statement by {needle!r}"
        stances = {s.stance for s in mine}
        if every:
            assert stances == {stance}, f"{prefix}: {needle!r} has {stances}"
        else:
            assert stance in stances, f"{prefix}: {needle!r} has {stances}"


def test_seed_001_headline_nesting_and_coreference() -> None:
    statements = _statements(_article("001"))
    head = statements[0]
    assert (head.kind, head.speaker, head.stance, head.cue) == (
        "headline",
        "Kremlin",
        "deny",
        "Rejects",
    )
    seoul = _by(statements, "Seoul")[0]
    assert seoul.parent is not None and statements[seoul.parent].stance == "deny"
    kim = [s for s in statements if s.speaker_name == "Kim Yong-hyun"]
    assert {s.speaker for s in kim} >= {"he", "Kim"}
    assert all(s.affiliation == "Kremlin" for s in _by(statements, "Peskov"))


def test_seed_004_role_noun_and_honorific_resolve() -> None:
    statements = _statements(_article("004"))
    official = [s for s in statements if s.speaker == "the official"]
    assert official and official[0].stance == "deny" and official[0].kind == "direct"
    kirby = [s for s in statements if s.speaker == "Mr Kirby"]
    assert kirby and kirby[0].speaker_name == "John Kirby"
