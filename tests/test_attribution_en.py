"""English attribution on invented sentences: spans, speakers, stance, nesting, coreference."""

from __future__ import annotations

from claimscope.analyze.attribution import extract_statements
from claimscope.analyze.sentences import split_sentences
from claimscope.model import Statement


def run(text: str, title: str | None = None) -> list[Statement]:
    return extract_statements(text, split_sentences(text, "en"), "en", title=title)


def only(text: str) -> Statement:
    found = run(text)
    assert len(found) == 1, [s.speaker for s in found]
    return found[0]


def test_direct_quote_inverted_speaker_with_apposition() -> None:
    text = "“The dam will hold,” said Ana Ferreira, the region's water commissioner."
    st = only(text)
    assert (st.speaker, st.speaker_name, st.kind, st.stance) == (
        "Ana Ferreira",
        "Ana Ferreira",
        "direct",
        "assert",
    )
    assert st.content == "The dam will hold"
    assert text[st.start : st.end] == st.content
    assert text[st.speaker_start : st.speaker_end] == "Ana Ferreira"
    assert text[st.cue_start : st.cue_end] == "said"
    assert st.role == "the region's water commissioner"
    assert st.affiliation == "region"


def test_title_before_name_gives_role_and_affiliation() -> None:
    st = only("Kremlin spokesman Yuri Balin said the convoy had already left.")
    assert st.speaker_name == "Yuri Balin"
    assert st.role == "Kremlin spokesman"
    assert st.affiliation == "Kremlin"
    assert st.content == "the convoy had already left"
    assert st.kind == "indirect"


def test_name_then_role_apposition_before_cue() -> None:
    st = only(
        "Tomas Riel, a senior adviser to the prime minister, told reporters that talks failed."
    )
    assert st.speaker_name == "Tomas Riel"
    assert st.role == "a senior adviser to the prime minister"
    assert st.content == "talks failed"


def test_denial_verb_and_nested_claim() -> None:
    found = run(
        "The ministry on Friday dismissed a claim by Norland that its tanks crossed the river."
    )
    assert [(s.speaker, s.stance) for s in found] == [
        ("The ministry", "deny"),
        ("Norland", "assert"),
    ]
    assert found[1].parent == 0
    assert found[0].content == found[1].content == "its tanks crossed the river"


def test_negated_action_is_denial_but_negated_state_is_not() -> None:
    deny = only("“We have never shipped rockets to Karsk,” the company said.")
    assert deny.stance == "deny"
    keep = only("“Prices have never been this high,” the trader said.")
    assert keep.stance == "assert"


def test_hedges() -> None:
    assert only("The bank declined to comment on the report.").stance == "hedge"
    st = only("“If true, this would be a grave breach,” the envoy said.")
    assert st.stance == "hedge"
    merged = only("Police said they could not confirm that the two fires were linked.")
    assert merged.stance == "hedge"
    assert merged.cue == "could not confirm"
    assert merged.content == "the two fires were linked"


def test_pronoun_resolves_to_last_named_speaker() -> None:
    text = (
        "Defence Minister Kim Sang-ho told lawmakers that the drills would go ahead. "
        "“We will not be intimidated,” he said. “The timetable stands,” Kim added."
    )
    found = run(text)
    assert [s.speaker for s in found] == ["Defence Minister Kim Sang-ho", "he", "Kim"]
    assert {s.speaker_name for s in found} == {"Kim Sang-ho"}


def test_role_noun_anaphor_and_anonymous_source() -> None:
    text = (
        "A government official said the border would reopen. "
        "The official added that checks would stay in place."
    )
    first, second = run(text)
    assert first.anonymous and second.anonymous
    assert second.extra.get("refers_to") == "A government official"


def test_according_to_before_and_after() -> None:
    st = only("Exports fell by a third, according to data from the Harbour Board.")
    assert (st.kind, st.speaker, st.content) == (
        "according_to",
        "the Harbour Board",
        "Exports fell by a third",
    )
    st = only("According to two people familiar with the talks, the deal is off.")
    assert st.anonymous and st.content == "the deal is off"


def test_headline_with_cue_and_with_colon() -> None:
    text = "Ministry Denies Report of Troop Build-up\n\nThe ministry said nothing had changed."
    found = run(text, title="Ministry Denies Report of Troop Build-up")
    assert (found[0].kind, found[0].stance, found[0].speaker) == ("headline", "deny", "Ministry")
    colon = only("Ravel: “There will be no recount”")
    assert (colon.kind, colon.speaker, colon.content) == (
        "headline",
        "Ravel",
        "There will be no recount",
    )


def test_chain_of_reports_sets_parent() -> None:
    found = run("The Courier reported that officials in Lund said the plant was closing.")
    assert [s.speaker for s in found] == ["The Courier", "officials in Lund"]
    assert found[1].parent == 0 and found[1].anonymous


def test_participle_inherits_speaker() -> None:
    found = run("The mayor confirmed the budget, adding that taxes would not rise.")
    assert [s.cue for s in found] == ["confirmed", "adding"]
    assert found[1].speaker == "The mayor"


def test_no_attribution_in_title_quote_or_plain_narrative() -> None:
    assert run("The film “What the General Said” opens on Friday.") == []
    assert run("Heavy snow closed the pass on Sunday and schools stayed shut.") == []


def test_multi_sentence_quote_is_one_statement() -> None:
    st = only("“We take note. We will respond in time,” the spokeswoman said.")
    assert st.content == "We take note. We will respond in time"
    assert st.kind == "direct"


# ---------------------------------------------------------------- learned (CRF) path


def test_learned_path_adds_non_reporting_cues() -> None:
    from claimscope.analyze import learned_attribution

    if learned_attribution.tagger() is None:
        import pytest

        pytest.skip("learned model not available")
    cases = [
        ("The governor wants the bridge rebuilt by spring.", "The governor", "wants"),
        ("Residents fear the factory will close.", "Residents", "fear"),
    ]
    for text, speaker, cue in cases:
        assert extract_statements(text, split_sentences(text, "en"), "en", learned=False) == []
        st = only(text)
        assert (st.speaker, st.cue, st.extra.get("learned")) == (speaker, cue, True)
        assert st.stance == "assert" and st.start > st.cue_end
    view = only("Ravel's view is that the vote was rigged.")
    assert view.speaker == "Ravel's" and "view" in (view.cue or "")
    assert "the vote was rigged" in view.content


def test_learned_keeps_rule_statement_and_adds_nested_one() -> None:
    from claimscope.analyze import learned_attribution

    if learned_attribution.tagger() is None:
        import pytest

        pytest.skip("learned model not available")
    # (the issue-3 model gives "supports" in "The senator supports a ban …, her office said"
    # a cue marginal of 0.28, under CUE_MARGINAL; a known miss, see models/README.md)
    found = run("The mayor wants the stadium rebuilt, her aide said.")
    assert [(s.speaker, s.cue, bool(s.extra.get("learned"))) for s in found] == [
        ("her aide", "said", False),
        ("The mayor", "wants", True),
    ]
    assert found[1].parent == 0


def test_missing_model_falls_back_to_rules_with_warning(tmp_path, caplog, monkeypatch) -> None:
    import logging
    import sys

    from claimscope.analyze import learned_attribution

    text = "The governor wants the bridge rebuilt by spring. Critics argue the plan will fail."
    rules = extract_statements(text, split_sentences(text, "en"), "en", learned=False)
    try:
        learned_attribution.set_model_path(tmp_path / "missing.crfsuite.xz")
        with caplog.at_level(logging.WARNING):
            got = run(text)
        assert "rules only" in caplog.text
        assert [s.to_dict() for s in got] == [s.to_dict() for s in rules]
        caplog.clear()
        learned_attribution.set_model_path(None)
        monkeypatch.setitem(sys.modules, "pycrfsuite", None)  # library not installed
        with caplog.at_level(logging.WARNING):
            got = run(text)
        assert "python-crfsuite" in caplog.text
        assert [s.to_dict() for s in got] == [s.to_dict() for s in rules]
    finally:
        monkeypatch.undo()
        learned_attribution.set_model_path(None)


def test_learned_path_is_english_only() -> None:
    text = "O ministro quer a ponte pronta até a primavera."
    sentences = split_sentences(text, "pt")
    assert [s.to_dict() for s in extract_statements(text, sentences, "pt")] == [
        s.to_dict() for s in extract_statements(text, sentences, "pt", learned=False)
    ]


def _rule_unit(text: str) -> tuple[list[Statement], list[tuple[int, int, str]], object]:
    """The rule statements, tokens and quotations of a one-unit text."""
    from claimscope.analyze.attribution import TOKEN, analyse_units

    _lang, quotes, units = analyse_units(text, split_sentences(text, "en"), "en")
    assert len(units) == 1
    toks = [(m.start(), m.end(), m.group(0)) for m in TOKEN.finditer(text)]
    return units[0][3], toks, quotes


def test_tagger_vetoes_unlikely_one_word_rule_cue(monkeypatch) -> None:
    from claimscope.analyze import learned_attribution
    from claimscope.analyze.attribution import _veto_rule_cues

    monkeypatch.setattr(learned_attribution, "CUE_VETO_PROB", 0.1)
    text = "Officials said the bridge would reopen in May."
    for marginal, kept in ((0.05, 0), (0.5, 1)):
        found, toks, quotes = _rule_unit(text)
        assert [s.cue for s in found] == ["said"]
        _veto_rule_cues(found, toks, [marginal] * len(toks), quotes)
        assert len(found) == kept


def test_veto_spares_denials_headlines_and_quoted_statements(monkeypatch) -> None:
    from claimscope.analyze import learned_attribution
    from claimscope.analyze.attribution import _veto_rule_cues

    monkeypatch.setattr(learned_attribution, "CUE_VETO_PROB", 0.1)
    for text in (
        "Officials denied that the bridge would close.",
        "“The minister told me the plant would stay open,” the union leader said.",
    ):
        found, toks, quotes = _rule_unit(text)
        before = [(s.speaker, s.cue) for s in found]
        assert before
        _veto_rule_cues(found, toks, [0.0] * len(toks), quotes)
        survivors = [(s.speaker, s.cue) for s in found]
        if "denied" in text:
            assert survivors == before
        else:  # the outer "said" goes, the statement quoted inside the quotation stays
            assert ("The minister", "told") in survivors and len(survivors) == len(before) - 1
            assert all(s.parent is None or s.parent < len(found) for s in found)


def test_features_carry_lemma_and_distance_to_nearest_cue() -> None:
    from claimscope.analyze.attribution import compiled
    from claimscope.analyze.learned_attribution import unit_features

    words = "Senior aide John Smith said that it appeared fine".split()
    toks = [(0, 0, w) for w in words]
    feats = unit_features("", toks, compiled("en"), [False] * len(toks), [""] * len(toks))
    by_word = dict(zip(words, feats, strict=True))
    assert "lem=appear" in by_word["appeared"] and "lem=say" in by_word["said"]
    assert "ar=1" in by_word["Smith"] and "ar=4" in by_word["Senior"]
    assert "al=1" in by_word["that"] and "al=n" in by_word["Senior"]
    assert "capr" in by_word["John"] and "capr" not in by_word["aide"]


class _FakeTagger:
    """A stand-in for the CRF: fixed tags per word, the given marginal on each tagged token."""

    def __init__(self, text: str, tags: dict[str, tuple[str, float]]) -> None:
        from claimscope.analyze.attribution import TOKEN

        self.words = [m.group(0) for m in TOKEN.finditer(text)]
        self.tags = tags

    def tag(self, feats: list[list[str]]) -> list[str]:
        return [self.tags.get(w, ("O", 1.0))[0] for w in self.words[: len(feats)]]

    def marginal(self, label: str, k: int) -> float:
        tag, prob = self.tags.get(self.words[k], ("O", 1.0))
        return prob if tag == label else 0.0


def _with_tagger(monkeypatch, text: str, tags: dict[str, tuple[str, float]]) -> list[Statement]:
    from claimscope.analyze import attribution

    monkeypatch.setattr(attribution, "learned_tagger", lambda _lang: _FakeTagger(text, tags))
    return run(text)


def test_sourceless_tagged_cue_takes_the_rules_subject(monkeypatch) -> None:
    (st,) = _with_tagger(
        monkeypatch, "Marta Quinn plans to rebuild the bridge.", {"plans": ("B-CUE", 0.9)}
    )
    assert (st.speaker, st.cue, st.extra.get("rule_subject")) == ("Marta Quinn", "plans", True)
    # no person, role or pronoun before the cue: the statement keeps no speaker
    (st,) = _with_tagger(
        monkeypatch, "It appears the bridge will reopen.", {"appears": ("B-CUE", 0.9)}
    )
    assert (st.speaker, st.cue) == (None, "appears")
    monkeypatch.setattr("claimscope.analyze.learned_attribution.RULE_SUBJECT", False)
    (st,) = _with_tagger(
        monkeypatch, "Marta Quinn plans to rebuild the bridge.", {"plans": ("B-CUE", 0.9)}
    )
    assert st.speaker is None


def test_lone_letter_source_is_an_interview_label(monkeypatch) -> None:
    tags = {"Q": ("B-SRC", 0.9), ":": ("B-CUE", 0.9)}
    assert _with_tagger(monkeypatch, "Q: Will the bridge reopen in May?", tags) == []
    tags = {"K": ("B-SRC", 0.9), "wants": ("B-CUE", 0.9)}
    (st,) = _with_tagger(monkeypatch, "K wants the bridge rebuilt.", tags)
    assert (st.speaker, st.cue) == (None, "wants")
    monkeypatch.setattr("claimscope.analyze.learned_attribution.LETTER_LABELS", False)
    (st,) = _with_tagger(monkeypatch, "K wants the bridge rebuilt.", tags)
    assert st.speaker == "K"


def test_tagger_may_keep_a_request_but_never_a_passive(monkeypatch) -> None:
    text = "The mayor called for a recount of the ballots."
    assert extract_statements(text, split_sentences(text, "en"), "en", learned=False) == []
    tags = {"called": ("B-CUE", 0.9), "for": ("I-CUE", 0.9)}
    (st,) = _with_tagger(monkeypatch, text, tags)
    assert (st.speaker, st.cue) == ("The mayor", "called for")
    monkeypatch.setattr("claimscope.analyze.learned_attribution.TAGGER_REQUESTS", False)
    assert _with_tagger(monkeypatch, text, tags) == []
    monkeypatch.setattr("claimscope.analyze.learned_attribution.TAGGER_REQUESTS", True)
    text = "Kestria accused of sending drones over the border."
    assert _with_tagger(monkeypatch, text, {"accused": ("B-CUE", 0.9)}) == []
