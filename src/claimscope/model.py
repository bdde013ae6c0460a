"""Records passed between pipeline stages.

Plain dataclasses so every stage (and a notebook) can build and inspect them
without a database. Offsets are always character offsets into `Article.text`.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Stance = Literal["assert", "deny", "hedge"]
Kind = Literal["direct", "indirect", "according_to", "headline"]


@dataclass
class Article:
    """A normalised article as the read stage hands it on."""

    text: str
    origin: str  # file path, URL, "stdin", or "archive.zip!member"
    format: str  # text | markdown | html | feed | jsonl
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    byline: str | None = None
    published: str | None = None  # ISO date or datetime
    published_source: str | None = None  # where the date came from
    language: str | None = None
    source_id: str | None = None  # id given by the source (jsonl id, feed guid)

    @property
    def id(self) -> str:
        """Content hash: the same text (and title) is the same article."""
        return content_hash(self.title or "", self.text)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["id"] = self.id
        return data


def content_hash(title: str, text: str) -> str:
    normalised = " ".join(text.split())
    digest = hashlib.sha256(f"{title.strip()}\n{normalised}".encode())
    return digest.hexdigest()[:24]


@dataclass
class Sentence:
    start: int
    end: int
    language: str | None = None
    paragraph: int = 0


@dataclass
class Statement:
    """Who said what, with the speaker's stance; offsets point into the article."""

    speaker: str | None  # the mention as written; None when unnamed
    cue: str | None
    kind: str  # direct | indirect | according_to | headline
    stance: str  # assert | deny | hedge
    content: str
    start: int  # content offsets
    end: int
    sentence_start: int
    sentence_end: int
    speaker_name: str | None = None  # full name when the article gives it
    role: str | None = None
    affiliation: str | None = None
    anonymous: bool = False
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    parent: int | None = None  # index of the statement that reports this one
    language: str | None = None
    date: str | None = None  # filled by linking
    date_source: str | None = None  # text, text-approx, published; "-estimated": no pub date
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Analysis:
    """Everything the per-article analysis stage produces."""

    article_id: str
    language: str | None
    sentences: list[Sentence]
    statements: list[Statement]
    paragraph_languages: list[tuple[int, int, str]] = field(default_factory=list)
    version: int = 1


@dataclass
class ReadError:
    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"
