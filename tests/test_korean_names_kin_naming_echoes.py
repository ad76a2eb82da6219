"""Korean names by a kinship word after a given name (보람 언니가), by the slot of a naming phrase (X라는
필명, X라고 불리는, X로 활동하는, 본명은 X), and by a full name found elsewhere in the text (its given
name alone is the same person). The ordinary words in the same positions stay.

Every name and sentence here is made up for these tests; none comes from an evaluation set.
"""
import pytest

from anonymise.korean_name_echoes import name_echoes
from anonymise.recognizers.person_korean_positions import KoreanNamePositionRecognizer
from world_fixtures import check


def names(text: str) -> list[str]:
    return [text[r.start:r.end] for r in KoreanNamePositionRecognizer().find(text)]


@pytest.mark.parametrize("text, name", [
    ("보람 언니가 같이 왔어요.", "보람"),  # a given name that is also a word
    ("은결 오빠랑 병원에 갔어요.", "은결"),
    ("가람이 형이랑 놀았어요.", "가람"),  # the hypocoristic 이
    ("하율 할머니가 편찮으세요.", "하율"),
])
def test_a_given_name_before_a_kinship_word(text, name):
    assert name in names(text)


@pytest.mark.parametrize("text", [
    "교회 언니가 같이 왔어요.", "우리 형이 왔다.", "사촌 동생이 왔다.", "아는 언니가 알려줬다.",
    "막내 이모가 왔다.", "큰 언니가 왔다.", "나이 언니라고 했다.",
])
def test_words_before_a_kinship_word_stay(text):
    assert names(text) == []


@pytest.mark.parametrize("text, name", [
    ("누리솔이라는 필명으로 글을 쓴다.", "누리솔"),
    ("바람이라는 닉네임을 쓴다.", "바람"),  # a word: the slot decides
    ("솔다래라고 불리는 아이가 있다.", "솔다래"),
    ("라온으로 활동하는 가수다.", "라온"),
    ("본명은 도하윤이고 예명은 하늬였다.", "도하윤"),
    ("본명은 도하윤이고 예명은 하늬였다.", "하늬"),
    ("필명: 새온결", "새온결"),
])
def test_the_slot_of_a_naming_phrase(text, name):
    assert name in names(text)


@pytest.mark.parametrize("text", [
    "모델로 활동하는 친구가 있다.", "프리랜서로 활동 중입니다.", "봉사자로 활동했다.", "강사로 데뷔했다.",
    "뭐라고 불러야 할지 모르겠다.", "선생님이라고 불러요.", "별명은 없다.", "별명은 아직 없어요.",
    "닉네임이 필요하다.", "본명은 비공개다.", "필명으로 글을 쓴다.",
])
def test_naming_phrases_without_a_name_stay(text):
    assert names(text) == []


def test_a_given_name_echoes_a_full_name_found_in_the_text():
    text = "피은결 교수가 말했다. 은결은 웃었다. 은결이가 또 왔다."
    echoes = {(text[s:e], s) for s, e in name_echoes(text, [(0, 3, "PERSON")])}
    assert echoes >= {("은결", text.index("은결은")), ("은결", text.index("은결이가")), ("피은결", 0)}


def test_a_given_name_inside_a_longer_word_is_no_echo():
    text = "방도겸 씨가 왔다. 도겸스럽다고들 했다."
    assert name_echoes(text, [(0, 3, "PERSON")]) == [(0, 3)]


def test_without_a_full_name_found_there_is_no_echo():
    assert name_echoes("은결은 웃었다.", []) == []


def test_echoes_in_a_redacted_text():
    check("피은결 교수가 말했다. 은결은 웃었다.", gone=["은결"], kept=["교수가", "웃었다"])
