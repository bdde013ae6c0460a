"""Claim-text stance: invented examples (6 languages) plus a floor on a slice of FNC-1."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimscope.link.pairstance import (
    LABELS,
    classify,
    classify_pairs,
    fnc1_score,
    load_fnc1,
)
from claimscope.link.pairstance_features import CUE_CATS, LANGUAGES, cue_patterns

CLAIM = "Giant squid found alive in Lake Geneva by local fishermen"

DENIAL = (
    "A photo said to show a giant squid pulled alive from Lake Geneva is a hoax, the "
    "cantonal police said on Tuesday. The picture of the squid was doctored, officials "
    "explained, and no fishermen on the lake reported any such catch. Biologists said the "
    "claim is false: a squid cannot survive in fresh water. The fake image was first shared "
    "by a satirical website and later debunked by fact checkers."
)
SUPPORT = (
    "Fishermen on Lake Geneva found a giant squid alive on Monday morning, the lake "
    "authority confirmed. The squid, nearly four metres long, was caught in nets near "
    "Lausanne by local fishermen. Officials confirmed the animal is a giant squid and said "
    "it was taken to a research aquarium, where biologists verified the species."
)
DISCUSS = (
    "Social media users are sharing pictures that reportedly show a giant squid found alive "
    "in Lake Geneva. According to posts that went viral on Sunday, local fishermen allegedly "
    "pulled the animal from the lake. The claims could not be verified, and it is unclear "
    "where the images come from. Police said they are looking into the reports."
)
UNRELATED = (
    "The city council approved a new budget for public libraries on Thursday, adding "
    "funds for evening opening hours. The mayor said the plan would cost about two million "
    "euros over three years and that a new reading room will open in the spring."
)

# Invented pairs (not from any dataset): the product's use, a claim against texts in other languages.
# For each language: the claim, then a denial, a support, a discussion and an unrelated text.
MULTILINGUAL: dict[str, tuple[str, dict[str, str]]] = {
    "en": (
        "North Korea sent 10,000 troops to Russia",
        {
            "denies": "The Kremlin on Friday denied reports that North Korea had sent troops to Russia, calling them fake news. Spokesman Dmitry Peskov said there is no evidence of any North Korean troops in Russia. Pyongyang also dismissed the claims as groundless.",
            "supports": "The Pentagon confirmed on Monday that North Korea has sent about 10,000 troops to Russia. The North Korean troops are training in eastern Russia before being sent to the front in Ukraine, a spokesman said. Satellite images show the troops arriving.",
            "discusses": "South Korean media reported that North Korea may have sent troops to Russia. According to unnamed intelligence sources, the number of troops has not been confirmed. Analysts say the reports are plausible but could not be verified.",
            "unrelated": "The city council approved a new budget for public libraries on Thursday, adding funds for evening opening hours. The mayor said the plan would cost about two million euros over three years.",
        },
    ),
    "pt": (
        "Coreia do Norte enviou 10 mil soldados para a Rússia",
        {
            "denies": "O Kremlin negou nesta sexta-feira que a Coreia do Norte tenha enviado soldados para a Rússia. O porta-voz Dmitri Peskov disse que a notícia é falsa e que não há provas de soldados norte-coreanos na Rússia. Pyongyang também rejeitou as acusações, que considerou infundadas.",
            "supports": "O Pentágono confirmou na segunda-feira que a Coreia do Norte enviou cerca de 10 mil soldados para a Rússia. Os soldados norte-coreanos estão em treino no leste da Rússia antes de seguirem para a frente na Ucrânia, disse o porta-voz. Imagens de satélite mostram a chegada dos soldados.",
            "discusses": "A imprensa sul-coreana noticiou que a Coreia do Norte teria enviado soldados para a Rússia. Segundo fontes dos serviços de informações, o número de soldados ainda não foi confirmado. Analistas dizem que os relatos são plausíveis, mas não puderam ser verificados.",
            "unrelated": "A câmara municipal aprovou na quinta-feira um novo orçamento para as bibliotecas públicas, com mais verbas para o horário noturno. O presidente da câmara disse que o plano custará cerca de dois milhões de euros em três anos.",
        },
    ),
    "vi": (
        "Triều Tiên đã gửi 10.000 binh sĩ sang Nga",
        {
            "denies": "Điện Kremlin hôm thứ Sáu bác bỏ thông tin Triều Tiên gửi binh sĩ sang Nga. Người phát ngôn Dmitry Peskov nói đây là tin giả và không có bằng chứng nào về binh sĩ Triều Tiên ở Nga. Bình Nhưỡng cũng phủ nhận các cáo buộc này là vô căn cứ.",
            "supports": "Lầu Năm Góc hôm thứ Hai xác nhận Triều Tiên đã gửi khoảng 10.000 binh sĩ sang Nga. Các binh sĩ Triều Tiên đang huấn luyện ở miền đông nước Nga trước khi ra mặt trận Ukraine, người phát ngôn cho biết. Ảnh vệ tinh cho thấy binh sĩ đã đến Nga.",
            "discusses": "Truyền thông Hàn Quốc đưa tin Triều Tiên có thể đã gửi binh sĩ sang Nga. Theo nguồn tin tình báo giấu tên, số lượng binh sĩ chưa được xác nhận. Các nhà phân tích cho rằng thông tin này có thể đúng nhưng chưa thể kiểm chứng.",
            "unrelated": "Hội đồng thành phố hôm thứ Năm thông qua ngân sách mới cho các thư viện công cộng, bổ sung kinh phí để mở cửa buổi tối. Thị trưởng cho biết kế hoạch sẽ tốn khoảng hai triệu euro trong ba năm.",
        },
    ),
    "ru": (
        "Северная Корея отправила 10 тысяч военных в Россию",
        {
            "denies": "В Кремле в пятницу опровергли сообщения о том, что Северная Корея отправила военных в Россию. Пресс-секретарь Дмитрий Песков назвал эти сообщения фейком и заявил, что нет доказательств присутствия северокорейских военных в России. В Пхеньяне также отвергли эти обвинения как беспочвенные.",
            "supports": "Пентагон в понедельник подтвердил, что Северная Корея отправила в Россию около 10 тысяч военных. Северокорейские военные проходят подготовку на востоке России перед отправкой на фронт в Украине, сообщил представитель ведомства. Спутниковые снимки показывают прибытие военных.",
            "discusses": "Южнокорейские СМИ сообщили, что Северная Корея якобы отправила военных в Россию. По данным неназванных источников в разведке, численность военных пока не подтверждена. Аналитики считают, что это возможно, однако информацию не удалось проверить.",
            "unrelated": "Городской совет в четверг утвердил новый бюджет для публичных библиотек, выделив средства на вечерние часы работы. Мэр сказал, что план обойдется примерно в два миллиона евро за три года.",
        },
    ),
    "zh": (
        "朝鲜向俄罗斯派遣了一万名士兵",
        {
            "denies": "克里姆林宫周五否认了朝鲜向俄罗斯派遣士兵的报道。发言人佩斯科夫表示，这是假新闻，没有证据表明朝鲜士兵在俄罗斯。平壤也驳斥这些说法毫无根据。",
            "supports": "五角大楼周一证实，朝鲜已向俄罗斯派遣约一万名士兵。发言人说，这些朝鲜士兵正在俄罗斯东部接受训练，随后将被派往乌克兰前线。卫星图像显示士兵已经抵达。",
            "discusses": "韩国媒体报道称，朝鲜可能已向俄罗斯派遣士兵。据未具名的情报人士称，士兵人数尚未证实。分析人士认为这种说法或许属实，但目前无法核实。",
            "unrelated": "市议会周四批准了公共图书馆的新预算，增加了晚间开放的经费。市长说，该计划将在三年内花费约两百万欧元。",
        },
    ),
    "ar": (
        "كوريا الشمالية أرسلت عشرة آلاف جندي إلى روسيا",
        {
            "denies": "نفى الكرملين يوم الجمعة التقارير التي تفيد بأن كوريا الشمالية أرسلت جنودا إلى روسيا. وقال المتحدث دميتري بيسكوف إن هذه الأخبار كاذبة ولا يوجد دليل على وجود جنود كوريين شماليين في روسيا. كما رفضت بيونغ يانغ هذه الاتهامات ووصفتها بأنها لا أساس لها من الصحة.",
            "supports": "أكدت وزارة الدفاع الأمريكية يوم الاثنين أن كوريا الشمالية أرسلت نحو عشرة آلاف جندي إلى روسيا. وقال المتحدث إن الجنود الكوريين الشماليين يتدربون في شرق روسيا قبل إرسالهم إلى الجبهة في أوكرانيا. وتظهر صور الأقمار الصناعية وصول الجنود.",
            "discusses": "ذكرت وسائل إعلام كورية جنوبية أن كوريا الشمالية ربما أرسلت جنودا إلى روسيا. وبحسب مصادر استخباراتية لم تكشف عن هويتها، لم يتم التأكد من عدد الجنود. ويعتقد محللون أن ذلك ممكن، لكن لم يتسن التحقق من المعلومات.",
            "unrelated": "وافق مجلس المدينة يوم الخميس على ميزانية جديدة للمكتبات العامة، مع تمويل إضافي لساعات العمل المسائية. وقال رئيس البلدية إن الخطة ستكلف نحو مليوني يورو على مدى ثلاث سنوات.",
        },
    ),
}

MULTI_CASES = [(lang, label) for lang, (_, texts) in MULTILINGUAL.items() for label in texts]

SHARED_FNC1 = Path(__file__).resolve().parents[1].parent / "shared" / "datasets" / "fnc1"
# Measured on the first 300 competition-test pairs: 81.3%; the floor leaves a margin.
SAMPLE_FLOOR = 0.76


def test_denial_is_denies() -> None:
    assert classify(CLAIM, DENIAL)[0] == "denies"


def test_support_is_supports() -> None:
    assert classify(CLAIM, SUPPORT)[0] == "supports"


def test_hedged_report_is_discusses() -> None:
    assert classify(CLAIM, DISCUSS)[0] == "discusses"


def test_unrelated_text_is_unrelated() -> None:
    assert classify(CLAIM, UNRELATED)[0] == "unrelated"


@pytest.mark.parametrize(("lang", "label"), MULTI_CASES)
def test_multilingual_pairs(lang: str, label: str) -> None:
    claim, texts = MULTILINGUAL[lang]
    assert classify(claim, texts[label])[0] == label


@pytest.mark.parametrize("lang", sorted(MULTILINGUAL))
def test_multilingual_pairs_with_language_hint(lang: str) -> None:
    claim, texts = MULTILINGUAL[lang]
    out = classify_pairs([(claim, t) for t in texts.values()], language=lang)
    assert [lab for lab, _ in out] == list(texts)


def test_cue_lists_load_for_every_language() -> None:
    for code in LANGUAGES:
        pats = cue_patterns(code)
        assert len(pats) == len(CUE_CATS)
        for cat in ("deny", "refute", "hedge", "negation"):
            assert pats[CUE_CATS.index(cat)] is not None, (code, cat)


def test_cue_matching_modes() -> None:
    deny = CUE_CATS.index("deny")
    assert cue_patterns("en")[deny].search("the kremlin denied it")
    assert not cue_patterns("en")[deny].search("undenied")  # word boundary
    assert cue_patterns("zh")[deny].search("克里姆林宫否认了报道")  # substring, no spaces
    assert cue_patterns("ko")[deny].search("크렘린궁은 보도를 부인했다")  # stem + ending


def test_labels_and_confidences_are_valid() -> None:
    pairs = [(CLAIM, t) for t in (DENIAL, SUPPORT, DISCUSS, UNRELATED)]
    pairs += [("", ""), (CLAIM, ""), ("", SUPPORT), ("?", "!!!\n\n...")]
    out = classify_pairs(pairs)
    assert len(out) == len(pairs)
    for label, conf in out:
        assert label in LABELS
        assert 0.0 <= conf <= 1.0


def test_language_hint_is_accepted() -> None:
    claim = "O Kremlin confirmou o envio de tropas"
    text = "O Kremlin negou o envio de tropas e disse que a notícia é falsa, um boato sem provas."
    label, conf = classify_pairs([(claim, text)], language="pt")[0]
    assert label in LABELS and 0.0 <= conf <= 1.0
    assert classify_pairs([], language="vi") == []


def test_score_matches_official_definition() -> None:
    gold = ["supports", "unrelated", "denies", "discusses"]
    assert fnc1_score(gold, gold) == 1.0
    # Related/unrelated right but wrong stance: 0.25 of that pair's 1.0.
    assert fnc1_score(["supports"], ["denies"]) == 0.25
    assert fnc1_score(["unrelated"], ["denies"]) == 0.0


def test_fnc1_sample_floor() -> None:
    if not (SHARED_FNC1 / "competition_test_stances.csv").exists():
        pytest.skip("FNC-1 not present in ../shared")
    rows = load_fnc1(SHARED_FNC1, "competition_test")[:300]
    pred = [lab for lab, _ in classify_pairs((h, b) for h, b, _ in rows)]
    assert fnc1_score([lab for *_, lab in rows], pred) >= SAMPLE_FLOOR
