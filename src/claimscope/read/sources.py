"""Where articles come from: files, folders, globs, zip archives, stdin and URLs.

Every source is size-capped before it is read whole, and archives are checked
against zip bombs by counting the bytes actually inflated, not the sizes the
archive claims.
"""

from __future__ import annotations

import glob
import io
import sys
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimscope.model import Article, ReadError
from claimscope.read.decode import DecodeError, decode_bytes
from claimscope.read.formats import read_content, read_jsonl, sniff_format

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
MAX_ARCHIVE_MEMBERS = 20_000
MAX_ARCHIVE_TOTAL = 1024 * 1024 * 1024
MAX_JSONL_LINE = 16 * 1024 * 1024
URL_TIMEOUT = 20.0
SKIP_NAMES = {".DS_Store", "Thumbs.db"}
# Databases (claimscope's own among them) often sit in the folder being ingested.
SKIP_SUFFIXES = {".db", ".sqlite", ".sqlite3", ".db-wal", ".db-shm", ".db-journal", ".partial"}


@dataclass
class ReadOptions:
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = URL_TIMEOUT
    # Refuse URLs (and redirects) to loopback, private and link-local addresses: set when
    # the request comes from someone else's browser (`serve` beyond localhost).
    public_only: bool = False


MAX_REDIRECTS = 5


def private_host(url: str) -> str | None:
    """The reason `url` must not be fetched for a remote user, or None when it is public."""
    import ipaddress
    import socket
    from urllib.parse import urlsplit

    host = urlsplit(url).hostname
    if not host:
        return "no host name"
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except OSError:
        return None  # unresolvable: the fetch itself reports it
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if not address.is_global:
            return f"{host} is a local or private address ({address})"
    return None


def read_inputs(
    inputs: Iterable[str], options: ReadOptions | None = None
) -> Iterator[Article | ReadError]:
    """Every article found in `inputs`, with a ReadError for each one that fails."""
    options = options or ReadOptions()
    for spec in inputs:
        if spec == "-":
            data = sys.stdin.buffer.read(options.max_bytes + 1)
            yield from read_bytes("stdin", "stdin", data, options)
        elif spec.startswith(("http://", "https://")):
            yield from read_url(spec, options)
        else:
            yield from read_path_spec(spec, options)


def read_path_spec(spec: str, options: ReadOptions) -> Iterator[Article | ReadError]:
    path = Path(spec)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and _wanted(p))
        if not files:
            yield ReadError(spec, "folder holds no files")
        for file in files:
            yield from read_file(file, options)
    elif path.is_file():
        yield from read_file(path, options)
    elif any(ch in spec for ch in "*?["):
        matches = sorted(glob.glob(spec, recursive=True))
        files = [Path(m) for m in matches if Path(m).is_file()]
        if not files:
            yield ReadError(spec, "no files match this pattern")
        for file in files:
            yield from read_file(file, options)
    else:
        yield ReadError(spec, "no such file or folder")


def _wanted(path: Path) -> bool:
    """Files a folder walk reads: not hidden, not system litter, not databases."""
    return (
        path.name not in SKIP_NAMES
        and not path.name.startswith(".")
        and path.suffix.lower() not in SKIP_SUFFIXES
    )


def read_file(path: Path, options: ReadOptions) -> Iterator[Article | ReadError]:
    origin = str(path)
    try:
        size = path.stat().st_size
        if size == 0:
            yield ReadError(origin, "empty file")
            return
        if path.suffix.lower() in (".jsonl", ".ndjson"):
            yield from read_jsonl_file(path, options)
            return
        if size > options.max_bytes:
            yield ReadError(
                origin, f"file too large ({_mb(size)} > {_mb(options.max_bytes)} limit)"
            )
            return
        with path.open("rb") as handle:
            data = handle.read(options.max_bytes + 1)
    except OSError as exc:
        yield ReadError(origin, f"cannot read ({exc.strerror or exc})")
        return
    yield from read_bytes(origin, path.name, data, options)


def read_jsonl_file(path: Path, options: ReadOptions) -> Iterator[Article | ReadError]:
    """Streamed line by line: dumps are routinely larger than memory allows whole."""
    origin = str(path)

    def lines() -> Iterator[str]:
        with path.open("rb") as handle:
            for raw in handle:
                if len(raw) > MAX_JSONL_LINE:
                    yield "\x00too-long"
                    continue
                try:
                    yield decode_bytes(raw)[0]
                except DecodeError:
                    yield "\x00binary"

    yield from read_jsonl(origin, lines())


def read_bytes(
    origin: str, name: str, data: bytes, options: ReadOptions, depth: int = 0
) -> Iterator[Article | ReadError]:
    if not data.strip():
        yield ReadError(origin, "empty input")
        return
    if len(data) > options.max_bytes:
        yield ReadError(origin, f"input too large (> {_mb(options.max_bytes)} limit)")
        return
    if data[:4] == b"PK\x03\x04" or name.lower().endswith(".zip"):
        if depth >= 2:
            yield ReadError(origin, "archive nested too deeply")
            return
        yield from read_zip(origin, data, options, depth)
        return
    if data[:2] == b"\x1f\x8b":
        yield from _read_gzip(origin, name, data, options, depth)
        return
    try:
        text, _encoding = decode_bytes(data)
    except DecodeError as exc:
        yield ReadError(origin, str(exc))
        return
    fmt = sniff_format(name, text[:2048])
    yield from read_content(origin, text, fmt)


def _read_gzip(origin: str, name: str, data: bytes, options: ReadOptions, depth: int):
    import gzip

    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as handle:
            inflated = handle.read(options.max_bytes + 1)
    except (OSError, EOFError) as exc:
        yield ReadError(origin, f"corrupt gzip ({exc})")
        return
    if len(inflated) > options.max_bytes:
        yield ReadError(origin, f"gzip inflates beyond {_mb(options.max_bytes)}: refused")
        return
    inner = name[:-3] if name.lower().endswith(".gz") else name
    yield from read_bytes(origin, inner, inflated, options, depth + 1)


def read_zip(
    origin: str, data: bytes, options: ReadOptions, depth: int = 0
) -> Iterator[Article | ReadError]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = [m for m in archive.infolist() if not m.is_dir()]
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        yield ReadError(origin, f"corrupt zip archive ({exc})")
        return
    if len(members) > MAX_ARCHIVE_MEMBERS:
        yield ReadError(origin, f"zip archive has too many members ({len(members)})")
        return
    inflated_total = 0
    for member in members:
        member_origin = f"{origin}!{member.filename}"
        if Path(member.filename).name in SKIP_NAMES or member.filename.startswith("__MACOSX"):
            continue
        budget = min(options.max_bytes, MAX_ARCHIVE_TOTAL - inflated_total)
        if member.file_size > budget:
            yield ReadError(
                member_origin, "inflates beyond the size limit (zip bomb?): archive refused"
            )
            return
        try:
            with archive.open(member) as handle:
                content = handle.read(budget + 1)
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
            yield ReadError(member_origin, f"cannot extract ({exc})")
            continue
        inflated_total += len(content)
        if len(content) > budget:
            yield ReadError(
                member_origin, "inflates beyond the size limit (zip bomb?): archive refused"
            )
            return
        if not content:
            yield ReadError(member_origin, "empty file")
            continue
        yield from read_bytes(member_origin, member.filename, content, options, depth + 1)


def _receive(url: str, response: Any, options: ReadOptions):
    """(chunks, final url, content type, charset) of a response within the size cap."""
    if response.status_code >= 400:
        return ReadError(url, f"HTTP {response.status_code} {response.reason_phrase}")
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > options.max_bytes:
        return ReadError(url, f"response too large ({_mb(int(declared))})")
    chunks: list[bytes] = []
    received = 0
    for chunk in response.iter_bytes():
        received += len(chunk)
        if received > options.max_bytes:
            return ReadError(url, f"response too large (> {_mb(options.max_bytes)} limit)")
        chunks.append(chunk)
    return (
        chunks,
        str(response.url),
        response.headers.get("content-type", ""),
        (response.charset_encoding),
    )


def read_url(url: str, options: ReadOptions) -> Iterator[Article | ReadError]:
    import httpx

    headers = {"User-Agent": "claimscope/0.1 (+local news claim tracker)"}
    target = url
    try:
        with httpx.Client(
            timeout=options.timeout, headers=headers, follow_redirects=not options.public_only
        ) as client:
            for _ in range(MAX_REDIRECTS + 1):  # public_only: every redirect hop is checked
                reason = private_host(target) if options.public_only else None
                if reason:
                    yield ReadError(url, f"refused: {reason}")
                    return
                request = client.build_request("GET", target)
                response = client.send(request, stream=True)
                if not (options.public_only and response.is_redirect):
                    break
                response.close()
                target = str(response.url.join(response.headers.get("location", "")))
            else:
                yield ReadError(url, f"more than {MAX_REDIRECTS} redirects")
                return
            try:
                result = _receive(url, response, options)
            finally:
                response.close()
            if isinstance(result, ReadError):
                yield result
                return
            chunks, final_url, content_type, charset = result
    except httpx.TimeoutException:
        yield ReadError(url, f"timed out after {options.timeout:g}s")
        return
    except httpx.HTTPError as exc:
        yield ReadError(url, f"unreachable ({type(exc).__name__}: {exc})")
        return
    data = b"".join(chunks)
    if not data.strip():
        yield ReadError(url, "empty response")
        return
    try:
        text, _ = decode_bytes(data, declared=charset)
    except DecodeError as exc:
        yield ReadError(url, f"{exc} ({content_type or 'no content type'})")
        return
    name = final_url.split("?")[0]
    if "html" in content_type:
        fmt = "html"
    elif "xml" in content_type or "rss" in content_type or "atom" in content_type:
        fmt = sniff_format(name, text[:2048])
        fmt = fmt if fmt in ("feed", "html") else "feed"
    elif "json" in content_type:
        fmt = "jsonl"
    else:
        fmt = sniff_format(name, text[:2048])
    for item in read_content(url, text, fmt, declared_url=final_url):
        if isinstance(item, Article) and not item.url:
            item.url = final_url
        yield item


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.0f} MB" if size >= 1024 * 1024 else f"{size} bytes"
