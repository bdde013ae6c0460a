"""Claim-text stance: invented examples plus a floor on a slice of FNC-1 (if present)."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimscope.link.pairstance import (
    LABELS,
    classify,
    classify_pairs,
    fnc1_score,
    load_fnc1,
)

CLAIM = "Giant squid found alive in Lake Geneva by local fishermen"

DENIAL = (
    "A photo said to show a giant squid pulled alive from Lake Geneva is a hoax, the "
    "cantonal police said on Tuesday. The picture of the squid was doctored, officials "
    "explained, and no fishermen on the lake reported any such catch. Biologists said the "
    "claim is false: a squid cannot survive in fresh water. The fake image was first shared "
    "by a satirical website and later debunked by fact checkers."
)
SUPPORT = (
    "Fishermen on Lake Geneva found a giant squid alive on Monday morning, the lake "
    "authority confirmed. The squid, nearly four metres long, was caught in nets near "
    "Lausanne by local fishermen. Officials confirmed the animal is a giant squid and said "
    "it was taken to a research aquarium, where biologists verified the species."
)
DISCUSS = (
    "Social media users are sharing pictures that reportedly show a giant squid found alive "
    "in Lake Geneva. According to posts that went viral on Sunday, local fishermen allegedly "
    "pulled the animal from the lake. The claims could not be verified, and it is unclear "
    "where the images come from. Police said they are looking into the reports."
)
UNRELATED = (
    "The city council approved a new budget for public libraries on Thursday, adding "
    "funds for evening opening hours. The mayor said the plan would cost about two million "
    "euros over three years and that a new reading room will open in the spring."
)

SHARED_FNC1 = Path(__file__).resolve().parents[1].parent / "shared" / "datasets" / "fnc1"
# Measured on the first 300 competition-test pairs: 81.3%; the floor leaves a margin.
SAMPLE_FLOOR = 0.76


def test_denial_is_denies() -> None:
    assert classify(CLAIM, DENIAL)[0] == "denies"


def test_support_is_supports() -> None:
    assert classify(CLAIM, SUPPORT)[0] == "supports"


def test_hedged_report_is_discusses() -> None:
    assert classify(CLAIM, DISCUSS)[0] == "discusses"


def test_unrelated_text_is_unrelated() -> None:
    assert classify(CLAIM, UNRELATED)[0] == "unrelated"


def test_labels_and_confidences_are_valid() -> None:
    pairs = [(CLAIM, t) for t in (DENIAL, SUPPORT, DISCUSS, UNRELATED)]
    pairs += [("", ""), (CLAIM, ""), ("", SUPPORT), ("?", "!!!\n\n...")]
    out = classify_pairs(pairs)
    assert len(out) == len(pairs)
    for label, conf in out:
        assert label in LABELS
        assert 0.0 <= conf <= 1.0


def test_language_hint_is_accepted() -> None:
    claim = "O Kremlin confirmou o envio de tropas"
    text = "O Kremlin negou o envio de tropas e disse que a notícia é falsa, um boato sem provas."
    label, conf = classify_pairs([(claim, text)], language="pt")[0]
    assert label in LABELS and 0.0 <= conf <= 1.0
    assert classify_pairs([], language="vi") == []


def test_score_matches_official_definition() -> None:
    gold = ["supports", "unrelated", "denies", "discusses"]
    assert fnc1_score(gold, gold) == 1.0
    # Related/unrelated right but wrong stance: 0.25 of that pair's 1.0.
    assert fnc1_score(["supports"], ["denies"]) == 0.25
    assert fnc1_score(["unrelated"], ["denies"]) == 0.0


def test_fnc1_sample_floor() -> None:
    if not (SHARED_FNC1 / "competition_test_stances.csv").exists():
        pytest.skip("FNC-1 not present in ../shared")
    rows = load_fnc1(SHARED_FNC1, "competition_test")[:300]
    pred = [lab for lab, _ in classify_pairs((h, b) for h, b, _ in rows)]
    assert fnc1_score([lab for *_, lab in rows], pred) >= SAMPLE_FLOOR
