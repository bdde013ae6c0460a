"""Statement-date resolution: accuracy per language on the test cases, and speed.

Reuses `CASES` from tests/test_dates.py (invented sentences, 14 languages: weekdays,
"last <weekday>", yesterday, day/month forms, approximate periods, year boundaries,
traps with no date). Speed is measured on the same sentences repeated, per language
and overall, as sentences per second on one core; writes docs/bench_dates.md.

    .venv/bin/python bench/bench_dates.py [--repeat 200] [--out docs/bench_dates.md]
"""

from __future__ import annotations

import argparse
import importlib.util
import time
from pathlib import Path

from claimscope.link.dates import resolve_date

ROOT = Path(__file__).resolve().parents[1]

# Held-out sentences, written after the patterns were frozen and not tuned on:
# published 2024-10-11 (Friday) unless stated.
P = "2024-10-11"
HELDOUT: list[tuple[str, str, str | None, str | None, str | None]] = [
    (
        "en",
        "Speaking to reporters on Wednesday evening, the envoy ruled out talks.",
        P,
        "2024-10-09",
        "text",
    ),
    (
        "en",
        "The regulator said in a filing dated Oct. 7 that fines would follow.",
        P,
        "2024-10-07",
        "text",
    ),
    ("en", "The two leaders spoke by phone late Tuesday, an aide said.", P, "2024-10-08", "text"),
    (
        "pt",
        "Em nota divulgada nesta quarta (9), o ministério negou irregularidades.",
        P,
        "2024-10-09",
        "text",
    ),
    ("pt", "O senador afirmou, na última sexta-feira, que votará contra.", P, "2024-10-04", "text"),
    ("pt", "Segundo o porta-voz, a reunião de ontem foi produtiva.", P, "2024-10-10", "text"),
    ("es", "El canciller declaró este miércoles que no habrá sanciones.", P, "2024-10-09", "text"),
    (
        "es",
        "Según informó el lunes 7 de octubre el ministerio, las obras siguen.",
        P,
        "2024-10-07",
        "text",
    ),
    ("es", "La empresa anunció anoche el cierre de la planta.", P, "2024-10-10", "text"),
    (
        "fr",
        "Interrogé mercredi soir, le ministre a écarté toute démission.",
        P,
        "2024-10-09",
        "text",
    ),
    ("fr", "Le parquet a indiqué le 8 octobre avoir ouvert une enquête.", P, "2024-10-08", "text"),
    ("fr", "Dans un communiqué publié hier, la société a démenti.", P, "2024-10-10", "text"),
    (
        "de",
        "Wie das Ministerium am Montagabend mitteilte, bleibt die Grenze offen.",
        P,
        "2024-10-07",
        "text",
    ),
    (
        "de",
        "Der Sprecher sagte am Donnerstag vor Journalisten, es gebe keine Einigung.",
        P,
        "2024-10-10",
        "text",
    ),
    ("de", "Bereits am 2. Oktober hatte die Behörde gewarnt.", P, "2024-10-02", "text"),
    (
        "it",
        "Il ministro ha dichiarato mercoledì sera che il decreto è pronto.",
        P,
        "2024-10-09",
        "text",
    ),
    ("it", "Lo ha annunciato ieri il portavoce del governo.", P, "2024-10-10", "text"),
    ("it", "In una nota del 7 ottobre, l'azienda ha smentito.", P, "2024-10-07", "text"),
    ("ru", "Об этом в среду заявил официальный представитель ведомства.", P, "2024-10-09", "text"),
    (
        "ru",
        "Как сообщили накануне в министерстве, переговоры продолжатся.",
        P,
        "2024-10-10",
        "text",
    ),
    ("ru", "Заявление было сделано 8 октября на брифинге.", P, "2024-10-08", "text"),
    ("uk", "Про це в понеділок заявив речник міністерства.", P, "2024-10-07", "text"),
    ("uk", "Як повідомили вчора в уряді, рішення ухвалено.", P, "2024-10-10", "text"),
    ("uk", "Заяву зробили 9 жовтня під час брифінгу.", P, "2024-10-09", "text"),
    (
        "vi",
        "Phát biểu chiều 9/10, Bộ trưởng khẳng định không có thỏa thuận.",
        P,
        "2024-10-09",
        "text",
    ),
    ("vi", "Sáng nay, người phát ngôn cho biết cuộc họp bị hoãn.", P, "2024-10-11", "text"),
    ("vi", "Hôm thứ Ba, ông cho biết sẽ từ chức.", P, "2024-10-08", "text"),
    ("id", "Hal itu disampaikan juru bicara pada Rabu (9/10/2024).", P, "2024-10-09", "text"),
    ("id", "Menteri itu mengatakan kepada wartawan pada Senin lalu.", P, "2024-10-07", "text"),
    ("id", "Kemarin, pemerintah membantah laporan tersebut.", P, "2024-10-10", "text"),
    ("ar", "وقال المتحدث مساء الأربعاء إن المحادثات ستستأنف.", P, "2024-10-09", "text"),
    ("ar", "وأكدت الوزارة في بيان صدر يوم 8 أكتوبر أن الحدود مفتوحة.", P, "2024-10-08", "text"),
    ("ar", "نفت الحكومة أمس هذه الأنباء.", P, "2024-10-10", "text"),
    ("zh", "外交部发言人9日在例行记者会上表示反对。", P, "2024-10-09", "text"),
    ("zh", "该官员上周五表示，谈判没有进展。", P, "2024-10-04", "text"),
    ("zh", "发言人当天表示，将采取措施。", P, "2024-10-11", "text"),
    ("ko", "국방부는 9일 오후 브리핑에서 이같이 밝혔다.", P, "2024-10-09", "text"),
    ("ko", "대변인은 지난 7일(현지 시간) 성명을 통해 부인했다.", P, "2024-10-07", "text"),
    ("ko", "외교부 당국자는 전날 기자들과 만나 이렇게 말했다.", P, "2024-10-10", "text"),
    ("ja", "官房長官は9日午前の記者会見で否定した。", P, "2024-10-09", "text"),
    ("ja", "同省は先週金曜日、声明を出した。", P, "2024-10-04", "text"),
    ("ja", "首相はきのう、記者団に語った。", P, "2024-10-10", "text"),
]


def load_cases() -> list[tuple[str, str, str | None, str | None, str | None]]:
    spec = importlib.util.spec_from_file_location("test_dates", ROOT / "tests" / "test_dates.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return list(module.CASES)


def score(
    cases: list[tuple[str, str, str | None, str | None, str | None]],
) -> tuple[dict[str, list[bool]], list[str]]:
    """Per-language hits and the misses, described."""
    hits: dict[str, list[bool]] = {}
    misses = []
    for lang, text, published, expected, source in cases:
        got = resolve_date(text, lang, published)
        hits.setdefault(lang, []).append(got == (expected, source))
        if got != (expected, source):
            misses.append(f"{lang}: {text} -> {got}, want {(expected, source)}")
    return hits, misses


def run(repeat: int) -> str:
    cases = load_cases()
    by_lang: dict[str, list[tuple[str, str | None, str | None, str | None]]] = {}
    for lang, text, published, expected, source in cases:
        by_lang.setdefault(lang, []).append((text, published, expected, source))
    for lang in by_lang:  # warm the per-language pattern cache
        resolve_date("", lang, None)

    rows, misses = [], []
    total_ok = total_n = 0
    total_time = 0.0
    for lang in sorted(by_lang):
        items = by_lang[lang]
        ok = 0
        for text, published, expected, source in items:
            got = resolve_date(text, lang, published)
            if got == (expected, source):
                ok += 1
            else:
                misses.append(f"{lang}: {text} -> {got}, want {(expected, source)}")
        start = time.perf_counter()
        for _ in range(repeat):
            for text, published, _, _ in items:
                resolve_date(text, lang, published)
        elapsed = time.perf_counter() - start
        total_time += elapsed
        total_ok += ok
        total_n += len(items)
        rate = repeat * len(items) / elapsed
        rows.append(f"| {lang} | {ok}/{len(items)} | {ok / len(items):.2f} | {rate:,.0f} |")
    overall = repeat * total_n / total_time
    lines = [
        "# Statement dates",
        "",
        "Generated by `bench/bench_dates.py` on the invented sentences of "
        "`tests/test_dates.py` (exact match of date and source).",
        "",
        "| language | correct | accuracy | sentences/s |",
        "|---|---:|---:|---:|",
        *rows,
        f"| **all** | {total_ok}/{total_n} | **{total_ok / total_n:.2f}** | **{overall:,.0f}** |",
        "",
        "Conventions (see `claimscope/link/dates.py`): a bare weekday is the latest such day "
        'on or before publication; "last <weekday>" is strictly before; a day without a '
        "month is in the publication month or the one before; dates after publication are "
        'events and skipped; "last week", "earlier this month" and the like give the '
        "start of the period with source `text-approx`; no expression gives the publication "
        "date with source `published`.",
        "",
        "Both sets were written by the author of the patterns, so they guard against",
        "regressions rather than estimate accuracy on real news. Known gaps: ordinal or",
        'spelled-out days ("the 10th", "十日"), ranges, "N days ago", Hijri dates,',
        "and dates that belong to an event rather than the statement when no reporting",
        "verb sits nearer to another date.",
    ]
    if misses:
        lines += ["", "Misses:", "", *[f"- {m}" for m in misses]]
    held, held_misses = score(HELDOUT)
    n_ok = sum(sum(h) for h in held.values())
    n_all = sum(len(h) for h in held.values())
    lines += [
        "",
        "## Held-out sentences",
        "",
        "Written after the patterns were frozen (3 per language, not tuned on): "
        f"**{n_ok}/{n_all}** correct.",
        "",
        "| language | correct |",
        "|---|---:|",
        *[f"| {lang} | {sum(h)}/{len(h)} |" for lang, h in sorted(held.items())],
    ]
    if held_misses:
        lines += ["", "Held-out misses:", "", *[f"- {m}" for m in held_misses]]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--out", default=str(ROOT / "docs" / "bench_dates.md"))
    args = parser.parse_args()
    report = run(args.repeat)
    print(report)
    Path(args.out).write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
