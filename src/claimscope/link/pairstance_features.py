"""Dense, language-light features for claim-text stance.

The model must ship small and run offline, so instead of a vocabulary-sized
lexical model we compute ~200 numbers per (claim, text) pair: overlap signals
that decide related/unrelated in any language (prefix stems, CJK character
bigrams, numbers, char n-grams, names transliterated with anyascii) and cue
counts (denial, refutation, hedging, reporting, confirmation, negation,
contrast) measured where the text talks about the claim, which decide the
stance. Cue words are data: the `[attribution]` section of
`claimscope/lang/data/<code>.toml` plus the `[stance]` additions in
`link/data/stance_cues/<code>.toml` (see the README there).
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
import tomllib
import unicodedata
import zlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
from anyascii import anyascii

from claimscope.lang import load_language

STEM_LEN = 6
IDF_BITS = 17
NEAR_WINDOW = 8  # tokens between a cue and a claim word for the cue to count as "near"
TOP_K = 3

LANGUAGES = ("en", "pt", "es", "fr", "de", "it", "ru", "uk", "vi", "id", "ar", "zh", "ko", "ja")
CUE_DIR = Path(__file__).with_name("data") / "stance_cues"
# Feature categories and where their entries come from: ([attribution] keys, [stance] keys).
CUE_SOURCES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "deny": (("deny",), ("deny",)),
    "refute": (("deny_phrases",), ("refute",)),
    "hedge": (("hedge", "hedge_phrases"), ("hedge",)),
    "report": (("assert",), ("report",)),
    "support": ((), ("support",)),
    "negation": (("negations",), ("negation",)),
    "contrast": ((), ("contrast",)),
}
CUE_CATS = [*CUE_SOURCES, "deny_that"]
CAT = {c: i for i, c in enumerate(CUE_CATS)}
NEAR_CATS = ("deny", "refute", "negation", "support", "hedge", "deny_that")

_TOKEN_RE = re.compile(r"\w+(?:'\w+)?", re.UNICODE)
_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")
_SENT_SPLIT_RE = re.compile(r"(?<=[.!?…])[\"'”»)]*\s+|(?<=[。！？])[」』”]*\s*|\n+")
_CAP_RE = re.compile(r"(?<![\w])([A-ZÀ-ÝА-ЯЁІЇЄҐĐ][\w'-]+)")
_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_HANGUL_RE = re.compile(r"[\uac00-\ud7af]")
_ARABIC_RE = re.compile(r"[\u0600-\u06ff]")
_AR_CLITICS = ("وال", "بال", "فال", "كال", "لل", "ال", "و")
_QUESTION = ("?", "？", "؟")


# --- cue data --------------------------------------------------------------------------------


@cache
def stance_file(code: str) -> dict[str, Any]:
    """The `[stance]` section of `stance_cues/<code>.toml` (empty when absent)."""
    path = CUE_DIR / f"{code}.toml"
    if not path.exists():
        return {}
    return tomllib.loads(path.read_text(encoding="utf-8")).get("stance", {})


@cache
def cue_entries(code: str) -> dict[str, list[str]]:
    """Regex fragments per cue category for one language: language file + stance additions."""
    lang = load_language(code)
    attribution = lang.get("attribution", {})
    stance = stance_file(code)
    out: dict[str, list[str]] = {}
    for cat, (attr_keys, stance_keys) in CUE_SOURCES.items():
        entries = [e for k in attr_keys for e in attribution.get(k, [])]
        entries += [e for k in stance_keys for e in stance.get(k, [])]
        out[cat] = sorted({e for e in entries if isinstance(e, str) and e.strip()})
    out["complementizers"] = sorted(
        set(attribution.get("complementizers", [])) | set(stance.get("complementizers", []))
    )
    out["claim_nouns"] = sorted(
        set(attribution.get("claim_nouns", [])) | set(stance.get("claim_nouns", []))
    )
    return out


@cache
def match_mode(code: str) -> str:
    """`word`, `substring` (zh, ja) or `prefix` (ko)."""
    mode = stance_file(code).get("match")
    if mode:
        return str(mode)
    spaces = load_language(code).get("meta", {}).get("spaces", True)
    return "word" if spaces else "substring"


def _fragment(entry: str) -> str:
    try:
        re.compile(entry)
        pat = entry
    except re.error:
        pat = re.escape(entry)
    return re.sub(r"(?<!\\) +", r"\\s+", pat.strip())


def _alternation(entries: Iterable[str]) -> str:
    return "|".join(_fragment(e) for e in sorted(set(entries), key=len, reverse=True))


def _wrap(alts: str, mode: str) -> str:
    if mode == "substring":
        return f"(?:{alts})"
    if mode == "prefix":
        return rf"(?<!\w)(?:{alts})"
    return rf"(?<!\w)(?:{alts})(?!\w)"


@cache
def cue_patterns(code: str) -> tuple[re.Pattern[str] | None, ...]:
    """One compiled regex per category in CUE_CATS for one language (None = no entries)."""
    entries = cue_entries(code)
    mode = match_mode(code)
    pats: list[re.Pattern[str] | None] = []
    for cat in CUE_SOURCES:
        alts = _alternation(entries[cat])
        pats.append(re.compile(_wrap(alts, mode), re.IGNORECASE) if alts else None)
    # "X denied that ...", "dismissed the reports": a denial verb aimed at a claim.
    targets = entries["complementizers"] + entries["claim_nouns"]
    if entries["deny"] and targets:
        gap = r"(?:\W+\w+){0,3}?\W+" if mode != "substring" else r".{0,8}?"
        alts = f"(?:{_alternation(entries['deny'])}){gap}(?:{_alternation(targets)})"
        pats.append(re.compile(_wrap(alts, mode), re.IGNORECASE))
    else:
        pats.append(None)
    return tuple(pats)


@cache
def all_stopwords() -> frozenset[str]:
    """Function words of every shipped language; content overlap ignores them."""
    return frozenset(w for code in LANGUAGES for w in stance_file(code).get("stopwords", []))


def side_language(text: str, hint: str | None = None) -> str:
    """Cue language of a text: the hint when its script fits, else detected, else English."""
    if hint:
        base = hint.split("-")[0].lower()
        if base in LANGUAGES and _script_fits(text, base):
            return base
    try:
        from claimscope.analyze.language import detect_language

        code = detect_language(text[:800])[0]
    except Exception:  # language id is a convenience
        code = None
    return code if code in LANGUAGES else (hint if hint in LANGUAGES else "en")


def _script_fits(text: str, code: str) -> bool:
    sample = text[:400]
    if code in ("zh", "ja"):
        return bool(_CJK_RE.search(sample)) or not sample.strip()
    if code == "ko":
        return bool(_HANGUL_RE.search(sample)) or not sample.strip()
    if code == "ar":
        return bool(_ARABIC_RE.search(sample)) or not sample.strip()
    cjk = _CJK_RE.search(sample) or _HANGUL_RE.search(sample) or _ARABIC_RE.search(sample)
    if code in ("ru", "uk"):
        return not cjk and (bool(re.search(r"[\u0400-\u04ff]", sample)) or not sample.strip())
    return not cjk and not re.search(r"[\u0400-\u04ff]{3}", sample)


# --- text processing ------------------------------------------------------------------------


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return text.replace("’", "'").replace("‘", "'").replace("`", "'")


def split_sentences(text: str) -> list[str]:
    # Rejoin numbers broken across lines ("1.\n500") before splitting.
    text = re.sub(r"(\d)[.,]\s*\n\s*(\d)", r"\1\2", text)
    sents = [s.strip() for s in _SENT_SPLIT_RE.split(text) if s]
    return [s for s in sents if len(s) > 1] or [text.strip() or "."]


def _token_stems(token: str) -> list[str]:
    """Overlap units of one token: 6-char prefix; CJK character bigrams; Korean and
    Arabic stems without particles/clitics."""
    if _CJK_RE.match(token):
        chars = [c for c in token if _CJK_RE.match(c)]
        if len(chars) < 2:
            return chars
        return ["".join(p) for p in itertools.pairwise(chars)]
    if _HANGUL_RE.match(token):
        return [token[:2]]
    if _ARABIC_RE.match(token):
        for clitic in _AR_CLITICS:
            if token.startswith(clitic) and len(token) - len(clitic) >= 3:
                token = token[len(clitic) :]
                break
        return [token[:5]]
    return [token[:STEM_LEN]]


def tokens_of(text_lower: str) -> list[tuple[str, int]]:
    """(stem, char offset) of the content tokens of a lowercased text."""
    stop = all_stopwords()
    out: list[tuple[str, int]] = []
    for m in _TOKEN_RE.finditer(text_lower):
        tok = m.group()
        if tok in stop:
            continue
        out += [(s, m.start()) for s in _token_stems(tok)]
    return out


def stems_of(text_lower: str) -> list[str]:
    return [s for s, _ in tokens_of(text_lower)]


def bucket(stem: str) -> int:
    return zlib.crc32(stem.encode("utf-8")) & ((1 << IDF_BITS) - 1)


@dataclass
class Idf:
    """Hashed IDF table (crc32 buckets): small to ship, works for any script."""

    table: np.ndarray  # float32, len 2**IDF_BITS

    def __post_init__(self) -> None:
        self._cache: dict[str, float] = {}

    def __call__(self, stem: str) -> float:
        v = self._cache.get(stem)
        if v is None:
            v = float(self.table[bucket(stem)])
            self._cache[stem] = v
        return v

    @classmethod
    def fit(cls, docs: Iterable[str]) -> Idf:
        df = np.zeros(1 << IDF_BITS, dtype=np.float64)
        n = 0
        for doc in docs:
            n += 1
            for b in {bucket(s) for s in stems_of(normalize(doc).lower())}:
                df[b] += 1
        idf = np.log((n + 1) / (df + 1)) + 1.0
        return cls(idf.astype(np.float32))

    def to_uint8(self) -> tuple[np.ndarray, float]:
        scale = float(self.table.max()) / 255.0
        return np.round(self.table / scale).astype(np.uint8), scale

    @classmethod
    def from_uint8(cls, q: np.ndarray, scale: float) -> Idf:
        return cls(q.astype(np.float32) * np.float32(scale))


def _vec(stems: list[str], idf: Idf) -> dict[str, float]:
    tf = Counter(stems)
    v = {s: (1.0 + math.log(c)) * idf(s) for s, c in tf.items()}
    norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
    return {s: x / norm for s, x in v.items()}


def _cos(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(s, 0.0) for s, x in a.items())


def _char_ngrams(text_lower: str, n: int = 4) -> set[str]:
    t = " ".join(_TOKEN_RE.findall(text_lower))
    return {t[i : i + n] for i in range(max(0, len(t) - n + 1))}


def _numbers(text: str) -> set[str]:
    return {re.sub(r"[.,]", "", m) for m in _NUMBER_RE.findall(text)}


def _ascii_key(word: str, n: int = 5) -> str:
    return re.sub(r"[^a-z0-9]", "", anyascii(word).lower())[:n]


def _caps(text: str) -> set[str]:
    # Capitalised words not at sentence start: cheap stand-in for names, transliterated.
    out = set()
    for m in _CAP_RE.finditer(text):
        before = text[: m.start()].rstrip()
        if before and before[-1] not in ".!?:\"'“‘«":
            key = _ascii_key(m.group(1))
            if len(key) >= 3:
                out.add(key)
    return out


def _translit(tokens: list[str]) -> set[str]:
    """4-letter ASCII keys of content words: ties names across scripts (Кремль ~ Kremlin)."""
    stop = all_stopwords()
    keys = {_ascii_key(t, 4) for t in tokens if t not in stop and not t.isdigit()}
    return {k for k in keys if len(k) == 4}


@dataclass
class Side:
    """Pre-processed text (claim or body), computed once and reused across pairs."""

    sentences: list[str]
    sent_tokens: list[list[tuple[str, int]]]  # (stem, char offset) per sentence
    sent_stems: list[list[str]]
    sent_stemsets: list[set[str]]
    sent_vecs: list[dict[str, float]]
    sent_cues: np.ndarray  # (n_sent, n_cat) counts
    sent_cue_pos: list[list[tuple[int, int]]]  # (category, token index) of each cue hit
    vec: dict[str, float]
    stems: list[str]
    stem_set: set[str]
    bigrams: set[tuple[str, str]]
    numbers: set[str]
    caps: set[str]
    translit: set[str]
    chars: set[str]
    n_tokens: int
    tf: Counter = field(default_factory=Counter)


def prepare(text: str, idf: Idf, languages: Iterable[str]) -> Side:
    """Pre-process one text with the cue lists of `languages`."""
    text = normalize(text or "")
    low = text.lower()
    sents = split_sentences(text)
    sent_low = [s.lower() for s in sents]
    sent_tokens = [tokens_of(s) for s in sent_low]
    sent_stems = [[t for t, _ in ts] for ts in sent_tokens]
    pat_sets = [cue_patterns(code) for code in dict.fromkeys(languages)]
    cues = np.zeros((len(sents), len(CUE_CATS)), dtype=np.float32)
    cue_pos: list[list[tuple[int, int]]] = []
    for i, s in enumerate(sent_low):
        starts = [o for _, o in sent_tokens[i]]
        hits: list[tuple[int, int]] = []
        for pats in pat_sets:
            for k, p in enumerate(pats):
                if p is None:
                    continue
                for m in p.finditer(s):
                    cues[i, k] += 1
                    hits.append((k, bisect.bisect_left(starts, m.start())))
        cue_pos.append(hits)
    stems = [s for ss in sent_stems for s in ss]
    raw_tokens = _TOKEN_RE.findall(low)
    return Side(
        sentences=sents,
        sent_tokens=sent_tokens,
        sent_stems=sent_stems,
        sent_stemsets=[set(ss) for ss in sent_stems],
        sent_vecs=[_vec(ss, idf) for ss in sent_stems],
        sent_cues=cues,
        sent_cue_pos=cue_pos,
        vec=_vec(stems, idf),
        stems=stems,
        stem_set=set(stems),
        bigrams={(a, b) for ss in sent_stems for a, b in itertools.pairwise(ss)},
        numbers=_numbers(text),
        caps=_caps(text),
        translit=_translit(raw_tokens),
        chars=_char_ngrams(low),
        n_tokens=len(raw_tokens),
        tf=Counter(stems),
    )


def _frac(part: set, whole: set) -> float:
    return len(part & whole) / len(part) if part else 0.0


def _cue_block(cues: np.ndarray) -> list[float]:
    """Per category: any, log count, and rate per sentence."""
    if cues.size == 0:
        return [0.0] * (3 * len(CUE_CATS))
    tot = cues.sum(axis=0)
    n = max(1, cues.shape[0])
    out: list[float] = []
    for k in range(len(CUE_CATS)):
        out += [float(tot[k] > 0), math.log1p(float(tot[k])), float(tot[k]) / n]
    return out


def _near(b: Side, i: int, claim: set[str]) -> np.ndarray:
    """Per category: 1 if a cue in sentence i lies within NEAR_WINDOW tokens of a claim word."""
    out = np.zeros(len(CUE_CATS), dtype=np.float32)
    hits = b.sent_cue_pos[i]
    if not hits:
        return out
    where = [j for j, (s, _) in enumerate(b.sent_tokens[i]) if s in claim]
    if not where:
        return out
    for k, pos in hits:
        j = bisect.bisect_left(where, pos)
        d = min(
            abs(where[j] - pos) if j < len(where) else 10**6,
            abs(pos - where[j - 1]) if j else 10**6,
        )
        if d <= NEAR_WINDOW:
            out[k] = 1.0
    return out


BM25_K1, BM25_B, BM25_AVGDL = 1.2, 0.75, 350.0


def pair_features(h: Side, b: Side, idf: Idf) -> list[float]:
    hs = set(h.stems)
    hw = sum(idf(s) for s in hs) or 1.0
    n_sent = len(b.sentences)
    sims = np.array([_cos(h.vec, sv) for sv in b.sent_vecs], dtype=np.float32)
    # Fraction of claim stems in each sentence: finds where the text talks about it.
    ov = np.array([_frac(hs, ss) for ss in b.sent_stemsets], dtype=np.float32)
    order = np.argsort(-sims, kind="stable")
    top = order[:TOP_K]
    top1 = int(order[0])
    lead = slice(0, min(3, n_sent))

    dl = max(1, len(b.stems))
    bm25 = 0.0
    for s in hs:
        f = b.tf.get(s, 0)
        if f:
            bm25 += (
                idf(s) * f * (BM25_K1 + 1) / (f + BM25_K1 * (1 - BM25_B + BM25_B * dl / BM25_AVGDL))
            )

    feats: list[float] = [
        _cos(h.vec, b.vec),
        float(sims.max()),
        float(np.sort(sims)[::-1][:3].mean()),
        float(sims[lead].max()),
        float(top1) / n_sent,
        _frac(hs, b.stem_set),
        sum(idf(s) for s in hs & b.stem_set) / hw,
        _frac(hs, {s for ss in b.sent_stems[:3] for s in ss}),
        _frac(h.bigrams, b.bigrams),
        float(len(h.bigrams & b.bigrams) > 0),
        _frac(h.chars, b.chars),
        len(h.chars & b.chars) / max(1, len(h.chars | b.chars)),
        _frac(h.numbers, b.numbers),
        float(bool(h.numbers)),
        _frac(h.caps, b.caps | b.translit),
        float(bool(h.caps)),
        _frac(h.translit, b.translit),
        bm25 / (hw * (BM25_K1 + 1)),
        float(ov.max()),
        float((ov >= 0.3).mean()),
        float(len(hs)),
        math.log1p(b.n_tokens),
        math.log1p(n_sent),
    ]
    # Cues: whole text, lead, the sentences closest to the claim, the claim itself.
    close = ov >= max(0.25, float(ov.max()) * 0.6)
    feats += _cue_block(b.sent_cues)
    feats += _cue_block(b.sent_cues[lead])
    feats += _cue_block(b.sent_cues[top])
    feats += _cue_block(b.sent_cues[close])
    feats += _cue_block(h.sent_cues)
    c = b.sent_cues
    neg_like = c[:, CAT["negation"]] + c[:, CAT["deny"]] + c[:, CAT["refute"]]
    ri, hi, si = CAT["refute"], CAT["hedge"], CAT["support"]
    tot = c.sum(axis=0) + 1e-3
    head = h.sent_cues.sum(axis=0)
    head_ref = float(head[ri] + head[CAT["deny"]] > 0)
    head_neg = float(head[CAT["negation"]] > 0)
    ref_rows = np.nonzero(c[:, ri] + c[:, CAT["deny"]] > 0)[0]
    first_ref = float(ref_rows[0]) / n_sent if ref_rows.size else 1.0
    hedge_rows = np.nonzero(c[:, hi] > 0)[0]
    feats += [
        first_ref,
        float(ov[ref_rows].max()) if ref_rows.size else 0.0,
        float(sims[ref_rows].max()) if ref_rows.size else 0.0,
        float(ov[hedge_rows].max()) if hedge_rows.size else 0.0,
        float(tot[ri] / (tot[ri] + tot[hi] + tot[si])),
        float(tot[hi] / (tot[ri] + tot[hi] + tot[si])),
        head_ref * float(ref_rows.size > 0),  # double denial reads as agreement
        head_neg,
        float(any(q in h.sentences[0] for q in _QUESTION)),
        sum(s.count("?") + s.count("？") + s.count("؟") for s in b.sentences) / n_sent,
        float(c[top1, CAT["negation"]] > 0),
        float(c[top1, ri] > 0),
        float(c[top1, hi] > 0),
        float(c[0, ri] + c[0, CAT["deny"]] > 0),
        sum(s.count('"') + s.count("“") + s.count("«") for s in b.sentences) / n_sent,
        float(np.max(ov * c[:, ri])),
        float(np.max(ov * c[:, CAT["deny"]])),
        float(np.max(ov * c[:, CAT["negation"]])),
        float(np.max(sims * c[:, CAT["contrast"]])),
        float(np.max(ov * c[:, CAT["deny_that"]])),
        float((neg_like[ov >= 0.3] > 0).mean()) if (ov >= 0.3).any() else 0.0,
    ]
    # Cues next to claim words in the best-matching sentences (top-k by similarity).
    near_top = np.array([_near(b, int(i), hs) for i in top])
    near_max = near_top.max(axis=0)
    near_mean = near_top.mean(axis=0)
    near1 = near_top[0]
    # ... and in any sentence that shares much of the claim.
    near_close = np.zeros(len(CUE_CATS), dtype=np.float32)
    for i in np.nonzero(ov >= 0.3)[0][:12]:
        near_close = np.maximum(near_close, _near(b, int(i), hs))
    for cat in NEAR_CATS:
        k = CAT[cat]
        feats += [float(near_max[k]), float(near_mean[k]), float(near1[k]), float(near_close[k])]
    # Polarity of claim vs best-matching sentences (reversed denials: the claim is the denial).
    body_neg = float(max(near_max[CAT["negation"]], near_max[CAT["deny"]], near_max[CAT["refute"]]))
    body_aff = float(near_max[CAT["support"]] > 0 or c[top, CAT["report"]].sum() > 0)
    head_any = float(head_ref or head_neg)
    feats += [
        head_any * (1.0 - body_neg),
        (1.0 - head_any) * body_neg,
        head_any * body_neg,
        head_ref * body_aff * (1.0 - body_neg),
        head_ref * float(c[top, hi].sum() > 0),
        head_ref * float(ov.max()),
        float(head[CAT["hedge"]] > 0) * body_neg,
    ]
    feats += _polarity_features(h, b, sims, ov, hs)
    return feats


POLARITY_CATS = ("negation", "deny", "refute", "deny_that")
POL_TOP = 5


def _polarity_features(
    h: Side, b: Side, sims: np.ndarray, ov: np.ndarray, hs: set[str]
) -> list[float]:
    """Does the text say the claim with the claim's polarity?

    FNC-1 `disagree` is mostly a debunking text met by an affirmative claim (or an
    affirmative text met by a claim that something is false): what matters is whether
    the sentences about the claim carry negation/denial/refutation where the claim does
    not (or the reverse), and how much of the whole text debunks. Works from the cue
    lists, so any language with cue data gets it.
    """
    c = b.sent_cues
    n = c.shape[0]
    idx = [CAT[k] for k in POLARITY_CATS]
    neg_s = c[:, idx].sum(axis=1)
    ref_s = c[:, CAT["refute"]] + c[:, CAT["deny"]] + c[:, CAT["deny_that"]]
    head_neg = float(h.sent_cues[:, idx].sum())
    head_pol = head_neg > 0
    order = np.argsort(-(sims + ov), kind="stable")[:POL_TOP]
    w = np.maximum(sims[order], 1e-3)
    s_neg = (neg_s[order] > 0).astype(np.float64)
    agree = float(np.sum(w * (s_neg == head_pol)) / w.sum())
    # Negation cues near claim words, over every sentence sharing a fair part of the claim.
    about = np.nonzero(ov >= 0.2)[0][:20]
    near_neg = [
        float(max(v[CAT[k]] for k in POLARITY_CATS) > 0)
        for v in (_near(b, int(i), hs) for i in about)
    ]
    near_share = float(np.mean(near_neg)) if near_neg else 0.0
    debunk = math.log1p(float(ref_s.sum()))
    debunk_rate = float((ref_s > 0).mean()) if n else 0.0
    debunk_about = float((ref_s[about] > 0).mean()) if about.size else 0.0
    hedge_rate = float((c[:, CAT["hedge"]] > 0).mean()) if n else 0.0
    support_rate = float((c[:, CAT["support"]] > 0).mean()) if n else 0.0
    aff = 0.0 if head_pol else 1.0
    return [
        agree,
        float(np.max(w * s_neg)),
        near_share,
        debunk_rate - support_rate,
        debunk_about,
        aff * debunk,
        aff * debunk_about,
        aff * near_share,
        (1.0 - aff) * (1.0 - debunk_rate) * (1.0 - near_share),
        (1.0 - aff) * support_rate,
        aff * (debunk_rate - hedge_rate),
        float(np.max(sims * (ref_s > 0))) * aff,
    ]


FEATURE_NAMES: list[str] = (
    [
        "cos_all",
        "cos_sent_max",
        "cos_sent_top3",
        "cos_lead",
        "top_sent_pos",
        "stem_frac",
        "stem_frac_idf",
        "stem_frac_lead",
        "bigram_frac",
        "bigram_any",
        "char4_contain",
        "char4_jacc",
        "num_frac",
        "head_has_num",
        "caps_frac",
        "head_has_caps",
        "translit_frac",
        "bm25_norm",
        "ov_max",
        "ov_share30",
        "head_len",
        "body_len",
        "body_nsent",
    ]
    + [
        f"{where}_{cat}_{kind}"
        for where in ("body", "lead", "top3", "close", "head")
        for cat in CUE_CATS
        for kind in ("any", "log", "rate")
    ]
    + [
        "first_ref_pos",
        "ref_ov",
        "ref_sim",
        "hedge_ov",
        "ref_share",
        "hedge_share",
        "head_ref_x_body_ref",
        "head_neg",
        "head_question",
        "body_question_rate",
        "top1_neg",
        "top1_ref",
        "top1_hedge",
        "first_sent_ref",
        "quote_rate",
        "max_ov_x_ref",
        "max_ov_x_deny",
        "max_ov_x_neg",
        "max_sim_x_contrast",
        "max_ov_x_deny_that",
        "close_neg_share",
    ]
    + [f"near_{cat}_{kind}" for cat in NEAR_CATS for kind in ("topmax", "topmean", "top1", "close")]
    + [
        "pol_headneg_bodyaff",
        "pol_headaff_bodyneg",
        "pol_both_neg",
        "headref_x_bodyaff",
        "headref_x_bodyhedge",
        "headref_x_ovmax",
        "headhedge_x_bodyneg",
    ]
    + [
        "pol_agree_top5",
        "pol_neg_sim_top5",
        "pol_near_neg_share",
        "debunk_minus_support_rate",
        "debunk_about_share",
        "headaff_x_debunk_log",
        "headaff_x_debunk_about",
        "headaff_x_near_neg",
        "headneg_x_body_plain",
        "headneg_x_support_rate",
        "headaff_x_debunk_vs_hedge",
        "headaff_x_ref_sim",
    ]
)


class Extractor:
    """Feature rows for many pairs, preparing each distinct text only once.

    `language` is the language of the texts (ISO 639-1); None detects it per text.
    A claim is read with its own language's cues plus the text's (cross-language pairs).
    """

    def __init__(self, idf: Idf, language: str | None = None) -> None:
        self.idf = idf
        self.language = language
        self._cache: dict[tuple[str, tuple[str, ...]], Side] = {}
        self._lang: dict[str, str] = {}

    def lang(self, text: str, hint: str | None) -> str:
        key = f"{hint}\x00{text}"
        code = self._lang.get(key)
        if code is None:
            code = side_language(text, hint)
            self._lang[key] = code
        return code

    def side(self, text: str, languages: tuple[str, ...]) -> Side:
        key = (text, languages)
        s = self._cache.get(key)
        if s is None:
            s = prepare(text, self.idf, languages)
            self._cache[key] = s
        return s

    def transform(self, pairs: Iterable[tuple[str, str]]) -> np.ndarray:
        rows = []
        for claim, text in pairs:
            t_lang = self.lang(text, self.language)
            c_langs = tuple(sorted({self.lang(claim, None), t_lang}))
            rows.append(
                pair_features(self.side(claim, c_langs), self.side(text, (t_lang,)), self.idf)
            )
        if not rows:
            return np.zeros((0, len(FEATURE_NAMES)), dtype=np.float32)
        return np.asarray(rows, dtype=np.float32)
