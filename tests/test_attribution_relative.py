"""Issue 3, attribution bugs: an English relative pronoun after a comma ("Mayor X, who said
…, recalled …") taken as the speaker, and Vietnamese "chuyên phân tích" (specialises in
analysis) read as a reporting cue; fr "qui" likewise, es "que" kept. Invented sentences only.
"""

from __future__ import annotations

from _helpers import extract


def test_en_relative_who_resolves_to_its_antecedent_for_both_cues() -> None:
    text = (
        "Mayor Ellen Dorsey, who said last week that the plant was safe, "
        "recalled on Monday that inspectors had found no leak."
    )
    for learned in (True, False):
        by_cue = {st.cue: st for st in extract("en", text, learned)}
        said, recalled = by_cue["said"], by_cue["recalled"]
        for st in (said, recalled):
            assert st.speaker == "Mayor Ellen Dorsey", (learned, st)
            assert st.speaker_name == "Ellen Dorsey"
        assert said.content.endswith("the plant was safe")
        assert recalled.content.endswith("inspectors had found no leak")
        assert "plant" not in recalled.content


def test_en_relative_which_resolves_to_an_organisation() -> None:
    text = (
        "The port authority, which said in May that the pier was sound, "
        "conceded on Friday that cracks had appeared."
    )
    by_cue = {st.cue: st for st in extract("en", text)}
    assert {st.speaker for st in by_cue.values()} == {"The port authority"}
    assert by_cue["said"].content.endswith("the pier was sound")
    assert by_cue["conceded"].content.endswith("cracks had appeared")


def test_en_relative_clause_without_cue_keeps_the_main_statement() -> None:
    text = "The senator, who has campaigned against the tariff, argued that prices would rise."
    (st,) = extract("en", text)
    assert (st.speaker, st.cue, st.content) == ("The senator", "argued", "prices would rise")


def test_vi_chuyen_phan_tich_is_no_cue() -> None:
    text = (
        "Anh Minh làm kỹ sư cho một công ty chuyên phân tích ảnh chụp từ máy bay không người lái."
    )
    assert extract("vi", text) == []
    # "phân tích" as a reporting verb still counts
    (st,) = extract("vi", "Ông Trần Văn Hải phân tích rằng giá cà phê sẽ tăng trong quý tới.")
    assert st.cue == "phân tích"
    assert st.speaker_name == "Trần Văn Hải"


def test_fr_relative_qui_resolves_to_its_antecedent() -> None:
    text = (
        "La ministre Claire Vasseur, qui avait assuré en mars que le barrage tiendrait, "
        "a reconnu mardi que des fissures étaient apparues."
    )
    by_cue = {st.cue: st for st in extract("fr", text)}
    assert set(by_cue) == {"avait assuré", "a reconnu"}
    assert {st.speaker_name for st in by_cue.values()} == {"Claire Vasseur"}
    assert by_cue["avait assuré"].content == "le barrage tiendrait"
    assert by_cue["a reconnu"].content == "des fissures étaient apparues"


def test_es_relative_que_keeps_its_antecedent() -> None:
    text = (
        "El ministro Tomás Ibarra, que aseguró en marzo que la presa resistiría, "
        "reconoció el martes que habían aparecido grietas."
    )
    by_cue = {st.cue: st for st in extract("es", text)}
    assert {st.speaker_name for st in by_cue.values()} == {"Tomás Ibarra"}
    assert by_cue["reconoció"].content == "habían aparecido grietas"
