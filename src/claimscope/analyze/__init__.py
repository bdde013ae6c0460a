"""Analyze stage: per article, pure and parallel — language, sentences, statements.

Nothing here touches the database, so articles can be analysed in worker
processes or on a Dask cluster and written by one process.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

from claimscope.analyze.language import detect_language, paragraph_languages
from claimscope.analyze.sentences import split_sentences
from claimscope.model import Analysis, Article

ANALYSIS_VERSION = 1


def analyze_article(article: Article) -> Analysis:
    from claimscope.analyze.attribution import extract_statements

    language = article.language or detect_language(article.text)[0]
    mixed = paragraph_languages(article.text, language)
    sentences = split_sentences(article.text, language)
    for sentence in sentences:
        sentence.language = _language_at(sentence.start, mixed) or language
    statements = extract_statements(article.text, sentences, language, title=article.title)
    for statement in statements:
        statement.language = statement.language or _language_at(statement.start, mixed) or language
    return Analysis(
        article_id=article.id,
        language=language,
        sentences=sentences,
        statements=statements,
        paragraph_languages=mixed,
        version=ANALYSIS_VERSION,
    )


def _language_at(offset: int, spans: list[tuple[int, int, str]]) -> str | None:
    for start, end, code in spans:
        if start <= offset < end:
            return code
    return None


def _analyze_batch(articles: list[Article]) -> list[Analysis]:
    return [analyze_article(a) for a in articles]


def analyze_many(
    articles: Iterable[Article], workers: int = 1, chunk: int = 64, executor: str = "local"
) -> Iterator[tuple[Article, Analysis]]:
    """Analyse in order, in `workers` processes (or on Dask), yielding as batches finish."""
    batch: list[Article] = []
    if workers <= 1 and executor == "local":
        for article in articles:
            yield article, analyze_article(article)
        return
    if executor == "dask":
        yield from _analyze_dask(articles, chunk)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending = []
        for article in articles:
            batch.append(article)
            if len(batch) >= chunk:
                pending.append((batch, pool.submit(_analyze_batch, batch)))
                batch = []
                if len(pending) >= workers * 2:
                    done_batch, future = pending.pop(0)
                    yield from zip(done_batch, future.result(), strict=True)
        if batch:
            pending.append((batch, pool.submit(_analyze_batch, batch)))
        for done_batch, future in pending:
            yield from zip(done_batch, future.result(), strict=True)


def _analyze_dask(articles: Iterable[Article], chunk: int) -> Iterator[tuple[Article, Analysis]]:
    """Runs on the Dask cluster named by DASK_SCHEDULER_ADDRESS (a local one otherwise)."""
    import os

    from dask.distributed import Client, LocalCluster

    address = os.environ.get("DASK_SCHEDULER_ADDRESS")
    if address:
        client = Client(address)
    else:
        cluster = LocalCluster(
            n_workers=os.cpu_count() or 1, threads_per_worker=1, dashboard_address=None
        )
        client = Client(cluster)
    try:
        batch: list[Article] = []
        futures = []
        for article in articles:
            batch.append(article)
            if len(batch) >= chunk:
                futures.append((batch, client.submit(_analyze_batch, batch, pure=False)))
                batch = []
        if batch:
            futures.append((batch, client.submit(_analyze_batch, batch, pure=False)))
        for done_batch, future in futures:
            yield from zip(done_batch, future.result(), strict=True)
    finally:
        client.close()
        if not address:
            cluster.close()
