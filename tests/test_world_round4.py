"""W11 (#13): Chinese names after kinship words and as nicknames, workplaces without a suffix, Korean
clinics after a place word, Thai names after relation words, signatures after closing formulas, and
Thai, Vietnamese, Indonesian, Mongolian and Central Asian addresses. All values are invented."""
import pytest

from world_fixtures import check


@pytest.mark.parametrize("text, gone, kept", [
    ("我媽媽張慧芬想做拉皮。", ["張慧芬"], ["我媽媽", "拉皮"]),
    ("我先生吳啟航也要預約。", ["吳啟航"], ["我先生", "預約"]),
    ("朋友都叫我Kiki，我想预约热玛吉。", ["Kiki"], ["朋友都叫我", "热玛吉"]),
    ("大家叫我小柚就好。", ["小柚"], ["就好"]),
    ("我叫陈雅琪（Tan Ya Qi），想问价格。", ["Tan", "Ya Qi"], ["想问价格"]),
    ("我是黄思敏 (Wong Sze Man)，想问价格。", ["Wong", "Sze"], []),
    ("[2024/3/5 21:14] 晓岚：那家诊所好吗", ["晓岚"], ["诊所"]),
])
def test_chinese_names_go(text, gone, kept):
    check(text, gone, kept)


@pytest.mark.parametrize("text", [
    "我妈妈想做眼袋手术，我爸爸有高血压。",
    "医生叫我吃药。",
    "玻尿酸（Restylane Lyft）多少钱？",
])
def test_chinese_kinship_and_drug_sentences_stay(text):
    assert check(text, [], []) == text


@pytest.mark.parametrize("text, gone, kept", [
    ("我在云帆当护士。", ["云帆"], ["护士"]),
    ("之前在和顺醫院做過檢查。", ["和顺"], ["醫院", "檢查"]),
    ("上次在康悦診所看过皮肤。", ["康悦"], ["診所"]),
    ("会社（アオバ精工）で事務をしています。", ["アオバ精工"], ["事務"]),
    ("강남구 별빛치과에서 교정했어요.", ["별빛"], ["치과", "교정"]),
    ("분당 맑은눈안과의원 다녀왔어요.", ["맑은눈"], ["안과의원"]),
    ("저는 공무원이고 해양수산부에서 근무합니다.", ["해양수산부"], ["공무원", "근무"]),
    ("ฉันเป็นนิสิตศรีนครินทร์มหาวิทยาลัยค่ะ", ["ศรีนครินทร์"], ["นิสิต"]),
])
def test_workplaces_go(text, gone, kept):
    check(text, gone, kept)


@pytest.mark.parametrize("text", [
    "我在医院工作，想咨询双眼皮。",
    "之前在皮肤科诊所做过光子嫩肤。",
    "我在外面上班，晚上才有空。",
    "这家医院很好，韩国的整形医院也不错。",
    "会社の健康診断で肝機能が引っかかりました。",
])
def test_workplace_kinds_stay(text):
    assert check(text, [], []) == text


@pytest.mark.parametrize("text, kept", [
    ("강남구 치과에서 발치했어요.", ["치과에서 발치"]),
    ("강남 동네 치과에서 스케일링 받았어요.", ["동네 치과에서 스케일링"]),
])
def test_korean_clinics_without_a_name_stay(text, kept):
    check(text, [], kept)


@pytest.mark.parametrize("text, gone, kept", [
    ("ลูกสาวหนูน้องมะปรางอายุ 8 ขวบค่ะ", ["มะปราง"], ["ลูกสาว", "อายุ"]),
    ("พี่สาวนิดจะมาด้วยค่ะ", ["นิด"], ["พี่สาว", "จะมาด้วยค่ะ"]),
    ("แฟนหนูต้นจะพามาค่ะ", ["ต้น"], ["แฟน", "พามาค่ะ"]),
])
def test_thai_names_after_relation_words_go(text, gone, kept):
    check(text, gone, kept)


@pytest.mark.parametrize("text", [
    "แม่ปวดหัวบ่อยค่ะ",
    "ลูกสาวสองคนอยากทำฟันค่ะ",
    "พี่สาวเป็นคนแนะนำค่ะ",
    "ลูกชายอายุ 5 ขวบค่ะ",
])
def test_thai_relation_sentences_stay(text):
    assert check(text, [], []) == text


@pytest.mark.parametrize("text, gone, kept", [
    ("Спасибо,\nЖеня", ["Женя"], ["Спасибо"]),
    ("с уважением,\nваня", ["ваня"], ["уважением"]),
    ("С уважением,\nВера", ["Вера"], ["уважением"]),
    ("よろしくお願いします。\nさくま", ["さくま"], ["よろしくお願いします"]),
    ("Cheers,\nHope Delacroix", ["Hope", "Delacroix"], ["Cheers"]),
])
def test_signatures_go(text, gone, kept):
    check(text, gone, kept)


@pytest.mark.parametrize("text", [
    "Спасибо, жду ответа.",
    "Thanks,\nlooking forward to it",
    "Best regards,\nBotox",
    "よろしくお願いします。\n予約希望です",
])
def test_closing_sentences_stay(text):
    assert check(text, [], []) == text


@pytest.mark.parametrize("text, gone", [
    ("Адрес: г. Караганда, проспект Бухар-Жырау 71/204, кв. 18", ["71/204", "Бухар-Жырау", "18"]),
    ("адрес: город Ош, улица Ленина 95/1, квартира 3", ["95/1", "квартира 3"]),
    ("ที่อยู่ 77/12 หมู่ 4 ถ.เพชรเกษม ต.หนองแก อ.หัวหิน จ.ประจวบคีรีขันธ์ 77110",
     ["77/12", "เพชรเกษม", "หนองแก", "77110"]),
    ("Địa chỉ: 48 Hai Bà Trưng, Phường 6, Quận 3, TP. Hồ Chí Minh", ["48 Hai Bà Trưng", "Phường 6"]),
    ("Alamat: Jl. Kenanga No. 7, RT 02/RW 09, Kel. Sukamaju", ["Kenanga", "RT 02/RW 09"]),
    ("Хаяг: Баянзүрх дүүрэг, 5-р хороо, 21-р байр, 56 тоот", ["Баянзүрх", "56 тоот"]),
])
def test_addresses_go(text, gone):
    check(text, gone, [])


@pytest.mark.parametrize("text", [
    "ถนนสุขุมวิทรถติดมากค่ะ",
    "อ.หมอบอกว่าต้องพัก 3 วันค่ะ",
])
def test_thai_place_mentions_stay(text):
    assert check(text, [], []) == text
