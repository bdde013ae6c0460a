"""Group statements into claims: the proposition, whoever asserts or denies it.

"North Korea has not sent troops to Russia" (a denial) and "Pyongyang sent
troops to Russia" (an assertion) are one claim. So each statement is embedded
with its stance words neutralised — negations, denial and hedge phrases and
cues from the `[attribution]` section of the language file removed — and a
statement whose content is only "This seems like yet another fake news story"
borrows the proposition from its sentence or the sentence before.

Embeddings alone merge look-alikes ("Kestria supplies drones to Doravia" vs
"Orvania supplies drones..." vs "Kestria supplies shells..."), so two vetoes
keep them apart: entities (countries and names, script-independent keys) that
each side has and the other lacks, and, within one language, a minimal pair —
the same words except one slot. Claims live inside a story; a statement joins
the best-scoring claim of its story when it is clearly above the background
similarity of that story's other claims (`Calibration`), else starts one.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import numpy as np

from claimscope.lang import load_language
from claimscope.link.embed import Calibration, Embedder, cached_vectors, from_blob, put_vector
from claimscope.link.stories import mentions

Z_CLAIM = 2.6  # calibrated similarity to join a claim
MEMBERS = 8  # recent member vectors kept per claim
STATE_KEY = "claims:calibration"
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


def neutralise(text: str, language: str | None) -> str:
    """The proposition without who asserts or denies it: stance words removed."""
    base = (language or "en").split("-")[0].lower()
    pattern = _neutraliser(base)
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


def content_keys(text: str, language: str | None = None) -> set[str]:
    """Key content words as 5-letter prefixes (inflection-tolerant).

    Dropped: numbers, short words, capitalised words (names are compared as
    entities) and words too frequent to say what a claim is about.
    """
    language = (language or "en").split("-")[0].lower()
    keys = set()
    for word in _WORD.findall(text):
        if word.isdigit() or len(word) < 3 or word[:1].isupper():
            continue
        lowered = word.lower()
        if _common(lowered, language):
            continue
        keys.add(lowered[:5])
    return keys


@cache
def _common(word: str, language: str) -> bool:
    try:
        from wordfreq import zipf_frequency

        return zipf_frequency(word, language) >= 5.0
    except Exception:  # a language wordfreq does not know
        return False


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


@dataclass
class Claim:
    id: int
    story_id: int | None
    centroid: np.ndarray
    n: int = 0
    entities: Counter[str] = field(default_factory=Counter)
    subjects: Counter[str] = field(default_factory=Counter)
    members: list[int] = field(default_factory=list)  # recent statement ids
    keys: dict[str, list[list[str]]] = field(default_factory=dict)  # language -> member keys
    dirty: bool = False

    def core_entities(self) -> set[str]:
        return {k for k, c in self.entities.items() if c * 2 >= self.n}

    def subject(self) -> str | None:
        return self.subjects.most_common(1)[0][0] if self.subjects else None

    def data(self) -> str:
        return json.dumps({
            "n": self.n, "entities": dict(self.entities.most_common(20)),
            "subjects": dict(self.subjects.most_common(5)), "members": self.members,
            "keys": self.keys,
        }, ensure_ascii=False)  # fmt: skip


class ClaimIndex:
    """Claims of the stories touched in one run, loaded on demand, flushed at the end."""

    def __init__(self, conn: Any, embedder: Embedder) -> None:
        self.conn = conn
        self.embedder = embedder
        raw = conn.execute("SELECT value FROM link_state WHERE key = ?", (STATE_KEY,)).fetchone()
        self.calibration = Calibration(embedder, json.loads(raw[0]) if raw else None)
        self.by_story: dict[int | None, list[Claim]] = {}
        self.member_vectors: dict[int, np.ndarray] = {}
        self.next_id = int(conn.execute("SELECT COALESCE(MAX(id), 0) FROM claims").fetchone()[0])

    def claims_of(self, story_id: int | None) -> list[Claim]:
        if story_id in self.by_story:
            return self.by_story[story_id]
        rows = self.conn.execute(
            "SELECT c.id, c.data, v.vector FROM claims c LEFT JOIN vectors v ON v.kind = 'claim'"
            " AND v.key = CAST(c.id AS TEXT) AND v.model = ? WHERE c.story_id IS ?",
            (self.embedder.name, story_id),
        ).fetchall()
        claims = []
        member_ids: list[int] = []
        for row in rows:
            data = json.loads(row["data"] or "{}")
            vector = from_blob(row["vector"]) if row["vector"] else np.zeros(self.embedder.dim)
            claim = Claim(
                id=row["id"], story_id=story_id, centroid=np.array(vector, dtype=np.float32),
                n=int(data.get("n", 0)), entities=Counter(data.get("entities", {})),
                subjects=Counter(data.get("subjects", {})), members=list(data.get("members", [])),
                keys=data.get("keys", {}),
            )  # fmt: skip
            claims.append(claim)
            member_ids.extend(claim.members)
        if member_ids:
            marks = ",".join("?" * len(member_ids))
            for key, blob in self.conn.execute(
                f"SELECT key, vector FROM vectors WHERE kind = 'statement' AND model = ?"
                f" AND key IN ({marks})",
                (self.embedder.name, *[str(m) for m in member_ids]),
            ):
                self.member_vectors[int(key)] = from_blob(blob)
        self.by_story[story_id] = claims
        return claims

    def assign(
        self,
        statement_id: int,
        story_id: int | None,
        vector: np.ndarray,
        ents: list[str],
        language: str | None,
        keys: set[str],
    ) -> tuple[int, float]:
        """The claim for one statement (joining the best allowed one or starting a new one)."""
        claims = self.claims_of(story_id)
        entity_set = set(ents)
        subject = ents[0] if ents else None
        scored: list[tuple[float, Claim]] = []
        for claim in claims:
            sims = [float(claim.centroid @ vector) / (float(np.linalg.norm(claim.centroid)) or 1)]
            sims += [float(self.member_vectors[m] @ vector)
                     for m in claim.members if m in self.member_vectors]  # fmt: skip
            scored.append((max(sims), claim))
        scored.sort(key=lambda x: -x[0])
        if len(scored) > 2:
            self.calibration.update(s for s, _ in scored[2:12])
        chosen: Claim | None = None
        best = 0.0
        for sim, claim in scored:
            z = float(self.calibration.z(sim))
            if z < Z_CLAIM:
                break
            if entity_conflict(entity_set, claim.core_entities(), subject, claim.subject()):
                continue
            same_language = [set(k) for k in claim.keys.get(language or "", [])]
            if any(minimal_pair(keys, other) for other in same_language):
                continue
            chosen, best = claim, z
            break
        if chosen is None:
            self.next_id += 1
            chosen = Claim(
                id=self.next_id, story_id=story_id,
                centroid=np.zeros(self.embedder.dim, dtype=np.float32),
            )  # fmt: skip
            claims.append(chosen)
        chosen.centroid = chosen.centroid + vector
        chosen.n += 1
        chosen.entities.update(entity_set)
        if subject:
            chosen.subjects[subject] += 1
        chosen.members = [*chosen.members, statement_id][-MEMBERS:]
        self.member_vectors[statement_id] = vector
        bucket = chosen.keys.setdefault(language or "", [])
        if len(bucket) < 6:
            bucket.append(sorted(keys))
        chosen.dirty = True
        return chosen.id, best

    def flush(self) -> list[int]:
        changed = []
        for claims in self.by_story.values():
            for claim in claims:
                if not claim.dirty:
                    continue
                self.conn.execute(
                    "INSERT INTO claims (id, story_id, data) VALUES (?,?,?) ON CONFLICT(id)"
                    " DO UPDATE SET story_id = excluded.story_id, data = excluded.data",
                    (claim.id, claim.story_id, claim.data()),
                )
                put_vector(self.conn, "claim", str(claim.id), self.embedder.name, claim.centroid)
                claim.dirty = False
                changed.append(claim.id)
        self.conn.execute(
            "INSERT OR REPLACE INTO link_state (key, value) VALUES (?, ?)",
            (STATE_KEY, json.dumps(self.calibration.state())),
        )
        return changed


def link_claims(conn: Any, embedder: Embedder, statements: list[dict[str, Any]]) -> int:
    """Give each statement (rows of statements_with_article) a claim; caller commits."""
    if not statements:
        return 0
    texts: dict[str, str] = {}
    props: dict[int, tuple[str, list[str]]] = {}
    for st in statements:
        article_id = st["article_id"]
        if article_id not in texts:
            row = conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
            texts[article_id] = row[0] if row else ""
        props[st["id"]] = proposition(st, texts[article_id])
    vectors = cached_vectors(
        conn, embedder, "statement", [(str(i), p[0] or " ") for i, p in props.items()]
    )
    index = ClaimIndex(conn, embedder)
    # the most frequent language first: claims form where words can be compared, and
    # statements in other languages then join the closest one
    frequency = Counter(s.get("language") for s in statements)
    ordered = sorted(
        statements,
        key=lambda s: (-frequency[s.get("language")], s.get("published") or "9999", s["id"]),
    )
    updates = []
    for st in ordered:
        text, ents = props[st["id"]]
        if not text.strip():
            continue
        claim_id, _ = index.assign(
            st["id"], st.get("story_id"), vectors[str(st["id"])], ents, st.get("language"),
            content_keys(text, st.get("language")) | {e.split(":", 1)[1] for e in ents},
        )  # fmt: skip
        updates.append((claim_id, st["id"]))
    changed = index.flush()
    conn.executemany("UPDATE statements SET claim_id = ? WHERE id = ?", updates)
    refresh_claims(conn, changed)
    return len(updates)


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


def _label_quality(row: Any) -> tuple[int, int, int]:
    """Prefer asserting, reported (not headline) statements of a readable length."""
    words = len((row["content"] or "").split())
    stance = {"assert": 2, "hedge": 1, "deny": 0}.get(row["stance"], 0)
    kind = 0 if row["kind"] == "headline" else 1
    return (stance, kind, -abs(words - 8))


def _label_text(row: Any) -> str:
    text = row["content"] or ""
    if row["stance"] != "assert":
        text = neutralise(text, row["language"])
    text = " ".join(text.split()).strip(' .,;:"“”')
    return text[:157] + "..." if len(text) > 160 else text
