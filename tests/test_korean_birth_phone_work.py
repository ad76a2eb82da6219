"""Korean birth years in words, phones in digit words, workplaces and schools by their form.

Every sentence, company and school here is made up for these tests; none comes from an evaluation set.
"""
import pytest

from world_fixtures import redacted


@pytest.mark.parametrize("text, gone, kept", [
    # K6: the year of 빠른 NN and of a zodiac year is a date of birth
    ("빠른 97이라 동기들보다 어려요.", "97", ["빠른", "동기들보다"]),
    ("89년 뱀띠라서 올해 삼재래요.", "89", ["올해", "삼재래요"]),
])
def test_birth_years_in_words_go(text, gone, kept):
    out = redacted(text)
    assert gone not in out and "<DOB>" in out, out
    assert all(k in out for k in kept), out


def test_a_quick_duration_is_no_birth_year():
    assert redacted("빠른 20분 시술이라 좋아요.") == "빠른 20분 시술이라 좋아요."


def test_phone_in_hangul_digit_words_goes():
    out = redacted("연락처는 공일공 칠칠팔팔 삼삼사사예요. 이사 갔어요.")
    assert out == "연락처는 <PHONE>예요. 이사 갔어요.", out


@pytest.mark.parametrize("text, gone, kept, label", [
    # K7: a company's form before a work cue, a numbered military unit, a school before a department
    ("누나는 새솔증권 다녀요.", "새솔증권", ["누나는", "다녀요"], "<WORKPLACE>"),
    ("동생이 12사단에서 복무 중이에요.", "12사단", ["동생이", "복무"], "<WORKPLACE>"),
    ("푸른솔대 물리치료학과 다녀요.", "푸른솔대", ["물리치료학과"], "<SCHOOL>"),
])
def test_workplaces_and_schools_go(text, gone, kept, label):
    out = redacted(text)
    assert gone not in out and label in out, out
    assert all(k in out for k in kept), out
