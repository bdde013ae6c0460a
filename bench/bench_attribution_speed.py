"""Attribution speed: articles per second on one core, on seed-sized articles.

Uses the five seed articles from ../shared (when present) plus invented
articles of the same size in each language family, repeats them, and times
`extract_statements` alone and with `split_sentences`. Language data is
compiled before timing (it is compiled once per process in real runs).

    .venv/bin/python bench/bench_attribution_speed.py [--rounds 40] [--out docs/...md]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from claimscope.analyze.attribution import compiled, extract_statements
from claimscope.analyze.sentences import split_sentences
from claimscope.model import Article
from claimscope.read import read_inputs

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"

# Invented, seed-sized (about 500 words) in the style of a wire report.
PARAGRAPHS = [
    "The Kaldor government on Tuesday rejected reports that its navy had seized a cargo ship "
    "in the Strait of Veln, calling them “groundless and irresponsible”.",
    "“No vessel has been stopped, boarded or detained,” defence ministry spokesman Ilya "
    "Baranov told reporters in the capital. “These stories are fabricated.”",
    "The shipping company Norvista said in a statement that it had lost contact with the "
    "vessel on Sunday night and could not confirm where it was.",
    "According to two people familiar with the matter, the ship had been carrying fertiliser "
    "to a port in the south and had turned off its transponder.",
    "Baranov added that the navy had been conducting routine exercises in the area, which he "
    "said had been announced weeks in advance.",
    "The foreign ministry of neighbouring Sarn, however, said that satellite images showed "
    "two patrol boats alongside the freighter for several hours.",
    "“If these images are genuine, this is a serious breach of the law of the sea,” Sarn's "
    "foreign minister, Ada Mirel, wrote on social media.",
    "A senior official in Kaldor, speaking on condition of anonymity, denied that any boats "
    "had approached the ship and dismissed the images as “old pictures”.",
    "Maritime analysts have long said that the strait is one of the busiest and least policed "
    "waterways in the region, something both governments dispute.",
    "The International Maritime Office declined to comment, saying it was still gathering "
    "information from the flag state and the insurers.",
    "Mirel said she had asked Kaldor's ambassador for an explanation. “We expect a full answer "
    "within days,” she said.",
    "Norvista's chief executive, Paul Hendry, told the Harbour Times that the crew of 21 was "
    "believed to be safe, citing a brief radio message received on Monday.",
]


def corpus() -> list[tuple[str, str, str | None]]:
    docs: list[tuple[str, str, str | None]] = []
    if SEEDS.exists():
        for path in sorted(SEEDS.glob("*.txt")):
            for art in read_inputs([str(path)]):
                if isinstance(art, Article):
                    docs.append((art.text, art.language or "en", art.title))
    docs.append(("\n\n".join(PARAGRAPHS), "en", None))
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--out", default=str(ROOT / "docs" / "bench_attribution_speed.md"))
    args = parser.parse_args()
    docs = corpus()
    for _, lang, _ in docs:
        compiled(lang)
    words = sum(len(t.split()) for t, _, _ in docs) / len(docs)
    split = [(t, split_sentences(t, lang), lang, title) for t, lang, title in docs]
    n = len(docs) * args.rounds
    for text, sentences, lang, title in split:  # warm-up: regex caches, lazy imports
        extract_statements(text, sentences, lang, title)
    t0 = time.perf_counter()
    for _ in range(args.rounds):
        for text, sentences, lang, title in split:
            extract_statements(text, sentences, lang, title)
    only = n / (time.perf_counter() - t0)
    t0 = time.perf_counter()
    for _ in range(args.rounds):
        for text, lang, title in docs:
            extract_statements(text, split_sentences(text, lang), lang, title)
    both = n / (time.perf_counter() - t0)
    statements = sum(len(extract_statements(*d)) for d in split)
    table = (
        "| measure | articles/s (1 core) |\n|---|---|\n"
        f"| extract_statements | {only:.0f} |\n"
        f"| split_sentences + extract_statements | {both:.0f} |\n"
    )
    summary = (
        f"{len(docs)} articles (mean {words:.0f} words, {statements} statements in one pass), "
        f"{args.rounds} rounds, {n} calls; target ≥ 50 articles/s per core."
    )
    print(summary)
    print(table)
    if args.out:
        Path(args.out).write_text(
            "# Attribution speed\n\nProduced by `bench/bench_attribution_speed.py` (seeds from "
            f"../shared plus an invented article; rule-based, no spaCy).\n\n{summary}\n\n{table}",
            encoding="utf-8",
        )


if __name__ == "__main__":
    main()
