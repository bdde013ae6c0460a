"""Dense, language-light features for claim-text stance.

The model must ship small and run offline, so instead of a vocabulary-sized
lexical model we compute ~90 numbers per (claim, text) pair: overlap signals
that decide related/unrelated in any language (prefix stems, numbers, char
n-grams, capitalised names) and cue counts (denial, hedging, confirmation,
negation) measured where the text talks about the claim, which decide the
stance. Cue lists are small and per language; unknown languages fall back to
the union of all lists plus the language-independent overlap core.
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
import zlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

STEM_LEN = 6
IDF_BITS = 17

_TOKEN_RE = re.compile(r"\w+(?:'\w+)?", re.UNICODE)
_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")
_SENT_SPLIT_RE = re.compile(r"(?<=[.!?…])[\"'”»)]*\s+|\n+")
_CAP_RE = re.compile(r"(?<![\w])([A-ZÀ-ÝА-ЯĐ][\w'-]+)")

# Function words per language; content overlap ignores them.
STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        [
            "a",
            "an",
            "the",
            "and",
            "or",
            "but",
            "if",
            "of",
            "to",
            "in",
            "on",
            "at",
            "by",
            "for",
            "with",
            "from",
            "as",
            "is",
            "are",
            "was",
            "were",
            "be",
            "been",
            "being",
            "it",
            "its",
            "this",
            "that",
            "these",
            "those",
            "he",
            "she",
            "they",
            "we",
            "you",
            "i",
            "his",
            "her",
            "their",
            "our",
            "your",
            "him",
            "them",
            "us",
            "has",
            "have",
            "had",
            "do",
            "does",
            "did",
            "will",
            "would",
            "can",
            "could",
            "should",
            "may",
            "might",
            "must",
            "not",
            "no",
            "so",
            "than",
            "then",
            "there",
            "here",
            "what",
            "which",
            "who",
            "whom",
            "whose",
            "when",
            "where",
            "why",
            "how",
            "all",
            "any",
            "both",
            "each",
            "more",
            "most",
            "other",
            "some",
            "such",
            "only",
            "own",
            "same",
            "too",
            "very",
            "just",
            "also",
            "about",
            "after",
            "before",
            "over",
            "under",
            "into",
            "out",
            "up",
            "down",
            "off",
            "again",
            "further",
            "once",
            "said",
            "says",
            "say",
            "new",
            "one",
            "two",
        ]
    ),
    "pt": frozenset(
        [
            "a",
            "o",
            "as",
            "os",
            "um",
            "uma",
            "uns",
            "umas",
            "de",
            "do",
            "da",
            "dos",
            "das",
            "em",
            "no",
            "na",
            "nos",
            "nas",
            "por",
            "pelo",
            "pela",
            "para",
            "com",
            "sem",
            "e",
            "ou",
            "mas",
            "que",
            "se",
            "não",
            "é",
            "são",
            "foi",
            "era",
            "ser",
            "ter",
            "tem",
            "há",
            "ao",
            "aos",
            "à",
            "às",
            "seu",
            "sua",
            "seus",
            "suas",
            "este",
            "esta",
            "isso",
            "isto",
            "ele",
            "ela",
            "eles",
            "elas",
            "também",
            "mais",
            "muito",
            "já",
            "como",
            "quando",
            "onde",
            "disse",
            "diz",
        ]
    ),
    "es": frozenset(
        [
            "el",
            "la",
            "los",
            "las",
            "un",
            "una",
            "unos",
            "unas",
            "de",
            "del",
            "en",
            "por",
            "para",
            "con",
            "sin",
            "y",
            "o",
            "pero",
            "que",
            "se",
            "no",
            "es",
            "son",
            "fue",
            "era",
            "ser",
            "al",
            "su",
            "sus",
            "este",
            "esta",
            "eso",
            "esto",
            "él",
            "ella",
            "ellos",
            "ellas",
            "también",
            "más",
            "muy",
            "ya",
            "como",
            "cuando",
            "donde",
            "dijo",
            "dice",
            "lo",
            "le",
            "les",
        ]
    ),
    "fr": frozenset(
        [
            "le",
            "la",
            "les",
            "un",
            "une",
            "des",
            "de",
            "du",
            "en",
            "dans",
            "par",
            "pour",
            "avec",
            "sans",
            "et",
            "ou",
            "mais",
            "que",
            "qui",
            "se",
            "ne",
            "pas",
            "est",
            "sont",
            "était",
            "être",
            "au",
            "aux",
            "son",
            "sa",
            "ses",
            "ce",
            "cette",
            "il",
            "elle",
            "ils",
            "elles",
            "aussi",
            "plus",
            "très",
            "déjà",
            "comme",
            "quand",
            "où",
            "dit",
            "a",
            "l",
            "d",
        ]
    ),
    "de": frozenset(
        [
            "der",
            "die",
            "das",
            "den",
            "dem",
            "des",
            "ein",
            "eine",
            "einen",
            "einem",
            "einer",
            "und",
            "oder",
            "aber",
            "dass",
            "sich",
            "nicht",
            "ist",
            "sind",
            "war",
            "waren",
            "sein",
            "hat",
            "haben",
            "zu",
            "im",
            "in",
            "am",
            "an",
            "auf",
            "mit",
            "für",
            "von",
            "vom",
            "bei",
            "aus",
            "auch",
            "mehr",
            "sehr",
            "schon",
            "wie",
            "wenn",
            "wo",
            "er",
            "sie",
            "es",
            "wir",
            "ihr",
            "sagte",
        ]
    ),
    "ru": frozenset(
        [
            "и",
            "в",
            "во",
            "не",
            "что",
            "он",
            "она",
            "они",
            "на",
            "я",
            "с",
            "со",
            "как",
            "а",
            "то",
            "все",
            "это",
            "так",
            "его",
            "но",
            "да",
            "ты",
            "к",
            "у",
            "же",
            "вы",
            "за",
            "бы",
            "по",
            "от",
            "из",
            "о",
            "об",
            "ее",
            "её",
            "мне",
            "было",
            "был",
            "была",
            "были",
            "для",
            "при",
            "также",
            "сказал",
            "заявил",
            "который",
            "которые",
        ]
    ),
    "vi": frozenset(
        [
            "và",
            "của",
            "là",
            "có",
            "được",
            "cho",
            "với",
            "các",
            "những",
            "một",
            "này",
            "đó",
            "trong",
            "khi",
            "đã",
            "sẽ",
            "không",
            "người",
            "ông",
            "bà",
            "theo",
            "về",
            "từ",
            "tại",
            "để",
            "như",
            "thì",
            "mà",
            "nhưng",
            "cũng",
            "rằng",
            "nói",
        ]
    ),
}
ALL_STOPWORDS = frozenset().union(*STOPWORDS.values())

# Cue lexicons. "*" = any word continuation. English is always on: loanwords
# such as "fake" travel into other languages' news.
CUES: dict[str, dict[str, list[str]]] = {
    "refute": {
        "en": [
            "fake*",
            "hoax*",
            "false*",
            "falsif*",
            "debunk*",
            "deny",
            "denies",
            "denied",
            "denying",
            "denial*",
            "untrue",
            "not true",
            "isn't true",
            "wasn't true",
            "not real",
            "no evidence",
            "no proof",
            "fabricat*",
            "made up",
            "myth",
            "baseless",
            "bogus",
            "satire",
            "satirical",
            "prank*",
            "doctored",
            "photoshop*",
            "refut*",
            "dismiss*",
            "reject*",
            "retract*",
            "misleading",
            "incorrect",
            "nonsense",
            "scam*",
            "spoof*",
            "parody",
            "fictional",
            "not the case",
            "contrary to",
            "rubbish",
            "groundless",
            "unfounded",
            "rumou?r* (?:is|was) false",
            "never happened",
            "did not happen",
            "didn't happen",
            "no truth",
            "lie",
            "lies",
            "lied",
            "fiction",
            "mistaken*",
            "erroneous*",
            "disput*",
            "discredit*",
            "not actually",
            "fact check*",
            "misinformation",
            "disinformation",
            "conspiracy",
            "cast* doubt",
            "doubt*",
            "skeptic*",
            "sceptic*",
            "not accurate",
            "inaccurate",
            "exaggerat*",
            "publicity stunt",
            "turn* out",
            "no sign of",
            "no indication",
            "unsubstantiated",
            "dubious",
            "questionable",
            "april fool*",
            "never existed",
            "not genuine",
            "imposter",
            "impostor",
            "not him",
            "not her",
            "mistak*",
            "misidentif*",
            "urban legend",
        ],
        "pt": [
            "falso",
            "falsa",
            "falsos",
            "falsas",
            "farsa",
            "boato*",
            "neg(?:ou|a|am|aram|ar)",
            "desment*",
            "mentira*",
            "não é verdade",
            "sem provas",
            "infundad*",
            "notícia falsa",
            "fake news",
            "nega-se",
            "dúvida*",
            "exager*",
        ],
        "es": [
            "falso",
            "falsa",
            "bulo*",
            "neg(?:ó|a|an|aron|ar)",
            "desmint*",
            "desmient*",
            "mentira*",
            "no es cierto",
            "sin pruebas",
            "infundad*",
            "noticia falsa",
            "duda*",
        ],
        "fr": [
            "faux",
            "fausse*",
            "canular*",
            "nié",
            "nie",
            "nient",
            "dément*",
            "démenti*",
            "infox",
            "pas vrai",
            "aucune preuve",
            "infondé*",
            "intox",
            "doute*",
        ],
        "de": [
            "falsch*",
            "gefälscht*",
            "dementi*",
            "bestreit*",
            "bestritt*",
            "leugn*",
            "lüge*",
            "falschmeldung*",
            "keine beweise",
            "haltlos*",
            "erfunden",
            "zweifel*",
        ],
        "ru": [
            "фейк*",
            "ложь",
            "ложн*",
            "опроверг*",
            "отрица*",
            "не соответствует действительности",
            "нет доказательств",
            "выдумк*",
            "дезинформац*",
            "неправд*",
            "вброс*",
            "опровержен*",
            "сомнен*",
        ],
        "vi": [
            "bác bỏ",
            "phủ nhận",
            "sai sự thật",
            "tin giả",
            "không có bằng chứng",
            "bịa đặt",
            "vô căn cứ",
            "không đúng sự thật",
            "xuyên tạc",
            "nghi ngờ",
        ],
    },
    "hedge": {
        "en": [
            "reportedly",
            "allegedly",
            "alleged",
            "claim*",
            "according to",
            "unconfirmed",
            "unverified",
            "rumou?r*",
            "speculat*",
            "may",
            "might",
            "could",
            "possibly",
            "apparently",
            "purportedly",
            "supposedly",
            "suggest*",
            "appears",
            "seems",
            "report*",
            "sources",
            "if true",
            "not yet confirmed",
            "believed",
            "purported",
            "circulat*",
            "viral",
            "it is unclear",
            "unclear",
            "unknown",
            "investigat*",
        ],
        "pt": [
            "supostamente",
            "alegadamente",
            "segundo",
            "teria",
            "teriam",
            "de acordo com",
            "rumor*",
            "possivelmente",
            "aparentemente",
            "suspeit*",
            "relat*",
        ],
        "es": [
            "supuestamente",
            "presuntamente",
            "según",
            "habría",
            "habrían",
            "rumor*",
            "posiblemente",
            "aparentemente",
        ],
        "fr": [
            "selon",
            "présumé*",
            "prétendument",
            "aurait",
            "auraient",
            "rumeur*",
            "apparemment",
            "possiblement",
        ],
        "de": ["angeblich*", "mutmaßlich*", "laut", "soll", "sollen", "gerücht*", "vermutlich"],
        "ru": [
            "якобы",
            "предположительно",
            "по данным",
            "по словам",
            "сообщает*",
            "сообщил*",
            "слух*",
            "возможно",
            "по информации",
        ],
        "vi": [
            "được cho là",
            "nghi",
            "có thể",
            "cáo buộc",
            "tin đồn",
            "theo nguồn tin",
            "chưa được xác nhận",
            "đồn đoán",
        ],
    },
    "support": {
        "en": [
            "confirm*",
            "announc*",
            "official*",
            "verified",
            "proved",
            "proven",
            "indeed",
            "acknowledg*",
            "admit*",
            "revealed",
            "statement",
            "true",
            "it is true",
            "in fact",
            "has been",
            "found",
            "shows",
            "showed",
            "evidence",
            "according to police",
        ],
        "pt": ["confirm*", "oficial*", "anunci*", "admit*", "comprov*", "verdade"],
        "es": ["confirm*", "oficial*", "anunci*", "admit*", "comprob*", "verdad"],
        "fr": ["confirm*", "officiel*", "annonc*", "admis", "reconnu", "vrai"],
        "de": ["bestätigt*", "offiziell*", "angekündigt", "zugegeben", "wahr"],
        "ru": ["подтверд*", "официальн*", "объявил*", "признал*", "правда"],
        "vi": ["xác nhận", "chính thức", "thừa nhận", "công bố", "sự thật"],
    },
    "negation": {
        "en": [
            "not",
            "no",
            "never",
            "n't",
            "\\w+n't",
            "none",
            "nobody",
            "nothing",
            "neither",
            "nor",
            "without",
            "cannot",
        ],
        "pt": ["não", "nunca", "nenhum*", "nada", "sem", "jamais"],
        "es": ["no", "nunca", "ningún", "ninguna", "nada", "sin", "jamás"],
        "fr": ["ne", "pas", "jamais", "aucun*", "rien", "sans"],
        "de": ["nicht", "kein*", "nie", "niemals", "nichts", "ohne"],
        "ru": ["не", "нет", "никогда", "ни", "без"],
        "vi": ["không", "chưa", "chẳng", "đâu có"],
    },
    "contrast": {
        "en": [
            "however",
            "but",
            "actually",
            "in reality",
            "despite",
            "although",
            "though",
            "instead",
            "rather",
            "contrary",
            "while",
        ],
        "pt": ["porém", "entretanto", "mas", "na verdade", "apesar", "contudo", "no entanto"],
        "es": ["sin embargo", "pero", "en realidad", "a pesar", "aunque"],
        "fr": ["cependant", "mais", "en réalité", "pourtant", "malgré", "toutefois"],
        "de": ["jedoch", "aber", "tatsächlich", "allerdings", "trotz", "obwohl"],
        "ru": ["однако", "но", "на самом деле", "хотя", "несмотря"],
        "vi": ["tuy nhiên", "nhưng", "thực tế", "mặc dù"],
    },
}
CUE_CATS = list(CUES)


def _cue_regex(entries: Iterable[str]) -> re.Pattern[str]:
    parts = []
    for entry in sorted(set(entries), key=len, reverse=True):
        if any(c in entry for c in "()?\\"):
            pat = entry.replace("*", "\\w*")  # already a regex
        else:
            pat = re.escape(entry).replace("\\*", "\\w*").replace("\\ ", " ")
        parts.append(pat.replace(" ", "\\s+"))
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.UNICODE)


_REGEX_CACHE: dict[str | None, list[re.Pattern[str]]] = {}


def cue_patterns(language: str | None) -> list[re.Pattern[str]]:
    """One compiled regex per cue category for a language (None = all languages)."""
    key = language if language in CUES["refute"] else None
    if key not in _REGEX_CACHE:
        pats = []
        for cat in CUE_CATS:
            langs = list(CUES[cat]) if key is None else sorted({"en", key})
            pats.append(_cue_regex(e for lang in langs for e in CUES[cat].get(lang, [])))
        _REGEX_CACHE[key] = pats
    return _REGEX_CACHE[key]


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return text.replace("’", "'").replace("‘", "'").replace("`", "'")


def split_sentences(text: str) -> list[str]:
    # Rejoin numbers broken across lines ("1.\n500") before splitting.
    text = re.sub(r"(\d)[.,]\s*\n\s*(\d)", r"\1\2", text)
    sents = [s.strip() for s in _SENT_SPLIT_RE.split(text)]
    return [s for s in sents if len(s) > 1] or [text.strip() or "."]


def stems_of(text_lower: str) -> list[str]:
    return [t[:STEM_LEN] for t in _TOKEN_RE.findall(text_lower) if t not in ALL_STOPWORDS]


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


def _caps(text: str) -> set[str]:
    # Capitalised words not at sentence start: cheap stand-in for names.
    out = set()
    for m in _CAP_RE.finditer(text):
        start = m.start()
        before = text[:start].rstrip()
        if before and before[-1] not in ".!?:\"'“‘«":
            out.add(m.group(1).lower()[:STEM_LEN])
    return out


@dataclass
class Side:
    """Pre-processed text (claim or body), computed once and reused across pairs."""

    sentences: list[str]
    sent_stems: list[list[str]]
    sent_vecs: list[dict[str, float]]
    sent_cues: np.ndarray  # (n_sent, n_cat) counts
    vec: dict[str, float]
    stems: list[str]
    stem_set: set[str]
    bigrams: set[tuple[str, str]]
    numbers: set[str]
    caps: set[str]
    chars: set[str]
    n_tokens: int
    tf: Counter = field(default_factory=Counter)


def prepare(text: str, idf: Idf, language: str | None) -> Side:
    text = normalize(text or "")
    low = text.lower()
    sents = split_sentences(text)
    sent_low = [s.lower() for s in sents]
    sent_stems = [stems_of(s) for s in sent_low]
    pats = cue_patterns(language)
    cues = np.array([[len(p.findall(s)) for p in pats] for s in sent_low], dtype=np.float32)
    stems = [s for ss in sent_stems for s in ss]
    bigrams = {(a, b) for ss in sent_stems for a, b in itertools.pairwise(ss)}
    return Side(
        sentences=sents,
        sent_stems=sent_stems,
        sent_vecs=[_vec(ss, idf) for ss in sent_stems],
        sent_cues=cues.reshape(len(sents), len(CUE_CATS)),
        vec=_vec(stems, idf),
        stems=stems,
        stem_set=set(stems),
        bigrams=bigrams,
        numbers=_numbers(text),
        caps=_caps(text),
        chars=_char_ngrams(low),
        n_tokens=len(_TOKEN_RE.findall(low)),
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


BM25_K1, BM25_B, BM25_AVGDL = 1.2, 0.75, 350.0


def pair_features(h: Side, b: Side, idf: Idf) -> list[float]:
    hs = set(h.stems)
    hw = sum(idf(s) for s in hs) or 1.0
    n_sent = len(b.sentences)
    sims = np.array([_cos(h.vec, sv) for sv in b.sent_vecs], dtype=np.float32)
    # Fraction of claim stems in each sentence: finds where the text talks about it.
    ov = np.array([_frac(hs, set(ss)) for ss in b.sent_stems], dtype=np.float32)
    order = np.argsort(-sims, kind="stable")
    top3 = order[:3]
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
        _frac(h.caps, b.caps | b.stem_set),
        float(bool(h.caps)),
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
    feats += _cue_block(b.sent_cues[top3])
    feats += _cue_block(b.sent_cues[close])
    feats += _cue_block(h.sent_cues)
    ri, hi, si, ni = (CUE_CATS.index(c) for c in ("refute", "hedge", "support", "negation"))
    tot = b.sent_cues.sum(axis=0) + 1e-3
    head = h.sent_cues.sum(axis=0)
    # First refuting sentence: how early, and how much it overlaps the claim.
    ref_rows = np.nonzero(b.sent_cues[:, ri] > 0)[0]
    first_ref = float(ref_rows[0]) / n_sent if ref_rows.size else 1.0
    ref_ov = float(ov[ref_rows].max()) if ref_rows.size else 0.0
    ref_sim = float(sims[ref_rows].max()) if ref_rows.size else 0.0
    hedge_rows = np.nonzero(b.sent_cues[:, hi] > 0)[0]
    hedge_ov = float(ov[hedge_rows].max()) if hedge_rows.size else 0.0
    feats += [
        first_ref,
        ref_ov,
        ref_sim,
        hedge_ov,
        float(tot[ri] / (tot[ri] + tot[hi] + tot[si])),
        float(tot[hi] / (tot[ri] + tot[hi] + tot[si])),
        float(head[ri] > 0) * float(tot[ri] > 0),  # double denial reads as agreement
        float(head[ni] > 0),
        float("?" in " ".join(h.sentences)),
        sum(s.count("?") for s in b.sentences) / n_sent,
        float(b.sent_cues[top1, ni] > 0),
        float(b.sent_cues[top1, ri] > 0),
        float(b.sent_cues[top1, hi] > 0),
        float(b.sent_cues[0, ri] > 0),
        sum(s.count('"') + s.count("“") for s in b.sentences) / n_sent,
        float(head[ri] + head[ni] > 0) * (1.0 - float(b.sent_cues[close, ri].sum() > 0)),
        float(head[ri] + head[ni] > 0) * float(b.sent_cues[close, ri].sum() > 0),
        float(np.max(ov * b.sent_cues[:, ri])) if n_sent else 0.0,
        float(np.max(ov * b.sent_cues[:, ni])) if n_sent else 0.0,
        float(np.max(sims * b.sent_cues[:, CUE_CATS.index("contrast")])) if n_sent else 0.0,
    ]
    return feats


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
        "headneg_bodyclose_noref",
        "headneg_bodyclose_ref",
        "max_ov_x_ref",
        "max_ov_x_neg",
        "max_sim_x_contrast",
    ]
)


class Extractor:
    """Feature rows for many pairs, preparing each distinct text only once."""

    def __init__(self, idf: Idf, language: str | None = None) -> None:
        self.idf = idf
        self.language = language
        self._cache: dict[str, Side] = {}

    def side(self, text: str) -> Side:
        s = self._cache.get(text)
        if s is None:
            s = prepare(text, self.idf, self.language)
            self._cache[text] = s
        return s

    def transform(self, pairs: Iterable[tuple[str, str]]) -> np.ndarray:
        rows = [pair_features(self.side(c), self.side(t), self.idf) for c, t in pairs]
        if not rows:
            return np.zeros((0, len(FEATURE_NAMES)), dtype=np.float32)
        return np.asarray(rows, dtype=np.float32)
