"""In a real browser (Debian's chromium through Playwright): the demo report and the web app.

Skips when chromium or playwright is missing. Screenshots go to tests/artifacts/
(ignored by git); with CLAIMSCOPE_DOCS_SCREENSHOTS=1 the two README screenshots
in docs/ are refreshed too.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from test_report import add_hostile, build_db

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip
ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "tests" / "artifacts"
DOCS = ROOT / "docs"

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is not installed")
sync_api = pytest.importorskip("playwright.sync_api")


def shot(page, name: str, full_page: bool = False) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / ".gitignore").write_text("*\n")
    path = ARTIFACTS / name
    page.screenshot(path=str(path), full_page=full_page)
    assert path.stat().st_size > 5_000
    if os.environ.get("CLAIMSCOPE_DOCS_SCREENSHOTS") and name in DOC_SHOTS:
        shutil.copyfile(path, DOCS / DOC_SHOTS[name])
    return path


DOC_SHOTS = {"report-story.png": "screenshot-report.png", "web-story.png": "screenshot-web.png"}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(database, report) from `claimscope demo`; the test corpus when extraction is absent."""
    folder = tmp_path_factory.mktemp("demo")
    db, report = folder / "demo.db", folder / "report.html"
    prebuilt = os.environ.get("CLAIMSCOPE_DEMO_DB")  # reuse a `claimscope demo` database
    if prebuilt and Path(prebuilt).exists():
        from claimscope.present.report import write_report
        from claimscope.store import Store

        with Store(prebuilt, readonly=True) as store:
            write_report(store, report)
        return Path(prebuilt), report
    try:
        import claimscope.analyze.attribution  # noqa: F401
    except ImportError:
        from claimscope.present.report import write_report
        from claimscope.store import Store

        build_db(db, linked=True)
        with Store(db, readonly=True) as store:
            write_report(store, report)
        return db, report
    from claimscope.cli import main

    assert main(["demo", "--db", str(db), "--report", str(report), "--quiet"]) == 0
    return db, report


@pytest.fixture(scope="module")
def browser() -> Iterator:
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.problems = []
    page.requests = []
    page.on("pageerror", lambda exc: page.problems.append(str(exc)))
    page.on("console", lambda m: m.type == "error" and page.problems.append(m.text))
    page.on("dialog", lambda d: (page.problems.append(f"dialog: {d.message}"), d.dismiss()))
    page.on("request", lambda r: page.requests.append(r.url))
    yield page
    context.close()


def serve(db: Path) -> Iterator[str]:
    import uvicorn

    from claimscope.present.web import create_app

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not server.started and time.time() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def site(demo: tuple[Path, Path]) -> Iterator[str]:
    yield from serve(demo[0])


def no_overflow(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"] + 1, f"page is {width}px wide"


def test_report_timeline_mark_leads_to_evidence(page, demo: tuple[Path, Path]) -> None:
    page.goto(demo[1].as_uri())
    assert page.locator("table.stories, section.story").first.is_visible()
    shot(page, "report.png")
    page.locator("section.story h2").first.scroll_into_view_if_needed()
    page.evaluate(
        "window.scrollBy(0, document.querySelector('section.story').getBoundingClientRect().top - 60)"
    )
    shot(page, "report-story.png")
    mark = page.locator("section.story .tl-actor svg a.mk").last  # painted on top
    href = mark.get_attribute("href")
    assert href and href.startswith("#")
    mark.click()
    assert page.url.endswith(href)
    target = page.locator(href)
    sync_api.expect(target).to_be_in_viewport()
    if href.startswith("#st-"):
        # a "declined to comment" hedge has no content: its cue is the evidence
        highlight = target.locator("blockquote.evidence mark.content, blockquote.evidence .cue")
        sync_api.expect(highlight.first).to_be_visible()
    assert all(url.startswith(("file:", "data:")) for url in page.requests), page.requests
    assert page.problems == []


def test_report_filters_and_matrix(page, demo: tuple[Path, Path]) -> None:
    page.goto(demo[1].as_uri())
    story = page.locator("section.story").first
    options = story.locator("form.filters select[name=lang] option")
    languages = [options.nth(i).get_attribute("value") for i in range(options.count())][1:]
    assert languages, "the first story has no languages"
    total = story.locator("li.st").count()
    chosen = languages[-1]
    story.locator("form.filters select[name=lang]").select_option(chosen)
    visible = story.locator("li.st:visible")
    assert 0 < visible.count() <= total
    assert set(visible.evaluate_all("els => els.map(e => e.dataset.lang)")) == {chosen}
    if len(languages) > 1:
        assert visible.count() < total
        assert story.locator("svg.timeline a.mk.off").count() > 0
    assert "statements shown" in story.locator("output.count").inner_text()
    story.locator("form.filters button[type=reset]").click()
    sync_api.expect(story.locator("li.st:visible")).to_have_count(total)
    story.locator(".tl-switch label").nth(1).click()  # group by affiliation
    sync_api.expect(story.locator(".tl-aff svg")).to_be_visible()
    sync_api.expect(story.locator(".tl-actor svg")).to_be_hidden()
    cell = story.locator("table.matrix details.pos summary").first
    cell.click()
    sync_api.expect(story.locator("table.matrix details.pos[open] ol.seq")).to_be_visible()
    shot(page, "report-matrix.png")
    assert page.problems == []


def test_report_on_a_phone(browser, demo: tuple[Path, Path]) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(demo[1].as_uri())
    no_overflow(page)
    shot(page, "report-phone.png")
    context.close()


def test_web_story_mark_to_article_evidence(page, site: str) -> None:
    page.goto(site + "/")
    page.locator("table.stories td.story-title a").first.click()
    page.wait_for_selector("svg.timeline")
    shot(page, "web-story.png")
    mark = page.locator(".tl-actor svg a.mk").last  # painted on top
    href = mark.get_attribute("href")
    assert href.startswith("/article/") and "#st-" in href
    mark.click()
    page.wait_for_url("**/article/**")
    target = page.locator("#" + href.split("#", 1)[1])
    sync_api.expect(target).to_be_in_viewport()
    sync_api.expect(target.locator("mark.content")).to_be_visible()
    assert page.locator(".article-text mark").count() > 0
    shot(page, "web-article.png")
    assert page.problems == [], page.problems  # no CSP violation, no script error


def test_web_filter_by_language_runs_under_csp(page, site: str) -> None:
    page.goto(site + "/")
    page.locator("table.stories td.story-title a").first.click()
    form = page.locator("form.filters")
    options = form.locator("select[name=lang] option")
    chosen = options.nth(options.count() - 1).get_attribute("value")
    form.locator("select[name=lang]").select_option(chosen)
    visible = page.locator("li.st:visible")
    assert set(visible.evaluate_all("els => els.map(e => e.dataset.lang)")) == {chosen}
    assert "statements shown" in form.locator("output.count").inner_text()  # JS ran
    form.locator("button[type=submit]").click()  # and the server filters the same way
    page.wait_for_url(f"**lang={chosen}**")
    assert page.locator("li.st").count() == page.locator(f"li.st[data-lang={chosen}]").count()
    assert page.problems == []


@pytest.mark.parametrize(("query", "script"), [("Brandt", "latin"), ("Брандт", "cyrillic"),
                                               ("드론", "hangul")])  # fmt: skip
def test_web_search_in_several_scripts(page, site: str, query: str, script: str) -> None:
    page.goto(site + "/")
    page.locator("header form.search input[name=q]").fill(query)
    page.locator("header form.search input[name=q]").press("Enter")
    page.wait_for_url("**/search?q=**")
    hits = page.locator("#article-hits li a.title")
    assert hits.count() > 0, f"no {script} hits"
    assert query in page.locator("#article-hits").inner_text()
    shot(page, f"web-search-{script}.png")
    assert page.problems == []


def test_hostile_article_in_the_browser(browser, tmp_path: Path) -> None:
    db = build_db(tmp_path / "hostile.db")
    ids = add_hostile(db)
    from claimscope.present.report import write_report
    from claimscope.store import Store

    with Store(db, readonly=True) as store:
        report = write_report(store, tmp_path / "hostile.html")
    context = browser.new_context(viewport={"width": 1024, "height": 800})
    page = context.new_page()
    problems: list[str] = []
    page.on("dialog", lambda d: (problems.append(d.message), d.dismiss()))
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    page.goto(report.as_uri())
    no_overflow(page)
    assert page.locator("body").is_visible()
    shot(page, "hostile-report.png")
    for url in serve(db):
        for path in (f"/article/{ids['javascript:alert(5)']}", f"/story/a{ids['javascript:alert(5)']}",
                     "/search?q=Trust"):  # fmt: skip
            page.goto(url + path)
            no_overflow(page)
            assert page.locator("a[href^='javascript']").count() == 0
        shot(page, "hostile-web.png")
    assert problems == [], problems
    context.close()
