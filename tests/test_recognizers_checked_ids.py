"""Identifiers checked by python-stdnum (cards, IBAN, US SSN and ITIN, national IDs) and Presidio's
predefined recognizers behind them: valid numbers of several countries are found with their type,
wrong check digits and look-alikes are not. Every number is made up: computed with stdnum's own
check-digit functions, or a documented test number."""
import pytest
from stdnum import luhn

from anonymise.engine import analyze_text
from anonymise.recognizers.card import CardNumberRecognizer


def found(text: str, entity: str) -> list[str]:
    return [text[r.start:r.end] for r in analyze_text(text) if r.entity_type == entity]


def luhn_complete(body: str) -> str:
    return body + luhn.calc_check_digit(body)


@pytest.mark.parametrize("card", [
    luhn_complete("353011133330"),            # 13 digits
    "3530 1113 3330 00",                     # JCB, 14 digits grouped by four
    "6011-1111-1111-1117",                   # Discover
    "3714 496353 98431",                     # Amex 4-6-5
    "6212 3456 7890 1234 57",                # UnionPay, 18 digits
    "4000.0566.5566.5556",                   # dots
    "5018 1234 5678 900",                    # Maestro, 15
])
def test_cards_of_any_length_and_grouping_pass_luhn(card):
    assert luhn.is_valid(card.replace(" ", "").replace("-", "").replace(".", ""))
    assert card in found(f"결제는 {card}로 했어요", "CREDIT_CARD")
    assert card in found(f"paid with {card} yesterday", "CREDIT_CARD")


@pytest.mark.parametrize("text", [
    "order 6011 1111 1111 1118 shipped",   # Luhn off by one, not grouped 4x4 ... but it is: see below
    "ref 3714 496353 98432",               # Amex layout, wrong check digit
    "tracking 123456789012",               # 12 digits, wrong check digit, no card word
    "주민 9005031234568",                   # a registration number is never a card
])
def test_wrong_check_digits_and_registration_numbers_are_not_cards(text):
    cards = found(text, "CREDIT_CARD")
    if "6011 1111 1111 1118" in text:
        assert cards == ["6011 1111 1111 1118"]  # a mistyped card grouped 4x4 is still a card
    else:
        assert cards == []


def test_luhn_decides_the_score():
    recognizer = CardNumberRecognizer()
    assert recognizer.validate_result("6011-1111-1111-1117") is True
    assert recognizer.validate_result("6011-1111-1111-1118") is None   # 4x4: the pattern's score stands
    assert recognizer.validate_result("3714 496353 98432") is False
    assert recognizer.validate_result("1234-****-****-5678") is None


@pytest.mark.parametrize("value", [
    "DE44 5001 0517 5407 3249 31", "GB29 NWBK 6016 1331 9268 19", "FR14 2004 1010 0505 0001 3M02 606",
    "NL91ABNA0417164300", "CH9300762011623852957",
])
def test_ibans_of_several_countries(value):
    assert found(f"IBAN {value}로 송금했습니다", "IBAN") == [value]
    assert found(f"wire to {value} please", "IBAN") == [value]


def test_an_iban_with_a_wrong_check_is_not_one():
    assert found("IBAN DE45 5001 0517 5407 3249 31", "IBAN") == []


@pytest.mark.parametrize("text, value", [
    ("My SSN is 536-90-4399.", "536-90-4399"),
    ("social security number 536904399", "536904399"),
    ("SSN: 536 90 4399입니다", "536 90 4399"),
])
def test_us_social_security_numbers(text, value):
    assert found(text, "SSN") == [value]


@pytest.mark.parametrize("text", [
    "SSN 000-12-3456",     # area 000 is never issued
    "SSN 666-12-3456",     # nor 666
    "SSN 536-00-4399",     # group 00
    "room 536-90-43990",   # not the layout
])
def test_impossible_ssns_are_not_ssns(text):
    assert found(text, "SSN") == []


def test_itin_is_an_id():
    assert found("my ITIN is 912-78-1234", "ID") == ["912-78-1234"]


@pytest.mark.parametrize("text, value", [
    ("身份证号 110105198805031234", "110105198805031234"),           # China (stdnum check digit 4)
    ("IC 880503-14-5123 saya", "880503-14-5123"),                    # Malaysia NRIC
    ("บัตรประชาชน 3-1017-00230-70-4", "3-1017-00230-70-4"),           # Thailand, grouped
    ("マイナンバーは 4821 7395 1234 です", "4821 7395 1234"),           # Japan My Number
    ("Aadhaar 4968 5824 5152", "4968 5824 5152"),                     # India
    ("SIN 123 456 782", "123 456 782"),                               # Canada
    ("NHS number 482 173 9518", "482 173 9518"),                      # UK NHS
    ("NI number JG 10 37 59 A", "JG 10 37 59 A"),                     # UK National Insurance
])
def test_national_ids_of_several_countries(text, value):
    assert value in found(text, "ID")


@pytest.mark.parametrize("text", [
    "身份证号 110105198805031230",          # wrong check digit
    "order 4821 7395 1235 shipped",         # My Number shape, no word for it, wrong digit
    "Aadhaar 4968 5824 5153",               # Verhoeff fails
    "SIN 123 456 789",                      # Luhn fails
    "NHS number 482 173 9519",              # mod 11 fails
    "package 4821 7395 1234 for 3 areas",   # a valid My Number without its word is just digits
])
def test_national_id_look_alikes_are_not_ids(text):
    assert found(text, "ID") == []
