import pytest

from anonymise.engine import analyze_text
from stdnum import luhn

from anonymise.recognizers.card import CardNumberRecognizer


def found(text: str, entity: str) -> list[str]:
    return [text[r.start:r.end] for r in analyze_text(text) if r.entity_type == entity]


@pytest.mark.parametrize("text, card", [
    ("카드번호 4111-1111-1111-1111 로 결제해주세요", "4111-1111-1111-1111"),
    ("card 5500 0000 0000 0004 please", "5500 0000 0000 0004"),
    ("결제 카드 4111.1111.1111.1111", "4111.1111.1111.1111"),
    ("카드 4111111111111111 입니다", "4111111111111111"),
    ("Amex 3782 822463 10005", "3782 822463 10005"),
    ("AMEX card 378282246310005", "378282246310005"),
    ("카드번호 9411-2233-4455-6677 (Luhn 아님)", "9411-2233-4455-6677"),
    ("신용카드 1234-****-****-5678", "1234-****-****-5678"),
    ("결제할 카드번호 9410123412341234 입니다", "9410123412341234"),
])
def test_card_forms(text, card):
    assert card in found(text, "CREDIT_CARD")


def test_luhn_raises_score_and_is_not_required():
    assert luhn.is_valid("4111111111111111") and not luhn.is_valid("4111111111111112")
    assert CardNumberRecognizer().validate_result("4111 1111 1111 1111") is True
    assert CardNumberRecognizer().validate_result("4111 1111 1111 1112") is None


@pytest.mark.parametrize("text", [
    "총 비용 12,500,000원, 2024년 3월 수술",
    "Package price $12,000 for 2 procedures in 2024.",
])
def test_amounts_are_not_cards(text):
    assert found(text, "CREDIT_CARD") == []
