"""Language identification for articles and paragraphs.

py3langid is fast and good on paragraphs; the writing system settles the cases
it confuses on short text (Korean, Japanese kana, Chinese, Vietnamese marks).
"""

from __future__ import annotations

import re
from functools import cache

HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")
KANA = re.compile(r"[\u3040-\u30ff]")
HAN = re.compile(r"[\u4e00-\u9fff]")
ARABIC = re.compile(r"[\u0600-\u06ff]")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
UKRAINIAN_LETTERS = re.compile(r"[їєґі]", re.IGNORECASE)
VIETNAMESE_MARKS = re.compile(r"[ơưđăạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.I)
LETTER = re.compile(r"\w", re.UNICODE)

# Languages the detector may answer; others are too often false friends on news text.
DEFAULT_LANGUAGES = (
    "en", "pt", "es", "fr", "de", "it", "nl", "ru", "uk", "vi", "id", "ms", "ar", "fa",
    "zh", "ko", "ja", "tr", "pl", "ro", "cs", "sv", "no", "da", "fi", "el", "he", "hi",
    "th", "hu", "bg", "sr", "hr", "ca", "tl",
)  # fmt: skip


@cache
def _identifier():
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(DEFAULT_LANGUAGES))
    return identifier


def detect_language(text: str) -> tuple[str | None, float]:
    """Return (ISO 639-1 code, confidence); (None, 0.0) when there is too little text."""
    sample = text[:5000]
    letters = len(LETTER.findall(sample))
    if letters < 3:
        return None, 0.0
    by_script = _script_language(sample, letters)
    if by_script:
        return by_script, 0.99
    code, probability = _identifier().classify(sample)
    if code == "ms":
        code = "id"
    return code, float(probability)


def _script_language(sample: str, letters: int) -> str | None:
    hangul = len(HANGUL.findall(sample))
    kana = len(KANA.findall(sample))
    han = len(HAN.findall(sample))
    if hangul / letters > 0.2:
        return "ko"
    if kana and (kana + han) / letters > 0.2:
        return "ja"
    if han / letters > 0.2:
        return "zh"
    if len(VIETNAMESE_MARKS.findall(sample)) / letters > 0.03:
        return "vi"
    cyrillic = len(CYRILLIC.findall(sample))
    if cyrillic / letters > 0.5:
        return "uk" if UKRAINIAN_LETTERS.search(sample) else None
    if len(ARABIC.findall(sample)) / letters > 0.5 and not re.search("[پچژگ]", sample):
        return "ar"
    return None


def paragraph_languages(text: str, article_language: str | None) -> list[tuple[int, int, str]]:
    """Spans of paragraphs whose language differs from the article's (mixed articles)."""
    spans: list[tuple[int, int, str]] = []
    position = 0
    for paragraph in text.split("\n\n"):
        start = text.find(paragraph, position)
        end = start + len(paragraph)
        position = end
        if len(paragraph) < 60:
            continue
        code, confidence = detect_language(paragraph)
        if code and code != article_language and confidence > 0.9:
            spans.append((start, end, code))
    return spans
