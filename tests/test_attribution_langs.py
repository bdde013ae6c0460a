"""One engine, fourteen data files: invented sentences per language and word order."""

from __future__ import annotations

import pytest

from _helpers import LANGUAGES
from claimscope.analyze.attribution import extract_statements
from claimscope.analyze.sentences import split_sentences
from claimscope.lang import available_languages, load_language

# (language, text, expected [(speaker substring, stance, kind)])
CASES = [
    (
        "pt",
        "«Isto é mais uma notícia falsa», disse o porta-voz Ivan Sorokin aos jornalistas.",
        [("Ivan Sorokin", "deny", "direct")],
    ),
    (
        "pt",
        "A ministra da Saúde, Rita Lobo, recusou-se a comentar as notícias de que vai sair.",
        [("Rita Lobo", "hedge", "indirect")],
    ),
    (
        "es",
        "El Gobierno de Arlia negó que sus tropas hubieran cruzado la frontera.",
        [("El Gobierno de Arlia", "deny", "indirect")],
    ),
    (
        "es",
        "Las obras terminarán en mayo, según el alcalde de Molina, Pedro Sanz.",
        [("Pedro Sanz", "assert", "according_to")],
    ),
    (
        "fr",
        "« Nous n'avons jamais livré d'armes à Karsk », a déclaré le ministre Paul Vernet.",
        [("Paul Vernet", "deny", "direct")],
    ),
    (
        "fr",
        "Le porte-parole du gouvernement, Marc Olier, a indiqué que la réforme serait votée.",
        [("Marc Olier", "assert", "indirect")],
    ),
    (
        "de",
        "„Das ist eine Falschmeldung“, sagte Regierungssprecher Jan Vogt am Montag.",
        [("Jan Vogt", "deny", "direct")],
    ),
    (
        "de",
        "Die Stadtwerke teilten mit, der Strompreis werde im Mai sinken.",
        [("Die Stadtwerke", "assert", "indirect")],
    ),
    (
        "it",
        "Il ministro degli Esteri, Carlo Neri, ha smentito che l'ambasciata sia stata chiusa.",
        [("Carlo Neri", "deny", "indirect")],
    ),
    (
        "ru",
        "«Это очередной фейк», — заявил пресс-секретарь Кремля Олег Титов.",
        [("Олег Титов", "deny", "direct")],
    ),
    (
        "ru",
        "Министр финансов Анна Зорина отказалась комментировать сообщения об отставке.",
        [("Анна Зорина", "hedge", "indirect")],
    ),
    (
        "uk",
        "Речник міністерства Петро Гай заявив, що армія не перекидала війська на північ.",
        [("Петро Гай", "deny", "indirect")],
    ),
    (
        "vi",
        "Người phát ngôn Bộ Ngoại giao Lê Văn Nam cho biết thông tin trên là sai sự thật.",
        [("Lê Văn Nam", "deny", "indirect")],
    ),
    (
        "vi",
        "Theo nguồn tin giấu tên, hai bên đã ký thỏa thuận.",
        [("nguồn tin", "assert", "according_to")],
    ),
    (
        "id",
        "Juru bicara kepolisian, Budi Santoso, mengatakan bahwa jalan itu akan dibuka besok.",
        [("Budi Santoso", "assert", "indirect")],
    ),
    (
        "id",
        "Kementerian Pertahanan membantah laporan bahwa pasukan telah dikirim ke perbatasan.",
        [("Kementerian Pertahanan", "deny", "indirect")],
    ),
    (
        "ar",
        "وقال المتحدث باسم الوزارة خالد سالم للصحفيين إن التقارير كاذبة.",
        [("خالد سالم", "deny", "indirect")],
    ),
    ("ar", "ونفت الحكومة أن تكون قد أرسلت قوات إلى الحدود.", [("الحكومة", "deny", "indirect")]),
    ("zh", "外交部发言人王明表示，有关报道纯属捏造。", [("王明", "deny", "indirect")]),
    ("zh", "该公司拒绝置评。", [("该公司", "hedge", "indirect")]),
    (
        "ko",
        '김민수 국방부 대변인은 기자들에게 "사실무근"이라고 말했다.',
        [("김민수", "deny", "direct")],
    ),
    (
        "ko",
        "외교부 관계자는 해당 보도에 대해 언급을 거부했다.",
        [("외교부 관계자", "hedge", "indirect")],
    ),
    (
        "ja",
        "田中一郎官房長官は「そのような事実はない」と否定した。",
        [("田中一郎", "deny", "direct")],
    ),
    ("ja", "関係者によると、会談は来月開かれる見通しだ。", [("関係者", "assert", "according_to")]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_statement_per_language(
    language: str, text: str, expected: list[tuple[str, str, str]]
) -> None:
    found = extract_statements(text, split_sentences(text, language), language)
    got = [(s.speaker or "", s.speaker_name or "", s.stance, s.kind) for s in found]
    for needle, stance, kind in expected:
        assert any(
            (needle in speaker or needle in name) and st == stance and k == kind
            for speaker, name, st, k in got
        ), got
    for st in found:
        assert text[st.start : st.end] == st.content
        if st.speaker_start is not None:
            assert text[st.speaker_start : st.speaker_end] == st.speaker


def test_every_language_has_attribution_data() -> None:
    for code in LANGUAGES:
        assert code in available_languages()
        att = load_language(code)["attribution"]
        assert att["assert"] and att["deny"] and att["hedge"], code
        assert "dates" not in load_language(code) or isinstance(load_language(code)["dates"], dict)


def test_unknown_language_falls_back_to_english_rules() -> None:
    text = "The ministry denied the report."
    found = extract_statements(text, split_sentences(text, None), None)
    assert [(s.speaker, s.stance) for s in found] == [("The ministry", "deny")]
