"""Chinese/Japanese PERSON recognizer: names by their cues; ordinary words survive."""
import pytest

from anonymise.recognizers.person_cjk import CjkNameRecognizer
from world_fixtures import check

RECOGNIZER = CjkNameRecognizer()


def names(text: str) -> list[str]:
    return [text[r.start:r.end] for r in RECOGNIZER.analyze(text, ["PERSON"])]


@pytest.mark.parametrize("text, name", [
    ("你好，我叫欧阳思远，想咨询双眼皮。", "欧阳思远"),
    ("朋友蒋雨桐介绍来的", "蒋雨桐"),
    ("窦嘉怡您好，手术后一周拆线。", "窦嘉怡"),
    ("刘医生您好", "刘"),
    ("友人の森本沙耶さんの紹介です。", "森本沙耶"),
    ("はじめまして、私は菅原あかねです。", "菅原あかね"),
    ("樋口 真央と申します。", "樋口 真央"),
    ("荒井です。相談希望", "荒井"),
    ("我姓窦，叫窦嘉怡。", "窦嘉怡"),
    ("私の名前は菅原ゆいです。", "菅原ゆい"),
])
def test_names_with_cues_are_found(text, name):
    assert name in names(text)


@pytest.mark.parametrize("text", [
    "双眼皮手术后多久可以化妆？我是韩国人。",
    "全身麻酔ですか？ダウンタイムはどのくらいですか",
    "お客様、皆様、先生にご相談ください",
    "友人の紹介です。",
])
def test_ordinary_words_survive(text):
    assert names(text) == []


def test_kanji_surname_with_hiragana_given_name_before_san():
    from anonymise.recognizers.person_cjk import CjkNameRecognizer

    text = "山田さくらさんからこちらを教えてもらいました。"
    found = [text[r.start:r.end] for r in CjkNameRecognizer().analyze(text, ["PERSON"])]
    assert "山田さくら" in found


@pytest.mark.parametrize("text, gone, kept", [
    ("张伟有糖尿病。", "张伟", "有糖尿病"),         # the verb after a one-character given name stays
    ("李娜想做双眼皮。", "李娜", "想做"),
    ("陈美玲有过敏史。", "陈美玲", "有过敏史"),
    ("王晓明说可以。", "王晓明", "说可以"),          # the name's last character glued to the verb by the segmenter
])
def test_a_han_name_before_a_verb_goes_and_the_verb_stays(text, gone, kept):
    check(text, [gone], [kept])
