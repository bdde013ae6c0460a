"""Attribution extraction against PolNeAR (English news, brat standoff).

Runs `extract_statements` on every article of a split and scores the
predicted source (speaker), cue and content spans against the annotated
Source / Cue / Content spans:

* exact: same span after trimming whitespace, quote marks and end punctuation
  on both sides (PolNeAR contents keep their quote marks, ours do not);
* overlap: the spans share at least one character (PARC's "overlap").

Matching is one-to-one and greedy in reading order. Where an article has
several annotators' files, the first one (sorted by name) is the gold. The
data stays in ../shared; no PolNeAR text is written anywhere.

Two rows per span: `rules` is `extract_statements(..., learned=False)`, `hybrid`
the product's default English path (rules plus the learned CRF tagger).

    .venv/bin/python bench/bench_polnear.py [--split dev] [--out docs/bench_polnear.md]
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path

from claimscope.analyze.attribution import extract_statements, learned_tagger
from claimscope.analyze.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "datasets" / "polnear"
TRIM = " \t\n\"'“”‘’«».,;:!?"
Span = tuple[int, int]


def load_split(split: str) -> list[tuple[str, str, dict[str, list[Span]]]]:
    """(name, text, {"Source": [...], "Cue": [...], "Content": [...]}) per article."""
    base = DATA / split
    anns: dict[str, list[Path]] = defaultdict(list)
    for path in sorted((base / "attributions").glob("*.ann")):
        stem = path.stem.rsplit("_", 1)[0]
        anns[stem].append(path)
    out = []
    for text_path in sorted((base / "text").glob("*.txt")):
        files = anns.get(text_path.stem)
        if not files:
            continue
        text = text_path.read_text(encoding="utf-8")
        out.append((text_path.stem, text, parse_ann(files[0].read_text(encoding="utf-8"))))
    return out


def parse_ann(raw: str) -> dict[str, list[Span]]:
    spans: dict[str, list[Span]] = defaultdict(list)
    for line in raw.splitlines():
        if not line.startswith("T"):
            continue
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        label, _, offsets = parts[1].partition(" ")
        if label not in ("Source", "Cue", "Content"):
            continue
        frags = [tuple(int(x) for x in frag.split()) for frag in offsets.split(";")]
        spans[label].append((min(f[0] for f in frags), max(f[1] for f in frags)))
    return spans


def trim(text: str, span: Span) -> Span:
    s, e = span
    while s < e and text[s] in TRIM:
        s += 1
    while e > s and text[e - 1] in TRIM:
        e -= 1
    return s, e


def match(text: str, pred: list[Span], gold: list[Span], exact: bool) -> int:
    used = [False] * len(gold)
    hits = 0
    for p in pred:
        tp = trim(text, p)
        for k, g in enumerate(gold):
            if used[k]:
                continue
            tg = trim(text, g)
            ok = tp == tg if exact else (p[0] < g[1] and g[0] < p[1])
            if ok:
                used[k] = True
                hits += 1
                break
    return hits


def predict(text: str, learned: bool = True) -> dict[str, list[Span]]:
    sentences = split_sentences(text, "en")
    statements = extract_statements(text, sentences, "en", learned=learned)
    out: dict[str, set[Span]] = {"Source": set(), "Cue": set(), "Content": set()}
    for st in statements:
        if st.speaker_start is not None and st.speaker_end is not None:
            out["Source"].add((st.speaker_start, st.speaker_end))
        if st.cue_start is not None and st.cue_end is not None:
            out["Cue"].add((st.cue_start, st.cue_end))
        out["Content"].add((st.start, st.end))
    return {k: sorted(v) for k, v in out.items()}


def prf(hits_p: int, n_pred: int, hits_g: int, n_gold: int) -> tuple[float, float, float]:
    p = hits_p / n_pred if n_pred else 0.0
    r = hits_g / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def run(split: str, learned: bool = True) -> tuple[list[list[str]], float, int]:
    articles = load_split(split)
    if articles and learned:
        predict(articles[0][1], learned)  # load the model before timing
    counts = {
        (lab, mode): [0, 0, 0, 0]
        for lab in ("Cue", "Source", "Content")
        for mode in ("exact", "overlap")
    }
    t0 = time.perf_counter()
    preds = [predict(text, learned) for _, text, _ in articles]
    elapsed = time.perf_counter() - t0
    for (_, text, gold), pred in zip(articles, preds, strict=True):
        for lab in ("Cue", "Source", "Content"):
            for mode in ("exact", "overlap"):
                c = counts[(lab, mode)]
                hits = match(text, pred[lab], gold[lab], mode == "exact")
                c[0] += hits
                c[1] += len(pred[lab])
                c[2] += hits
                c[3] += len(gold[lab])
    rows = []
    for lab in ("Cue", "Source", "Content"):
        for mode in ("exact", "overlap"):
            c = counts[(lab, mode)]
            p, r, f = prf(*c)
            rows.append(
                [
                    lab.lower(),
                    mode,
                    "hybrid" if learned else "rules",
                    f"{p:.3f}",
                    f"{r:.3f}",
                    f"{f:.3f}",
                    str(c[1]),
                    str(c[3]),
                ]
            )
    return rows, len(articles) / elapsed if elapsed else 0.0, len(articles)


def agreement() -> list[list[str]]:
    """Annotator against annotator on every multi-annotated article (train and dev).

    PolNeAR gives a few articles to several annotators; scoring each annotator's
    file against each other's with the same scorer shows how far from human
    agreement a system figure is.
    """
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    n_articles = 0
    for split in ("train", "dev"):
        base = DATA / split
        anns: dict[str, list[Path]] = defaultdict(list)
        for path in sorted((base / "attributions").glob("*.ann")):
            anns[path.stem.rsplit("_", 1)[0]].append(path)
        for stem, files in anns.items():
            text_path = base / "text" / f"{stem}.txt"
            if len(files) < 2 or not text_path.exists():
                continue
            n_articles += 1
            text = text_path.read_text(encoding="utf-8")
            parsed = [parse_ann(f.read_text(encoding="utf-8")) for f in files]
            for i, a in enumerate(parsed):
                for j, b in enumerate(parsed):
                    if i == j:
                        continue
                    for lab in ("Cue", "Source", "Content"):
                        for mode in ("exact", "overlap"):
                            c = counts[(lab, mode)]
                            c[0] += match(text, a[lab], b[lab], mode == "exact")
                            c[1] += len(a[lab])
                            c[2] += len(b[lab])
    rows = []
    for lab in ("Cue", "Source", "Content"):
        for mode in ("exact", "overlap"):
            hits, n_a, n_b = counts[(lab, mode)]
            _, _, f = prf(hits, n_a, hits, n_b)
            rows.append([lab.lower(), mode, f"{f:.3f}", str(n_articles)])
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", default="dev")
    parser.add_argument("--out", default=str(ROOT / "docs" / "bench_polnear.md"))
    args = parser.parse_args()
    if not DATA.exists():
        raise SystemExit(f"PolNeAR not found at {DATA}")
    if learned_tagger("en") is None:
        raise SystemExit("the learned model did not load; see the warning above")
    rows_rules, rate_rules, n = run(args.split, learned=False)
    rows_hybrid, rate_hybrid, _ = run(args.split, learned=True)
    rows = [r for pair in zip(rows_rules, rows_hybrid, strict=True) for r in pair]
    header = ["span", "match", "path", "precision", "recall", "F1", "predicted", "gold"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    table = "\n".join(lines)
    speed = (
        f"{n} articles; rules {rate_rules:.1f} articles/s, hybrid {rate_hybrid:.1f} articles/s "
        "(one core, including sentence splitting)"
    )
    print(f"PolNeAR {args.split}: {speed}\n")
    print(table)
    agree_header = ["span", "match", "annotator vs annotator F1", "articles"]
    agree_lines = ["| " + " | ".join(agree_header) + " |", "|" + "---|" * len(agree_header)]
    agree_lines += ["| " + " | ".join(r) + " |" for r in agreement()]
    agree_table = "\n".join(agree_lines)
    print("\nHuman agreement (multi-annotated articles, every ordered pair of annotators):\n")
    print(agree_table)
    if args.out:
        doc = (
            f"# Attribution on PolNeAR {args.split}\n\n"
            "Produced by `bench/bench_polnear.py`. `rules`: rule-based `extract_statements` "
            "(`learned=False`, English data file); `hybrid`: the product's English default, the "
            "rules plus the CRF tagger trained on PolNeAR train "
            "(`src/claimscope/analyze/models/README.md`). Dev was not used for any choice. "
            "Exact = same span after trimming quotes/punctuation; overlap = spans share a "
            "character; one-to-one greedy matching. Reference (PARC 3.0, different corpus): cue F1 "
            "82.3, source F1 82.0, content F1 59.3 exact / 83.3 overlap.\n\n"
            f"{speed}.\n\n{table}\n\n"
            "## Human agreement\n\n"
            "The same scorer, one annotator's file against another's, over every ordered pair "
            "of annotators on the articles PolNeAR had annotated several times (train and dev; "
            "mostly annotator-training articles): a rough ceiling for the figures above.\n\n"
            f"{agree_table}\n"
        )
        Path(args.out).write_text(doc, encoding="utf-8")


if __name__ == "__main__":
    main()
