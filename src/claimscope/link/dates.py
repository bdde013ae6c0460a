"""When a statement was made, from the date words around it and the article's date.

News rarely dates a statement absolutely: it writes "on Thursday", "hôm 10/10",
"10일(현지시간)", "yesterday". `resolve_date` finds such expressions with
per-language patterns (the `[dates]` section of `claimscope/lang/data/<code>.toml`)
and counts back from the publication date. dateparser's `search_dates` misses
or misreads these in running text, and our patterns are ~50x faster.

Conventions (why: a statement cannot be made after the article appeared):

- a bare weekday is the most recent such day on or before publication (a
  "Monday" in a Tuesday article is yesterday); "last Monday" is strictly before;
  "Monday of last week" (上周一, 지난주 월요일) is that day of the previous week;
- a day without month ("10일", "10日") is that day of the publication month, or of
  the month before when it would fall after publication; a day and month without
  year take the most recent year; one day of slack allows for time zones;
- an explicit date later than publication (+1 day) is an event, not the statement
  date, and is skipped;
- imprecise periods ("last week", "earlier this month") return the START of the
  period with source "text-approx" (this week -> its Monday, last month -> its 1st),
  so callers can show "week of ..." and rank them below exact dates;
- when several expressions qualify, exact ones beat approximate ones, then the one
  nearest the reporting verb (`anchor`, else the first cue word of the language's
  `[attribution]` lists found in the text), else the first one;
- no expression: the publication date with source "published"; neither: (None, None).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from claimscope.lang import load_language

Result = tuple[str | None, str | None]

# One-to-one character folds, so match offsets stay valid in the original text.
_FOLD = str.maketrans(
    "０１２３４５６７８９٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹’ʼ‘／（）\u00a0\u202f",
    "0123456789" * 3 + "'''/()  ",
)
# ISO dates are read in every language.
_ISO = re.compile(r"(?<!\d)(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?!\d)")
_DAY_OFFSETS = {"today": 0, "yesterday": -1, "day_before_yesterday": -2}
_APPROX = ("this_week", "last_week", "this_month", "last_month")
_SLACK = timedelta(days=1)


@dataclass(frozen=True)
class _Rules:
    patterns: tuple[re.Pattern[str], ...]
    relative: re.Pattern[str] | None
    relative_keys: dict[str, str]
    weekdays: dict[str, int]
    weekdays_short: dict[str, int]
    months: dict[str, int]
    cues: re.Pattern[str] | None


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    value: date
    approx: bool


def _forms(table: list[list[str]]) -> dict[str, int]:
    return {form.lower(): i for i, forms in enumerate(table) for form in forms}


def _alternation(forms: list[str]) -> str:
    ordered = sorted(set(forms), key=lambda f: (-len(f), f))
    return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in ordered)


def _wrap(pattern: str, boundaries: bool) -> str:
    return rf"(?<!\w)(?:{pattern})(?!\w)" if boundaries else pattern


@cache
def _rules(language: str | None) -> _Rules | None:
    try:
        data: dict[str, Any] = load_language(language or "")
    except (OSError, ValueError):  # a broken data file must not stop the pipeline
        return None
    section = data.get("dates")
    if not section:
        return None
    boundaries = bool(section.get("word_boundaries", True))
    weekdays = section.get("weekdays", [])
    weekdays_short = section.get("weekdays_short", [])
    months = section.get("months", [])
    fills = {
        "{weekday}": _alternation([f for forms in weekdays for f in forms]),
        "{weekday_short}": _alternation([f for forms in weekdays_short for f in forms]),
        "{month}": _alternation([f for forms in months for f in forms]),
    }
    compiled = []
    for template in section.get("patterns", []):
        for key, value in fills.items():
            template = template.replace(key, value)
        compiled.append(re.compile(_wrap(template, boundaries), re.IGNORECASE))
    keys = {
        phrase.lower(): key
        for key, phrases in section.get("relative", {}).items()
        for phrase in phrases
    }
    relative = (
        re.compile(_wrap(f"(?P<rel>{_alternation(list(keys))})", boundaries), re.IGNORECASE)
        if keys
        else None
    )
    return _Rules(
        patterns=tuple(compiled),
        relative=relative,
        relative_keys={" ".join(k.split()): v for k, v in keys.items()},
        weekdays=_forms(weekdays),
        weekdays_short=_forms(weekdays_short),
        months=_forms(months),
        cues=_cue_pattern(data.get("attribution", {}), boundaries),
    )


def _cue_pattern(attribution: dict[str, Any], boundaries: bool) -> re.Pattern[str] | None:
    """The language's reporting cues, used to find the verb a date should sit near."""
    fragments = [
        f
        for key in ("assert", "deny", "hedge")
        for f in attribution.get(key, [])
        if isinstance(f, str)
    ]
    if not fragments:
        return None
    body = "|".join(f.replace(" ", r"\s+") for f in sorted(set(fragments), key=len, reverse=True))
    try:
        return re.compile(_wrap(body, boundaries), re.IGNORECASE)
    except re.error:
        return None


def parse_published(published: str | None) -> date | None:
    """The calendar date of an ISO date or datetime string (None if unreadable)."""
    if not published:
        return None
    try:
        return date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


def _month_back(year: int, month: int) -> tuple[int, int]:
    return (year - 1, 12) if month == 1 else (year, month - 1)


def _day_only(day: int, pub: date, previous_month: bool) -> date | None:
    year, month = pub.year, pub.month
    if previous_month:
        year, month = _month_back(year, month)
    try:
        value = date(year, month, day)
    except ValueError:
        value = None
    if not previous_month and (value is None or value > pub + _SLACK):
        year, month = _month_back(year, month)
        try:
            value = date(year, month, day)
        except ValueError:
            return None
    return value


def _day_month(day: int, month: int, year: int | None, pub: date | None) -> date | None:
    try:
        if year is not None:
            value = date(year, month, day)
            return None if pub is not None and value > pub + _SLACK else value
        if pub is None:
            return None
        value = date(pub.year, month, day)
        if value > pub + _SLACK:
            value = date(pub.year - 1, month, day)
        return value
    except ValueError:
        return None


def _weekday(index: int, pub: date, last: bool, previous_week: bool) -> date:
    if previous_week:
        return pub - timedelta(days=pub.weekday() + 7) + timedelta(days=index)
    back = (pub.weekday() - index) % 7
    if last and back == 0:
        back = 7
    return pub - timedelta(days=back)


def _approx(key: str, pub: date) -> date:
    if key == "this_week":
        return pub - timedelta(days=pub.weekday())
    if key == "last_week":
        return pub - timedelta(days=pub.weekday() + 7)
    if key == "this_month":
        return pub.replace(day=1)
    year, month = _month_back(pub.year, pub.month)
    return date(year, month, 1)


def _from_groups(groups: dict[str, str | None], rules: _Rules, pub: date | None) -> date | None:
    day = int(groups["day"]) if groups.get("day") else None
    month = None
    if groups.get("month"):
        month = int(groups["month"])
    elif groups.get("mon"):
        month_index = rules.months.get(" ".join(groups["mon"].lower().split()))
        month = None if month_index is None else month_index + 1
    year = int(groups["year"]) if groups.get("year") else None
    if day is not None and month is not None:
        return _day_month(day, month, year, pub) if 1 <= month <= 12 else None
    if pub is None:
        return None
    if day is not None:
        return _day_only(day, pub, bool(groups.get("prevmonth")))
    if groups.get("wd"):
        form = " ".join(groups["wd"].lower().split())
        index = rules.weekdays.get(form, rules.weekdays_short.get(form))
        if index is None:
            return None
        return _weekday(index, pub, bool(groups.get("last")), bool(groups.get("prevweek")))
    return None


def _candidates(text: str, rules: _Rules | None, pub: date | None) -> list[_Candidate]:
    found: list[_Candidate] = []
    for match in _ISO.finditer(text):
        value = _day_month(int(match["day"]), int(match["month"]), int(match["year"]), pub)
        if value is not None:
            found.append(_Candidate(match.start(), match.end(), value, False))
    if rules is None:
        return found
    for pattern in rules.patterns:
        for match in pattern.finditer(text):
            value = _from_groups(match.groupdict(), rules, pub)
            if value is not None:
                found.append(_Candidate(match.start(), match.end(), value, False))
    if rules.relative is not None and pub is not None:
        for match in rules.relative.finditer(text):
            key = rules.relative_keys.get(" ".join(match["rel"].lower().split()))
            if key in _DAY_OFFSETS:
                value = pub + timedelta(_DAY_OFFSETS[key])
                found.append(_Candidate(match.start(), match.end(), value, False))
            elif key in _APPROX:
                found.append(_Candidate(match.start(), match.end(), _approx(key, pub), True))
    return _drop_overlaps(found)


def _drop_overlaps(found: list[_Candidate]) -> list[_Candidate]:
    """Keep the longest of overlapping matches ("last Monday" over "Monday")."""
    kept: list[_Candidate] = []
    for cand in sorted(found, key=lambda c: (-(c.end - c.start), c.start)):
        if all(cand.end <= k.start or cand.start >= k.end for k in kept):
            kept.append(cand)
    return sorted(kept, key=lambda c: c.start)


def find_dates(
    text: str, language: str | None, published: str | None
) -> list[tuple[int, int, str, bool]]:
    """Every resolvable date expression: (start, end, ISO date, approximate)."""
    pub = parse_published(published)
    folded = (text or "").translate(_FOLD)
    return [
        (c.start, c.end, c.value.isoformat(), c.approx)
        for c in _candidates(folded, _rules(language), pub)
    ]


def resolve_date(
    text: str, language: str | None, published: str | None, *, anchor: int | None = None
) -> Result:
    """(ISO date the statement was made, "text" | "text-approx" | "published") or (None, None).

    `anchor` is the character offset of the reporting verb when the caller knows it.
    """
    pub = parse_published(published)
    folded = (text or "").translate(_FOLD)
    rules = _rules(language)
    found = _candidates(folded, rules, pub)
    if not found:
        return (pub.isoformat(), "published") if pub else (None, None)
    if anchor is None and len(found) > 1 and rules is not None and rules.cues is not None:
        cue = rules.cues.search(folded)
        anchor = cue.start() if cue else None

    def rank(c: _Candidate) -> tuple[bool, int]:
        if anchor is None:
            return (c.approx, c.start)
        distance = c.start - anchor if c.start >= anchor else anchor - c.end
        return (c.approx, distance)

    best = min(found, key=rank)
    return best.value.isoformat(), "text-approx" if best.approx else "text"
