"""Person names in frames the detectors used to miss (#13): a name after a relation word and 的, the name a
writer has in another language, a kana name before って, a letter-spaced Hangul name read out with its
copula, a given name repeated without its surname, a sign-off that is also a word. Every person here is
invented; the ordinary words in the same frames must stay."""
import pytest

from world_fixtures import check


@pytest.mark.parametrize("text, name, kept", [
    ("我闺蜜的瑾彤说效果很好", "瑾彤", ["我闺蜜的", "说效果很好"]),
    ("是我同事的芮涵推荐的", "芮涵", ["我同事的", "推荐的"]),
    ("我的中文名叫芮涵，想预约", "芮涵", ["中文名叫", "想预约"]),
    ("韩国名字是小雨，朋友都这么叫", "小雨", ["韩国名字是", "朋友"]),
])
def test_a_chinese_name_after_a_relation_or_another_languages_name_goes(text, name, kept):
    check(text, [name], kept)


@pytest.mark.parametrize("text, kept", [
    ("我朋友的脸型很好看", ["脸型很好看"]),
    ("同事的意见很重要", ["意见很重要"]),
    ("我同学的妈妈也想做", ["妈妈也想做"]),
    ("我朋友的推荐", ["推荐"]),
])
def test_a_thing_or_kin_after_a_relation_and_de_stays(text, kept):
    check(text, [], kept)


@pytest.mark.parametrize("text, name, kept", [
    ("ゆみっていう子がいて、一緒に行きます", "ゆみ", ["っていう子がいて", "一緒に"]),
    ("呼び方はさらでいいです", "さら", ["呼び方は", "でいいです"]),
    ("韓国名 ソヨン で予約しました", "ソヨン", ["韓国名", "予約しました"]),
    ("韓国名はジウです", "ジウ", ["韓国名は", "です"]),
])
def test_a_japanese_name_before_tte_or_as_a_name_to_be_called_by_goes(text, name, kept):
    check(text, [name], kept)


@pytest.mark.parametrize("text", [
    "銀行っていう所ですか",
    "銀行って何時まで？",
    "ボトックスって知ってる?",
    "それって子供向けですか",
    "医者っていう人がいて",
    "呼び方はなんでもいいです",
    "韓国名はないです",
])
def test_a_word_before_tte_or_after_a_name_label_stays(text):
    check(text, [], [text])


@pytest.mark.parametrize("text, gone, kept", [
    ("이름은 편 도 윤 이요", ["편 도 윤", "도 윤"], ["이름은", "이요"]),
    ("예약자 탁 서 준 입니다", ["탁 서 준"], ["예약자", "입니다"]),
    ("이름 편.도.윤 입니다", ["편.도.윤", "도.윤"], ["이름", "입니다"]),
    ("제 이름은 김 도윤 이요", ["김 도윤", "도윤"], ["제 이름은", "이요"]),
])
def test_a_korean_name_spelled_out_or_spaced_in_a_voice_note_goes(text, gone, kept):
    check(text, gone, kept)


@pytest.mark.parametrize("text", [
    "이 세 개 입니다",
    "한 두 번 이요",
    "오 늘 은 요",
    "그 래 서 요",
])
def test_letter_spaced_ordinary_words_stay(text):
    check(text, [], [text])


@pytest.mark.parametrize("text, name, kept", [
    ("예약 부탁드려요. 감사합니다. 하늘", "하늘", ["감사합니다."]),
    ("예약 부탁드려요. 감사합니다\n- 보람", "보람", ["감사합니다"]),
    ("See you on Friday.\n— Rose", "Rose", ["See you on Friday."]),
    ("Thanks for the quick answer!\n-- Sky", "Sky", ["Thanks for the quick answer!"]),
])
def test_a_sign_off_that_is_also_a_word_goes(text, name, kept):
    check(text, [name], kept)


@pytest.mark.parametrize("text", [
    "내일 가요. 감사",
    "주사 맞았어요. 여드름",
    "좋아요!! 하하",
    "Options:\n- Filler\n- Botox",
    "I would like:\n- Rose",
    "Price list\n— Botox",
])
def test_a_word_or_list_item_closing_a_text_stays(text):
    check(text, [], [text])


@pytest.mark.parametrize("text, gone, kept", [
    ("同事滕慧敏推荐的。慧敏很满意", ["滕慧敏", "慧敏"], ["推荐的", "很满意"]),
    ("我朋友禤雅婷介绍的，雅婷做过双眼皮", ["雅婷"], ["介绍的", "做过双眼皮"]),
])
def test_a_chinese_given_name_repeated_without_its_surname_goes(text, gone, kept):
    check(text, gone, kept)


def test_a_word_holding_a_removed_given_name_stays():
    from anonymise.chinese_name_echoes import chinese_name_echoes

    text = "滕慧敏说她聪慧敏捷"
    assert chinese_name_echoes(text, [(0, 3)]) == []       # 慧敏 inside 聪慧 | 敏捷
    assert chinese_name_echoes("王建国说建国以后再来", [(0, 3)]) == []  # 建国 is a word: the echo needs more
    assert chinese_name_echoes("王晓雯说晓雯会来", [(0, 3)]) == [(4, 6)]
