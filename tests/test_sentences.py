"""Sentence splitting in the 14 product languages, with offsets into the text."""

from __future__ import annotations

import pytest

from claimscope.analyze.sentences import split_sentences

CASES = {
    "en": [
        "Mr. Brandt said the U.S. report was false.",
        '"We never sold drones," he added.',
        "The talks resume at 5 p.m. on Monday.",
    ],
    "pt": [
        "O porta-voz disse que a notícia era falsa.",
        '"Nunca vendemos drones", afirmou o Sr. Brandt.',
        "Foram 1.500 soldados, segundo a fonte.",
    ],
    "es": [
        "El ministro negó el martes las acusaciones.",
        "«Son rumores sin fundamento», dijo la Sra. Varga.",
        "¿Quién pagará la limpieza?",
    ],
    "fr": [
        "Le porte-parole a démenti lundi.",
        "« C'est faux », a déclaré M. Brandt.",
        "L'enquête continue, selon le parquet.",
    ],
    "de": [
        "Der Sprecher wies die Berichte am 3. Oktober zurück.",
        "„Das ist falsch“, sagte Dr. Müller.",
        "Die Ermittlungen dauern an.",
    ],
    "it": [
        "Il ministro ha smentito la notizia.",
        "«Non abbiamo venduto droni», ha detto il sig. Rossi.",
        "L'inchiesta prosegue.",
    ],
    "ru": [
        "Песков заявил, что это фейк.",
        "«Мы ничего не поставляли», — добавил он.",
        "Т. е. переговоры продолжатся.",
    ],
    "uk": [
        "Речник МЗС спростував ці повідомлення.",
        "«Це неправда», — сказав він.",
        "Розслідування триває.",
    ],
    "vi": [
        "Người phát ngôn bác bỏ thông tin này.",
        'Ông nói: "Chúng tôi không bán máy bay".',
        "TP.HCM có 1.500 người tham dự.",
    ],
    "id": [
        "Juru bicara itu membantah laporan tersebut.",
        '"Kami tidak pernah menjual drone," kata dia.',
        "Penyelidikan masih berlangsung.",
    ],
    "ar": [
        "نفى المتحدث باسم الوزارة التقارير.",
        "هل باعت كيستريا طائرات مسيرة؟",
        "قال إن التحقيق مستمر.",
    ],
    "zh": ["外交部发言人否认了有关报道。", "“我们从未出售无人机。”他说。", "调查仍在继续！"],
    "ko": ["대변인은 보도를 부인했다.", '그는 "사실무근"이라고 말했다.', "조사는 계속된다."],
    "ja": ["報道官は報道を否定した。", "「事実無根だ」と彼は述べた。", "調査は続いている。"],
}


@pytest.mark.parametrize("language", sorted(CASES))
def test_splits_each_language_and_keeps_offsets(language: str) -> None:
    expected = CASES[language]
    joiner = "" if language in ("zh", "ja") else " "
    text = joiner.join(expected) + "\n\n" + expected[0]
    sentences = split_sentences(text, language)
    assert [text[s.start : s.end] for s in sentences] == [*expected, expected[0]]
    assert [s.paragraph for s in sentences] == [0, 0, 0, 1]
