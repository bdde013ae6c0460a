"""The web app: views, search in every script, ingest limits, and its security rules."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from claimscope.present import data
from claimscope.present.render import WebLinks
from claimscope.present.web import COOKIE, create_app
from claimscope.store import Store
from test_report import add_bulk, add_hostile, assert_safe, build_db

LOCAL = "http://127.0.0.1:8765"


@pytest.fixture
def linked_db(tmp_path: Path) -> Path:
    return build_db(tmp_path / "web.db", linked=True)


@pytest.fixture
def client(linked_db: Path) -> TestClient:
    return TestClient(create_app(str(linked_db)), base_url=LOCAL)


def test_security_headers_everywhere(client: TestClient) -> None:
    for path in ("/", "/story/1", "/nope", "/static/app.js", "/search?q=x"):
        response = client.get(path)
        csp = response.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp, path
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert "form-action 'self'" in csp and "img-src 'self' data:" in csp
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"
    page = client.get("/")
    nonce = page.headers["content-security-policy"].split("'nonce-")[1].split("'")[0]
    assert f'<style nonce="{nonce}">' in page.text
    assert '<script src="/static/app.js" defer></script>' in page.text
    assert client.get("/static/app.js").headers["content-type"].startswith("text/javascript")


def test_views(client: TestClient) -> None:
    index = client.get("/")
    assert index.status_code == 200 and "Kestrian drones for Doravia" in index.text
    story = client.get("/story/1")
    assert story.status_code == 200
    assert story.text.count('class="st"') == 10 and "<svg" in story.text
    assert 'href="/article/' in story.text  # marks and statements lead to the evidence
    assert client.get("/story/1?lang=ru").text.count('class="st"') == 2
    assert client.get("/story/1?stance=hedge").text.count('class="st"') == 1
    assert client.get("/story/1?from=2025-09-01").text.count('class="st"') == 1
    actor = client.get("/actor/e:tomas_brandt")
    assert actor.status_code == 200 and "Every position" in actor.text
    assert "Kestria supplies attack drones to Doravia" in actor.text and "↻" in actor.text
    assert client.get("/actor/e:country:KE").status_code == 200
    claim = client.get("/claim/c:1")
    assert (
        claim.status_code == 200 and "Asserts" in claim.text and "Кестрия поставляет" in claim.text
    )
    assert client.get("/claim/c:999").status_code == 404
    assert client.get("/story/zzz").status_code == 404


def test_article_view_highlights_statements(client: TestClient, linked_db: Path) -> None:
    with Store(linked_db, readonly=True) as store:
        article_id, statement_id = store.conn.execute(
            "SELECT article_id, id FROM statements WHERE stance = 'deny' AND language = 'ru'"
        ).fetchone()
    page = client.get(f"/article/{article_id}")
    assert page.status_code == 200
    assert f'id="st-{statement_id}"' in page.text and f'id="t-{statement_id}"' in page.text
    assert '<mark id="t-' in page.text and "Это очередной фейк" in page.text
    assert "translation" in page.text  # its copy group


def test_search_in_several_scripts(client: TestClient) -> None:
    latin = client.get("/search", params={"q": "Brandt"})
    assert "full text search" in latin.text and "<mark>Brandt</mark>" in latin.text
    cyrillic = client.get("/search", params={"q": "Брандт"})
    assert "МИД Кестрии" in cyrillic.text
    hangul = client.get("/search", params={"q": "드론"})  # two characters: LIKE fallback
    assert "substring search" in hangul.text and "케스트리아" in hangul.text
    arabic = client.get("/search", params={"q": "أخبار كاذبة"})
    assert "كيستريا" in arabic.text
    nothing = client.get("/search", params={"q": '"; DROP TABLE articles; --'})
    assert nothing.status_code == 200 and "No articles match" in nothing.text
    assert client.get("/search", params={"q": "%_"}).status_code == 200


def test_ingest_upload(client: TestClient, linked_db: Path) -> None:
    text = (
        "Doravia denies drone deal\n\nDoravian army spokesman Ivo Petrak denied on Friday that"
        ' Doravia had received any drones. "We have received nothing," Petrak said.\n'
    )
    before = Store(linked_db, readonly=True).count("articles")
    response = client.post("/ingest", files={"file": ("doravia.txt", text.encode(), "text/plain")})
    assert response.status_code == 200, response.text
    assert "new 1" in response.text
    assert Store(linked_db, readonly=True).count("articles") == before + 1
    again = client.post("/ingest", files={"file": ("doravia.txt", text.encode(), "text/plain")})
    assert "duplicates 1" in again.text


def test_ingest_rejects_bad_input(linked_db: Path) -> None:
    client = TestClient(create_app(str(linked_db), max_upload=1024 * 1024), base_url=LOCAL)
    big = client.post("/ingest", files={"file": ("big.txt", b"a " * 600_000, "text/plain")})
    assert big.status_code == 413 and "too large" in big.text and "1 MB" in big.text
    binary = client.post(
        "/ingest", files={"file": ("photo.jpg", b"\xff\xd8\xff\xe0" + bytes(range(256)) * 40,
                                   "image/jpeg")},
    )  # fmt: skip
    assert binary.status_code == 415 and "not an article" in binary.text
    empty = client.post("/ingest", files={"file": ("e.txt", b"   ", "text/plain")})
    assert empty.status_code == 400
    script_url = client.post("/ingest", data={"url": "javascript:alert(1)"})
    assert script_url.status_code == 400 and "http" in script_url.text
    nothing = client.post("/ingest", data={})
    assert nothing.status_code == 400


def test_default_limit_is_16_mb(client: TestClient) -> None:
    payload = io.BytesIO(b"x" * (16 * 1024 * 1024 + 70_000))
    response = client.post("/ingest", files={"file": ("huge.txt", payload, "text/plain")})
    assert response.status_code == 413 and "16 MB" in response.text


def test_host_and_origin_checks(client: TestClient) -> None:
    assert client.get("/", headers={"host": "evil.example"}).status_code == 400
    assert client.get("/", headers={"host": "localhost:8765"}).status_code == 200
    cross = client.post("/ingest", data={"url": "https://a.example/"},
                        headers={"origin": "https://evil.example"})  # fmt: skip
    assert cross.status_code == 403


def test_token_required_beyond_localhost(linked_db: Path) -> None:
    app = create_app(str(linked_db), token="s3cret")
    client = TestClient(app, base_url="http://192.168.1.5:8765", follow_redirects=False)
    assert client.get("/").status_code == 401
    assert client.get("/?token=wrong").status_code == 401
    assert client.get("/", headers={"x-claimscope-token": "s3cret"}).status_code == 200
    assert client.get("/", headers={"authorization": "Bearer s3cret"}).status_code == 200
    first = client.get("/story/1?token=s3cret&lang=ru")
    assert first.status_code == 303 and first.headers["location"] == "/story/1?lang=ru"
    cookie = first.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie.replace("Strict", "strict")
    assert "s3cret" not in cookie
    assert client.get("/story/1").status_code == 200  # the cookie now opens every page
    client.cookies.clear()
    client.cookies.set(COOKIE, "forged")
    assert client.get("/").status_code == 401
    # beyond localhost the server does not fetch its own network for a visitor
    local = client.post("/ingest", data={"url": "http://127.0.0.1:9/feed"},
                        headers={"x-claimscope-token": "s3cret"})  # fmt: skip
    assert local.status_code == 422 and "local or private address" in local.text


def test_serve_refuses_public_host_without_token(capsys: pytest.CaptureFixture[str]) -> None:
    from claimscope.cli import main

    assert main(["serve", "--host", "0.0.0.0", "--port", "1"]) == 2
    assert "--token" in capsys.readouterr().err


def test_hostile_article_in_every_view(linked_db: Path) -> None:
    ids = add_hostile(linked_db)
    client = TestClient(create_app(str(linked_db)), base_url=LOCAL)
    article_id = ids["javascript:alert(5)"]
    pages = [
        "/",
        f"/story/a{article_id}",
        f"/article/{article_id}",
        "/search?q=Trust",
        "/search?q=<script>",
        "/report.html",
        "/search?q=XX",
    ]
    with Store(linked_db, readonly=True) as store:
        rows = data.all_statements(store.conn, "s.article_id = ?", [article_id])
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        found = assert_safe(response.text)
        assert all(s.get("src") == "/static/app.js" or s.get("nonce") for s in found.scripts)
    article_page = client.get(f"/article/{article_id}").text
    assert "javascript:alert(5)" in article_page and 'href="javascript' not in article_page
    assert len(rows) == 2
    for row in rows:  # the hostile speaker's page and the claim page of its wording
        for href in (WebLinks().actor(row["actor_key"]), WebLinks().claim(row["claim_key"])):
            response = client.get(href)
            assert response.status_code == 200, href
            assert_safe(response.text)


def test_ten_thousand_statements_paginate(linked_db: Path) -> None:
    article_id = add_bulk(linked_db)
    client = TestClient(create_app(str(linked_db)), base_url=LOCAL)
    started = time.perf_counter()
    first = client.get(f"/story/a{article_id}")
    elapsed = time.perf_counter() - started
    assert first.status_code == 200 and elapsed < 10, elapsed
    assert first.text.count('class="st"') == 500
    assert 'class="more"' in first.text and "page=2" in first.text
    last = client.get(f"/story/a{article_id}?page=20")
    assert last.text.count('class="st"') == 500 and 'class="more"' not in last.text
    filtered = client.get(f"/story/a{article_id}?lang=fr&stance=deny")
    assert 0 < filtered.text.count('class="st"') <= 500
    article = client.get(f"/article/{article_id}")
    assert article.status_code == 200 and "first 500 of 10000" in article.text
    assert client.get("/actor/s%3Aspeaker%207").status_code == 200
