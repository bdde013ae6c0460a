"""Turn scraped text into clean article text plus the metadata its conventions carry.

Scrapes arrive with a `date YYYY-MM-DD` prefix, markdown bylines, photo captions,
machine-translation notices, `Original url:` and `Updated:` footers, and numbers
broken across lines. Each convention is one small rule here; the phrases live in
`lang/data/_common.toml`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from claimscope.lang import load_common

DATE_PREFIX = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})(?:[T ][\d:]+)?\b[ \t]*", re.IGNORECASE)
ORIGINAL_URL = re.compile(r"^\s*(?:original\s+url|source\s+url|url)\s*:\s*<?(\S*?)>?\s*$", re.I)
URL_LINE = re.compile(r"^\s*<?(https?://\S+?)>?\s*$")
UPDATED = re.compile(
    r"^\s*(?:updated|last updated|atualizado|actualizado|mis à jour|aktualisiert|"
    r"cập nhật|обновлено)\s*(?:on|em|el|le|am|lúc)?\s*:?\s*(.{6,60})$",
    re.I,
)
PUBLISHED_LINE = re.compile(
    r"^\s*(?:published|publicado|publié|veröffentlicht)\s*:?\s*(.{6,60})$", re.I
)
BROKEN_NUMBER = re.compile(r"(?<=\d)([.,])[ \t]*\n[ \t]*(?=\d{3}(?!\d))")
MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
MD_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)")
MD_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
MD_EMPHASIS = re.compile(r"(\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*]))")
MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
INVISIBLE = re.compile("[\u200b\ufeff\u00ad]")
YEAR = re.compile(r"(?<!\d)(19|20)\d{2}(?!\d)")
TERMINAL = tuple(".!?…:;。！？؟\"”“»’'」』)）")
QUOTE_PAIRS = (("«", "»"), ("「", "」"), ("『", "』"))
CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")


@dataclass
class Normalized:
    text: str
    title: str | None = None
    url: str | None = None
    byline: str | None = None
    published: str | None = None
    published_source: str | None = None
    removed: list[str] = field(default_factory=list)  # dropped caption/boilerplate lines


@cache
def _patterns() -> tuple[list[re.Pattern[str]], list[re.Pattern[str]], list[re.Pattern[str]], int]:
    common = load_common()["text"]
    flags = re.IGNORECASE
    boiler = [re.compile(p, flags) for p in common["boilerplate"]]
    captions = [re.compile(p, flags) for p in common["caption_credit"]]
    bylines = [re.compile(p, flags) for p in common["byline"]]
    return boiler, captions, bylines, int(common.get("caption_max_words", 45))


def clean_characters(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = BIDI_CONTROLS.sub("", text)
    text = INVISIBLE.sub("", text)
    return text.replace("\u00a0", " ").replace("\t", " ")


def rejoin_broken_numbers(text: str) -> str:
    """'1.\\n500' → '1.500': scrapes break thousands across lines."""
    return BROKEN_NUMBER.sub(r"\1", text)


def strip_markdown(line: str) -> str:
    line = MD_IMAGE.sub("", line)
    line = MD_LINK.sub(r"\1", line)
    line = MD_AUTOLINK.sub(r"\1", line)
    line = MD_HEADING.sub("", line)
    return MD_EMPHASIS.sub("", line).strip()


def is_caption(line: str) -> bool:
    _, captions, _, max_words = _patterns()
    if len(line.split()) > max_words:
        return False
    return any(p.search(line) for p in captions)


def is_boilerplate(line: str) -> bool:
    boiler, _, _, _ = _patterns()
    return any(p.search(line) for p in boiler)


def match_byline(line: str) -> str | None:
    _, _, bylines, _ = _patterns()
    for pattern in bylines:
        match = pattern.match(line)
        if match:
            return strip_markdown(match.group(1))
    return None


def normalize_text(raw: str, markdown: bool = False, date_parser=None) -> Normalized:
    """Clean a scraped text; `date_parser(text) -> iso | None` reads written-out dates."""
    text = rejoin_broken_numbers(clean_characters(raw))
    result = Normalized(text="")
    match = DATE_PREFIX.match(text)
    if match:
        result.published, result.published_source = match.group(1), "date-prefix"
        text = text[match.end() :]
    lines = text.split("\n")
    paragraphs: list[str] = []
    expect_url = False
    for index, raw_line in enumerate(lines):
        line = raw_line.strip()
        if not line:
            continue
        if expect_url:
            url = URL_LINE.match(line)
            expect_url = False
            if url:
                result.url = result.url or url.group(1)
                continue
        url_match = ORIGINAL_URL.match(line)
        if url_match:
            if url_match.group(1):
                result.url = result.url or url_match.group(1)
            else:
                expect_url = True
            continue
        if is_boilerplate(line) or is_caption(line):
            result.removed.append(line)
            continue
        heading = markdown and MD_HEADING.match(line)
        byline = match_byline(line) if len(line) < 100 else None
        if byline and not paragraphs[1:]:
            result.byline = result.byline or byline
            continue
        plain = strip_markdown(line) if markdown or "](" in line or "**" in line else line
        if not plain:
            continue
        date = _metadata_date(plain, paragraphs, index, len(lines), date_parser)
        if date:
            if result.published is None:
                result.published, result.published_source = date
            continue
        if heading and result.title is None and not paragraphs:
            result.title = plain
            continue
        if paragraphs and _continues(paragraphs[-1], plain):
            paragraphs[-1] = f"{paragraphs[-1]} {plain}"
        else:
            paragraphs.append(plain)
    if result.title is None and len(paragraphs) > 1 and _looks_like_title(paragraphs[0]):
        result.title = paragraphs[0]
    result.text = "\n\n".join(paragraphs)
    return result


def _metadata_date(line: str, paragraphs: list[str], index: int, total: int, date_parser):
    """A line that only states the publication or update date."""
    if date_parser is None or not YEAR.search(line) or len(line.split()) > 10:
        return None
    updated = UPDATED.match(line)
    if updated:
        iso = date_parser(updated.group(1))
        return (iso, "updated") if iso else None
    published = PUBLISHED_LINE.match(line)
    if published:
        iso = date_parser(published.group(1))
        return (iso, "published-line") if iso else None
    if len(paragraphs) <= 3 and len(line.split()) <= 7 and not line.endswith("."):
        iso = date_parser(line)
        return (iso, "date-line") if iso else None
    return None


def _continues(previous: str, line: str) -> bool:
    """Hard-wrapped text: a line that carries on the previous sentence."""
    return not previous.endswith(TERMINAL) and (line[:1].islower() or _open_quote(previous))


def _open_quote(paragraph: str) -> bool:
    if paragraph.count('"') % 2 == 1:
        return True
    # German „…“ closes with the character English opens with.
    english_opens = paragraph.count("“") - paragraph.count("„")
    if english_opens > paragraph.count("”"):
        return True
    return any(paragraph.count(o) > paragraph.count(c) for o, c in QUOTE_PAIRS)


def _looks_like_title(paragraph: str) -> bool:
    if paragraph.endswith((".", "。", "…", ":", "！", "？")):
        return False
    if len(CJK.findall(paragraph)) > len(paragraph) / 3:
        return 6 <= len(paragraph) <= 60
    return 2 <= len(paragraph.split()) <= 24
