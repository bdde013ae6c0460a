"""One actor whatever the script: names, country metonyms, institutions, alias files.

Names are invented (Elena Varga, Tomas Brandt...) or public officials' surnames used
only as spellings. bench/bench_entities.py measures the same machinery at scale.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimscope.link.entities import (
    EntityResolver,
    country_of,
    normalize_name,
    phonetic_keys,
    token_similarity,
)

PESKOV = [
    "Peskov",
    "Peskow",
    "Pieskow",
    "Песков",
    "Пєсков",
    "페스코프",
    "佩斯科夫",
    "بيسكوف",
    "ペスコフ",
]


@pytest.mark.parametrize("spelling", PESKOV)
def test_peskov_spellings_share_a_key(spelling: str) -> None:
    assert "PSKP" in phonetic_keys(spelling)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Varga", "Варга"),
        ("Varga", "바르가"),
        ("Varga", "瓦尔加"),
        ("Varga", "فارغا"),
        ("Varga", "ヴァルガ"),
        ("Elena", "Елена"),
        ("Elena", "엘레나"),
        ("Elena", "埃琳娜"),
        ("Elena", "إيلينا"),
        ("Zakharova", "자하로바"),
        ("Zakharova", "扎哈罗娃"),
        ("Zakharova", "زاخاروفا"),
        ("Zakharova", "ザハロワ"),
        ("Brandt", "Брандт"),
        ("Brandt", "브란트"),
        ("Brandt", "布兰特"),
    ],
)
def test_cross_script_tokens_match(a: str, b: str) -> None:
    assert token_similarity(a, b) >= 85


@pytest.mark.parametrize(
    ("a", "b"),
    [("Varga", "Vargas"), ("Ivanov", "Ivanova"), ("Peskov", "Petrov"), ("Holm", "Holmes")],
)
def test_distinct_latin_names_do_not_match(a: str, b: str) -> None:
    assert token_similarity(a, b) < 85


def test_normalize_name_strips_titles_and_folds() -> None:
    assert normalize_name("Kremlin spokesman Dmitry Peskov", "en") == "dmitry peskov"
    assert normalize_name("ông Nguyễn Văn An", "vi") == "nguyen van an"
    assert normalize_name("크렘린궁 대변인 페스코프", "ko") == normalize_name("페스코프", "ko")
    assert normalize_name("克里姆林宫发言人佩斯科夫", "zh") == normalize_name("佩斯科夫", "zh")
    assert normalize_name("Verteidigungsminister Lukas Feld", "de") == "lukas feld"
    assert normalize_name("porta-voz do Kremlin, Dmitry Peskov", "pt") == "dmitry peskov"


METONYMS = [
    ("en", "the Kremlin", "RU"),
    ("en", "Moscow", "RU"),
    ("en", "Pyongyang", "KP"),
    ("en", "Seoul", "KR"),
    ("en", "the White House", "US"),
    ("en", "Washington", "US"),
    ("en", "the State Department", "US"),
    ("en", "the Pentagon", "US"),
    ("en", "Kyiv", "UA"),
    ("en", "Kiev", "UA"),
    ("en", "Beijing", "CN"),
    ("en", "DPRK", "KP"),
    ("en", "the North Korean foreign ministry", "KP"),
    ("pt", "o Kremlin", "RU"),
    ("pt", "Coreia do Norte", "KP"),
    ("pt", "o governo norte-coreano", "KP"),
    ("pt", "a Casa Branca", "US"),
    ("es", "el Kremlin", "RU"),
    ("es", "Corea del Norte", "KP"),
    ("es", "la Casa Blanca", "US"),
    ("fr", "le Kremlin", "RU"),
    ("fr", "Pyongyang", "KP"),
    ("fr", "la Maison Blanche", "US"),
    ("de", "der Kreml", "RU"),
    ("de", "Nordkorea", "KP"),
    ("de", "das Weiße Haus", "US"),
    ("de", "Russlands", "RU"),
    ("it", "il Cremlino", "RU"),
    ("it", "la Casa Bianca", "US"),
    ("it", "Corea del Nord", "KP"),
    ("ru", "Кремль", "RU"),
    ("ru", "в Кремле", "RU"),
    ("ru", "КНДР", "KP"),
    ("ru", "Белый дом", "US"),
    ("ru", "северокорейский МИД", "KP"),
    ("uk", "Кремль", "RU"),
    ("uk", "Київ", "UA"),
    ("uk", "Білий дім", "US"),
    ("vi", "Điện Kremlin", "RU"),
    ("vi", "Nga", "RU"),
    ("vi", "Mỹ", "US"),
    ("vi", "Triều Tiên", "KP"),
    ("vi", "Hàn Quốc", "KR"),
    ("vi", "Nhà Trắng", "US"),
    ("vi", "Bình Nhưỡng", "KP"),
    ("id", "Kremlin", "RU"),
    ("id", "Gedung Putih", "US"),
    ("id", "Korea Utara", "KP"),
    ("ar", "الكرملين", "RU"),
    ("ar", "البيت الأبيض", "US"),
    ("ar", "كوريا الشمالية", "KP"),
    ("ar", "بيونغ يانغ", "KP"),
    ("zh", "克里姆林宫", "RU"),
    ("zh", "白宫", "US"),
    ("zh", "朝鲜", "KP"),
    ("zh", "平壤", "KP"),
    ("zh", "俄外交部", "RU"),
    ("ko", "크렘린궁", "RU"),
    ("ko", "백악관", "US"),
    ("ko", "북한은", "KP"),
    ("ko", "서울", "KR"),
    ("ja", "クレムリン", "RU"),
    ("ja", "ホワイトハウス", "US"),
    ("ja", "北朝鮮", "KP"),
    ("ja", "米国務省", "US"),
]


@pytest.mark.parametrize(("language", "text", "code"), METONYMS)
def test_country_metonyms(language: str, text: str, code: str) -> None:
    assert country_of(text, language) == code


def test_vietnamese_pitfalls_and_short_strings() -> None:
    assert country_of("Nga", "vi") == "RU"  # not Nigeria
    assert country_of("Mỹ", "vi") == "US"  # not Malaysia
    assert country_of("mỹ thuật", "vi") is None  # "fine arts", lower case
    assert country_of("let us know", "en") is None  # "us" is not the US
    assert country_of("东北", "zh") is None  # 北 alone is not North Korea
    assert country_of("the US ambassador to Russia", "en") == "US"


def test_cross_script_person_cluster() -> None:
    r = EntityResolver()
    first = r.resolve("Elena Varga", "en", role="Varanian Defence Minister")
    for mention, lang in [
        ("Елена Варга", "ru"),
        ("엘레나 바르가", "ko"),
        ("埃琳娜·瓦尔加", "zh"),
        ("إيلينا فارغا", "ar"),
        ("エレナ・ヴァルガ", "ja"),
        ("Varga", "pt"),
    ]:
        assert r.resolve(mention, lang).id == first.id, mention


def test_peskov_links_and_rolls_up_to_russia() -> None:
    r = EntityResolver()
    full = r.resolve("Kremlin spokesman Dmitry Peskov", "en")
    assert (full.kind, full.affiliation) == ("person", "RU")
    for mention, lang in [
        ("Peskov", "en"),
        ("Песков", "ru"),
        ("페스코프 대변인", "ko"),
        ("佩斯科夫", "zh"),
        ("بيسكوف", "ar"),
        ("ペスコフ報道官", "ja"),
    ]:
        assert r.resolve(mention, lang).id == full.id, mention
    zakharova = r.resolve(
        "Maria Zakharova", "en", role="foreign ministry spokeswoman", affiliation="Russia"
    )
    assert zakharova.affiliation == "RU" and zakharova.id != full.id


def test_surname_alone_before_full_name_is_upgraded() -> None:
    r = EntityResolver()
    short = r.resolve("Brandt", "de", role="Außenamtssprecher")
    full = r.resolve("Tomas Brandt", "en")
    assert full.id == short.id and full.name == "Tomas Brandt"


def test_conflicting_country_keeps_people_apart() -> None:
    r = EntityResolver()
    a = r.resolve("Anna Kovalenko", "en", role="Ukrainian deputy minister")
    b = r.resolve("Kovalenko", "en", role="Russian lawmaker")
    assert a.affiliation == "UA" and b.affiliation == "RU" and a.id != b.id
    assert r.resolve("Kovalenko", "en", role="Ukrainian official").id == a.id
    assert r.resolve("Kovalenko", "en", role="Russian lawmaker").id == b.id


def test_varga_is_not_vargas_llosa() -> None:
    r = EntityResolver()
    writer = r.resolve("Mario Vargas Llosa", "es", role="escritor peruano")
    assert writer.affiliation == "PE"
    varga = r.resolve("Varga", "en", role="Hungarian minister")
    assert varga.id != writer.id
    assert r.resolve("Elena Varga", "en").id != writer.id


def test_different_given_names_are_different_people() -> None:
    r = EntityResolver()
    assert r.resolve("Anna Berg", "en").id != r.resolve("Lars Berg", "en").id


def test_ambiguous_surname_uses_context() -> None:
    r = EntityResolver()
    a = r.resolve("Lena Holm", "en", role="Swedish minister")
    b = r.resolve("Jonas Holm", "en", role="Danish minister")
    assert a.id != b.id
    assert r.resolve("Holm", "en", context="Talks in Stockholm, Sweden.").id == a.id


def test_countries_and_institutions() -> None:
    r = EntityResolver()
    ids = {
        r.resolve(m, lang).id
        for m, lang in [
            ("North Korea", "en"),
            ("Coreia do Norte", "pt"),
            ("Triều Tiên", "vi"),
            ("КНДР", "ru"),
            ("DPRK", "en"),
            ("Pyongyang", "en"),
            ("북한", "ko"),
            ("朝鲜", "zh"),
        ]
    }
    assert ids == {"country:KP"}
    kremlin = r.resolve("the Kremlin", "en")
    assert (kremlin.kind, kremlin.affiliation) == ("organisation", "RU")
    assert r.resolve("Кремль", "ru").id == kremlin.id == r.resolve("Điện Kremlin", "vi").id
    fm = r.resolve("the Russian foreign ministry", "en")
    assert fm.id == r.resolve("Bộ Ngoại giao Nga", "vi").id == r.resolve("МИД России", "ru").id
    assert fm.affiliation == "RU"
    seoul = r.resolve("Seoul", "en")
    assert (seoul.kind, seoul.affiliation) == ("country", "KR")
    assert r.resolve("the White House", "en").affiliation == "US"
    kestria = r.resolve("the Kestrian foreign ministry", "en")
    assert kestria.kind == "organisation" and kestria.affiliation is None


def test_anonymous_sources() -> None:
    r = EntityResolver()
    anon = r.resolve("a source close to the Kremlin", "en")
    assert anon.kind == "anonymous" and anon.affiliation == "RU"


def test_state_round_trips_through_json() -> None:
    r = EntityResolver()
    peskov = r.resolve("Dmitry Peskov", "en", role="Kremlin spokesman")
    r.resolve("North Korea", "en")
    restored = EntityResolver.from_dict(json.loads(json.dumps(r.to_dict())))
    again = restored.resolve("Песков", "ru")
    assert again.id == peskov.id and again.affiliation == "RU"
    assert restored.resolve("КНДР", "ru").id == "country:KP"


def test_entity_state_holds_every_field() -> None:
    """`Entity.to_dict` lists the fields by hand (speed): a field added later must be saved."""
    import dataclasses

    from claimscope.link.entities import Entity

    entity = Entity("x", "Ana Lima", "person", "BR", ["Lima"], pinned=True)
    assert entity.to_dict() == dataclasses.asdict(entity)
    assert Entity(**entity.to_dict()) == entity


def test_alias_file_overrides(tmp_path: Path) -> None:
    path = tmp_path / "aliases.toml"
    path.write_text(
        """
[[country]]
code = "QK"
names = ["Kestria", "Kestrian", "Kestrien", "Кестрия"]

[[entity]]
id = "lukas_feld"
name = "Lukas Feld"
kind = "person"
affiliation = "QK"
aliases = ["Лукас Фельд", "Feldt", "L. Feld"]
""",
        encoding="utf-8",
    )
    r = EntityResolver()
    learned = r.resolve("Lukas Feld", "de")  # learnt before the file is loaded
    assert r.load_aliases(path) == 1
    assert learned.id not in r.entities or learned.id == "lukas_feld"
    assert r.resolve("Feldt", "en").id == "lukas_feld"  # spelling only the file allows
    assert r.resolve("Лукас Фельд", "ru").affiliation == "QK"
    assert r.resolve("the Kestrian foreign ministry", "en").affiliation == "QK"


def test_example_alias_file_loads() -> None:
    example = Path(__file__).resolve().parents[1] / "docs" / "aliases.example.toml"
    r = EntityResolver()
    assert r.load_aliases(example) >= 2
    assert r.resolve("페스코프", "ko").id == "dmitry_peskov"
