"""Reading URLs, against a server on localhost."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from claimscope.model import Article, ReadError
from claimscope.read import ReadOptions, read_inputs

PAGE = (
    "<html lang='fr'><head><title>Démenti</title>"
    "<meta property='og:site_name' content='Le Courrier de Tarnel'></head><body><article>"
    "<p>Le porte-parole Tomas Brandt a démenti mardi toute livraison de drones, qualifiant "
    "ces informations de « fausses ».</p><p>Il a ajouté que l'enquête était close.</p>"
    "</article></body></html>"
)


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:
        if self.path == "/article":
            self._send(200, PAGE.encode(), "text/html; charset=utf-8")
        elif self.path == "/slow":
            time.sleep(2)
            self._send(200, PAGE.encode(), "text/html")
        elif self.path == "/big":
            self._send(200, b"<p>" + b"x" * (2 * 1024 * 1024) + b"</p>", "text/html")
        elif self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/article")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/image":
            self._send(200, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(500), "image/png")
        else:
            self._send(404, b"not here", "text/plain")

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def _single(url: str, **options: float) -> Article | ReadError:
    items = list(read_inputs([url], ReadOptions(**options)))
    assert len(items) == 1
    return items[0]


def test_reads_a_page(server: str) -> None:
    article = _single(f"{server}/article")
    assert isinstance(article, Article)
    assert article.url == f"{server}/article" and article.language == "fr"
    assert "Tomas Brandt a démenti" in article.text


def test_http_error(server: str) -> None:
    error = _single(f"{server}/missing")
    assert isinstance(error, ReadError) and error.reason == "HTTP 404 Not Found"


def test_timeout(server: str) -> None:
    error = _single(f"{server}/slow", timeout=0.5)
    assert isinstance(error, ReadError) and error.reason.startswith("timed out")


def test_size_cap(server: str) -> None:
    error = _single(f"{server}/big", max_bytes=1024 * 1024)
    assert isinstance(error, ReadError) and "too large" in error.reason


def test_binary_response(server: str) -> None:
    error = _single(f"{server}/image")
    assert isinstance(error, ReadError) and "binary" in error.reason


def test_unreachable() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    error = _single(f"http://127.0.0.1:{port}/", timeout=2)
    assert isinstance(error, ReadError) and error.reason.startswith("unreachable")


def test_redirect_is_followed(server: str) -> None:
    item = _single(f"{server}/moved")
    assert isinstance(item, Article) and item.title == "Démenti"


def test_public_only_refuses_local_addresses(server: str) -> None:
    from claimscope.read.sources import private_host

    assert private_host("http://10.1.2.3/x") and private_host("http://[::1]/")
    assert private_host("http://169.254.169.254/latest/meta-data") is not None
    assert private_host("http://8.8.8.8/") is None
    item = _single(f"{server}/article", public_only=True)
    assert isinstance(item, ReadError) and "refused" in item.reason and "127.0.0.1" in item.reason


def test_public_only_checks_every_redirect_hop(server: str, monkeypatch) -> None:
    from claimscope.read import sources

    real = sources.private_host
    # pretend the first address is public: the redirect it answers must still be checked
    monkeypatch.setattr(sources, "private_host", lambda url: None if "/moved" in url else real(url))
    item = _single(f"{server}/moved", public_only=True)
    assert isinstance(item, ReadError) and "refused" in item.reason
    monkeypatch.setattr(sources, "private_host", lambda url: None)
    item = _single(f"{server}/moved", public_only=True)
    assert isinstance(item, Article) and item.title == "Démenti"
