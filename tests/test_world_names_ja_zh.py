"""W1/W2: Japanese kana given names and Chinese given names and nicknames, found by their place.
Every person here is invented; the words around them must stay."""
import pytest

from world_fixtures import check


@pytest.mark.parametrize("text, name, kept", [
    ("はじめまして、名前はあすかです。ボトックスの相談です。", "あすか", ["名前は", "ボトックス"]),
    ("友達のさやかと一緒に行きます。", "さやか", ["友達の", "一緒に"]),
    ("受付のまいこさんが親切でした。", "まいこ", ["さん", "親切"]),
    ("担当のちひろさんにお伝えください。", "ちひろ", ["担当の", "お伝え"]),
    ("小川（おがわ みさき）と申します。ピコレーザー希望です。", "おがわ みさき", ["ピコレーザー"]),
    ("こはるちゃんの母です。涙袋の予約をお願いします。", "こはる", ["母です", "涙袋"]),
])
def test_japanese_kana_names_go(text, name, kept):
    check(text, [name], kept)


def test_japanese_roles_before_honorifics_stay():
    check("お客さまとおかあさんとみなさんに感謝します。", [], ["お客さま", "おかあさん", "みなさん"])


@pytest.mark.parametrize("text, name, kept", [
    ("我叫晓岚，想咨询一下皮秒。", "晓岚", ["皮秒", "咨询"]),
    ("我表姐若溪也想一起来做双眼皮。", "若溪", ["表姐", "双眼皮"]),
    ("同宿舍的梓涵推荐的。", "梓涵", ["同宿舍的", "推荐"]),
    ("周主任说要先做检查。", "周", ["主任", "检查"]),
    ("小蕾 21:40 好的谢谢", "小蕾", ["谢谢"]),
    ("阿辉说他也要去", "阿辉", ["他也要去"]),
    ("萌萌 明天见", "萌萌", ["明天见"]),
])
def test_chinese_names_and_nicknames_go(text, name, kept):
    check(text, [name], kept)


def test_chinese_words_that_look_like_nicknames_stay():
    check("谢谢妈妈，小心点。小红书上看到的，价格是250万元吗？", [], ["谢谢", "妈妈", "小心", "小红书", "万元"])


@pytest.mark.parametrize("text, name, kept", [
    ("ちはる：了解です、明日伺います", "ちはる", ["了解です"]),
    ("ルカです！ハイフの予約をしたいです", "ルカ", ["ハイフ", "予約"]),
    ("綾小路まゆかと申します。", "綾小路まゆか", ["申します"]),
    ("私の名前は、すみれ です。", "すみれ", ["私の名前は"]),
])
def test_japanese_chat_speakers_and_introductions_go(text, name, kept):
    check(text, [name], kept)


@pytest.mark.parametrize("text, school, kept", [
    ("桜蔭に通っています。", "桜蔭", ["通っています"]),
    ("我在同济读研究生。", "同济", ["读研究生"]),
    ("Tôi là sinh viên Đại học Kinh Tế Huế.", "Kinh Tế", ["sinh viên"]),
])
def test_schools_by_what_is_said_of_them_go(text, school, kept):
    check(text, [school], kept)


def test_japanese_kanji_given_name_after_a_kinship_cue_goes_and_nouns_stay():
    check("姪の沙耶香が受診します。友達の紹介で来ました。", ["沙耶香"], ["姪の", "友達の紹介で"])
