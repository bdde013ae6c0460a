"""Copies and translations of one report (a wire story reprinted, rewritten, translated).

Candidates are articles of the same story published within a few days of each
other. Same language: MinHash over word shingles estimates text overlap.
Across languages: sentences of both articles are embedded and aligned (mutual
best matches clearly above the pair's own background), and the evidence is
confirmed by what survives translation — numbers ("1.\\n500" = "1,500"), names,
countries — and publication dates close together. Matches form `copy_groups`
whose original is the earliest article; the others are `copy` (same language as
the original) or `translation`.
"""

from __future__ import annotations

import json
import math
import re
import zlib
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

import numpy as np

from claimscope.analyze.sentences import split_sentences
from claimscope.link.embed import Calibration, Embedder, cached_vectors, from_blob, put_vector
from claimscope.link.stories import day_of, mentions

SHINGLE = 4
PERMUTATIONS = 64
MINHASH_MODEL = f"minhash{PERMUTATIONS}w{SHINGLE}"
COPY_JACCARD = 0.3  # estimated shingle Jaccard for a same-language copy
WINDOW_DAYS = 4
MAX_SENTENCES = 14
ARTICLE_Z = 2.0  # article-level calibrated similarity before aligning sentences
ALIGN_Z = 2.0  # calibrated similarity of an aligned sentence pair (at least)
ALIGN_SPREAD = 2.5  # ...and this many sd above the pair's median sentence similarity
# A rewrite keeps the order of what it translates: mutual best matches forming one
# monotone chain count as aligned under weaker similarity cuts when so long a chain is
# unlikely among that many matches in random order (or, in a short article, covers every
# sentence). Articles of ORDER_MIN+ sentences need that order to be translations at all:
# on bench/data/stories with dates ignored every gold translation pair has it and no
# same-story non-copy does, while 31 of those passed on names, numbers and 2-3 sentences.
ORDER_Z = 1.0  # calibrated similarity of a chained sentence pair (at least)
ORDER_SPREAD = 1.5  # ...and sd above the pair's median sentence similarity
ORDER_P = 0.01  # chance of a chain this long among the mutual matches in random order
ORDER_MIN = 3  # sentences in a chain (two in order are a coin toss)
ORDER_BONUS = 0.1  # significant order is evidence of its own
TRANSLATION_SCORE = 0.45

_rng = np.random.default_rng(20241022)
_A = (_rng.integers(1, 2**31 - 1, PERMUTATIONS, dtype=np.uint64) * 2 + 1).astype(np.uint64)
_B = _rng.integers(0, 2**32 - 1, PERMUTATIONS, dtype=np.uint64)
_WORD = re.compile(r"\w+", re.UNICODE)
_BROKEN_NUMBER = re.compile(r"(\d)[.,]\s*\n\s*(\d{3})\b")
_NUMBER = re.compile(r"\d+(?:[.,\u00a0 ]\d{3})*(?:[.,]\d+)?")
_GROUPED_NUMBER = re.compile(r"\d{1,3}(?:[.,\u00a0 ]\d{3})+")  # "1,500", "1.500"


def minhash(text: str) -> np.ndarray:
    """64 MinHash values of the article's word 4-shingles (uint32 stored as float32 bits)."""
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        words = words + [""] * (SHINGLE - len(words))
    grams = {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    hashes = np.fromiter((hash_str(g) for g in grams), dtype=np.uint64, count=len(grams))
    mixed = (hashes[:, None] * _A[None, :] + _B[None, :]) & np.uint64(0xFFFFFFFF)
    return mixed.min(axis=0).astype(np.uint32)


def hash_str(text: str) -> int:
    """A stable 32-bit string hash (Python's hash() is salted per process)."""
    return zlib.crc32(text.encode("utf-8"))


def numbers(text: str) -> set[str]:
    """Numbers as digits only, tolerant of "1.\\n500", "1,500", "1.500", "2,3" vs "2.3"."""
    text = _BROKEN_NUMBER.sub(r"\1\2", text)
    found = set()
    for match in _NUMBER.finditer(text):
        raw = match.group(0)
        if _GROUPED_NUMBER.fullmatch(raw):
            value = re.sub(r"\D", "", raw)
        else:
            value = raw.replace(",", ".").replace("\u00a0", "").replace(" ", "")
        if len(value.replace(".", "")) >= 2:
            found.add(value)
    return found


@dataclass
class Doc:
    id: str
    rowid: int
    language: str | None
    day: int | None
    published: str | None
    text: str
    story: int | None
    signature: np.ndarray | None = None
    vector: np.ndarray | None = None
    _sentences: list[str] | None = None
    _features: tuple[set[str], set[str]] | None = None

    def sentences(self, conn: Any) -> list[str]:
        if self._sentences is None:
            spans = conn.execute(
                "SELECT start, end FROM sentences WHERE article_id = ? ORDER BY idx", (self.id,)
            ).fetchall()
            if not spans:  # not analysed here: split as ingest does (CJK ends without a space)
                spans = [(s.start, s.end) for s in split_sentences(self.text, self.language)]
            parts = [" ".join(self.text[s:e].split()) for s, e in spans]
            self._sentences = [p for p in parts if _text_weight(p) >= 25][:MAX_SENTENCES]
        return self._sentences

    def features(self) -> tuple[set[str], set[str]]:
        """(numbers, names and countries): what a translation keeps."""
        if self._features is None:
            self._features = (numbers(self.text), set(mentions(self.text[:4000], self.language)))
        return self._features


def _text_weight(text: str) -> int:
    """Length with CJK, kana and Hangul characters counted twice: each carries about a word."""
    return len(text) + sum(1 for ch in text if ord(ch) >= 0x2E80)


def _overlap(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def translation_score(
    conn: Any, embedder: Embedder, calibration: Calibration, a: Doc, b: Doc
) -> float:
    """Evidence in [0, 1+] that `b` translates (or closely rewrites) `a` in another language."""
    sa, sb = a.sentences(conn), b.sentences(conn)
    if not sa or not sb:
        return 0.0
    va = _sentence_vectors(conn, embedder, a, sa)
    vb = _sentence_vectors(conn, embedder, b, sb)
    sims = va @ vb.T
    best_b = sims.argmax(axis=1)
    best_a = sims.argmax(axis=0)
    # aligned: mutual best matches standing out from this pair's own background
    rest = sims.copy()
    rest[np.arange(len(best_b)), best_b] = np.nan  # the background: all but each row's best
    background = rest[~np.isnan(rest)] if np.isfinite(rest).any() else sims.ravel()
    cut = float(np.median(background)) + ALIGN_SPREAD * float(np.std(background))
    mutual = [(i, int(j)) for i, j in enumerate(best_b) if best_a[j] == i]
    z = np.asarray(calibration.z(sims))
    aligned = sum(1 for i, j in mutual if sims[i, j] >= cut and z[i, j] >= ALIGN_Z)
    # ordered: a monotone chain of weaker matches, kept only when its order is no accident
    spread = max(float(np.std(background)), 1e-6)
    local = (sims - float(np.median(background))) / spread
    weak = [(i, j) for i, j in mutual if z[i, j] >= ORDER_Z and local[i, j] >= ORDER_SPREAD]
    chain = len(_monotone_chain(weak))
    shorter = min(len(sa), len(sb))
    ordered = chain >= ORDER_MIN and chance_of_order(len(mutual), chain) <= ORDER_P
    # too short for such odds: every sentence in order, two of them clearly aligned
    whole = ORDER_MIN <= chain == shorter and aligned >= 2
    if shorter >= ORDER_MIN and not (ordered or whole):
        return 0.0  # names, numbers and a few look-alike sentences: the same story, not a copy
    if ordered or whole:
        aligned = max(aligned, chain)
    if aligned < 2:
        return 0.0
    fraction = aligned / shorter
    nums_a, ents_a = a.features()
    nums_b, ents_b = b.features()
    score = 0.6 * fraction + 0.2 * _overlap(nums_a, nums_b) + 0.2 * _overlap(ents_a, ents_b)
    if ordered:
        score += ORDER_BONUS
    if a.vector is not None and b.vector is not None:
        score += 0.1 * min(max(float(calibration.z(float(a.vector @ b.vector))) - 2, 0), 2) / 2
    if a.day is not None and b.day is not None and abs(a.day - b.day) > 1:
        score -= 0.2  # translations of a wire report appear the same or the next day
    return score


def _monotone_chain(pairs: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest chain of (i, j) increasing in both: sentences a translation keeps in order."""
    pairs = sorted(pairs)
    length: list[int] = []
    previous: list[int] = []
    for k, (i, j) in enumerate(pairs):
        before = [(length[m], m) for m in range(k) if pairs[m][0] < i and pairs[m][1] < j]
        best, at = max(before, default=(0, -1))
        length.append(best + 1)
        previous.append(at)
    if not length:
        return []
    k = int(np.argmax(length))
    chain = []
    while k >= 0:
        chain.append(pairs[k])
        k = previous[k]
    return chain[::-1]


@cache
def chance_of_order(matches: int, chain: int) -> float:
    """P(the longest increasing subsequence of `matches` items in random order >= `chain`).

    Exact: by Robinson-Schensted the longest increasing subsequence is the first row of
    the permutation's Young shape, and shape λ takes f(λ)² of the n! permutations.
    """
    if chain <= 1:
        return 1.0
    if chain > matches:
        return 0.0
    hits = sum(_shape_count(s) ** 2 for s in _partitions(matches, matches) if s[0] >= chain)
    return hits / math.factorial(matches)


def _partitions(n: int, largest: int) -> list[tuple[int, ...]]:
    if n == 0:
        return [()]
    return [(k, *rest) for k in range(min(n, largest), 0, -1) for rest in _partitions(n - k, k)]


def _shape_count(shape: tuple[int, ...]) -> int:
    """Standard Young tableaux of a shape (hook length formula)."""
    columns = [sum(1 for row in shape if row > c) for c in range(shape[0])]
    hooks = 1
    for r, row in enumerate(shape):
        for c in range(row):
            hooks *= (row - c - 1) + (columns[c] - r - 1) + 1
    return math.factorial(sum(shape)) // hooks


def _sentence_vectors(conn: Any, embedder: Embedder, doc: Doc, sentences: Sequence[str]):
    # keyed by content too: vectors stored under an earlier sentence selection never mix in
    items = [(f"{doc.id}:{i}:{hash_str(s):08x}", s) for i, s in enumerate(sentences)]
    found = cached_vectors(conn, embedder, "sentence", items)
    return np.stack([found[k] for k, _ in items])


def _load_doc(row: dict[str, Any], story: int | None) -> Doc:
    return Doc(
        id=row["id"], rowid=int(row.get("rowid") or 0), language=row.get("language"),
        day=day_of(row.get("published")), published=row.get("published"),
        text=row.get("text") or "", story=story,
    )  # fmt: skip


def link_copies(conn: Any, embedder: Embedder, rows: list[dict[str, Any]]) -> int:
    """Find the copies and translations among `rows` and earlier articles; caller commits."""
    if not rows:
        return 0
    from claimscope.link.stories import STATE_KEY

    raw = conn.execute("SELECT value FROM link_state WHERE key = ?", (STATE_KEY,)).fetchone()
    calibration = Calibration(embedder, json.loads(raw[0]) if raw else None)
    rows = sorted(rows, key=lambda r: (r.get("published") or "9999", r.get("rowid", 0)))
    new_ids = {r["id"] for r in rows}
    stories: dict[str, int] = {}
    ids = sorted(new_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        sql = f"SELECT article_id, story_id FROM article_stories WHERE article_id IN ({marks})"
        stories.update(conn.execute(sql, chunk).fetchall())
    docs = {r["id"]: _load_doc(r, stories.get(r["id"])) for r in rows}
    _signatures(conn, list(docs.values()))
    members = _Members(conn, list(docs.values()), new_ids)
    edges: list[tuple[str, str, float]] = []
    for row in rows:
        doc = docs[row["id"]]
        if doc.story is None:
            continue
        candidates = [
            other for other in _candidates(doc, members)
            if other.id != doc.id and not (
                other.day is not None and doc.day is not None
                and abs(other.day - doc.day) > WINDOW_DAYS
            )
        ]  # fmt: skip
        agreement = _minhash_agreement(doc, candidates)
        best: tuple[float, Doc] | None = None
        for other, jaccard in zip(candidates, agreement, strict=True):
            if jaccard is None:
                score = _pair_score(conn, embedder, calibration, doc, other)
            else:  # same language: as _pair_score, MinHash agreement alone, read in one pass
                score = jaccard if jaccard >= COPY_JACCARD else None
            if score is not None and (best is None or score > best[0]):
                best = (score, other)
        if best:
            edges.append((doc.id, best[1].id, best[0]))
        members.add(doc)
    _write_groups(conn, edges)
    return len(edges)


def _same_language(a: Doc, b: Doc) -> bool:
    """Compared on MinHash alone: one language, or a language unknown."""
    return bool(a.language == b.language or not (a.language and b.language))


def _minhash_agreement(doc: Doc, others: list[Doc]) -> list[float | None]:
    """Estimated shingle Jaccard with each same-language candidate (None for the others), in
    one numpy pass: a busy story has hundreds of candidates in its window."""
    same = [
        i for i, o in enumerate(others)
        if _same_language(doc, o) and doc.signature is not None and o.signature is not None
    ]  # fmt: skip
    out: list[float | None] = [None] * len(others)
    if same:
        signatures = np.stack([others[i].signature for i in same])  # type: ignore[misc]
        for i, value in zip(same, (signatures == doc.signature).mean(axis=1), strict=True):
            out[i] = float(value)
    return out


def _pair_score(conn: Any, embedder: Embedder, calibration: Calibration, a: Doc, b: Doc):
    if _same_language(a, b):
        if a.signature is None or b.signature is None:
            return None
        jaccard = float(np.mean(a.signature == b.signature))
        return jaccard if jaccard >= COPY_JACCARD else None
    _ensure_vector(conn, embedder, a)
    _ensure_vector(conn, embedder, b)
    if (
        a.vector is not None
        and b.vector is not None
        and calibration.z(float(a.vector @ b.vector)) < ARTICLE_Z
    ):
        return None
    score = translation_score(conn, embedder, calibration, a, b)
    return score if score >= TRANSLATION_SCORE else None


def _signatures(conn: Any, docs: list[Doc]) -> None:
    ids = [d.id for d in docs]
    known: dict[str, np.ndarray] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        sql = f"SELECT key, vector FROM vectors WHERE kind = 'minhash' AND model = ? AND key IN ({marks})"  # noqa: E501
        for key, blob in conn.execute(sql, (MINHASH_MODEL, *chunk)):
            known[key] = from_blob(blob).view(np.uint32)
    for doc in docs:
        if doc.id in known:
            doc.signature = known[doc.id]
        else:
            doc.signature = minhash(doc.text)
            put_vector(conn, "minhash", doc.id, MINHASH_MODEL, doc.signature.view(np.float32))


MAX_STORED_CANDIDATES = 400  # stored members compared per article (a story's busiest days)
_MEMBER_COLUMNS = "a.rowid AS rowid, a.id, a.language, a.published, a.text, s.story_id"


def _day_ranges(days: list[int], radius: int) -> list[tuple[int, int]]:
    """Sorted days -> disjoint [lo, hi] ranges covering every day ± radius."""
    ranges: list[tuple[int, int]] = []
    for day in days:
        if ranges and day - radius <= ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], day + radius)
        else:
            ranges.append((day - radius, day + radius))
    return ranges


class _Members:
    """Story members the batch may pair with, read once per batch instead of once per article.

    Stored dated members come from the `published` index over the batch's days ± the window
    (so the cost follows the batch, not the size of its stories); undated members of the
    batch's stories are candidates for every article; an undated article sees its story's
    first MAX_STORED_CANDIDATES members. The batch's own articles join as they are paired
    (`add`, in publication order). Lookups bisect on day: no scan of a whole story.
    """

    def __init__(self, conn: Any, docs: list[Doc], batch: set[str]) -> None:
        linked = [d for d in docs if d.story is not None]
        stories = json.dumps(sorted({d.story for d in linked}))
        # "+": filter on the story, but search by date (a story may hold thousands)
        in_batch = " AND +s.story_id IN (SELECT value FROM json_each(?))"
        base = f"SELECT {_MEMBER_COLUMNS} FROM articles a JOIN article_stories s"
        base += " ON s.article_id = a.id WHERE "
        rows: list[Any] = []
        days = sorted({d.day for d in linked if d.day is not None})
        for lo, hi in _day_ranges(days, WINDOW_DAYS):
            first, after = date.fromordinal(max(lo, 1)), date.fromordinal(hi + 1)
            rows += conn.execute(
                base + "a.published >= ? AND a.published < ?" + in_batch,
                (first.isoformat(), after.isoformat(), stories),
            ).fetchall()
        if days:
            rows += conn.execute(base + "a.published IS NULL" + in_batch, (stories,)).fetchall()
        self.first: dict[int, list[Doc]] = {}  # for undated articles
        for story in sorted({d.story for d in linked if d.day is None}):  # type: ignore[type-var]
            found = conn.execute(
                base + "s.story_id = ? ORDER BY a.published LIMIT ?",
                (story, MAX_STORED_CANDIDATES),
            ).fetchall()
            self.first[story] = [_load_doc(dict(r), story) for r in found if r["id"] not in batch]
        self.undated: dict[int, list[Doc]] = {}
        self.dated: dict[int, list[Doc]] = {}  # sorted by day, then published
        seen: set[str] = set()
        for r in rows:
            if r["id"] in batch or r["id"] in seen:
                continue
            seen.add(r["id"])
            doc = _load_doc(dict(r), r["story_id"])
            if doc.day is not None:
                self.dated.setdefault(r["story_id"], []).append(doc)
            elif doc.published is None:  # unparsable dates are never in a window
                self.undated.setdefault(r["story_id"], []).append(doc)
        for members in self.dated.values():
            members.sort(key=lambda d: (d.day, d.published or "", d.rowid))
        self.days = {story: [d.day for d in members] for story, members in self.dated.items()}
        self.pending: dict[int, tuple[list[int], list[Doc]]] = {}  # story -> (days, docs)
        self.pending_undated: dict[int, list[Doc]] = {}
        _signatures(conn, [d for group in (self.first, self.undated, self.dated)
                           for members in group.values() for d in members])  # fmt: skip

    def add(self, doc: Doc) -> None:
        """A batch article already paired: a candidate for the batch's later articles."""
        assert doc.story is not None
        if doc.day is None:
            self.pending_undated.setdefault(doc.story, []).append(doc)
            return
        days, docs = self.pending.setdefault(doc.story, ([], []))
        at = bisect_right(days, doc.day)
        days.insert(at, doc.day)
        docs.insert(at, doc)

    def near(self, story: int, day: int | None) -> list[Doc]:
        """Members of `story` an article published on `day` may copy: stored (oldest first,
        at most MAX_STORED_CANDIDATES), then the batch's own."""
        days, docs = self.pending.get(story, ([], []))
        if day is None:
            return [*self.first.get(story, []), *docs, *self.pending_undated.get(story, [])]
        lo, hi = day - WINDOW_DAYS, day + WINDOW_DAYS
        dated = self.dated.get(story, [])
        stored_days = self.days.get(story, [])
        window = dated[bisect_left(stored_days, lo) : bisect_right(stored_days, hi)]
        stored = [*self.undated.get(story, []), *window][:MAX_STORED_CANDIDATES]
        pending = docs[bisect_left(days, lo) : bisect_right(days, hi)]
        return [*stored, *pending, *self.pending_undated.get(story, [])]


def _candidates(doc: Doc, members: _Members) -> list[Doc]:
    """Members of the doc's story within the window: linked before, or earlier in this run."""
    assert doc.story is not None
    return members.near(doc.story, doc.day)


def _ensure_vector(conn: Any, embedder: Embedder, doc: Doc) -> None:
    """Article vector, read only when a cross-language pair needs it (same-language pairs
    are decided on MinHash alone)."""
    if doc.vector is None:
        row = conn.execute(
            "SELECT vector FROM vectors WHERE kind = 'article' AND model = ? AND key = ?",
            (embedder.name, doc.id),
        ).fetchone()
        doc.vector = from_blob(row[0]) if row else None


def _write_groups(conn: Any, edges: list[tuple[str, str, float]]) -> None:
    """Merge the new edges into copy_groups; recompute original and relations of touched groups."""
    if not edges:
        return
    touched: set[int] = set()
    next_id = int(conn.execute("SELECT COALESCE(MAX(group_id), 0) FROM copy_groups").fetchone()[0])
    for new_id, old_id, score in edges:
        groups = {
            r[0]: r[1]
            for r in conn.execute(
                "SELECT article_id, group_id FROM copy_groups WHERE article_id IN (?, ?)",
                (new_id, old_id),
            )
        }
        ga, gb = groups.get(new_id), groups.get(old_id)
        if ga is None and gb is None:
            next_id += 1
            group = next_id
        elif ga is not None and gb is not None and ga != gb:
            group = min(ga, gb)
            conn.execute(
                "UPDATE copy_groups SET group_id = ? WHERE group_id = ?", (group, max(ga, gb))
            )
        else:
            group = ga if ga is not None else gb
        for article_id, member_score in ((old_id, None), (new_id, score)):
            conn.execute(
                "INSERT INTO copy_groups (article_id, group_id, original_id, relation, score)"
                " VALUES (?,?,NULL,'copy',?) ON CONFLICT(article_id) DO UPDATE SET"
                " group_id = excluded.group_id, score = COALESCE(excluded.score, score)",
                (article_id, group, member_score),
            )
        touched.add(group)
    for group in touched:
        members = conn.execute(
            "SELECT a.id, a.language, a.published FROM copy_groups c JOIN articles a"
            " ON a.id = c.article_id WHERE c.group_id = ?"
            " ORDER BY a.published IS NULL, a.published, a.rowid",
            (group,),
        ).fetchall()
        if not members:
            continue
        original = members[0]
        for member in members:
            if member["id"] == original["id"]:
                relation = "original"
            elif (member["language"] or "") == (original["language"] or ""):
                relation = "copy"
            else:
                relation = "translation"
            conn.execute(
                "UPDATE copy_groups SET original_id = ?, relation = ? WHERE article_id = ?",
                (original["id"], relation, member["id"]),
            )
