"""Language detection on article-length text and on mixed-language articles."""

from __future__ import annotations

import pytest

from claimscope.analyze.language import detect_language, paragraph_languages

SAMPLES = {
    "en": "The foreign ministry denied on Monday that any drones had been sold to Doravia.",
    "pt": "O ministério dos Negócios Estrangeiros negou na segunda-feira qualquer venda de drones.",
    "es": "El ministerio de Exteriores negó el lunes que se hubieran vendido drones a Doravia.",
    "fr": "Le ministère des Affaires étrangères a démenti lundi toute vente de drones à la Doravie.",
    "de": "Das Außenministerium bestritt am Montag, dass Drohnen an Doravien verkauft worden seien.",
    "it": "Il ministero degli Esteri ha smentito lunedì che siano stati venduti droni alla Doravia.",
    "ru": "Министерство иностранных дел в понедельник опровергло продажу беспилотников Доравии.",
    "uk": "Міністерство закордонних справ у понеділок спростувало продаж безпілотників Доравії.",
    "vi": "Bộ Ngoại giao hôm thứ Hai bác bỏ thông tin đã bán máy bay không người lái cho Doravia.",
    "id": "Kementerian Luar Negeri pada hari Senin membantah telah menjual pesawat nirawak ke Doravia.",
    "ar": "نفت وزارة الخارجية يوم الاثنين بيع أي طائرات مسيرة إلى دورافيا.",
    "zh": "外交部周一否认曾向多拉维亚出售任何无人机。",
    "ko": "외교부는 월요일 도라비아에 무인기를 판매한 적이 없다고 부인했다.",
    "ja": "外務省は月曜日、ドラビアに無人機を売却したことはないと否定した。",
}


@pytest.mark.parametrize("language", sorted(SAMPLES))
def test_detects_each_language(language: str) -> None:
    code, confidence = detect_language(SAMPLES[language])
    assert code == language
    assert 0 < confidence <= 1


def test_too_little_text() -> None:
    assert detect_language("12 — !!") == (None, 0.0)


def test_mixed_article_marks_the_foreign_paragraph() -> None:
    english = SAMPLES["en"] + " " + "The ministry added that it had nothing more to say."
    text = f"{english}\n\n{SAMPLES['fr']} Le porte-parole a refusé de commenter.\n\n{english}"
    spans = paragraph_languages(text, "en")
    assert len(spans) == 1
    start, end, code = spans[0]
    assert code == "fr" and text[start:end].startswith("Le ministère")
