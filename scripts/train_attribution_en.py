"""Train the English attribution tagger (CRF, BIO tags CUE/SRC/CON) on PolNeAR train.

Reads ../shared/datasets/polnear/train (never dev), builds one token sequence
per unit (sentence, or sentences joined by a quotation) with the features of
`claimscope.analyze.learned_attribution`, and trains python-crfsuite (L-BFGS,
fixed settings, deterministic). Gold: the first annotator's file per article,
spans joined over fragments, overlaps resolved cue > source > innermost content.

    .venv/bin/python scripts/train_attribution_en.py --select   # grid on a held-out fold
    .venv/bin/python scripts/train_attribution_en.py --decisions [--fold 1]  # decision settings
    .venv/bin/python scripts/train_attribution_en.py --cv 5     # k-fold figures, chosen settings
    .venv/bin/python scripts/train_attribution_en.py            # final model on all of train

Only feature weights are written (src/claimscope/analyze/models/); no text.
"""

from __future__ import annotations

import argparse
import importlib.util
import lzma
import random
import tempfile
import time
from pathlib import Path

import pycrfsuite

from claimscope.analyze import learned_attribution as la
from claimscope.analyze.attribution import analyse_units, unit_inputs
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


def train(seqs: list[Seq], path: Path, c1: float = C1, c2: float = C2) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for x, y in seqs:
        trainer.append(x, y)
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
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
        pred = bench.predict(text, learned=learned)
        for lab in ("Cue", "Source", "Content"):
            for m in ("ex", "ov"):
                hits = bench.match(text, pred[lab], gold[lab], m == "ex")
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


_ROUND1 = {
    "RULE_SUBJECT": False,
    "LETTER_LABELS": False,
    "TAGGER_REQUESTS": False,
}
DECISIONS = {  # learned_attribution settings per row; unnamed ones keep their shipped value
    "off": {
        "CUE_MARGINAL": 1.0,
        "SRC_OVERRIDE_PROB": 2.0,
        "SRC_OVERRIDE_OVERLAPPING": True,
        "CUE_VETO_PROB": 0.0,
        **_ROUND1,
    },
    "marginal 0.4 + override 0.8 (overlapping)": {
        "SRC_OVERRIDE_OVERLAPPING": True,
        "CUE_VETO_PROB": 0.0,
        **_ROUND1,
    },
    "  + veto 0.1": {"SRC_OVERRIDE_OVERLAPPING": True, "CUE_VETO_PROB": 0.1, **_ROUND1},
    "  + veto 0.2": {"SRC_OVERRIDE_OVERLAPPING": True, "CUE_VETO_PROB": 0.2, **_ROUND1},
    "  + veto 0.1 + override any (issue 3 round 1)": _ROUND1,
    "  + lone-letter sources dropped": {**_ROUND1, "LETTER_LABELS": True},
    "  + rule subject for sourceless tagged cues": {"TAGGER_REQUESTS": False},
    "  + tagged requests kept ('called for'; shipped)": {},
    "  frame keep 0.5 (a cue between a rule speaker and its cue)": {"FRAME_KEEP_PROB": 0.5},
    "  marginal 0.35": {"CUE_MARGINAL": 0.35},
}


def decisions(articles: list[Article], path: Path, held: int = 0) -> None:
    """Score the tagger's decision settings on fold `held`, the model trained on the others."""
    parts = folds(articles, 5)
    train([s for i, p in enumerate(parts) if i != held for s in sequences(p)], path)
    la.set_model_path(path)
    shipped = {k: getattr(la, k) for row in DECISIONS.values() for k in row}
    for name, row in DECISIONS.items():
        for key, value in {**shipped, **row}.items():
            setattr(la, key, value)
        res = score(parts[held], True)
        print(
            f"fold {held} {name}: {fmt(res)}  cue P {res['cue_ov_p']:.3f} R {res['cue_ov_r']:.3f}"
            f"  source P {res['source_ov_p']:.3f} R {res['source_ov_r']:.3f}",
            flush=True,
        )
    for key, value in shipped.items():
        setattr(la, key, value)
    la.set_model_path(None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--select", action="store_true", help="grid on fold 0 of 5")
    parser.add_argument(
        "--decisions", action="store_true", help="decision-setting grid on fold 0 of 5"
    )
    parser.add_argument("--fold", type=int, default=0, help="held-out fold for --decisions")
    parser.add_argument("--cv", type=int, default=0, help="k-fold figures with chosen settings")
    parser.add_argument("--out", default=str(la.MODEL_PATH))
    args = parser.parse_args()
    t0 = time.perf_counter()
    articles = bench.load_split("train")
    print(f"{len(articles)} train articles", flush=True)
    tmp = Path(tempfile.mkdtemp())
    if args.decisions:
        decisions(articles, tmp / f"fold{args.fold}.crfsuite", args.fold)
        return
    if args.select or args.cv:
        parts = folds(articles, 5 if args.select else args.cv)
        runs = range(1) if args.select else range(len(parts))
        grid = [(0.05, 0.01), (0.2, 0.01), (0.05, 0.1)] if args.select else [(C1, C2)]
        for j in runs:
            held = parts[j]
            rest = [a for i, p in enumerate(parts) if i != j for a in p]
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
        return
    out = Path(args.out)
    raw = out.with_suffix("") if out.suffix == ".xz" else out
    train(sequences(articles), raw)
    if out != raw:
        out.write_bytes(lzma.compress(raw.read_bytes(), preset=9))
        raw.unlink()
    size = out.stat().st_size
    print(f"wrote {args.out} ({size / 1e6:.2f} MB) in {time.perf_counter() - t0:.0f}s")


if __name__ == "__main__":
    main()
