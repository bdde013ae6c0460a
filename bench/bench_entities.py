"""Entity linking across scripts: invented people in 6 scripts, countries in 14 languages.

People: 30 invented persons, each written in Latin (plus German/Polish-style variants
for some), Cyrillic, Hangul, Chinese, Arabic and Japanese, as full names and as
surname-only mentions, plus near-miss distractors (Varga/Vargas, Volkov/Volkova,
Holm/Holmes, same surname in two countries). Mentions are fed to one
`EntityResolver` in a seeded random order (after each person's first Latin full
name, as news usually introduces a speaker) and every pair of mentions is scored:
"same entity" precision and recall, and clusters' purity.

Countries: metonyms, names and institutions in all 14 languages -> `country_of`
accuracy and `resolve` id accuracy.

    .venv/bin/python bench/bench_entities.py [--seed 7] [--out docs/bench_entities.md]
"""

from __future__ import annotations

import argparse
import itertools
import random
import time
from pathlib import Path

from claimscope.link.entities import EntityResolver, country_of, gazetteer

ROOT = Path(__file__).resolve().parents[1]

# Each person: id -> (role naming the country, Latin full name, Latin variants).
LATIN: dict[str, tuple[str, str, list[str]]] = {
    "varga": ("Hungarian minister", "Elena Varga", []),
    "brandt": ("German spokesman", "Tomas Brandt", []),
    "feld": ("Austrian minister", "Lukas Feld", []),
    "kovel": ("Ukrainian official", "Anton Kovel", ["Anton Kowel"]),
    "dobos": ("Slovak minister", "Marek Dobos", []),
    "holm": ("Swedish minister", "Ingrid Holm", []),
    "sorokin": ("Russian general", "Pavel Sorokin", ["Pawel Sorokin"]),
    "melnyk": ("Ukrainian minister", "Oksana Melnyk", ["Oksana Melnik"]),
    "zaretsky": ("Russian diplomat", "Viktor Zaretsky", ["Viktor Zarezki", "Wiktor Zaretskiy"]),
    "kowalczyk": ("Polish spokeswoman", "Nadia Kowalczyk", []),
    "montero": ("Spanish minister", "Rafael Montero", []),
    "lindqvist": ("Swedish spokeswoman", "Sofia Lindqvist", ["Sofia Lindkvist"]),
    "dahl": ("Norwegian minister", "Henrik Dahl", []),
    "petersen": ("Danish minister", "Jonas Petersen", []),
    "benedetti": ("Italian minister", "Carla Benedetti", []),
    "volkov": ("Russian spokesman", "Dmitri Volkov", ["Dmitri Wolkow", "Dmitrij Volkow"]),
    "sokolova": ("Russian spokeswoman", "Irina Sokolova", ["Irina Sokolowa"]),
    "novak": ("Slovenian minister", "Gregor Novak", ["Gregor Nowak"]),
    "haddad": ("Lebanese minister", "Amira Haddad", []),
    "khalil": ("Egyptian spokesman", "Omar Khalil", ["Omar Chalil"]),
    "demir": ("Turkish minister", "Yusuf Demir", []),
    "lambert": ("French minister", "Hugo Lambert", []),
    "eriksen": ("Danish spokesman", "Lars Eriksen", []),
    "grebenko": ("Ukrainian general", "Mykhailo Grebenko", ["Mykhailo Hrebenko"]),
    "radu": ("Romanian minister", "Teodor Radu", []),
    "blom": ("Dutch minister", "Katarina Blom", []),
    "wojcik": ("Polish minister", "Stefan Wojcik", ["Stefan Wójcik"]),
    "ferreira": ("Brazilian minister", "Ana Ferreira", []),
    "orlov": ("Russian minister", "Nikolai Orlov", ["Nikolaj Orlow"]),
    "kraus": ("German minister", "Helena Kraus", []),
}
# The same names in Cyrillic, Hangul, Chinese, Arabic and Japanese.
RU: dict[str, str] = {
    "varga": "Елена Варга",
    "brandt": "Томас Брандт",
    "feld": "Лукас Фельд",
    "kovel": "Антон Ковель",
    "dobos": "Марек Добош",
    "holm": "Ингрид Хольм",
    "sorokin": "Павел Сорокин",
    "melnyk": "Оксана Мельник",
    "zaretsky": "Виктор Зарецкий",
    "kowalczyk": "Надя Ковальчик",
    "montero": "Рафаэль Монтеро",
    "lindqvist": "София Линдквист",
    "dahl": "Хенрик Даль",
    "petersen": "Йонас Петерсен",
    "benedetti": "Карла Бенедетти",
    "volkov": "Дмитрий Волков",
    "sokolova": "Ирина Соколова",
    "novak": "Грегор Новак",
    "haddad": "Амира Хаддад",
    "khalil": "Омар Халиль",
    "demir": "Юсуф Демир",
    "lambert": "Юго Ламбер",
    "eriksen": "Ларс Эриксен",
    "grebenko": "Михаил Гребенко",
    "radu": "Теодор Раду",
    "blom": "Катарина Блом",
    "wojcik": "Стефан Войцик",
    "ferreira": "Ана Феррейра",
    "orlov": "Николай Орлов",
    "kraus": "Хелена Краус",
}
KO: dict[str, str] = {
    "varga": "엘레나 바르가",
    "brandt": "토마스 브란트",
    "feld": "루카스 펠트",
    "kovel": "안톤 코벨",
    "dobos": "마렉 도보시",
    "holm": "잉그리드 홀름",
    "sorokin": "파벨 소로킨",
    "melnyk": "옥사나 멜니크",
    "zaretsky": "빅토르 자레츠키",
    "kowalczyk": "나디아 코발치크",
    "montero": "라파엘 몬테로",
    "lindqvist": "소피아 린드크비스트",
    "dahl": "헨리크 달",
    "petersen": "요나스 페테르센",
    "benedetti": "카를라 베네데티",
    "volkov": "드미트리 볼코프",
    "sokolova": "이리나 소콜로바",
    "novak": "그레고르 노바크",
    "haddad": "아미라 하다드",
    "khalil": "오마르 할릴",
    "demir": "유수프 데미르",
    "lambert": "위고 랑베르",
    "eriksen": "라르스 에릭센",
    "grebenko": "미하일로 그레벤코",
    "radu": "테오도르 라두",
    "blom": "카타리나 블롬",
    "wojcik": "스테판 보이치크",
    "ferreira": "아나 페헤이라",
    "orlov": "니콜라이 오를로프",
    "kraus": "헬레나 크라우스",
}
ZH: dict[str, str] = {
    "varga": "埃琳娜·瓦尔加",
    "brandt": "托马斯·布兰特",
    "feld": "卢卡斯·费尔德",
    "kovel": "安东·科韦尔",
    "dobos": "马雷克·多博什",
    "holm": "英格丽德·霍尔姆",
    "sorokin": "帕维尔·索罗金",
    "melnyk": "奥克萨娜·梅尔尼克",
    "zaretsky": "维克托·扎列茨基",
    "kowalczyk": "娜迪亚·科瓦尔奇克",
    "montero": "拉斐尔·蒙特罗",
    "lindqvist": "索菲娅·林德奎斯特",
    "dahl": "亨里克·达尔",
    "petersen": "约纳斯·彼得森",
    "benedetti": "卡拉·贝内代蒂",
    "volkov": "德米特里·沃尔科夫",
    "sokolova": "伊琳娜·索科洛娃",
    "novak": "格雷戈尔·诺瓦克",
    "haddad": "阿米拉·哈达德",
    "khalil": "奥马尔·哈利勒",
    "demir": "优素福·德米尔",
    "lambert": "雨果·朗贝尔",
    "eriksen": "拉尔斯·埃里克森",
    "grebenko": "米哈伊洛·格列边科",
    "radu": "特奥多尔·拉杜",
    "blom": "卡塔琳娜·布洛姆",
    "wojcik": "斯特凡·沃伊奇克",
    "ferreira": "安娜·费雷拉",
    "orlov": "尼古拉·奥尔洛夫",
    "kraus": "海伦娜·克劳斯",
}
AR: dict[str, str] = {
    "varga": "إيلينا فارغا",
    "brandt": "توماس براندت",
    "feld": "لوكاس فيلد",
    "kovel": "أنطون كوفيل",
    "dobos": "ماريك دوبوش",
    "holm": "إنغريد هولم",
    "sorokin": "بافيل سوروكين",
    "melnyk": "أوكسانا ميلنيك",
    "zaretsky": "فيكتور زاريتسكي",
    "kowalczyk": "نادية كوفالتشيك",
    "montero": "رافائيل مونتيرو",
    "lindqvist": "صوفيا ليندكفيست",
    "dahl": "هنريك دال",
    "petersen": "يوناس بيترسن",
    "benedetti": "كارلا بينيديتي",
    "volkov": "دميتري فولكوف",
    "sokolova": "إيرينا سوكولوفا",
    "novak": "غريغور نوفاك",
    "haddad": "أميرة حداد",
    "khalil": "عمر خليل",
    "demir": "يوسف دمير",
    "lambert": "هوغو لامبير",
    "eriksen": "لارس إريكسن",
    "grebenko": "ميخائيلو غريبينكو",
    "radu": "تيودور رادو",
    "blom": "كاتارينا بلوم",
    "wojcik": "ستيفان فويتشيك",
    "ferreira": "آنا فيريرا",
    "orlov": "نيكولاي أورلوف",
    "kraus": "هيلينا كراوس",
}
JA: dict[str, str] = {
    "varga": "エレナ・ヴァルガ",
    "brandt": "トーマス・ブラント",
    "feld": "ルーカス・フェルト",
    "kovel": "アントン・コヴェリ",
    "dobos": "マレク・ドボシュ",
    "holm": "イングリッド・ホルム",
    "sorokin": "パヴェル・ソローキン",
    "melnyk": "オクサナ・メルニク",
    "zaretsky": "ヴィクトル・ザレツキー",
    "kowalczyk": "ナディア・コヴァルチク",
    "montero": "ラファエル・モンテロ",
    "lindqvist": "ソフィア・リンドクヴィスト",
    "dahl": "ヘンリク・ダール",
    "petersen": "ヨナス・ペーターセン",
    "benedetti": "カルラ・ベネデッティ",
    "volkov": "ドミトリー・ヴォルコフ",
    "sokolova": "イリーナ・ソコロワ",
    "novak": "グレゴール・ノヴァク",
    "haddad": "アミラ・ハッダード",
    "khalil": "オマル・ハリール",
    "demir": "ユスフ・デミル",
    "lambert": "ユゴー・ランベール",
    "eriksen": "ラース・エリクセン",
    "grebenko": "ミハイロ・グレベンコ",
    "radu": "テオドル・ラドゥ",
    "blom": "カタリナ・ブロム",
    "wojcik": "シュテファン・ヴォイチク",
    "ferreira": "アナ・フェレイラ",
    "orlov": "ニコライ・オルロフ",
    "kraus": "ヘレナ・クラウス",
}
PEOPLE: list[tuple[str, str, str, list[str], str, str, str, str, str]] = [
    (pid, role, latin, variants, RU[pid], KO[pid], ZH[pid], AR[pid], JA[pid])
    for pid, (role, latin, variants) in LATIN.items()
]

# Distractors: near-miss names that are other people (full names only, with a role).
DISTRACTORS: list[tuple[str, str, str]] = [
    ("vargas", "Peruvian writer", "Luis Vargas"),
    ("volkova", "Russian athlete", "Anna Volkova"),
    ("holmes", "British judge", "Ruth Holmes"),
    ("dahlberg", "Swedish banker", "Eva Dahlberg"),
    ("novak_cz", "Czech minister", "Jana Novak"),
    ("sorokina", "Russian judge", "Olga Sorokina"),
    ("brand", "Dutch mayor", "Pieter Brand"),
    ("petersson", "Swedish mayor", "Nils Petersson"),
]

LANGS = {"latin": "en", "ru": "ru", "ko": "ko", "zh": "zh", "ar": "ar", "ja": "ja"}


def surname(full: str) -> str:
    parts = full.replace("·", " ").replace("・", " ").split()
    return parts[-1]


def build_mentions(seed: int, introduce: bool = True) -> list[tuple[str, str, str, str | None]]:
    """(gold id, mention, language, role) in feeding order.

    `introduce`: each person's Latin full name (with role) comes first, as in news;
    otherwise everything is shuffled, so a surname or a foreign script may come first.
    """
    rng = random.Random(seed)
    first: list[tuple[str, str, str, str | None]] = []
    rest: list[tuple[str, str, str, str | None]] = []
    for pid, role, latin, variants, ru, ko, zh, ar, ja in PEOPLE:
        first.append((pid, latin, "en", role))
        for name in variants:
            rest.append((pid, name, "de", None))
        for lang, name in (("ru", ru), ("ko", ko), ("zh", zh), ("ar", ar), ("ja", ja)):
            rest.append((pid, name, lang, None))
        for lang, name in (
            ("en", latin),
            ("ru", ru),
            ("ko", ko),
            ("zh", zh),
            ("ar", ar),
            ("ja", ja),
        ):
            rest.append((pid, surname(name), lang, None))
    for pid, role, latin in DISTRACTORS:
        rest.append((pid, latin, "en", role))
    rng.shuffle(first)
    rng.shuffle(rest)
    if not introduce:
        everything = first + rest
        rng.shuffle(everything)
        return everything
    return first + rest


def pair_scores(gold: list[str], pred: list[str]) -> tuple[float, float, int, int, int]:
    tp = fp = fn = 0
    for (g1, p1), (g2, p2) in itertools.combinations(zip(gold, pred, strict=True), 2):
        same_gold, same_pred = g1 == g2, p1 == p2
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, tp, fp, fn


# (language, text, expected country code, expected resolver id or None)
COUNTRIES: list[tuple[str, str, str, str | None]] = [
    ("en", "the Kremlin", "RU", "org:RU:kremlin"),
    ("en", "Moscow", "RU", "country:RU"),
    ("en", "North Korea", "KP", "country:KP"),
    ("en", "DPRK", "KP", "country:KP"),
    ("en", "Pyongyang", "KP", "country:KP"),
    ("en", "Seoul", "KR", "country:KR"),
    ("en", "the White House", "US", "org:US:white_house"),
    ("en", "Washington", "US", "country:US"),
    ("en", "the Pentagon", "US", "org:US:pentagon"),
    ("en", "Kyiv", "UA", "country:UA"),
    ("en", "the Chinese foreign ministry", "CN", "org:CN:foreign_ministry"),
    ("pt", "o Kremlin", "RU", "org:RU:kremlin"),
    ("pt", "Coreia do Norte", "KP", "country:KP"),
    ("pt", "Seul", "KR", "country:KR"),
    ("pt", "o Itamaraty", "BR", "org:BR:foreign_ministry"),
    ("pt", "o Ministério das Relações Exteriores da Rússia", "RU", "org:RU:foreign_ministry"),
    ("es", "el Kremlin", "RU", "org:RU:kremlin"),
    ("es", "Corea del Norte", "KP", "country:KP"),
    ("es", "la Casa Blanca", "US", "org:US:white_house"),
    ("es", "Pekín", "CN", "country:CN"),
    ("fr", "le Kremlin", "RU", "org:RU:kremlin"),
    ("fr", "la Corée du Nord", "KP", "country:KP"),
    ("fr", "la Maison Blanche", "US", "org:US:white_house"),
    ("fr", "Pékin", "CN", "country:CN"),
    ("de", "der Kreml", "RU", "org:RU:kremlin"),
    ("de", "Nordkorea", "KP", "country:KP"),
    ("de", "das Weiße Haus", "US", "org:US:white_house"),
    ("de", "Moskau", "RU", "country:RU"),
    ("it", "il Cremlino", "RU", "org:RU:kremlin"),
    ("it", "la Corea del Nord", "KP", "country:KP"),
    ("it", "la Casa Bianca", "US", "org:US:white_house"),
    ("it", "Mosca", "RU", "country:RU"),
    ("ru", "Кремль", "RU", "org:RU:kremlin"),
    ("ru", "КНДР", "KP", "country:KP"),
    ("ru", "Белый дом", "US", "org:US:white_house"),
    ("ru", "МИД России", "RU", "org:RU:foreign_ministry"),
    ("ru", "Пхеньян", "KP", "country:KP"),
    ("uk", "Кремль", "RU", "org:RU:kremlin"),
    ("uk", "Київ", "UA", "country:UA"),
    ("uk", "Білий дім", "US", "org:US:white_house"),
    ("uk", "Північна Корея", "KP", "country:KP"),
    ("vi", "Điện Kremlin", "RU", "org:RU:kremlin"),
    ("vi", "Nga", "RU", "country:RU"),
    ("vi", "Mỹ", "US", "country:US"),
    ("vi", "Triều Tiên", "KP", "country:KP"),
    ("vi", "Hàn Quốc", "KR", "country:KR"),
    ("vi", "Bộ Ngoại giao Nga", "RU", "org:RU:foreign_ministry"),
    ("vi", "Nhà Trắng", "US", "org:US:white_house"),
    ("id", "Kremlin", "RU", "org:RU:kremlin"),
    ("id", "Korea Utara", "KP", "country:KP"),
    ("id", "Gedung Putih", "US", "org:US:white_house"),
    ("id", "Kementerian Luar Negeri Rusia", "RU", "org:RU:foreign_ministry"),
    ("ar", "الكرملين", "RU", "org:RU:kremlin"),
    ("ar", "كوريا الشمالية", "KP", "country:KP"),
    ("ar", "البيت الأبيض", "US", "org:US:white_house"),
    ("ar", "موسكو", "RU", "country:RU"),
    ("ar", "وزارة الخارجية الروسية", "RU", "org:RU:foreign_ministry"),
    ("zh", "克里姆林宫", "RU", "org:RU:kremlin"),
    ("zh", "朝鲜", "KP", "country:KP"),
    ("zh", "白宫", "US", "org:US:white_house"),
    ("zh", "俄罗斯外交部", "RU", "org:RU:foreign_ministry"),
    ("zh", "首尔", "KR", "country:KR"),
    ("ko", "크렘린궁", "RU", "org:RU:kremlin"),
    ("ko", "북한", "KP", "country:KP"),
    ("ko", "백악관", "US", "org:US:white_house"),
    ("ko", "러시아 외무부", "RU", None),
    ("ko", "평양", "KP", "country:KP"),
    ("ja", "クレムリン", "RU", "org:RU:kremlin"),
    ("ja", "北朝鮮", "KP", "country:KP"),
    ("ja", "ホワイトハウス", "US", "org:US:white_house"),
    ("ja", "ロシア外務省", "RU", "org:RU:foreign_ministry"),
    ("ja", "ソウル", "KR", "country:KR"),
]


def run(seed: int) -> str:
    t0 = time.perf_counter()
    gazetteer()
    load_seconds = time.perf_counter() - t0

    mentions = build_mentions(seed)
    resolver = EntityResolver()
    start = time.perf_counter()
    predicted = [resolver.resolve(m, lang, role=role).id for _, m, lang, role in mentions]
    elapsed = time.perf_counter() - start
    gold = [g for g, *_ in mentions]
    precision, recall, tp, fp, fn = pair_scores(gold, predicted)

    by_script: dict[str, list[bool]] = {}
    first_id = {}
    for (g, _m, _lang, role), p in zip(mentions, predicted, strict=True):
        if role is not None and g not in first_id:
            first_id[g] = p
    for (g, m, lang, _), p in zip(mentions, predicted, strict=True):
        kind = "surname" if len(m.replace("·", " ").replace("・", " ").split()) == 1 else "full"
        by_script.setdefault(f"{lang}/{kind}", []).append(first_id.get(g) == p)

    shuffled_rows = []
    for s in (seed, seed + 1, seed + 2):
        order = build_mentions(s, introduce=False)
        fresh = EntityResolver()
        ids = [fresh.resolve(m, lang, role=role).id for _, m, lang, role in order]
        p, r, *_ = pair_scores([g for g, *_ in order], ids)
        shuffled_rows.append(f"| {s} | {p:.3f} | {r:.3f} | {len(set(ids))} |")

    country_hits: dict[str, list[bool]] = {}
    resolve_hits: list[bool] = []
    r2 = EntityResolver()
    c_start = time.perf_counter()
    for lang, text, code, eid in COUNTRIES:
        country_hits.setdefault(lang, []).append(country_of(text, lang) == code)
        if eid:
            resolve_hits.append(r2.resolve(text, lang).id == eid)
    c_elapsed = time.perf_counter() - c_start

    # Throughput on a warm resolver with many known people.
    warm = EntityResolver()
    for _, m, lang, role in mentions:
        warm.resolve(m, lang, role=role)
    loops = 5
    s2 = time.perf_counter()
    for _ in range(loops):
        for _, m, lang, role in mentions:
            warm.resolve(m, lang, role=role)
    warm_rate = loops * len(mentions) / (time.perf_counter() - s2)

    # Scale: the same mentions against a resolver that already knows 2,000 people.
    big = EntityResolver()
    rng = random.Random(seed)
    syllables = ["ka", "lo", "mi", "ren", "sto", "val", "dor", "bek", "tis", "nar", "gu", "pel"]
    for _ in range(2000):
        given = "".join(rng.choice(syllables) for _ in range(2)).title()
        family = "".join(rng.choice(syllables) for _ in range(3)).title()
        big.resolve(f"{given} {family}", "en")
    s3 = time.perf_counter()
    for _, m, lang, role in mentions:
        big.resolve(m, lang, role=role)
    big_rate = len(mentions) / (time.perf_counter() - s3)

    lines = [
        "# Entity linking across scripts",
        "",
        "Generated by `bench/bench_entities.py` (seed "
        f"{seed}). Names are invented; see the script for the data.",
        "",
        "## People: one resolver, mentions in random order",
        "",
        f"- {len(PEOPLE)} people x 6 scripts (Latin, Cyrillic, Hangul, Chinese, Arabic, "
        f"Japanese), full names and surname-only, plus Latin spelling variants and "
        f"{len(DISTRACTORS)} near-miss distractors: {len(mentions)} mentions.",
        f'- Pairwise "same entity": precision **{precision:.3f}**, recall **{recall:.3f}** '
        f"(tp {tp}, fp {fp}, fn {fn}).",
        f"- Entities created: {len({p for p in predicted})} for "
        f"{len({g for g in gold})} gold entities.",
        f"- Speed: {len(mentions) / elapsed:,.0f} mentions/s while learning; "
        f"{warm_rate:,.0f} mentions/s on a warm resolver; tables load in "
        f"{load_seconds:.2f} s once; {big_rate:,.0f} mentions/s with 2,000 other people known.",
        "",
        "| script / mention | linked to the right person | n |",
        "|---|---:|---:|",
    ]
    for key in sorted(by_script):
        hits = by_script[key]
        lines.append(f"| {key} | {sum(hits) / len(hits):.2f} | {len(hits)} |")
    lines += [
        "",
        "Fully shuffled (a surname or a foreign script may come before the full name):",
        "",
        "| seed | precision | recall | entities |",
        "|---|---:|---:|---:|",
        *shuffled_rows,
    ]
    lines += [
        "",
        "## Countries, metonyms and institutions in 14 languages",
        "",
        f"`resolve` gives the expected id for {sum(resolve_hits)}/{len(resolve_hits)} "
        f"mentions; {len(COUNTRIES) / c_elapsed:,.0f} mentions/s.",
        "",
        "| language | `country_of` accuracy | n |",
        "|---|---:|---:|",
    ]
    for lang in sorted(country_hits):
        hits = country_hits[lang]
        lines.append(f"| {lang} | {sum(hits) / len(hits):.2f} | {len(hits)} |")
    total = [h for hits in country_hits.values() for h in hits]
    lines.append(f"| **all** | **{sum(total) / len(total):.2f}** | {len(total)} |")
    misses = [
        (lang, text, code, country_of(text, lang))
        for lang, text, code, _ in COUNTRIES
        if country_of(text, lang) != code
    ]
    if misses:
        lines += [
            "",
            "Misses: "
            + "; ".join(f"{t} ({lang}) -> {got} (want {c})" for lang, t, c, got in misses),
        ]
    errors = [
        f"{m} ({lang}) -> {p} (want {g})"
        for (g, m, lang, _), p in zip(mentions, predicted, strict=True)
        if first_id.get(g) != p
    ]
    if errors:
        lines += ["", f"Person misses ({len(errors)}): " + "; ".join(errors[:40])]
    lines += [
        "",
        "Reading the misses: most are ambiguities the resolver refuses to guess — two",
        "people named Novak, Petersen next to Petersson, Sorokin next to Sorokina (Arabic",
        "script does not mark the feminine ending) — which a role or context resolves.",
        "When a surname or a foreign spelling comes before the full name (shuffled runs),",
        "an early surname-only entity can absorb two namesakes: precision drops a little.",
        "All data here was written by the same person who tuned the thresholds",
        "(token 85/100 on skeletons, 3-letter skeletons exact, Latin spellings >= 92):",
        "treat the figures as a regression guard, not an estimate on real news.",
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", default=str(ROOT / "docs" / "bench_entities.md"))
    args = parser.parse_args()
    report = run(args.seed)
    print(report)
    Path(args.out).write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
