"""Statement dates in 14 languages, counted back from the publication date.

P is a Friday (2024-10-11); Y is a Tuesday just after new year (2024-01-02), for the
year boundary. The sentences are invented. bench/bench_dates.py reuses CASES.
"""

from __future__ import annotations

import pytest

from claimscope.link.dates import find_dates, parse_published, resolve_date

P = "2024-10-11"
Y = "2024-01-02"
T, A, PUB = "text", "text-approx", "published"

# (language, sentence, published, expected date, expected source)
CASES: list[tuple[str, str, str | None, str | None, str | None]] = [
    # English
    ("en", "The minister said on Thursday that the bridge would reopen.", P, "2024-10-10", T),
    ("en", "Speaking last Friday, the mayor denied the report.", P, "2024-10-04", T),
    ("en", "Officials said Friday the talks had stalled.", P, "2024-10-11", T),
    ("en", "The agency said yesterday that exports fell.", P, "2024-10-10", T),
    (
        "en",
        "In a statement on October 8, 2024, the ministry rejected the claim.",
        P,
        "2024-10-08",
        T,
    ),
    ("en", "Earlier this month the envoy said the deal was dead.", P, "2024-10-01", A),
    ("en", "The spokesman said last week that no drones were sent.", P, "2024-09-30", A),
    ("en", "The company said the plant would close in 2026.", P, P, PUB),
    ("en", "She told reporters on Friday the fence was finished.", Y, "2023-12-29", T),
    ("en", "The council said on 30 December that rents would rise.", Y, "2023-12-30", T),
    ("en", "The ministry said on Monday it will hold talks on October 20.", P, "2024-10-07", T),
    ("en", "Nobody has commented.", None, None, None),
    # Portuguese
    ("pt", "O ministro afirmou na quinta-feira que a ponte reabrirá.", P, "2024-10-10", T),
    ("pt", "Nesta terça-feira (8), o porta-voz negou as acusações.", P, "2024-10-08", T),
    ("pt", "A empresa disse ontem que as vendas caíram.", P, "2024-10-10", T),
    ("pt", "Em 10 de outubro, o governo anunciou o plano.", P, "2024-10-10", T),
    ("pt", "Na segunda passada, a ministra disse que não haverá cortes.", P, "2024-10-07", T),
    ("pt", "O diretor disse na semana passada que o contrato foi assinado.", P, "2024-09-30", A),
    ("pt", "Foi a segunda vez que o clube perdeu.", P, P, PUB),
    ("pt", "O prefeito disse no domingo que a obra atrasou.", Y, "2023-12-31", T),
    # Spanish
    ("es", "El ministro dijo el martes pasado que no habrá recortes.", P, "2024-10-08", T),
    ("es", "La portavoz afirmó el jueves que la frontera sigue abierta.", P, "2024-10-10", T),
    ("es", "El gobierno aseguró ayer que el acuerdo sigue vigente.", P, "2024-10-10", T),
    ("es", "El 9 de octubre de 2024 el fiscal presentó cargos.", P, "2024-10-09", T),
    ("es", "A principios de este mes el banco elevó los tipos.", P, "2024-10-01", A),
    ("es", "El alcalde dijo el viernes 29 que la obra terminó.", Y, "2023-12-29", T),
    ("es", "El club confirmó el fichaje.", P, P, PUB),
    # French
    ("fr", "Le ministre a déclaré jeudi que le pont rouvrirait.", P, "2024-10-10", T),
    ("fr", "La porte-parole a démenti mardi dernier toute livraison.", P, "2024-10-08", T),
    ("fr", "Le maire a affirmé hier que le budget était bouclé.", P, "2024-10-10", T),
    ("fr", "Le 1er octobre, l'agence a publié ses chiffres.", P, "2024-10-01", T),
    ("fr", "Le syndicat a indiqué la semaine dernière qu'il ferait grève.", P, "2024-09-30", A),
    ("fr", "Le préfet a déclaré samedi que la route était fermée.", Y, "2023-12-30", T),
    ("fr", "L'entreprise a confirmé la fermeture.", P, P, PUB),
    # German
    ("de", "Der Minister sagte am Dienstag, die Brücke werde geöffnet.", P, "2024-10-08", T),
    (
        "de",
        "Die Sprecherin erklärte am vergangenen Freitag, es gebe keine Pläne.",
        P,
        "2024-10-04",
        T,
    ),
    ("de", "Das Amt teilte gestern mit, die Zahlen seien gestiegen.", P, "2024-10-10", T),
    ("de", "Am 10. Oktober 2024 legte die Behörde den Bericht vor.", P, "2024-10-10", T),
    ("de", "Der Bürgermeister sagte am Mittwochabend, er trete zurück.", P, "2024-10-09", T),
    ("de", "Die Bank sagte Anfang des Monats, die Zinsen blieben stabil.", P, "2024-10-01", A),
    ("de", "Der Sprecher sagte am 30.12.2023, alles sei geklärt.", Y, "2023-12-30", T),
    ("de", "Die Firma bestätigte den Verkauf.", P, P, PUB),
    # Italian
    ("it", "Il ministro ha detto giovedì che il ponte riaprirà.", P, "2024-10-10", T),
    ("it", "La portavoce ha smentito martedì scorso ogni accordo.", P, "2024-10-08", T),
    ("it", "Il sindaco ha dichiarato ieri che i lavori sono finiti.", P, "2024-10-10", T),
    ("it", "Il 9 ottobre il governo ha approvato il piano.", P, "2024-10-09", T),
    ("it", "La società ha detto la settimana scorsa che assumerà.", P, "2024-09-30", A),
    ("it", "Il prefetto ha detto domenica che la strada è chiusa.", Y, "2023-12-31", T),
    ("it", "L'azienda ha confermato la chiusura.", P, P, PUB),
    # Russian
    ("ru", "Министр заявил в понедельник, что мост откроют.", P, "2024-10-07", T),
    ("ru", "Во вторник пресс-секретарь опроверг эти сообщения.", P, "2024-10-08", T),
    ("ru", "Представитель ведомства сообщил вчера о новых данных.", P, "2024-10-10", T),
    ("ru", "10 октября министерство опубликовало отчёт.", P, "2024-10-10", T),
    ("ru", "В прошлую пятницу мэр заявил об отставке.", P, "2024-10-04", T),
    ("ru", "На прошлой неделе банк сообщил о снижении ставки.", P, "2024-09-30", A),
    ("ru", "Охрана окружающей среда важна, заявил эколог.", P, P, PUB),
    ("ru", "Губернатор заявил в субботу, что дороги расчищены.", Y, "2023-12-30", T),
    # Ukrainian
    ("uk", "Міністр заявив у четвер, що міст відкриють.", P, "2024-10-10", T),
    ("uk", "У п’ятницю речниця спростувала ці повідомлення.", P, "2024-10-11", T),
    ("uk", "Представник відомства повідомив учора про нові дані.", P, "2024-10-10", T),
    ("uk", "9 жовтня міністерство оприлюднило звіт.", P, "2024-10-09", T),
    ("uk", "Мер заявив минулого тижня, що бюджет ухвалено.", P, "2024-09-30", A),
    ("uk", "Губернатор заявив 31 грудня, що дороги розчищені.", Y, "2023-12-31", T),
    # Vietnamese
    ("vi", "Hôm 10/10, người phát ngôn cho biết cây cầu sẽ mở lại.", P, "2024-10-10", T),
    ("vi", "Bộ trưởng phát biểu đêm 21/10 rằng kế hoạch đã xong.", "2024-10-22", "2024-10-21", T),
    ("vi", "Ông nói hôm thứ Hai rằng không có thỏa thuận nào.", P, "2024-10-07", T),
    ("vi", "Người phát ngôn cho biết hôm qua rằng hàng xuất khẩu giảm.", P, "2024-10-10", T),
    ("vi", "Thứ Năm tuần trước, bộ này cho biết đã ký hợp đồng.", P, "2024-10-03", T),
    ("vi", "Đây là lần thứ hai đội bóng thua trên sân nhà.", P, P, PUB),
    ("vi", "Ngày 30/12, chính quyền thông báo giá điện tăng.", Y, "2023-12-30", T),
    ("vi", "Bộ này cho biết đầu tháng này rằng giá xăng sẽ giảm.", P, "2024-10-01", A),
    # Indonesian
    ("id", "Menteri itu mengatakan pada Kamis (10/10) bahwa jembatan dibuka.", P, "2024-10-10", T),
    ("id", "Juru bicara membantah laporan itu pada hari Senin.", P, "2024-10-07", T),
    ("id", "Pemerintah mengatakan kemarin bahwa ekspor turun.", P, "2024-10-10", T),
    ("id", "Pada 9 Oktober 2024, bank sentral menaikkan suku bunga.", P, "2024-10-09", T),
    ("id", "Perusahaan itu mengatakan pekan lalu bahwa pabrik ditutup.", P, "2024-09-30", A),
    ("id", "Dua minggu kemudian proyek itu selesai, kata dia.", P, P, PUB),
    ("id", "Wali kota mengatakan pada Minggu bahwa jalan ditutup.", Y, "2023-12-31", T),
    # Arabic
    ("ar", "قال الوزير يوم الخميس إن الجسر سيفتح.", P, "2024-10-10", T),
    ("ar", "نفى المتحدث الثلاثاء الماضي هذه التقارير.", P, "2024-10-08", T),
    ("ar", "أعلنت الوزارة أمس أن الصادرات تراجعت.", P, "2024-10-10", T),
    ("ar", "في 9 أكتوبر 2024 أصدرت الحكومة بيانا.", P, "2024-10-09", T),
    ("ar", "وقال المسؤول في ١٠ تشرين الأول إن المحادثات مستمرة.", P, "2024-10-10", T),
    ("ar", "قال البنك الأسبوع الماضي إن الأسعار سترتفع.", P, "2024-09-30", A),
    ("ar", "قال المحافظ يوم الأحد إن الطرق مغلقة.", Y, "2023-12-31", T),
    ("ar", "أكدت الشركة إغلاق المصنع.", P, P, PUB),
    # Chinese
    ("zh", "外交部发言人周三表示，双方将继续对话。", P, "2024-10-09", T),
    ("zh", "该部长星期三表示，桥梁将重新开放。", P, "2024-10-09", T),
    ("zh", "据新华社10日报道，官员表示出口下降。", P, "2024-10-10", T),
    ("zh", "10月10日，该部门发布了报告。", P, "2024-10-10", T),
    ("zh", "发言人昨天表示，谈判陷入僵局。", P, "2024-10-10", T),
    ("zh", "该公司上周三表示将关闭工厂。", P, "2024-10-02", T),
    ("zh", "市长30日表示，道路已经关闭。", Y, "2023-12-30", T),
    ("zh", "该公司确认了关闭工厂的消息。", P, P, PUB),
    ("zh", "工程将在30日内完成，官员表示。", P, P, PUB),
    # Korean
    ("ko", "대변인은 10일(현지시간) 기자들에게 다리가 다시 열린다고 말했다.", P, "2024-10-10", T),
    ("ko", "장관은 지난 8일 그런 계획이 없다고 밝혔다.", P, "2024-10-08", T),
    ("ko", "외교부는 월요일에 성명을 내고 보도를 부인했다.", P, "2024-10-07", T),
    ("ko", "국방부는 어제 훈련이 끝났다고 밝혔다.", P, "2024-10-10", T),
    ("ko", "시장은 10일 동안 도로를 통제하겠다고 말했다.", P, P, PUB),
    ("ko", "2024년 10월 9일 정부는 새 계획을 발표했다.", P, "2024-10-09", T),
    ("ko", "시장은 30일 도로가 폐쇄됐다고 말했다.", Y, "2023-12-30", T),
    ("ko", "은행은 지난주 금리를 동결한다고 밝혔다.", P, "2024-09-30", A),
    # Japanese
    ("ja", "報道官は10日、橋を再開すると述べた。", P, "2024-10-10", T),
    ("ja", "外務省は月曜日に声明を発表した。", P, "2024-10-07", T),
    ("ja", "大臣は昨日、計画はないと語った。", P, "2024-10-10", T),
    ("ja", "政府は10月9日、新しい計画を発表した。", P, "2024-10-09", T),
    ("ja", "工事は10日間続くと市長は述べた。", P, P, PUB),
    ("ja", "市長は３０日、道路が閉鎖されたと述べた。", Y, "2023-12-30", T),
    ("ja", "銀行は先週、金利を据え置くと発表した。", P, "2024-09-30", A),
]

RESOLVE_CASES = [pytest.param(*case, id=f"{case[0]}-{i}") for i, case in enumerate(CASES)]


@pytest.mark.parametrize(("language", "text", "published", "expected", "source"), RESOLVE_CASES)
def test_resolve_date(
    language: str, text: str, published: str | None, expected: str | None, source: str | None
) -> None:
    assert resolve_date(text, language, published) == (expected, source)


def test_all_fourteen_languages_covered() -> None:
    languages = {case[0] for case in CASES}
    assert languages == {
        "en",
        "pt",
        "es",
        "fr",
        "de",
        "it",
        "ru",
        "uk",
        "vi",
        "id",
        "ar",
        "zh",
        "ko",
        "ja",
    }


def test_datetime_publication_and_unknown_language() -> None:
    assert resolve_date("No date here.", "xx", "2024-10-11T08:30:00+02:00") == (
        "2024-10-11",
        "published",
    )
    assert resolve_date("Il a parlé le 2024-10-09.", None, P) == ("2024-10-09", "text")
    assert resolve_date("", "en", None) == (None, None)


def test_absolute_date_without_publication() -> None:
    assert resolve_date("On October 8, 2024, the ministry said so.", "en", None) == (
        "2024-10-08",
        "text",
    )
    # Relative words need the publication date.
    assert resolve_date("The ministry said on Monday it agreed.", "en", None) == (None, None)


def test_future_dates_are_events_not_statement_dates() -> None:
    text = "The minister said the vote will be held on 20 October 2024."
    assert resolve_date(text, "en", P) == (P, "published")


def test_anchor_prefers_expression_near_the_verb() -> None:
    text = "After the attack on 3 October, the minister said on Wednesday that talks would resume."
    assert resolve_date(text, "en", P) == ("2024-10-09", "text")
    assert resolve_date(text, "en", P, anchor=0) == ("2024-10-03", "text")


def test_weekday_same_day_and_last() -> None:
    assert resolve_date("He spoke on Friday.", "en", P)[0] == "2024-10-11"
    assert resolve_date("He spoke last Friday.", "en", P)[0] == "2024-10-04"


def test_find_dates_offsets() -> None:
    text = "On Monday, the ministry said; yesterday it denied it."
    spans = find_dates(text, "en", P)
    assert [(text[s:e], d) for s, e, d, _ in spans] == [
        ("Monday", "2024-10-07"),
        ("yesterday", "2024-10-10"),
    ]


def test_parse_published() -> None:
    assert str(parse_published("2024-10-11T23:59:00Z")) == "2024-10-11"
    assert parse_published("not a date") is None
