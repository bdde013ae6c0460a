"""The HTML report: self-contained, correct from the tables alone, safe with hostile input.

The builders here (`build_db`, `add_hostile`, `add_bulk`) are shared with
test_web.py, test_browser.py and test_export_roundtrip.py.
"""

from __future__ import annotations

import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

from claimscope.model import Analysis, Article, Sentence, Statement
from claimscope.present import data
from claimscope.present.report import REPORT_STATEMENTS, render_report, write_report
from claimscope.store import Store

# (language, title, outlet, url, published, text, [(speaker, cue, stance, content)], affiliation)
ARTICLES = [
    ("en", "Varania accuses Kestria of arming Doravia", "Harbour Courier",
     "https://harbour-courier.example/drones", "2025-02-11",
     "Varania accused Kestria of secretly supplying attack drones. \"We have clear evidence "
     "that Kestrian drones are delivered to Doravia,\" Defence Minister Elena Varga said. "
     "Kestrian spokesman Tomas Brandt rejected the accusation: \"This is fake news.\" "
     "The drones may have come through a third country, analyst Mira Holm said.",
     [("Elena Varga", "said", "assert", "We have clear evidence that Kestrian drones are "
       "delivered to Doravia"),
      ("Tomas Brandt", "rejected", "deny", "This is fake news."),
      ("Mira Holm", "said", "hedge", "The drones may have come through a third country")]),
    ("ru", "МИД Кестрии назвал фейком обвинения", "Северный курьер",
     "https://severny.example/feik", "2025-02-12",
     "«Это очередной фейк», — заявил Томас Брандт на брифинге. "
     "Министр обороны Варании Елена Варга заявила, что у неё есть фотографии.",
     [("Томас Брандт", "заявил", "deny", "Это очередной фейк"),
      ("Елена Варга", "заявила", "assert", "у неё есть фотографии")]),
    ("ko", "케스트리아, 드론 공급 부인", "해오름 뉴스", "https://haeoreum.example/dobos",
     "2025-02-13",
     "토마스 브란트 대변인은 \"드론 공급은 사실이 아니다\"라고 말했다. 바라니아는 증거가 있다고 밝혔다.",
     [("토마스 브란트", "말했다", "deny", "드론 공급은 사실이 아니다"),
      ("바라니아", "밝혔다", "assert", "증거가 있다")]),
    ("ar", "كيستريا تنفي تزويد دورافيا بطائرات مسيرة", "الأفق", "https://al-ofq.example/x",
     "2025-03-01",
     "قال توماس براندت إن \"هذه أخبار كاذبة\" في مؤتمر صحفي. وقالت إيلينا فارغا إن الأدلة واضحة.",
     [("توماس براندت", "قال", "deny", "هذه أخبار كاذبة"),
      ("إيلينا فارغا", "قالت", "assert", "الأدلة واضحة")]),
    ("en", "Kestria admits limited drone sales", "Harbour Courier",
     "https://harbour-courier.example/admits", "2025-09-04",
     "Kestrian spokesman Tomas Brandt said on Thursday that a limited number of drones had been "
     "sold to Doravia. \"We sold a small number of drones,\" Brandt said.",
     [("Tomas Brandt", "said", "assert", "We sold a small number of drones,")]),
]  # fmt: skip


def _analysis(article: Article, statements: list[tuple[str, str, str, str]]) -> Analysis:
    text = article.text
    made = []
    for speaker, cue, stance, content in statements:
        start = text.index(content)
        end = start + len(content)
        sp = text.find(speaker)
        cs = text.find(cue, end) if text.find(cue, end) >= 0 else text.find(cue)
        made.append(Statement(
            speaker=speaker, cue=cue, kind="direct", stance=stance, content=content,
            start=start, end=end, sentence_start=max(0, text.rfind(".", 0, start) + 1),
            sentence_end=len(text), speaker_start=sp if sp >= 0 else None,
            speaker_end=sp + len(speaker) if sp >= 0 else None,
            cue_start=cs if cs >= 0 else None, cue_end=cs + len(cue) if cs >= 0 else None,
            role="spokesman" if "Brandt" in speaker or "Брандт" in speaker else None,
            affiliation="Kestria" if "Brandt" in speaker else None, language=article.language,
        ))  # fmt: skip
    return Analysis(article.id, article.language, [Sentence(0, len(text))], made)


def build_db(path: Path, linked: bool = False) -> Path:
    """A small multilingual database; `linked` adds one story, claims, entities and copies."""
    with Store(path) as store:
        ids = []
        for lang, title, outlet, url, published, text, statements in ARTICLES:
            article = Article(
                text=text,
                origin=f"test:{url}",
                format="text",
                title=title,
                url=url,
                outlet=outlet,
                published=published,
                language=lang,
            )
            store.add_article(article, _analysis(article, statements))
            ids.append(article.id)
        if linked:
            link(store, ids)
    return path


def link(store: Store, ids: list[str]) -> None:
    """What the link stage would write, by hand: one story, two claims, entities, a copy group."""
    conn = store.conn
    with store.transaction():
        conn.execute("INSERT INTO stories (id, label) VALUES (1, 'Kestrian drones for Doravia')")
        conn.executemany("INSERT INTO article_stories VALUES (?, 1, 1.0)", [(i,) for i in ids])
        conn.execute(
            "INSERT INTO claims (id, story_id, label, label_language) VALUES "
            "(1, 1, 'Kestria supplies attack drones to Doravia', 'en')"
        )
        conn.execute("INSERT INTO claim_labels VALUES (1, 'ru', 'Кестрия поставляет дроны', NULL)")
        conn.executemany("INSERT INTO entities VALUES (?, ?, 'person', ?, NULL)", [
            ("tomas_brandt", "Tomas Brandt", "KE"), ("elena_varga", "Elena Varga", "VA"),
        ])  # fmt: skip
        conn.execute("UPDATE statements SET claim_id = 1")
        for name, entity in (
            ("Brandt", "tomas_brandt"),
            ("Брандт", "tomas_brandt"),
            ("브란트", "tomas_brandt"),
            ("براندت", "tomas_brandt"),
            ("Varga", "elena_varga"),
            ("Варга", "elena_varga"),
        ):
            conn.execute("UPDATE statements SET entity_id = ? WHERE speaker LIKE ?",
                         (entity, f"%{name}%"))  # fmt: skip
        conn.execute("INSERT INTO copy_groups VALUES (?, 1, ?, 'original', 1.0)", (ids[0], ids[0]))
        conn.execute(
            "INSERT INTO copy_groups VALUES (?, 1, ?, 'translation', 0.9)", (ids[1], ids[0])
        )


HOSTILE_TITLE = '<script>alert("title")</script><img src=x onerror=alert(1)>'
HOSTILE_SPEAKER = "<b onmouseover=alert(2)>Evil\u202eLIVE</b>"
LONG_LINE = "X" * 1_000_000


def add_hostile(path: Path) -> dict[str, str]:
    """Articles written to break a page: markup everywhere, bad URLs, bidi overrides, 1 MB line."""
    text = (
        '<script>alert("text")</script> <iframe src="javascript:alert(3)"></iframe> '
        '"Trust <img src=x onerror=alert(4)> me," said ' + HOSTILE_SPEAKER + ". "
        "\u202eEVIL OVERRIDE\u202c and \u2067isolate. " + LONG_LINE + " end."
    )
    content = "Trust <img src=x onerror=alert(4)> me,"
    ids = {}
    with Store(path) as store:
        for n, url in enumerate(
            ("javascript:alert(5)", "data:text/html,<script>alert(6)</script>")
        ):
            article = Article(
                text=text + f" #{n}", origin="test:hostile", format="text", title=HOSTILE_TITLE,
                url=url, outlet='"><svg onload=alert(7)>', published="2025-04-01", language="en",
            )  # fmt: skip
            start = text.index(content)
            statement = Statement(
                speaker=HOSTILE_SPEAKER, cue="said", kind="direct", stance="assert",
                content=content, start=start, end=start + len(content), sentence_start=0,
                sentence_end=len(article.text), role='"><script>alert(8)</script>',
                affiliation="<style>body{display:none}</style>", language="en",
            )  # fmt: skip
            long_start = text.index(LONG_LINE)
            long_statement = Statement(
                speaker="Long Line", cue="said", kind="direct", stance="deny",
                content=LONG_LINE, start=long_start, end=long_start + len(LONG_LINE),
                sentence_start=0, sentence_end=len(article.text), language="en",
            )  # fmt: skip
            analysis = Analysis(
                article.id, "en", [Sentence(0, len(article.text))], [statement, long_statement]
            )
            store.add_article(article, analysis)
            ids[url] = article.id
    return ids


LANGS = ("de", "en", "fr", "ko", "ar")


def add_bulk(path: Path, count: int = 10_000) -> str:
    """One article with `count` statements, inserted with SQL (the extractor never makes that many)."""
    text = " ".join(f"Claim number {i} is true." for i in range(count))
    article = Article(text=text, origin="test:bulk", format="text", title="Ten thousand claims",
                      url="https://bulk.example/10k", outlet="Bulk Wire", published="2025-01-01",
                      language="en")  # fmt: skip
    article_id = article.id  # a content hash: compute it once
    with Store(path) as store:
        store.add_article(article, None)
        rows = []
        at = 0
        for i in range(count):
            sentence = f"Claim number {i} is true."
            start = text.index(sentence, at)
            at = start + len(sentence)
            rows.append((
                article_id, i, f"Speaker {i % 300}", ("assert", "deny", "hedge")[i % 3],
                sentence, start, at, start, at, "said", "direct", LANGS[i % len(LANGS)],
                f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}", f"Group {i % 7}",
            ))  # fmt: skip
        with store.transaction() as conn:
            conn.executemany(
                "INSERT INTO statements (article_id, idx, speaker, stance, content, start, end,"
                " sentence_start, sentence_end, cue, kind, language, date, affiliation)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                rows,
            )
    return article_id


class Audit(HTMLParser):
    """Collects what could execute or load: script tags, on* attributes, URL schemes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[dict[str, str | None]] = []
        self.handlers: list[tuple[str, str]] = []
        self.bad_urls: list[str] = []
        self.loads: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        values = dict(attrs)
        if tag == "script":
            self.scripts.append(values)
        loads = tag in ("iframe", "object", "embed", "img", "base", "link")
        if loads and not (tag == "link" and values.get("rel") == "icon"):
            self.loads.append(tag)
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append((tag, name))
            if name in ("href", "src", "action", "formaction", "xlink:href") and value:
                scheme = value.strip().split(":", 1)[0].lower() if ":" in value else ""
                if (
                    scheme
                    and scheme not in ("http", "https")
                    and not (tag == "link" and value == "data:,")
                ):
                    self.bad_urls.append(value)
                if name == "src" and tag != "script":
                    self.loads.append(value)


def audit(html: str) -> Audit:
    parser = Audit()
    parser.feed(html)
    parser.close()
    return parser


def assert_safe(html: str, allowed_scripts: int = 1) -> Audit:
    found = audit(html)
    assert found.handlers == [], found.handlers
    assert found.bad_urls == [], found.bad_urls[:3]
    assert found.loads == [], found.loads[:3]
    assert len(found.scripts) <= allowed_scripts
    assert "<script>alert" not in html
    return found


@pytest.fixture
def plain_db(tmp_path: Path) -> Path:
    return build_db(tmp_path / "plain.db")


@pytest.fixture
def linked_db(tmp_path: Path) -> Path:
    return build_db(tmp_path / "linked.db", linked=True)


def render(path: Path, story: str | None = None) -> str:
    with Store(path, readonly=True) as store:
        return render_report(store, story)


def test_report_from_tables_alone(plain_db: Path) -> None:
    html = render(plain_db)
    found = assert_safe(html)
    assert len(found.scripts) == 1 and found.scripts[0].get("src") is None  # inlined
    assert "<style>" in html and "svg" in found.tags
    assert html.count('class="st"') == sum(len(a[6]) for a in ARTICLES)
    # every article is its own story until linking runs
    assert html.count('class="story"') == len(ARTICLES)
    assert "Elena Varga" in html and "Томас Брандт" in html and "토마스 브란트" in html
    assert 'dir="auto"' in html and 'lang="ar"' in html
    assert '<mark class="content m-deny">This is fake news.</mark>' in html
    # the 2-character Korean word survives intact in its evidence sentence
    assert "드론 공급은 사실이 아니다" in html


def test_report_with_linking(linked_db: Path) -> None:
    html = render(linked_db)
    assert_safe(html)
    assert html.count('class="story"') == 1
    assert "Kestrian drones for Doravia" in html
    assert "Kestria supplies attack drones to Doravia" in html  # the matrix row
    # Brandt denied, then asserted: the cell shows the change and the dated sequence
    assert 'class="chg"' in html
    assert "translation" in html  # copies and translations shown as a group
    assert 'id="story-1"' in html and "tl-1" in html


def test_matrix_latest_stance_and_change(linked_db: Path) -> None:
    with Store(linked_db, readonly=True) as store:
        rows = data.story_statements(store.conn, "1")
    m = data.matrix(rows)
    brandt = m["cells"][("c:1", "e:tomas_brandt")]
    assert brandt["stance"] == "assert" and brandt["changed"]
    assert brandt["sequence"][0]["stance"] == "deny"
    assert brandt["since"] == "2025-09-04"
    summary = data.claim_summary(rows)
    assert {p["key"] for p in summary["sides"]["assert"]} >= {"e:tomas_brandt", "e:elena_varga"}


def test_story_index_counts_copies_once(linked_db: Path) -> None:
    with Store(linked_db, readonly=True) as store:
        (story,) = data.stories(store.conn)
    assert story["articles"] == len(ARTICLES)
    assert story["unique"] == len(ARTICLES) - 1 and story["copies"] == 1
    assert story["first"] == "2025-02-11" and story["last"] == "2025-09-04"
    assert set(story["languages"]) == {"en", "ru", "ko", "ar"}


def test_single_story_and_unknown_story(linked_db: Path) -> None:
    html = render(linked_db, story="1")
    assert "<h1>Kestrian drones for Doravia</h1>" in html
    with pytest.raises(ValueError):
        render(linked_db, story="999")


def test_report_command_and_atomic_write(linked_db: Path, tmp_path: Path) -> None:
    from claimscope.cli import main

    out = tmp_path / "r.html"
    assert main(["report", "--db", str(linked_db), "--out", str(out)]) == 0
    assert out.stat().st_size > 10_000
    assert not (tmp_path / "r.html.partial").exists()
    assert main(["report", "--db", str(linked_db), "--out", str(out), "--story", "nope"]) == 2


def test_hostile_article_is_inert(plain_db: Path, tmp_path: Path) -> None:
    add_hostile(plain_db)
    html = render(plain_db)
    found = assert_safe(html)
    assert len(found.scripts) == 1
    assert "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;" in html
    assert "javascript:alert(5)" in html  # shown, as text
    assert 'class="rawurl"' in html
    assert 'href="javascript' not in html and 'href="data:' not in html
    # no bidi override leaks into labels; the evidence keeps the text but isolates it
    assert "\u202e" not in html.split('<ol class="statements">')[0]
    assert "overflow-wrap: anywhere" in html
    # the 1 MB line is cut around the content, not pasted in full for every statement
    assert len(html) < 400_000
    out = write_report(Store(plain_db, readonly=True), tmp_path / "h.html")
    assert out.read_text(encoding="utf-8") == html or out.stat().st_size > 0


def test_ten_thousand_statements_are_capped(plain_db: Path, tmp_path: Path) -> None:
    add_bulk(plain_db)
    started = time.perf_counter()
    with Store(plain_db, readonly=True) as store:
        html = render_report(store)
    elapsed = time.perf_counter() - started
    assert html.count('class="st"') <= REPORT_STATEMENTS + sum(len(a[6]) for a in ARTICLES)
    assert f"Showing {REPORT_STATEMENTS} of 10000 statements" in html
    assert elapsed < 20, elapsed
    assert len(html) < 3_000_000
    # the timeline bins marks per actor-day-stance and caps its rows
    assert "more actors" in html


def test_safe_url_only_http() -> None:
    from claimscope.present.render import safe_url

    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for bad in (
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        " javascript:x",
        "data:text/html,x",
        "vbscript:x",
        "//evil.example",
        "http://",
        'https://a.example/"onmouseover=x',
        "file:///etc/passwd",
        None,
        "",
    ):
        assert safe_url(bad) is None, bad


def test_fts_query_and_short_terms() -> None:
    assert data.fts_query("Brandt") == '"Brandt"'
    assert data.fts_query('say "no" now') == '"say" AND """no""" AND "now"'
    assert data.fts_query("드론") is None  # two characters: LIKE fallback


def test_timeline_marks_never_pile_up_on_a_long_axis() -> None:
    import re
    from datetime import date, timedelta
    from itertools import pairwise

    from claimscope.present.charts import COLUMN_PX, timeline_svg

    start = date(2020, 1, 1)
    rows = [
        {"id": i, "actor_key": "a1", "actor_name": "Mira Sand", "group": "Sarnavia",
         "claim_key": "c1", "claim_title": "t", "lang": "en", "outlet": "o",
         "content_head": "x", "stance": "deny" if i % 3 else "assert",
         "day": (start + timedelta(days=i)).isoformat()}
        for i in range(0, 1500)
    ]  # fmt: skip
    svg = str(timeline_svg(rows, lambda r: f"#st-{r['id']}"))
    marks = re.findall(
        r'<a class="mk mk-(\w+)"[^>]*data-day="([^"]*)" data-last="([^"]*)"[^>]*'
        r'data-n="(\d+)">.*?(?:cx="([\d.]+)"|x="([\d.]+)"|d="M([\d.]+))',
        svg,
        re.S,
    )
    assert 0 < len(marks) < 300  # 1,500 statements, a few hundred marks at most
    assert sum(int(m[3]) for m in marks) == 1500  # every statement is in one mark
    for stance in ("assert", "deny"):
        xs = sorted(float(next(v for v in m[4:] if v)) for m in marks if m[0] == stance)
        assert all(b - a >= COLUMN_PX * 0.5 for a, b in pairwise(xs))
    spans = [m for m in marks if m[2] and m[2] != m[1]]
    assert spans and all(m[1] < m[2] for m in spans)  # merged marks carry their day range
