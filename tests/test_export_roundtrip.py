"""Exported offsets point at the evidence: text[start:end] == content, in every format.

Also checks the ClaimReview JSON-LD: one review per claim, appearances with
http(s) URLs only, and a rating that says it is not a verdict.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from claimscope.model import Analysis, Article, Sentence, Statement
from claimscope.present.export import export
from claimscope.store import Store
from test_report import add_hostile, build_db

FORMATS = ("jsonl", "csv", "parquet")


def add_tricky(path: Path) -> None:
    """Offsets after astral characters, combining marks, CRLF and right-to-left text."""
    text = (
        "Emoji 🛰️🚀 first.\r\nThen e\u0301te\u0301 and 한국어.\r\n"
        'قال المتحدث "لا صحة لذلك" اليوم. "Rockets 🚀 were fired," she said.'
    )
    article = Article(
        text=text,
        origin="test:tricky",
        format="text",
        title="Tricky 🚀",
        url="https://tricky.example/",
        language="ar",
        published="2025-05-05",
    )
    statements = []
    for content, stance in (
        ("لا صحة لذلك", "deny"),
        ("Rockets 🚀 were fired,", "assert"),
        ("e\u0301te\u0301 and 한국어", "hedge"),
    ):
        start = text.index(content)
        statements.append(Statement(
            speaker="someone", cue="said", kind="direct", stance=stance, content=content,
            start=start, end=start + len(content), sentence_start=0, sentence_end=len(text),
        ))  # fmt: skip
    with Store(path) as store:
        store.add_article(article, Analysis(article.id, "ar", [Sentence(0, len(text))], statements))


def read_back(path: Path, fmt: str) -> list[dict]:
    if fmt == "jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    if fmt == "csv":
        csv.field_size_limit(1 << 30)  # the hostile article's 1 MB line is one field
        with path.open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))
    import pyarrow.parquet as pq

    return pq.read_table(path).to_pylist()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = build_db(tmp_path / "export.db", linked=True)
    add_tricky(path)
    add_hostile(path)
    return path


@pytest.mark.parametrize("fmt", FORMATS)
def test_statement_offsets_point_at_content(db: Path, tmp_path: Path, fmt: str) -> None:
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    with Store(db, readonly=True) as store:
        expected = store.count("statements")
        n_articles = export(store, "articles", fmt, str(tmp_path / f"a.{fmt}"))
        n_statements = export(store, "statements", fmt, str(tmp_path / f"s.{fmt}"))
    assert n_statements == expected
    texts = {a["id"]: a["text"] for a in read_back(tmp_path / f"a.{fmt}", fmt)}
    assert len(texts) == n_articles
    statements = read_back(tmp_path / f"s.{fmt}", fmt)
    assert len(statements) == expected
    for row in statements:
        text = texts[row["article_id"]]
        start, end = int(row["start"]), int(row["end"])
        assert text[start:end] == row["content"], (fmt, row["id"])
        assert int(row["sentence_start"]) <= start <= end <= int(row["sentence_end"]) <= len(text)


def test_claimreview_jsonld(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "claims.jsonld"
    with Store(db, readonly=True) as store:
        count = export(store, "claims", "claimreview", str(out))
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["@context"] == "https://schema.org"
    reviews = document["@graph"]
    assert len(reviews) == count >= 2
    linked = next(r for r in reviews if r["identifier"] == "claimscope:c:1")
    assert linked["@type"] == "ClaimReview"
    assert linked["claimReviewed"] == "Kestria supplies attack drones to Doravia"
    item = linked["itemReviewed"]
    assert item["@type"] == "Claim" and item["author"]["name"] == "Elena Varga"
    assert item["firstAppearance"]["datePublished"] == "2025-02-11"
    assert item["datePublished"] == "2025-02-11" == linked["datePublished"]
    assert item["firstAppearance"]["url"] == "https://harbour-courier.example/drones"
    assert len(item["appearance"]) == 5
    rating = linked["reviewRating"]
    assert (
        "ratingValue" not in rating
        and "not a fact-check verdict" in rating["alternateName"].lower()
    )
    assert "Tomas Brandt: assert" in rating["ratingExplanation"]
    for review in reviews:  # javascript: and data: URLs never become appearance URLs
        for work in review["itemReviewed"]["appearance"]:
            assert work.get("url", "https://").startswith(("http://", "https://"))


def test_claimreview_only_for_claims(db: Path) -> None:
    with Store(db, readonly=True) as store, pytest.raises(ValueError):
        export(store, "statements", "claimreview", None)


def test_real_pipeline_offsets(tmp_path: Path) -> None:
    """The demo corpus through the real extractor: its offsets must hold too."""
    pytest.importorskip("claimscope.analyze.attribution")
    from importlib import resources

    from claimscope.api import Claimscope

    corpus = resources.files("claimscope.demo").joinpath("corpus")
    with resources.as_file(corpus) as folder, Claimscope(tmp_path / "demo.db") as cs:
        cs.ingest([str(folder)], workers=1, link=False)
        texts = {a["id"]: a["text"] for a in cs.articles()}
        rows = cs.statements()
    assert rows
    for row in rows:
        assert texts[row["article_id"]][row["start"] : row["end"]] == row["content"]
