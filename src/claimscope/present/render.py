"""Jinja2 environment, filters and link schemes shared by the report and the web app.

Autoescape is always on: article text, titles, speaker names and URLs come
from the open web. The only markup that bypasses escaping is built here or in
charts.py, from escaped pieces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import quote, urlsplit

from jinja2 import Environment, PackageLoader
from markupsafe import Markup, escape

from claimscope.present import data
from claimscope.present.charts import MONTHS

SYMBOLS = {"assert": "✓", "deny": "✗", "hedge": "~"}
UNSAFE_URL_CHARS = re.compile(r"[\x00-\x20\x7f<>\"'`\\]")


def safe_url(url: str | None) -> str | None:
    """The URL if it is a plain http(s) link; anything else (javascript:, data:) is text only."""
    if not url or len(url) > 4000 or UNSAFE_URL_CHARS.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def fmt_day(day: str | None) -> str:
    if not day or not data.DAY.match(day):
        return "no date"
    year, month, dd = day[:10].split("-")
    return f"{int(dd)} {MONTHS[int(month) - 1]} {year}"


def snippet(text: str | None) -> Markup:
    """Escape a search snippet, then turn its private-use match markers into <mark>."""
    escaped = str(escape(data.plain(text)))
    return Markup(escaped.replace("\ue000", "<mark>").replace("\ue001", "</mark>"))


def pathq(value: Any) -> str:
    return quote(str(value), safe="")


@cache
def static_text(name: str) -> str:
    return resources.files("claimscope.present").joinpath("static", name).read_text("utf-8")


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("claimscope.present", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        safe_url=safe_url, day=fmt_day, lang_name=data.language_name, plain=data.plain,
        snippet=snippet, pathq=pathq, country=data.country_name,
    )  # fmt: skip
    env.globals.update(symbols=SYMBOLS, stances=data.STANCES)
    return env


@dataclass
class ReportLinks:
    """In-page anchors: the report is one file, so every link stays inside it."""

    rendered: set[int] = field(default_factory=set)
    mode: str = "report"

    def story(self, key: str) -> str:
        return f"#story-{key}"

    def actor(self, key: str) -> str | None:
        return None

    def claim(self, key: str) -> str | None:
        return None

    def article(self, article_id: str) -> str:
        return f"#art-{article_id}"

    def statement(self, row: dict[str, Any]) -> str:
        if row["id"] in self.rendered:
            return f"#st-{row['id']}"
        return self.article(row["article_id"])


@dataclass
class WebLinks:
    """Server pages: evidence is the article view scrolled to the statement."""

    mode: str = "web"

    def story(self, key: str) -> str:
        return f"/story/{pathq(key)}"

    def actor(self, key: str) -> str | None:
        return f"/actor/{pathq(key)}"

    def claim(self, key: str) -> str | None:
        return f"/claim/{pathq(key)}"

    def article(self, article_id: str) -> str:
        return f"/article/{pathq(article_id)}"

    def statement(self, row: dict[str, Any]) -> str:
        return f"/article/{pathq(row['article_id'])}#st-{row['id']}"
