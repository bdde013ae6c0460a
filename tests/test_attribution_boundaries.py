"""Speaker spans end where the speaker ends: no trailing dates, audiences or adverbs, no
leading connectives or datelines, no topics or quoted first persons taken for speakers.

Invented sentences; the bench matches speakers by overlap, so boundaries are pinned here.
"""

from __future__ import annotations

import pytest

from claimscope.analyze.attribution import extract_statements
from claimscope.analyze.sentences import split_sentences

# (language, text, expected speakers in order; None = zero subject resolved to the name)
CASES: list[tuple[str, str, list[str | None]]] = [
    ("zh", "一名交通部官员对本网表示，新线路将于年底开通。", ["一名交通部官员"]),
    ("zh", "央行行长孙立次日则称，通胀压力正在减弱。", ["央行行长孙立"]),
    ("zh", "财政部长刘志强3月5日指责反对派夸大了赤字规模。", ["财政部长刘志强"]),
    ("zh", "刘志强同时表示，明年将削减行政开支。", ["刘志强"]),
    ("zh", "北港航运公司方面尚未回应置评请求。", ["北港航运公司方面"]),
    ("zh", "据海川研究所周二发布的一份报告，全省空气质量明显改善。", ["海川研究所"]),
    ("zh", "一名卫生部官员对本社表示，目前“无法证实”有关疫苗短缺的说法。", ["一名卫生部官员"]),
    ("zh", "市长黄文涛周二否认了这一报道，称该报道“毫无根据”。", ["市长黄文涛", "市长黄文涛"]),
    ("zh", "黄文涛在记者会上表示：“我们此前说水质达标，这是错误的。”", ["黄文涛"]),
    (
        "ja",
        "【港北＝あさひ通信】港北市の田中一郎市長は5日、新庁舎の建設を「年内に始める」と明らかにした。",
        ["港北市の田中一郎市長"],
    ),
    (
        "ja",
        "港北市の田中一郎市長は「予算は十分だ」と述べた。一方、財源については「国の補助金を充てる」と説明した。",
        ["港北市の田中一郎市長", None],
    ),
    (
        "ja",
        "外部の専門家による調査の結果を受けたもので、同局長は3月には不正を全面的に否定していた。",
        ["同局長"],
    ),
    (
        "ko",
        "김민수 환경부 장관은 “수질 기준을 모두 충족했다”고 말했다. 다만 그는 “추가 조사가 필요하다”고 덧붙였다.",
        ["김민수 환경부 장관", "그"],
    ),
    (
        "ko",
        "이에 대해 김민수 환경부 장관은 “수질 기준을 모두 충족했다”고 말했다.",
        ["김민수 환경부 장관"],
    ),
    (
        "ko",
        "박서연 시장은 예산안이 통과됐다고 확인했지만 세부 항목에 대해서는 말을 아꼈다.",
        ["박서연 시장", None],
    ),
    (
        "vi",
        '"Chúng tôi đang kiểm tra, nhưng hiện chúng tôi chưa thể xác nhận", ông Trần Văn Hải nói.',
        ["ông Trần Văn Hải"],
    ),
    (
        "id",
        "Ketua partai oposisi, Budi Santoso, pada Senin (3/8) menuding pemerintah memanipulasi data.",
        ["Ketua partai oposisi, Budi Santoso"],
    ),
    (
        "id",
        "Seorang pejabat yang tidak mau disebut namanya mengatakan penyelidikan masih berjalan.",
        ["Seorang pejabat yang tidak mau disebut namanya"],
    ),
    ("de", "Arlien hat Vorwürfe zurückgewiesen, es liefere Waffen an Karsk.", ["Arlien"]),
    (
        "de",
        "Innenminister Paul Brenner hat sich am Montag zurückhaltend zu Berichten über einen "
        "Cyberangriff geäußert.",
        [],
    ),
    (
        "ar",
        'وكان المتحدث باسم الحكومة سامي حداد قد وصف التقارير في 3 مارس بأنها "كاذبة".',
        ["المتحدث باسم الحكومة سامي حداد"],
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_speaker_boundaries(lang: str, text: str, expected: list[str | None]) -> None:
    found = extract_statements(text, split_sentences(text, lang), lang)
    assert [st.speaker for st in found] == expected, [(st.speaker, st.cue) for st in found]
    for st in found:
        if st.speaker is None:
            assert st.speaker_name, st  # a zero subject takes the last speaker's name


def test_headline_topic_is_no_speaker() -> None:
    text = "Brand in Karsk: Drei Verletzte und hoher Sachschaden\n\nDie Feuerwehr war vor Ort."
    found = extract_statements(text, split_sentences(text, "de"), "de", title=None)
    assert not [st for st in found if st.kind == "headline"]
