"""Sentence splitting that keeps character offsets into the article text.

Later stages cite evidence by offset, so the splitter never rewrites text: it
only finds boundaries. Paragraph breaks always end a sentence; inside a
paragraph a boundary is terminal punctuation (with closing quotes) followed by
space and a plausible sentence start, unless the word before is an
abbreviation listed in the language's data file. Chinese and Japanese end
sentences without spaces.
"""

from __future__ import annotations

import re
from functools import cache

from claimscope.lang import load_language
from claimscope.model import Sentence

CLOSERS = "\"'”’»」』）)]"
LATIN_BOUNDARY = re.compile(
    r"(?P<end>(?:[.!?…؟]+|\.{3})[" + re.escape(CLOSERS) + r"]*)(?P<space>\s+)(?=[^\s])"
)
CJK_BOUNDARY = re.compile(r"(?P<end>[。！？!?]+[" + re.escape(CLOSERS) + r"]*)(?P<space>\s*)(?=\S)")
PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")
WORD_BEFORE = re.compile(r"([\w.\-]+)$")
DEFAULT_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen lt col maj capt sgt st jr sr inc ltd co corp vs etc e.g i.e "
    "u.s u.k u.n no nos fig jan feb mar apr jun jul aug sep sept oct nov dec rep sen gov".split()
)


@cache
def abbreviations(language: str | None) -> frozenset[str]:
    data = load_language(language or "").get("text", {})
    extra = {a.lower().rstrip(".") for a in data.get("abbreviations", [])}
    return DEFAULT_ABBREVIATIONS | extra


@cache
def ordinal_dots(language: str | None) -> bool:
    """Languages that write ordinals with a dot ("3. Oktober") set `ordinal_dot` in their file."""
    return bool(load_language(language or "").get("text", {}).get("ordinal_dot", False))


def split_sentences(text: str, language: str | None = None) -> list[Sentence]:
    sentences: list[Sentence] = []
    abbrevs = abbreviations(language)
    cjk = language in ("zh", "ja")
    pattern = CJK_BOUNDARY if cjk else LATIN_BOUNDARY
    for number, (p_start, p_end) in enumerate(_paragraphs(text)):
        start = p_start
        paragraph = text[p_start:p_end]
        for match in pattern.finditer(paragraph):
            end = p_start + match.end("end")
            if not cjk and not _is_boundary(text, start, match, p_start, abbrevs, language):
                continue
            if cjk and _quote_then_cue(paragraph, match):
                continue
            if not cjk and paragraph[match.end() :].lstrip()[:1] in ",;:":
                continue
            _add(sentences, text, start, end, number)
            start = p_start + match.end()
        _add(sentences, text, start, p_end, number)
    return sentences


def _quote_then_cue(paragraph: str, match: re.Match[str]) -> bool:
    """“…。”他说。 is one sentence: a closed quote followed by a short speech tag."""
    if match.group("end")[-1:] not in CLOSERS or match.group("space"):
        return False
    rest = paragraph[match.end() :]
    tail = CJK_BOUNDARY.search(rest)
    return tail is not None and tail.start() <= 12


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in PARAGRAPH.finditer(text):
        spans.append((match.start(), match.end()))
    return spans


def _is_boundary(
    text: str, start: int, match: re.Match[str], offset: int, abbrevs, language: str | None
) -> bool:
    punct = match.group("end")
    if not punct.startswith("."):
        return True
    before = text[start : offset + match.start("end")]
    word_match = WORD_BEFORE.search(before)
    word = word_match.group(1) if word_match else ""
    lowered = word.lower().rstrip(".")
    if lowered in abbrevs:
        return False
    if word.isdigit() and int(word) <= 31 and ordinal_dots(language):
        return False  # German "am 3. Oktober"
    if len(word) == 1 and word.isalpha() and word.isupper():
        return False  # an initial: "Kim J. Un"
    following = text[offset + match.end() : offset + match.end() + 2]
    first = following[:1]
    if first.islower():
        return False
    return not (word.isdigit() and first.isdigit())


def _add(sentences: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(start=start, end=end, paragraph=paragraph))
