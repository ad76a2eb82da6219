"""Korean names found by their position in the sentence, not their shape: after an occupation written
before them, beside a removed name in a list, opening a sentence that ends in a verb of saying, and
one space before 씨/님. The ordinary words in the same positions stay.

Every name and sentence here is made up for these tests (invented or ordinary words as names); none
comes from an evaluation set.
"""
import pytest

from anonymise.recognizers.person_korean import KoreanNameRecognizer
from world_fixtures import redacted


def names(text: str) -> list[str]:
    return [text[r.start:r.end] for r in KoreanNameRecognizer().find(text)]


@pytest.mark.parametrize("text, name", [
    ("배우 예나가 주연을 맡았다.", "예나"),  # Kiwi reads 예+나가: no noun
    ("가수 보람이 신곡을 냈다.", "보람"),  # a rare noun of given-name syllables
    ("감독 한결의 새 영화가 나왔다.", "한결"),  # an adverb
    ("주인공 예나가 너무 귀엽다.", "예나"),  # a part in a work
])
def test_a_name_after_an_occupation_written_before_it(text, name):
    assert name in names(text)


@pytest.mark.parametrize("text", [
    "배우 생활이 힘들었다고 했다.",
    "선수 보호를 위해 규정을 바꿨다.",
    "가수 데뷔를 앞두고 있다.",
    "배우 모두가 열심히 했다.",
    "배우 자신이 직접 말했다.",
    "배우 정말로 잘한다.",
])
def test_common_words_after_an_occupation_stay(text):
    assert names(text) == []


@pytest.mark.parametrize("text, name", [
    ("보람은 어제 기자들에게 이렇게 말했다.", "보람"),
    ("예나는 수상 소감을 밝혔다.", "예나"),
    ("기자회견이 끝났다. 한결은 다음 달 입대한다고 전했다.", "한결"),
])
def test_a_name_opening_a_sentence_of_saying(text, name):
    assert name in names(text)


@pytest.mark.parametrize("text", [
    "결과는 좋았다고 말했다.",
    "가격은 비싸다고 말했다.",
    "정부는 대책을 밝혔다.",
    "이번에는 꼭 하겠다고 밝혔다.",
    "오늘은 쉬겠다고 말했다.",
    "보람은 오늘 날씨가 좋다.",  # no verb of saying: a word opening a sentence stays
])
def test_words_opening_a_sentence_of_saying_stay(text):
    assert names(text) == []


@pytest.mark.parametrize("text, name", [
    ("소망 님이 글을 남겼다.", "소망"),  # a rare word, whatever its syllables
    ("한결 씨가 전화했다.", "한결"),
])
def test_a_word_before_a_spaced_honorific(text, name):
    assert name in names(text)


@pytest.mark.parametrize("text", ["고객 님 안녕하세요.", "부모 님께 감사드려요.", "여러분 님들"])
def test_roles_before_a_spaced_honorific_stay(text):
    assert names(text) == []


def test_a_given_name_listed_beside_a_removed_name_goes():
    out = redacted("크리스토프와 예나가 함께 노래했다.")
    assert "예나" not in out and "크리스토프" not in out, out
    assert "함께 노래했다" in out, out


@pytest.mark.parametrize("text, kept", [
    ("오스왈도와 나는 친구다.", "나는"),
    ("편하루와 대화를 나눴다.", "대화를"),
    ("크리스토프와 함께 봤다.", "함께"),
    ("편하루와 가족이 왔다.", "가족이"),
])
def test_words_listed_beside_a_removed_name_stay(text, kept):
    assert kept in redacted(text)


@pytest.mark.parametrize("text, name", [
    ("한편 보람은 소감을 밝혔다.", "보람"),  # one adverb before the sentence's subject
    ("그는 예나에게 사과했다고 말했다.", "예나"),  # a dative: a person
    ("어제 한결과 만났다.", "한결"),  # met with
    ("예나 역을 맡은 배우가 인사했다.", "예나"),  # a character's name
])
def test_a_name_by_its_case(text, name):
    assert name in names(text)


@pytest.mark.parametrize("text", [
    "한편 정부는 대책을 밝혔다.",
    "이날 회의는 길었다고 말했다.",
    "고객에게 설명했다.",
    "모두에게 감사드립니다.",
    "아이에게 약을 줬다.",
    "그녀에게 말했다.",
    "그는 지난달 친구를 만났다.",
    "어제 고객과 만났다.",
])
def test_words_in_a_persons_case_stay(text):
    assert names(text) == []


@pytest.mark.parametrize("text, out", [
    ("서연이네가 소개해 줬어요.", "<PERSON>이네가 소개해 줬어요."),     # one placeholder for a child's family
    ("하준이네는 다음 주에 와요.", "<PERSON>이네는 다음 주에 와요."),
    ("저는 유치원 교사입니다.", "저는 유치원 교사입니다."),            # a kindergarten, not 유 + 치원
    ("한의원 원장님이 추천했어요.", "한의원 원장님이 추천했어요."),
    ("상담실장 드림", "상담실장 드림"),                               # a letter's sign-off after a title
    ("박지현 실장 올림", "<PERSON> 실장 올림"),
])
def test_family_suffix_institutions_and_sign_offs(text, out):
    assert redacted(text) == out
