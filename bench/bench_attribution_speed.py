"""Attribution speed: articles per second on one core, on seed-sized articles.

Uses the five seed articles from ../shared (when present) plus invented
articles of the same size in each language family, repeats them, and times
`extract_statements` alone and with `split_sentences`, on all articles and on
the English ones, for the rules alone (`learned=False`) and for the product
default (English adds the learned CRF tagger). Language data and the tagger
are loaded before timing (once per process in real runs).

    .venv/bin/python bench/bench_attribution_speed.py [--rounds 40] [--out docs/...md]
"""

from __future__ import annotations

import argparse
import statistics
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


def _time(
    docs: list[tuple[str, str, str | None]],
    split: list[tuple[str, list, str, str | None]],
    rounds: int,
    learned: bool,
) -> tuple[float, float, float, float]:
    """Articles/s: extract_statements alone, with split_sentences (wall), and per CPU-second.

    CPU rates are per round, median and best: on a shared machine a neighbour's job
    slows some rounds down (cache, frequency), and one total over all rounds mixes
    those in.
    """
    for text, sentences, lang, title in split:  # warm-up: regex caches, model load
        extract_statements(text, sentences, lang, title, learned=learned)
    n = len(docs) * rounds
    t0 = time.perf_counter()
    for _ in range(rounds):
        for text, sentences, lang, title in split:
            extract_statements(text, sentences, lang, title, learned=learned)
    only = n / (time.perf_counter() - t0)
    t0 = time.perf_counter()
    per_round: list[float] = []
    for _ in range(rounds):
        c0 = time.process_time()
        for text, lang, title in docs:
            extract_statements(text, split_sentences(text, lang), lang, title, learned=learned)
        per_round.append(len(docs) / max(time.process_time() - c0, 1e-9))
    both = n / (time.perf_counter() - t0)
    return only, both, statistics.median(per_round), max(per_round)


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
    rows = []
    for learned in (False, True):
        path = "rules + learned (en)" if learned else "rules only"
        for subset in ("all", "en"):
            sel = [d for d in docs if subset == "all" or d[1] == "en"]
            sel_split = [d for d in split if subset == "all" or d[2] == "en"]
            only, both, cpu, best = _time(sel, sel_split, args.rounds, learned)
            rows.append(
                f"| {path} | {subset} ({len(sel)}) | {only:.0f} | {both:.0f} | {cpu:.0f} "
                f"| {best:.0f} |"
            )
    statements = sum(len(extract_statements(*d)) for d in split)
    table = (
        "| path | articles | extract_statements (articles/s) "
        "| split_sentences + extract_statements | same, per CPU-second (median round) "
        "| same, best round |\n"
        "|---|---|---|---|---|---|\n" + "\n".join(rows) + "\n"
    )
    summary = (
        f"{len(docs)} articles (mean {words:.0f} words, {statements} statements in one pass), "
        f"{args.rounds} rounds; one process; target ≥ 50 articles/s per core. Wall-clock "
        "columns include waiting for the CPU when the machine is shared; the last two columns "
        "count this process's CPU time only, per round (median and best)."
    )
    print(summary)
    print(table)
    if args.out:
        Path(args.out).write_text(
            "# Attribution speed\n\nProduced by `bench/bench_attribution_speed.py` (seeds from "
            "../shared plus an invented article; rules alone and with the learned English CRF "
            f"tagger; no spaCy).\n\n{summary}\n\n{table}",
            encoding="utf-8",
        )


if __name__ == "__main__":
    main()
