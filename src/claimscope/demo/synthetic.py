"""Generated articles for benchmarks and crash tests: many, varied, all our own text.

Templates in several languages are filled with invented actors, places and
numbers, so every article is distinct (no accidental duplicates) but reads
like news: headline, reported speech, a quote, a denial, a hedge.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import date, timedelta
from html import escape
from pathlib import Path

ACTORS = [
    ("Elena Varga", "Defence Minister", "Varania"),
    ("Tomas Brandt", "foreign ministry spokesman", "Kestria"),
    ("Amira Haddad", "UN envoy", "the United Nations"),
    ("Jonas Lind", "environment minister", "Lindhaven"),
    ("Mei Tanaka", "election commission chair", "Orvania"),
    ("Rafael Costa", "port authority director", "Sarn"),
]
OBJECTS = ["attack drones", "artillery shells", "fuel tankers", "radar parts", "grain shipments"]
PLACES = ["Doravia", "the northern border", "the port of Lindhaven", "the Sarn coast"]

TEMPLATES = {
    "en": [
        "{actor}, {role} of {country}, said on {weekday} that {country} had not sent {obj} to {place}.",
        '"These reports are groundless," {actor} told reporters in {city}.',
        "According to officials in {city}, at least {n} shipments of {obj} crossed into {place}.",
        "The ministry declined to comment on the figures, saying it could not confirm them.",
        "Analysts said the claim, if true, would mark a serious escalation.",
    ],
    "pt": [
        "{actor}, {role} de {country}, disse na {weekday} que {country} não enviou {obj} para {place}.",
        '"Estas notícias são falsas", afirmou {actor} aos jornalistas em {city}.',
        "Segundo fontes em {city}, pelo menos {n} carregamentos de {obj} entraram em {place}.",
        "O ministério recusou-se a comentar os números.",
    ],
    "es": [
        "{actor}, {role} de {country}, negó el {weekday} que {country} hubiera enviado {obj} a {place}.",
        '"Son rumores sin fundamento", dijo {actor} a la prensa en {city}.',
        "Según funcionarios de {city}, al menos {n} envíos de {obj} llegaron a {place}.",
    ],
    "fr": [
        "{actor}, {role} de {country}, a démenti {weekday} tout envoi de {obj} vers {place}.",
        "« Ces informations sont fausses », a déclaré {actor} à {city}.",
        "Selon des responsables à {city}, au moins {n} livraisons de {obj} ont franchi la frontière.",
    ],
    "de": [
        "{actor}, {role} von {country}, sagte am {weekday}, {country} habe keine {obj} nach {place} geliefert.",
        "„Diese Berichte sind haltlos“, erklärte {actor} in {city}.",
        "Laut Beamten in {city} erreichten mindestens {n} Lieferungen {place}.",
    ],
    "vi": [
        "{actor}, {role} của {country}, hôm {weekday} khẳng định {country} không gửi {obj} tới {place}.",
        '"Đây là tin đồn vô căn cứ", {actor} nói với báo giới tại {city}.',
        "Theo giới chức ở {city}, ít nhất {n} chuyến hàng đã tới {place}.",
    ],
    "ru": [
        "{actor}, {role} {country}, заявил в {weekday}, что {country} не поставляла {obj} в {place}.",
        "«Эти сообщения не соответствуют действительности», — сказал {actor} в {city}.",
        "По словам чиновников в {city}, не менее {n} партий {obj} пересекли границу.",
    ],
}
WEEKDAYS = {
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
    "pt": ["segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira"],
    "es": ["lunes", "martes", "miércoles", "jueves", "viernes"],
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi"],
    "de": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag"],
    "vi": ["thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu"],
    "ru": ["понедельник", "вторник", "среду", "четверг", "пятницу"],
}
CITIES = ["Tarnel", "Lindhaven", "Varnograd", "New York", "Geneva", "Sarnport"]


def synthetic_article(index: int, rng: random.Random) -> dict[str, str]:
    language = rng.choice(sorted(TEMPLATES))
    actor, role, country = rng.choice(ACTORS)
    lines = []
    for _ in range(rng.randint(6, 12)):
        template = rng.choice(TEMPLATES[language])
        lines.append(
            template.format(
                actor=actor, role=role, country=country, obj=rng.choice(OBJECTS),
                place=rng.choice(PLACES), city=rng.choice(CITIES), n=rng.randint(2, 5000),
                weekday=rng.choice(WEEKDAYS[language]),
            )
        )  # fmt: skip
    published = date(2024, 1, 1) + timedelta(days=rng.randint(0, 700))
    title = f"{actor} ({country}) — report {index}"
    return {
        "id": f"syn-{index}",
        "title": title,
        "text": "\n\n".join(lines),
        "language": language,
        "published": published.isoformat(),
        "url": f"https://news{index % 97}.example/{published:%Y/%m}/{index}",
        "source": f"news{index % 97}.example",
    }


def generate(count: int, seed: int = 7) -> Iterator[dict[str, str]]:
    rng = random.Random(seed)
    for index in range(count):
        yield synthetic_article(index, rng)


def write_corpus(folder: Path, count: int, fmt: str, seed: int = 7) -> Path:
    """Write `count` articles as .txt files, .html pages, or one .jsonl dump."""
    folder.mkdir(parents=True, exist_ok=True)
    if fmt == "jsonl":
        path = folder / "dump.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for record in generate(count, seed):
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        return path
    for record in generate(count, seed):
        if fmt == "text":
            body = f"date {record['published']}\n{record['title']}\n\n{record['text']}\n"
            (folder / f"{record['id']}.txt").write_text(body, encoding="utf-8")
        elif fmt == "html":
            (folder / f"{record['id']}.html").write_text(html_page(record), encoding="utf-8")
        else:
            raise ValueError(f"unknown format {fmt!r}")
    return folder


def html_page(record: dict[str, str]) -> str:
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in record["text"].split("\n\n"))
    return (
        f'<!doctype html><html lang="{record["language"]}"><head><meta charset="utf-8">'
        f"<title>{escape(record['title'])}</title>"
        f'<meta property="og:title" content="{escape(record["title"])}">'
        f'<meta property="og:site_name" content="{escape(record["source"])}">'
        f'<meta property="article:published_time" content="{record["published"]}T08:00:00Z">'
        f'<link rel="canonical" href="{record["url"]}"></head><body>'
        '<nav><a href="/">Home</a> <a href="/world">World</a></nav>'
        f"<article><h1>{escape(record['title'])}</h1>{paragraphs}"
        "<figure><figcaption>Photo: Staff photographer</figcaption></figure></article>"
        "<footer>© News Group. All rights reserved. Cookie settings.</footer></body></html>"
    )
