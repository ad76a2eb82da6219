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
    ("다솜 외할머니가 오셨어요.", "다솜"),  # a grandparent on the mother's side
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
    ("솔다래로 활동하는 가수다.", "솔다래"),
    ("본명은 도하윤이고 예명은 하늬였다.", "도하윤"),
    ("본명은 도하윤이고 예명은 하늬였다.", "하늬"),
    ("필명: 새온결", "새온결"),
    ("'도토리'라는 별명으로 불렸다.", "도토리"),  # quoted: any word, a phrase too
    ("“푸른고래”라는 닉네임을 쓴다.", "푸른고래"),
    ("‘별사탕’이란 친구가 있었다.", "별사탕"),
    ("해솔이라는 직원분이 친절했어요.", "해솔"),  # (이)라는 and a person noun: one named so
    ("보람이라는 기사님이 운전했어요.", "보람"),
])
def test_the_slot_of_a_naming_phrase(text, name):
    assert name in names(text)


@pytest.mark.parametrize("text", [
    "모델로 활동하는 친구가 있다.", "프리랜서로 활동 중입니다.", "봉사자로 활동했다.", "강사로 데뷔했다.",
    "뭐라고 불러야 할지 모르겠다.", "선생님이라고 불러요.", "별명은 없다.", "별명은 아직 없어요.",
    "닉네임이 필요하다.", "본명은 비공개다.", "필명으로 글을 쓴다.",
    "간호사라는 직원이 왔어요.", "실장이라는 분이 전화했어요.",  # what the person is
    "유학생이라는 친구가 있다.", "나라는 사람은 원래 그렇다.", "'괜찮아'라는 말을 들었다.",
])
def test_naming_phrases_without_a_name_stay(text):
    assert names(text) == []


def test_a_given_name_echoes_a_full_name_found_in_the_text():
    text = "방도겸 교수가 말했다. 도겸은 웃었다. 도겸이가 또 왔다."
    echoes = {(text[s:e], s) for s, e in name_echoes(text, [(0, 3, False)])}
    assert echoes >= {("도겸", text.index("도겸은")), ("도겸", text.index("도겸이가")), ("방도겸", 0)}


def test_a_given_name_that_is_a_word_echoes_bare_only_for_the_records_own_member():
    text = "피은결 교수가 말했다. 은결은 웃었다. 은결 씨가 또 왔다."
    found = {text[s:e] + text[e] for s, e in name_echoes(text, [(0, 3, False)])}
    assert "은결 " in found and "은결은" not in found  # 씨 after it: the person; bare: maybe the word
    sure = {text[s:e] + text[e] for s, e in name_echoes(text, [(0, 3, True)])}
    assert "은결은" in sure


@pytest.mark.parametrize("later", ["은결는 웃었다.", "은결가 또 왔다.", "은결를 만났다."])
def test_a_given_name_that_is_a_word_echoes_with_a_particle_of_the_wrong_form(later):
    text = "피은결 교수가 말했다. " + later  # 은결 ends in a consonant: 은, 이, 을 are its forms
    found = {text[s:e] for s, e in name_echoes(text, [(0, 3, False)]) if s > 0}
    assert found == {"은결"}


def test_a_given_name_that_is_a_word_and_a_particle_of_its_own_form_is_no_echo():
    text = "피은결 교수가 말했다. 은결은 웃었다. 은결을 만났다."
    assert name_echoes(text, [(0, 3, False)]) == [(0, 3)]


def test_a_given_name_inside_a_longer_word_is_no_echo():
    text = "방도겸 씨가 왔다. 도겸스럽다고들 했다."
    assert name_echoes(text, [(0, 3, False)]) == [(0, 3)]


def test_without_a_full_name_found_there_is_no_echo():
    assert name_echoes("도겸은 웃었다.", []) == []


def test_echoes_in_a_redacted_text():
    check("방도겸 교수가 말했다. 도겸은 웃었다.", gone=["도겸"], kept=["교수가", "웃었다"])


@pytest.mark.parametrize("text, speakers", [
    ("하늘: 몰라\n도율: 3시에 봐", ["하늘", "도율"]),  # a name that is a word, and one that is none
    ("오후 3:12 채언 내일 가요\n오후 3:13 도율 네 좋아요", ["채언", "도율"]),
    ("민하: 내일?\n방도겸: 응", ["민하", "방도겸"]),
    # speaker first, then the time: nicknames of any word (호빵, 달토끼) too
    ("호빵 오후 8:05 도착\n달토끼 오후 8:07 나도 거의 다 옴", ["호빵", "달토끼"]),
    ("채언 오전 11:20 ㅋㅋ\n도율 오전 11:21 그래", ["채언", "도율"]),
])
def test_the_speakers_of_a_chat(text, speakers):
    assert set(speakers) <= set(names(text))


@pytest.mark.parametrize("text", [
    "질문: 아파요\n답변: 괜찮아요", "특이사항: 없음\n총평: 좋음\n답글: 감사", "참고: 없음\n메모: 내일",
    "오후 3:12 진료 예약했어요\n오후 4:00 도착했어요",
    "도율: 3시에 봐",  # one line is no chat
    "내일 오후 2:30 가능합니다\n모레 오후 4:00 가능합니다",  # days before the times of a list of slots
    "상담 오후 2:30에 예약\n시술 오후 4:00에 진행",  # the time glued to 에: no chat line
    "호빵 오후 8:05 도착",  # one line is no chat
])
def test_labels_and_times_are_no_speakers(text):
    assert names(text) == []
