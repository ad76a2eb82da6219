"""Dates of birth with a month word, in the languages of medical tourism, and Korean/Chinese/Japanese
dates said in numerals: the DOB recognizer removes them next to a birth word, the leak gate refuses
the same dates when one is left, and a treatment date, a month alone or a duration stays. Every date
and sentence here is invented."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from anonymise.engine import analyze_text
from anonymise.gate.released_text import birth_dates_in_words
from anonymise.vocabulary.birth_dates import worded_birth_dates
from gate_fixtures import build_clean_release, text_findings, write_snapshot
from world_fixtures import redacted

TODAY = date(2026, 12, 4)


def dob(text: str) -> list[str]:
    return [text[r.start:r.end] for r in analyze_text(text) if r.entity_type == "DOB"]


WORDED_BIRTH_DATES = [
    ("Пациентка 14 февраля 1983 г. рождения, жалоб нет.", "14 февраля 1983 г."),      # ru, date before рождения
    ("Я родилась 22 октября 1994 года в Казани.", "22 октября 1994 года"),
    ("родился 9.XI.1979, аллергий нет", "9.XI.1979"),                                   # ru, Roman month
    ("born 9 XI 1979", "9 XI 1979"),
    ("Saya lahir 11 Oktober 1996 di Surabaya.", "11 Oktober 1996"),                      # id
    ("TTL: Bandung, 3 Maret 1989", "3 Maret 1989"),                                      # id, place then date
    ("Tarikh lahir saya 27 Ogos 1992.", "27 Ogos 1992"),                                 # ms
    ("Tôi sinh ngày 18 tháng 6 năm 1987 ở Huế.", "18 tháng 6 năm 1987"),                 # vi
    ("วันเกิด 21 สิงหาคม 2535 ค่ะ", "21 สิงหาคม 2535"),                                    # th, Buddhist Era
    ("เกิดวันที่ 2 ต.ค. 2529", "2 ต.ค. 2529"),                                             # th, abbreviated month
    ("ولدت في 19 نوفمبر 1991 في عمّان", "19 نوفمبر 1991"),                                # ar, Gregorian
    ("تاريخ الميلاد: 12 شوال 1408 هـ", "12 شوال 1408 هـ"),                                 # ar, Hijri
    ("تاريخ الميلاد ٨ أيلول ١٩٩٣", "٨ أيلول ١٩٩٣"),                                        # ar, Levantine month, Arabic digits
    ("Би 1986 оны 7 сарын 23-нд төрсөн.", "1986 оны 7 сарын 23-нд"),                     # mn
    ("Төрсөн огноо: 1990 оны долдугаар сарын 4", "1990 оны долдугаар сарын 4"),          # mn, month in words
    ("Мен 1993 жылы 16 мамырда туғанмын.", "1993 жылы 16 мамырда"),                      # kk
    ("Туған күні: 30 қараша 1988", "30 қараша 1988"),
    ("née le 24 juillet 1985 à Nantes", "24 juillet 1985"),                              # fr
    ("Geburtsdatum: 6. Dezember 1981", "6. Dezember 1981"),                              # de
    ("nacido el 13 de enero de 1990", "13 de enero de 1990"),                            # es
    ("d.o.b. 29-Sep-1984", "29-Sep-1984"),                                               # en, unusual layout
]


@pytest.mark.parametrize("text, date_of_birth", WORDED_BIRTH_DATES)
def test_a_worded_date_next_to_a_birth_word_is_a_dob(text, date_of_birth):
    assert date_of_birth in dob(text)
    assert date_of_birth not in redacted(text)


# Dates said in numerals (Sino-Korean words, Han numerals, a Japanese era year) after a birth word.
SPOKEN_BIRTH_DATES = [
    ("육십구년 칠월 십사일생이에요", "육십구년 칠월 십사일"),      # a year said by its tens (69)
    ("저는 팔삼년생이에요", "팔삼년"),                            # digit by digit (83)
    ("생일은 구십사년 유월이에요", "구십사년 유월"),
    ("一九九二年十月八日生", "一九九二年十月八日"),
    ("1992年十月八日出生", "1992年十月八日"),                     # digits and Han numerals mixed
    ("昭和五十八年生まれです", "昭和五十八年"),                    # a Japanese era year in Han numerals
    # a day said as a native-Korean count (열아흐레 19, 스무사흘 23, 초닷새 5, 보름 15), as on the phone
    ("칠십사년 시월 열아흐레생이에요", "칠십사년 시월 열아흐레"),
    ("팔십칠 년 삼월 스무사흘 생", "팔십칠 년 삼월 스무사흘"),
    ("음력 구십육년 구월 초닷새생이에요", "구십육년 구월 초닷새"),    # 음력 before the date
    ("할머니 생신이 음력 유월 보름이에요", "유월 보름"),            # 생신, a month and day without the year
    ("생일은 이천일년 이월 스무날이에요", "이천일년 이월 스무날"),
    ("88년 11월 열이틀생입니다", "88년 11월 열이틀"),               # digits, then the day in words
    # a Chinese lunar date: 农历/阴历, 正月..腊月, 初X/十X/廿X, with or without a year
    ("出生于农历冬月廿七", "农历冬月廿七"),
    ("我是一九八七年阴历正月初九生的", "一九八七年阴历正月初九"),
    ("腊月十八出生", "腊月十八"),
    # English with the year said by its last two digits
    ("I was born the eleventh of April, eighty-six.", "the eleventh of April, eighty-six"),
    ("DOB: October 2nd, ninety-four", "October 2nd, ninety-four"),
]


@pytest.mark.parametrize("text, date_of_birth", SPOKEN_BIRTH_DATES + [
    ("Geb. 03.09.1986", "03.09.1986"),                           # birth words the digit forms lacked
    ("tanggal lahir 1991-04-17", "1991-04-17"),
    ("مواليد 1987", "1987"),
    ("생년월일 87.4.9 입니다", "87.4.9"),                         # a short year, month and day unpadded
    ("DOB 1987 04 09", "1987 04 09"),                            # digits apart by spaces only
])
def test_a_date_in_numerals_next_to_a_birth_word_is_a_dob(text, date_of_birth):
    assert date_of_birth in dob(text)


@pytest.mark.parametrize("text", [
    "Операцию сделали 14 февраля 2024 года.",          # a treatment date: the date rule's, not DOB
    "Saya operasi hidung pada 11 Oktober 2024.",
    "Tôi phẫu thuật ngày 18 tháng 6 năm 2024.",
    "ทำจมูกเมื่อ 21 สิงหาคม 2567",
    "أجريت عملية الأنف في 19 نوفمبر 2024",
    "Opération du nez le 24 juillet 2024.",
    "เกิดรอยช้ำหลังผ่าตัด 5 มีนาคม 2567",                  # เกิด here is "a bruise came", glued to its words
    "ฉีดโบท็อกซ์เดือนมีนาคม",                              # a Thai month, no year, beside a procedure
    "أجريت حقن البوتوكس في مارس",                          # an Arabic month, no year
    "3월 초에 예약하고 싶어요",
    "회복은 6개월 걸려요",
    "보톡스 50유닛 맞았어요",
    "이십년 전에 쌍꺼풀 했어요",
    "It was popular in the 1990s.",
    "My skin has been dry since March.",
    "Botox 50 units on 9 XI 2024",                     # a Roman month, no birth word
])
def test_dates_that_are_no_birth_date_stay(text):
    assert dob(text) == []


# The spoken forms above without a birth word, or with a word 생 only starts (생리, 생각): a treatment
# date or a booking stays on both sides.
SPOKEN_DATES_WITHOUT_BIRTH = [
    "수술은 이십사년 시월 열아흐레에 했어요",
    "시월 열아흐레에 예약했어요",
    "생리는 삼월 스무사흘에 시작했어요",
    "3월 5일 생리 시작했어요",
    "구월 열흘 생각하고 있어요",
    "5월 3일 생활 습관 상담",
    "农历八月十五做了双眼皮",
    "腊月廿三是小年",
    "We met the ninth of June, ninety-one.",
    "Botox on March 3rd, eighty units",
]


@pytest.mark.parametrize("text", SPOKEN_DATES_WITHOUT_BIRTH)
def test_spoken_dates_without_a_birth_word_stay_on_both_sides(text):
    assert dob(text) == []
    assert birth_dates_in_words(text) == []


# A transcript: the birth question on one line, the date alone on the next.
BIRTH_ANSWERS = [
    ("상담원: 생년월일 말씀해 주세요\n고객: 구삼년 칠월 이일이요", "구삼년 칠월 이일"),
    ("Q: Date of birth?\nA: 4/11/87", "4/11/87"),
    ("간호사: 생년월일이 어떻게 되세요?\n환자: 네, 1979년 2월 8일입니다.", "1979년 2월 8일"),
    ("Nurse: And when were you born?\nCaller: the second of May, seventy-nine", "the second of May, seventy-nine"),
    ("DOB:\n1985-06-21", "1985-06-21"),                       # a form's label alone on its line
]


@pytest.mark.parametrize("text, date_of_birth", BIRTH_ANSWERS)
def test_the_answer_to_a_birth_question_goes_on_both_sides(text, date_of_birth):
    assert date_of_birth in dob(text)
    assert date_of_birth not in redacted(text)
    assert date_of_birth in [text[s:e] for s, e in birth_dates_in_words(text)]


@pytest.mark.parametrize("text, stays", [
    ("Q: When is the surgery?\nA: 4/11/25", "4/11/25"),                      # no birth question
    ("상담원: 예약 날짜 말씀해 주세요\n고객: 구월 삼일이요", "구월 삼일"),
    ("생년월일 말씀해 주세요\n수술은 3월 5일이에요", "3월 5일"),              # the line is more than the date
    ("Q: Date of birth?\nA: 4/11/87\nB: 5/12/25", "5/12/25"),               # only the line right after it
    ("생일 파티 했어요.\n3월 5일에 예약했어요", "3월 5일"),
])
def test_other_lines_after_a_question_are_no_birth_answer(text, stays):
    assert stays not in dob(text)
    assert stays not in [text[s:e] for s, e in birth_dates_in_words(text)]


@pytest.mark.parametrize("text", [
    "lahir 30 Februari 1993",            # no such day
    "lahir 5 Januari 1875",              # no living patient's year
    "родилась 5 марта 2031 года",        # a year still to come
    "تاريخ الميلاد: 12 شوال 1990 هـ",     # a Hijri month with a Gregorian year
])
def test_a_date_out_of_range_is_not_read(text):
    assert worded_birth_dates(text, TODAY) == []


NUMERAL_BIRTH_DATES = SPOKEN_BIRTH_DATES + [
    ("생년월일은 1991년 8월 12일입니다", "1991년 8월 12일"),       # short digit runs with their date units
    ("生年月日：1984年2月9日", "1984年2月9日"),
]


@pytest.mark.parametrize("text, date_of_birth", WORDED_BIRTH_DATES + NUMERAL_BIRTH_DATES)
def test_the_gate_refuses_what_the_recognizer_removes(text, date_of_birth):
    assert date_of_birth in [text[s:e] for s, e in birth_dates_in_words(text)]


@pytest.mark.parametrize("text", ["생일은      , 수술은 이천이십사년 삼월에 했어요",   # a blanked value after the birth word
                                  "생년월일      , 2024년 3월 5일 수술",
                                  "2024년 3월 5일에 쌍꺼풀 수술했어요",
                                  "이십년 전에 쌍꺼풀 했어요", "일년생 식물처럼 자라요"])
def test_the_gate_passes_numeral_dates_that_are_no_birth_date(text):
    assert birth_dates_in_words(text) == []


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    return build_clean_release(tmp_path_factory.mktemp("template") / "release")


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory) -> Path:
    return write_snapshot(tmp_path_factory.mktemp("accepted"))


@pytest.mark.parametrize("left", ["Я родилась 22 октября 1994 года.", "저는 팔삼년생이에요.", "팔십칠 년 삼월 스무사흘 생",
                                  "出生于农历冬月廿七", "DOB: October 2nd, ninety-four",
                                  "상담원: 생년월일 말씀해 주세요\n고객: 구삼년 칠월 이일이요"])
def test_a_left_birth_date_in_words_is_a_gate_finding(tmp_path, template, snapshot, left):
    assert "text:birth_date" in [kind for kind, _ in text_findings(tmp_path, template, snapshot, left)]


@pytest.mark.parametrize("text", [
    "Я родилась 22 октября 1994 года, операция 14 февраля 2024 года.",
    "Saya lahir 11 Oktober 1996, operasi 3 Maret 2024.",
    "생일은 칠십구년 사월이고 수술은 이천이십사년 삼월에 했어요.",
    "생신은 음력 유월 보름이고 수술은 시월 열아흐레에 했어요.",
    "Q: Date of birth?\nA: 4/11/87\nQ: And the surgery?\nA: 5/12/25",
])
def test_the_redacted_birth_date_passes_the_gate(tmp_path, template, snapshot, text):
    out = redacted(text)
    assert "birth_date" not in " ".join(kind for kind, _ in text_findings(tmp_path, template, snapshot, out)), out


@pytest.mark.parametrize("run, before, safe", [
    ("1991-04-17", "tanggal lahir ", False),     # birth words of every language count for digit dates too
    ("1986.09.03", "Geb. ", False),
    ("1979-11-09", "تاريخ الميلاد: ", False),
    ("2024-04-17", "operasi pada ", True),       # a treatment date stays
])
def test_a_digit_date_after_a_birth_word_is_no_safe_quantity_on_either_side(run, before, safe):
    from anonymise.gate import released_text
    from anonymise.vocabulary import quantities

    assert quantities.is_safe_quantity(run, before, "") is safe
    assert released_text.is_safe_quantity(run, before, "") is safe
