"""Stance of a text toward a claim: supports / denies / discusses / unrelated.

Two small gradient-boosted tree ensembles over dense features
(`pairstance_features`): one decides related vs unrelated, the other picks the
stance of related pairs. The trees ship as plain numpy arrays
(`models/pairstance.npz`) and are evaluated here with numpy alone, so inference
needs neither scikit-learn nor pickles nor a network. See
`models/README.md` and `scripts/train_pairstance.py` for how the weights were
trained (FNC-1 train only; every choice by cross-validation grouped by story).
"""

from __future__ import annotations

import csv
import json
import threading
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from claimscope.link.pairstance_features import FEATURE_NAMES, Extractor, Idf

LABELS = ("supports", "denies", "discusses", "unrelated")
STANCE_LABELS = ("supports", "denies", "discusses")  # order of the stance model's classes
FNC1_TO_LABEL = {
    "agree": "supports",
    "disagree": "denies",
    "discuss": "discusses",
    "unrelated": "unrelated",
}
MODEL_PATH = Path(__file__).with_name("models") / "pairstance.npz"

_LOCK = threading.Lock()
_MODEL: PairStanceModel | None = None


class TreeEnsemble:
    """Numpy evaluator for a scikit-learn HistGradientBoostingClassifier export."""

    def __init__(self, arrays: dict[str, np.ndarray], prefix: str) -> None:
        g = lambda k: arrays[f"{prefix}_{k}"]  # noqa: E731
        self.feature = g("feature").astype(np.intp)
        self.threshold = g("threshold").astype(np.float64)
        self.left = g("left").astype(np.intp)
        self.right = g("right").astype(np.intp)
        self.is_leaf = g("is_leaf").astype(bool)
        self.missing_left = g("missing_left").astype(bool)
        self.value = g("value").astype(np.float64)
        self.roots = g("roots").astype(np.intp)
        self.baseline = g("baseline").astype(np.float64).ravel()
        self.k = self.baseline.size

    def raw(self, X: np.ndarray) -> np.ndarray:
        X = np.asarray(X, dtype=np.float64)
        n = X.shape[0]
        out = np.tile(self.baseline, (n, 1))
        for t, root in enumerate(self.roots):
            node = np.full(n, root, dtype=np.intp)
            idx = np.arange(n)
            while idx.size:
                nd = node[idx]
                x = X[idx, self.feature[nd]]
                go_left = np.where(np.isnan(x), self.missing_left[nd], x <= self.threshold[nd])
                node[idx] = np.where(go_left, self.left[nd], self.right[nd])
                idx = idx[~self.is_leaf[node[idx]]]
            out[:, t % self.k] += self.value[node]
        return out

    def proba(self, X: np.ndarray) -> np.ndarray:
        r = self.raw(X)
        if self.k == 1:
            p = 1.0 / (1.0 + np.exp(-r[:, 0]))
            return np.stack([1.0 - p, p], axis=1)
        r = r - r.max(axis=1, keepdims=True)
        e = np.exp(r)
        return e / e.sum(axis=1, keepdims=True)


def export_hgb(clf: object, prefix: str) -> dict[str, np.ndarray]:
    """Flatten a fitted HistGradientBoostingClassifier into arrays (training side only)."""
    feats, thr, left, right, leaf, mleft, value, roots = [], [], [], [], [], [], [], []
    offset = 0
    for iteration in clf._predictors:  # type: ignore[attr-defined]
        for pred in iteration:
            nodes = pred.nodes
            roots.append(offset)
            feats.append(nodes["feature_idx"])
            thr.append(nodes["num_threshold"])
            left.append(nodes["left"].astype(np.int64) + offset)
            right.append(nodes["right"].astype(np.int64) + offset)
            leaf.append(nodes["is_leaf"])
            mleft.append(nodes["missing_go_to_left"])
            value.append(nodes["value"])
            offset += len(nodes)
    return {
        f"{prefix}_feature": np.concatenate(feats).astype(np.int16),
        f"{prefix}_threshold": np.concatenate(thr).astype(np.float64),
        f"{prefix}_left": np.concatenate(left).astype(np.int32),
        f"{prefix}_right": np.concatenate(right).astype(np.int32),
        f"{prefix}_is_leaf": np.concatenate(leaf).astype(np.uint8),
        f"{prefix}_missing_left": np.concatenate(mleft).astype(np.uint8),
        f"{prefix}_value": np.concatenate(value).astype(np.float32),
        f"{prefix}_roots": np.asarray(roots, dtype=np.int32),
        f"{prefix}_baseline": np.asarray(clf._baseline_prediction, dtype=np.float64).ravel(),  # type: ignore[attr-defined]
    }


_F = {name: i for i, name in enumerate(FEATURE_NAMES)}


def explicit_denial(X: np.ndarray) -> np.ndarray:
    """Rule for the product's main case, an affirmative claim met by an explicit denial.

    True when the claim has no negation/denial/refutation/hedge cue and the sentences
    most similar to it hold both a denial verb and a refutation phrase next to claim
    words ("the Kremlin denied reports that ..., calling them fake"). FNC-1 labels
    many such texts `discuss`, so the trees learn it weakly; on FNC-1 train the rule
    fires on 66 of ~13,600 related pairs (17 `disagree`).
    """
    if len(X) == 0:
        return np.zeros(0, dtype=bool)
    col = lambda name: X[:, _F[name]]  # noqa: E731
    head = sum(col(f"head_{c}_any") for c in ("deny", "refute", "negation", "hedge"))
    denial = col("near_deny_topmax") + col("near_deny_that_topmax")
    return (head == 0) & (denial > 0) & (col("near_refute_topmax") > 0)


class PairStanceModel:
    """Loaded weights plus the decision rule tuned by cross-validation on train."""

    def __init__(self, path: Path = MODEL_PATH) -> None:
        with np.load(path, allow_pickle=False) as z:
            arrays = {k: z[k] for k in z.files}
        meta = json.loads(str(arrays["meta"]))
        if meta["features"] != FEATURE_NAMES:
            raise ValueError(f"{path} was trained with other features; retrain it")
        self.meta = meta
        self.idf = Idf.from_uint8(arrays["idf_q"], float(arrays["idf_scale"]))
        self.related = TreeEnsemble(arrays, "rel")
        self.stance = TreeEnsemble(arrays, "st")
        # Second stage: denies vs the other related classes, with its own CV-chosen threshold.
        self.denies = TreeEnsemble(arrays, "dn") if "dn_roots" in arrays else None
        self.denies_threshold = float(meta.get("denies_threshold", 1.0))
        self.related_threshold = float(meta["related_threshold"])
        self.class_scale = np.asarray(meta["class_scale"], dtype=np.float64)

    def predict_features(self, X: np.ndarray) -> list[tuple[str, float]]:
        if len(X) == 0:
            return []
        p_rel = self.related.proba(X)[:, 1]
        q = self.stance.proba(X)
        q_scaled = q * self.class_scale
        q_scaled /= q_scaled.sum(axis=1, keepdims=True)
        explicit = explicit_denial(X)
        if self.denies is not None:
            p_dn = self.denies.proba(X)[:, 1]
            explicit = explicit | (p_dn > self.denies_threshold)
            # The stance model then only chooses between supports and discusses.
            rest = q_scaled * np.array([1.0, 0.0, 1.0])
            q_scaled = np.column_stack([rest[:, 0], p_dn, rest[:, 2]])
            q_scaled[:, [0, 2]] *= (1.0 - p_dn)[:, None] / rest.sum(axis=1, keepdims=True)
        out: list[tuple[str, float]] = []
        for pr, qs, deny in zip(p_rel, q_scaled, explicit, strict=False):
            if pr < self.related_threshold:
                out.append(("unrelated", float(1.0 - pr)))
            elif deny:
                out.append(("denies", float(pr * max(qs[1], 0.5))))
            else:
                k = 0 if qs[0] >= qs[2] else 2
                if self.denies is None:
                    k = int(np.argmax(qs))
                out.append((STANCE_LABELS[k], float(pr * qs[k])))
        return out

    def predict(
        self, pairs: Iterable[tuple[str, str]], language: str | None = None
    ) -> list[tuple[str, float]]:
        X = Extractor(self.idf, language).transform(pairs)
        return self.predict_features(X)


def get_model() -> PairStanceModel:
    """Load the shipped weights once per process."""
    global _MODEL
    with _LOCK:
        if _MODEL is None:
            _MODEL = PairStanceModel()
        return _MODEL


def classify_pairs(
    pairs: Iterable[tuple[str, str]], language: str | None = None
) -> list[tuple[str, float]]:
    """(label, confidence) for each (claim, text) pair.

    `language` (ISO 639-1) is the language of the texts; None detects it per text.
    Cue words come from that language's data files (`claimscope.lang` plus
    `link/data/stance_cues`); a claim is read with its own and the text's cues.
    Confidence is the model's probability of the returned label, in [0, 1].
    """
    return get_model().predict(pairs, language)


def classify(claim: str, text: str, language: str | None = None) -> tuple[str, float]:
    """Stance of one text toward one claim."""
    return classify_pairs([(claim, text)], language)[0]


def load_fnc1(folder: Path, split: str) -> list[tuple[str, str, str]]:
    """(headline, body, label) rows of FNC-1 `train` or `competition_test`, labels mapped."""
    prefix = "train" if split == "train" else "competition_test"
    with open(folder / f"{prefix}_bodies.csv", encoding="utf-8", newline="") as f:
        bodies = {row["Body ID"]: row["articleBody"] for row in csv.DictReader(f)}
    with open(folder / f"{prefix}_stances.csv", encoding="utf-8", newline="") as f:
        return [
            (row["Headline"], bodies[row["Body ID"]], FNC1_TO_LABEL[row["Stance"]])
            for row in csv.DictReader(f)
        ]


def fnc1_score(gold: list[str], pred: list[str]) -> float:
    """Official FNC-1 weighted score as a fraction of the best possible."""
    got = best = 0.0
    for g, p in zip(gold, pred, strict=False):
        g_rel, p_rel = g != "unrelated", p != "unrelated"
        best += 0.25 + (0.75 if g_rel else 0.0)
        if g_rel == p_rel:
            got += 0.25
            if g_rel and g == p:
                got += 0.75
    return got / best if best else 0.0
