"""A slot says a person may stand there; Kiwi's reading of the word in its sentence says whether it can.

A predicate and its ending (a verb or adjective modifying the title after it) is never a name,
whatever slot it fills; a given name that could also be read as a verb keeps its name reading where
Kiwi reads it as one in its sentence. Every sentence here is made up for these tests.
"""
import pytest

from anonymise.korean_grammar import vouched_not_a_name
from world_fixtures import redacted


def vouched(text: str, word: str) -> bool:
    at = text.index(word)
    return vouched_not_a_name(text, at, at + len(word))


@pytest.mark.parametrize("text, word", [
    ("크게 성공한 현직 군수가 출마했다.", "성공한"),  # a noun made a verb by 하다, then a modifier's ending
    ("같은 모델의 후속작이다.", "같은"),
    ("벽을 허무는 아티스트로 불린다.", "허무는"),  # alone 허무+는, in its sentence 허물+는
    ("세상을 만드는 구나라는 말", "구나라는"),  # an ending written apart from its predicate
    ("하루 종일 뛰어다님.", "뛰어다님"),
    ("세 코치의 회의가 길었다.", "세"),  # a determiner before the title, not a surname
])
def test_a_predicate_in_its_sentence_is_vouched_for(text, word):
    assert vouched(text, word)


@pytest.mark.parametrize("text, word", [
    ("지은 선수는 두 골을 넣었다.", "지은"),  # also 짓+은, but a proper noun where it stands
    ("겨울 선수는 부상에서 돌아왔다.", "겨울"),
    ("소은 감독의 전술이 통했다.", "소은"),
    ("하은 연기가 정말 좋았다.", "하은"),  # two given-name syllables alone: a name as often as 하+은
    ("태우는 어제 골을 넣었다.", "태우"),  # a name with its particle, though Kiwi reads 태우+는 as a verb
    ("김 선수는 두 골을 넣었다.", "김"),  # a surname Kiwi reads as a proper noun before the title
])
def test_a_noun_in_a_person_slot_is_not_vouched_for(text, word):
    assert not vouched(text, word)


@pytest.mark.parametrize("text, kept", [
    ("같은 모델의 후속작이다.", "같은"),
    ("세상을 만드는 구나라는 말이 유행이다.", "구나라는"),
])
def test_predicates_before_a_title_or_role_stay(text, kept):
    assert kept in redacted(text)


@pytest.mark.parametrize("text, gone", [
    ("지은 선수는 두 골을 넣었다.", "지은"),
    ("소은 감독의 전술이 통했다.", "소은"),
])
def test_names_in_the_same_slots_still_go(text, gone):
    assert gone not in redacted(text)


@pytest.mark.parametrize("text, kept", [
    ("두 배우의 연기가 좋았다.", "두 "),
])
def test_determiners_before_a_title_stay(text, kept):
    assert kept in redacted(text)
