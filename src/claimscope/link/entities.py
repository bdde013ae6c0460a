"""One actor whatever the language or script: names, countries and institutions.

No multilingual NER or Wikidata alias table works offline, so identity is decided
from the names themselves plus what the article says about the speaker:

- `phonetic_keys` reduces a name written in any script to consonant skeletons
  (Peskov, Peskow, Pieskow, Песков, 페스코프, 佩斯科夫, بيسكوف and ペスコフ all give
  "PSKP"): each script is romanised (anyascii), sounds that transliteration
  blurs are merged into classes (p/b/f/v, t/d, k/g/q, s/z/sh/zh/j, m/n, r/l), vowels
  and h are dropped, and letters whose reading depends on the source script
  (pinyin j/q/x, Arabic w, Latin ch/kh) yield several variants;
- `country_of` finds the country a text speaks for, from CLDR names in the 14
  locales (babel) and `data/actors.toml` (metonyms such as the Kremlin or Seoul,
  adjectives, institutions, and fixes for the Vietnamese "Nga"/"Mỹ" pitfalls);
- `EntityResolver` links each mention to a known entity or creates one. A person
  links when a name token matches phonetically AND the countries do not conflict;
  a one-word mention links to the unique known person with that surname. Its
  state is plain data (`to_dict`/`from_dict`) and a user alias file can pin links.
"""

from __future__ import annotations

import itertools
import re
import tomllib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from anyascii import anyascii
from rapidfuzz import fuzz, process

from claimscope.lang import load_language

DATA_PATH = Path(__file__).with_name("data") / "actors.toml"
LANGUAGES = ("en", "pt", "es", "fr", "de", "it", "ru", "uk", "vi", "id", "ar", "zh", "ko", "ja")
Kind = str  # person | organisation | country | anonymous

# Similarity (0-100, rapidfuzz ratio on skeletons) a name token needs to match.
TOKEN_THRESHOLD = 85.0
# Latin-to-Latin tokens with different skeletons must be this close as spellings
# (Varga != Vargas, but Zelenskyy == Zelenskyi).
SPELLING_THRESHOLD = 92.0
# Same skeleton, both in Latin letters: spellings still need this much in common.
SAME_SKELETON_SPELLING = 60.0
# Skeletons this short must match exactly (PRK "Varga" vs PRKS "Vargas" is one letter
# in four: too close to call on sound alone).
SHORT_SKELETON = 3
# Points lost per unusual reading (kh read as k, pinyin j as g...).
VARIANT_COST = 3.0
MAX_VARIANTS = 12


# ---------------------------------------------------------------- scripts and keys


def _script(ch: str) -> str:
    code = ord(ch)
    if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF:
        return "han"
    if 0xAC00 <= code <= 0xD7AF or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F:
        return "hangul"
    if 0x3040 <= code <= 0x30FF or 0x31F0 <= code <= 0x31FF:
        return "kana"
    if 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F or 0xFB50 <= code <= 0xFEFF:
        return "arabic"
    return "latin"


def _runs(token: str) -> list[tuple[str, str]]:
    """Split a token into runs of one script, each romanised."""
    out: list[tuple[str, str]] = []
    for script, chars in itertools.groupby(token, key=_script):
        text = "".join(chars)
        if script == "kana":
            text = text.replace("ー", "").replace("ッ", "").replace("っ", "")
        out.append((script, anyascii(text)))
    return out


# Units per script: longest first. A value is the set of classes the unit can be.
# fmt: off
_LATIN_UNITS: dict[str, tuple[str, ...]] = {
    "shch": ("S",), "tsch": ("S",), "sch": ("S",), "dzh": ("S",), "zh": ("S",), "sh": ("S",),
    "ch": ("S", "K"), "kh": ("", "K"), "gh": ("K",), "ph": ("P",), "th": ("T",), "ts": ("S",),
    "tz": ("S",), "dz": ("S",), "ck": ("K",), "qu": ("K",), "x": ("KS",), "j": ("S", ""),
    "h": ("",), "w": ("P", ""), "g": ("K",), "q": ("K",), "k": ("K",), "s": ("S",), "z": ("S",),
    "b": ("P",), "p": ("P",), "f": ("P",), "v": ("P",), "t": ("T",), "d": ("T",), "m": ("N",),
    "n": ("N",), "l": ("R",), "r": ("R",),
}
_PINYIN_INITIALS: dict[str, tuple[str, ...]] = {
    "zh": ("S",), "ch": ("S",), "sh": ("S",), "b": ("P",), "p": ("P",), "f": ("P",),
    "d": ("T",), "t": ("T",), "g": ("K",), "k": ("K",), "j": ("S", "K"), "q": ("S", "K"),
    "x": ("S", ""), "h": ("", "K"), "z": ("S",), "c": ("S",), "s": ("S",), "r": ("R",),
    "l": ("R",), "m": ("N",), "n": ("N",), "w": ("P", ""), "y": ("",),
}
_HANGUL_UNITS: dict[str, tuple[str, ...]] = {
    "kk": ("K",), "tt": ("T",), "pp": ("P",), "ss": ("S",), "jj": ("S",), "ch": ("S",),
    "ng": ("N",), "g": ("K",), "k": ("K",), "n": ("N",), "d": ("T",), "t": ("T",), "l": ("R",),
    "r": ("R",), "m": ("N",), "b": ("P",), "p": ("P",), "s": ("S",), "j": ("S",), "h": ("", "K"),
}
_KANA_UNITS: dict[str, tuple[str, ...]] = {
    "sh": ("S",), "ch": ("S", "T"), "ts": ("S", "T"), "f": ("P",), "h": ("", "K"), "j": ("S",),
    "w": ("P", ""), "v": ("P",), "b": ("P",), "p": ("P",), "t": ("T",), "d": ("T",), "k": ("K",),
    "g": ("K",), "s": ("S",), "z": ("S",), "r": ("R",), "m": ("N",), "n": ("N",),
}
_ARABIC_UNITS: dict[str, tuple[str, ...]] = {
    "kh": ("", "K"), "gh": ("K",), "sh": ("S",), "th": ("T", "S"), "dh": ("T", "S"),
    "j": ("S", "K"), "h": ("",), "w": ("", "P"), "y": ("",), "b": ("P",), "p": ("P",),
    "f": ("P",), "v": ("P",), "t": ("T",), "d": ("T",), "r": ("R",), "z": ("S",), "s": ("S",),
    "q": ("K",), "k": ("K",), "g": ("K",), "l": ("R",), "m": ("N",), "n": ("N",),
}
# fmt: on


def _units(text: str, table: dict[str, tuple[str, ...]]) -> list[tuple[str, ...]]:
    text = text.lower()
    out: list[tuple[str, ...]] = []
    i = 0
    while i < len(text):
        for size in (4, 3, 2, 1):
            piece = text[i : i + size]
            if len(piece) == size and piece in table:
                if piece == "c":
                    break
                out.append(table[piece])
                i += size
                break
        else:
            if text[i] == "c":  # Latin c: soft before e/i/y
                out.append(("S",) if text[i + 1 : i + 2] in ("e", "i", "y") else ("K",))
            i += 1
    return out


def _latin_units(text: str) -> list[tuple[str, ...]]:
    text = text.lower()
    if text.endswith("ng"):
        text = text[:-1]
    units = _units(text.replace("c", "c"), _LATIN_UNITS)
    if re.search(r"[aeiouy]r$", text) and units and units[-1] == ("R",):
        # A final r after a vowel is often not written in kana, hanzi or Hangul
        # (Oster = オスター, 奥斯特; Brenner = ブレナー): a costlier reading without it.
        units[-1] = ("R", "")
    return units


def _pinyin_units(text: str) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []
    for syllable in re.findall(r"[A-Z][a-z]*|[a-z]+", text):
        s = syllable.lower()
        for initial in ("zh", "ch", "sh", *"bpfdtgkjqxhzcsrlmnwy"):
            if s.startswith(initial):
                out.append(_PINYIN_INITIALS[initial])
                s = s[len(initial) :]
                break
        if s == "er":
            out.append(("R",))
        elif s.endswith(("n", "ng")):
            out.append(("N", ""))  # real in 彼得森 (Petersen), filler in 多博什 (Dobos)
    return out


def _skeleton_options(token: str) -> list[tuple[str, ...]]:
    options: list[tuple[str, ...]] = []
    for script, text in _runs(token):
        if script == "han":
            options += _pinyin_units(text)
        elif script == "hangul":
            options += _units(text, _HANGUL_UNITS)
        elif script == "kana":
            options += _units(text, _KANA_UNITS)
        elif script == "arabic":
            options += _units(text.replace("'", ""), _ARABIC_UNITS)
        else:
            options += _latin_units(text)
    return options


def _collapse(skeleton: str) -> str:
    return "".join(ch for i, ch in enumerate(skeleton) if i == 0 or ch != skeleton[i - 1])


@cache
def phonetic_variants(token: str) -> tuple[tuple[str, int], ...]:
    """(consonant skeleton, cost) readings of one name token; cost counts unusual readings."""
    options = _skeleton_options(token)
    ambiguous = [i for i, opts in enumerate(options) if len(opts) > 1]
    default = tuple(opts[0] for opts in options)
    combos: Iterable[tuple[str, ...]]
    if 2 ** len(ambiguous) <= MAX_VARIANTS:
        combos = itertools.product(*options)
    else:  # too many: the default reading and each single flip
        flips = []
        for i in ambiguous:
            for alt in options[i][1:]:
                flip = list(default)
                flip[i] = alt
                flips.append(tuple(flip))
        combos = [default, *flips]
    best: dict[str, int] = {}
    for combo in combos:
        key = _collapse("".join(combo))
        cost = sum(1 for pick, opts in zip(combo, options, strict=True) if pick != opts[0])
        if key and cost < best.get(key, 99):
            best[key] = cost
    return tuple(sorted(best.items(), key=lambda kv: kv[1]))


def phonetic_keys(token: str) -> tuple[str, ...]:
    """Consonant skeletons of one name token, the likeliest reading first.

    >>> phonetic_keys("Песков"), phonetic_keys("페스코프"), phonetic_keys("佩斯科夫")
    (('PSKP',), ('PSKP',), ('PSKP',))
    """
    return tuple(key for key, _ in phonetic_variants(token))


@cache
def _anonymous_re(code: str | None) -> re.Pattern[str] | None:
    """The language's anonymous-source words ("a source", "officials"), or None."""
    patterns = _language_data(code).get("attribution", {}).get("anonymous", [])
    if not patterns:
        return None
    try:
        return re.compile(rf"(?<!\w)(?:{'|'.join(patterns)})(?!\w)", re.IGNORECASE)
    except re.error:
        return None


@lru_cache(maxsize=1 << 16)  # name tokens: each known name is compared again and again
def fold(text: str) -> str:
    """Lowercase ASCII spelling: diacritics folded, any script romanised."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", anyascii(text).lower()).split())


@lru_cache(maxsize=1 << 16)
def _is_roman(token: str) -> bool:
    """Written in Latin letters (not Cyrillic or Greek, which anyascii also romanises)."""
    return all(ord(ch) < 0x250 for ch in token)


@lru_cache(maxsize=1 << 16)
def _is_latin_token(token: str) -> bool:
    return all(_script(ch) == "latin" for ch in token)


# ---------------------------------------------------------------- data


def _language_data(code: str | None) -> dict[str, Any]:
    """The language file, or {} when it is missing or unreadable (names still resolve)."""
    try:
        return load_language(code or "")
    except (OSError, ValueError):
        return {}


@cache
def _actors() -> dict[str, Any]:
    return tomllib.loads(DATA_PATH.read_text(encoding="utf-8"))


_SEPARATORS = re.compile(r"[·・‧•･]")
_NON_SPACED = {"zh", "ja", "ko"}


def _norm(text: str) -> str:
    """Comparison form of a gazetteer entry: NFC, casefolded, spaces squeezed."""
    text = unicodedata.normalize("NFC", text).replace("’", "'").replace("ʼ", "'")
    return " ".join(text.casefold().split())


def _deaccent(text: str) -> str:
    """Drop combining accents (not letters like đ): "rússia" -> "russia"."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


@dataclass
class _Entry:
    code: str
    kind: str  # country | capital | adjective | seat | institution
    ref: str  # seat or institution id, else the code


_SOLID = re.compile(r"[^.'\-]")  # a token character `strip(".'-")` keeps
# Characters `_script` calls han, hangul or kana.
_CJK_CHAR = re.compile(
    "[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff\uac00-\ud7af\u1100-\u11ff"
    "\u3130-\u318f\u3040-\u30ff\u31f0-\u31ff]"
)


class Gazetteer:
    """Names that point at a country, matched in running text in any of the 14 languages."""

    def __init__(self) -> None:
        self.exact: dict[str, _Entry] = {}
        self.case_sensitive: dict[str, _Entry] = {}
        self.institutions: dict[str, str] = {}
        self.cjk_max = 1
        self.max_tokens = 1
        self.single_cjk_prefixes: set[str] = set()
        self.stems: dict[str, str] = {}
        # Memos for find_all (every token of every text goes through it): a one-token
        # surface -> its entry, a first word -> whether a multi-word name starts with it.
        self._memo_size: tuple[int, int, int] = (0, 0, 0)
        self._single: dict[str, _Entry | None] = {}
        self._heads: set[str] | None = None
        self._may_start: dict[str, bool] = {}

    def _fresh_memos(self) -> None:
        """Drop the memos when the tables changed (or grew too large)."""
        size = (len(self.exact), len(self.case_sensitive), len(self.stems))
        if size != self._memo_size or len(self._single) > 200_000:
            self._memo_size = size
            self._single, self._heads, self._may_start = {}, None, {}

    def add(self, name: str, entry: _Entry, override: bool = True) -> None:
        name = unicodedata.normalize("NFC", name.strip())
        if not name:
            return
        self._memo_size = (-1, -1, -1)  # an override keeps the sizes: memos are stale
        if len(name) <= 3 and _script(name[0]) == "latin":
            table, key = self.case_sensitive, name
        else:
            table, key = self.exact, _norm(name)
        if override or key not in table:
            table[key] = entry
        if table is self.exact and len(key) > 3 and _script(key[0]) == "latin":
            bare = _deaccent(key)
            if bare != key and (override or bare not in table):
                table[bare] = entry  # "Varânia" = "Varania", "Rússia" = "Russia"
        if any(_script(ch) in ("han", "hangul", "kana") for ch in name):
            self.cjk_max = max(self.cjk_max, len(key))
        self.max_tokens = max(self.max_tokens, len(key.split()))

    def find_all(self, text: str) -> list[tuple[int, int, _Entry]]:
        """Every non-overlapping match, earliest first (longest at each position)."""
        text = unicodedata.normalize("NFC", text or "").replace("’", "'").replace("ʼ", "'")
        self._fresh_memos()
        found: list[tuple[int, int, _Entry]] = []
        tokens = [(m.start(), m.end()) for m in re.finditer(r"[\w'.-]+", text)]
        solid = [_SOLID.search(text, s, e) is not None for s, e in tokens]
        covered = -1
        for i, (start, _) in enumerate(tokens):
            if start < covered:
                continue
            hit = self._match_tokens(text, tokens, i, solid)
            if hit:
                found.append(hit)
                covered = hit[1]
                continue
            hit = self._match_cjk(text, start, tokens[i][1])
            if hit:
                found.append(hit)
                covered = hit[1]
        return found

    def _lookup(self, surface: str) -> _Entry | None:
        entry = self.case_sensitive.get(surface)
        if entry is None:
            entry = self.exact.get(_norm(surface))
        if entry is None and len(surface) > 3:
            entry = self.exact.get(_deaccent(_norm(surface)))
        if entry is None and " " not in surface and _script(surface[0]) == "latin":
            entry = self._adjective(surface)
        return entry

    def _adjective(self, word: str) -> _Entry | None:
        """Latin-script adjectives from a country's stem: peruano, brasileira, kenyan."""
        folded = fold(word)
        match = _ADJECTIVE_SUFFIX.search(folded)
        if not match or match.start() < 3:
            return None
        stem = folded[: match.start()]
        for cut in (0, 1, 2):
            code = self.stems.get(stem[: len(stem) - cut] if cut else stem)
            if code:
                return _Entry(code, "adjective", code)
        return None

    def _match_tokens(
        self, text: str, tokens: list[tuple[int, int]], i: int, solid: list[bool]
    ) -> tuple[int, int, _Entry] | None:
        # Fast path: token i followed by a space starts no multi-word name, so no longer
        # surface reaching a solid token (whose strip keeps that space inside) can match.
        first_end = tokens[i][1]
        multi = True
        if first_end < len(text) and text[first_end].isspace():
            word = text[tokens[i][0] : first_end].lstrip(".'-")
            multi = not word or self._starts_name(word)
        for n in range(min(self.max_tokens, len(tokens) - i), 0, -1):
            j = i + n - 1
            if not multi and n > 1 and solid[j] and tokens[j][0] - first_end >= 3:
                continue
            start, end = tokens[i][0], tokens[j][1]
            surface = text[start:end].strip(".'-")
            if not surface:
                continue
            if n == 1:
                entry = self._single_token(surface)
                if entry is not None:
                    return start, start + len(surface), entry
                continue
            words = surface.split(None, 1)
            if len(words) == 2 and len(surface) > 4 and not self._starts_name(words[0]):
                continue  # with a space it can only be a multi-word name: none starts so
            for variant in self._inflections(surface):
                entry = self._lookup(variant)
                if entry is not None:
                    return start, start + len(surface), entry
        return None

    def _single_token(self, surface: str) -> _Entry | None:
        """The entry of a one-token surface (or of an inflection of it), memoised."""
        if surface in self._single:
            return self._single[surface]
        entry = None
        for variant in self._inflections(surface):
            entry = self._lookup(variant)
            if entry is not None:
                break
        self._single[surface] = entry
        return entry

    def _starts_name(self, word: str) -> bool:
        """Whether a multi-word name (or, for a clitic-prefixed Arabic word, its inflection)
        can start with `word`: the exact and accent-folded lookups need the same first word."""
        known = self._may_start.get(word)
        if known is not None:
            return known
        if self._heads is None:
            self._heads = {k.split(" ", 1)[0] for k in self.exact if " " in k}
        firsts = [word]
        if _script(word[0]) == "arabic" and word[0] in "وفبل":
            firsts.append(word[1:])  # _inflections drops the clitic
        found = any(
            not first or key in self._heads  # a lone clitic: the next word is the first
            for first in firsts
            for key in (_norm(first), _deaccent(_norm(first)))
        )
        self._may_start[word] = found
        return found

    def _inflections(self, surface: str) -> list[str]:
        """The surface, then forms without a case ending or clitic (Кремля, Russlands, وروسيا)."""
        out = [surface]
        first = surface[0]
        if _script(first) == "arabic" and first in "وفبل" and len(surface) > 3:
            out.append(surface[1:])
        elif "\u0400" <= first <= "\u04ff" and " " not in surface:
            out += [
                surface[:-k] + end
                for k in (1, 2, 3)
                for end in ("", "а", "я", "ь", "й")
                if len(surface) - k >= 4
            ]
        elif " " not in surface and surface[-2:] in ("'s", "’s"):
            out.append(surface[:-2])
        elif " " not in surface and surface.endswith("s") and len(surface) > 5:
            out.append(surface[:-1])
        return out

    def _match_cjk(self, text: str, start: int, end: int) -> tuple[int, int, _Entry] | None:
        if not _CJK_CHAR.search(text, start, end):
            return None
        for pos in range(start, end):
            for size in range(min(self.cjk_max, end - pos), 0, -1):
                piece = _norm(text[pos : pos + size])
                entry = self.exact.get(piece)
                if entry is None:
                    continue
                if size == 1 and not self._prefix_ok(text[pos + 1 :]):
                    continue
                return pos, pos + size, entry
        return None

    def _prefix_ok(self, rest: str) -> bool:
        """A one-character country abbreviation (俄, 美, 북) only before an institution or title."""
        rest = rest.lstrip()[: self.cjk_max]
        return any(rest.startswith(p) for p in self.single_cjk_prefixes)


@cache
def country_name(code: str) -> str:
    """The English CLDR name of a country code ("KP" -> "North Korea"); the code if unknown."""
    from babel import Locale

    return Locale("en").territories.get(code.upper(), code)


@cache
def gazetteer() -> Gazetteer:
    """CLDR names in the 14 locales, then actors.toml (which wins on conflicts)."""
    from babel import Locale

    gaz = Gazetteer()
    for lang in LANGUAGES:
        for code, name in Locale.parse(lang).territories.items():
            if len(code) == 2 and code.isalpha() and code not in ("EU", "EZ", "UN", "ZZ", "QO"):
                gaz.add(name, _Entry(code, "country", code), override=False)
                folded = fold(name)
                if lang in ("en", "pt", "es", "fr", "de", "it", "id") and " " not in folded:
                    stem = re.sub(r"[aeiouy]+$", "", folded)
                    for key in (folded, stem):
                        if len(key) >= 4:
                            gaz.stems.setdefault(key, code)
    data = _actors()
    for country in data.get("country", []):
        code = country["code"]
        sections = (("country", "names"), ("capital", "capitals"), ("adjective", "adjectives"))
        for kind, key in sections:
            for name in country.get(key, []):
                gaz.add(name, _Entry(code, kind, code))
    for seat in data.get("seat", []):
        for name in seat["names"]:
            gaz.add(name, _Entry(seat["code"], "seat", seat["id"]))
    for inst in data.get("institution", []):
        for name in inst["names"]:
            gaz.institutions[_norm(name)] = inst["id"]
    prefixes = {_norm(n) for inst in data.get("institution", []) for n in inst["names"]}
    prefixes |= {_norm(n) for seat in data.get("seat", []) for n in seat["names"]}
    for lang in _NON_SPACED:
        prefixes |= {_norm(t) for t in data.get("titles", {}).get(lang, [])}
    gaz.single_cjk_prefixes = {p for p in prefixes if p and _script(p[0]) != "latin"}
    return gaz


def find_countries(text: str, extra: Gazetteer | None = None) -> list[tuple[int, int, _Entry]]:
    """Matches of the shared tables and of `extra` (a resolver's taught names), in order."""
    hits = gazetteer().find_all(text)
    if extra is None or not (extra.exact or extra.case_sensitive):
        return hits
    kept: list[tuple[int, int, _Entry]] = []
    for hit in sorted(extra.find_all(text) + hits, key=lambda h: (h[0], -(h[1] - h[0]))):
        if all(hit[1] <= k[0] or hit[0] >= k[1] for k in kept):
            kept.append(hit)
    return kept


def country_of(text: str | None, language: str | None = None) -> str | None:
    """The ISO code of the first country the text names or speaks for, else None.

    "Điện Kremlin" -> RU, "Mỹ" -> US, "Coreia do Norte" -> KP, "the North Korean foreign
    ministry" -> KP, "Seoul" -> KR. The earliest mention wins ("the US ambassador to
    Russia" -> US). `language` is accepted for symmetry; names are matched in all 14.
    """
    del language
    if not text:
        return None
    hits = gazetteer().find_all(text)
    return hits[0][2].code if hits else None


def countries_in(text: str | None, extra: Gazetteer | None = None) -> list[str]:
    """Every country the text names, in order, without repeats."""
    seen: list[str] = []
    for _, _, entry in find_countries(text or "", extra):
        if entry.code not in seen:
            seen.append(entry.code)
    return seen


def _alternation(words: Iterable[str]) -> re.Pattern[str] | None:
    ordered = sorted(set(words), key=len, reverse=True)
    if not ordered:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, ordered)) + r")(?!\w)")


@cache
def _institution_matchers() -> tuple[re.Pattern[str] | None, tuple[tuple[str, str], ...]]:
    insts = gazetteer().institutions
    latin = [n for n in insts if _script(n[0]) == "latin"]
    others = tuple(
        sorted(
            ((n, r) for n, r in insts.items() if _script(n[0]) != "latin"),
            key=lambda kv: -len(kv[0]),
        )
    )
    return _alternation(latin), others


@cache
def _organisation_matchers() -> tuple[re.Pattern[str] | None, tuple[str, ...]]:
    words = [_norm(w) for w in _actors().get("organisation_words", {}).get("words", [])]
    latin = [w for w in words if _script(w[0]) == "latin"]
    return _alternation(latin), tuple(w for w in words if _script(w[0]) != "latin")


# ---------------------------------------------------------------- names


@cache
def _title_pattern(language: str) -> re.Pattern[str] | None:
    """Roles and honorifics to strip from names: the language file plus actors.toml."""
    data = _language_data(language)
    attribution = data.get("attribution", {})
    fragments = [f for key in ("role_words", "honorifics") for f in attribution.get(key, [])]
    titles = _actors().get("titles", {})
    if language:
        extra = titles.get(language, [])
    else:  # unknown language: every language's titles, but not short ones ("Pak", "Bu")
        extra = [t for v in titles.values() for t in v if len(t) > 3]
    fragments += [re.escape(t) for t in extra]
    if not fragments:
        return None
    body = "|".join(f.replace(" ", r"\s+") for f in sorted(set(fragments), key=len, reverse=True))
    if language in _NON_SPACED:
        return re.compile(f"(?:{body})", re.IGNORECASE)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


# Korean particles that never end a name (은/이/가 do: 김정은, 바르가) and Japanese
# hiragana after a katakana name ("페스코프는", "ペスコフは", "ペスコフ氏 は").
_PARTICLE_SUFFIX = re.compile(
    r"(?<=[\uac00-\ud7af]{2})(?:는|를|에게|께서)(?=\s|$)"
    r"|(?<=[\u30a0-\u30ff])\s?[\u3040-\u309f]{1,3}(?=\s|$)"
)
# fmt: off
_PARTICLES = {"de", "da", "do", "dos", "das", "del", "della", "di", "du", "la", "le", "van",
              "von", "der", "den", "bin", "ibn", "al", "el", "y", "ben", "zu", "ter", "mac"}
# fmt: on


def name_part(mention: str, language: str | None, extra: Gazetteer | None = None) -> str:
    """The personal name inside a mention: titles, roles and country words removed.

    "Kremlin spokesman Dmitry Peskov" -> "Dmitry Peskov"; "克里姆林宫发言人佩斯科夫" -> "佩斯科夫".
    Cased scripts keep the longest run of capitalised words; uncased ones (zh, ja, ko,
    ar) keep what follows the last title or institution, where names stand in news.
    """
    text = unicodedata.normalize("NFC", mention or "").replace("’", "'")
    for start, end, _ in sorted(find_countries(text, extra), reverse=True):
        before = text[:start].split()
        if end - start <= 3 and before and before[-1][:1].isupper():
            continue  # "Nguyễn Văn Anh": a short country word inside a name stays
        text = text[:start] + _CUT + text[end:]
    pattern = _title_pattern(language or "")
    if pattern is not None:
        text = pattern.sub(lambda m: _drop_title(m, text, language), text)
    text = _remove_institutions(text)
    text = _SEPARATORS.sub(" ", text)
    text = _PARTICLE_SUFFIX.sub("", text)
    text = re.sub(r"[\"“”«»()\[\]!?]", " ", text)
    text = re.sub(r"\s*[,;:]\s*", f" {_BREAK} ", text)  # a name never spans a comma
    cased = any(ch.isupper() for ch in text.replace(_CUT, "").replace(_BREAK, ""))
    if not cased and _language_data(language).get("meta", {}).get("capitalization"):
        return ""  # "investigators", "the auditors": no proper name in a cased language
    if not cased:
        text = text.replace(_BREAK, " ")
        pieces = [p for p in text.split(_CUT) if p.strip(" .'-")]
        text = pieces[-1] if pieces else ""
    # A removed title or country ends a name: "Environment Minister Dario Lenz".
    tokens = [t.strip(".'-") for t in text.replace(_CUT, f" {_TITLE} " if cased else " ").split()]
    tokens = [t for t in tokens if t]
    if cased:  # an acronym before a name is an organisation ("ЦИК Мира Кастелл")
        tokens = [
            _BREAK if _is_acronym(t) and i + 1 < len(tokens) and tokens[i + 1][:1].isupper() else t
            for i, t in enumerate(tokens)
        ]
    tokens = [t for t in tokens if not any(ch.isdigit() for ch in t)]
    if len(tokens) == 1 and len(tokens[0]) == 1 and _script(tokens[0]) in ("han", "kana"):
        return ""  # "筋" (a source), "他": not a name
    if cased:
        last = " ".join(tokens).split(_BREAK)[-1].split()
        if len(tokens) > len(last) >= 2 and all(t[:1].isupper() for t in last):
            # "La ministra de Defensa de Varania, Elena Varga": an apposition after the role
            return " ".join(last)
        tokens = _capitalised_run(tokens)
    elif tokens and _script(tokens[-1][0]) == "arabic":
        tokens = _arabic_name_run(tokens)
    return " ".join(tokens)


_CUT = "\x00"  # where a title, institution or country word was removed
_BREAK = "\x01"  # punctuation between words: "El ministro de Finanzas, Istvan Varga"
_TITLE = "\x02"  # a removed title or country, which a name follows rather than precedes


def _is_acronym(token: str) -> bool:
    return len(token) >= 3 and token.isupper() and token.isalpha()


_ARTICLE = re.compile(r"^(?:ال|لل|بال|وال|فال|كال)")


def _arabic_name_run(tokens: list[str]) -> list[str]:
    """Arabic has no capitals: the name is the trailing run of words without an article."""
    if len(tokens) > 1 and all(_ARTICLE.match(t) for t in tokens):
        return []  # "وزيرة البيئة الفارانية": a role, no name
    run: list[str] = []
    for tok in reversed(tokens):
        if _ARTICLE.match(tok) and run:
            break
        run.insert(0, tok)
        if len(run) == 4:
            break
    return run


def _drop_title(match: re.Match[str], text: str, language: str | None = None) -> str:
    """Blank a title, unless it is a capitalised word inside a name ("Nguyễn Văn Anh").

    Only honorifics double as name words; a role ("Environment Minister Dario Lenz")
    after a capitalised word is still a role.
    """
    before = text[: match.start()].split()
    inside = match.group(0)[:1].isupper() and before and before[-1][:1].isupper()
    if inside and language:
        honorifics = _language_data(language).get("attribution", {}).get("honorifics", [])
        body = "|".join(honorifics)
        inside = bool(body) and re.fullmatch(body, match.group(0), re.IGNORECASE) is not None
    return match.group(0) if inside else _CUT


def _remove_institutions(text: str) -> str:
    latin, others = _institution_matchers()
    if latin is not None:
        text = latin.sub(_CUT, text) if text.islower() else _sub_folded(latin, text)
    for name, _ in others:
        text = text.replace(name, _CUT)
    return text


def _sub_folded(pattern: re.Pattern[str], text: str) -> str:
    """Remove matches found in the casefolded text from the original (same length)."""
    folded = text.lower()
    if len(folded) != len(text):
        return text
    for match in reversed(list(pattern.finditer(folded))):
        text = text[: match.start()] + _CUT + text[match.end() :]
    return text


def _capitalised_run(tokens: list[str]) -> list[str]:
    """The longest run of capitalised tokens (name particles allowed inside).

    Of runs as long, the first one that follows a removed title ("Blue Sarn director
    Tomas Egger"), else the first.
    """
    best: list[str] = []
    best_titled = False
    run: list[str] = []
    titled = after_title = False
    for tok in [*tokens, ""]:
        if (
            tok
            and tok not in (_BREAK, _TITLE)
            and (tok[0].isupper() or (run and tok.lower() in _PARTICLES))
        ):
            if not run:
                titled = after_title
            run.append(tok)
            continue
        while run and run[-1].lower() in _PARTICLES:
            run.pop()
        if len(run) > len(best) or (len(run) == len(best) and titled and not best_titled):
            best, best_titled = run, titled
        run = []
        after_title = tok == _TITLE
    return best


def normalize_name(name: str, language: str | None = None) -> str:
    """Latin, lowercase, diacritic-free name without titles.

    "Ông Nguyễn Văn An" -> "nguyen van an"; "Kremlin spokesman Dmitry Peskov" -> "dmitry peskov".
    """
    return " ".join(fold(tok) for tok in name_part(name, language).split())


def _tokens(name: str) -> list[str]:
    return [t for t in re.split(r"[\s\-]+", name) if t and re.search(r"\w", t)]


_FEMININE = re.compile(r"(ova|eva|ina|yna|aya|skaya|ska|cka|tska)$")
_MASCULINE = re.compile(r"(ov|ev|in|yn|iy|sky|ski|skiy|cki|tsky|ow|ew)$")


def _gender_conflict(a: str, b: str) -> bool:
    """Slavic surnames: Ivanov and Ivanova are different people."""
    if not (_is_latin_token(a) and _is_latin_token(b)):
        return False
    fa, fb = fold(a), fold(b)
    return bool(
        (_FEMININE.search(fa) and _MASCULINE.search(fb) and not _FEMININE.search(fb))
        or (_FEMININE.search(fb) and _MASCULINE.search(fa) and not _FEMININE.search(fa))
    )


@lru_cache(maxsize=65536)
def token_similarity(a: str, b: str, short_exact: bool = True) -> float:
    """0-100: how likely two name tokens (any scripts) are the same name.

    `short_exact=False` grades short skeletons too (for given names once the surname
    matched: "Viktor" is 维克托, whose final r Chinese drops).
    """
    # Both in Latin letters: the spelling must agree too (Varga is not Vargas, nor Volkow);
    # an identical skeleton tolerates spelling habits (Peskov/Pieskow). Below the laxer bar
    # no skeleton can help, so those pairs (most that a name lookup meets, and their number
    # grows with the people known) skip the skeletons.
    spelling = fuzz.ratio(fold(a), fold(b)) if _is_roman(a) and _is_roman(b) else None
    if spelling is not None and spelling < SAME_SKELETON_SPELLING:
        return 0.0
    keys_a, keys_b = phonetic_variants(a), phonetic_variants(b)
    if not keys_a or not keys_b:
        return 100.0 if fold(a) == fold(b) and fold(a) else 0.0
    best = 0.0
    for ka, cost_a in keys_a:
        for kb, cost_b in keys_b:
            if min(len(ka), len(kb)) <= (SHORT_SKELETON if short_exact else 1):
                score = 100.0 if ka == kb else 0.0
            else:
                score = fuzz.ratio(ka, kb)
            best = max(best, score - VARIANT_COST * (cost_a + cost_b))
    bar = SPELLING_THRESHOLD if best < 100 else SAME_SKELETON_SPELLING
    if best > 0 and spelling is not None and spelling < bar:
        best = 0.0
    if _gender_conflict(a, b):
        best = 0.0
    return max(best, 0.0)


# ---------------------------------------------------------------- resolver


@dataclass
class ResolvedEntity:
    """What a mention refers to."""

    id: str
    name: str
    kind: Kind
    affiliation: str | None
    confidence: float
    new: bool = False


@dataclass
class Entity:
    """A known actor, as the store persists it."""

    id: str
    name: str
    kind: Kind
    affiliation: str | None = None
    aliases: list[str] = field(default_factory=list)
    pinned: bool = False  # from a user alias file: never renamed or re-affiliated

    def to_dict(self) -> dict[str, Any]:
        """The fields by hand: `asdict` deep-copies recursively, and the resolver saves every
        entity with each batch (29 s of 245 s profiled for 100k generated articles)."""
        return {
            "id": self.id, "name": self.name, "kind": self.kind, "affiliation": self.affiliation,
            "aliases": list(self.aliases), "pinned": self.pinned,
        }  # fmt: skip


def _better_display(new: str, old: str) -> bool:
    """Show the fullest Latin-script name: users read one name whatever the source script."""
    new_roman, old_roman = _is_roman(new.replace(" ", "")), _is_roman(old.replace(" ", ""))
    longer = len(_tokens(new)) > len(_tokens(old))
    as_long = len(_tokens(new)) >= len(_tokens(old))
    return (
        (new_roman and longer)
        or (new_roman and not old_roman and as_long)
        or (not old_roman and longer)
    )


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", fold(text)).strip("_") or "entity"


def _lookup_keys(tokens: list[str]) -> set[str]:
    """Skeletons a name is found by: its possible surnames and, for CJK, the whole name."""
    slots = _surname_index(tokens) if len(tokens) > 1 else [0]
    keys = {k for i in slots for k in phonetic_keys(tokens[i])}
    if len(tokens) > 1 or (
        len(tokens[0]) <= 4 and all(_script(ch) in ("han", "hangul") for ch in tokens[0])
    ):
        keys.update(phonetic_keys("".join(tokens)))
    return keys


MAX_INDEXED_SKELETON = 12  # longer skeletons (rare) are compared with all the others


@cache
def _max_deletions(length: int, cutoff: float) -> int:
    """Most characters a skeleton of `length` loses to its longest common subsequence with
    any skeleton it scores `cutoff` or more with (fuzz.ratio = 100 × (1 - indel / lengths))."""
    best = 0
    for other in range(3 * length + 3):
        total = length + other
        for indel in range(abs(length - other), total + 1, 2):
            if total and 100.0 * (1 - indel / total) + 1e-9 >= cutoff:
                best = max(best, (indel + length - other) // 2)
    return best


def _deletions(key: str, depth: int) -> set[str]:
    """The key and every string it becomes by deleting up to `depth` characters."""
    out, frontier = {key}, {key}
    for _ in range(depth):
        frontier = {f[:i] + f[i + 1 :] for f in frontier for i in range(len(f))}
        out |= frontier
    return out


class _SkeletonIndex:
    """The skeletons within fuzz.ratio >= cutoff of a query, without comparing the query with
    every known skeleton (that made resolving quadratic in the number of people known).

    Symmetric deletion: two skeletons that close share a common subsequence that each reaches
    by at most `_max_deletions` deletions, so every skeleton is filed under its deletion
    variants and a query looks up its own; the few candidates are then scored as before.
    Skeletons are short (4-10 consonant classes): ~15 variants each.
    """

    def __init__(self, cutoff: float) -> None:
        self.cutoff = cutoff
        self.keys: set[str] = set()
        self.by_variant: dict[str, set[str]] = {}
        self.long: list[str] = []  # skeletons too long to file

    def add(self, key: str) -> None:
        if key in self.keys:
            return
        self.keys.add(key)
        if len(key) > MAX_INDEXED_SKELETON:
            self.long.append(key)
            return
        for variant in _deletions(key, _max_deletions(len(key), self.cutoff)):
            self.by_variant.setdefault(variant, set()).add(key)

    def similar(self, key: str) -> list[str]:
        """Known skeletons scoring at least the cutoff with `key`."""
        if len(key) > MAX_INDEXED_SKELETON:
            pool = set(self.keys)
        else:
            pool = set(self.long)
            for variant in _deletions(key, _max_deletions(len(key), self.cutoff)):
                pool.update(self.by_variant.get(variant, ()))
        found = process.extract(
            key, sorted(pool), scorer=fuzz.ratio, score_cutoff=self.cutoff, limit=None
        )
        return [choice for choice, _score, _index in found]


def _surname_index(tokens: list[str]) -> list[int]:
    """Which tokens can stand alone for the person: the last, or a family-first surname."""
    if not tokens:
        return []
    family = set(_actors().get("family_first", {}).get("surnames", []))
    idx = [len(tokens) - 1]
    if len(tokens) > 1 and fold(tokens[0]) in family:
        idx.append(0)
    if len(tokens) > 2:  # Iberian double surnames: "Vargas Llosa" -> "Vargas"
        idx.append(len(tokens) - 2)
    return idx


class EntityResolver:
    """Links mentions to known entities, learning new ones as it goes.

    Deterministic and incremental: feed mentions in any order; persist with `to_dict`.
    """

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}
        self._by_surface: dict[str, str] = {}
        self._person_tokens: dict[str, list[list[str]]] = {}
        # skeleton -> (entity id, index of the name in _person_tokens[id])
        self._key_owners: dict[str, list[tuple[str, int]]] = {}
        self._skeletons = _SkeletonIndex(TOKEN_THRESHOLD)  # fuzzy lookup of skeletons
        self._extra_countries: dict[str, str] = {}
        self._extra = Gazetteer()  # countries taught to this resolver only
        # People named in full in the article being read (its opening, then entity ids):
        # "Lund said" after "analyst Erik Lund" is him, not another Lund met elsewhere.
        self._article: tuple[str, list[str]] = ("", [])

    # ------------------------------------------------ persistence

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": 1,
            "entities": [e.to_dict() for e in self.entities.values()],
            "countries": dict(self._extra_countries),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EntityResolver:
        resolver = cls()
        for name, code in data.get("countries", {}).items():
            resolver.add_country(code, [name])
        for item in data.get("entities", []):
            resolver._add(Entity(**item))
        return resolver

    def add_country(self, code: str, names: Iterable[str]) -> None:
        """Teach a country (e.g. an invented one in a demo) its names and adjectives."""
        for name in names:
            self._extra.add(name, _Entry(code, "country", code))
            self._extra_countries[name] = code

    def load_aliases(self, path: str | Path) -> int:
        """Read a user alias file (see docs/aliases.md); returns how many entries it pinned."""
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        for country in data.get("country", []):
            self.add_country(
                country["code"], [*country.get("names", []), *country.get("adjectives", [])]
            )
        count = 0
        for item in data.get("entity", []):
            names = [item["name"], *item.get("aliases", [])]
            existing = self.entities.get(item["id"])
            # Entities learnt under any of these names are merged into the pinned one.
            merged = {self._by_surface.get(_norm(n)) for n in names} - {None, item["id"]}
            aliases = list(names)
            for other in merged:
                old = self.entities.pop(other, None)  # type: ignore[arg-type]
                if old:
                    aliases += old.aliases
            if existing:
                aliases += existing.aliases
            entity = Entity(
                id=item["id"],
                name=item["name"],
                kind=item.get("kind", "person"),
                affiliation=item.get("affiliation"),
                aliases=list(dict.fromkeys(aliases)),
                pinned=True,
            )
            self.entities[entity.id] = entity
            count += 1
        self._reindex()
        return count

    # ------------------------------------------------ indexes

    def _reindex(self) -> None:
        self._by_surface.clear()
        self._person_tokens.clear()
        self._key_owners.clear()
        self._skeletons = _SkeletonIndex(TOKEN_THRESHOLD)
        for entity in list(self.entities.values()):
            self._index(entity)

    def _add(self, entity: Entity) -> None:
        self.entities[entity.id] = entity
        self._index(entity)

    def _index(self, entity: Entity) -> None:
        for alias in [entity.name, *entity.aliases]:
            self._by_surface.setdefault(_norm(alias), entity.id)
        if entity.kind != "person":
            return
        names = self._person_tokens.setdefault(entity.id, [])
        for alias in dict.fromkeys([entity.name, *entity.aliases]):
            tokens = _tokens(name_part(alias, None, self._extra) or alias)
            if not tokens or tokens in names:
                continue
            names.append(tokens)
            self._index_keys(entity.id, len(names) - 1, tokens)

    def _index_keys(self, eid: str, n: int, tokens: list[str]) -> None:
        """Index the tokens a mention can match on: surname slots and the whole name."""
        for key in _lookup_keys(tokens):
            self._key_owners.setdefault(key, []).append((eid, n))
            self._skeletons.add(key)

    # ------------------------------------------------ resolution

    def resolve(
        self,
        mention: str,
        language: str | None,
        *,
        speaker_name: str | None = None,
        role: str | None = None,
        affiliation: str | None = None,
        context: str | None = None,
        document: str | None = None,
    ) -> ResolvedEntity:
        """The entity a mention refers to; creates it when nothing known fits.

        `document`: the article up to the statement, where a nameless "the commission"
        finds the organisation it stands for ("Varania's Central Election Commission").
        """
        mention = (mention or "").strip()
        surface = (speaker_name or mention).strip()
        named = self._named_in_article(surface, language, role, document)
        if named is not None:
            return named
        resolved = self._resolve(mention, surface, language, speaker_name, role, affiliation,
                                 context, document)  # fmt: skip
        if document and resolved.kind == "person" and self._fullness(resolved.id):
            people = self._article[1]
            if resolved.id in people:
                people.remove(resolved.id)
            people.append(resolved.id)
        return resolved

    def _named_in_article(
        self, surface: str, language: str | None, role: str | None, document: str | None
    ) -> ResolvedEntity | None:
        """A surname alone is the person of that surname named in full in the article.

        Two people of that surname there (a minister and her namesake): the surname alone
        stays apart from both, since neither the article nor the lookup can tell which.
        """
        if not document:
            return None
        # The same article: each statement sees it up to its own sentence.
        opening, (seen, people) = document[:200], self._article
        if not seen or not (opening.startswith(seen) or seen.startswith(opening)):
            people = []
        self._article = (max(opening, seen, key=len) if people else opening, people)
        if not people:
            return None
        name = self._clean_name(name_part(surface, language, self._extra), language, role)
        tokens = _tokens(name)
        if len(tokens) != 1:
            return None
        fits = []
        for eid in people:
            full = [t for t in self._person_tokens.get(eid, []) if len(t) > 1]
            score = max((self._name_score(tokens, t) for t in full), default=0.0)
            if score >= TOKEN_THRESHOLD and eid in self.entities:
                fits.append((eid, score))
        if len(fits) > 1:
            alone = _slug(name)
            if alone in self.entities and not self._fullness(alone):
                e = self.entities[alone]
                return ResolvedEntity(e.id, e.name, e.kind, e.affiliation, 1.0)
            return self._new_person(name, None)
        if not fits:
            return None
        eid, score = fits[0]
        # Not kept as an alias: the surname points to this person in this article only.
        e = self.entities[eid]
        return ResolvedEntity(e.id, e.name, e.kind, e.affiliation, round(min(score / 100, 1.0), 3))

    def _resolve(
        self,
        mention: str,
        surface: str,
        language: str | None,
        speaker_name: str | None,
        role: str | None,
        affiliation: str | None,
        context: str | None,
        document: str | None,
    ) -> ResolvedEntity:
        pinned = self._by_surface.get(_norm(surface)) or self._by_surface.get(_norm(mention))
        if pinned and pinned in self.entities:
            e = self.entities[pinned]
            if e.kind != "person" or not self._conflicts(e, role, affiliation, mention, surface):
                return ResolvedEntity(e.id, e.name, e.kind, e.affiliation, 1.0)

        institutional = self._institutional(surface if speaker_name else mention, language)
        if institutional is not None:
            return institutional

        if not speaker_name and role and role.strip() and role.strip() in surface:
            surface = surface.replace(role.strip(), " , ")  # "Varania's environment minister"
        surface = self._strip_determiners(surface, language)  # "A spokesperson for the UN"
        name = self._clean_name(name_part(surface, language, self._extra), language, role)
        if not name and document:
            named = self._named_organisation(mention, language, document)
            if named is not None:
                return named
        if not name or self._is_anonymous(mention, language, name):
            code = self._country_from(role, affiliation, mention, name)
            # one stable name for the group, not whichever mention came last
            where = country_name(code) if code else ""
            label = f"unnamed sources ({where})" if where else "unnamed sources"
            return ResolvedEntity(f"anonymous:{code or 'xx'}", label, "anonymous", code, 1.0)
        if self._looks_organisational(name, language):
            code = self._country_from(role, affiliation, mention, name)
            return self._organisation(name, code)
        return self._person(name, language, role, affiliation, mention, context)

    @staticmethod
    def _clean_name(name: str, language: str | None, role: str | None) -> str:
        """Drop determiners and pronouns ("A", "She"); no name when only role words remain."""
        attribution = _language_data(language).get("attribution", {})
        words = [w for key in ("determiners", "pronouns") for w in attribution.get(key, [])]
        skip = {w.casefold() for w in words}
        tokens = [t for t in name.split() if t.casefold() not in skip]
        role_words = set(_norm(role or "").split())
        if tokens and role_words and all(t.casefold() in role_words for t in tokens):
            # Only titles left ("Minister"); but a role phrase may hold the name itself
            # ("리디아 코렌 케스트리아 외무부 대변인"): what the role's titles do not cover stays.
            if not name_part(" ".join(tokens), language):
                return ""
            titles = _title_pattern(language or "")
            if titles is None or all(titles.fullmatch(t) for t in tokens):
                return ""
        return " ".join(tokens)

    def _country_from(
        self, role: str | None, affiliation: str | None, mention: str, name: str
    ) -> str | None:
        for text in (affiliation, role, mention.replace(name, " ") if name else mention):
            hits = find_countries(text, self._extra) if text else []
            code = hits[0][2].code if hits else None
            if code:
                return code
        return None

    def _conflicts(
        self, entity: Entity, role: str | None, affiliation: str | None, mention: str, surface: str
    ) -> bool:
        code = self._country_from(role, affiliation, mention, name_part(surface, None, self._extra))
        return bool(code and entity.affiliation and code != entity.affiliation)

    @staticmethod
    def _strip_determiners(text: str, language: str | None) -> str:
        dets = _language_data(language).get("attribution", {}).get("determiners", [])
        words = text.split()
        while words and words[0].casefold() in {*dets, "the", "a", "an"}:
            words = words[1:]
        return " ".join(words)

    def _institutional(self, mention: str, language: str | None) -> ResolvedEntity | None:
        """Countries, capitals, seats of power and '<country> <institution>' mentions."""
        bare = self._strip_determiners(mention, language).strip(" .,'’")
        if not bare:
            return None
        hits = find_countries(bare, self._extra)
        rest = bare
        for start, end, _ in sorted(hits, key=lambda h: h[0], reverse=True):
            rest = rest[:start] + " " + rest[end:]
        rest_norm = _norm(re.sub(r"[^\w' ]+", " ", rest))
        rest_words = [w for w in rest_norm.split() if w not in _CONNECTORS]
        institution = self._institution_type(rest_norm)
        if hits and not rest_words:
            entry = hits[0][2]
            if entry.kind == "seat":
                return self._organisation_by_id(entry.ref, entry.code)
            if entry.kind in ("country", "capital"):
                return self._country(entry.code)
            return None  # a bare adjective ("Russian") is not an actor
        if institution and not self._names_a_person(rest, language):
            code = hits[0][2].code if hits else None
            if code is None:
                # An unknown country ("the Kestrian foreign ministry"): keep the words.
                return self._organisation(bare, None)
            return self._organisation_by_id(institution, code)
        return None

    @staticmethod
    def _names_a_person(rest: str, language: str | None) -> bool:
        """Words besides the institution and titles: "MFA spokesman Tomas Brandt" is a person."""
        pattern = _title_pattern(language or "")
        titled = bool(pattern is not None and pattern.search(rest))
        leftover = pattern.sub(_CUT, rest) if pattern is not None else rest
        leftover = _remove_institutions(leftover)
        words = [w for w in re.split(r"[\s\x00,.;:·・]+", leftover) if w]
        words = [w for w in words if w.casefold() not in _CONNECTORS]
        if any(_script(w[0]) != "latin" or not w[:1].isalpha() for w in words):
            # Uncased scripts: "外交部发言人佩斯科夫" names a person, "케스트리아 외교부" does not.
            return titled and bool(words)
        return len([w for w in words if w[:1].isupper()]) >= 2

    def _institution_type(self, rest: str) -> str | None:
        if not rest.strip():
            return None
        latin, others = _institution_matchers()
        match = latin.search(rest) if latin is not None else None
        if match:
            return gazetteer().institutions.get(_norm(match.group(0)))
        for name, ref in others:
            if name in rest:
                return ref
        return None

    def _country(self, code: str) -> ResolvedEntity:
        eid = f"country:{code}"
        display = self._country_display(code) or country_name(code)
        if eid not in self.entities:
            self._add(Entity(eid, display, "country", code))
        return ResolvedEntity(eid, display, "country", code, 1.0)

    def _country_display(self, code: str) -> str | None:
        """The first name a user taught for this code (their names win over CLDR's)."""
        names = [n for n, c in self._extra_countries.items() if c == code]
        return names[0] if names else None

    def _organisation_by_id(self, ref: str, code: str) -> ResolvedEntity:
        eid = f"org:{code}:{ref}"
        if eid not in self.entities:
            country = self._country_display(code) or country_name(code)
            display = ref.replace("_", " ")
            display = display.title() if ref not in _INSTITUTION_IDS else f"{display} ({country})"
            self._add(Entity(eid, display, "organisation", code))
        e = self.entities[eid]
        return ResolvedEntity(e.id, e.name, e.kind, e.affiliation, 1.0)

    def _organisation(self, name: str, code: str | None) -> ResolvedEntity:
        eid = f"org:{code or 'xx'}:{_slug(name)}"
        if eid not in self.entities:
            self._add(Entity(eid, name, "organisation", code, [name]))
            return ResolvedEntity(eid, name, "organisation", code, 1.0, new=True)
        e = self.entities[eid]
        return ResolvedEntity(e.id, e.name, e.kind, e.affiliation, 1.0)

    def _is_anonymous(self, mention: str, language: str | None, name: str) -> bool:
        anonymous = _anonymous_re(language)
        if anonymous is None or any(ch.isupper() for ch in name[:1]):
            return False
        return anonymous.search(mention) is not None

    def _named_organisation(
        self, mention: str, language: str | None, document: str
    ) -> ResolvedEntity | None:
        """A nameless "the commission" is the last named "… Commission" of its article.

        Only in cased languages (a capital marks the name) and not for anonymous sources
        ("an official of the commission" stays anonymous).
        """
        if not _language_data(language).get("meta", {}).get("capitalization"):
            return None
        if (anonymous := _anonymous_re(language)) is not None and anonymous.search(mention):
            return None
        latin, _ = _organisation_matchers()
        bare = _norm(self._strip_determiners(mention, language))
        found = latin.search(bare) if latin is not None else None
        if found is None or " " in found.group(0):
            return None
        word = found.group(0)
        tokens = re.findall(r"[\w'’-]+", document)
        for i in range(len(tokens) - 1, -1, -1):
            if tokens[i].casefold() != word or not tokens[i][:1].isupper():
                continue
            start = i
            while start > 0 and i - start < 4 and tokens[start - 1][:1].isupper():
                start -= 1
            if start == i:
                return None  # "Commission" alone says no more than the mention
            return self.resolve(" ".join(tokens[start : i + 1]), language)
        return None

    @staticmethod
    def _looks_organisational(name: str, language: str | None) -> bool:
        if re.fullmatch(r"[^\W\d_]{2,6}", name) and name.isupper():
            return True  # an acronym ("UN", "ООН", "IMF") is no person's name
        latin, others = _organisation_matchers()
        low = _norm(name)
        if latin is not None and latin.search(low):
            return True
        return language in _NON_SPACED and any(low.endswith(w) for w in others)

    def _person(
        self,
        name: str,
        language: str | None,
        role: str | None,
        affiliation: str | None,
        mention: str,
        context: str | None,
    ) -> ResolvedEntity:
        tokens = _tokens(name)
        code = self._country_from(role, affiliation, mention, name)
        context_codes = countries_in(context, self._extra) if context else []
        candidates = self._person_candidates(tokens)
        viable = []
        for eid, score in candidates:
            entity = self.entities[eid]
            if code and entity.affiliation and code != entity.affiliation:
                continue
            bonus = 1.0 if entity.affiliation and entity.affiliation in context_codes else 0.0
            viable.append((score + bonus, score, eid))
        if viable:
            # Prefer people known by a full name: a surname-only entity is usually the same
            # person met before their full name was.
            viable.sort(key=lambda v: (v[0], self._fullness(v[2])), reverse=True)
            best_total, best_score, best_id = viable[0]
            rivals = [
                v
                for v in viable[1:]
                if v[0] >= best_total - 0.5 and self._fullness(v[2]) == self._fullness(best_id)
            ]
            if not rivals:
                return self._link(best_id, name, code, best_score / 100.0)
        return self._new_person(name, code)

    def _fullness(self, eid: str) -> int:
        """1 when the person is known by a name of two or more words."""
        return int(any(len(t) > 1 for t in self._person_tokens.get(eid, [])))

    def _person_candidates(self, tokens: list[str]) -> list[tuple[str, float]]:
        """Known persons whose name fits these tokens, with a 0-100 score."""
        if not tokens or not self._key_owners:
            return []
        hits: set[tuple[str, int]] = set()
        for key in _lookup_keys(tokens):
            if len(key) <= SHORT_SKELETON:  # must match exactly
                hits.update(self._key_owners.get(key, ()))
                continue
            for found in self._skeletons.similar(key):
                hits.update(self._key_owners[found])
        by_entity: dict[str, float] = {}
        for eid, n in hits:
            names = self._person_tokens[eid]
            known = names[n]
            if len(tokens) > 1 and len(known) == 1 and any(len(k) > 1 for k in names):
                continue  # a full name is compared with the full name, not a surname alias
            score = self._name_score(tokens, known)
            if score >= TOKEN_THRESHOLD:
                by_entity[eid] = max(by_entity.get(eid, 0.0), score)
        return sorted(by_entity.items(), key=lambda kv: -kv[1])

    @staticmethod
    def _name_score(mention: list[str], known: list[str]) -> float:
        """Surname-only mentions match a surname slot; full names must agree token by token."""
        if len(mention) == 1 or len(known) == 1:
            short, long_ = (mention, known) if len(mention) <= len(known) else (known, mention)
            if len(short) == 1:
                slots = _surname_index(long_) if len(long_) > 1 else [0]
                best = max(token_similarity(short[0], long_[i]) for i in slots)
                if len(long_) == 1 or best >= TOKEN_THRESHOLD:
                    return best
                if len(short[0]) <= 4 and all(_script(ch) in ("han", "hangul") for ch in short[0]):
                    # One short CJK token may hold the whole name (习近平 = Xi Jinping).
                    whole = token_similarity(short[0], "".join(long_))
                    return whole if whole >= TOKEN_THRESHOLD + 5 else 0.0
                return best
        m_sur, k_sur = mention[-1], known[-1]
        surname = token_similarity(m_sur, k_sur)
        if surname < TOKEN_THRESHOLD:
            return 0.0
        # Extra leading words on either side ("Marlow-Chef Victor Hale", a known name that kept
        # an unknown country's genitive, "Варании Адриан Молдо") are not the given name.
        given_m = mention[-len(known)] if len(mention) > len(known) else mention[0]
        given_k = known[-len(mention)] if len(known) > len(mention) else known[0]
        if len(given_m.rstrip(".")) == 1 or len(given_k.rstrip(".")) == 1:
            given = 100.0 if fold(given_m)[:1] == fold(given_k)[:1] else 0.0
        else:
            given = token_similarity(given_m, given_k, short_exact=False)
        # Skipping words of the known name guesses its order: then the given name must be sure.
        if given < (SPELLING_THRESHOLD if len(known) > len(mention) else TOKEN_THRESHOLD):
            return 0.0
        return (surname * 2 + given) / 3

    def _link(self, eid: str, name: str, code: str | None, confidence: float) -> ResolvedEntity:
        entity = self.entities[eid]
        if not entity.pinned:
            if name not in entity.aliases:
                entity.aliases.append(name)
                self._index_alias(entity, name)
            if _better_display(name, entity.name):
                entity.name = name
            if entity.affiliation is None and code:
                entity.affiliation = code
        elif name not in entity.aliases:
            entity.aliases.append(name)
            self._index_alias(entity, name)
        return ResolvedEntity(
            entity.id, entity.name, entity.kind, entity.affiliation, round(min(confidence, 1.0), 3)
        )

    def _index_alias(self, entity: Entity, alias: str) -> None:
        self._by_surface.setdefault(_norm(alias), entity.id)
        tokens = _tokens(alias)
        names = self._person_tokens.setdefault(entity.id, [])
        if tokens and tokens not in names:
            names.append(tokens)
            self._index_keys(entity.id, len(names) - 1, tokens)

    def _new_person(self, name: str, code: str | None) -> ResolvedEntity:
        base = _slug(name)
        eid, n = base, 2
        while eid in self.entities:
            eid, n = f"{base}_{n}", n + 1
        self._add(Entity(eid, name, "person", code, [name]))
        return ResolvedEntity(eid, name, "person", code, 1.0, new=True)


_ADJECTIVE_SUFFIX = re.compile(
    r"(?:ian|ians|an|ans|ese|ano|ana|anos|anas|ain|aine|ains|aines|ien|ienne|iens|isch|ische|"
    r"ischen|ischer|isches|eiro|eira|eiros|eiras|ense|enses|ese|esi|ino|ina|inos|inas|ais|aise|"
    r"i|o|a|os|as|e|es|ish)$"
)
# fmt: off
_CONNECTORS = {"of", "the", "do", "da", "de", "del", "des", "du", "della", "di", "der",
               "s", "'s", "và", "của", "dan", "и", "і", "و", "的", "의", "の", "von", "d'"}
_INSTITUTION_IDS = {"foreign_ministry", "defence_ministry", "government", "military",
                    "embassy", "presidency"}
# fmt: on
