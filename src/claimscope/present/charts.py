"""The timeline chart, drawn as SVG by Python so the report needs no JavaScript library.

One row per actor (or affiliation, or claim), one mark per actor-stance and
few-pixel column of the time axis: a day (or, on a long axis, a few days) on
which someone repeated themselves in five outlets is one bigger mark, so marks
never pile up and 10,000 statements stay a few hundred elements. Stance is shown by
colour and by shape (circle, square, diamond) so it survives grey-scale print
and colour blindness. Every mark is a link to its evidence.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from datetime import date, timedelta
from math import log2
from typing import Any

from markupsafe import Markup, escape

from claimscope.present.data import plain

COLOURS = {"assert": "#1d6fb8", "deny": "#c8372d", "hedge": "#c98a00"}
SHAPES = {"assert": "circle", "deny": "square", "hedge": "diamond"}
OFFSETS = {"assert": -6, "hedge": 0, "deny": 6}
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

WIDTH, LABEL_W, PAD_R, TOP, ROW_H, BOTTOM, UNDATED_W = 960, 190, 24, 30, 28, 14, 70
COLUMN_PX = 10  # marks of one row and stance closer than this merge into one


def row_key(row: dict[str, Any], by: str) -> tuple[str, str]:
    if by == "affiliation":
        return row["group"], row["group"]
    if by == "claim":
        return row["claim_key"], row["claim_title"]
    return row["actor_key"], row["actor_name"]


def timeline_svg(
    rows: list[dict[str, Any]],
    link: Callable[[dict[str, Any]], str],
    by: str = "actor",
    max_rows: int = 25,
    chart_id: str = "tl",
) -> Markup:
    """An SVG timeline of `rows` (enriched statements), one line per `by` group."""
    if not rows:
        return Markup('<p class="empty">No statements to chart.</p>')
    counts = Counter(row_key(r, by)[0] for r in rows)
    names: dict[str, str] = {}
    first: dict[str, str] = {}
    for r in rows:
        key, name = row_key(r, by)
        names.setdefault(key, name)
        if r["day"]:
            first[key] = min(first.get(key, r["day"]), r["day"])
    keep = {k for k, _ in counts.most_common(max_rows)}
    order = sorted(keep, key=lambda k: (first.get(k, "9999"), -counts[k], names[k].casefold()))
    hidden = len(counts) - len(keep)
    other = "\x00other"
    if hidden:
        order.append(other)
        names[other] = f"{hidden} more {_plural(by, hidden)}"

    days = sorted({r["day"] for r in rows if r["day"]})
    undated = any(r["day"] is None for r in rows)
    lo = date.fromisoformat(days[0]) if days else date.today()
    hi = date.fromisoformat(days[-1]) if days else lo
    if hi == lo:
        lo, hi = lo - timedelta(days=1), hi + timedelta(days=1)
    span = (hi - lo).days
    x0 = LABEL_W + 14
    x1 = WIDTH - PAD_R - (UNDATED_W + 24 if undated else 10)
    height = TOP + ROW_H * len(order) + BOTTOM

    def x_of(day: str | None) -> float:
        if day is None:
            return WIDTH - PAD_R - UNDATED_W / 2
        return x0 + (date.fromisoformat(day) - lo).days / span * (x1 - x0)

    out = [
        f'<svg class="timeline" id="{escape(chart_id)}" viewBox="0 0 {WIDTH} {height}"'
        f' role="img" aria-label="Timeline of {len(rows)} statements by {escape(by)}"'
        ' xmlns="http://www.w3.org/2000/svg">'
    ]
    for i, key in enumerate(order):
        y = TOP + i * ROW_H
        if i % 2 == 0:
            out.append(
                f'<rect class="band" x="0" y="{y}" width="{WIDTH}" height="{ROW_H}"'
                ' fill="#f4f6f8"/>'
            )
        label = escape(plain(names[key], 30))
        full = escape(plain(names[key], 300))
        out.append(
            f'<text class="rowlabel" x="{LABEL_W - 10}" y="{y + ROW_H / 2 + 4}"'
            f' text-anchor="end"><title>{full}</title>{label}</text>'
        )
    for tick, text in _ticks(lo, hi):
        tx = x0 + (tick - lo).days / span * (x1 - x0)
        out.append(
            f'<line class="grid" x1="{tx:.1f}" x2="{tx:.1f}" y1="{TOP - 4}"'
            f' y2="{height - BOTTOM}" stroke="#d5dae0"/>'
            f'<text class="tick" x="{tx:.1f}" y="{TOP - 10}" text-anchor="middle">{text}</text>'
        )
    if undated:
        ux = WIDTH - PAD_R - UNDATED_W
        out.append(
            f'<line class="grid" x1="{ux}" x2="{ux}" y1="{TOP - 4}" y2="{height - BOTTOM}"'
            f' stroke="#9aa3ad" stroke-dasharray="3 3"/>'
            f'<text class="tick" x="{ux + UNDATED_W / 2}" y="{TOP - 10}"'
            ' text-anchor="middle">no date</text>'
        )

    bins: dict[tuple[str, int, str], list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        key = row_key(r, by)[0]
        column = -1 if r["day"] is None else int(x_of(r["day"]) // COLUMN_PX)
        bins[(key if key in keep else other, column, r["stance"])].append(r)
    index = {k: i for i, k in enumerate(order)}
    for (key, _column, stance), members in sorted(bins.items(), key=lambda b: -len(b[1])):
        members.sort(key=lambda m: (m["day"] or "", m.get("id") or 0))
        cx = sum(x_of(m["day"]) for m in members) / len(members)
        cy = TOP + index[key] * ROW_H + ROW_H / 2 + OFFSETS.get(stance, 0)
        size = 4.5 + min(4.5, 1.6 * log2(len(members)))
        out.append(_mark(members, stance, cx, cy, size, link(members[0])))
    out.append("</svg>")
    return Markup("".join(out))


def _mark(
    members: list[dict[str, Any]], stance: str, cx: float, cy: float, size: float, href: str
) -> str:
    lead = members[0]
    langs = " ".join(sorted({m["lang"] for m in members if m["lang"]}))
    actors = "|".join(sorted({m["actor_key"] for m in members}))
    last = members[-1]["day"]
    days = lead["day"] or "no date"
    if last and last != lead["day"]:
        days = f"{lead['day']} to {last}"
    more = f" (+{len(members) - 1} more)" if len(members) > 1 else ""
    title = (
        f"{plain(lead['actor_name'], 80)} — {stance} — {days}"
        f" — {lead['lang'] or '?'} — {plain(lead.get('outlet'), 60) or 'unknown outlet'}{more}\n"
        f"“{plain(lead.get('content_head'), 160)}”"
    )
    colour = COLOURS.get(stance, "#666")
    shape = SHAPES.get(stance, "circle")
    if shape == "circle":
        body = f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{size:.1f}"'
    elif shape == "square":
        s = size * 0.9
        body = f'<rect x="{cx - s:.1f}" y="{cy - s:.1f}" width="{2 * s:.1f}" height="{2 * s:.1f}"'
    else:
        s = size * 1.2
        body = (
            f'<path d="M{cx:.1f} {cy - s:.1f}L{cx + s:.1f} {cy:.1f}L{cx:.1f} {cy + s:.1f}'
            f'L{cx - s:.1f} {cy:.1f}Z"'
        )
    body += f' fill="{colour}" fill-opacity="0.85" stroke="#fff" stroke-width="1"/>'
    return (
        f'<a class="mk mk-{escape(stance)}" href="{escape(href)}" data-stance="{escape(stance)}"'
        f' data-day="{escape(lead["day"] or "")}" data-last="{escape(last or "")}"'
        f' data-langs="{escape(langs)}"'
        f' data-actors="{escape(actors)}" data-n="{len(members)}">'
        f"<title>{escape(title)}</title>{body}</a>"
    )


def _plural(by: str, n: int) -> str:
    word = {"affiliation": "affiliation", "claim": "claim"}.get(by, "actor")
    return word if n == 1 else word + "s"


def _ticks(lo: date, hi: date, most: int = 8) -> list[tuple[date, str]]:
    """Readable tick dates: days, weeks, months or years, at most `most` of them."""
    span = (hi - lo).days
    for step in (1, 2, 7, 14):
        if span / step <= most:
            ticks = [lo + timedelta(days=i * step) for i in range(span // step + 1)]
            return [
                (d, _day_label(d, i == 0 or (d.month == 1 and d.day <= step)))
                for i, d in enumerate(ticks)
            ]
    for months in (1, 2, 3, 6, 12, 24, 60):
        if span / (30.4 * months) <= most:
            break
    ticks = []
    year, month = lo.year, lo.month
    while True:
        month += 1
        if month > 12:
            year, month = year + 1, 1
        if (month - 1) % months == 0 or months == 1:
            tick = date(year, month, 1)
            if tick > hi:
                break
            ticks.append(tick)
    if months >= 12:
        return [(d, str(d.year)) for d in ticks]
    return [(d, f"{MONTHS[d.month - 1]} {d.year}") for d in ticks]


def _day_label(d: date, with_year: bool) -> str:
    return f"{d.day} {MONTHS[d.month - 1]}" + (f" {d.year}" if with_year else "")
