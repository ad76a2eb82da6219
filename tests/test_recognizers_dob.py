import pytest

from anonymise.engine import analyze_text


def found(text: str, entity: str) -> list[str]:
    return [text[r.start:r.end] for r in analyze_text(text) if r.entity_type == entity]


@pytest.mark.parametrize("text, dob", [
    ("생년월일은 1990.03.28입니다", "1990.03.28"),
    ("생년월일: 900328", "900328"),
    ("생일은 1990년 3월 28일이에요", "1990년 3월 28일"),
    ("1992-11-05생 입니다", "1992-11-05"),
    ("저는 95년생이에요", "95년생"),
    ("Date of birth: 03/28/1990", "03/28/1990"),
    ("I was born on March 28, 1990.", "March 28, 1990"),
    ("DOB 1988-07-14", "1988-07-14"),
    ("出生日期：1991年5月6日", "1991年5月6日"),
    ("生年月日は1993年4月1日です", "1993年4月1日"),
    ("I was born in 1991 in Busan.", "1991"),
    ("90년 3월 28일생입니다", "90년 3월 28일"),
    ("생일은 3월 28일이에요", "3월 28일"),
    ("생년월일 알려드리면 1990.03.28 입니다", "1990.03.28"),
    ("I was born in Busan in 1991.", "1991"),
    # all in Sino-Korean numeral words, spaced or not (6 and 10 are 유월, 시월)
    ("생일은 천구백팔십칠년 구월 이십사일이에요", "천구백팔십칠년 구월 이십사일"),
    ("생년월일: 천 구백 칠십 사 년 시월 이십칠 일", "천 구백 칠십 사 년 시월 이십칠 일"),
    ("이천일년 유월 삼일에 태어났어요", "이천일년 유월 삼일"),
])
def test_birth_dates(text, dob):
    assert dob in found(text, "DOB")


@pytest.mark.parametrize("text", [
    "수술은 2023.03.28에 했어요",
    "I had rhinoplasty on March 28, 2021.",
    "2024년 5월 10일에 내원 예정입니다",
    "회복은 6개월 걸려요",
    "이천십구년 사월 칠일에 수술했어요",  # a date in words, but no birth word
    "생일 선물로 이천원짜리 샀어요",  # a numeral word that is no year
])
def test_dates_without_birth_context_stay(text):
    assert found(text, "DOB") == []


@pytest.mark.parametrize("text, dob", [
    ("I was born on the third of May, 1988 in Daegu", "the third of May, 1988"),
    ("born May 3rd, 1988.", "May 3rd, 1988"),
    ("birthdate: twelfth of March nineteen ninety", "twelfth of March nineteen ninety"),
    ("I was born in May 1988.", "May 1988"),
    ("born in '88, so I'm 36", "'88"),
    ("D.O.B. 3rd May 88", "3rd May 88"),
    ("저는 1988년 5월 3일에 태어났어요", "1988년 5월 3일"),
    ("88년 5월생입니다", "88년 5월"),
    ("1988年5月3日出生", "1988年5月3日"),
    ("一九八八年五月三日出生", "一九八八年五月三日"),
    ("昭和63年5月3日生まれです", "昭和63年5月3日"),
    ("平成2年生まれです", "平成2年"),
    ("я родилась 3 мая 1988 года", "3 мая 1988 года"),
    ("ngày sinh 03/05/1988", "03/05/1988"),
])
def test_birth_dates_in_words_and_other_languages(text, dob):
    assert dob in found(text, "DOB")


@pytest.mark.parametrize("text", [
    "surgery on the third of May, 2024",
    "2024年5月3日に手術しました",
    "three months after birth control stopped",
    "I turned 36 in May",
    "平成の頃に一度施術しました",
])
def test_worded_dates_without_a_birth_word_stay(text):
    assert found(text, "DOB") == []
