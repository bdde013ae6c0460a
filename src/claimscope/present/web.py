"""`claimscope serve`: the report's views as a local web app, plus search, pages and ingest.

Viewing uses a read-only SQLite connection per request; ingest opens its own
read-write connection through the same `Claimscope.ingest` the CLI uses. The
app binds to localhost by default and then checks the Host header (so a web
page cannot reach it through DNS rebinding); beyond localhost it needs a token.
Every response carries a strict Content-Security-Policy: scripts only from
/static, styles only with the per-response nonce, nothing from other origins.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import tempfile
import threading
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import URL, MutableHeaders
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from claimscope import __version__
from claimscope.present import data
from claimscope.present.charts import timeline_svg
from claimscope.present.render import WebLinks, environment, safe_url, static_text
from claimscope.present.report import render_report, story_view
from claimscope.store import Store

MAX_UPLOAD = 16 * 1024 * 1024
PER_PAGE = 500
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
TOKEN_HEADER = "x-claimscope-token"
COOKIE = "claimscope_token"


class WebApp:
    """Request handlers over one database file."""

    def __init__(self, db: str, max_upload: int = MAX_UPLOAD, public_urls_only: bool = False):
        self.db = db
        self.max_upload = max_upload
        self.public_urls_only = public_urls_only
        self.env = environment()
        self.links = WebLinks()
        self.ingest_lock = threading.Lock()
        if not Path(db).exists():
            Store(db).close()  # an empty, migrated database to ingest into

    # --- plumbing -----------------------------------------------------------------

    def page(
        self, request: Request, template: str, status: int = 200, **context: Any
    ) -> HTMLResponse:
        html = self.env.get_template(template).render(
            request=request, nonce=request.state.nonce, links=self.links, css=_css(),
            db_name=Path(self.db).name, version=__version__, q=context.pop("q", ""), **context,
        )  # fmt: skip
        return HTMLResponse(html, status_code=status)

    def error(self, request: Request, status: int, message: str) -> HTMLResponse:
        return self.page(request, "error.html", status=status, status_code=status, message=message)

    def store(self) -> Store:
        return Store(self.db, readonly=True)

    # --- views ------------------------------------------------------------------------

    def index(self, request: Request) -> Response:
        with self.store() as store:
            stories = data.stories(store.conn)
            overview = data.overview(store.conn)
        return self.page(
            request, "index.html", stories=stories, o=overview,
            story_href=lambda s: self.links.story(s["key"]),
        )  # fmt: skip

    def story(self, request: Request) -> Response:
        key = request.path_params["key"]
        filters = data.Filters.from_params(request.query_params)
        page = _page_number(request)
        with self.store() as store:
            found = data.story(store.conn, key)
            if found is None:
                return self.error(request, 404, "No such story.")
            view = story_view(
                store.conn, found, self.links, filters, offset=(page - 1) * PER_PAGE,
                per_page=PER_PAGE,
            )  # fmt: skip
        _pager(view, request.url.path, filters.query(), page)
        return self.page(request, "story.html", v=view, title=found["title"])

    def actor(self, request: Request) -> Response:
        key = request.path_params["key"]
        page = _page_number(request)
        with self.store() as store:
            rows = data.actor_statements(store.conn, key)
            if not rows:
                return self.error(request, 404, "No statements by this actor.")
            entity = data.entity_info(store.conn, key)
            view = _statement_page(store, rows, request, page)
        seqs = data.sequences(rows)
        positions = sorted(
            ({"key": c, "title": seq[0]["claim_title"], **data.position(seq)}
             for (c, _a), seq in seqs.items()),
            key=lambda p: (p["first"] or "9999", p["title"]),
        )  # fmt: skip
        name = rows[0]["actor_name"]
        return self.page(
            request, "actor.html", title=name, name=name, entity=entity, v=view,
            positions=positions, facets=data.facets(rows), key=key,
            groups=sorted({r["group"] for r in rows} - {data.NO_GROUP}),
            roles=sorted({data.plain(r["role"], 80) for r in rows if r["role"]}),
            timeline=timeline_svg(rows, self.links.statement, "claim", chart_id="tl-actor"),
        )  # fmt: skip

    def claim(self, request: Request) -> Response:
        key = request.path_params["key"]
        page = _page_number(request)
        with self.store() as store:
            rows = data.claim_statements(store.conn, key)
            if not rows:
                return self.error(request, 404, "No statements on this claim.")
            info = data.claim_info(store.conn, key)
            view = _statement_page(store, rows, request, page)
        title = rows[0]["claim_title"]
        stories = sorted({r["story_id"] for r in rows if r["story_id"] is not None})
        return self.page(
            request, "claim.html", title=title, claim_title=title, info=info, v=view,
            summary=data.claim_summary(rows), facets=data.facets(rows), stories=stories,
            timeline=timeline_svg(rows, self.links.statement, "actor", chart_id="tl-claim"),
        )  # fmt: skip

    def article(self, request: Request) -> Response:
        article_id = request.path_params["id"]
        with self.store() as store:
            row = data.article(store.conn, article_id)
            if row is None:
                return self.error(request, 404, "No such article.")
            rows = data.all_statements(store.conn, "s.article_id = ?", [article_id])
            rows.sort(key=lambda r: r["idx"])
            shown = rows[:PER_PAGE]
            data.attach_evidence(store.conn, shown)
            members = (
                data.copy_group_members(store.conn, row["group_id"])
                if row.get("group_id") is not None else []
            )  # fmt: skip
        segments = data.highlight_segments(row["text"], rows)
        story_key = str(row["story_id"]) if row.get("story_id") is not None else f"a{row['id']}"
        return self.page(
            request, "article.html", title=row.get("title") or "Article", a=row, rows=shown,
            total=len(rows), segments=segments, members=members, story_key=story_key,
            marks_capped=len(rows) > 2000,
        )  # fmt: skip

    def search(self, request: Request) -> Response:
        q = (request.query_params.get("q") or "").strip()[:200]
        page = _page_number(request)
        with self.store() as store:
            results = data.search(store.conn, q, limit=50, offset=(page - 1) * 50)
            if results["statements"]:
                data.attach_evidence(store.conn, results["statements"])
        more = f"/search?{urlencode({'q': q, 'page': page + 1})}" if results["more"] else None
        return self.page(request, "search.html", title=f"Search: {q}" if q else "Search", q=q,
                         r=results, more=more, page=page)  # fmt: skip

    def report(self, request: Request) -> Response:
        with self.store() as store:
            html = render_report(store, request.query_params.get("story"),
                                 nonce=request.state.nonce)  # fmt: skip
        return HTMLResponse(html)

    def script(self, request: Request) -> Response:
        return Response(static_text("app.js"), media_type="text/javascript",
                        headers={"Cache-Control": "no-cache"})  # fmt: skip

    # --- ingest ----------------------------------------------------------------------

    def ingest_form(self, request: Request) -> Response:
        return self.page(request, "ingest.html", title="Add articles", limit_mb=self._limit_mb())

    async def ingest(self, request: Request) -> Response:
        limit = self.max_upload
        too_big = f"That file is too large: the limit is {self._limit_mb()} MB per upload."
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit + 65536:
            return await self._ingest_error(request, 413, too_big)
        body = bytearray()
        async for chunk in request.stream():
            body += chunk
            if len(body) > limit + 65536:
                return await self._ingest_error(request, 413, too_big)
        replay = _replay(request.scope, bytes(body))
        try:
            form = await replay.form(max_files=1, max_fields=8, max_part_size=64 * 1024)
        except Exception:
            return await self._ingest_error(request, 400, "The form could not be read.")
        url = str(form.get("url") or "").strip()
        upload = form.get("file")
        if url:
            if not safe_url(url):
                return await self._ingest_error(
                    request, 400, "Only http:// and https:// addresses can be ingested."
                )
            return await self._run_ingest(request, [url], shown=url)
        if upload is None or isinstance(upload, str) or not upload.filename:
            return await self._ingest_error(request, 400, "Choose a file or give a URL.")
        content = await upload.read()
        if len(content) > limit:
            return await self._ingest_error(request, 413, too_big)
        if not content.strip():
            return await self._ingest_error(request, 400, "That file is empty.")
        name = _safe_filename(upload.filename)
        suffix = Path(name).suffix.lower()
        if suffix not in (".zip", ".gz") and _looks_binary(content):
            return await self._ingest_error(
                request, 415,
                f"“{name}” is not an article: it looks like a binary file. Upload text, HTML,"
                " Markdown, a feed, JSON Lines, or a zip of those.",
            )  # fmt: skip
        with tempfile.TemporaryDirectory(prefix="claimscope-upload-") as folder:
            path = Path(folder) / name
            path.write_bytes(content)
            return await self._run_ingest(request, [str(path)], shown=name)

    async def _run_ingest(self, request: Request, inputs: list[str], shown: str) -> Response:
        result = await run_in_threadpool(self._ingest_sync, inputs)
        if result.new == 0 and result.duplicates == 0:
            reasons = "; ".join(e.reason for e in result.errors[:3]) or "nothing readable found"
            return await self._ingest_error(
                request, 422, f"“{shown}” could not be read as an article: {reasons}."
            )
        with self.store() as store:
            added = [data.article(store.conn, i) for i in result.new_ids[:50]]
        return self.page(
            request, "ingest.html", title="Add articles", limit_mb=self._limit_mb(),
            result=result, added=[a for a in added if a], shown=shown,
        )  # fmt: skip

    def _ingest_sync(self, inputs: list[str]):
        from claimscope.api import Claimscope
        from claimscope.read import ReadOptions

        options = ReadOptions(
            max_bytes=self.max_upload, timeout=20.0, public_only=self.public_urls_only
        )
        with self.ingest_lock, Claimscope(self.db) as cs:
            return cs.ingest(inputs, workers=1, options=options)

    async def _ingest_error(self, request: Request, status: int, message: str) -> Response:
        return self.page(request, "ingest.html", status=status, title="Add articles",
                         limit_mb=self._limit_mb(), problem=message)  # fmt: skip

    def _limit_mb(self) -> int:
        return max(1, self.max_upload // (1024 * 1024))


def _css():
    from markupsafe import Markup

    return Markup(static_text("style.css"))


def _page_number(request: Request) -> int:
    raw = request.query_params.get("page", "1")
    return max(1, min(int(raw), 100000)) if raw.isdigit() else 1


def _statement_page(
    store: Store, rows: list[dict[str, Any]], request: Request, page: int
) -> dict[str, Any]:
    """One page of an actor's or claim's statements, with evidence, and its pager links."""
    offset = (page - 1) * PER_PAGE
    shown = rows[offset : offset + PER_PAGE]
    data.attach_evidence(store.conn, shown)
    view = {"rows": shown, "matching": len(rows), "offset": offset, "per_page": PER_PAGE,
            "capped": len(shown) < len(rows)}  # fmt: skip
    _pager(view, request.url.path, {}, page)
    return view


def _pager(view: dict[str, Any], path: str, query: dict[str, str], page: int) -> None:
    def url(n: int) -> str:
        return f"{path}?{urlencode({**query, 'page': n})}"

    view["next_url"] = (
        url(page + 1) if view["offset"] + len(view["rows"]) < view["matching"] else None
    )
    view["prev_url"] = url(page - 1) if page > 1 else None


def _replay(scope: Scope, body: bytes) -> Request:
    """A request whose body is `body`, already read (and size-checked) by the caller."""
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return Request(scope, receive)


def _safe_filename(name: str) -> str:
    base = Path(name.replace("\\", "/")).name
    clean = "".join(ch if ch.isalnum() or ch in "._-" else "_" for ch in base).strip("._")
    return (clean or "upload")[-100:]


def _looks_binary(content: bytes) -> bool:
    try:
        from claimscope.read.decode import looks_binary
    except ImportError:  # pragma: no cover - the read stage always ships it
        return b"\x00" in content[:8192]
    return looks_binary(content[:65536])


# --- security middleware --------------------------------------------------------------


def _cookie_value(token: str) -> str:
    return hmac.new(token.encode(), b"claimscope-cookie", hashlib.sha256).hexdigest()


class Guard:
    """Security headers on every response; Host, Origin and token checks before any handler."""

    def __init__(self, app: ASGIApp, token: str | None, allowed_hosts: frozenset[str] | None):
        self.app = app
        self.token = token
        self.allowed_hosts = allowed_hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        nonce = secrets.token_urlsafe(16)
        scope.setdefault("state", {})["nonce"] = nonce

        async def send_secure(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["Content-Security-Policy"] = (
                    f"default-src 'none'; script-src 'self' 'nonce-{nonce}';"
                    f" style-src 'nonce-{nonce}'; img-src 'self' data:; form-action 'self';"
                    " frame-ancestors 'none'; base-uri 'none'"
                )
                headers["X-Content-Type-Options"] = "nosniff"
                headers["Referrer-Policy"] = "no-referrer"
                headers["X-Frame-Options"] = "DENY"
                headers["Cross-Origin-Opener-Policy"] = "same-origin"
                headers["Cross-Origin-Resource-Policy"] = "same-origin"
            await send(message)

        request = Request(scope, receive)
        refusal = self.refuse(request)
        if refusal is not None:
            await refusal(scope, receive, send_secure)
            return
        await self.app(scope, receive, send_secure)

    def refuse(self, request: Request) -> Response | None:
        host = (request.headers.get("host") or "").lower()
        hostname = urlsplit(f"//{host}").hostname or ""
        if self.allowed_hosts is not None and hostname not in self.allowed_hosts:
            return _plain(400, "Unexpected Host header: open the app at http://127.0.0.1:PORT/.")
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            origin = request.headers.get("origin") or request.headers.get("referer")
            if origin and origin != "null" and urlsplit(origin).netloc.lower() != host:
                return _plain(403, "Cross-site request refused.")
            if origin == "null":
                return _plain(403, "Cross-site request refused.")
        if not self.token:
            return None
        expected = _cookie_value(self.token)
        given = request.headers.get(TOKEN_HEADER) or ""
        bearer = request.headers.get("authorization") or ""
        if bearer.lower().startswith("bearer "):
            given = given or bearer[7:].strip()
        if given and hmac.compare_digest(given.encode(), self.token.encode()):
            return None
        if hmac.compare_digest((request.cookies.get(COOKIE) or "").encode(), expected.encode()):
            return None
        query_token = request.query_params.get("token")
        if query_token and hmac.compare_digest(query_token.encode(), self.token.encode()):
            rest = [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
            target = URL(path=request.url.path, query=urlencode(rest))
            response = RedirectResponse(str(target), status_code=303)
            response.set_cookie(COOKIE, expected, httponly=True, samesite="strict", path="/")
            return response
        return _plain(401, "This claimscope server needs its access token: open the link with"
                           " ?token=… once, or send the X-Claimscope-Token header.")  # fmt: skip


def _plain(status: int, message: str) -> Response:
    return Response(message + "\n", status_code=status, media_type="text/plain; charset=utf-8")


def create_app(
    db: str,
    token: str | None = None,
    allowed_hosts: set[str] | frozenset[str] | None = None,
    max_upload: int = MAX_UPLOAD,
) -> ASGIApp:
    """The ASGI app. Without a token only localhost Host headers are served."""
    # beyond localhost, the server must not fetch its own network on a visitor's behalf
    web = WebApp(str(db), max_upload=max_upload, public_urls_only=bool(token))
    routes = [
        Route("/", web.index),
        Route("/story/{key}", web.story),
        Route("/actor/{key:path}", web.actor),
        Route("/claim/{key:path}", web.claim),
        Route("/article/{id}", web.article),
        Route("/search", web.search),
        Route("/report.html", web.report),
        Route("/static/app.js", web.script),
        Route("/ingest", web.ingest_form, methods=["GET"]),
        Route("/ingest", web.ingest, methods=["POST"]),
    ]

    async def not_found(request: Request, exc: Exception) -> Response:
        return web.error(request, 404, "Nothing here.")

    async def server_error(request: Request, exc: Exception) -> Response:
        return _plain(500, "Something went wrong; see the server log.")

    app = Starlette(routes=routes, exception_handlers={404: not_found, 500: server_error})
    hosts = None if token else frozenset(allowed_hosts or LOCAL_HOSTS)
    return Guard(app, token, hosts)
