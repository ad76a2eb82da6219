"""Names by the frame they fill (#13): whatever fills a frame that introduces or addresses a person
goes, in Japanese, Chinese, Thai, English and Vietnamese, unless it is a generic word of the frame.
All names and sentences are invented."""
import pytest

from anonymise.person_frames import frame_spans, frames
from world_fixtures import check


@pytest.mark.parametrize("text, gone, kept", [
    ("こんにちは、宇佐見です。予約の相談です。", ["宇佐見"], ["予約の相談"]),
    ("名前はみつばです。よろしくお願いします。", ["みつば"], ["よろしく"]),
    ("本名は榊原で、普段は別の名前です。", ["榊原"], ["普段"]),
    ("担当の汐見が折り返します。", ["汐見"], ["折り返します"]),
    ("翠さんに紹介されました。", ["翠"], ["紹介"]),
    ("姉の莉緒と一緒に行きます。", ["莉緒"], ["一緒"]),
    ("神戸の紗季です。質問があります。", ["紗季"], ["質問"]),
    ("私はロザンナです。", ["ロザンナ"], []),
    ("10:42 颯：明日大丈夫？\n10:43 私：うん", ["颯"], ["明日大丈夫"]),
    ("ここあ 5/12 21:14\n明日行けるよ", ["ここあ"], ["明日行けるよ"]),
])
def test_japanese_names_in_their_frames_go(text, gone, kept):
    check(text, gone, kept)


@pytest.mark.parametrize("text", [
    "お客様、皆さん、お母さん、赤ちゃんも大丈夫です。",
    "同様に、模様が変わりました。",
    "姉の結婚式の前に受けたいです。",
    "私は学生です。",
    "患者様の氏名を書いてください。",
])
def test_generic_and_ordinary_words_in_japanese_frames_stay(text):
    assert check(text, [], []) == text


@pytest.mark.parametrize("text, gone, kept", [
    ("我叫甄雨桐，想咨询一下。", ["甄雨桐"], ["咨询"]),
    ("雷梓萱你好，明天可以来。", ["雷梓萱"], ["明天"]),
    ("主刀滕医生很专业。", ["滕"], ["专业"]),
    ("婕妤 2024-05-12 21:14\n到了吗", ["婕妤"], ["到了吗"]),
])
def test_chinese_names_in_their_frames_go(text, gone, kept):
    check(text, gone, kept)


@pytest.mark.parametrize("text", ["我是第一次来。", "院长亲自做的。", "朋友推荐的。", "我是学生。"])
def test_words_in_chinese_frames_stay(text):
    assert check(text, [], []) == text


@pytest.mark.parametrize("text, gone, kept", [
    ("สวัสดีค่ะ คุณ ดาวเรือง ค่ะ", ["ดาวเรือง"], ["สวัสดี"]),
    ("ดิฉัน ลำดวน ค่ะ อยากสอบถาม", ["ลำดวน"], ["อยากสอบถาม"]),
])
def test_thai_names_in_their_frames_go(text, gone, kept):
    check(text, gone, kept)


def test_a_thai_word_ending_like_a_title_is_no_frame():
    assert frame_spans("ขอบคุณ มากค่ะ") == []


@pytest.mark.parametrize("text, gone, kept", [
    ("hey im brisa, from texas", ["brisa"], ["texas"]),
    ("just call me zeph pls", ["zeph"], ["call me"]),
    ("tori 14:05\nare you there?\nok tori", ["tori"], ["are you there"]),
    ("Chào bác sĩ, em tên là Quỳnh Như ạ.", ["Quỳnh", "Như"], ["bác sĩ"]),
])
def test_latin_names_in_their_frames_go(text, gone, kept):
    check(text, gone, kept)


@pytest.mark.parametrize("text", ["im fine, thanks", "call me back tomorrow.", "em là bệnh nhân cũ."])
def test_words_in_latin_frames_stay(text):
    assert frame_spans(text) == []


def test_every_language_has_frames_and_generic_words():
    for lang in ("ja", "zh", "th", "en", "vi"):
        table = frames(lang)
        assert table.frames and table.generic


@pytest.mark.parametrize("text, gone, kept", [
    ("我朋友柯晓彤 (Kua Siew Tong) 介绍的。", ["柯晓彤", "Kua", "Siew", "Tong"], ["介绍"]),
    ("表姐欧阳可馨（Ouyang Kexin）也想来。", ["欧阳可馨", "Ouyang", "Kexin"], ["也想来"]),
    ("Morishita Rin (森下凛) です。", ["Morishita", "森下凛"], []),
])
def test_a_name_in_two_scripts_goes_in_both(text, gone, kept):
    check(text, gone, kept)


@pytest.mark.parametrize("text", ["玻尿酸 (Hyaluronic Acid) 多少钱？", "医院 (Seoul Clinic) 在哪里？"])
def test_a_term_with_its_english_name_stays(text):
    assert frame_spans(text) == []


def test_a_chat_speaker_goes_where_another_line_names_them_in_the_other_kana_or_short():
    text = "09:12 ななみ：着いたよ\n09:13 私：ナナミ早い！ななちゃんって呼ぶね"
    spans = {text[s:e] for s, e, _, _ in frame_spans(text)}
    assert {"ななみ", "ナナミ", "なな"} <= spans


@pytest.mark.parametrize("text, gone, kept", [
    ("ひなたママです。来週の予約について。", ["ひなた"], ["来週の予約"]),
    ("患者名：高梨です。", ["高梨"], []),
    ("收件人：邝嘉怡，电话另发。", ["邝嘉怡"], ["电话另发"]),
])
def test_names_after_labels_and_before_parent_words_go(text, gone, kept):
    check(text, gone, kept)


def test_on_a_transcript_a_one_kanji_or_kana_speaker_goes_and_form_labels_stay():
    chat = "蓮：明日の予約大丈夫？\nみお：うん、10時ね\n蓮：了解"
    assert {chat[s:e] for s, e, _, _ in frame_spans(chat)} == {"蓮", "みお"}
    form = "希望日：来週\n部位：鼻\nメモ：なし\n問：料金は？\n答：5万円です"
    assert frame_spans(form) == []
