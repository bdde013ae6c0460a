"""Train the English attribution tagger (CRF, BIO tags CUE/SRC/CON) on PolNeAR train.

Reads ../shared/datasets/polnear/train (never dev), builds one token sequence
per unit (sentence, or sentences joined by a quotation) with the features of
`claimscope.analyze.learned_attribution`, and trains python-crfsuite (L-BFGS,
fixed settings, deterministic). Gold: the first annotator's file per article,
spans joined over fragments, overlaps resolved cue > source > innermost content.

    .venv/bin/python scripts/train_attribution_en.py --select   # grid on a held-out fold
    .venv/bin/python scripts/train_attribution_en.py --decisions  # decision settings, fold 0
    .venv/bin/python scripts/train_attribution_en.py --cv 5     # k-fold figures, chosen settings
    .venv/bin/python scripts/train_attribution_en.py            # final model on all of train

Only feature weights are written (src/claimscope/analyze/models/); no text.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import lzma
import random
import tempfile
import time
from pathlib import Path

import pycrfsuite

from claimscope.analyze import learned_attribution as la
from claimscope.analyze.attribution import TOKEN, analyse_units, extract_statements, unit_inputs
from claimscope.analyze.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = 13
C1, C2, ITERATIONS = 0.05, 0.01, 150

_spec = importlib.util.spec_from_file_location("bench_polnear", ROOT / "bench" / "bench_polnear.py")
assert _spec and _spec.loader
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)
bench.DATA = SHARED / "datasets" / "polnear"

Article = tuple[str, str, dict[str, list[tuple[int, int]]]]
Seq = tuple[list[list[str]], list[str]]


def gold_tags(toks: list[la.Tok], gold: dict[str, list[tuple[int, int]]]) -> list[str]:
    """BIO tags for a unit's tokens: cue over source over the innermost content."""
    tags = ["O"] * len(toks)
    owner: list[tuple[int, int] | None] = [None] * len(toks)
    for k, (ts, _te, _w) in enumerate(toks):
        for lab, key in (("CUE", "Cue"), ("SRC", "Source")):
            hit = [sp for sp in gold.get(key, []) if sp[0] <= ts < sp[1]]
            if hit:
                tags[k], owner[k] = lab, min(hit, key=lambda sp: sp[1] - sp[0])
                break
        else:
            hit = [sp for sp in gold.get("Content", []) if sp[0] <= ts < sp[1]]
            if hit:
                tags[k], owner[k] = "CON", min(hit, key=lambda sp: sp[1] - sp[0])
    out = []
    for k, tag in enumerate(tags):
        if tag == "O":
            out.append("O")
        elif k and tags[k - 1] == tag and owner[k - 1] == owner[k]:
            out.append(f"I-{tag}")
        else:
            out.append(f"B-{tag}")
    return out


def cue_counts(articles: list[Article], min_seen: int = 5) -> dict[str, list[int]]:
    """Per word stem: [times inside a gold cue, times seen], over these articles only.

    Kept: stems seen at least `min_seen` times and inside a cue at least twice (a few
    hundred words and counts, no text)."""
    counts: dict[str, list[int]] = {}
    for _name, text, gold in articles:
        toks = [(m.start(), m.end(), m.group(0)) for m in TOKEN.finditer(text)]
        for (_s, _e, w), tag in zip(toks, gold_tags(toks, gold), strict=True):
            c = counts.setdefault(la.stem(w.lower()), [0, 0])
            c[0] += tag.endswith("CUE")
            c[1] += 1
    return {k: v for k, v in sorted(counts.items()) if v[1] >= min_seen and v[0] >= 2}


def sequences(articles: list[Article]) -> list[Seq]:
    """(features, tags) per unit of every article, with the product's sentence split."""
    out = []
    for _name, text, gold in articles:
        lang, quotes, units = analyse_units(text, split_sentences(text, "en"), "en")
        for start, end, _head, found in units:
            toks, feats = unit_inputs(text, start, end, found, lang, quotes)
            if toks:
                out.append((feats, gold_tags(toks, gold)))
    return out


def train(seqs: list[Seq], path: Path, c1: float | None = None, c2: float | None = None) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for x, y in seqs:
        trainer.append(x, y)
    trainer.set_params(
        {
            "c1": C1 if c1 is None else c1,
            "c2": C2 if c2 is None else c2,
            "max_iterations": ITERATIONS,
            "feature.possible_transitions": True,
            "feature.minfreq": 1,
        }
    )
    trainer.train(str(path))


def score(articles: list[Article], learned: bool) -> dict[str, float]:
    """Overlap and exact F1 (and P/R) per span type, as bench/bench_polnear.py counts them."""
    counts = {(lab, m): [0, 0, 0] for lab in ("Cue", "Source", "Content") for m in ("ex", "ov")}
    for _name, text, gold in articles:
        sts = extract_statements(text, split_sentences(text, "en"), "en", learned=learned)
        pred: dict[str, set[tuple[int, int]]] = {"Cue": set(), "Source": set(), "Content": set()}
        for st in sts:
            if st.speaker_start is not None and st.speaker_end is not None:
                pred["Source"].add((st.speaker_start, st.speaker_end))
            if st.cue_start is not None and st.cue_end is not None:
                pred["Cue"].add((st.cue_start, st.cue_end))
            pred["Content"].add((st.start, st.end))
        for lab in ("Cue", "Source", "Content"):
            for m in ("ex", "ov"):
                hits = bench.match(text, sorted(pred[lab]), gold[lab], m == "ex")
                c = counts[(lab, m)]
                c[0] += hits
                c[1] += len(pred[lab])
                c[2] += len(gold[lab])
    res = {}
    for (lab, m), (h, npred, ngold) in counts.items():
        p, r, f = bench.prf(h, npred, h, ngold)
        res[f"{lab.lower()}_{m}_p"], res[f"{lab.lower()}_{m}_r"] = p, r
        res[f"{lab.lower()}_{m}_f"] = f
    return res


def folds(articles: list[Article], k: int) -> list[list[Article]]:
    order = list(range(len(articles)))
    random.Random(SEED).shuffle(order)
    return [[articles[i] for i in order[j::k]] for j in range(k)]


def fmt(res: dict[str, float]) -> str:
    return " ".join(
        f"{lab}:{res[f'{lab}_ov_f']:.3f}/{res[f'{lab}_ex_f']:.3f}"
        for lab in ("cue", "source", "content")
    )


DECISIONS = {  # (CUE_MARGINAL, SRC_OVERRIDE_PROB, FRAME_KEEP_PROB, CUE_MIN_PROB); >= 1.0: off
    "off": (1.0, 2.0, 2.0, 0.3),
    "marginal 0.4": (0.4, 2.0, 2.0, 0.3),
    "marginal 0.3 + override 0.8": (0.3, 0.8, 2.0, 0.3),
    "marginal 0.4 + override 0.8": (0.4, 0.8, 2.0, 0.3),
    "marginal 0.5 + override 0.8": (0.5, 0.8, 2.0, 0.3),
    "marginal 0.4 + override 0.6": (0.4, 0.6, 2.0, 0.3),
    "marginal 0.4 + override 0.8 + min_prob 0.2": (0.4, 0.8, 2.0, 0.2),
    "marginal 0.3 + override 0.8 + min_prob 0.2": (0.3, 0.8, 2.0, 0.2),
    "marginal 0.4 + override 0.8 + frame 0.7": (0.4, 0.8, 0.7, 0.3),
}


def decisions(articles: list[Article], path: Path) -> None:
    """Score the tagger's decision settings on fold 0, the model trained on folds 1-4."""
    parts = folds(articles, 5)
    rest = [a for p in parts[1:] for a in p]
    la.set_cue_lexicon(cue_counts(rest))
    if not path.exists():
        train(sequences(rest), path)
    la.set_model_path(path)
    for name, (marginal, override, frame, min_prob) in DECISIONS.items():
        la.CUE_MARGINAL, la.SRC_OVERRIDE_PROB, la.FRAME_KEEP_PROB = marginal, override, frame
        la.CUE_MIN_PROB = min_prob
        res = score(parts[0], True)
        print(
            f"{name}: {fmt(res)}  cue P {res['cue_ov_p']:.3f} R {res['cue_ov_r']:.3f}"
            f"  source P {res['source_ov_p']:.3f} R {res['source_ov_r']:.3f}",
            flush=True,
        )
    la.set_model_path(None)
    la.set_cue_lexicon(None)


def main() -> None:
    global C1, C2, ITERATIONS
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--select", action="store_true", help="grid on fold 0 of 5")
    parser.add_argument(
        "--decisions", action="store_true", help="decision-setting grid on fold 0 of 5"
    )
    parser.add_argument("--cv", type=int, default=0, help="k-fold figures with chosen settings")
    parser.add_argument("--out", default=str(la.MODEL_PATH))
    parser.add_argument("--model", help="with --decisions: score this fold-0 model, no training")
    parser.add_argument("--c1", type=float, default=C1)
    parser.add_argument("--c2", type=float, default=C2)
    parser.add_argument("--iterations", type=int, default=ITERATIONS)
    args = parser.parse_args()
    C1, C2, ITERATIONS = args.c1, args.c2, args.iterations
    t0 = time.perf_counter()
    articles = bench.load_split("train")
    print(f"{len(articles)} train articles", flush=True)
    tmp = Path(tempfile.mkdtemp())
    if args.decisions:
        decisions(articles, Path(args.model) if args.model else tmp / "fold0.crfsuite")
        return
    if args.select or args.cv:
        parts = folds(articles, 5 if args.select else args.cv)
        runs = range(1) if args.select else range(len(parts))
        grid = [(0.05, 0.01), (0.2, 0.01), (0.05, 0.1)] if args.select else [(C1, C2)]
        for j in runs:
            held = parts[j]
            rest = [a for i, p in enumerate(parts) if i != j for a in p]
            la.set_cue_lexicon(cue_counts(rest))
            seqs = sequences(rest)
            if j == 0:
                print(f"rules only: {fmt(score(held, False))}", flush=True)
            for c1, c2 in grid:
                path = tmp / f"m{j}_{c1}_{c2}.crfsuite"
                train(seqs, path, c1, c2)
                la.set_model_path(path)
                probs = (0.0, 0.3, 0.5, 0.7) if args.select else (la.CUE_MIN_PROB,)
                for p in probs:
                    for fb in (True, False) if args.select else (la.CONTENT_FALLBACK,):
                        la.CUE_MIN_PROB, la.CONTENT_FALLBACK = p, fb
                        res = score(held, True)
                        print(
                            f"fold {j} c1={c1} c2={c2} min_prob={p} fallback={fb}: {fmt(res)}"
                            f"  cue R {res['cue_ov_r']:.3f} P {res['cue_ov_p']:.3f}"
                            f"  [{time.perf_counter() - t0:.0f}s]",
                            flush=True,
                        )
        la.set_model_path(None)
        la.set_cue_lexicon(None)
        return
    out = Path(args.out)
    counts = cue_counts(articles)
    la.set_cue_lexicon(counts)
    lex_path = out.parent / la.LEXICON_PATH.name
    note = "PolNeAR 1.0 train: word stem -> [tokens inside a gold cue, tokens seen]"
    rows = ",\n".join(f"  {json.dumps(k)}: {json.dumps(v)}" for k, v in counts.items())
    lex_path.write_text(f'{{"source": {json.dumps(note)},\n"counts": {{\n{rows}\n}}}}\n')
    raw = out.with_suffix("") if out.suffix == ".xz" else out
    train(sequences(articles), raw)
    if out != raw:
        out.write_bytes(lzma.compress(raw.read_bytes(), preset=9))
        raw.unlink()
    size = out.stat().st_size
    print(f"wrote {args.out} ({size / 1e6:.2f} MB) in {time.perf_counter() - t0:.0f}s")


if __name__ == "__main__":
    main()
