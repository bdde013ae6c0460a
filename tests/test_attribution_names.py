"""Speaker names are a person's (or a body's) name only: no country, ministry, role word,
particle or honorific glued to them, since they become the actor names of the report; and a
passive "X accused of …" makes X no speaker.

Invented sentences, in the style of the demo corpus.
"""

from __future__ import annotations

import pytest

from claimscope.analyze.attribution import extract_statements
from claimscope.analyze.sentences import split_sentences

# (language, text, expected (speaker_name, affiliation) per statement, in order)
CASES: list[tuple[str, str, list[tuple[str | None, str | None]]]] = [
    (
        "de",
        "Ostrelien hat die Vorwürfe zurückgewiesen. Zuvor hatte Innenministerin Lotte Brenner "
        "Ostrelien beschuldigt, Waffen zu liefern. „Ostrelien liefert keine Waffen“, sagte "
        "Regierungssprecher Paul Kern.",
        [("Ostrelien", None), ("Paul Kern", None)],
    ),
    (
        "vi",
        "Tổng thư ký Liên minh phương Bắc Karin Lund cho biết liên minh sẽ họp vào tuần tới.",
        [("Karin Lund", "Liên minh phương Bắc")],
    ),
    (
        "vi",
        "Bộ trưởng Quốc phòng Varania Elena Varga cho biết quân đội đã sẵn sàng.",
        [("Elena Varga", "Quốc phòng Varania")],
    ),
    (
        "vi",
        "Tổng giám đốc công ty Động cơ Miền Bắc Trần Minh Quân cho biết nhà máy sẽ mở rộng.",
        [("Trần Minh Quân", None)],
    ),
    (
        "vi",
        "Người phát ngôn chính phủ Lê Anh Dũng nói rằng giá điện sẽ không tăng.",
        [("Lê Anh Dũng", None)],
    ),
    (
        "ru",
        "Министр финансов Острелии Ирина Ковалева заявила, что налоги не вырастут.",
        [("Ирина Ковалева", None)],
    ),
    (
        "ru",
        "Официальный представитель МИД Кестрии Томас Брандт заявил, что поставок не было.",
        [("Томас Брандт", "МИД Кестрии")],
    ),
    (
        "ja",
        "野党代表のリナ・オルセン氏は「予算案は修正が必要だ」と述べた。",
        [("リナ・オルセン", "野党")],
    ),
    (
        "ja",
        "港湾局の吉田昭局長は「工事は来月終わる」と述べた。吉田局長は「費用は予算内に収まる」と付け加えた。",
        [("吉田昭", "港湾局"), ("吉田昭", None)],
    ),
    (
        "ko",
        "박성진 국토교통부 장관은 “철도 요금을 동결하겠다”고 말했다.",
        [("박성진", "국토교통부")],
    ),
    (
        "ko",
        "마레크 도보시 바라니아 국가정보국장은 “증거가 있다”고 말했다. 도보시 국장은 “곧 공개하겠다”고 덧붙였다.",
        [("마레크 도보시", "바라니아"), ("마레크 도보시", None)],
    ),
    (
        "ar",
        "قال وزير الزراعة الأوستريلي كمال يوسف إن المحصول سيرتفع هذا العام.",
        [("كمال يوسف", "الزراعة الأوستريلي")],
    ),
    ("zh", "该机构分析员玛丽亚·桑托斯表示，出口将下降。", [("玛丽亚·桑托斯", "该机构")]),
    (
        "id",
        "Menteri Perdagangan Dewi Lestari mengatakan harga beras akan stabil.",
        [("Dewi Lestari", None)],
    ),
]

PASSIVE: list[tuple[str, str]] = [
    ("en", "Kestria accused of sending drones to Doravia"),
    ("en", "Ostrel charged with hiding ship logs"),
    ("fr", "Le Karsk accusé de cacher des armes"),
    ("it", "La Kestria accusata di fornire droni alla Doravia"),
    ("ru", "Кестрию обвинили в поставках дронов Доравии"),
    ("vi", "Ostrel bị cáo buộc cung cấp vũ khí cho phe nổi dậy."),
    ("vi", 'Liên minh "chưa thể xác nhận" cáo buộc Kestria cung cấp UAV cho Doravia'),
]


def _statements(lang: str, text: str) -> list:
    return extract_statements(text, split_sentences(text, lang), lang)


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_speaker_names(lang: str, text: str, expected: list[tuple[str | None, str | None]]) -> None:
    got = _statements(lang, text)
    assert [st.speaker_name for st in got] == [name for name, _aff in expected]
    for st, (_name, aff) in zip(got, expected, strict=True):
        if aff is not None:
            assert st.affiliation == aff


@pytest.mark.parametrize(("lang", "text"), PASSIVE)
def test_passive_subject_is_no_speaker(lang: str, text: str) -> None:
    assert all(st.speaker is None for st in _statements(lang, text))
