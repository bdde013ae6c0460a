"""Bad input: each gets a clear one-line error naming it (or is read right); the batch goes on."""

from __future__ import annotations

import io
import os
import unicodedata
import zipfile
from pathlib import Path

import pytest

from claimscope.cli import main
from claimscope.model import Article, ReadError
from claimscope.read import ReadOptions, read_inputs

GOOD = "The port authority said on Monday that the spill had been contained near the docks."
TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def encode_cp1258(text: str) -> bytes:
    """windows-1258 keeps Vietnamese tone marks as combining characters."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        try:
            ch.encode("cp1258")
            out.append(ch)
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONE_MARKS))
            out.append(base + "".join(c for c in parts if c in TONE_MARKS))
    return "".join(out).encode("cp1258")


LEGACY = {
    "cp1252": "Le porte-parole a déclaré jeudi que « ces informations sont fausses », a-t-il ajouté.",
    "windows-1258": "Người phát ngôn Bộ Ngoại giao Kestria khẳng định thông tin là sai sự thật.",
    "koi8-r": "Представитель министерства заявил в четверг, что эти сообщения не соответствуют действительности.",
    "gb18030": "外交部发言人周四表示，有关报道纯属捏造，我们从未出口无人机。",
}


@pytest.mark.parametrize("encoding", sorted(LEGACY))
def test_legacy_encodings_are_decoded_right(tmp_path: Path, encoding: str) -> None:
    text = LEGACY[encoding]
    data = encode_cp1258(text) if encoding == "windows-1258" else text.encode(encoding)
    path = tmp_path / f"legacy-{encoding}.txt"
    path.write_bytes(data)
    [article] = list(read_inputs([str(path)]))
    assert isinstance(article, Article)
    assert article.text == unicodedata.normalize("NFC", text)


def _one_error(path: Path, options: ReadOptions | None = None) -> ReadError:
    items = list(read_inputs([str(path)], options))
    assert len(items) == 1 and isinstance(items[0], ReadError), items
    assert str(path) in items[0].origin and "\n" not in items[0].reason
    return items[0]


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + os.urandom(4000))
    assert "binary" in _one_error(path).reason


def test_empty_and_whitespace_files(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    assert _one_error(tmp_path / "empty.txt").reason == "empty file"
    (tmp_path / "blank.txt").write_bytes(b"  \n\n \t ")
    assert "empty" in _one_error(tmp_path / "blank.txt").reason


def test_invalid_utf8_that_fits_no_encoding(tmp_path: Path) -> None:
    path = tmp_path / "garbage.txt"
    path.write_bytes(bytes(range(0x80, 0xA0)) * 40)
    reason = _one_error(path).reason
    assert "UTF-8" in reason or "binary" in reason


def test_truncated_html_is_read_or_refused_cleanly(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Kestria</title></head><body><article><p>The ministry said on Friday "
        "that no drones had been exported to Doravia, calling the report false.</p><p>Officials"
    )
    (tmp_path / "cut.html").write_text(page, encoding="utf-8")
    [item] = list(read_inputs([str(tmp_path / "cut.html")]))
    assert isinstance(item, Article) and "no drones had been exported" in item.text
    (tmp_path / "tags.html").write_text("<html><body><div><span>", encoding="utf-8")
    assert "no article text" in _one_error(tmp_path / "tags.html").reason


def test_malformed_feed(tmp_path: Path) -> None:
    path = tmp_path / "broken.rss"
    path.write_text('<?xml version="1.0"?><rss><channel><title>x</title><ite', encoding="utf-8")
    assert "feed" in _one_error(path).reason


def test_malformed_json_lines_fail_one_by_one(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_text('{"text": "' + GOOD + '"}\n{"text": \n[1, 2]\n{"title": "no text"}\n', "utf-8")
    items = list(read_inputs([str(path)]))
    assert isinstance(items[0], Article)
    reasons = [i.reason for i in items[1:]]
    assert reasons[0].startswith("malformed JSON")
    assert reasons[1] == "JSON line is not an object"
    assert "no text" in reasons[2]


def test_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: 200 MB on paper
    reason = _one_error(path).reason
    assert "too large" in reason and "200 MB" in reason


def test_zip_bomb_is_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("bomb.txt", b"A" * (300 * 1024 * 1024))
    path = tmp_path / "bomb.zip"
    path.write_bytes(buffer.getvalue())
    assert path.stat().st_size < 2 * 1024 * 1024
    items = list(read_inputs([str(path)], ReadOptions(max_bytes=32 * 1024 * 1024)))
    [error] = items
    assert isinstance(error, ReadError) and "bomb" in error.reason


def test_feed_without_text_in_any_item(tmp_path: Path) -> None:
    path = tmp_path / "titles.rss"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        "<item><title>Only a headline</title><link>https://x.example/1</link></item>"
        "<item><title>Another headline</title><link>https://x.example/2</link></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    items = list(read_inputs([str(path)]))
    assert [type(i) for i in items] == [ReadError, ReadError]
    assert all(i.reason == "feed item has no text" for i in items)


def test_cli_batch_goes_on_and_exit_code_says_some_failed(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "bad.bin").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "empty.txt").write_bytes(b"")
    code = main(["ingest", "--db", str(tmp_path / "t.db"), str(folder), "--workers", "1"])
    captured = capsys.readouterr()
    assert code == 1
    assert "read 1, new 1, duplicates 0, failed 2" in captured.out
    error_lines = [line for line in captured.err.splitlines() if line.startswith("error:")]
    assert len(error_lines) == 2
    assert any("bad.bin: binary content" in line for line in error_lines)
