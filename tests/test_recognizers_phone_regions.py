"""PHONE through phonenumbers: numbers of many regions, with and without a country code, and the
numbers that must never be taken for phones. All numbers are made up (fictional ranges where a
country has them)."""
import pytest

from anonymise.engine import analyze_text
from anonymise.recognizers.phone import PhoneRecognizer


def found(text: str, entity: str = "PHONE") -> list[str]:
    return [text[r.start:r.end] for r in analyze_text(text) if r.entity_type == entity]


@pytest.mark.parametrize("text, phone", [
    # with a country code: any region phonenumbers knows
    ("WhatsApp +44 20 7946 0958 anytime", "+44 20 7946 0958"),
    ("Звоните +7 912 345-67-89", "+7 912 345-67-89"),
    ("Số của tôi +84 90 123 45 67", "+84 90 123 45 67"),
    ("เบอร์ +66 81 234 5678 ค่ะ", "+66 81 234 5678"),
    ("Ruf an: +49 30 901820", "+49 30 901820"),
    ("mon portable +33 6 12 34 56 78", "+33 6 12 34 56 78"),
    ("call 0082-10-4821-7395", "0082-10-4821-7395"),
    ("연락처 (+82)10-4821-7395", "(+82)10-4821-7395"),
    ("UAE +971 50 123 4567", "+971 50 123 4567"),
    # without one, in a foreign patient's text
    ("My cell is 206-555-0187, thanks", "206-555-0187"),
    ("手机号 138 0013 8000", "138 0013 8000"),
    ("携帯 080-1234-5678 まで", "080-1234-5678"),
    ("call my UK mobile 07700 900461", "07700 900461"),
    ("Sydney number (02) 9374 4000", "(02) 9374 4000"),
    ("台灣手機 0912-345-678", "0912-345-678"),
    # Korean, in every spelling
    ("제주 집 0647201234로 전화", "0647201234"),
    ("010 4821 7395 입니다", "010 4821 7395"),
    ("대표번호 1644-1234", "1644-1234"),
])
def test_numbers_of_many_regions_are_phones(text, phone):
    assert phone in found(text)


@pytest.mark.parametrize("text", [
    "보톡스 100유닛, 지방이식 3,000cc, 울쎄라 300샷",
    "비율은 1:1로 섞고 10:30에 시술합니다",
    "가격 1,500,000원, 할인 후 1 200 000원",
    "The package is $4 500 000 won equivalent, 12 000 000 KRW",
    "수술일 2024-05-10, 재진 2024.06.12, 생일 아닌 날 20240510",
    "Follow-up 03/05/2025 and 12/11/2024",
    "recovery takes 3-6 months, about 10 days to 2 weeks",
    "server 192.168.10.254 was down",
    "등록번호 2017-123456, 사업자 220-81-62517",
    "SSN layout 123-45-6789 is not a phone",
    "계좌 110-123-456789 국민은행",
    "총 1234567 걸음, 2500000 views",
])
def test_quantities_dates_and_other_numbers_are_not_phones(text):
    assert found(text) == []


def test_a_phone_word_makes_any_digits_a_phone_and_a_dose_after_it_stays():
    assert found("전화 1234567 로 주세요") == ["1234567"]
    text = "010-4821-7395 50유닛 맞을게요"
    assert found(text) == ["010-4821-7395"] and "50유닛" in text


def test_plain_digits_need_a_phone_word_unless_korean():
    recognizer = PhoneRecognizer()
    assert recognizer.analyze("order 2065550187", ["PHONE"]) == []  # could only score below the threshold
    assert [r.score for r in recognizer.analyze("cell 2065550187", ["PHONE"])] == [0.4]  # the word lifts it (+0.35)
    assert found("order 2065550187") == []
    assert found("text me 2065550187") == ["2065550187"]
    assert found("01048217395") == ["01048217395"]
