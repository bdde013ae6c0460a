"""Analysis gives the same result in one process, in a process pool, and on Dask."""

from __future__ import annotations

import pytest

from claimscope.analyze import analyze_many
from claimscope.demo.synthetic import generate
from claimscope.model import Article


def _articles(count: int) -> list[Article]:
    return [
        Article(
            text=r["text"],
            origin=r["id"],
            format="jsonl",
            title=r["title"],
            language=r["language"],
            published=r["published"],
        )
        for r in generate(count, seed=3)
    ]


def _signature(results) -> list[tuple]:
    return [
        (
            article.id,
            len(a.sentences),
            [(s.speaker, s.stance, s.start, s.end) for s in a.statements],
        )
        for article, a in results
    ]


def test_process_pool_matches_serial() -> None:
    articles = _articles(40)
    serial = _signature(analyze_many(articles, workers=1))
    pooled = _signature(analyze_many(articles, workers=2, chunk=7))
    assert pooled == serial
    assert sum(n for _, n, _ in serial) > 200


def test_dask_local_cluster_matches_serial() -> None:
    pytest.importorskip("dask.distributed")
    articles = _articles(12)
    serial = _signature(analyze_many(articles, workers=1))
    on_dask = _signature(analyze_many(articles, executor="dask", chunk=5))
    assert on_dask == serial
