"""Consistency check for the demo corpus and its gold annotations.

Run: python tests/data_checks/check_demo_gold.py
Standard library only, so it does not depend on the claimscope readers: it checks
that every gold key resolves to a file (or feed item / jsonl line), that every
annotated quote occurs verbatim in that item's text, and prints coverage counts.
"""

from __future__ import annotations

import json
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "src" / "claimscope" / "demo"
CORPUS = DEMO / "corpus"

NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "content": "http://purl.org/rss/1.0/modules/content/",
}
STANCES = {"assert", "deny", "hedge"}
KINDS = {"direct", "indirect", "according_to", "headline"}
CLAIMS = {
    "drones_kestria",
    "shells_kestria",
    "drones_orvania",
    "spill_river",
    "spill_marlow_source",
    "election_breach",
    "election_tally",
}
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
CJK = {"zh", "ja"}


def strip_tags(fragment: str) -> str:
    text = re.sub(r"<[^>]+>", "\n", fragment)
    return unescape(text)


class ArticleText(HTMLParser):
    """Collects the text inside <article>…</article>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.depth += 1
        elif self.depth:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)


def html_item(path: Path) -> dict:
    raw = path.read_text(encoding="utf-8")
    parser = ArticleText()
    parser.feed(raw)
    meta_date = re.search(r'property="article:published_time" content="([^"]+)"', raw)
    title = re.search(r'property="og:title" content="([^"]+)"', raw)
    return {
        "text": "".join(parser.parts),
        "title": unescape(title.group(1)) if title else None,
        "date": meta_date.group(1)[:10] if meta_date else None,
        "format": "html",
    }


def txt_item(path: Path) -> dict:
    raw = path.read_text(encoding="utf-8")
    first, _, rest = raw.partition("\n")
    m = re.fullmatch(r"date (\d{4}-\d{2}-\d{2})", first.strip())
    title = rest.lstrip("\n").split("\n", 1)[0].strip()
    return {"text": rest, "title": title, "date": m.group(1) if m else None, "format": "txt"}


def md_item(path: Path) -> dict:
    raw = path.read_text(encoding="utf-8")
    title = re.search(r"^# (.+)$", raw, re.M)
    assert re.search(r"^By \[[^\]]+\]\(#\)$", raw, re.M), f"{path.name}: no byline"
    assert re.search(r"^Original url: https://\S+$", raw, re.M), f"{path.name}: no url"
    assert re.search(r"\*\*[^*]+ Photo / [^*]+\*\*$", raw, re.M), f"{path.name}: no caption"
    assert "**Related article:**" in raw, f"{path.name}: no related line"
    return {
        "text": raw,
        "title": title.group(1).strip() if title else None,
        "date": None,
        "format": "md",
    }


def rss_items(path: Path) -> list[dict]:
    root = ET.parse(path).getroot()
    items = []
    for item in root.iter("item"):
        body = item.findtext("content:encoded", default="", namespaces=NS) or item.findtext(
            "description", default=""
        )
        title = item.findtext("title")
        items.append(
            {
                "text": f"{title}\n{strip_tags(body)}",
                "title": title,
                "date": item.findtext("pubDate"),
                "format": "rss",
            }
        )
    return items


def atom_items(path: Path) -> list[dict]:
    root = ET.parse(path).getroot()
    items = []
    for entry in root.findall("atom:entry", NS):
        title = entry.findtext("atom:title", namespaces=NS)
        body = entry.findtext("atom:content", default="", namespaces=NS)
        items.append(
            {
                "text": f"{title}\n{strip_tags(body)}",
                "title": title,
                "date": (entry.findtext("atom:published", namespaces=NS) or "")[:10],
                "format": "atom",
            }
        )
    return items


def jsonl_items(path: Path) -> list[dict]:
    items = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if not line.strip():
            continue
        rec = json.loads(line)
        text = rec.get("maintext") or rec.get("text")
        assert text, f"{path.name}#{n}: no maintext/text"
        date = rec.get("date_publish") or rec.get("published")
        items.append(
            {
                "text": f"{rec.get('title', '')}\n{text}",
                "title": rec.get("title"),
                "date": (date or "")[:10],
                "format": "jsonl",
                "plain": "maintext" not in rec,
            }
        )
    return items


def load_items() -> dict[str, dict]:
    items: dict[str, dict] = {}
    for path in sorted(CORPUS.iterdir()):
        name, suffix = path.name, path.suffix
        if suffix == ".html":
            items[name] = html_item(path)
        elif suffix == ".txt":
            items[name] = txt_item(path)
        elif suffix == ".md":
            items[name] = md_item(path)
        elif suffix in (".xml", ".rss"):
            for i, it in enumerate(rss_items(path)):
                items[f"{name}#{i}"] = it
        elif suffix == ".atom":
            for i, it in enumerate(atom_items(path)):
                items[f"{name}#{i}"] = it
        elif suffix == ".jsonl":
            for i, it in enumerate(jsonl_items(path)):
                items[f"{name}#{i}"] = it
        else:
            raise SystemExit(f"unexpected file in corpus: {name}")
    return items


def word_count(text: str, lang: str) -> int:
    if lang in CJK:
        # roughly two CJK characters per English word
        return len(re.findall(r"[\u3040-\u30ff\u4e00-\u9fff]", text)) // 2
    return len(re.findall(r"\w+", text))


def main() -> int:
    gold = json.loads((DEMO / "gold.json").read_text(encoding="utf-8"))
    items = load_items()
    errors: list[str] = []

    missing = sorted(set(items) - set(gold))
    if missing:
        errors.append(f"items without gold: {missing}")

    langs, formats, stories, stances, kinds, claims = (Counter() for _ in range(6))
    copy_groups: dict[str, list[str]] = {}
    n_statements = 0
    for key, g in gold.items():
        if key not in items:
            errors.append(f"{key}: gold key does not resolve to a corpus item")
            continue
        it = items[key]
        text = it["text"]
        langs[g["language"]] += 1
        formats[it["format"]] += 1
        stories[g["story"]] += 1
        if g.get("copy_group"):
            copy_groups.setdefault(g["copy_group"], []).append(key)
        if it["format"] in ("txt", "html", "atom", "jsonl") and it["date"] != g["published"]:
            errors.append(f"{key}: published {g['published']} != file date {it['date']}")
        if it["title"] is not None and it["title"] != g["title"]:
            errors.append(f"{key}: title mismatch {it['title']!r} != {g['title']!r}")
        wc = word_count(text, g["language"])
        if not 120 <= wc <= 350:
            errors.append(f"{key}: ~{wc} words")
        for i, s in enumerate(g["statements"]):
            n_statements += 1
            where = f"{key} statement {i}"
            if s["quote"] not in text:
                errors.append(f"{where}: quote not found: {s['quote']!r}")
            if s["stance"] not in STANCES:
                errors.append(f"{where}: bad stance {s['stance']}")
            if s["kind"] not in KINDS:
                errors.append(f"{where}: bad kind {s['kind']}")
            if s["claim"] not in CLAIMS:
                errors.append(f"{where}: unknown claim {s['claim']}")
            if not DATE_RE.match(s["date"]):
                errors.append(f"{where}: bad date {s['date']}")
            if s["date"] > g["published"]:
                errors.append(f"{where}: statement date after publication")
            if s["speaker"] and s["speaker"] not in text and s["kind"] != "headline":
                errors.append(f"{where}: speaker not in text: {s['speaker']!r}")
            if s["cue"] and s["cue"] not in text:
                errors.append(f"{where}: cue not in text: {s['cue']!r}")
            stances[s["stance"]] += 1
            kinds[s["kind"]] += 1
            claims[s["claim"]] += 1

    if len(gold) < 24:
        errors.append(f"only {len(gold)} articles")
    if len(langs) < 8:
        errors.append(f"only {len(langs)} languages")
    for fmt in ("txt", "md", "html", "rss", "atom", "jsonl"):
        if not formats[fmt]:
            errors.append(f"format missing: {fmt}")
    if not any(it.get("plain") for it in items.values()):
        errors.append("no jsonl line with plain field names")

    print(f"articles: {len(gold)}  statements: {n_statements}")
    for label, counter in (
        ("language", langs),
        ("format", formats),
        ("story", stories),
        ("stance", stances),
        ("kind", kinds),
        ("claim", claims),
    ):
        print(f"{label:9s}", dict(sorted(counter.items())))
    print("copy groups", copy_groups)
    if errors:
        print("\nERRORS:")
        for e in errors:
            print(" -", e)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
