"""Benchmark `classify_pairs` (what `claimscope stance --pairs` runs) on the FNC-1 test set.

    .venv/bin/python bench/bench_fnc1.py [--baseline] [--limit N] [--no-write]

Reads ../shared/datasets/fnc1 beside the repository, prints the official
weighted score, accuracy, per-class precision/recall/F1, macro-F1, the
confusion matrix and pairs/s, and writes the same table to docs/bench_fnc1.md.
`--baseline` adds an overlap-only baseline (TF-IDF cosine threshold for
related, everything related called `discusses`) to show what the model adds.
Also scores the invented multilingual pairs of tests/test_pairstance.py
(a denial, a support, a discussion and an unrelated text per language).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FNC1 = SHARED / "datasets" / "fnc1"
sys.path.insert(0, str(ROOT / "src"))

from claimscope.link.pairstance import (  # noqa: E402
    LABELS,
    MODEL_PATH,
    classify_pairs,
    fnc1_score,
    get_model,
    load_fnc1,
)
from claimscope.link.pairstance_features import Extractor  # noqa: E402


def metrics(gold: list[str], pred: list[str]) -> dict:
    conf = {g: {p: 0 for p in LABELS} for g in LABELS}
    for g, p in zip(gold, pred, strict=False):
        conf[g][p] += 1
    per = {}
    for lab in LABELS:
        tp = conf[lab][lab]
        n_pred = sum(conf[g][lab] for g in LABELS)
        n_gold = sum(conf[lab].values())
        prec = tp / n_pred if n_pred else 0.0
        rec = tp / n_gold if n_gold else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per[lab] = (prec, rec, f1, n_gold)
    return {
        "score": 100 * fnc1_score(gold, pred),
        "accuracy": sum(g == p for g, p in zip(gold, pred, strict=False)) / len(gold),
        "per": per,
        "macro_f1": sum(v[2] for v in per.values()) / len(LABELS),
        "confusion": conf,
    }


def table(name: str, m: dict, pairs_per_s: float | None) -> str:
    lines = [f"### {name}", ""]
    lines.append(
        f"- official weighted score: **{m['score']:.2f}%**  (accuracy {m['accuracy']:.4f}, "
        f"macro-F1 **{m['macro_f1']:.3f}**, denies F1 **{m['per']['denies'][2]:.3f}**)"
    )
    if pairs_per_s is not None:
        lines.append(f"- throughput: {pairs_per_s:.0f} pairs/s (features + model, 1 process)")
    lines += ["", "| class | precision | recall | F1 | gold |", "|---|---|---|---|---|"]
    for lab, (p, r, f, n) in m["per"].items():
        lines.append(f"| {lab} | {p:.3f} | {r:.3f} | {f:.3f} | {n} |")
    lines += ["", "| gold \\ predicted | " + " | ".join(LABELS) + " |", "|---" * 5 + "|"]
    for g in LABELS:
        lines.append(f"| {g} | " + " | ".join(str(m["confusion"][g][p]) for p in LABELS) + " |")
    return "\n".join(lines) + "\n"


def overlap_baseline(rows: list[tuple[str, str, str]], threshold: float = 0.1) -> list[str]:
    ext = Extractor(get_model().idf)
    X = ext.transform((h, b) for h, b, _ in rows)
    return ["discusses" if x[0] >= threshold else "unrelated" for x in X]


def multilingual_check() -> str:
    """Accuracy on the invented pairs of tests/test_pairstance.py, per language."""
    sys.path.insert(0, str(ROOT / "tests"))
    from test_pairstance import MULTILINGUAL  # type: ignore[import-not-found]

    lines = [
        "## Multilingual check (invented pairs, tests/test_pairstance.py)",
        "",
        "One denial, support, discussion and unrelated text per language. `auto`: claim and",
        "text in that language, language detected; `hint`: the same with `language=` given;",
        "`en claim`: the English claim against that language's texts (cross-language).",
        "",
        "| language | auto: correct | hint: correct | wrong (auto) | en claim: correct |",
        "|---|---|---|---|---|",
    ]
    tot = [0, 0, 0, 0]
    en_claim = MULTILINGUAL["en"][0]
    for lang, (claim, texts) in MULTILINGUAL.items():
        pairs = [(claim, t) for t in texts.values()]
        gold = list(texts)
        auto = [lab for lab, _ in classify_pairs(pairs)]
        hint = [lab for lab, _ in classify_pairs(pairs, language=lang)]
        ok_a = sum(g == p for g, p in zip(gold, auto, strict=True))
        ok_h = sum(g == p for g, p in zip(gold, hint, strict=True))
        cross = [lab for lab, _ in classify_pairs([(en_claim, t) for t in texts.values()])]
        ok_x = sum(g == p for g, p in zip(gold, cross, strict=True))
        wrong = ", ".join(f"{g}→{p}" for g, p in zip(gold, auto, strict=True) if g != p)
        n = len(gold)
        lines.append(f"| {lang} | {ok_a}/{n} | {ok_h}/{n} | {wrong or '—'} | {ok_x}/{n} |")
        tot = [tot[0] + ok_a, tot[1] + ok_h, tot[2] + n, tot[3] + ok_x]
    lines.append(f"| all | {tot[0]}/{tot[2]} | {tot[1]}/{tot[2]} | | {tot[3]}/{tot[2]} |")
    return "\n".join(lines) + "\n"


def cli_path(rows: list[tuple[str, str, str]], pred: list[str]) -> str:
    """Check that `stance_rows` (what `claimscope stance --pairs` runs) gives these labels."""
    from claimscope.link.track import stance_rows

    out = stance_rows([{"claim": h, "text": b} for h, b, _ in rows])
    same = sum(r["stance"] == p for r, p in zip(out, pred, strict=True))
    return (
        f"\n`claimscope stance --pairs` path (`stance_rows`): {same} of {len(rows)} labels"
        " identical to the table above.\n"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--baseline", action="store_true", help="also score an overlap-only baseline")
    ap.add_argument("--limit", type=int, default=0, help="first N pairs only (quick look)")
    ap.add_argument("--no-write", action="store_true", help="do not write docs/bench_fnc1.md")
    ap.add_argument(
        "--cli", action="store_true",
        help="also run the pairs through `claimscope stance --pairs`'s code and compare",
    )  # fmt: skip
    args = ap.parse_args()
    if not (FNC1 / "competition_test_stances.csv").exists():
        print(f"skipped: FNC-1 not found at {FNC1} (it lives in ../shared beside the repo)")
        return
    rows = load_fnc1(FNC1, "competition_test")
    if args.limit:
        rows = rows[: args.limit]
    gold = [lab for *_, lab in rows]
    get_model()  # load weights outside the timed part
    t0 = time.perf_counter()
    out = classify_pairs((h, b) for h, b, _ in rows)
    dt = time.perf_counter() - t0
    pred = [lab for lab, _ in out]
    size_kib = MODEL_PATH.stat().st_size / 1024
    md = [
        "# FNC-1 competition test: claim-text stance",
        "",
        f"{len(rows)} pairs, trained on FNC-1 train only; model `{MODEL_PATH.name}` "
        f"{size_kib:.0f} KiB. Labels: agree=supports, disagree=denies, discuss=discusses.",
        "Reference: FNC-1 winner 82.02% (macro-F1 0.578, disagree F1 0.035); "
        "organisers' baseline 75.20%.",
        "Produced by `bench/bench_fnc1.py`.",
        "",
        table("claimscope pairstance", metrics(gold, pred), len(rows) / dt),
    ]
    if args.baseline:
        md.append(
            table(
                "overlap-only baseline (cosine ≥ 0.1 → discusses)",
                metrics(gold, overlap_baseline(rows)),
                None,
            )
        )
    if args.cli:
        md.append(cli_path(rows, pred))
    md.append(multilingual_check())
    text = "\n".join(md)
    print(text)
    if not args.no_write and not args.limit:
        dest = ROOT / "docs" / "bench_fnc1.md"
        dest.parent.mkdir(exist_ok=True)
        dest.write_text(text, encoding="utf-8")
        print(f"wrote {dest}")


if __name__ == "__main__":
    main()
