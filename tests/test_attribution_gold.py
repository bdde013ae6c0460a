"""Regression floor on the hand-written gold sets (tests/data/attribution/<lang>.jsonl).

The floors sit a little under the measured figures (docs/bench_attribution.md)
so a change that breaks a language fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from _helpers import LANGUAGES, gold_scores, load_bench

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "attribution"
bench = load_bench("bench_attribution")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_gold_floor(lang: str) -> None:
    path = GOLD / f"{lang}.jsonl"
    if not path.exists():
        pytest.skip(f"no gold set for {lang}")
    speaker_f1, statement_f1, c = gold_scores(path)
    assert speaker_f1 >= 0.75, (lang, speaker_f1)
    assert statement_f1 >= 0.65, (lang, statement_f1)
    assert c["stance"] / max(c["match"], 1) >= 0.8


def test_matching_counts_name_or_span_overlap() -> None:
    from claimscope.model import Statement

    text = "Ana Ruiz said it was false."
    gold = [
        {
            "speaker": "Ana Ruiz",
            "speaker_name": "Ana Ruiz",
            "cue": "said",
            "stance": "deny",
            "kind": "indirect",
            "content": "it was false",
        }
    ]
    pred = [
        Statement(
            speaker="Ruiz",
            cue="said",
            kind="indirect",
            stance="assert",
            content="it was false",
            start=14,
            end=26,
            sentence_start=0,
            sentence_end=27,
            speaker_start=4,
            speaker_end=8,
            cue_start=9,
            cue_end=13,
        )
    ]
    counts = bench.score_example(text, gold, pred)
    assert (counts["match"], counts["cue"], counts["stance"]) == (1, 1, 0)
