"""The read stage on every input format, on text written for these tests."""

from __future__ import annotations

import gzip
import json
import zipfile
from pathlib import Path

from claimscope.model import Article, ReadError
from claimscope.read import read_inputs

HTML_PAGE = """<!doctype html>
<html lang="pt"><head><meta charset="utf-8"><title>Porto de Lindhaven | Diário</title>
<meta property="og:title" content="Ministro confirma derrame no porto de Lindhaven">
<meta property="og:site_name" content="Diário do Norte">
<meta property="article:published_time" content="2025-03-14T09:30:00Z">
<link rel="canonical" href="https://diario.example/2025/03/derrame"></head>
<body><nav><a href="/">Início</a> <a href="/mundo">Mundo</a> <a href="/desporto">Desporto</a></nav>
<article><h1>Ministro confirma derrame no porto de Lindhaven</h1>
<p>O ministro do Ambiente, Jonas Lind, disse na quinta-feira que o rio foi contaminado por
produtos químicos da fábrica da Marlow Chemicals, perto do porto.</p>
<figure><img src="rio.jpg"><figcaption>Foto: Ana Souto / Agência Meridiano</figcaption></figure>
<p>"Os resultados das análises não deixam dúvidas", afirmou o ministro aos jornalistas.</p>
<p>A empresa negou qualquer responsabilidade e classificou as acusações de infundadas.</p>
</article><footer>© Diário do Norte. Política de cookies. Todos os direitos reservados.</footer>
</body></html>"""

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Kestria Tribune</title><link>https://tribune.example/</link><description>News</description>
<item><title>Ministry denies drone sales</title><link>https://tribune.example/a1</link>
<pubDate>Tue, 04 Mar 2025 10:00:00 +0100</pubDate>
<content:encoded><![CDATA[<p>The Kestrian foreign ministry on Monday denied selling attack
drones to Doravia, calling the reports "groundless".</p><p>Spokesman Tomas Brandt said no
export licence had been issued.</p>]]></content:encoded></item>
<item><title>Empty item</title><link>https://tribune.example/a2</link>
<pubDate>Wed, 05 Mar 2025 10:00:00 +0100</pubDate><description></description></item>
<item><title>Panel asks for evidence</title><link>https://tribune.example/a3</link>
<description>A UN panel of experts said it was examining photographs of drone wreckage found
near the border, according to a statement published on Wednesday.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Varnograd Herald</title>
<entry><title>Минобороны опровергло сообщения</title><link href="https://herald.example/ru/1"/>
<id>urn:herald:1</id><updated>2025-03-06T08:00:00Z</updated>
<content type="html">&lt;p&gt;Министр обороны Варании Елена Варга заявила в четверг, что располагает
доказательствами поставок беспилотников.&lt;/p&gt;</content></entry>
</feed>"""


def _read(*paths: Path | str) -> list[Article | ReadError]:
    return list(read_inputs([str(p) for p in paths]))


def test_html_page_main_text_and_metadata(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(HTML_PAGE, encoding="utf-8")
    [article] = _read(page)
    assert isinstance(article, Article)
    assert article.title == "Ministro confirma derrame no porto de Lindhaven"
    assert article.url == "https://diario.example/2025/03/derrame"
    assert article.outlet == "Diário do Norte"
    assert article.published.startswith("2025-03-14")
    assert article.language == "pt"
    assert "Jonas Lind" in article.text and "negou qualquer responsabilidade" in article.text
    for boilerplate in ("Início", "Foto: Ana Souto", "cookies", "Desporto"):
        assert boilerplate not in article.text


def test_rss_items_become_articles_and_empty_items_fail_alone(tmp_path: Path) -> None:
    feed = tmp_path / "feed.rss"
    feed.write_text(RSS, encoding="utf-8")
    items = _read(feed)
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, ReadError)]
    assert [a.url for a in articles] == ["https://tribune.example/a1", "https://tribune.example/a3"]
    assert articles[0].published == "2025-03-04T09:00:00Z"  # normalised to UTC
    assert articles[0].outlet == "Kestria Tribune"
    assert "Tomas Brandt" in articles[0].text
    assert len(errors) == 1 and errors[0].origin.endswith("feed.rss#1")
    assert "no text" in errors[0].reason


def test_atom_feed(tmp_path: Path) -> None:
    feed = tmp_path / "herald.atom"
    feed.write_text(ATOM, encoding="utf-8")
    [article] = _read(feed)
    assert article.language == "ru"
    assert article.source_id == "urn:herald:1"
    assert article.text.startswith("Минобороны опровергло сообщения\n\nМинистр обороны")


def test_jsonl_news_please_and_plain_fields(tmp_path: Path) -> None:
    dump = tmp_path / "dump.jsonl"
    records = [
        {"maintext": "Der Sprecher des Ministeriums wies die Berichte am Dienstag zurück.",
         "title": "Ministerium dementiert", "url": "https://zeitung.example/1",
         "date_publish": "2025-05-02 08:00:00", "language": "de", "source_domain": "zeitung.example"},
        {"id": 42, "text": "La comisión electoral negó el jueves cualquier ataque informático.",
         "published": "2025-06-12", "source": "Diario Sur"},
    ]  # fmt: skip
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    dump.write_text("\n".join([lines[0], "{not json", "", lines[1]]) + "\n", encoding="utf-8")
    items = _read(dump)
    first, error, second = items
    assert first.language == "de" and first.outlet == "zeitung.example"
    assert first.published == "2025-05-02T08:00:00"
    assert isinstance(error, ReadError) and error.origin.endswith("dump.jsonl:2")
    assert "malformed JSON" in error.reason
    assert second.source_id == "42" and second.outlet == "Diario Sur" and second.language == "es"


def test_markdown_scrape_conventions(tmp_path: Path) -> None:
    scrape = tmp_path / "scrape.md"
    scrape.write_text(
        "\n\n# Kestria Rejects 'Fake' Drone Report\n\nBy [Meridian](#)\n\nMarch 14, 2025\n\n"
        "Drone wreckage near the border. **Meridian Photo / J. Doe**\n\n"
        "Kestria on Thursday dismissed a claim by Varania that its drones were used.\n\n"
        '"This is yet another fake story," spokesman Tomas Brandt said, adding that\n\n'
        'no licence "was ever issued."\n\n'
        "**Related article:** [Varania presents evidence](#)\n\n"
        "The panel will report in June.\n\nOriginal url:\n\n<https://tribune.example/2025/03/14/fake>",
        encoding="utf-8",
    )
    [article] = _read(scrape)
    assert article.format == "markdown"
    assert article.title == "Kestria Rejects 'Fake' Drone Report"
    assert article.byline == "Meridian"
    assert article.published == "2025-03-14"
    assert article.url == "https://tribune.example/2025/03/14/fake"
    assert "Photo" not in article.text and "Related article" not in article.text
    assert "Original url" not in article.text
    assert 'adding that no licence "was ever issued."' in article.text  # broken quote rejoined


def test_text_conventions_date_prefix_caption_boilerplate_numbers(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text(
        " date 2025-04-02 Workers inspect the river bank in Lindhaven - Copyright Meridian/File Ana SOUTO\n"
        "Beta V.1.0 - Powered by automated translation\n"
        "Lab results published on Tuesday showed that 1.\n200 fish had died in the river.\n"
        "The company said it would pay for the clean-up.\n",
        encoding="utf-8",
    )
    [article] = _read(text)
    assert article.published == "2025-04-02" and article.published_source == "date-prefix"
    assert "1.200 fish" in article.text
    assert "Copyright" not in article.text and "Powered" not in article.text
    assert article.text.startswith("Lab results")


def test_updated_footer_gives_the_date(tmp_path: Path) -> None:
    text = tmp_path / "b.txt"
    text.write_text(
        "Kestria denies sending shells\n\nThe defence ministry denied the report on Monday.\n\n"
        "It said no shells had left the country.\n\nUpdated: September 22, 2025, 9:02 AM\n",
        encoding="utf-8",
    )
    [article] = _read(text)
    assert article.title == "Kestria denies sending shells"
    assert article.published == "2025-09-22" and article.published_source == "updated"
    assert "Updated" not in article.text


def test_zip_archive_and_gzip(tmp_path: Path) -> None:
    archive = tmp_path / "batch.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("one.txt", "The regulator said it was too early to say what caused the spill.")
        zf.writestr("page.html", HTML_PAGE)
        zf.writestr("empty.txt", "")
    packed = tmp_path / "note.txt.gz"
    packed.write_bytes(gzip.compress("Die Behörde bestätigte am Freitag die Messwerte.".encode()))
    items = _read(archive, packed)
    assert any(i.origin.endswith("note.txt.gz") for i in items)
    assert sum(isinstance(i, Article) for i in items) == 3
    [error] = [i for i in items if isinstance(i, ReadError)]
    assert error.origin.endswith("batch.zip!empty.txt") and error.reason == "empty file"


def test_folder_glob_and_missing_path(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.txt").write_text("The minister said the figures were correct.", "utf-8")
    (tmp_path / "y.txt").write_text("A spokesman declined to comment on the report.", "utf-8")
    assert len(_read(tmp_path)) == 2
    assert len(_read(str(tmp_path / "*.txt"))) == 1
    [missing] = _read(tmp_path / "nope.txt")
    assert isinstance(missing, ReadError) and missing.reason == "no such file or folder"


def test_stdin(monkeypatch) -> None:
    import io
    import sys

    data = b"The commission chair said on Friday that no breach had occurred."
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    [article] = list(read_inputs(["-"]))
    assert article.origin == "stdin" and article.language == "en"
