"""Who said what: attributed statements, their speakers and their stance.

Rule-based and data-driven: every word list (reporting cues, "according to"
markers, role nouns, pronouns, denial phrases) lives in the language file
(`claimscope/lang/data/<code>.toml`, `[attribution]`), so adding a language is
adding data. The code only knows a few word orders:

* svo: speaker before the cue ("Peskov said ..."), or after it when the cue
  follows the content ("..., said Peskov", "— заявил Песков");
* vso: as svo, but a sentence-initial cue takes the speaker after it (Arabic);
* sov: speaker first, marked by a topic particle, cue last (Korean, Japanese).

A cue's content is the quote next to it, the clause after a complementizer
("that", "que", "rằng", "что"), or the clause before it. Speakers are parsed
for name, role and affiliation; pronouns and role nouns ("he", "the
spokesman") are resolved to an earlier speaker, short names ("Kim") to the
full name the article gives elsewhere. The function is pure and fast: language
data is compiled once per process.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from claimscope.analyze import learned_attribution
from claimscope.analyze.stance import StanceLexicon, classify, compile_lexicon
from claimscope.lang import load_language
from claimscope.model import Sentence, Statement

TOKEN = re.compile(r"[^\W_](?:[\w’'\-.]*[^\W_])?|[^\w\s]")
HARD_PUNCT = ";:—–()[]|"
MAX_SPEAKER_WORDS = 14
GAP = r"(?:\s+\S+){0,10}?\s+"
DATE_PAREN = re.compile(r"\((?:\d[\d/.\-]*)\)")
QUOTED_NAME = re.compile(r"[「『‘“«《\"]([^」』’”»》\"]+)[」』’”»》\"]")
DATE_PAREN_END = re.compile(r"\s*\((?:\d[\d/.\-]*)\)\s*$")
NOUN_VERBS = frozenset({"was", "were", "is", "are", "have"})  # "reports were …": a noun
QUOTED_TITLE = re.compile(r"[«“\"„](?:\s*[^\W\d_][\w\-]*){1,4}\s*[»”\"“]")


@dataclass
class Lang:
    """One language's attribution knowledge, compiled for fast matching."""

    code: str
    spaces: bool
    caps: bool
    order: str
    quotes: list[tuple[str, str]]
    cue_re: re.Pattern[str] | None
    compl_re: re.Pattern[str] | None
    claim_re: re.Pattern[str] | None
    source_intro_re: re.Pattern[str] | None
    role_re: re.Pattern[str] | None
    anonymous_re: re.Pattern[str] | None
    honorific_re: re.Pattern[str] | None
    strip_re: re.Pattern[str] | None
    strip_lead_re: re.Pattern[str] | None
    lexicon: StanceLexicon
    pronouns: frozenset[str]
    person_pronouns: frozenset[str]
    anaphor_dets: frozenset[str]
    determiners: frozenset[str]
    np_stops: frozenset[str]
    clause_breaks: frozenset[str]
    coordinators: frozenset[str]
    apposition_skip: frozenset[str]
    possessor_preps: frozenset[str]
    prepositions: frozenset[str]
    particles: frozenset[str]
    topic_markers: tuple[str, ...]
    topic_false: tuple[str, ...]
    topic_preferred: tuple[str, ...]
    quotative: tuple[str, ...]
    addressee_re: re.Pattern[str] | None
    comma_chars: str
    headline_max_words: int
    not_after_re: re.Pattern[str] | None = None
    inversion_re: re.Pattern[str] | None = None
    first_person_re: re.Pattern[str] | None = None  # "we said …" inside a quote: the quoter
    noun_caps: bool = False  # every noun is capitalised (de): "zu Berichten" is no cue
    no_inversion: bool = False  # `inversion_cues = []`: no cue precedes its speaker (zh)
    blocked_re: re.Pattern[str] | None = None
    request_re: re.Pattern[str] | None = None
    source_end_re: re.Pattern[str] | None = None
    suffix_pronouns: tuple[str, ...] = ()
    relative_pronouns: frozenset[str] = frozenset()
    words: frozenset[str] = field(default_factory=frozenset)
    zero_subject: bool = False  # pro-drop: a sentence-initial cue reuses the last speaker
    clitic_re: re.Pattern[str] | None = None  # subject pronoun inside the cue ("a-t-il")
    gap_tail_re: re.Pattern[str] | None = None  # vso: what follows the "…" of a gapped cue
    gap_head_re: re.Pattern[str] | None = None  # vso: what precedes it
    # personal names inside a role mention (`[attribution.names]`): where a name starts
    name_first_re: re.Pattern[str] | None = None  # a word that opens a native name
    name_inner_re: re.Pattern[str] | None = None  # a word that lengthens a name (patronymic)
    name_max: int = 0  # words of a name after a role and an organisation (0: no limit)
    name_after: tuple[str, ...] = ()  # particles a name follows ("県交通局の佐藤健一")
    org_word_re: re.Pattern[str] | None = None  # a word of an organisation, never of a name
    # de "Konzern", "Behörde": a capitalised common noun, never part of a name
    common_noun_re: re.Pattern[str] | None = None
    # uk/ru "Варанії": a place in the genitive, never the last word of a name
    place_genitive_re: re.Pattern[str] | None = None
    name_after_pp: bool = False  # uk/ru "Посол Варанії в Україні Олег Сидоренко"
    partitive_re: re.Pattern[str] | None = None  # en "one of": before a plural role
    passive_re: re.Pattern[str] | None = None  # zh "X被Y指控": the agent after it speaks
    claim_link_re: re.Pattern[str] | None = None  # sov "…とするXの主張を否定した"
    source_after_re: re.Pattern[str] | None = None  # sov "Xの話として、…と報じた"
    stops_after_name: frozenset[str] = field(default_factory=frozenset)
    content_topics: tuple[str, ...] = ()  # sov "…について「…」": a topic before a quote
    according_gap_re: re.Pattern[str] | None = None  # de "wie … berichtete": source in the gap
    appositive_pp: bool = False  # de "sagte die Chefin von X, Name": the name after the PP
    possessor_pp_re: re.Pattern[str] | None = None  # " von Datenwerk, ": see `_role_pp_end`
    # vi "Ngân hàng Trung ương Varania": a capitalised head that opens an organisation's name
    org_head_re: re.Pattern[str] | None = None
    place_before_re: re.Pattern[str] | None = None  # vi "huyện" + Bình Sơn: a place, no person
    continuation_re: re.Pattern[str] | None = None  # reported-mood verbs of a cue-less sentence
    negations: frozenset[str] = field(default_factory=frozenset)
    claim_heads: frozenset[str] = field(default_factory=frozenset)  # "وكالة" + الأنباء: a name


@dataclass
class Cue:
    start: int
    end: int
    stance: str
    kind: str  # verb | according | according_after | citing
    used: bool = False


@dataclass
class Speaker:
    start: int
    end: int
    name: str | None = None
    role: str | None = None
    affiliation: str | None = None
    anonymous: bool = False
    pronoun: bool = False
    person_pronoun: bool = False
    anaphor: str | None = None


# ---------------------------------------------------------------- compiling


def _frag(form: str) -> str:
    form = form.strip()
    parts = [p.strip().replace(" ", r"\s+") for p in form.split("…")]
    return GAP.join(parts)


def _alt(forms: list[str], spaces: bool, suffix: bool = False, prefix: str = "") -> str | None:
    forms = sorted({f.strip() for f in forms if f.strip()}, key=len, reverse=True)
    if not forms:
        return None
    # forms ending in an apostrophe ("qu'") or a hyphen ("وفقا ل-") glue to the next word
    glued = ("'", "’", "-")
    elided = [_frag(f.removesuffix("-")) for f in forms if f.endswith(glued) and len(f) > 1]
    body = "|".join(_frag(f) for f in forms if not (f.endswith(glued) and len(f) > 1))
    if prefix:
        body = f"(?:{prefix})?(?:{body})"
    if not spaces:
        return f"(?:{body})"
    tail = r"\w*" if suffix else r"(?!\w)"
    pattern = rf"(?<!\w)(?:{body}){tail}" if body else ""
    if elided:
        alt = rf"(?<!\w)(?:{'|'.join(elided)})"
        pattern = f"{pattern}|{alt}" if pattern else alt
    return pattern


def _compile(forms: list[str], spaces: bool, suffix: bool = False) -> re.Pattern[str] | None:
    pattern = _alt(forms, spaces, suffix)
    return re.compile(pattern, re.I) if pattern else None


def _glued(pattern: re.Pattern[str] | None) -> re.Pattern[str] | None:
    """The pattern without its leading word-boundary lookbehind: it may follow a glued
    prefix ("وفقا لبيانات": the intro "بيانات" starts right after "ل")."""
    if pattern is None:
        return None
    return re.compile(pattern.pattern.replace(r"(?<!\w)", ""), pattern.flags)


def _gap_parts(att: dict[str, Any], spaces: bool, part: int) -> re.Pattern[str] | None:
    """The words before (part 0) or after (part -1) the gap of gapped cues
    ("رفض … التعليق" -> "رفض" / "التعليق")."""
    parts = [
        f.split("…")[part].strip()
        for key in ("assert", "deny", "hedge")
        for f in att.get(key, [])
        if "…" in f
    ]
    return _compile(parts, spaces)


def _role_re(forms: list[str], spaces: bool, compound: bool) -> re.Pattern[str] | None:
    """Role words; with `role_suffixes` also at the end of a compound (ko 교통국장, 병원장)."""
    pattern = _alt(forms, spaces)
    if pattern and compound and spaces:
        pattern = pattern.replace(r"(?<!\w)(?:", r"(?<!\w)\w*?(?:", 1)
    return re.compile(pattern, re.I) if pattern else None


def _lower_set(items: list[str]) -> frozenset[str]:
    return frozenset(i.lower() for i in items)


@cache
def compiled(code: str | None) -> Lang:
    """Compile the language file once per process (English when unknown)."""
    data = load_language(code or "en") or load_language("en")
    meta = data.get("meta", {})
    att: dict[str, Any] = data.get("attribution", {})
    spaces = bool(meta.get("spaces", True))
    suffix = bool(meta.get("cue_suffixes", False))
    groups = []
    for name, key in (
        ("according_after", "according_to_after"),
        ("citing", "citing"),
        ("according", "according_to"),
        ("hedge", "hedge"),
        ("deny", "deny"),
        ("assert", "assert"),
    ):
        verbal = name in ("deny", "hedge", "assert")
        prefix = att.get("cue_prefix", "") if verbal else ""
        pattern = _alt(att.get(key, []), spaces, suffix and verbal, prefix)
        if pattern and name == "according_after" and spaces:
            pattern = pattern.replace(r"(?<!\w)", "", 1)  # "연합뉴스에 따르면": glued to the source
        if pattern:
            groups.append(f"(?P<{name}>{pattern})")
    cue_re = re.compile("|".join(groups), re.I) if groups else None
    claims = att.get("claim_nouns", [])
    names: dict[str, Any] = att.get("names", {})
    strip = att.get("subject_strip", [])
    strip_body = _alt(strip, spaces)
    lexicon_words = set()
    for key in ("pronouns", "determiners", "anaphor_determiners", "np_stops", "clause_breaks"):
        lexicon_words |= {w.lower() for w in att.get(key, [])}
    return Lang(
        code=(code or "en"),
        spaces=spaces,
        caps=bool(meta.get("capitalization", True)),
        order=meta.get("order", "svo"),
        quotes=[(a, b) for a, b in att.get("quotes", [["“", "”"], ['"', '"']])],
        cue_re=cue_re,
        compl_re=_compile(att.get("complementizers", []), spaces),
        claim_re=_compile(claims, spaces),
        source_intro_re=_glued(_compile(att.get("source_intro", []), spaces)),
        role_re=_role_re(
            att.get("role_words", []),
            spaces,
            bool(meta.get("role_suffixes") or att.get("role_suffixes")),
        ),
        anonymous_re=_compile(att.get("anonymous", []), spaces),
        honorific_re=_compile(att.get("honorifics", []), spaces),
        strip_re=re.compile(rf"(?:\s*(?:{strip_body}))+\s*$", re.I) if strip_body else None,
        strip_lead_re=re.compile(rf"^\s*(?:(?:{strip_body})\s*,?\s*)+", re.I)
        if strip_body
        else None,
        lexicon=compile_lexicon(att, spaces and not suffix),  # ko: "사실이 아니" + 다
        pronouns=_lower_set(att.get("pronouns", [])),
        person_pronouns=_lower_set(att.get("person_pronouns", att.get("pronouns", []))),
        anaphor_dets=_lower_set(att.get("anaphor_determiners", [])),
        determiners=_lower_set(att.get("determiners", [])),
        np_stops=_lower_set(att.get("np_stops", [])),
        clause_breaks=_lower_set(att.get("clause_breaks", [])),
        coordinators=_lower_set(att.get("coordinators", ["and", "but"])),
        apposition_skip=_lower_set(att.get("apposition_skip", [])),
        possessor_preps=_lower_set(att.get("possessor_preps", [])),
        prepositions=_lower_set(att.get("prepositions", [])),
        particles=_lower_set(att.get("name_particles", [])),
        topic_markers=tuple(att.get("topic_markers", [])),
        topic_false=tuple(att.get("topic_false", [])),
        topic_preferred=tuple(att.get("topic_preferred", [])),
        quotative=tuple(sorted(att.get("quotative", []), key=len, reverse=True)),
        addressee_re=_compile(att.get("addressees", []), spaces, True),
        comma_chars=att.get("comma_chars", ",，、"),
        headline_max_words=int(att.get("headline_max_words", 20)),
        words=frozenset(lexicon_words),
        inversion_re=_compile(att.get("inversion_cues", []), spaces),
        no_inversion=att.get("inversion_cues") == [],
        noun_caps=bool(meta.get("noun_capitalization", False)),
        first_person_re=_compile(att.get("first_person", []), spaces),
        blocked_re=_compile(att.get("blocked", []), spaces),
        request_re=_compile(att.get("requests", []), spaces),
        source_end_re=_compile(att.get("source_end", []), False),
        suffix_pronouns=tuple(att.get("suffix_pronouns", [])),
        relative_pronouns=frozenset(w.lower() for w in att.get("relative_pronouns", [])),
        zero_subject=bool(att.get("zero_subject", False)),
        clitic_re=re.compile(att["clitic_subject"], re.I) if att.get("clitic_subject") else None,
        gap_tail_re=_gap_parts(att, spaces, -1),
        gap_head_re=_gap_parts(att, spaces, 0),
        not_after_re=(
            re.compile(
                rf"(?<!\w)(?:{'|'.join(att['not_after'])})\s+$"
                if spaces
                else rf"(?:{'|'.join(att['not_after'])})\s*$",  # zh "被指控": glued
                re.I,
            )
            if att.get("not_after")
            else None
        ),
        passive_re=_compile(att.get("passive_agent", []), spaces),
        claim_link_re=(
            re.compile(
                rf"(?:{'|'.join(att['claim_links'])})(?P<owner>[^、。「」]{{1,20}}?)の"
                rf"(?P<noun>{'|'.join(claims)})(?:を|に|について|への)?$"
            )
            if att.get("claim_links") and claims
            else None
        ),
        source_after_re=(
            re.compile(
                rf"^(?P<src>[^、。「」]{{1,20}}?)(?P<marker>{'|'.join(att['source_after'])})[、，,]?"
            )
            if att.get("source_after")
            else None
        ),
        appositive_pp=bool(att.get("appositive_pp", False)),
        stops_after_name=_lower_set(att.get("np_stops_after_name", [])),
        content_topics=tuple(att.get("content_topics", [])),
        according_gap_re=_compile([f for f in att.get("according_to", []) if "…" in f], spaces),
        name_first_re=_full_re(names.get("first")),
        name_inner_re=_full_re(names.get("inner")),
        name_max=int(names.get("max_words", 0)),
        name_after=tuple(names.get("after", [])),
        org_word_re=_full_re(names.get("org_words")),
        common_noun_re=_full_re(names.get("common_nouns")),
        org_head_re=(
            re.compile(rf"(?:{names['org_heads']})\s", re.I) if names.get("org_heads") else None
        ),
        place_before_re=(
            re.compile(rf"(?<!\w)(?:{names['place_before']})\s+$", re.I)
            if names.get("place_before")
            else None
        ),
        place_genitive_re=_full_re(names.get("place_genitive")),
        name_after_pp=bool(names.get("after_pp", False)),
        partitive_re=(
            re.compile(rf"^\s*(?:{'|'.join(att['partitives'])})\s+", re.I)
            if att.get("partitives")
            else None
        ),
        continuation_re=_full_re(att.get("continuation")),
        negations=_lower_set(att.get("negations", [])),
        claim_heads=_lower_set(att.get("claim_heads", [])),
        possessor_pp_re=_possessor_pp_re(
            _lower_set(att.get("possessor_preps", [])), att.get("comma_chars", ",，、")
        ),
    )


def _full_re(pattern: str | None) -> re.Pattern[str] | None:
    return re.compile(rf"(?:{pattern})", re.I) if pattern else None


# ---------------------------------------------------------------- quotes and units


def find_quotes(text: str, pairs: list[tuple[str, str]]) -> list[tuple[int, int]]:
    """(open, close) index pairs of quotations, never crossing a paragraph break."""
    openers = {a: b for a, b in pairs}
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        closer = openers.get(ch)
        if closer is None or not _can_open(text, i, ch, closer):
            i += 1
            continue
        j = i + 1
        found = -1
        while j < n:
            cj = text[j]
            if cj == "\n" and j + 1 < n and text[j + 1] == "\n":
                break
            if cj == closer and j > i + 1 and _can_close(text, j, ch, closer):
                found = j
                break
            j += 1
        if found < 0:
            at_para_start = i == 0 or text[i - 1] == "\n"
            if not (at_para_start and closer != ch):
                i += 1
                continue
            found = j if j < n else n
        spans.append((i, found))
        i = found + 1
    return spans


def _can_open(text: str, i: int, ch: str, closer: str) -> bool:
    if ch in "'‘’" or (ch == closer and ch not in '"'):
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        return not prev.isalnum() and not nxt.isspace()
    return True


def _can_close(text: str, j: int, ch: str, closer: str) -> bool:
    if closer in "'’" or (ch == closer and ch not in '"'):
        nxt = text[j + 1] if j + 1 < len(text) else " "
        prev = text[j - 1]
        return not nxt.isalnum() and not prev.isspace()
    return True


class Quotes:
    """Quote spans with fast 'is this offset inside a quote' lookups."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.opens = [s for s, _ in spans]

    def containing(self, pos: int) -> tuple[int, int] | None:
        k = bisect_right(self.opens, pos) - 1
        if k >= 0:
            s, e = self.spans[k]
            if s < pos < e:
                return s, e
        return None

    def within(self, start: int, end: int) -> list[tuple[int, int]]:
        k = bisect_right(self.opens, start - 1)
        out = []
        while k < len(self.spans) and self.spans[k][0] < end:
            if self.spans[k][1] < end:
                out.append(self.spans[k])
            k += 1
        return out


def build_units(sentences: list[Sentence], quotes: Quotes) -> list[tuple[int, int, int]]:
    """Sentences merged where a quotation runs across their boundary."""
    units: list[tuple[int, int, int]] = []
    for s in sentences:
        if units:
            u_start, u_end, para = units[-1]
            inside = quotes.containing(u_end - 1)
            if para == s.paragraph and inside and inside == quotes.containing(s.start):
                units[-1] = (u_start, s.end, para)
                continue
        units.append((s.start, s.end, s.paragraph))
    return units


# ---------------------------------------------------------------- main entry


def extract_statements(
    text: str,
    sentences: list[Sentence],
    language: str | None,
    title: str | None = None,
    learned: bool = True,
) -> list[Statement]:
    """Every statement attributed to a source in `text`, in reading order.

    For English the learned tagger (`learned_attribution`) adds statements the
    rules miss unless `learned` is False or its model cannot be loaded.
    """
    lang, quotes, units = analyse_units(text, sentences, language, title)
    tg = learned_tagger(language) if learned else None
    out: list[Statement] = []
    for start, end, is_head, found in units:
        if tg is not None:
            found.extend(_learned_unit(text, start, end, is_head, found, lang, quotes, tg))
        base = len(out)
        for st in found:
            if st.parent is not None:
                st.parent += base
            st.language = language
            out.append(st)
    _resolve(out, text, lang)
    return out


def analyse_units(
    text: str, sentences: list[Sentence], language: str | None, title: str | None = None
) -> tuple[Lang, Quotes, list[tuple[int, int, bool, list[Statement]]]]:
    """Rule-based pass: (start, end, is_headline, statements) per unit, before resolution."""
    lang = compiled(language)
    quotes = Quotes(find_quotes(text, lang.quotes))
    units = build_units(sentences, quotes)
    headline_end = _headline_end(text, units, title, lang)
    out: list[tuple[int, int, bool, list[Statement]]] = []
    for k, (start, end, para) in enumerate(units):
        is_head = headline_end is not None and start < headline_end
        found = _analyse_unit(text, start, end, lang, quotes, is_head)
        if not found and not is_head and k and units[k - 1][2] == para and out[-1][3]:
            cont = _continuation(text, start, end, lang, quotes, out[-1][3][-1])
            found = [cont] if cont is not None else found
        out.append((start, end, is_head, found))
    return lang, quotes, out


def _continuation(
    text: str, start: int, end: int, lang: Lang, quotes: Quotes, prev: Statement
) -> Statement | None:
    """de "… sagte Vogt. Die Mittel seien eingeplant.": a cue-less sentence in the reported
    mood (Konjunktiv I) goes on with the previous sentence's speaker."""
    if lang.continuation_re is None or prev.kind in ("headline", "direct"):
        return None
    head = TOKEN.findall(text[start : min(end, start + 120)])[:8]
    if not any(lang.continuation_re.fullmatch(w) for w in head) or quotes.within(start, end):
        return None
    st = _statement(text, None, "indirect", (start, end), (start, end), None, lang)
    if st is not None:
        st.extra["continuation"] = True
    return st


def learned_tagger(language: str | None) -> Any | None:
    """The learned tagger for `language` (English only), or None."""
    if not language or language.lower().split("-")[0].split("_")[0] != "en":
        return None
    return learned_attribution.tagger()


def unit_inputs(
    text: str, start: int, end: int, found: list[Statement], lang: Lang, quotes: Quotes
) -> tuple[list[tuple[int, int, str]], list[list[str]]]:
    """Tokens of a unit and their tagger features (also used to build training data)."""
    toks = [(m.start(), m.end(), m.group(0)) for m in TOKEN.finditer(text, start, end)]
    in_quote = [quotes.containing(s) is not None for s, _e, _w in toks]
    marks = learned_attribution.marks_for(toks, found)
    return toks, learned_attribution.unit_features(text, toks, lang, in_quote, marks)


def _learned_unit(
    text: str,
    start: int,
    end: int,
    is_head: bool,
    found: list[Statement],
    lang: Lang,
    quotes: Quotes,
    tg: Any,
) -> list[Statement]:
    """Statements for the cues the tagger finds and the rules missed in one unit."""
    toks, feats = unit_inputs(text, start, end, found, lang, quotes)
    if not toks:
        return []
    spans = learned_attribution.tag_unit(tg, feats, toks)
    if spans.cue_marginals is not None:
        _veto_rule_cues(found, toks, spans.cue_marginals, quotes)
    out: list[Statement] = []
    for cs, ce, prob in spans.cues:
        if lang.blocked_re is not None and lang.blocked_re.match(text, cs):
            continue  # the language file vetoes this form ("charged with": passive)
        if (
            not learned_attribution.TAGGER_REQUESTS
            and lang.request_re is not None
            and lang.request_re.match(text, cs)
        ):
            continue  # the rules' reading: "called for" is a request, no report
        agree = [
            st
            for st in found
            if st.cue_start is not None
            and st.cue_end is not None
            and st.cue_start < ce
            and cs < st.cue_end
        ]
        if (
            not agree
            and prob < learned_attribution.FRAME_KEEP_PROB
            and any(_in_frame(st, cs, ce) for st in found)
        ):
            continue  # between a rule speaker and its cue ("Police said they could not confirm")
        if agree:  # the rules found this cue: keep their statement, fill a missing speaker
            src = _nearest(spans.sources, cs, ce)
            if src is not None and text[src[0] : src[1]].lower() in lang.relative_pronouns:
                src = None  # "X, who said": the rules resolve the pronoun to X
            for st in agree:
                if (st.speaker_start is None and src is not None) or (
                    src is not None and _override_speaker(st, src, spans, found)
                ):
                    _set_speaker(st, text, src, lang)
            continue
        if prob < learned_attribution.CUE_MIN_PROB:
            continue
        src = _nearest(spans.sources, cs, ce)
        con = _nearest(spans.contents, cs, ce)
        if con is None and learned_attribution.CONTENT_FALLBACK:
            after = _trim(text, ce, end)
            con = after if after[1] - after[0] > 3 else None
        if con is None:
            continue
        stance = "assert"
        if lang.cue_re is not None:
            for m in lang.cue_re.finditer(text, cs, ce):
                if m.lastgroup in ("deny", "hedge"):
                    stance = m.lastgroup
                    break
        cue = Cue(cs, ce, stance, "verb")
        kind, con_s, con_e = _direct_span(text, *con, quotes)
        if is_head:
            kind = "headline"
        speaker = _analyse_np(text, *src, lang) if src is not None else None
        if src is not None and text[src[0] : src[1]].lower() in lang.relative_pronouns:
            speaker = _relative_antecedent(text, start, src[1], lang, quotes)
        rule_subject = False
        if speaker is None and learned_attribution.RULE_SUBJECT:
            speaker = _learned_cue_subject(text, start, cs, lang, quotes)
            rule_subject = speaker is not None
        if learned_attribution.LETTER_LABELS and speaker and _letter_label(text, speaker, lang):
            if not any(ch.isalpha() for ch in text[cs:ce]):
                continue  # "Q: …" in an interview: a turn label, not a source and its cue
            speaker, rule_subject = None, False
        st = _statement(text, cue, kind, (con_s, con_e), (start, end), speaker, lang)
        if st is not None:
            st.extra["learned"] = True
            st.extra["cue_prob"] = round(prob, 3)
            if rule_subject:
                st.extra["rule_subject"] = True
            out.append(st)
    for st in out:  # nested in a rule-based statement's content
        inside = [k for k, o in enumerate(found) if o.start <= (st.cue_start or 0) < o.end]
        if inside:
            st.parent = min(inside, key=lambda k: found[k].end - found[k].start)
    return out


def _letter_label(text: str, sp: Speaker, lang: Lang) -> bool:
    """A lone letter that is no pronoun ("Q", "A"): an interview's turn label, no source."""
    w = text[sp.start : sp.end].strip()
    return len(w) == 1 and w.isalpha() and w.lower() not in lang.pronouns


def _learned_cue_subject(
    text: str, start: int, cs: int, lang: Lang, quotes: Quotes
) -> Speaker | None:
    """The rules' subject for a tagged cue the tagger gave no source ("Obama plans to …")."""
    sub = _subject(text, _clause_start(text, start, cs, lang, quotes), cs, lang, quotes)
    if isinstance(sub, Speaker) and (sub.person_pronoun or sub.name or sub.role):
        return sub  # not "It appears", "there were": PolNeAR gives those no source
    return None


def _veto_rule_cues(
    found: list[Statement], toks: list[tuple[int, int, str]], cm: list[float], quotes: Quotes
) -> None:
    """Drop (in place) rule statements whose one-word cue the tagger finds unlikely.

    The tagger sees the rules' labels as features, so a low cue marginal on a rule cue means
    that in training data such rule cues were mostly not attribution cues. What PolNeAR does
    not annotate but the product reports stays: denials and hedges, headlines, and
    statements quoted inside a quotation.
    """
    limit = learned_attribution.CUE_VETO_PROB
    drop = set()
    for j, st in enumerate(found):
        if st.cue_start is None or st.cue_end is None or st.stance != "assert":
            continue
        if st.kind == "headline" or quotes.containing(st.cue_start) is not None:
            continue
        ps = [cm[k] for k, (ts, _te, _w) in enumerate(toks) if st.cue_start <= ts < st.cue_end]
        if len(ps) == 1 and ps[0] < limit:
            drop.add(j)
    _drop_statements(found, drop)


def _override_speaker(
    st: Statement,
    src: tuple[int, int],
    spans: learned_attribution.UnitSpans,
    found: list[Statement],
) -> bool:
    """Whether the tagger's confident source should replace a rule statement's speaker."""
    limit = learned_attribution.SRC_OVERRIDE_PROB
    if limit > 1.0 or st.speaker_start is None or st.speaker_end is None:
        return False
    if (st.speaker_start, st.speaker_end) == src or not spans.source_probs:
        return False
    ss, se = st.speaker_start, st.speaker_end
    if not (ss < src[1] and src[0] < se):
        if learned_attribution.SRC_OVERRIDE_OVERLAPPING:
            return False
        if any(
            o is not st
            and o.speaker_start is not None
            and o.speaker_end is not None
            and o.speaker_start < src[1]
            and src[0] < o.speaker_end
            for o in found
        ):
            return False  # "X reported that Y said": Y's "said" does not get X
    if src[0] <= ss and se <= src[1] and se - ss > 2:
        return False  # the tagger adds an apposition or title the rules parse themselves
    return spans.source_probs[spans.sources.index(src)] >= limit


def _set_speaker(st: Statement, text: str, src: tuple[int, int], lang: Lang) -> None:
    sp = _analyse_np(text, *src, lang)
    st.speaker = text[src[0] : src[1]]
    st.speaker_start, st.speaker_end = src
    st.speaker_name, st.role = sp.name, sp.role
    st.affiliation, st.anonymous = sp.affiliation, sp.anonymous
    st.extra.update(_speaker_extra(sp))
    st.extra["learned_speaker"] = True


def _in_frame(st: Statement, cs: int, ce: int) -> bool:
    """Whether (cs, ce) lies within the stretch from a rule statement's speaker to its cue."""
    if st.speaker_start is None or st.speaker_end is None or st.cue_start is None:
        return False
    lo = min(st.speaker_start, st.cue_start)
    hi = max(st.speaker_end, st.cue_end or st.cue_start)
    return lo <= cs and ce <= hi


def _nearest(spans: list[tuple[int, int]], cs: int, ce: int) -> tuple[int, int] | None:
    """The span closest to the cue (cs, ce) that does not overlap it; earlier wins ties."""
    best = None
    best_d = None
    for s, e in spans:
        if s < ce and cs < e:
            continue
        d = cs - e if e <= cs else s - ce
        if best_d is None or d < best_d:
            best, best_d = (s, e), d
    return best


def _headline_end(
    text: str, units: list[tuple[int, int, int]], title: str | None, lang: Lang
) -> int | None:
    if not units:
        return None
    first = units[0]
    para_end = first[1]
    for u in units[1:]:
        if u[2] != first[2]:
            break
        para_end = u[1]
    head = text[first[0] : para_end].strip()
    if title:
        return para_end if " ".join(head.split()) == " ".join(title.split()) else None
    if head.rstrip("”\"'’»」』)")[-1:] in ".!?。…؟" or len(units) < 1:
        return None
    words = head.split() if lang.spaces else list(head)
    limit = lang.headline_max_words if lang.spaces else lang.headline_max_words * 3
    return para_end if len(words) <= limit else None


# ---------------------------------------------------------------- cues


def _find_cues(text: str, start: int, end: int, lang: Lang, quotes: Quotes) -> list[Cue]:
    if lang.cue_re is None:
        return []
    cues: list[Cue] = []
    for m in lang.cue_re.finditer(text, start, end):
        if quotes.containing(m.start()):
            continue
        kind = m.lastgroup or "assert"
        stance = kind if kind in ("deny", "hedge", "assert") else "assert"
        ckind = kind if kind in ("according", "according_after", "citing") else "verb"
        cs, ce = m.start(), m.end()
        while ce > cs and text[ce - 1].isspace():
            ce -= 1
        if ckind == "verb" and lang.spaces and _is_noun_use(text, cs, ce, start, lang):
            continue
        if (
            ckind == "verb"
            and lang.noun_caps
            and text[cs].isupper()
            and text[start:cs].rstrip()[-1:] not in ("", *":“„\"«»”‚‘'")
        ):
            continue  # "zu Berichten über …": a capitalised cue form inside a sentence is a noun
        if (
            ckind == "verb"
            and lang.caps
            and not lang.noun_caps
            and lang.spaces
            and text[cs].isupper()
            and (prev_word := text[start:cs].split()[-1:])
            and lang.honorific_re is not None
            and lang.honorific_re.fullmatch(prev_word[0])
        ):
            continue  # vi "Ông Hứa Văn Tài": a capitalised cue form after an honorific is a name
        if (
            ckind == "verb"
            and not lang.spaces
            and lang.claim_re is not None
            and lang.claim_re.fullmatch(text[cs:ce])
            and text[max(start, cs - 2) : cs].endswith(tuple(lang.determiners) or ("\0",))
        ):
            continue  # "这些报道是假新闻": the cue form used as a noun
        if ckind == "according" and lang.compl_re is not None:
            cm = lang.compl_re.match(text, cs)
            if cm and cm.end() > ce:
                continue  # "selon lesquelles", "secondo cui": a complementizer, not a source
        if (
            ckind == "verb"
            and lang.not_after_re
            and lang.not_after_re.search(text, max(start, cs - 12), cs)
        ):
            continue
        if lang.blocked_re and lang.blocked_re.match(text, cs):
            continue
        if lang.request_re and lang.request_re.match(text, cs):
            continue  # "called for", "asked to": a request, no report (the tagger may keep it)
        if (
            ckind == "verb"
            and lang.claim_re is not None
            and lang.claim_re.fullmatch(text, cs, ce)
            and text[start:cs].rstrip()[-1:] in ('"', "”", "»", "’", "」")
        ):
            continue  # '"chưa thể xác nhận" cáo buộc …': the quoted verb's object noun
        if (
            ckind == "verb"
            and cues
            and cues[-1].stance != "assert"
            and cs - cues[-1].end < 30
            and lang.claim_re is not None
            and lang.claim_re.fullmatch(text[cs:ce].lower())
        ):
            continue  # "denied US claims that ...": the object of the denial
        cues.append(Cue(cs, ce, stance, ckind))
    if lang.order == "sov" and lang.quotative:
        cues = [c for k, c in enumerate(cues) if not _quoted_cue(text, c, cues[k + 1 :], lang)]
    return cues


def _quoted_cue(text: str, cue: Cue, later: list[Cue], lang: Lang) -> bool:
    """sov: a verb right before a quotative and another cue is reported content, not a cue
    ("容疑者が犯行を認めたと報じた": 認めた is what the paper reported)."""
    if cue.kind != "verb" or cue.stance != "assert":  # "確認できないとしている": a hedge
        return False
    q = next((q for q in lang.quotative if text.startswith(q, cue.end)), None)
    if q is None:
        return False
    return any(o.kind == "verb" and cue.end <= o.start <= cue.end + len(q) for o in later)


def _is_noun_use(text: str, cs: int, ce: int, unit_start: int, lang: Lang) -> bool:
    """'the claims', 'Seoul's reports', 'reports said': a cue form used as a noun."""
    word = text[cs:ce].lower()
    if lang.claim_re is None or not lang.claim_re.fullmatch(word):
        return False
    before = text[max(unit_start, cs - 40) : cs].rstrip()
    prev = TOKEN.findall(before)[-1:] if before else []
    after = TOKEN.findall(text[ce : ce + 30])[:1]
    if not prev:
        return True
    p = prev[0].lower()
    if p in lang.determiners or p in lang.prepositions or p.endswith(("'s", "’s")) or p.isdigit():
        return True
    if after and (after[0].lower() in lang.possessor_preps or after[0].lower() in NOUN_VERBS):
        return True
    return bool(after and lang.cue_re and lang.cue_re.match(text, ce + 1))


# ---------------------------------------------------------------- per unit


def _analyse_unit(
    text: str, start: int, end: int, lang: Lang, quotes: Quotes, is_head: bool
) -> list[Statement]:
    cues = _find_cues(text, start, end, lang, quotes)
    out: list[Statement] = []
    if not cues:
        st = _headline_colon(text, start, end, lang, quotes, is_head)
        if st:
            out.append(st)
        return out
    # content of a cue stops where a later subject-less cue starts (", adding ...")
    stops = _content_stops(text, cues, start, lang)
    prev_end = start
    for i, cue in enumerate(cues):
        if cue.used:
            continue
        if (
            cue.kind == "verb"
            and cue.stance != "assert"
            and out
            and out[-1].start == cue.start
            and out[-1].cue_end is not None
            and _only_space_or_comma(text, out[-1].cue_end, cue.start)
        ):
            # "cho biết chưa thể xác nhận …", "mengaku belum dapat memastikan …": the hedge or
            # denial right after a reporting verb is the statement's cue, its object the content
            _take_cue(text, out[-1], cue, lang)
            continue
        content_end = stops[i]
        if cue.kind == "according":
            st = _according(text, cue, start, prev_end, content_end, end, lang, quotes)
        elif cue.kind == "according_after":
            st = _according_after(text, cue, start, prev_end, content_end, lang, quotes)
        elif cue.kind == "citing":
            continue
        elif lang.order == "sov":
            st = _verb_sov(text, cue, start, prev_end, content_end, lang, quotes)
        else:
            st = _verb(text, cues, i, start, prev_end, content_end, end, lang, quotes, out)
        if st is None:
            continue
        if cue.kind == "according" and st.start > cue.end:
            for other in cues[i + 1 :]:
                if cue.end <= other.start < st.start:
                    other.used = True  # "据新华社报道": 报道 belongs to the source
        elif cue.kind == "according" and st.speaker_end is not None:
            for other in cues[i + 1 :]:
                if cue.end <= other.start < st.speaker_end:
                    other.used = True  # "…, theo báo cáo từ X": báo cáo introduces the source
        if is_head and st.kind in ("direct", "indirect"):
            st.kind = "headline"
        out.append(st)
        nested = _nested_claim(text, cue, st, lang, cues) or _sov_nested(text, st, lang)
        if nested is not None:
            nested.parent = len(out) - 1
            nested.extra["nested"] = True
            out.append(nested)
        prev_end = max(prev_end, cue.end)
    for i, cue in enumerate(cues):
        if cue.kind == "citing":
            st = _citing(text, cue, start, stops[i], lang, out)
            if st is not None:
                out.append(st)
    _inner_quotes(text, out, lang, quotes, is_head)
    _set_parents(out)
    _merge_embedded(out, lang, text)
    _drop_speaker_contents(out)
    return out


def _drop_speaker_contents(out: list[Statement]) -> None:
    """vi "Trả lời phóng viên Thời Sự Mới, bà X, Giám đốc …, khẳng định …": a lead phrase's cue
    whose 'content' is only another statement's speaker mention said nothing itself."""
    drop = {
        i
        for i, st in enumerate(out)
        if any(
            j != i
            and other.speaker_start is not None
            and other.speaker_end is not None
            and other.speaker_start <= st.start
            and st.end <= other.speaker_end
            # the other speaker is a real mention, not a clause mistaken for one ("… said
            # that it had lost contact and could not confirm …")
            and bool(other.speaker_name or other.role)
            for j, other in enumerate(out)
        )
    }
    _drop_statements(out, drop)


def _take_cue(text: str, st: Statement, cue: Cue, lang: Lang) -> None:
    """Give `st` the stance-bearing `cue` that opens its content; the content follows it."""
    cs, ce = _trim(text, cue.end, st.end)
    if ce > cs:
        st.start, st.end, st.content = cs, ce, text[cs:ce]
    st.cue, st.cue_start, st.cue_end = text[cue.start : cue.end], cue.start, cue.end
    st.stance = classify(cue.stance, st.content, "", lang.lexicon)
    cue.used = True


def _content_stops(text: str, cues: list[Cue], unit_start: int, lang: Lang) -> list[int]:
    """For each cue, where its content must end: before the next ', adding'-style cue."""
    stops = [len(text)] * len(cues)
    for j in range(1, len(cues)):
        between = text[cues[j - 1].end : cues[j].start]
        m = re.search(rf"[{re.escape(lang.comma_chars)}]\s*(?:\w+\s+)?$", between)
        if not (
            m
            and (not m.group(0)[1:].strip() or m.group(0)[1:].strip().lower() in lang.coordinators)
        ):
            m = re.search(r"\s(\w+)\s+$", between)
            if m and m.group(1).lower() not in lang.coordinators:
                m = None
        if m:
            cut = cues[j - 1].end + m.start()
            for k in range(j):
                stops[k] = min(stops[k], cut)
    return stops


def _statement(
    text: str,
    cue: Cue | None,
    kind: str,
    content: tuple[int, int],
    sentence: tuple[int, int],
    speaker: Speaker | None,
    lang: Lang,
    context: str = "",
) -> Statement | None:
    cs, ce = _trim(text, *content)
    if ce <= cs:
        if cue is None or cue.stance != "hedge":
            return None
        cs = ce = cue.end  # "declined to comment." — a hedge about nothing stated
    body = text[cs:ce]
    stance = classify(cue.stance if cue else "assert", body, context, lang.lexicon)
    mention = text[speaker.start : speaker.end] if speaker else None
    return Statement(
        speaker=mention,
        cue=text[cue.start : cue.end] if cue else None,
        kind=kind,
        stance=stance,
        content=body,
        start=cs,
        end=ce,
        sentence_start=sentence[0],
        sentence_end=sentence[1],
        speaker_name=speaker.name if speaker else None,
        role=speaker.role if speaker else None,
        affiliation=speaker.affiliation if speaker else None,
        anonymous=speaker.anonymous if speaker else False,
        speaker_start=speaker.start if speaker else None,
        speaker_end=speaker.end if speaker else None,
        cue_start=cue.start if cue else None,
        cue_end=cue.end if cue else None,
        extra=_speaker_extra(speaker),
    )


def _speaker_extra(speaker: Speaker | None) -> dict[str, Any]:
    if speaker is None:
        return {}
    extra: dict[str, Any] = {}
    if speaker.pronoun:
        extra["pronoun"] = True
        extra["person"] = speaker.person_pronoun
    if speaker.anaphor:
        extra["anaphor"] = speaker.anaphor
    return extra


TRIM_CHARS = " \t\n,;:—–-،，、"


def _last_match(pattern: re.Pattern[str], text: str, a: int, b: int) -> re.Match[str] | None:
    last = None
    for last in pattern.finditer(text, a, b):  # noqa: B007 - the last one is wanted
        pass
    return last


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in TRIM_CHARS:
        s += 1
    while e > s and (text[e - 1] in TRIM_CHARS or text[e - 1] in ".。"):
        e -= 1
    return s, e


def _strip_quote_marks(text: str, s: int, e: int, quotes: Quotes) -> tuple[int, int]:
    """Content that is exactly one quotation loses its quote marks."""
    s, e = _trim(text, s, e)
    for qs, qe in quotes.within(s, e + 1):
        if qs == s and qe in (e - 1, e):
            inner_s, inner_e = qs + 1, qe
            while inner_e > inner_s and text[inner_e - 1] in " ,，、":
                inner_e -= 1
            return inner_s, inner_e
    return s, e


def _is_direct(text: str, s: int, e: int, quotes: Quotes) -> bool:
    s, e = _trim(text, s, e)
    if e <= s:
        return False
    covered = sum(min(qe + 1, e) - max(qs, s) for qs, qe in quotes.within(s, e + 1))
    return covered >= 0.85 * (e - s)


def _direct_span(text: str, s: int, e: int, quotes: Quotes) -> tuple[str, int, int]:
    """("direct", the span without its quote marks) for quoted content, else ("indirect", s, e)."""
    if _is_direct(text, s, e, quotes):
        return ("direct", *_strip_quote_marks(text, s, e, quotes))
    return "indirect", s, e


# ---------------------------------------------------------------- svo / vso verbs


def _verb(
    text: str,
    cues: list[Cue],
    i: int,
    u_start: int,
    prev_end: int,
    content_end: int,
    u_end: int,
    lang: Lang,
    quotes: Quotes,
    done: list[Statement],
) -> Statement | None:
    cue = cues[i]
    c_end = min(content_end, u_end)
    region_start = _clause_start(text, prev_end, cue.start, lang, quotes)
    speaker, inverted = None, False
    suffix = next((x for x in lang.suffix_pronouns if text.endswith(x, cue.start, cue.end)), None)
    if suffix and cue.end - cue.start > len(suffix) + 2:
        # "ujarnya": the speaker is the pronoun glued to the cue
        cue.end -= len(suffix)
        subject: Speaker | str | None = _analyse_np(text, cue.end, cue.end + len(suffix), lang)
    elif lang.clitic_re and (clitic := lang.clitic_re.search(text, cue.start, cue.end)):
        # "« … », a-t-il martelé": the subject pronoun sits inside the cue
        subject = _analyse_np(text, clitic.start(1), clitic.end(1), lang)
    else:
        subject_end = cue.start
        for other in cues[:i]:
            if other.kind == "citing" and region_start <= other.start < cue.start:
                # "X, citing Y, reported": the subject is X
                subject_end = other.start
                while subject_end > region_start and text[subject_end - 1] in " ,，、\t":
                    subject_end -= 1
                break
        before_cue = text[region_start:subject_end].rstrip()
        if before_cue.endswith(")") and (op := _aside_open(before_cue, len(before_cue) - 1)) > 0:
            subject_end = region_start + op  # the aside is no part of the subject
        for other in cues[:i]:
            if (
                other.kind == "verb"
                and region_start <= other.start
                and text[other.end : subject_end].strip().lower() in lang.coordinators
            ):
                subject_end = other.start  # "Ông X nhấn mạnh và cho biết thêm …": one subject
                break
        rel = _relative_comma(text, prev_end, subject_end, lang)
        if rel is not None:  # "Mayor X, who said …": the relative pronoun's antecedent speaks
            region_start = _clause_start(text, prev_end, rel, lang, quotes)
            subject_end = rel
        subject = _subject(text, region_start, subject_end, lang, quotes)
    if subject == "coordinated":
        subject = None
        coordinated = True
    else:
        coordinated = False
    before_region = text[max(u_start, region_start - 12) : region_start].split()
    if before_region and before_region[-1].lower() in lang.coordinators and subject is None:
        coordinated = True  # "... but declined to comment": same speaker, no inversion
    may_invert = not lang.no_inversion and (
        lang.inversion_re is None
        or bool((m_inv := lang.inversion_re.match(text, cue.start)) and m_inv.end() >= cue.end - 1)
    )
    first_word = TOKEN.match(text, cue.start)
    if first_word and first_word.group(0).lower() in lang.prepositions:
        may_invert = False  # "…, sans vouloir en commenter le coût": an adjunct has no subject
    if (
        may_invert
        and lang.claim_re is not None
        and lang.claim_re.fullmatch(text, cue.start, cue.end)
    ):
        may_invert = False  # '"chưa thể xác nhận" cáo buộc Kestria …': the claim noun's object
    tail = text[region_start : cue.start].rstrip()[-1:]
    if subject is None and not may_invert and tail in lang.comma_chars:
        coordinated = True  # ", dismissing the reports": the main clause's speaker
    comma_tail = subject is None and bool(done) and bool(tail) and tail in lang.comma_chars
    if subject is not None:
        speaker = subject
    else:
        inv = None
        # "Ha aggiunto che i fondi …": what follows a cue's own complementizer is content
        if may_invert and not coordinated and not _ends_with_complementizer(text, cue, lang):
            inner = _gap_speaker(text, cue, lang)
            inv = (inner, cue.end) if inner else _inverted_speaker(text, cue.end, c_end, lang)
        if inv is not None:
            speaker, inverted = inv
        elif done and (
            coordinated or comma_tail or _only_space_or_comma(text, region_start, cue.start)
        ):  # "…، مضيفا أن …": a participle after a comma goes on with the last speaker
            mains = [d for d in done if not d.extra.get("nested")]
            prev = mains[-1] if mains else done[-1]
            if prev.speaker_start is not None:
                speaker = Speaker(
                    prev.speaker_start,
                    prev.speaker_end or prev.speaker_start,
                    prev.speaker_name,
                    prev.role,
                    prev.affiliation,
                    prev.anonymous,
                )
        elif coordinated or (
            _only_space_or_comma(text, region_start, cue.start) and region_start > u_start
        ):
            speaker = _sentence_subject(text, u_start, max(region_start, u_start + 1), lang)
        elif (
            lang.zero_subject
            and u_start > 0
            and _only_space_or_comma(text, u_start, cue.start)
            and (after0 := _content_after(text, cue.end, c_end, lang, quotes)) is not None
            and (after0[2] == "strong" or _ends_with_complementizer(text, cue, lang))
        ):
            # pro-drop: "Añadió que …", "وأضاف أن …" — the speaker of the text so far
            st0 = _statement(text, cue, "indirect", after0[:2], (u_start, u_end), None, lang, "")
            if st0 is not None:
                st0.kind = "direct" if _is_direct(text, st0.start, st0.end, quotes) else st0.kind
                if st0.kind == "direct":
                    st0.start, st0.end = _strip_quote_marks(text, st0.start, st0.end, quotes)
                    st0.content = text[st0.start : st0.end]
                st0.extra.update({"pronoun": True, "person": True, "zero_subject": True})
            return st0
    if speaker is None:
        return None
    # content: after the cue, or before the speaker
    after_start = inverted if inverted else cue.end
    later = [c for c in cues[i + 1 :] if c.kind != "citing"]  # "نقلت X عن Y قوله إن …"
    limit = later[0].start if later else c_end
    after = _content_after(text, after_start, c_end, lang, quotes, limit)
    clause_at = None
    if (
        not coordinated
        and region_start > u_start
        and speaker.start >= region_start
        and text[u_start:region_start].rstrip()[-1:].isalnum()
    ):
        clause_at = _break_at(text, region_start)
    before = _content_before(text, u_start, prev_end, speaker, cue, lang, quotes, clause_at)
    use_before = before is not None and (
        after is None or (after[2] == "weak" and (before[2] == "quote" or after[3] < 4))
    )
    if use_before and before is not None:
        cs, ce = before[0], before[1]
        context = text[cue.end : c_end]
    elif after is not None:
        cs, ce = after[0], after[1]
        context = text[cue.end : cs]
    else:
        mid = _cue_middle(text, cue, lang.negations, lang.noun_caps)
        if mid is None and cue.stance != "hedge":
            return None
        cs, ce = mid if mid is not None else (cue.end, cue.end)
        context = ""
    for c in cues[i + 1 :]:
        if c.kind == "citing" and c.start == _trim(text, cs, ce)[0]:
            # "berichtet unter Berufung auf X, der Verdächtige sei …": content after the source
            src_end = _source_np(text, c.end, ce, lang)[1]
            rest = _trim(text, src_end, ce)
            if rest[1] - rest[0] > 3:
                cs = rest[0]
    kind, cs, ce = _direct_span(text, cs, ce, quotes)
    return _statement(text, cue, kind, (cs, ce), (u_start, u_end), speaker, lang, context)


def _ends_with_complementizer(text: str, cue: Cue, lang: Lang) -> bool:
    """it "Ha aggiunto che …": the cue form holds the complementizer, so the content after it
    is reported speech all the same."""
    words = TOKEN.findall(text, cue.start, cue.end)
    return bool(lang.compl_re and words and lang.compl_re.fullmatch(words[-1]))


def _gap_speaker(text: str, cue: Cue, lang: Lang) -> Speaker | None:
    """vso: the speaker inside a gapped cue ("رفض المتحدث باسم الشرطة التعليق")."""
    if lang.order != "vso" and not lang.noun_caps:  # de V2: "Auf Anfrage wollte sich X nicht …"
        return None
    if lang.gap_tail_re is None or lang.gap_head_re is None:
        return None
    first = lang.gap_head_re.match(text, cue.start, cue.end)
    if first is None:
        return None
    a = first.end()
    # the tail ends the cue; the first word where one does ("تأكيد أو نفي", not just "نفي")
    tail = next(
        (
            t
            for w in TOKEN.finditer(text, a + 1, cue.end)
            if (t := lang.gap_tail_re.fullmatch(text, w.start(), cue.end)) is not None
        ),
        None,
    )
    if tail is None or tail.start() <= a + 1:
        return None
    inv = _inverted_speaker(text, a, tail.start(), lang)
    return inv[0] if inv else None


def _cue_middle(
    text: str, cue: Cue, negations: frozenset[str] = frozenset(), noun_caps: bool = False
) -> tuple[int, int] | None:
    """'wollte Berichte über X nicht kommentieren': the topic sits inside the cue."""
    words = list(re.finditer(r"\S+", text[cue.start : cue.end]))
    neg = next((k for k, w in enumerate(words) if k > 1 and w.group(0).lower() in negations), 0)
    if neg:  # "wollte den Bericht weder bestätigen noch dementieren"
        return cue.start + words[0].end(), cue.start + words[neg].start()
    if noun_caps and len(words) >= 3 and (words[-2].group(0)[:1].isupper() or len(words) == 3):
        return cue.start + words[0].end(), cue.start + words[-1].start()  # "wies X/dies zurück"
    if len(words) < 4:
        return None
    return cue.start + words[0].end(), cue.start + words[-2].start()


def _sentence_subject(text: str, a: int, b: int, lang: Lang) -> Speaker | None:
    """Subject of the main clause, for '..., saying X' with no statement before it."""
    if not lang.spaces or not lang.caps:
        return None
    toks = list(TOKEN.finditer(text, a, b))
    if not toks:
        return None
    first = toks[0].group(0)
    if first.lower() in lang.pronouns:
        return _analyse_np(text, toks[0].start(), toks[0].end(), lang)
    end = None
    for k, t in enumerate(toks[:6]):
        w = t.group(0)
        if (
            (k == 0 and w.lower() in lang.determiners)
            or _name_token(w, lang)
            or (lang.role_re and lang.role_re.fullmatch(w))
            or w in ("'s", "’s", "-", ".")
            or w.lower() in lang.particles
        ):
            end = t.end()
            continue
        break
    if end is None:
        return None
    sp = _analyse_np(text, toks[0].start(), end, lang)
    return sp if sp.name or sp.role else None


def _only_space_or_comma(text: str, a: int, b: int) -> bool:
    return not text[a:b].strip(" \t\n,，、")


def _clause_start(text: str, lo: int, hi: int, lang: Lang, quotes: Quotes) -> int:
    """Start of the clause the cue belongs to: after a quote, dash, colon or conjunction."""
    pos = hi
    region = text[lo:hi]
    best = lo
    k = len(region)
    while k > 0:
        k -= 1
        ch = region[k]
        at = lo + k
        if ch == ")" and (dm := DATE_PAREN.search(region, 0, k + 1)) and dm.end() == k + 1:
            k = dm.start()  # "pada Rabu (2/7) menuding", "na terça-feira (8)": a date aside
            continue
        if ch == ")" and not region[k + 1 :].strip() and (op := _aside_open(region, k)) > 0:
            k = op  # "Ông Nguyễn Văn An (52 tuổi, ngụ xã Bình Minh) cho biết": an aside
            continue
        if ch in HARD_PUNCT or ch in "。；：":
            if ch == "-" or (ch in "–—" and lang.code in ("ar",)):
                continue
            best = at + 1
            break
        q = quotes.containing(at) if ch not in "“”\"'‘’«»„「」『』" else None
        if (
            q is None
            and ch in '”"’»“«」』'
            and any(qe == at for _, qe in quotes.within(lo, hi + 1))
        ):
            if lang.noun_caps and QUOTED_TITLE.fullmatch(text, _title_start(text, at), at + 1):
                continue  # 'Die „Abendpost“ berichtet': a quoted title inside the subject
            best = at + 1
            break
    pos = best
    if lang.spaces:
        for m in TOKEN.finditer(text, pos, hi):
            w = m.group(0).lower()
            if text[m.end() : m.end() + 1] in ("'", "’"):
                w += text[m.end()]  # "C'est ce qu'a affirmé X": the elided "qu'" breaks the clause
            if w in lang.clause_breaks or (lang.compl_re and lang.compl_re.fullmatch(w)):
                if quotes.containing(m.start()):
                    continue
                if w in lang.apposition_skip and _enclosed_by_commas(text, m.start(), hi, lang):
                    continue
                best = m.end()
    elif lang.compl_re is not None:
        for m in lang.compl_re.finditer(text, pos, hi):
            best = m.end()
    return best


def _aside_open(region: str, close: int) -> int:
    """Index of the '(' of a short parenthetical closing at `close` right after a word, or -1."""
    op = region.rfind("(", max(0, close - 80), close)
    if op <= 0 or ")" in region[op + 1 : close] or not region[:op].rstrip()[-1:].isalnum():
        return -1
    return op


def _title_start(text: str, close: int) -> int:
    """Start of a short quotation ending at `close` after an article ('die „Abendpost“')."""
    k = close - 1
    while k > max(0, close - 40) and text[k] not in '„“«»"':
        k -= 1
    before = text[max(0, k - 5) : k].rstrip()
    return k if before[-1:].isalpha() else close


def _relative_comma(text: str, lo: int, hi: int, lang: Lang) -> int | None:
    """The comma before a relative pronoun ending text[lo:hi] ("Mayor X, who"), or None.

    A relative pronoun names no one; the phrase before the comma is its antecedent.
    """
    if not lang.relative_pronouns:
        return None
    words = list(TOKEN.finditer(text, lo, hi))
    if not words or words[-1].group(0).lower() not in lang.relative_pronouns:
        return None
    if text[words[-1].end() : hi].strip():
        return None
    before = text[lo : words[-1].start()].rstrip()
    if not before or before[-1] not in lang.comma_chars:
        return None
    return lo + len(before) - 1


def _relative_antecedent(
    text: str, start: int, end: int, lang: Lang, quotes: Quotes
) -> Speaker | None:
    """The phrase a relative pronoun ending at `end` stands for ("Mayor X, who"), or None."""
    rel = _relative_comma(text, start, end, lang)
    if rel is None:
        return None
    sub = _subject(text, _clause_start(text, start, rel, lang, quotes), rel, lang, quotes)
    return sub if isinstance(sub, Speaker) else None


def _enclosed_by_commas(text: str, pos: int, hi: int, lang: Lang) -> bool:
    """', who chairs the trust,' — a relative clause set off inside the subject."""
    before = text[max(0, pos - 3) : pos].strip()
    return before[-1:] in lang.comma_chars and any(c in lang.comma_chars for c in text[pos:hi])


def _subject(text: str, a: int, b: int, lang: Lang, quotes: Quotes) -> Speaker | str | None:
    """The speaker phrase before the cue, or None (then look after the cue)."""
    segs = _segments(text, a, b, lang)
    if not segs:
        return None
    raw_tail = text[segs[-1][1] : b]
    ends_with_comma = any(c in lang.comma_chars for c in raw_tail)
    if not ends_with_comma and len(segs) > 1:
        s, e = _strip_np(text, *segs[-1], lang)
        ends_with_comma = e <= s  # "X, Name, pada Rabu (2/7) menuding": a date segment
    if not ends_with_comma:
        s, e = segs[-1]
        s, e = _strip_np(text, s, e, lang)
        if e <= s:
            if len(segs) == 1 and _is_coordinator(text, segs[-1], lang):
                return "coordinated"
            return None
        if _is_coordinator(text, (s, e), lang):
            return "coordinated"
        s = _drop_coordinator(text, s, e, lang)
        if lang.passive_re is not None:
            # "李明被检方指控…": 李明 is the accused; the agent after the marker accuses
            agent = _last_match(lang.passive_re, text, s, e)
            if agent is not None:
                rest = _trim(text, agent.end(), e)
                if rest[1] <= rest[0] or (lang.cue_re and lang.cue_re.fullmatch(text, *rest)):
                    return None  # "被指控称": no agent, the accused is no speaker
                s = rest[0]
        if lang.noun_caps and (cut := _object_cut(text, s, e, lang)) < e:
            e = max(_strip_np(text, s, cut, lang)[1], s + 1)
        if not _np_like(text, s, e, lang):
            # "asked for a photo and Clinton said": the subject after the last coordinator
            last = None
            for m in TOKEN.finditer(text, s, e):
                if m.group(0).lower() in lang.coordinators:
                    last = m
            if last is None or not _np_like(text, *_trim(text, last.end(), e), lang):
                return None
            s = _trim(text, last.end(), e)[0]
            sp = _analyse_np(text, s, e, lang)
            return sp if (sp.name or sp.pronoun or sp.role or sp.anonymous) else None
        sp = _analyse_np(text, s, e, lang)
        if sp.role and not sp.name and len(segs) >= 2:
            # "Thượng tướng X, Thứ trưởng Bộ Quốc phòng cho biết": an apposition left open
            ps, pe = _strip_np(text, *segs[-2], lang)
            prev = _analyse_np(text, ps, pe, lang)
            if _bare_name(text, prev, lang):
                return Speaker(ps, e, prev.name, _role_text(text, sp, lang), sp.affiliation)
        return sp
    # "Name, role, said" / "Role, Name, said" / "X, who ..., said"
    cands = [sg for sg in segs if text[sg[0] : sg[1]].strip()]
    aside = next(
        (k for k in range(1, len(cands)) if text[cands[k][0] : cands[k][1]].strip()[:1].isdigit()),
        0,
    )  # "Nadia Belkacem, 45 ans, a raconté", "Bà X, 56 tuổi, ngụ xã Y, kể": an age aside
    if aside == 1 or (len(cands) == 2 and _analyse_np(text, *cands[1], lang).pronoun):
        s, e = _strip_np(text, *cands[0], lang)  # "Le gouvernement, lui, assure": a pronoun
        if _np_like(text, s, e, lang):
            return _analyse_np(text, s, e, lang)
    while cands and (last_np := _strip_np(text, *cands[-1], lang))[1] <= last_np[0]:
        cands.pop()  # "said Monday, dismissing ...": a date, not a speaker
        if not cands:
            return "coordinated"
    picked: list[tuple[int, int]] = []
    skipped = False
    for sg in reversed(cands):
        first = TOKEN.match(text, sg[0])
        w = first.group(0).lower() if first else ""
        seg_low = " ".join(text[sg[0] : sg[1]].lower().split())
        multi = any(seg_low.startswith(f"{a} ") for a in lang.apposition_skip if " " in a)
        if (w in lang.apposition_skip or multi) and not picked and not skipped:
            skipped = True
            continue
        picked.append(sg)
        if len(picked) == 2:
            break
    if not picked:
        return None
    picked.reverse()
    nps = [_analyse_np(text, *_strip_np(text, s, e, lang), lang) for s, e in picked]
    if len(picked) == 2 and all(_np_like(text, s, e, lang) for s, e in picked):
        first, second = nps
        # "Pemimpin oposisi Sarnavia, Marta Quinn": a role whose name is only its affiliation
        described = [sp for sp in nps if _role_like(text, sp, lang) or (sp.role and sp.name)]
        person = [sp for sp in nps if sp.name and not sp.role]
        if (first.name and _role_like(text, second, lang)) or (
            second.name and _role_like(text, first, lang)
        ):
            named, other = (first, second) if first.name else (second, first)
        elif len(described) == 1 and len(person) == 1 and described[0] is not person[0]:
            named, other = person[0], described[0]
        elif len(described) == 2 and first.name and second.name:
            # two roles with names: the person's name follows its title directly ("Tướng Karl
            # Weiss, Tư lệnh lực lượng Ostrel"); when both do, the later one names the person
            # ("Người phát ngôn Lầu Năm Góc, Thiếu tướng Paul Ryman")
            if _bare_title(first, lang) and not _bare_title(second, lang):
                named, other = first, second
            else:
                named, other = second, first
        else:
            named = other = None
        if named is not None and other is not None:
            sp = Speaker(
                first.start,
                second.end,
                named.name,
                _role_text(text, other, lang) or named.role,
                other.affiliation or named.affiliation,
                False,
            )
            return sp
    if skipped:
        s, e = _strip_np(text, *picked[-1], lang)
        if _np_like(text, s, e, lang):
            return _analyse_np(text, s, e, lang)
    return None


def _bare_name(text: str, sp: Speaker, lang: Lang) -> bool:
    """A mention that is a person's name of two words or more with at most an honorific or
    a title before it ("Thượng tướng Phan Văn Hiển", "ông Erik Sand"): no lead phrase."""
    if not sp.name or len(sp.name.split()) < 2:
        return False
    before = text[sp.start : sp.end].rsplit(sp.name, 1)[0].strip(" ,")
    before = _strip_dets(before, lang)
    return not before or bool(
        (lang.role_re and lang.role_re.fullmatch(before))
        or (lang.honorific_re and lang.honorific_re.fullmatch(before))
    )


def _bare_title(sp: Speaker, lang: Lang) -> bool:
    """The words before the name are only a title ("Thiếu tướng", "le colonel")."""
    role = _strip_dets(sp.role or "", lang)
    return bool(role and lang.role_re and lang.role_re.fullmatch(role))


def _object_cut(text: str, s: int, e: int, lang: Lang) -> int:
    """de verb-final clauses ("wie Maren Koch den Eltern erklärte"): the subject ends at an
    article that is an np_stop (an object's case) after a capitalised word."""
    seen = False
    for t in TOKEN.finditer(text, s, e):
        w = t.group(0)
        low = w.lower()
        if seen and low in lang.np_stops and low in lang.determiners:
            end = t.start()
            while end > s and text[end - 1].isspace():
                end -= 1
            return end
        seen = seen or w[:1].isupper()
    return e


def _is_coordinator(text: str, seg: tuple[int, int], lang: Lang) -> bool:
    return text[seg[0] : seg[1]].strip().lower() in lang.coordinators


def _drop_coordinator(text: str, s: int, e: int, lang: Lang) -> int:
    m = TOKEN.match(text, s)
    if m and m.group(0).lower() in lang.coordinators and m.end() < e:
        nxt = re.match(r"\s+", text[m.end() : e])
        return m.end() + (nxt.end() if nxt else 0)
    return s


def _segments(text: str, a: int, b: int, lang: Lang) -> list[tuple[int, int]]:
    segs = []
    start = a
    for k in range(a, b):
        if text[k] in lang.comma_chars:
            segs.append((start, k))
            start = k + 1
    segs.append((start, b))
    out = []
    for s, e in segs:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        out.append((s, e))
    # drop a trailing empty segment but remember it through raw_tail in the caller
    while out and out[-1][0] >= out[-1][1] and len(out) > 1:
        out.pop()
    if out and out[-1][0] >= out[-1][1]:
        return []
    return out


def _strip_np(text: str, s: int, e: int, lang: Lang) -> tuple[int, int]:
    """Drop auxiliaries, adverbs and dates around a subject ('has long', 'on Thursday')."""
    chunk = text[s:e]
    if (dm := DATE_PAREN_END.search(chunk)) is not None:
        chunk = chunk[: dm.start()]  # "pada Rabu (2/7)"
    if lang.strip_re is not None:
        for _ in range(3):
            m = lang.strip_re.search(chunk)
            if not m or (m.start() == 0 and m.end() == len(chunk) and False):
                break
            if m.start() == len(chunk):
                break
            chunk = chunk[: m.start()]
        if lang.strip_lead_re is not None:
            m = lang.strip_lead_re.match(chunk)
            if m and m.end() < len(chunk):
                s += m.end()
                chunk = chunk[m.end() :]
    e = s + len(chunk.rstrip(" ,，、"))
    while s < e and text[s] in " ,，、\"'“”«»":
        if text[s] in "\"'“”«»":
            break
        s += 1
    return s, e


def _np_like(text: str, s: int, e: int, lang: Lang) -> bool:
    if e <= s:
        return False
    chunk = text[s:e]
    if chunk[:1].isdigit() or chunk.strip().lower() in lang.apposition_skip | lang.clause_breaks:
        return False
    if not lang.spaces:
        return len(chunk) <= 30
    toks = TOKEN.findall(chunk)
    words = [t for t in toks if t[0].isalnum()]
    if not words or len(words) > MAX_SPEAKER_WORDS:
        return False
    first = words[0].lower()
    if first in lang.prepositions and first not in lang.determiners:
        return False
    return not (lang.compl_re and lang.compl_re.fullmatch(first))


def _role_like(text: str, sp: Speaker, lang: Lang) -> bool:
    """'the Kremlin spokesman', 'a prominent Trump supporter': a description, not a name."""
    if sp.name:
        return False
    chunk = text[sp.start : sp.end]
    first = TOKEN.match(chunk)
    det = bool(first and first.group(0).lower() in lang.determiners)
    return bool(lang.role_re and lang.role_re.search(chunk)) or sp.anonymous or det


def _role_text(text: str, sp: Speaker, lang: Lang) -> str | None:
    chunk = text[sp.start : sp.end].strip(" ,")
    return chunk or None


def _inverted_speaker(text: str, a: int, b: int, lang: Lang) -> tuple[Speaker, int] | None:
    """'..., said the official' / '— заявил Песков': speaker right after the cue."""
    m = re.match(r"[ \t]*(?:-t-|-)?", text[a:b])
    s = _skip_pp(text, a + (m.end() if m else 0), b, lang)
    if s >= b or text[s] in '“"«„「『:：':
        return None
    e = s
    toks = list(TOKEN.finditer(text, s, b))
    count = 0
    skip_to = s
    for t in toks:
        if t.start() < skip_to:
            continue
        w = t.group(0)
        lw = w.lower()
        if not w[0].isalnum():
            if w in "-'’.&" and count:
                continue
            if count and (title := QUOTED_TITLE.match(text, t.start(), b)):
                e = skip_to = title.end()  # 'صحيفة «المساء»': a quoted title in the name
                continue
            break
        if count and lw in lang.np_stops:
            break
        if (
            lw in lang.stops_after_name
            and count >= 2
            and all(_name_token(x, lang) for x in text[s:e].split()[-2:])
        ):
            break  # de "sagte Katja Wendt der Zeitung …": a dative audience after the name
        if (
            count
            and lang.claim_re is not None
            and lang.claim_re.fullmatch(lw)
            and text[s:e].split()[-1].lower() not in lang.claim_heads
        ):
            break  # "ونفى النادي الاتهامات": the object of the cue (not "وكالة الأنباء")
        if lang.compl_re and lang.compl_re.fullmatch(lw):
            break
        if (
            count == 0
            and lang.prepositions
            and lw in lang.prepositions
            and lw not in lang.determiners
        ):
            return None
        e = t.end()
        count += 1
        if count > MAX_SPEAKER_WORDS:
            return None
    if e <= s:
        return None
    if lang.order == "sov":
        return None
    sp = _analyse_np(text, s, e, lang)
    if lang.spaces and not _head_ok(text, s, e, lang, sp):
        return None
    if lang.appositive_pp and not sp.name and _role_like(text, sp, lang):
        e = _role_pp_end(text, e, b, lang)
        sp = _analyse_np(text, s, e, lang)
    # apposition: "said Greta Holm, chief executive of X" / "said the chief, Sam Oduya,"
    after = e
    m2 = re.match(rf"\s*[{re.escape(lang.comma_chars)}]\s*", text[e:b])
    if m2:
        seg_s = e + m2.end()
        seg_e = seg_s
        for ch_i in range(seg_s, b):
            if text[ch_i] in ",，.;:!?\n" or text[ch_i] in lang.comma_chars:
                break
            seg_e = ch_i + 1
        seg_s2, seg_e2 = _strip_np(text, seg_s, seg_e, lang)
        first = TOKEN.match(text, seg_s2)
        fw = first.group(0).lower() if first else ""
        clause = lang.continuation_re is not None and any(
            lang.continuation_re.fullmatch(w) for w in TOKEN.findall(text, seg_s2, seg_e2)
        )  # de V2 "Am Dienstag sagte X, eine Einigung sei möglich": the content, no apposition
        if (
            seg_e2 > seg_s2
            and not clause
            and fw not in lang.apposition_skip
            and _np_like(text, seg_s2, seg_e2, lang)
        ):
            other = _analyse_np(text, seg_s2, seg_e2, lang)
            if sp.name and _role_like(text, other, lang):
                sp.role = text[seg_s2:seg_e2]
                sp.affiliation = sp.affiliation or other.affiliation
                after = seg_e2
            elif (
                (not sp.name or (sp.role and not lang.caps and not other.role))
                and other.name
                and not other.anonymous
            ):  # "الرئيسة التنفيذية لشركة سكاي لاين، ريم الشامي": the name after the comma
                sp = Speaker(s, seg_e2, other.name, text[s:e], sp.affiliation or other.affiliation)
                after = seg_e2
    return sp, after


def _possessor_pp_re(preps: frozenset[str], comma_chars: str) -> re.Pattern[str] | None:
    """' von Datenwerk, ': a possessor preposition, a short phrase and the comma after it."""
    if not preps:
        return None
    alts = "|".join(re.escape(p) for p in sorted(preps, key=len, reverse=True))
    commas = re.escape(comma_chars)
    return re.compile(rf"\s+(?:{alts})\s+[^{commas}.;:!?\n„“\"«»]{{1,60}}?\s*[{commas}]\s*")


def _role_pp_end(text: str, e: int, b: int, lang: Lang) -> int:
    """'sagte die Geschäftsführerin von Datenwerk, Ines Hollmann': a role's short
    possessor phrase, kept when the name follows it after a comma (else `e`)."""
    if lang.possessor_pp_re is None or not lang.caps:
        return e
    m = lang.possessor_pp_re.match(text[e:b])
    if m is None or len(text[e : e + m.end()].split()) > 6:
        return e
    seg_s = e + m.end()
    seg_e = seg_s
    while seg_e < b and text[seg_e] not in ",.;:!?\n" and text[seg_e] not in lang.comma_chars:
        seg_e += 1
    words = text[seg_s:seg_e].split()
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return e
    if not all(_name_token(w.strip("'’"), lang) for w in words):
        return e
    return e + len(text[e : e + m.end()].rstrip(" ," + lang.comma_chars))


def _skip_pp(text: str, s: int, b: int, lang: Lang) -> int:
    """'escribió en X la senadora …', 'написала в своем канале депутат …': skip a short
    prepositional phrase between an inverted cue and its speaker (up to a determiner or role)."""
    if not lang.spaces:
        return s
    lead = lang.strip_lead_re.match(text[s:b]) if lang.strip_lead_re else None
    p = s + lead.end() if lead and s + lead.end() < b else s  # "a affirmé mardi à l'AFP le …"
    if not re.search(r"[,،，”»\"’—–]\s*\S+(?:\s+\S+){0,3}\s*$", text[max(0, s - 60) : s]):
        # only after the content ("«…», escribió en X …"), not "Asked about the …"; a date
        # before a determiner still goes ("C'est ce qu'a affirmé mardi le ministre")
        first = TOKEN.match(text, p) if p > s else None
        return p if first and first.group(0).lower() in lang.determiners else s
    toks = list(TOKEN.finditer(text, p, b))[:7]
    if not toks:
        return s
    w0 = toks[0].group(0).lower()
    if w0 not in lang.prepositions or w0 in lang.determiners:
        return p
    for t in toks[1:]:
        w = t.group(0)
        if not w[0].isalnum() and w not in '«»"“”':
            break
        if w.lower() in lang.np_stops and w.lower() not in lang.prepositions:
            break
        if w.lower() in lang.determiners or (lang.role_re and lang.role_re.fullmatch(w)):
            return t.start()
    # "a déclaré à l'AFP Jean Dupré", "declaró a Efe Luis Prado": a one-word outlet, then a name
    k = 2 if len(toks) > 1 and toks[1].group(0).lower() in lang.prepositions else 1  # auprès de
    if (
        len(toks) >= k + 2
        and toks[k].group(0)[_elided_det(toks[k].group(0), lang) :][:1].isupper()
        and _name_token(toks[k + 1].group(0), lang)
        and toks[k].end() < toks[k + 1].start()
    ):
        return toks[k + 1].start()
    return s


def _head_ok(text: str, s: int, e: int, lang: Lang, sp: Speaker) -> bool:
    """An inverted speaker must look like one: a name, pronoun, role or determiner."""
    if sp.name or sp.pronoun or sp.anonymous:
        return True
    first = TOKEN.match(text, s)
    w = first.group(0) if first else ""
    if w.lower() in lang.determiners:
        return True
    elided = re.match(r"\w+['’]", w)  # "l'Agence", "l’amministratore"
    if elided and elided.group(0).lower() in lang.determiners:
        return True
    return bool(lang.role_re and lang.role_re.match(text, s))


def _content_after(
    text: str, a: int, b: int, lang: Lang, quotes: Quotes, limit: int | None = None
) -> tuple[int, int, str, int] | None:
    """(start, end, strength, words): content after the cue (and after an inverted speaker).

    The complementizer must come before `limit` (the next cue), so that in
    "said they could not confirm that X" the first cue keeps the whole clause.
    """
    if b <= a:
        return None
    window_end = min(b, a + 120, limit if limit and limit > a else b)
    head = text[a:window_end]
    # a quotation right after the cue (optionally after a colon or addressee words)
    for qs, qe in quotes.within(a, b + 1):
        gap = text[a:qs]
        if len(gap) < 60 and not re.search(r"[.!?]", gap):
            colon = ":" in gap or "：" in gap or not gap.strip(" ,—–-")
            if colon:
                end = _quote_run_end(text, qs, qe, b, quotes)
                if len(text[end:b].split()) <= 3:
                    return qs, end, "strong", 99
        break
    if lang.compl_re is not None:
        m = lang.compl_re.search(head)
        if m and not quotes.containing(a + m.start()) and len(head[: m.start()].split()) <= 8:
            cs = a + m.end()
            return cs, b, "strong", 99
    colon = re.search(r"[:：]", head[:60])
    if colon:
        return a + colon.end(), b, "strong", 99
    s, e = _trim(text, a, b)
    s = _skip_lead_phrase(text, s, e, lang)
    words = len(text[s:e].split()) if lang.spaces else (e - s) // 2
    if words == 0:
        return None
    return s, e, "weak", words


def _skip_lead_phrase(text: str, s: int, e: int, lang: Lang) -> int:
    """de: "sagte der Nachrichtenagentur X, man prüfe …", "sagte auf Anfrage, …": an audience
    or circumstance before the comma is no content when a reported-mood verb follows it."""
    if lang.continuation_re is None:
        return s
    comma = text.find(",", s, min(e, s + 80))
    if comma < 0:
        return s
    lead = TOKEN.findall(text, s, comma)
    rest = TOKEN.findall(text, comma + 1, e)[:6]
    if not lead or len(lead) > 8 or any(lang.continuation_re.fullmatch(w) for w in lead):
        return s
    if lang.compl_re and any(lang.compl_re.fullmatch(w) for w in lead):
        return s
    pp = lead[0].lower() in lang.np_stops or lead[0].lower() in lang.stops_after_name
    if not pp and not any(lang.continuation_re.fullmatch(w) for w in rest):
        return s  # "in einer Stellungnahme, man bedauere …": a PP or audience needs no verb test
    return _trim(text, comma + 1, e)[0]


def _quote_run_end(text: str, qs: int, qe: int, b: int, quotes: Quotes) -> int:
    end = qe + 1
    for q2s, q2e in quotes.within(qe + 1, b + 1):
        gap = text[end:q2s]
        if gap.strip() == "" or gap.strip() in (",", "…"):
            end = q2e + 1
        else:
            break
    return end


def _break_at(text: str, region_start: int) -> int:
    """Where the word or mark that opened the cue's clause begins."""
    k = region_start
    while k > 0 and text[k - 1].isspace():
        k -= 1
    if k > 0 and not text[k - 1].isalnum():
        return k - 1
    while k > 0 and (text[k - 1].isalnum() or text[k - 1] in "'’-"):
        k -= 1
    return k


def _content_before(
    text: str,
    u_start: int,
    prev_end: int,
    speaker: Speaker,
    cue: Cue,
    lang: Lang,
    quotes: Quotes,
    clause_at: int | None = None,
) -> tuple[int, int, str] | None:
    """Content placed before the speaker and cue: '"...," he said' / 'X is true, she said'.

    With `clause_at` (the speaker's clause opened by "— something", "which")
    the content ends where that clause begins.
    """
    left_edge = min(speaker.start, cue.start)
    lo = max(u_start, prev_end) if prev_end > u_start else u_start
    if clause_at is not None and lo < clause_at < left_edge:
        left_edge = clause_at
    if left_edge <= lo:
        return None
    s, e = _trim(text, lo, left_edge)
    if e <= s:
        return None
    raw = text[e:left_edge] if clause_at is None else ","
    # the content must be separated from the speaker: comma, quote close or dash
    last = text[e - 1] if e > 0 else ""
    is_quote = any(qe == e - 1 for _, qe in quotes.within(s, e + 1)) or last in '”"»’」』'
    sep = is_quote or any(c in raw for c in ",，、—–-" + lang.comma_chars)
    if not sep:
        return None
    if lang.compl_re is not None and not is_quote:
        m = _last_match(lang.compl_re, text, s, e)
        if m is not None and not quotes.containing(m.start()):
            s = m.end()
    return s, e, "quote" if is_quote else "clause"


# ---------------------------------------------------------------- sov verbs


def _verb_sov(
    text: str, cue: Cue, u_start: int, prev_end: int, content_end: int, lang: Lang, quotes: Quotes
) -> Statement | None:
    lo = max(u_start, prev_end)
    cs = _trim(text, lo, cue.start)[0]
    speaker = None
    content_s = cs
    # the first topic-marked word outside quotes is the speaker's last word; a preferred
    # marker (は) wins over an earlier other one ("ミサイルが…問われた報道官は")
    hit = None
    if lang.topic_preferred:
        hit = _first_topic(text, cs, cue.start, lang, quotes, lang.topic_preferred)
    if hit is None:
        hit = _first_topic(text, cs, cue.start, lang, quotes, lang.topic_markers)
    if hit is not None:
        hit = _title_after_name(text, hit, cue.start, lang, quotes)
    if hit is not None:
        sp_end, marker_end = hit
        sp_start = _sov_speaker_start(text, cs, sp_end, quotes, lang)
        sp_start, sp_end = _strip_np(text, sp_start, sp_end, lang)
        if sp_end > sp_start:
            speaker = _analyse_np(text, sp_start, sp_end, lang)
            content_s = marker_end
    if speaker is None:
        return _zero_subject_sov(text, cue, u_start, lo, content_end, lang, quotes)
    if speaker.start > cs and quotes.within(cs, speaker.start):
        # quote before the speaker: "「…」と X は述べた" / "“…”라고 X는 말했다"
        before = _trim(text, cs, speaker.start)
        content = before
    else:
        content = (content_s, cue.start)
    s, e = _trim(text, *content)
    if lang.strip_lead_re is not None and (lead := lang.strip_lead_re.match(text[s:e])):
        after = s + lead.end()
        if after < e and text[after] in lang.comma_chars:  # "政府は16日、…と発表した"
            s = _trim(text, after + 1, e)[0]
    if lang.addressee_re is not None:
        m = lang.addressee_re.match(text, s)
        if m and m.end() < e and not quotes.containing(m.end() - 1):  # not "「賛成で|きない」"
            s = _trim(text, m.end(), e)[0]
    qs = quotes.within(s, e + 1)
    if qs:
        s2, e2 = qs[0][0], qs[-1][1] + 1
        topic = text[s:s2].rstrip(" " + lang.comma_chars)
        asserted = classify(cue.stance, text[s2:e2], "", lang.lexicon) == "assert"
        if (e2 - s2) >= 0.6 * (e - s) or (
            asserted and topic and topic.endswith(lang.content_topics)
        ):  # "新たな国境検査について「…措置だ」と強調した": the quote; a denial keeps its topic
            s, e = s2, e2
    else:
        e = _strip_quotative(text, s, e, lang)
    kind, s, e = _direct_span(text, s, e, quotes)
    context = text[e : cue.end]
    return _statement(
        text,
        cue,
        kind,
        (s, e),
        (u_start, content_end if content_end < len(text) else _unit_end(text, cue.end)),
        speaker,
        lang,
        context,
    )


def _first_topic(
    text: str, a: int, b: int, lang: Lang, quotes: Quotes, markers: tuple[str, ...]
) -> tuple[int, int] | None:
    pos = a
    while pos < b:
        q = quotes.containing(pos)
        if q:
            pos = q[1] + 1
            continue
        hit = _topic_at(text, pos, b, lang, markers)
        if hit is not None:
            return hit
        pos += 1
    return None


def _title_after_name(
    text: str, hit: tuple[int, int], b: int, lang: Lang, quotes: Quotes
) -> tuple[int, int]:
    """'엘레나 바르가 바라니아 국방장관이': a name ending like a particle (바르가), then
    the title that carries the real one: the speaker runs to the title."""
    if not lang.spaces or lang.role_re is None:
        return hit
    words = text[: hit[0]].split()
    if not words or lang.role_re.search(words[-1]):
        return hit  # "시청 대변인은 시장이 …": the title already carried the particle
    later = _first_topic(text, hit[1], b, lang, quotes, lang.topic_markers)
    if later is None:
        return hit
    between = text[hit[1] : later[0]]
    if not between.strip() or re.search(r"[,，、.。\"“”'‘’「」]", between):
        return hit
    last_word = between.split()[-1] if between.split() else ""
    if lang.role_re.search(last_word) is None:
        return hit
    return later


def _zero_subject_sov(
    text: str, cue: Cue, u_start: int, lo: int, content_end: int, lang: Lang, quotes: Quotes
) -> Statement | None:
    """'一方、開票結果については「…」と強調した': no subject, so the last speaker said it."""
    if not lang.zero_subject or (u_start == 0 and lo == u_start):
        return None
    s, e = _trim(text, lo, cue.start)
    commas = re.escape(lang.comma_chars)
    m = re.match(rf"[^{commas}「『“\"]*[{commas}]", text[s:e])
    if m and not quotes.within(s, s + m.end()):
        s = _trim(text, s + m.end(), e)[0]  # "一方、": a connective before the topic
    qs = quotes.within(s, e + 1)
    if qs:
        s, e = qs[0][0], qs[-1][1] + 1
        s, e = _strip_quote_marks(text, s, e, quotes)
        kind = "direct"
    elif lo > u_start:  # "…확인했지만 계약 금액에 대해서는 말을 아꼈다": the same subject
        e = _strip_quotative(text, s, e, lang)
        form = next((f for f in lang.topic_false if text.endswith(f, s, e)), "")
        e = _trim(text, s, e - len(form))[1]  # "契約額については" -> "契約額"
        kind = "indirect"
    else:
        return None
    end = content_end if content_end < len(text) else _unit_end(text, cue.end)
    st = _statement(text, cue, kind, (s, e), (u_start, end), None, lang, text[e : cue.end])
    if st is not None:
        st.extra.update({"pronoun": True, "person": True, "zero_subject": True})
    return st


def _unit_end(text: str, pos: int) -> int:
    m = re.search(r"[.!?。！？]|\n", text[pos:])
    return pos + (m.end() if m else len(text) - pos)


def _topic_at(
    text: str, pos: int, limit: int, lang: Lang, markers: tuple[str, ...]
) -> tuple[int, int] | None:
    for marker in markers:
        if text.startswith(marker, pos) and pos > 0:
            if _false_topic(text, pos, marker, lang):
                continue
            prev = text[pos - 1]
            if not (prev.isalnum() or prev in "」』”’\"'"):
                continue
            end = pos + len(marker)
            if lang.spaces and end < limit and text[end].isalnum():
                continue
            return pos, end
    return None


def _false_topic(text: str, pos: int, marker: str, lang: Lang) -> bool:
    """'については' (a topic, not a speaker), 'もので' (no particle): listed in `topic_false`."""
    for form in lang.topic_false:
        k = form.find(marker)
        while k >= 0:
            if pos - k >= 0 and text.startswith(form, pos - k):
                return True
            k = form.find(marker, k + 1)
    return False


def _sov_speaker_start(text: str, cs: int, sp_end: int, quotes: Quotes, lang: Lang) -> int:
    start = cs
    for _qs, qe in quotes.within(cs, sp_end):
        if qe + 1 < sp_end:  # a quote right before the marker is part of the name: 「緑の森」は
            start = max(start, qe + 1)
    for k in range(sp_end - 1, start - 1, -1):
        if text[k] in ",，、":
            start = k + 1
            break
    if lang.strip_lead_re is not None:  # "【アーデン＝共同】", "이에 대해"
        m = lang.strip_lead_re.match(text[start:sp_end])
        if m and 0 < m.end() < sp_end - start:
            start += m.end()
    while start < sp_end and not text[start].isalnum():
        start += 1
    return start


def _strip_quotative(text: str, s: int, e: int, lang: Lang) -> int:
    chunk = text[s:e]
    for q in lang.quotative:
        if chunk.endswith(q) and len(chunk) > len(q):
            return e - len(q)
        for m in re.finditer(re.escape(q) + r"\s*$", chunk):
            return s + m.start()
    return e


# ---------------------------------------------------------------- according to / citing


def _source_np(text: str, a: int, b: int, lang: Lang) -> tuple[int, int]:
    """The source after 'according to': up to a comma or the end of the clause."""
    s = a
    while s < b and text[s].isspace():
        s += 1
    if lang.source_intro_re is not None:
        m = lang.source_intro_re.match(text, s)
        if m and m.end() < b:
            s = m.end()
            while s < b and text[s].isspace():
                s += 1
    e = s
    for k in range(s, b):
        ch = text[k]
        if (ch in ",，、.;:!?。；\n" or ch in lang.comma_chars) and not (
            ch == "." and k + 1 < b and text[k + 1].isalnum()
        ):
            break  # (Arabic "،" too: "بحسب الشرطة، …")
        e = k + 1
    if lang.cue_re is not None:
        m = lang.cue_re.search(text, s + 1, e)
        if m and m.lastgroup in ("assert", "deny", "hedge"):
            e = m.start()
    if lang.spaces and lang.compl_re is not None:
        for t in list(TOKEN.finditer(text, s, e))[1:]:
            if lang.compl_re.fullmatch(t.group(0)):
                e = t.start()
                break
    if lang.source_end_re is not None:
        m = lang.source_end_re.search(text, s + 1, e)
        if m:
            e = m.start()
    if lang.noun_caps:
        e = _caps_np_end(text, s, e, lang)
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _np_word(w: str, lang: Lang) -> bool:
    low = w.lower()
    return low in lang.determiners or low in lang.prepositions or low in lang.particles


def _caps_np_end(text: str, s: int, e: int, lang: Lang) -> int:
    """de 'Laut Polizei wurden …': a source ends at the first lowercase word after a noun (the
    finite verb of a verb-second clause); articles, prepositions and 'und' keep it going."""
    seen_noun = False
    for t in TOKEN.finditer(text, s, e):
        w = t.group(0)
        if not w[0].isalpha():
            continue
        if w[0].isupper():
            seen_noun = True
        elif seen_noun and not _np_word(w, lang) and w.lower() not in lang.coordinators:
            return t.start()
    return e


def _caps_np_start(text: str, lo: int, e: int, lang: Lang) -> int:
    """de 'Die Exporte sind dem Statistikamt zufolge …': the source NP ending at `e`, back to
    its article or preposition (scanning back over nouns, articles and adjectives)."""
    toks = list(TOKEN.finditer(text, lo, e))
    start = e
    for k in range(len(toks) - 1, -1, -1):
        w = toks[k].group(0)
        if w[0].isalpha() and w[0].islower() and not _np_word(w, lang):
            prev = toks[k - 1].group(0).lower() if k else ""
            if prev not in lang.determiners:  # "dem jüngsten Bericht": an adjective
                break
        elif not w[0].isalnum() and w not in '„“"»«':
            break
        start = toks[k].start()
    while start < e:  # leading prepositions are not part of the source
        m = TOKEN.match(text, start)
        if (
            not m
            or m.group(0).lower() not in lang.prepositions
            or m.group(0).lower() in lang.determiners
        ):
            break
        start = m.end()
        while start < e and text[start].isspace():
            start += 1
    return start


def _extend_apposition(text: str, src: tuple[int, int], limit: int, lang: Lang) -> tuple[int, int]:
    """'según el alcalde de Molina, Pedro Sanz.': the name after the comma belongs to the source."""
    m = re.match(r"\s*[,，،]\s*([^,，،.;:!?\n]{2,60})", text[src[1] : limit])
    if not m or not lang.caps:
        return src
    words = m.group(1).split()
    if 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
        rest = text[src[1] + m.end() : limit].strip()
        if not rest or rest[:1] in ".;!?":
            return src[0], src[1] + m.end(1)
        if rest[:1] in ",，،" and len(words) >= 2:
            # "Según el director del hospital, Ernesto Gil, hay …": a role, then its name
            sp = _analyse_np(text, *src, lang)
            if sp.role and not sp.name:
                return src[0], src[1] + m.end(1)
    return src


def _stripped_source(text: str, src: tuple[int, int], lang: Lang) -> tuple[int, int]:
    """The source span without dates and fillers (`_strip_np`), unless that leaves nothing."""
    stripped = _strip_np(text, *src, lang)
    return stripped if stripped[1] > stripped[0] else src


def _according(
    text: str,
    cue: Cue,
    u_start: int,
    prev_end: int,
    content_end: int,
    u_end: int,
    lang: Lang,
    quotes: Quotes,
) -> Statement | None:
    gap = _according_gap(text, cue, lang)
    if gap is not None:  # "Wie die Agentur X berichtete, soll …": the source inside the cue
        src = gap
        raw_end = cue.end
        while raw_end < len(text) and text[raw_end] in " ," + lang.comma_chars:
            raw_end += 1
    else:
        src = _source_np(text, cue.end, min(content_end, u_end), lang)
        suffix = next((x for x in lang.suffix_pronouns if text.endswith(x, cue.start, cue.end)), "")
        if src[1] <= src[0] and suffix and cue.end - cue.start > len(suffix) + 2:
            # id "Menurutnya, …": the source is the pronoun glued to the marker
            cue.end -= len(suffix)
            speaker = _analyse_np(text, cue.end, cue.end + len(suffix), lang)
            c_end = min(content_end, u_end)
            cs = cue.end + len(suffix)
            while cs < c_end and (text[cs].isspace() or text[cs] in lang.comma_chars):
                cs += 1
            return _statement(
                text, cue, "according_to", (cs, c_end), (u_start, u_end), speaker, lang
            )
        if src[1] <= src[0]:
            return None
        src = _extend_apposition(text, src, min(content_end, u_end), lang)
        raw_end = src[1]
        verb = lang.cue_re.match(text, _trim(text, raw_end, u_end)[0]) if lang.cue_re else None
        commas = (
            [p for c in lang.comma_chars if (p := text.find(c, verb.end(), verb.end() + 40)) > 0]
            if verb is not None and verb.lastgroup in ("assert", "deny", "hedge")
            else []
        )
        if commas and (comma := min(commas)) < min(content_end, u_end):
            raw_end = (
                comma + 1
            )  # vi "Theo số liệu do X công bố sáng nay, …": the verb is the source's
    src = _stripped_source(text, src, lang)  # "据X周二发布的报告": no date in the source
    speaker = _analyse_np(text, *src, lang)
    comma = max(text.rfind(c, *src) for c in lang.comma_chars)
    if speaker.name is None and comma > src[0]:
        # "según el director del hospital, Ernesto Gil": the name after the role's comma
        tail = _analyse_np(text, *_trim(text, comma + 1, src[1]), lang)
        if tail.name and not tail.role:
            speaker.name = tail.name
            speaker.role = _strip_dets(text[src[0] : comma], lang) or speaker.role
    lo = max(u_start, prev_end)
    region_start = _clause_start(text, lo, cue.start, lang, quotes) if prev_end > u_start else lo
    before = _trim(text, region_start, cue.start)
    lead = lang.strip_lead_re.match(text[before[0] : before[1]]) if lang.strip_lead_re else None
    if lead is not None and lead.end() >= before[1] - before[0]:
        before = (before[1], before[1])  # vi "Cũng theo ông Bình, …": an adverb, no content
    after_src = raw_end
    if lang.source_end_re is not None and (tail := lang.source_end_re.match(text, after_src)):
        after_src = tail.end()  # "据新华社报道，…": the content starts after 报道
    content = before if before[1] - before[0] > 3 else (after_src, min(content_end, u_end))
    return _statement(text, cue, "according_to", content, (u_start, u_end), speaker, lang)


def _according_gap(text: str, cue: Cue, lang: Lang) -> tuple[int, int] | None:
    """The words inside a gapped according-to cue ("wie … berichtete"), when it is one."""
    if lang.according_gap_re is None or not lang.according_gap_re.fullmatch(
        text, cue.start, cue.end
    ):
        return None
    words = list(TOKEN.finditer(text, cue.start, cue.end))
    if len(words) < 3:
        return None
    s, e = words[1].start(), words[-2].end()
    for m in lang.cue_re.finditer(text, s, e) if lang.cue_re else ():
        if m.lastgroup == "citing":  # "wie X unter Berufung auf Y berichtete": X is the source
            e = m.start()
            break
    s, e = _strip_np(text, s, e, lang)
    return (s, e) if e > s else None


def _according_after(
    text: str, cue: Cue, u_start: int, prev_end: int, content_end: int, lang: Lang, quotes: Quotes
) -> Statement | None:
    """'X에 따르면 ...' / 'Xによると ...': the source precedes the marker."""
    lo = max(u_start, prev_end)
    s, e = _trim(text, lo, cue.start)
    for k in range(e - 1, s - 1, -1):
        if text[k] in ",，、":
            s = k + 1
            break
    s, e = _trim(text, s, e)
    if lang.noun_caps:  # "Die Exporte sind dem Statistikamt zufolge gestiegen"
        s = _caps_np_start(text, s, e, lang)
    if e <= s:
        return None
    speaker = _analyse_np(text, s, e, lang)
    end = _unit_end(text, cue.end) if content_end >= len(text) else content_end
    content = (cue.end, end)
    after = _trim(text, *content)
    if after[1] - after[0] < 4 and s - lo > 3:
        content = (lo, s)  # "…, dem Bericht zufolge.": the content precedes the source
    return _statement(text, cue, "according_to", content, (u_start, end), speaker, lang)


def _citing(
    text: str, cue: Cue, u_start: int, content_end: int, lang: Lang, done: list[Statement]
) -> Statement | None:
    """'..., citing intelligence sources': the cited source backs the main statement."""
    src = _source_np(
        text, cue.end, content_end if content_end < len(text) else _unit_end(text, cue.end), lang
    )
    if src[1] <= src[0]:
        return None
    src = _stripped_source(text, src, lang)  # "援引一名官员的话称": no "的话" in the source
    speaker = _analyse_np(text, *src, lang)
    mains = [k for k, d in enumerate(done) if not d.extra.get("nested") and d.cue_start is not None]
    if not mains:
        return None
    k = min(mains, key=lambda k: abs((done[k].cue_start or 0) - cue.start))
    main = done[k]
    st = _statement(
        text, cue, "indirect", (main.start, main.end), (u_start, main.sentence_end), speaker, lang
    )
    if st:
        st.parent = k
    return st


# ---------------------------------------------------------------- nested and embedded


def _nested_claim(
    text: str, cue: Cue, st: Statement, lang: Lang, cues: list[Cue]
) -> Statement | None:
    """'dismissed Seoul's claim that X' -> Seoul asserted X (a second statement)."""
    if lang.claim_re is None or st.kind == "according_to" or st.cue_end is None:
        return None
    region = text[cue.end : st.start]
    if not region.strip() or len(region) > 120:
        return None
    m = _last_match(lang.claim_re, text, cue.end, st.start)
    if m is None:
        return None
    head = text[cue.end : m.start()].split()[-1:]
    if head and head[0].lower() in lang.claim_heads:
        return None  # "وكالة الأنباء": a name, not a claim
    for other in cues:
        if m.start() <= other.start < st.start and other is not cue:
            other.used = True
    src: tuple[int, int] | None = None
    # possessive before the noun: "Seoul's claim", "US claims"
    pre = text[cue.end : m.start()]
    pm = re.search(r"([\w\-. ]+?)(?:'s|’s|')?\s*$", pre)
    if pm and lang.caps and pm.group(1).strip():
        cand_s = cue.end + pm.start(1)
        cand_e = cue.end + pm.end(1)
        cand_s, cand_e = _trim(text, cand_s, cand_e)
        toks = TOKEN.findall(text[cand_s:cand_e])
        while toks and toks[0].lower() in lang.determiners:
            cand_s = text.find(toks[0], cand_s) + len(toks[0])
            toks = toks[1:]
        cand_s = _trim(text, cand_s, cand_e)[0]
        if toks and toks[0][:1].isupper():
            src = (cand_s, cand_e)
    if src is None:
        post_s = m.end()
        post_e = st.start
        lang_comp = lang.compl_re
        if lang_comp is not None:
            cm = lang_comp.search(text, post_s, st.start + 1)
            if cm:
                post_e = cm.start()
        t = text[post_s:post_e]
        pm2 = re.match(r"\s*(\w+)\s+", t)
        if pm2 and pm2.group(1).lower() in lang.possessor_preps:
            post_s += pm2.end()
        elif lang.spaces and not lang.caps:
            pass
        s2, e2 = _trim(text, post_s, post_e)
        if e2 > s2:
            chunk = text[s2:e2]
            ok = (chunk[:1].isupper() or not lang.caps) and len(chunk.split()) <= 6
            first_word = chunk.split()[0].lower() if lang.spaces else ""
            if (
                first_word in lang.prepositions
                or first_word in lang.np_stops
                or any(ch.isdigit() for ch in chunk)
            ):
                ok = False  # "وصف الاتهامات في 11 فبراير": a date, not the claim's owner
            if ok:
                src = (s2, e2)
    if src is None:
        return None
    speaker = _analyse_np(text, *src, lang)
    if speaker.pronoun:
        return None
    inner_cue = Cue(m.start(), m.end(), "assert", "verb")
    return _statement(
        text,
        inner_cue,
        "indirect",
        (st.start, st.end),
        (st.sentence_start, st.sentence_end),
        speaker,
        lang,
    )


def _sov_nested(text: str, st: Statement, lang: Lang) -> Statement | None:
    """sov nesting inside the content: "領空侵犯があったとするバラニア側の主張を否定した" (the
    claim's owner asserts what the speaker denies) and "警察幹部の話として、…と報じた" (the
    paper's source says it). The outer content is cut to the proposition."""
    if lang.order != "sov" or st.kind not in ("indirect", "direct"):
        return None
    body = text[st.start : st.end]
    m = lang.claim_link_re.search(body) if lang.claim_link_re else None
    if m is not None and m.start() > 0:
        own = (st.start + m.start("owner"), st.start + m.end("owner"))
        cue = Cue(st.start + m.start("noun"), st.start + m.end("noun"), "assert", "verb")
        content = (st.start, st.start + m.start())
    else:
        m = lang.source_after_re.match(body) if lang.source_after_re else None
        if m is None or m.end() >= len(body):
            return None
        own = (st.start + m.start("src"), st.start + m.end("src"))
        cue = Cue(st.start + m.start("marker"), st.start + m.end("marker"), "assert", "verb")
        content = (st.start + m.end(), st.end)
    speaker = _analyse_np(text, *own, lang)
    if speaker.pronoun:
        return None
    nested = _statement(
        text, cue, "indirect", content, (st.sentence_start, st.sentence_end), speaker, lang
    )
    if nested is not None:
        st.start, st.end = nested.start, nested.end
        st.content = nested.content
    return nested


def _inner_quotes(
    text: str, out: list[Statement], lang: Lang, quotes: Quotes, is_head: bool
) -> None:
    """Reported speech inside a quotation: '"The minister told me X," she said'."""
    if lang.order == "sov" or is_head:
        return
    extra: list[Statement] = []
    for idx, st in enumerate(out):
        if st.kind != "direct":
            continue
        inner = Quotes([])
        cues = _find_cues(text, st.start, st.end, lang, inner)
        for i, cue in enumerate(cues):
            if cue.kind != "verb":
                continue
            found = _verb(text, cues, i, st.start, st.start, len(text), st.end, lang, inner, [])
            if found is None or found.speaker is None:
                continue
            low = found.speaker.lower()
            if low in lang.pronouns or not found.speaker[:1].isalpha():
                continue
            if lang.first_person_re and lang.first_person_re.match(text, found.speaker_start or 0):
                continue  # "“We said …,” Hale said": the quoted speaker's own words
            if not (found.speaker_name or found.role or found.anonymous):
                continue
            found.parent = idx
            found.sentence_start, found.sentence_end = st.sentence_start, st.sentence_end
            extra.append(found)
    out.extend(extra)


def _set_parents(out: list[Statement]) -> None:
    for j, st in enumerate(out):
        if st.parent is not None or st.cue_start is None:
            continue
        best = None
        for i, other in enumerate(out):
            if i == j or other.kind == "according_to":
                continue
            if other.start <= st.cue_start < other.end and (
                best is None or other.end - other.start < out[best].end - out[best].start
            ):
                best = i
        st.parent = best


def _merge_embedded(out: list[Statement], lang: Lang, text: str) -> None:
    """'Police said they could not confirm X': one hedged statement, not two."""
    drop = set()
    for j, st in enumerate(out):
        p = st.parent
        if p is None or not st.speaker:
            continue
        outer = out[p]
        if outer.speaker_start is None or st.speaker_start is None or st.cue_start is None:
            continue
        pronoun = st.speaker.lower() in lang.pronouns and abs(outer.start - st.speaker_start) <= 1
        same = st.speaker_start == outer.speaker_start and abs(outer.start - st.cue_start) <= 1
        # pro-drop: "قالت الشرطة إنها لم تتمكن من تأكيد X": the content opens with the cue
        lead = lang.zero_subject and abs(outer.start - st.cue_start) <= 1 and outer.cue != ":"
        if pronoun or same or lead:
            if st.stance != "assert":
                outer.stance = st.stance
                outer.cue, outer.cue_start, outer.cue_end = st.cue, st.cue_start, st.cue_end
                if outer.start <= st.start and st.end <= outer.end:
                    outer.content, outer.start, outer.end = st.content, st.start, st.end
                elif lead and st.cue_end is not None and st.cue_end < outer.end:
                    outer.start = _trim(text, st.cue_end, outer.end)[0]
                    outer.content = text[outer.start : outer.end]
            drop.add(j)
    _drop_statements(out, drop)


def _drop_statements(found: list[Statement], drop: set[int]) -> None:
    """Remove (in place) the statements at `drop`; parents point at the new positions (a
    dropped parent leaves its children without one)."""
    if not drop:
        return
    remap: dict[int, int] = {}
    for k in range(len(found)):
        if k not in drop:
            remap[k] = len(remap)
    keep = [st for k, st in enumerate(found) if k not in drop]
    for st in keep:
        if st.parent is not None:
            st.parent = remap.get(st.parent)
    found[:] = keep


# ---------------------------------------------------------------- headline


def _headline_colon(
    text: str, start: int, end: int, lang: Lang, quotes: Quotes, is_head: bool
) -> Statement | None:
    """'Dunmore: "No new taxes"' — a speaker, a colon and what they said, no verb.

    In a headline any short name-like phrase qualifies; in the body the part
    after the colon must be a quotation and the speaker a name or a pronoun.
    """
    m = re.match(r"\s*([^:：\n]{1,60}?)\s*([:：])\s*(.+)$", text[start:end], re.S)
    if not m:
        return _headline_bare(text, start, end, lang, quotes) if is_head else None
    s, e = start + m.start(1), start + m.end(1)
    if any(ch.isdigit() for ch in text[s:e]) or (lang.spaces and len(text[s:e].split()) > 8):
        return None
    speaker = _analyse_np(text, s, e, lang)
    if lang.spaces and len(text[s:e].split()) > 5 and not (speaker.role or speaker.name):
        return None  # "Người phát ngôn Bộ Ngoại giao: …": only a role or name may be longer
    words = text[s:e].split()
    if lang.spaces and not speaker.role and any(w in lang.prepositions for w in words[1:]):
        return None  # "Chemieunfall in Lindhaven: …": a topic, not a speaker
    cs, ce = start + m.start(3), start + m.end(3)
    if not is_head:
        first = text[cs : cs + 1]
        if not (speaker.name or speaker.pronoun) or first not in "“\"«„「‘'":
            return None
    cs, ce = _strip_quote_marks(text, cs, ce, quotes)
    colon = Cue(start + m.start(2), start + m.end(2), "assert", "verb")
    st = _statement(
        text, colon, "headline" if is_head else "direct", (cs, ce), (start, end), speaker, lang
    )
    if st is not None and is_head:
        st.cue = None
    return st


def _headline_bare(text: str, start: int, end: int, lang: Lang, quotes: Quotes) -> Statement | None:
    """'윤 장관 “연내 유류세 인상 없다”', '小林財務相「年内の増税はない」': a short speaker
    phrase right before a quotation that closes the headline, with no colon or verb."""
    inside = quotes.within(start, end + 1)
    if not inside:
        return None
    qs, qe = inside[0]
    if text[qe + 1 : end].strip(" .!?。！？\n"):
        return None
    s, e = _trim(text, start, qs)
    if e <= s or any(ch.isdigit() for ch in text[s:e]):
        return None
    if (lang.spaces and len(text[s:e].split()) > 4) or (not lang.spaces and e - s > 15):
        return None
    speaker = _analyse_np(text, s, e, lang)
    mark = Cue(qs, qs, "assert", "verb")
    st = _statement(text, mark, "headline", (qs + 1, qe), (start, end), speaker, lang)
    if st is not None:
        st.cue = None
    return st


# ---------------------------------------------------------------- noun phrases


def _analyse_np(text: str, s: int, e: int, lang: Lang) -> Speaker:
    """Name, role, affiliation and kind of a speaker phrase."""
    mention = text[s:e]
    low = mention.lower().strip()
    sp = Speaker(s, e)
    if low in lang.pronouns:
        sp.pronoun = True
        sp.person_pronoun = low in lang.person_pronouns
        return sp
    if not lang.spaces or not lang.caps:
        return _analyse_np_nocaps(text, s, e, lang, sp)
    ns = s + _elided_det(mention, lang)  # "L'Élysée", "L'économiste Claire Dubois"
    toks = [(t.start(), t.end(), t.group(0)) for t in TOKEN.finditer(text, ns, e)]
    org = _org_name(text, s, e, toks, lang)
    if org is not None:
        sp.name = org
        return sp
    # head part: up to the first preposition that is not inside a name
    head_end = len(toks)
    for k, (_ts, _te, w) in enumerate(toks):
        lw = w.lower()
        if _is_initial(w) and k + 1 < len(toks) and toks[k + 1][2] == ".":
            continue  # ru "В. В. Путин": an initial, not the preposition "в"
        if k and (lw in lang.prepositions or w in ",，"):
            inside = (
                lw in lang.particles
                and k + 1 < len(toks)
                and toks[k + 1][2][:1].isupper()
                and toks[k - 1][2][:1].isupper()
                # de "Verband der Spediteure": a common noun before "der" is no name's start
                and not (lang.common_noun_re and lang.common_noun_re.fullmatch(toks[k - 1][2]))
                # "Geschäftsführerin von Datenwerk": a role before the particle, no name
                and not (lang.role_re and lang.role_re.fullmatch(toks[k - 1][2]))
            )
            # vi "Cho Min-jun": a capitalised preposition form between capitalised words is a name
            inside = inside or (
                lang.caps
                and not lang.noun_caps
                and w[:1].isupper()
                and k + 1 < len(toks)
                and toks[k + 1][2][:1].isupper()
                and toks[k - 1][2][:1].isupper()
            )
            if not inside:
                head_end = k
                break
    runs = _trim_places(toks, _name_runs(text, toks[:head_end], lang), s, lang, text)
    if lang.role_re is not None:
        runs = _drop_role_words(text, toks, runs, lang)
    if lang.name_after_pp and head_end < len(toks) and lang.role_re:
        tail = _name_runs(text, toks, lang)
        # uk/ru: the name closes the mention after the role's place ("в Україні Олег …")
        if (
            tail
            and tail[-1][1] == len(toks)
            and tail[-1][1] - tail[-1][0] >= 2
            and tail[-1][0] > head_end
            and lang.role_re.search(text, s, toks[head_end][0])
        ):
            runs, head_end = [tail[-1]], len(toks)
    name_run = None
    for run in reversed(runs):
        r_end = run[1]
        follow = toks[r_end][2] if r_end < head_end else None
        if follow is None or follow in ",，" or follow.lower() in lang.prepositions:
            name_run = run
            break
        if follow in ("'s", "’s", "'", "’"):
            continue
        if not (follow[:1].islower() or (lang.role_re and lang.role_re.fullmatch(follow))):
            name_run = run
            break
    if name_run is not None:
        first = name_run[0]
        if lang.role_re and lang.role_re.search(text, s, toks[first][0]):
            first += _name_start([w for _a, _b, w in toks[first : name_run[1]]], lang)
        a, b = toks[first][0], toks[name_run[1] - 1][1]
        sp.name = text[a:b]
        pre = text[s:a].strip(" ,")
        pre_toks = [w for w in TOKEN.findall(pre) if w.lower() not in lang.determiners]
        if pre_toks and lang.role_re and lang.role_re.search(pre):
            sp.role = pre
            sp.affiliation = _affiliation(pre, lang)
        elif pre.endswith(("'s", "’s")):
            sp.affiliation = pre[:-2].strip()
    head_text = " ".join(w for _a, _b, w in toks[:head_end])
    if sp.name is None:
        if lang.anonymous_re and lang.anonymous_re.search(head_text):
            sp.anonymous = True
        if lang.role_re and lang.role_re.search(mention):
            # "one of its United Nations representatives": an unnamed member of the group
            part = lang.partitive_re.match(mention) if lang.partitive_re else None
            whole = mention[part.end() :] if part else mention
            sp.role = _strip_dets(whole, lang)
            sp.affiliation = _affiliation(whole, lang)
            if toks and toks[0][2].lower() in lang.anaphor_dets and head_end <= 4:
                m = lang.role_re.search(head_text)
                if m:
                    sp.anaphor = m.group(0).lower()
    return sp


def _drop_role_words(
    text: str, toks: list[tuple[int, int, str]], runs: list[tuple[int, int]], lang: Lang
) -> list[tuple[int, int]]:
    """id "Juru Bicara Kementerian … Rina Kusuma": a role of several words written in title
    case opens no name; its words leave the run."""
    out = []
    for a, b in runs:
        if lang.role_re is not None and (m := lang.role_re.match(text, toks[a][0])):
            while a < b and toks[a][1] <= m.end():
                a += 1
        if a < b:
            out.append((a, b))
    return out


def _elided_det(mention: str, lang: Lang) -> int:
    """Length of an elided article glued to the mention's first word (fr "L'", it "L'"), or 0."""
    head = mention[:6]
    if "'" not in head and "’" not in head:
        return 0
    low = mention.lower()
    for d in lang.determiners:
        if d.endswith(("'", "’")) and low.startswith(d) and mention[len(d) : len(d) + 1].isalpha():
            return len(d)
    return 0


def _analyse_np_nocaps(text: str, s: int, e: int, lang: Lang, sp: Speaker) -> Speaker:
    mention = text[s:e]
    role_m = _last_match(lang.role_re, mention, 0, len(mention)) if lang.role_re else None
    if role_m is not None and not lang.spaces and len(mention[role_m.end() :].strip()) == 1:
        role_m = None  # "穀物委員会": the role word inside an organisation's name
    if lang.anonymous_re and lang.anonymous_re.search(mention) and role_m is None:
        sp.anonymous = True
        return sp
    if (
        role_m is not None
        and not lang.spaces
        and lang.anonymous_re
        and lang.anonymous_re.fullmatch(role_m.group(0))
    ):  # "捜査関係者", "港湾当局の関係者": an unnamed source, no name
        sp.anonymous = True
        sp.role = mention.strip() or None
        return sp
    if role_m is not None:
        before = mention[: role_m.start()].strip(" ,")
        after = mention[role_m.end() :].strip(" ,")
        sp.role = mention[: role_m.end()].strip(" ,") or None
        if lang.caps and before and after:
            # "Người phát ngôn Điện Kremlin Dmitry Peskov": role, affiliation, name
            words = after.split()
            caps = [w for w in words if w[:1].isupper()]
            if len(caps) == len(words) and len(words) >= 2:
                sp.name = after
        if after and sp.name is None:
            sp.name = after
            if before:
                sp.affiliation = before
        elif before and sp.name is None:
            sp.affiliation = before
            if not lang.caps and lang.order == "sov":
                sp.name = before
        if sp.name and lang.anonymous_re and lang.anonymous_re.fullmatch(sp.name):
            sp.name = None
            sp.anonymous = True
        if sp.name is None and not before and not after:
            words = mention.split()
            if words and words[0].lower() in lang.anaphor_dets:
                sp.anaphor = role_m.group(0).lower()
        if sp.name and not lang.caps:
            _split_name(sp, mention, role_m, lang)
        return sp
    if lang.caps:
        words = mention.split()
        if words and all(w[:1].isupper() for w in words):
            sp.name = mention.strip()
        return sp
    sp.name = mention.strip() or None
    if sp.name and not lang.caps:
        _split_name(sp, mention, None, lang)
    return sp


def _split_name(sp: Speaker, mention: str, role_m: re.Match[str] | None, lang: Lang) -> None:
    """The person's name out of the words around a role, without organisation or honorific
    ("県交通局の佐藤健一局長" -> 佐藤健一, "김민수 환경부 장관" -> 김민수)."""
    name = sp.name or ""
    org = ""
    quoted = QUOTED_NAME.search(name)
    if quoted:  # "夕刊紙「ゆうべ新報」", "환경단체 ‘푸른숲’": the title in quotes is the name
        sp.name = quoted.group(1).strip()
        return
    for sep in lang.name_after:  # ja: the organisation before の
        if sep in name:
            org, name = name.rsplit(sep, 1)
            name = name.strip()
    name = _strip_honorifics(name, lang)
    words = name.split()
    if lang.org_word_re is not None and words and role_m is not None:
        # ar: the name follows the last organisation word ("الدفاع الفارانية إيلينا فارغا")
        k = len(words) - 1
        while k > 0 and not lang.org_word_re.fullmatch(words[k - 1]):
            k -= 1
        if k == len(words) - 1 and lang.org_word_re.fullmatch(words[k]):
            k = len(words)
        org, words = " ".join(words[:k]), words[k:]
    elif len(words) > 1 and (lang.name_first_re or lang.name_max):
        # ko: a native name (김민수) anywhere, else a foreign one first (마레크 도보시 바라니아)
        first = [w for w in words if lang.name_first_re and lang.name_first_re.fullmatch(w)]
        if first and (len(words) == 2 or first[0] == words[0]):
            org = " ".join(w for w in words if w != first[0])
            words = first[:1]
        elif lang.name_max and len(words) > lang.name_max:
            org = " ".join(words[lang.name_max :])
            words = words[: lang.name_max]
    if org and len(" ".join(words)) < len(sp.name or ""):
        sp.affiliation = org.strip(" ,")
        if lang.org_word_re is not None and role_m is not None and words:
            sp.role = mention[: mention.rfind(words[0])].strip(" ,") or sp.role
    sp.name = " ".join(words) or None
    if sp.name and lang.anonymous_re and lang.anonymous_re.fullmatch(sp.name):
        sp.name = None
    if sp.affiliation and sp.affiliation.strip() == sp.name:
        sp.affiliation = None  # "나디아 케르 대변인": all of it before the role is the name


def _strip_honorifics(name: str, lang: Lang) -> str:
    """'中村拓也氏' -> 中村拓也, '서다나 씨' -> 서다나 (a title glued after the name)."""
    if lang.honorific_re is None:
        return name
    pattern = lang.honorific_re.pattern
    if lang.spaces:
        return re.sub(rf"\s*(?:{pattern})\s*$", "", name, flags=re.I).strip() or name
    return re.sub(rf"(?:{pattern})$", "", name).strip() or name


def _name_start(words: list[str], lang: Lang) -> int:
    """Where a person's name starts in a capitalised run after a role: "Bộ trưởng Quốc phòng
    Varania Elena Varga", "министр обороны Варании Елена Варга" -> the last words."""
    if lang.name_first_re is not None:
        for k, w in enumerate(words[:-1]):
            if lang.name_first_re.fullmatch(w):
                return k
    k = 0
    if lang.name_max and len(words) > lang.name_max:
        k = len(words) - lang.name_max
        while k > 0 and lang.name_inner_re and lang.name_inner_re.fullmatch(words[k]):
            k -= 1  # a patronymic keeps the first name: "Геннадий Петрович Пеньков"
    return k


def _name_runs(text: str, toks: list[tuple[int, int, str]], lang: Lang) -> list[tuple[int, int]]:
    """Index ranges of capitalised runs that are not lexicon words (roles, determiners)."""
    runs: list[tuple[int, int]] = []
    k = 0
    n = len(toks)
    while k < n:
        w = toks[k][2]
        if _name_token(w, lang):
            j = k + 1
            while j < n:
                wj = toks[j][2]
                if _name_token(wj, lang):
                    j += 1
                    continue
                if (
                    wj == "."
                    and _is_initial(toks[j - 1][2])
                    and j + 1 < n
                    and toks[j][0] == toks[j - 1][1]
                    and _name_token(toks[j + 1][2], lang)
                ):
                    j += 2  # "George W. Bush", "J. K. Rowling": an initial's full stop
                    continue
                if wj.lower() in lang.particles and j + 1 < n and _name_token(toks[j + 1][2], lang):
                    j += 2
                    continue
                if (
                    wj[:1].isupper()
                    and wj.lower() in lang.pronouns
                    and j + 1 < n
                    and _name_token(toks[j + 1][2], lang)
                ):
                    j += 2  # "Hoàng Anh Tuấn": a capitalised pronoun form inside a name
                    continue
                if (
                    wj[:1].isupper()
                    and wj.lower() in lang.pronouns
                    and j - k >= 2
                    and lang.name_first_re is not None
                    and lang.name_first_re.fullmatch(w)
                ):
                    j += 1  # "Vũ Ngọc Anh": a native name may close on a pronoun form
                    continue
                break
            runs.append((k, j))
            k = j
        else:
            k += 1
    return runs


def _org_name(
    text: str, s: int, e: int, toks: list[tuple[int, int, str]], lang: Lang
) -> str | None:
    """vi: a mention opened by a capitalised organisation head, with no role word and no
    preposition, is the organisation's whole name ("Cục Hàng hải", "Ngân hàng Trung ương
    Varania"); its lower-case words are part of it. A leading common noun is dropped
    ("Báo Tin Nhanh" -> Tin Nhanh)."""
    if lang.org_head_re is None or not toks:
        return None
    k = 0
    while k < len(toks) and toks[k][2].lower() in lang.determiners:
        k += 1
    head = lang.org_head_re.match(text, toks[k][0]) if k < len(toks) else None
    if head is None:
        return None
    if lang.role_re and lang.role_re.search(text, toks[k][0], e):
        return None
    if any(w.lower() in lang.prepositions or w in lang.comma_chars for _a, _b, w in toks[k:]):
        return None
    if not any(w[:1].isupper() for _a, _b, w in toks[k + 1 :]):
        return None
    if not text[head.start()].isupper():  # "công ty Cấp nước Sông Hồng": the name follows
        k = next((j for j in range(k, len(toks)) if toks[j][0] >= head.end()), len(toks))
        if k >= len(toks) or not toks[k][2][:1].isupper():
            return None
    if lang.common_noun_re is not None:  # "Báo Tin Nhanh", "Hãng tin Nordpress" -> the name
        for j in range(len(toks) - 1, k, -1):
            if lang.common_noun_re.fullmatch(text, toks[k][0], toks[j - 1][1]):
                k = j
                break
    return text[toks[k][0] : toks[-1][1]]


def _trim_places(
    toks: list[tuple[int, int, str]], runs: list[tuple[int, int]], s: int, lang: Lang, text: str
) -> list[tuple[int, int]]:
    """Runs without a trailing place in the genitive ("Олег Сидоренко Варанії" -> the person);
    a lone genitive place after a role ("Посол Варанії") is no name at all."""
    if lang.place_before_re is not None:
        # vi "huyện Bình Sơn": the place's words go; a person may follow ("tỉnh Hòa Sơn Đinh
        # Văn Lộc" -> Đinh Văn Lộc, opened by a native family name)
        kept = []
        for a, b in runs:
            if lang.place_before_re.search(text, max(0, toks[a][0] - 24), toks[a][0]) or (
                a and lang.org_head_re is not None and lang.org_head_re.match(text, toks[a][0])
            ):  # "Người phát ngôn Bộ Công Thương": an organisation after the role, no person
                first = lang.name_first_re
                a = next((k for k in range(a, b) if first and first.fullmatch(toks[k][2])), b)
            if a < b:
                kept.append((a, b))
        runs = kept
    if lang.place_genitive_re is None:
        return runs
    out = []
    for a, b in runs:
        while b - a > 1 and lang.place_genitive_re.fullmatch(toks[b - 1][2]):
            b -= 1
        lone = b - a == 1 and lang.place_genitive_re.fullmatch(toks[a][2])
        if lone and lang.role_re and lang.role_re.search(text, s, toks[a][0]):
            continue
        out.append((a, b))
    return out


def _is_initial(w: str) -> bool:
    return len(w) == 1 and w.isupper()


def _name_token(w: str, lang: Lang) -> bool:
    if not w[:1].isupper() or w.endswith(("'s", "’s")):
        return False
    if lang.common_noun_re is not None and lang.common_noun_re.fullmatch(w):
        return False
    lw = w.lower()
    if lw in lang.words or lw in lang.determiners:
        return False
    if lang.role_re and lang.role_re.fullmatch(w):
        return False
    if lang.anonymous_re and lang.anonymous_re.fullmatch(w):
        return False
    return not (lang.honorific_re and lang.honorific_re.fullmatch(w))


def _strip_dets(chunk: str, lang: Lang) -> str:
    words = chunk.strip(" ,").split()
    while words and words[0].lower() in lang.determiners:
        words = words[1:]
    return " ".join(words)


def _affiliation(role: str, lang: Lang) -> str | None:
    """'Kremlin spokesman' -> Kremlin; 'spokesman for the ministry' -> ministry."""
    role = role.strip(" ,")
    toks = role.split()
    for k, w in enumerate(toks):
        if k and w.lower() in lang.possessor_preps | lang.prepositions:
            rest = _strip_dets(" ".join(toks[k + 1 :]), lang)
            if rest:
                return rest
    m = re.match(r"(?:the\s+)?(.+?)(?:'s|’s)\s", role, re.I)
    if m:
        return _strip_dets(m.group(1), lang)
    # what is left without the role words: "Tổng thư ký Hiệp ước phương Bắc" -> Hiệp ước phương
    # Bắc, "Официальный представитель МИД Кестрии" -> МИД Кестрии
    rest = (lang.role_re.sub(" ", role) if lang.role_re else role).split()
    while rest and rest[0].lower() in lang.determiners | lang.prepositions:
        rest = rest[1:]
    return " ".join(rest) if any(w[:1].isupper() for w in rest) else None


# ---------------------------------------------------------------- coreference


def _resolve(out: list[Statement], text: str, lang: Lang) -> None:
    """Pronouns, role nouns and short names to the speaker they refer to."""
    runs: list[str] = []  # multi-word capitalised runs of the article, filled on first need
    for i, st in enumerate(out):
        if st.extra.get("continuation") and i:
            _copy_speaker(st, out[i - 1])
        elif st.extra.get("pronoun"):
            ref = _antecedent(out, i, st.extra.get("person", True))
            if ref is not None:
                _copy_speaker(st, out[ref])
            elif lang.caps and st.speaker_start is not None:
                st.speaker_name = _last_name_before(text, st.speaker_start, lang)
        elif st.extra.get("anaphor") and not st.speaker_name:
            ref = _role_antecedent(out, i, st.extra["anaphor"])
            if ref is not None:
                _copy_speaker(st, out[ref])
        elif st.speaker_name and lang.caps:
            st.speaker_name = _full_name(st.speaker_name, out, i, text, lang, runs)
        elif st.speaker_name:
            st.speaker_name = _full_name_nocaps(st.speaker_name, out, i, lang)
        if st.speaker_name and lang.spaces and not st.extra.get("pronoun"):
            st.speaker_name = _trim_by_article(st.speaker_name, text)


def _full_name_nocaps(name: str, out: list[Statement], i: int, lang: Lang) -> str:
    """'コヴェル' -> アドリアン・コヴェル, '도보시' -> 마레크 도보시, '岡田' -> 岡田修: a short
    name completed from another speaker of the article (earlier ones first)."""
    if " " in name or "・" in name or "·" in name:
        return name
    order = list(range(i - 1, -1, -1)) + list(range(i + 1, len(out)))
    for k in order:
        cand = out[k].speaker_name
        if not cand or cand == name or out[k].extra.get("pronoun"):
            continue
        if cand.endswith((f" {name}", f"・{name}", f"·{name}")):
            return cand
        if not lang.spaces and cand.startswith(name) and len(cand) - len(name) <= 2:
            return cand  # a native surname first: 岡田 -> 岡田修
    return name


def _trim_by_article(name: str, text: str) -> str:
    """'Varania Elena Varga' -> Elena Varga, 'كيستريا أدريان كوفيل' -> أدريان كوفيل: the first
    of three or more words stands alone elsewhere in the article (a country, an organisation)."""
    words = name.split()
    if len(words) < 3:
        return name
    alone = re.compile(rf"(?<!\w){re.escape(words[0])}(?!\w)(?!\s+{re.escape(words[1])})")
    if alone.search(text):
        return " ".join(words[1:])
    return name


def _copy_speaker(st: Statement, ref: Statement) -> None:
    st.speaker_name = ref.speaker_name
    st.role = st.role or ref.role
    st.affiliation = st.affiliation or ref.affiliation
    st.anonymous = ref.anonymous
    st.extra["refers_to"] = ref.speaker


def _antecedent(out: list[Statement], i: int, person: bool) -> int | None:
    for k in range(i - 1, -1, -1):
        ref = out[k]
        if ref.extra.get("pronoun") and ref.speaker_name is None:
            continue
        if out[i].parent == k and out[i].speaker and ref.kind == "direct":
            continue
        if person:
            multi = bool(ref.speaker_name and len(ref.speaker_name.split()) >= 2)
            if (multi or ref.role or ref.anonymous) and (
                ref.speaker_name or ref.role or ref.anonymous
            ):
                return k
            continue
        if ref.speaker_name or ref.role:
            return k
    return None


def _role_antecedent(out: list[Statement], i: int, role: str) -> int | None:
    for k in range(i - 1, -1, -1):
        ref = out[k]
        mention = (ref.speaker or "").lower()
        if role in mention or (ref.role and role in ref.role.lower()):
            return k
    return None


def _last_name_before(text: str, pos: int, lang: Lang) -> str | None:
    window = text[max(0, pos - 600) : pos]
    toks = [(t.start(), t.end(), t.group(0)) for t in TOKEN.finditer(window)]
    runs = [(a, b) for a, b in _trim_places(toks, _name_runs(window, toks, lang), 0, lang, window)]
    runs = [(a, b) for a, b in runs if b - a >= 2]
    for a, b in reversed(runs):
        before = window[: toks[a][0]].rstrip()
        if not before or before[-1] in '.!?\n"”»':
            return window[toks[a][0] : toks[b - 1][1]]
    if runs:
        a, b = runs[-1]
        return window[toks[a][0] : toks[b - 1][1]]
    return None


def _article_runs(text: str, lang: Lang) -> list[str]:
    """Multi-word capitalised runs (candidate full names), minus headline words and cues."""
    toks = [(t.start(), t.end(), t.group(0)) for t in TOKEN.finditer(text)]
    out = []
    for a, b in _name_runs(text, toks, lang):
        while (
            lang.place_genitive_re
            and b - a > 1
            and lang.place_genitive_re.fullmatch(toks[b - 1][2])
        ):
            b -= 1  # uk "Олег Сидоренко Варанії": the country after the name
        a += _name_start([w for _s, _e, w in toks[a:b]], lang)  # "Варании Елена Варга"
        if lang.noun_caps and b - a == 3 and _tail_noun(toks[b - 1][2], toks[b - 2][2], text):
            b -= 1  # de "Elena Varga Kestrien beschuldigt": the object after the name
        if not 2 <= b - a <= 3:
            continue
        run = text[toks[a][0] : toks[b - 1][1]]
        if "\n" in run or (lang.cue_re and any(lang.cue_re.fullmatch(w) for w in run.split())):
            continue
        out.append(run)
    return out


def _tail_noun(last: str, before: str, text: str) -> bool:
    """The last word of a run stands alone elsewhere, never after the word before it in the
    run: a capitalised noun or country (de), not the surname of a three-word name."""
    total = len(re.findall(rf"(?<!\w){re.escape(last)}(?!\w)", text))
    paired = len(re.findall(rf"(?<!\w){re.escape(before)}\s+{re.escape(last)}(?!\w)", text))
    return paired <= 1 and total - paired >= 2


def _full_name(
    name: str, out: list[Statement], i: int, text: str, lang: Lang, runs: list[str]
) -> str:
    """'Kim' -> 'Kim Yong-hyun', 'Mr Kirby' -> 'John Kirby' when the article says so."""
    base = name
    if lang.honorific_re is not None:  # leading only: vi "Anh" is also a name ("Hoàng Anh Tuấn")
        base = re.sub(rf"^(?:{lang.honorific_re.pattern})\.?\s*", "", base, flags=re.I).strip(" .")
    words = base.split()
    if len(words) != 1:
        return base or name
    word = words[0]

    def person_like(cand: str) -> bool:
        parts = cand.split()
        return (
            2 <= len(parts) <= 3
            and word in (parts[0], parts[-1])
            and all(p[:1].isupper() for p in parts)
        )

    for k in range(i - 1, -1, -1):
        ref = out[k].speaker_name
        if ref and ref != base and person_like(ref):
            return ref
    if not runs:
        runs.extend(_article_runs(text, lang) or [""])
    for run in runs:
        if run and person_like(run):
            return run
    return base
