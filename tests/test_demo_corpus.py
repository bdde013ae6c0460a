"""The bundled demo corpus reads back with the metadata its gold file records."""

from __future__ import annotations

import json
from importlib import resources

from claimscope.model import Article
from claimscope.read import read_inputs


def _gold_key(origin: str) -> str:
    name = origin.split("corpus/")[-1]
    if ".jsonl:" in name:
        file, line = name.rsplit(":", 1)
        return f"{file}#{int(line) - 1}"
    return name


def test_demo_corpus_metadata_matches_gold() -> None:
    demo = resources.files("claimscope.demo")
    gold = json.loads(demo.joinpath("gold.json").read_text(encoding="utf-8"))
    with resources.as_file(demo.joinpath("corpus")) as corpus:
        items = list(read_inputs([str(corpus)]))
    assert all(isinstance(i, Article) for i in items)
    articles = {_gold_key(a.origin): a for a in items}
    assert set(articles) == set(gold)
    languages = {g["language"] for g in gold.values()}
    assert len(languages) >= 6 and len(articles) >= 15
    for key, expected in gold.items():
        article = articles[key]
        assert article.language == expected["language"], key
        assert (article.published or "")[:10] == expected["published"], key
        if expected.get("url"):
            assert article.url == expected["url"], key
        if expected.get("title"):
            assert article.title == expected["title"], key
        for statement in expected["statements"]:
            assert statement["quote"] in article.text, (key, statement["quote"])
