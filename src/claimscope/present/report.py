"""The HTML report: one self-contained file that opens offline, on a laptop or a phone.

CSS and JavaScript are inlined, the charts are SVG drawn by Python and the
page carries a Content-Security-Policy that forbids loading anything, so the
file can be mailed around and opened anywhere without calling home. Lists are
capped so a story with 10,000 statements still opens quickly; the report says
when it leaves something out.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from markupsafe import Markup

from claimscope import __version__
from claimscope.present import data
from claimscope.present.charts import timeline_svg
from claimscope.present.render import ReportLinks, WebLinks, environment, static_text
from claimscope.store import Store

REPORT_STATEMENTS = 500  # per story, in the report file
REPORT_STORIES = 60  # stories detailed in one report; the index lists them all


def story_view(
    conn: sqlite3.Connection,
    story: dict[str, Any],
    links: ReportLinks | WebLinks,
    filters: data.Filters | None = None,
    offset: int = 0,
    per_page: int = REPORT_STATEMENTS,
) -> dict[str, Any]:
    """Everything one story section shows: timeline, matrix, a page of statements, articles."""
    filters = filters or data.Filters()
    rows = data.story_statements(conn, story["key"])
    facets = data.facets(rows)
    matching = [r for r in rows if filters.matches(r)]
    page = matching[offset : offset + per_page]
    data.attach_evidence(conn, page)
    if isinstance(links, ReportLinks):
        links.rendered.update(r["id"] for r in page)
    chart_id = f"tl-{story['key'][:40]}"
    return {
        "story": story,
        "total": len(rows),
        "matching": len(matching),
        "rows": page,
        "offset": offset,
        "per_page": per_page,
        "capped": len(page) < len(matching),
        "facets": facets,
        "filters": filters,
        "timeline_actor": timeline_svg(matching, links.statement, "actor", chart_id=chart_id),
        "timeline_aff": timeline_svg(
            matching, links.statement, "affiliation", chart_id=chart_id + "-aff"
        ),
        "matrix": data.matrix(matching),
        "articles": data.story_articles(conn, story["key"]),
        "next_url": None,
        "prev_url": None,
    }


def render_report(store: Store, story: str | None = None, nonce: str | None = None) -> str:
    """The report as an HTML string; `story` limits it to one story key."""
    conn = store.conn
    stories = data.stories(conn)
    if story is not None:
        stories = [s for s in stories if s["key"] == story]
        if not stories:
            raise ValueError(f"no story {story!r}; see the story index for keys")
    detailed = [s for s in stories if s["statements"]][:REPORT_STORIES] or stories[:1]
    links = ReportLinks()
    views = [story_view(conn, s, links) for s in detailed]
    detailed_keys = {s["key"] for s in detailed}
    title = stories[0]["title"] if story is not None else "Claims in the news"
    return (
        environment()
        .get_template("report.html")
        .render(
            title=title,
            stories=stories,
            views=views,
            links=links,
            story_href=lambda s: links.story(s["key"]) if s["key"] in detailed_keys else None,
            hidden_stories=len(stories) - len(detailed),
            o=data.overview(conn),
            db_name=Path(store.path).name,
            generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
            version=__version__,
            css=Markup(static_text("style.css")),
            js=Markup(static_text("app.js")),
            nonce=nonce,
        )
    )


def write_report(store: Store, path: str | Path, story: str | None = None) -> Path:
    """Write the report atomically (no half-written file if interrupted)."""
    target = Path(path)
    html = render_report(store, story)
    tmp = target.with_name(target.name + ".partial")
    tmp.write_text(html, encoding="utf-8")
    tmp.replace(target)
    return target
