"""One reader per input format, each turning decoded content into Articles.

Every reader yields `Article` or `ReadError` items so that one bad item (a feed
entry with no text, a malformed JSON line) never stops the rest of a file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import PurePosixPath
from urllib.parse import urlparse

from claimscope.analyze.language import detect_language
from claimscope.model import Article, ReadError
from claimscope.read.normalize import Normalized, normalize_text

Item = Article | ReadError
MIN_TEXT_CHARS = 20
HTML_SNIFF = re.compile(
    r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|article|div|p)\b", re.I | re.S
)
FEED_SNIFF = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.I | re.S
)
JSONL_FIELDS_TEXT = ("text", "maintext", "content", "body")


def sniff_format(name: str, head: str) -> str:
    suffix = PurePosixPath(name.lower()).suffix
    if suffix in (".jsonl", ".ndjson", ".json"):
        return "jsonl"
    if suffix in (".rss", ".atom") or FEED_SNIFF.match(head):
        return "feed"
    if suffix in (".html", ".htm", ".xhtml") or HTML_SNIFF.match(head):
        return "html"
    if suffix == ".xml":
        return "feed"
    if suffix in (".md", ".markdown"):
        return "markdown"
    stripped = head.lstrip()
    if stripped.startswith("{") and stripped.split("\n", 1)[0].rstrip().endswith("}"):
        return "jsonl"
    return "text"


def read_content(
    origin: str, text: str, fmt: str, declared_url: str | None = None
) -> Iterator[Item]:
    if fmt == "html":
        yield from read_html(origin, text, declared_url)
    elif fmt == "feed":
        yield from read_feed(origin, text)
    elif fmt == "jsonl":
        yield from read_jsonl(origin, text.splitlines())
    else:
        yield from read_text(origin, text, markdown=fmt == "markdown")


def read_text(origin: str, text: str, markdown: bool = False, **meta: str | None) -> Iterator[Item]:
    if markdown is False and re.search(r"^#{1,3} \S|\]\((?:#|https?:)[^)]*\)|\*\*\S", text, re.M):
        markdown = True
    normalized = normalize_text(text, markdown=markdown, date_parser=parse_date)
    yield finish(origin, "markdown" if markdown else "text", normalized, **meta)


def read_html(origin: str, html: str, declared_url: str | None = None) -> Iterator[Item]:
    import trafilatura

    if "<" not in html:
        yield ReadError(origin, "not HTML: no markup found")
        return
    try:
        document = trafilatura.bare_extraction(
            html,
            url=declared_url,
            with_metadata=True,
            include_comments=False,
            include_images=False,
            include_tables=False,
            favor_precision=True,
        )
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        yield ReadError(origin, f"unreadable HTML ({type(exc).__name__}: {exc})")
        return
    data = document.as_dict() if hasattr(document, "as_dict") else (document or {})
    body = data.get("text") or ""
    if len(body.strip()) < MIN_TEXT_CHARS:
        yield ReadError(origin, "no article text found in HTML")
        return
    title = _clean(data.get("title"))
    if title and body.startswith(title):
        body = body[len(title) :].lstrip("\n")
    normalized = normalize_text(body, date_parser=parse_date)
    lang_attr = re.search(r"<html[^>]*\blang=[\"']?([A-Za-z]{2,3})", html[:5000], re.I)
    yield finish(
        origin,
        "html",
        normalized,
        title=title or normalized.title,
        url=data.get("url") or declared_url,
        outlet=_clean(data.get("sitename")) or _host(data.get("url") or declared_url),
        byline=_clean(data.get("author")),
        published=data.get("date"),
        published_source="html-metadata" if data.get("date") else None,
        language_hint=lang_attr.group(1).lower() if lang_attr else None,
    )


def read_feed(origin: str, text: str) -> Iterator[Item]:
    import feedparser

    parsed = feedparser.parse(text)
    entries = parsed.get("entries", [])
    if not entries:
        reason = parsed.get("bozo_exception") or "no items"
        yield ReadError(origin, f"malformed or empty feed ({reason})")
        return
    outlet = _clean(parsed.get("feed", {}).get("title"))
    for number, entry in enumerate(entries):
        item_origin = f"{origin}#{number}"
        content = entry.get("content") or []
        html = content[0].get("value", "") if content else entry.get("summary", "")
        body = _html_to_text(html) if html else ""
        if len(body.strip()) < MIN_TEXT_CHARS:
            yield ReadError(item_origin, "feed item has no text")
            continue
        published = None
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        if stamp:
            year, month, day, hour, minute, second = stamp[:6]
            published = f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}Z"
        normalized = normalize_text(body, date_parser=parse_date)
        yield finish(
            item_origin,
            "feed",
            normalized,
            title=_clean(entry.get("title")),
            url=entry.get("link"),
            outlet=outlet or _host(entry.get("link")),
            byline=_clean(entry.get("author")),
            published=published,
            published_source="feed" if published else None,
            source_id=entry.get("id"),
        )


def read_jsonl(origin: str, lines) -> Iterator[Item]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        item_origin = f"{origin}:{number}"
        if line.startswith("\x00"):
            reason = "line too long" if line == "\x00too-long" else "binary content, not text"
            yield ReadError(item_origin, reason)
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadError(item_origin, f"malformed JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(record, dict):
            yield ReadError(item_origin, "JSON line is not an object")
            continue
        body = next((record[k] for k in JSONL_FIELDS_TEXT if isinstance(record.get(k), str)), "")
        if len(body.strip()) < MIN_TEXT_CHARS:
            yield ReadError(item_origin, "record has no text (expected 'text' or 'maintext')")
            continue
        published = record.get("published") or record.get("date_publish") or record.get("date")
        normalized = normalize_text(body, date_parser=parse_date)
        url = record.get("url")
        yield finish(
            item_origin,
            "jsonl",
            normalized,
            title=_clean(record.get("title")),
            url=url if isinstance(url, str) else None,
            outlet=_clean(record.get("source") or record.get("source_domain")) or _host(url),
            byline=_clean(_first(record.get("authors") or record.get("author"))),
            published=_iso(published),
            published_source="jsonl" if published else None,
            language_hint=_clean(record.get("language")),
            source_id=str(record["id"]) if record.get("id") is not None else None,
        )


def finish(origin: str, fmt: str, normalized: Normalized, **meta) -> Article:
    """Merge metadata (explicit metadata wins over text conventions) into an Article."""
    language_hint = meta.pop("language_hint", None)
    title = meta.get("title") or normalized.title
    body = normalized.text
    if title and not body.startswith(title):
        body = f"{title}\n\n{body}" if body else title
    language, _ = detect_language(body)
    if language is None and language_hint:
        language = language_hint.split("-")[0].lower()
    published = meta.get("published") or normalized.published
    source = meta.get("published_source") if meta.get("published") else normalized.published_source
    return Article(
        text=body,
        origin=origin,
        format=fmt,
        title=title,
        url=meta.get("url") or normalized.url,
        outlet=meta.get("outlet") or _host(meta.get("url") or normalized.url),
        byline=meta.get("byline") or normalized.byline,
        published=published,
        published_source=source,
        language=language,
        source_id=meta.get("source_id"),
    )


@cache
def _date_parser_settings() -> dict:
    return {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}


def parse_date(text: str) -> str | None:
    """A written-out date ('October 10, 2024', '14 de março de 2025') as ISO, else None."""
    import dateparser

    text = text.strip().strip("*_ ")
    if not text or len(text) > 60:
        return None
    try:
        value = dateparser.parse(text, settings=_date_parser_settings())
    except Exception:  # dateparser raises on odd inputs; a non-date is simply None
        return None
    return value.date().isoformat() if value else None


def _iso(value) -> str | None:
    if value is None or not isinstance(value, str | int | float):
        return None
    text = str(value).strip()
    if re.match(r"^\d{4}-\d{2}-\d{2}", text):
        return text[:10] if len(text) <= 10 else text.replace(" ", "T", 1)
    return parse_date(text)


def _html_to_text(html: str) -> str:
    if "<" not in html:
        return html
    from lxml import html as lxml_html

    try:
        root = lxml_html.fromstring(f"<div>{html}</div>")
    except Exception:  # lxml rejects some fragments; fall back to tag stripping
        return re.sub(r"<[^>]+>", " ", html)
    for bad in root.xpath("//script|//style|//figcaption|//figure"):
        bad.drop_tree()
    blocks = [b.text_content().strip() for b in root.xpath("//p|//li|//h1|//h2|//h3|//blockquote")]
    blocks = [b for b in blocks if b]
    return "\n\n".join(blocks) if blocks else root.text_content()


def _clean(value) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _first(value):
    if isinstance(value, list):
        return ", ".join(str(v) for v in value if v) or None
    return value


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.") or None
