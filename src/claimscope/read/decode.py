"""Bytes to text: UTF-8 first, then the legacy encodings news archives still use.

Detectors guess poorly on short legacy text (Vietnamese windows-1258 above all),
so every candidate decoding is scored for plausibility and the best one wins.
"""

from __future__ import annotations

import codecs
import contextlib
import unicodedata

from charset_normalizer import from_bytes

LEGACY_CANDIDATES = (
    "cp1252",
    "cp1258",
    "cp1251",
    "koi8_r",
    "koi8_u",
    "cp1250",
    "cp1253",
    "cp1254",
    "cp1256",
    "iso8859_8",
    "gb18030",
    "big5",
    "euc_kr",
    "shift_jis",
    "euc_jp",
    "iso8859_2",
    "cp874",
)


class DecodeError(ValueError):
    """Raised for content that is not text in any encoding we accept."""


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 BOM: text, decoded below
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls / len(sample) > 0.05


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Return (text, encoding). Raises DecodeError for binary content."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16"
    if looks_binary(data):
        raise DecodeError("binary content, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    candidates: list[str] = []
    if declared:
        with contextlib.suppress(LookupError):
            candidates.append(codecs.lookup(declared).name)
    guess = from_bytes(data[:200_000]).best()
    if guess is not None:
        candidates.append(guess.encoding)
    candidates.extend(LEGACY_CANDIDATES)
    best: tuple[float, str, str] | None = None
    seen: set[str] = set()
    for encoding in candidates:
        name = codecs.lookup(encoding).name
        if name in seen:
            continue
        seen.add(name)
        try:
            text = unicodedata.normalize("NFC", data.decode(name))
        except (UnicodeDecodeError, LookupError):
            continue
        score = plausibility(text)
        if declared and name == candidates[0]:
            score += 0.05
        if best is None or score > best[0]:
            best = (score, text, name)
    if best is None or best[0] < 0.5:
        raise DecodeError(f"not valid UTF-8 ({utf8_error.reason}) and no legacy encoding fits")
    return best[1], best[2]


def plausibility(text: str) -> float:
    """Share of characters that look like real writing, minus mojibake signals."""
    sample = text[:20_000]
    if not sample:
        return 0.0
    good = bad = 0
    mixed_words = 0
    words = 0
    for word in sample.split():
        scripts = {_script(ch) for ch in word if ch.isalpha()}
        scripts.discard("")
        words += 1
        if len(scripts) > 1:
            mixed_words += 1
        # Mojibake of Cyrillic/Vietnamese in Latin code pages alternates case inside words.
        inner = word[1:]
        if sum(1 for ch in inner if ch.isupper()) > 1 and any(ch.islower() for ch in inner):
            mixed_words += 1
    for ch in sample:
        cat = unicodedata.category(ch)
        if cat[0] in "LNZ" or ch in "\n\t\r" or cat in ("Po", "Pd", "Ps", "Pe", "Pi", "Pf", "Mn"):
            good += 1
        elif cat in ("Co", "Cc", "Cs", "Cn") or ch == "\ufffd":
            bad += 3
        else:
            bad += 1
    total = good + bad
    return good / total - (mixed_words / max(words, 1))


def _script(ch: str) -> str:
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return ""
    return name.split(" ")[0]
