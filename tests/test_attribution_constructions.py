"""German and Arabic reporting constructions the rules once missed (wie-clauses, "X zufolge",
Konjunktiv continuations, citing chains, comma appositions, participle continuations) and a
Japanese quote whose content was cut inside the quotation.

Invented sentences, in the style of the demo corpus.
"""

from __future__ import annotations

import pytest

from _helpers import extract, triples

# (language, text, expected (speaker_name, cue, stance) per statement, in order)
CASES: list[tuple[str, str, list[tuple[str | None, str | None, str]]]] = [
    (
        "de",
        "Wie Polizeisprecher Jonas Weber am Dienstag mitteilte, wurden drei Personen festgenommen.",
        [("Jonas Weber", "mitteilte", "assert")],
    ),
    (
        "de",
        "Der Feuerwehr zufolge wurde bei dem Brand niemand verletzt.",
        # a common-noun source has no name (gold convention: "Die Feuerwehr" -> null)
        [(None, "zufolge", "assert")],
    ),
    (
        "de",
        "Laut Innenministerin Petra Scholl hat die Polizei zwei Verdächtige festgenommen.",
        [("Petra Scholl", "Laut", "assert")],
    ),
    (
        "de",
        "Umweltministerin Katrin Vogt sagte, das Programm werde fortgesetzt. Die Mittel seien "
        "bereits eingeplant.",
        [("Katrin Vogt", "sagte", "assert"), ("Katrin Vogt", None, "assert")],
    ),
    (
        "de",
        "Ein Sprecher wollte den Bericht weder bestätigen noch dementieren.",
        [(None, "wollte den Bericht weder bestätigen noch dementieren", "hedge")],
    ),
    (
        "de",
        "Regierungssprecherin Mara Lenz sprach von Falschmeldungen über eine Schließung.",
        [("Mara Lenz", "sprach von Falschmeldungen", "deny")],
    ),
    (
        "ar",
        "ونقلت وكالة الأنباء الرسمية عن وزير المالية سمير العطار قوله إن الميزانية ستعرض قريبا.",
        [("وكالة الأنباء الرسمية", "ونقلت", "assert"), ("سمير العطار", "عن", "assert")],
    ),
    (
        "ar",
        "نفى المتحدث باسم الجيش، العقيد ماهر سليم، أن تكون القوات قد عبرت الحدود.",
        [("ماهر سليم", "نفى", "deny")],
    ),
    (
        "ar",
        "أعلنت رئيسة الجامعة هدى سالم عن افتتاح كلية جديدة، مشيرة إلى أن الدراسة ستبدأ قريبا.",
        [("هدى سالم", "أعلنت", "assert"), ("هدى سالم", "مشيرة", "assert")],
    ),
    (
        "ar",
        "وقالت الشرطة إنها لم تتمكن من تأكيد وجود صلة بين الحريقين.",
        [("الشرطة", "لم تتمكن من تأكيد", "hedge")],
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_construction(lang: str, text: str, expected: list[tuple[str | None, str | None, str]]):
    assert triples(lang, text) == expected


def test_ja_quote_content_whole() -> None:
    text = "田中議員は「予算案には賛成できない」と述べた。"
    (st,) = extract("ja", text)
    assert (st.content, st.kind) == ("予算案には賛成できない", "direct")
