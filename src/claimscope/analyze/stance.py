"""Stance of a reported statement: assert, deny or hedge.

Kept apart from span extraction because the two fail differently: a wrong
speaker is a parsing problem, a wrong stance is a lexicon problem. The cue sets
a default (``denied`` -> deny, ``declined to comment`` -> hedge); the words of
the statement can override an assertive cue ("said it was fake news" -> deny,
"said that, if true, ..." -> hedge). All lexicons come from the language files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NO_MATCH = re.compile(r"(?!x)x")


@dataclass(frozen=True)
class StanceLexicon:
    """Compiled deny/hedge phrase patterns for one language."""

    deny: re.Pattern[str]
    hedge: re.Pattern[str]
    negated_action: re.Pattern[str]


def _alternation(forms: list[str], spaces: bool) -> str:
    parts = sorted({f.strip() for f in forms if f.strip()}, key=len, reverse=True)
    body = "|".join(p.replace(" ", r"\s+") for p in parts)
    if not spaces:
        return f"(?:{body})"
    return rf"(?<!\w)(?:{body})(?!\w)"


def compile_lexicon(data: dict, spaces: bool = True) -> StanceLexicon:
    """Build the stance patterns from a language file's `[attribution]` table."""
    deny = data.get("deny_phrases", [])
    hedge = data.get("hedge_phrases", [])
    negs = data.get("negations", [])
    verbs = data.get("denial_verbs", [])
    deny_re = re.compile(_alternation(deny, spaces), re.I) if deny else _NO_MATCH
    hedge_re = re.compile(_alternation(hedge, spaces), re.I) if hedge else _NO_MATCH
    if negs and verbs:
        neg = "|".join(sorted((n.replace(" ", r"\s+") for n in negs), key=len, reverse=True))
        verb = "|".join(sorted((v.replace(" ", r"\s+") for v in verbs), key=len, reverse=True))
        gap = data.get("negation_gap", 3)
        if spaces:
            # an elided negation glues to the next word, which counts towards the gap:
            # "n'a été vendu", "n’ont jamais livré"
            pattern = (
                rf"(?:(?<!\w)|(?<=n))(?:{neg})(?:(?<=['’])\w+)?(?!\w)"
                rf"(?:\s+\S+){{0,{gap}}}?\s+(?:{verb})\w*"
            )
        else:
            pattern = rf"(?:{neg}).{{0,{gap * 2}}}?(?:{verb})"
        negated = re.compile(pattern, re.I)
    else:
        negated = _NO_MATCH
    return StanceLexicon(deny=deny_re, hedge=hedge_re, negated_action=negated)


def classify(cue_stance: str, content: str, context: str, lexicon: StanceLexicon) -> str:
    """Stance from the cue's default, overridden by what the statement says.

    `context` is the statement's wider wording (object of the cue, phrases
    around the quote) that can carry a denial without being content, as in
    "called the reports fake".
    """
    if cue_stance in ("deny", "hedge"):
        return cue_stance
    text = f"{content} {context}"
    if lexicon.deny.search(text) or lexicon.negated_action.search(content):
        return "deny"
    if lexicon.hedge.search(text):
        return "hedge"
    return "assert"
