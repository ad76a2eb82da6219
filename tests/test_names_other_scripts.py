"""Names in other scripts (#13): Korean and Japanese surnames alone before an honorific, aliases and
readings after their labels, Thai nicknames after น้อง/พี่ whatever word they are and before a
parenthesised full name, and the parenthesis after a name. All values are invented."""
import pytest

from world_fixtures import check


@pytest.mark.parametrize("text, gone, kept", [
    ("裵さんの紹介で来ました。", ["裵"], ["紹介"]),
    ("曺様、ありがとうございます。", ["曺"], ["ありがとう"]),
    ("森くんと一緒に行きます。", ["森"], ["一緒"]),
    ("權美淑さんから聞きました。", ["權美淑"], ["聞きました"]),
])
def test_a_bare_surname_before_a_japanese_honorific_goes(text, gone, kept):
    check(text, gone, kept)


@pytest.mark.parametrize("text", [
    "皆さん、お客様、患者様、お母さん、赤ちゃん。",
    "同様に、模様が変わりました。",
])
def test_honorifics_after_ordinary_words_stay(text):
    assert check(text, [], []) == text


@pytest.mark.parametrize("text, gone, kept", [
    ("通名は岩城です。", ["岩城"], ["です"]),
    ("本名は玄恵琳で、通名は大岩です。", ["玄恵琳", "大岩"], ["で、"]),
    ("旧姓：宮脇", ["宮脇"], []),
    ("通称 ルナ", ["ルナ"], []),
    ("フリガナ：ミヤワキ ユズハ", ["ミヤワキ", "ユズハ"], []),
    ("ふりがな：みやわき ゆずは", ["みやわき", "ゆずは"], []),
    ("漢字：玄恵琳", ["玄恵琳"], []),
])
def test_aliases_and_readings_after_their_labels_go(text, gone, kept):
    check(text, gone, kept)


@pytest.mark.parametrize("text", [
    "漢字は難しいです。",
    "読みやすい説明をお願いします。",
])
def test_label_words_used_as_words_leave_what_follows(text):
    assert check(text, [], []) == text


@pytest.mark.parametrize("text, gone, kept", [
    ("พี่เมฆา บอกว่าดีมาก", ["เมฆา"], ["บอกว่า"]),
    ("น้องใบบัว จะมาด้วยค่ะ", ["ใบบัว"], ["มาด้วย"]),
    ("ขิม (ขนิษฐา ทองคำ) ค่ะ", ["ขิม", "ขนิษฐา"], ["ค่ะ"]),
    ("น้องแพร (แพรวา มั่นคง) อยากทำจมูก", ["แพร", "แพรวา", "มั่นคง"], ["อยากทำจมูก"]),
])
def test_thai_nicknames_go(text, gone, kept):
    check(text, gone, kept)


@pytest.mark.parametrize("text", [
    "น้องเค้า ไม่ค่อยสบาย",
    "พี่ชาย ก็อยากทำ",
    "คลินิก (สาขา สยาม) เปิดกี่โมง",
    "ครีม (กันแดด ผิวหน้า)",
])
def test_thai_words_after_kin_words_and_in_parentheses_stay(text):
    assert check(text, [], []) == text


@pytest.mark.parametrize("text, gone, kept", [
    ("친구 편소리 (Melody Pyeon) 같이 가요.", ["Melody", "Pyeon"], ["같이 가요"]),
    ("我的朋友阮莲（Nguyễn Liên）推荐的。", ["Nguyễn Liên"], ["推荐"]),
])
def test_the_parenthesis_after_a_name_goes(text, gone, kept):
    check(text, gone, kept)


def test_a_parenthesised_note_after_a_procedure_stays():
    text = "I had rhinoplasty (Open Technique) last year."
    assert check(text, [], []) == text


@pytest.mark.parametrize("text, gone, kept", [
    ("您好，我叫小溪，想问一下价格。", ["小溪"], ["想问"]),
    ("我女儿芷晴今年十八岁。", ["芷晴"], ["今年"]),
    ("芷晴说你们医院很专业。", ["芷晴"], ["医院"]),
    ("是瑾萱介绍的。", ["瑾萱"], ["介绍"]),
    ("瑾萱妈妈您好", ["瑾萱"], ["妈妈"]),
])
def test_chinese_given_names_alone_go(text, gone, kept):
    check(text, gone, kept)


@pytest.mark.parametrize("text", [
    "我爸爸有高血压。",
    "我女儿十八岁了。",
    "请问你的名字是什么？",
    "医生说要休息。",
    "是朋友推荐的。",
    "网上说效果很好。",
])
def test_chinese_sentences_with_those_cues_stay(text):
    assert check(text, [], []) == text


@pytest.mark.parametrize("text, gone, kept", [
    ("ทพ.ธีรภัทร ทำฟันให้", ["ธีรภัทร"], ["ทำฟัน"]),
    ("อาจารย์ธีรภัทรแนะนำมา", ["ธีรภัทร"], ["อาจารย์"]),
    ("หนูชื่อเล่นว่าแป้งร่ำค่ะ", ["แป้งร่ำ"], ["ชื่อเล่น"]),
    ("ชื่อ-นามสกุล: กนกพร ศรีวิไล", ["กนกพร", "ศรีวิไล"], []),
    ("ขอบคุณค่ะ\nจาก ปิยะนุช", ["ปิยะนุช"], ["ขอบคุณ"]),
])
def test_thai_names_after_labels_and_titles_go(text, gone, kept):
    check(text, gone, kept)


@pytest.mark.parametrize("text", [
    "จากประสบการณ์ที่เคยทำมา รู้สึกดีมาก",
    "ผู้ป่วย: ไม่มีโรคประจำตัว",
    "อาจารย์บอกว่าต้องพักฟื้นสองอาทิตย์",
])
def test_thai_sentences_after_those_labels_stay(text):
    assert check(text, [], []) == text


@pytest.mark.parametrize("text, gone", [
    ("投稿者：みお", ["みお"]),
    ("微信名：小鲸鱼", ["小鲸鱼"]),
])
def test_nicknames_after_their_labels_go(text, gone):
    check(text, gone, [])


@pytest.mark.parametrize("text, gone, kept", [
    ("ฉันชื่อ สมศรี (พยาบาล) จะโทรกลับค่ะ", ["สมศรี"], ["(พยาบาล)"]),      # a role in parentheses stays
    ("พี่มาลี (ล่าม) จะช่วยแปลค่ะ", [], ["(ล่าม)"]),
    ("คุณสมชาย (แพรว) มาค่ะ", ["สมชาย", "แพรว"], []),                      # a nickname in parentheses goes
    ("Công ty TNHH Minh Phát đặt lịch cho nhân viên.", ["Minh Phát"], ["TNHH"]),  # a company form, no person
    ("Tôi tên là Nguyễn Thị Hằng, muốn hỏi về cắt mí.", ["Nguyễn", "Hằng"], ["cắt mí"]),
])
def test_thai_roles_and_vietnamese_company_forms_stay_and_names_go(text, gone, kept):
    check(text, gone, kept)
