"""Name and passive bugs of issue 3, one invented sentence (or pair) each: a transliterated
Korean name cut at a native-looking prefix, a Ukrainian genitive country glued to a name,
German organisation-type nouns read as names, the Chinese passive 被指控 and an English
partitive "one of its … representatives" read as a name.
"""

from __future__ import annotations

from _helpers import extract


def test_ko_transliterated_name_is_not_cut_at_a_native_surname() -> None:
    # 나 + 디아 looks like a native surname and given name; 나디아 케르 is one foreign name
    for text in (
        "나디아 케르 대변인은 회담이 다음 달로 연기됐다고 말했다.",
        "나디아 케르는 회담이 다음 달로 연기됐다고 말했다.",
    ):
        (st,) = extract("ko", text)
        assert st.speaker_name == "나디아 케르", text
        assert st.affiliation != "나디아 케르"


def test_ko_native_name_still_split_from_its_organisation() -> None:
    (st,) = extract("ko", "김민수 환경부 장관은 새 규제가 내년에 시행된다고 밝혔다.")
    assert st.speaker_name == "김민수"


def test_uk_genitive_country_after_a_name_is_no_part_of_it() -> None:
    (st,) = extract(
        "uk", "Посол Варанії в Кестрії Олег Сидоренко заявив, що переговори відкладено."
    )
    assert st.speaker_name == "Олег Сидоренко"
    # a later surname-only mention is completed without the country
    text = (
        "Прем'єр Олег Сидоренко Варанії прибув до Кестрії. "
        "Сидоренко заявив, що переговори відкладено."
    )
    sts = extract("uk", text)
    assert [s.speaker_name for s in sts] == ["Олег Сидоренко"]


def test_uk_name_before_a_genitive_country_after_the_cue() -> None:
    (st,) = extract("uk", "«Переговори відкладено», – сказав міністр Олег Сидоренко Кестрії.")
    assert st.speaker_name == "Олег Сидоренко"


def test_de_organisation_type_nouns_are_no_names() -> None:
    cases = [
        ("Das Ministerium teilte mit, die Zahl der Anträge sei gestiegen.", None),
        ("Die Behörde erklärte, der Hafen bleibe bis Freitag geschlossen.", None),
        ("Der Konzern Weltrak wies die Vorwürfe am Montag zurück.", "Weltrak"),
        ("Die Reederei Nordlicht bestätigte, dass zwei Schiffe festsäßen.", "Nordlicht"),
    ]
    for text, name in cases:
        sts = extract("de", text)
        assert len(sts) == 1, text
        assert sts[0].speaker_name == name, text
    # names that hold an "Amt" or "Bank" stay whole
    (st,) = extract("de", "Laut Statistikamt Karsk sind die Preise gestiegen.")
    assert st.speaker_name == "Statistikamt Karsk"


def test_zh_passive_accused_is_no_speaker() -> None:
    assert extract("zh", "该公司被指控向瓦拉尼亚出口武器。") == []
    (st,) = extract("zh", "李明被检方指控在合同中收受贿赂。")
    assert st.speaker == "检方"
    assert st.stance == "assert"
    assert "收受贿赂" in st.content
    sts = extract("zh", "李明被指控受贿，检方称他收受了五十万元。")
    assert [s.speaker for s in sts] == ["检方"]


def test_zh_active_accusation_is_an_assertion() -> None:
    (st,) = extract("zh", "检方指控李明在合同中收受贿赂。")
    assert (st.speaker, st.stance) == ("检方", "assert")


def test_en_one_of_its_representatives_is_unnamed_with_affiliation() -> None:
    (st,) = extract(
        "en", "One of its United Nations representatives said the talks would resume on Monday."
    )
    assert st.speaker_name is None
    assert st.affiliation == "United Nations"
    assert st.anonymous is False
    text = "The talks will resume, said one of its United Nations representatives on Friday."
    (st,) = extract("en", text)
    assert st.speaker_name is None
    assert st.affiliation == "United Nations"


def test_de_fronted_connective_or_topic_leaves_the_speaker_after_the_cue() -> None:
    for text in (
        "Am Dienstag sagte Finanzminister Lukas Brenner, eine Einigung sei noch möglich.",
        "Gleichzeitig betonte Finanzminister Lukas Brenner, eine Einigung sei noch möglich.",
        "Zum Haushaltsstreit sagte Finanzminister Lukas Brenner, eine Einigung sei möglich.",
    ):
        (st,) = extract("de", text)
        assert st.speaker == "Finanzminister Lukas Brenner", text
        assert st.content.startswith("eine Einigung"), text


def test_de_role_with_possessor_then_name() -> None:
    text = "„Die Anlage ist sicher“, sagte die Geschäftsführerin von Datenwerk, Ines Hollmann."
    (st,) = extract("de", text)
    assert st.speaker_name == "Ines Hollmann"
    assert st.affiliation == "Datenwerk"


def test_ja_nested_claim_owner_and_paper_source() -> None:
    sts = extract("ja", "外務省は、領空侵犯があったとするバラニア側の主張を否定した。")
    assert [(s.speaker, s.stance) for s in sts] == [("外務省", "deny"), ("バラニア側", "assert")]
    assert sts[0].content == "領空侵犯があった"
    sts = extract("ja", "地元紙「港町日報」は、警察幹部の話として、容疑者が犯行を認めたと報じた。")
    assert [s.speaker for s in sts] == ["地元紙「港町日報」", "警察幹部"]
    assert sts[0].cue == "と報じた"  # 認めた is reported content, not a cue


def test_vi_organisation_name_kept_whole_and_place_is_no_person() -> None:
    (st,) = extract("vi", "Ngân hàng Trung ương Varania cho biết lãi suất sẽ được giữ nguyên.")
    assert st.speaker_name == "Ngân hàng Trung ương Varania"
    (st,) = extract("vi", "Đại diện Công an huyện Bình Sơn cho biết nghi phạm đã bị bắt.")
    assert st.speaker_name is None


def test_ar_gapped_hedge_keeps_its_speaker() -> None:
    (st,) = extract("ar", "رفض رئيس الوزراء تأكيد أو نفي وجود مفاوضات سرية.")
    assert (st.speaker, st.stance) == ("رئيس الوزراء", "hedge")


def test_vi_theo_doi_is_no_source_and_cited_source_is_anonymous() -> None:
    sts = extract("vi", "Cảnh sát cho biết nghi phạm đã bị theo dõi trong nhiều tháng.")
    assert [s.cue for s in sts] == ["cho biết"]
    sts = extract("vi", "Hãng tin Nordpress dẫn nguồn tin giấu tên cho biết thỏa thuận đã được ký.")
    assert sts[0].speaker_name == "Nordpress"
    assert [(s.speaker, s.anonymous) for s in sts[1:]] == [("nguồn tin giấu tên", True)]


def test_de_so_attribution_and_gapped_according_to() -> None:
    (st,) = extract("de", "„Wir prüfen alle Optionen“, so Ministeriumssprecher Jan Weber.")
    assert (st.speaker_name, st.kind) == ("Jan Weber", "direct")
    (st,) = extract("de", "Die Lage sei ernst, so die Polizei.")
    assert st.speaker == "die Polizei"
    assert extract("de", "Es war kalt, so dass die Schulen schlossen.") == []
    (st,) = extract(
        "de", "Wie die Nachrichtenagentur Nordpress berichtete, soll der Minister gehen."
    )
    assert (st.speaker_name, st.kind) == ("Nordpress", "according_to")
    assert st.content == "soll der Minister gehen"


def test_middle_initials_stay_inside_a_name() -> None:
    text = (
        "Former governor Harold T. Brennick said the dam was safe. "
        "Brennick added that inspections would continue."
    )
    first, second = extract("en", text)
    assert first.speaker_name == "Harold T. Brennick"
    assert second.speaker_name == "Harold T. Brennick"  # the surname resolves to the full name


def test_ru_initial_is_not_the_preposition_v() -> None:
    (st,) = extract("ru", "Министр В. Корнеев заявил, что поставки возобновятся в марте.")
    assert st.speaker_name is not None and st.speaker_name.endswith("Корнеев")


def test_zh_name_holding_zai_is_not_cut_at_it() -> None:
    # 李在明: the 在 inside the name must not open a "在…上" setting phrase to strip.
    (st,) = extract("zh", "外交部发言人李在明在记者会上说，该国从未向邻国出口武器。")
    assert st.speaker_name == "李在明"
    assert st.stance == "deny"


def test_zh_cue_noun_after_zai_is_a_setting_not_a_cue() -> None:
    # "在声明中否认": 声明 is the statement it was said in; 否认 is the cue.
    (st,) = extract("zh", "发言人王明在声明中否认了这一报道。")
    assert (st.speaker_name, st.cue, st.stance) == ("王明", "否认了", "deny")
