"""Numbered military units are workplaces whoever writes them (#13): the unit goes with its branch and
kind, the rank after it stays; a unit word without a number (연대 보증, 대대적인) and ordinals of other
things (제3자, 제2형 당뇨) stay. Every unit here is invented."""
import pytest

from anonymise.quasi_identifiers.military_units import MilitaryUnit
from world_fixtures import check


def units(text):
    return [text[s.start:s.end] for s in MilitaryUnit().find(text)]


@pytest.mark.parametrize("text, unit", [
    ("아들이 육군 제27보병사단 상병이에요.", "육군 제27보병사단"),
    ("제8공수여단에서 복무 중입니다.", "제8공수여단"),
    ("해병대 제4사단 병장입니다.", "해병대 제4사단"),
    ("43연대 3대대 소속 일병이에요.", "43연대 3대대"),
    ("我儿子在第47师当兵。", "第47师"),
    ("他在第六十三旅团服役。", "第六十三旅团"),
    ("兄は第9普通科連隊にいます。", "第9普通科連隊"),
    ("Сын служит в 14-й отдельной бригаде.", "14-й отдельной бригаде"),
    ("My son is with the 86th Airborne Division.", "86th Airborne Division"),
    ("Ах маань 7-р анги-д алба хааж байна.", "7-р анги"),
])
def test_a_numbered_unit_is_one_workplace(text, unit):
    assert unit in units(text)


@pytest.mark.parametrize("text, gone, kept", [
    ("아들이 육군 제27보병사단 상병이에요.", ["27보병사단", "육군"], ["상병이에요"]),
    ("공군 제19전투비행단 근무 중인 병장입니다.", ["19전투비행단"], ["병장입니다"]),
    ("我儿子在第47师当兵。", ["第47师"], ["当兵"]),
    ("他在第六十三旅团服役。", ["第六十三旅团"], ["服役"]),
    ("Сын служит в 14-й бригаде, он сержант.", ["14-й бригаде"], ["сержант"]),
    ("My son is a sergeant in the 86th Airborne Division.", ["86th Airborne"], ["sergeant"]),
])
def test_the_unit_goes_and_the_rank_stays(text, gone, kept):
    check(text, gone, kept)


@pytest.mark.parametrize("text", [
    "제3자에게 정보 제공에 동의하지 않습니다.", "제2형 당뇨가 있어요.", "연대 보증이 필요한가요?",
    "대대적인 할인 행사가 있나요?", "20대 대학생인데요.", "상병 때 다친 무릎이에요.", "第2次复诊是下周。",
    "The 4th floor lab is open.", "Во 2-й половине дня удобно.",
])
def test_ordinals_and_unit_words_alone_are_no_unit(text):
    assert units(text) == []
    check(text, [], [text.rstrip(".?。")])
