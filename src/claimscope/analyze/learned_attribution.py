"""Learned attribution spans for English: a CRF tagger on top of the rules.

A linear-chain CRF (python-crfsuite) labels each token of a unit (a sentence,
or sentences joined by a quotation) with BIO tags for CUE, SOURCE and CONTENT.
Features are cheap and need no parser: the word, its affixes and shape, the
language file's lexicons (reporting cues, pronouns, role words), position
relative to quotation marks, the neighbours, and what the rule-based extractor
already found in the unit (stacking). The weights were trained on PolNeAR
train (see ``models/README.md``); the file holds feature weights, no text.

The tagger adds statements for cues the rules miss; where rules and tagger
agree the rule-based statement (and its stance) is kept. The model is loaded
lazily once per process; when it, or python-crfsuite, is missing, a warning is
logged and only the rules run.
"""

from __future__ import annotations

import logging
import lzma
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any

import simplemma

from claimscope.model import Statement

log = logging.getLogger(__name__)

MODEL_DIR = Path(__file__).resolve().parent / "models"
MODEL_PATH = MODEL_DIR / "attribution_en.crfsuite.xz"
LABELS = ("CUE", "SRC", "CON")
QUOTE_CHARS = frozenset("\"“”‘’«»'")
# Decision settings chosen on a held-out part of PolNeAR train (scripts/train_attribution_en.py).
CUE_MIN_PROB = 0.30
CONTENT_FALLBACK = True
# Extra cues from token marginals: a run of tokens the Viterbi path leaves outside a cue
# whose P(B-CUE) + P(I-CUE) reaches this becomes a cue too (1.0 or more: off).
CUE_MARGINAL = 0.4
# A rule statement's speaker is replaced by the tagger's source for the same cue when the
# two differ and the tagger's mean source marginal reaches this (above 1.0: never).
SRC_OVERRIDE_PROB = 0.8
# False: also where the two spans do not overlap (the rules took a wrong noun phrase);
# True: only boundary fixes.
SRC_OVERRIDE_OVERLAPPING = False
# A tagged cue between a rule statement's speaker and its cue is dropped unless its
# confidence reaches this (above 1.0: always dropped).
FRAME_KEEP_PROB = 2.0
# A rule statement whose one-word cue gets a tagger cue marginal below this is dropped
# (denials, hedges, headlines and quoted statements excepted): the tagger, which sees the
# rules' labels as features, vetoes the rules' false cues (0.0: never).
CUE_VETO_PROB = 0.1
# A tagged cue the tagger gives no source takes the rules' subject of its clause when that
# is a name, a role or a personal pronoun (False: the statement stays without a speaker).
RULE_SUBJECT = True
# A tagged source that is a lone letter is no source: with a punctuation cue ("Q: …",
# "A: …" in an interview) the statement is dropped, with a word cue only the speaker.
LETTER_LABELS = True
# Whether a tagged cue may be a request or call the language file's `requests` lists
# ("called for", "asked to"): the rules never report those, PolNeAR marks them.
TAGGER_REQUESTS = True

Tok = tuple[int, int, str]
Span = tuple[int, int]


@dataclass
class UnitSpans:
    """Spans the tagger found in one unit, as character offsets, with cue confidence."""

    cues: list[tuple[int, int, float]]
    sources: list[Span]
    contents: list[Span]
    source_probs: list[float] | None = None
    cue_marginals: list[float] | None = None  # per token, P(B-CUE) + P(I-CUE)


_model_path: Path = MODEL_PATH
_BUFFERS: dict[int, bytes] = {}


def set_model_path(path: Path | None) -> None:
    """Use another model file (None: the shipped one); clears the cached tagger."""
    global _model_path
    _model_path = Path(path) if path is not None else MODEL_PATH
    old = tagger() if tagger.cache_info().currsize else None
    tagger.cache_clear()
    if old is not None:
        old.close()
        _BUFFERS.pop(id(old), None)


@cache
def tagger() -> Any | None:
    """The CRF tagger, loaded once; None (with a warning) when it cannot be loaded."""
    try:
        import pycrfsuite
    except ImportError:
        log.warning("python-crfsuite is not installed: English attribution uses rules only")
        return None
    if not _model_path.exists():
        log.warning(
            "attribution model %s is missing: English attribution uses rules only", _model_path
        )
        return None
    tg = pycrfsuite.Tagger()
    try:
        if _model_path.suffix == ".xz":  # shipped compressed (21 MB -> 7 MB)
            data = lzma.decompress(_model_path.read_bytes())
            _BUFFERS[id(tg)] = data  # crfsuite reads this memory for the tagger's lifetime
            tg.open_inmemory(data)
        else:
            tg.open(str(_model_path))
    except (OSError, ValueError, lzma.LZMAError) as exc:  # pragma: no cover - corrupt file
        log.warning("cannot open attribution model %s (%s): rules only", _model_path, exc)
        return None
    return tg


# ---------------------------------------------------------------- features


def _shape(w: str) -> str:
    if w.isdigit():
        return "d"
    if not w[0].isalnum():
        return "q" if w in QUOTE_CHARS else w if len(w) == 1 else "p"
    if w.isupper() and len(w) > 1:
        return "X"
    if w[0].isupper():
        return "Xx"
    return "x"


_WORD_CACHE: dict[tuple[str, str], tuple[list[str], str, tuple[str, ...]]] = {}
_PAIR_CACHE: dict[tuple[str, str, str], str] = {}
_CACHE_MAX = 200_000


def _word(w: str, lang: Any) -> tuple[list[str], str, tuple[str, ...]]:
    """Cached per word: its own features, its lexicon kind, and its features as a neighbour."""
    key = (lang.code, w)
    hit = _WORD_CACHE.get(key)
    if hit is not None:
        return hit
    low = w.lower()
    shape = _shape(w)
    f = [f"w={low}", f"sh={shape}", f"s3={low[-3:]}", f"s2={low[-2:]}", f"p3={low[:3]}"]
    m = lang.cue_re.fullmatch(low) if lang.cue_re is not None and shape != "q" else None
    kind = (m.lastgroup or "") if m else ""
    if kind:
        f.append(f"lex={kind}")
    if low in lang.pronouns:
        f.append("pron")
    if lang.role_re is not None and lang.role_re.fullmatch(low):
        f.append("role")
    if low in lang.determiners:
        f.append("det")
    lem = _lemma(low, lang.code) if shape != "q" and low[0].isalpha() else low
    if lem != low:
        f.append(f"lem={lem}")  # "appeared"/"appears" share what "appear" learned
    lx = kind or shape
    neigh = tuple(s for d in (-2, -1, 1, 2) for s in (f"{d}w={low}", f"{d}lx={lx}"))
    neigh += (f"-1lem={lem}", f"1lem={lem}", f"-3w={low}", f"3w={low}")
    if len(_WORD_CACHE) > _CACHE_MAX:
        _WORD_CACHE.clear()
    _WORD_CACHE[key] = (f, kind, neigh)
    return f, kind, neigh


def _lemma(low: str, code: str) -> str:
    """Dictionary lemma; the word itself for a language simplemma has no dictionary for."""
    try:
        return simplemma.lemmatize(low, lang=code).lower()
    except ValueError:  # pragma: no cover - language without a dictionary
        return low


def _bucket(d: int) -> str:
    """Coarse token distance: near values exact, far ones grouped."""
    return str(d) if d <= 3 else "4" if d <= 6 else "7" if d <= 12 else "13"


def _pair_kind(low: str, nxt: str, lang: Any) -> str:
    """Lexicon kind of a two-word cue starting at `low` ("told reporters"), or ''."""
    key = (lang.code, low, nxt)
    hit = _PAIR_CACHE.get(key)
    if hit is None:
        m = lang.cue_re.match(f"{low} {nxt}") if lang.cue_re is not None else None
        hit = f"{m.lastgroup}2" if m and m.end() > len(low) else ""
        if len(_PAIR_CACHE) > _CACHE_MAX:
            _PAIR_CACHE.clear()
        _PAIR_CACHE[key] = hit
    return hit


def unit_features(
    text: str,
    toks: list[Tok],
    lang: Any,
    in_quote: list[bool],
    marks: list[str],
) -> list[list[str]]:
    """Feature strings per token; `marks` are the rule-based labels ("cue", "src", "con", "")."""
    n = len(toks)
    words = [_word(w, lang) for _, _, w in toks]
    lows = [w.lower() for _, _, w in toks]
    neigh: list[tuple[str, ...]] = []
    base: list[list[str]] = []
    # anchors: lexicon cues and the rules' cues; sources and contents sit at a distance
    # from one, usually beyond the ±2 window
    anchor = [
        bool(kind) or mark == "cue" for (_f, kind, _nb), mark in zip(words, marks, strict=True)
    ]
    for k, (f, kind, nb) in enumerate(words):
        f = list(f)
        if not kind and k + 1 < n:
            pair = _pair_kind(lows[k], lows[k + 1], lang)
            if pair:
                anchor[k] = True
                f.append(f"lex={pair}")
                lx = f"lx={pair}"
                nb = tuple(x if "lx=" not in x else x.split("lx=")[0] + lx for x in nb)
        if in_quote[k]:
            f.append("inq")
        if marks[k]:
            f.append(f"r={marks[k]}")
        base.append(f)
        neigh.append(nb)
    rel_quote = _quote_side(in_quote)
    left = [_FAR] * n  # distance to the nearest anchor on the left (_FAR: none)
    right = [_FAR] * n
    last = -1
    for k in range(n):
        if last >= 0:
            left[k] = min(k - last, _FAR - 1)
        if anchor[k]:
            last = k
    last = -1
    for k in range(n - 1, -1, -1):
        if last >= 0:
            right[k] = min(last - k, _FAR - 1)
        if anchor[k]:
            last = k
    unit = "u=" + ("l" if any(anchor) else "-") + ("q" if any(in_quote) else "-")
    caps = [bool(w[:1].isupper()) for _s, _e, w in toks]
    pairs = [f"{a}|{b}" for a, b in pairwise(lows)]
    feats: list[list[str]] = []
    for k in range(n):  # string tables instead of formatting: this runs once per token
        f = base[k]
        add = f.append
        f.extend((_POS[min(k, 5)], _QSIDE[rel_quote[k]], _AL[left[k]], _AR[right[k]], unit))
        if k == n - 1:
            add("last")
        if caps[k] and ((k and caps[k - 1]) or (k + 1 < n and caps[k + 1])):
            add("capr")
        for i, d in enumerate((-2, -1, 1, 2)):
            j = k + d
            if 0 <= j < n:
                nb = neigh[j]
                f.extend((nb[2 * i], nb[2 * i + 1]))
                if marks[j]:
                    add(_MARKS[(d, marks[j])])
            else:
                add(_PADS[i])
        if k:
            add(neigh[k - 1][8])  # -1lem
            add("bg=" + pairs[k - 1])
        if k + 1 < n:
            add(neigh[k + 1][9])  # 1lem
            add("bg+=" + pairs[k])
        if k > 2:
            add(neigh[k - 3][10])  # -3w
        if k + 3 < n:
            add(neigh[k + 3][11])  # 3w
        feats.append(f)
    return feats


_FAR = 14  # "no anchor"; distances from 13 on are clamped to 13
_POS = tuple(f"pos={k}" for k in range(6))
_QSIDE = {q: f"qside={q}" for q in ("b", "a", "ba", "-")}
_AL = [f"al={_bucket(d)}" for d in range(_FAR)] + ["al=n"]
_AR = [f"ar={_bucket(d)}" for d in range(_FAR)] + ["ar=n"]
_PADS = ("-2pad", "-1pad", "1pad", "2pad")
_MARKS = {(d, m): f"{d}r={m}" for d in (-2, -1, 1, 2) for m in ("cue", "src", "con")}


def _quote_side(in_quote: list[bool]) -> list[str]:
    """Whether a quotation lies before ('b'), after ('a'), both or neither of each token."""
    n = len(in_quote)
    before = [False] * n
    seen = False
    for k in range(n):
        before[k] = seen
        seen = seen or in_quote[k]
    after = [False] * n
    seen = False
    for k in range(n - 1, -1, -1):
        after[k] = seen
        seen = seen or in_quote[k]
    pairs = zip(before, after, strict=True)
    return [("b" if b else "") + ("a" if a else "") or "-" for b, a in pairs]


def marks_for(toks: list[Tok], statements: list[Statement]) -> list[str]:
    """Per token, what the rules found there: cue over source over content."""
    spans: list[tuple[int, int, str]] = []
    for st in statements:
        spans.append((st.start, st.end, "con"))
        if st.speaker_start is not None and st.speaker_end is not None:
            spans.append((st.speaker_start, st.speaker_end, "src"))
        if st.cue_start is not None and st.cue_end is not None:
            spans.append((st.cue_start, st.cue_end, "cue"))
    rank = {"cue": 3, "src": 2, "con": 1, "": 0}
    out = [""] * len(toks)
    for s, e, lab in spans:
        for k, (ts, _te, _w) in enumerate(toks):
            if s <= ts < e and rank[lab] > rank[out[k]]:
                out[k] = lab
    return out


# ---------------------------------------------------------------- decoding


def decode(tags: list[str], toks: list[Tok], probs: list[float] | None = None) -> UnitSpans:
    """BIO tags to character spans (an I- without a B- opens a span)."""
    found: dict[str, list[tuple[int, int, float]]] = {lab: [] for lab in LABELS}
    cur: str | None = None
    a = b = 0
    ps: list[float] = []

    def close() -> None:
        if cur is not None:
            found[cur].append((toks[a][0], toks[b][1], sum(ps) / len(ps) if ps else 1.0))

    for k, tag in enumerate(tags):
        pre, _, lab = tag.partition("-")
        if pre == "I" and lab == cur:
            b = k
            if probs is not None:
                ps.append(probs[k])
            continue
        close()
        cur, ps = None, []
        if pre in ("B", "I"):
            cur, a, b = lab, k, k
            if probs is not None:
                ps.append(probs[k])
    close()
    return UnitSpans(
        cues=found["CUE"],
        sources=[(s, e) for s, e, _ in found["SRC"]],
        contents=[(s, e) for s, e, _ in found["CON"]],
        source_probs=[p for _s, _e, p in found["SRC"]],
    )


def tag_unit(tg: Any, feats: list[list[str]], toks: list[Tok]) -> UnitSpans:
    """Run the tagger on one unit; cue (and source) confidence is the mean marginal of its tags.

    With `CUE_MARGINAL` below 1, runs of tokens outside the Viterbi cues whose cue marginal
    (B-CUE + I-CUE) reaches it are added as cues, in reading order.
    """
    tags = tg.tag(feats)
    want_src = SRC_OVERRIDE_PROB <= 1.0
    probs = [
        tg.marginal(t, k) if t.endswith("CUE") or (want_src and t.endswith("SRC")) else 1.0
        for k, t in enumerate(tags)
    ]
    spans = decode(tags, toks, probs)
    if CUE_VETO_PROB > 0.0:
        spans.cue_marginals = [
            tg.marginal("B-CUE", k) + tg.marginal("I-CUE", k) for k in range(len(tags))
        ]
    if CUE_MARGINAL < 1.0:
        extra: list[tuple[int, int, float]] = []
        run: list[tuple[int, float]] = []
        cm = spans.cue_marginals
        for k, t in enumerate([*tags, "O"]):
            pc = 0.0
            if k < len(tags) and not t.endswith("CUE"):
                pc = cm[k] if cm is not None else tg.marginal("B-CUE", k) + tg.marginal("I-CUE", k)
            if pc >= CUE_MARGINAL:
                run.append((k, pc))
                continue
            if run:
                a, b = run[0][0], run[-1][0]
                extra.append((toks[a][0], toks[b][1], sum(p for _, p in run) / len(run)))
                run = []
        if extra:
            spans.cues = sorted(spans.cues + extra)
    return spans
