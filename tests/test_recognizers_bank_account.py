import pytest

from anonymise.engine import analyze_text


def found(text: str, entity: str) -> list[str]:
    return [text[r.start:r.end] for r in analyze_text(text) if r.entity_type == entity]


@pytest.mark.parametrize("text, account", [
    ("환불은 국민은행 123456-01-234567 로 부탁드려요", "123456-01-234567"),
    ("신한 110-432-765432 (예금주 본인)", "110-432-765432"),
    ("카카오뱅크 3333-12-3456789로 입금했어요", "3333-12-3456789"),
    ("농협 3021234567891 입니다", "3021234567891"),
    ("Please refund to my bank account 1002-345-678901.", "1002-345-678901"),
    ("취소하면 새마을금고 9002-1234-5678-9로 돌려주세요", "9002-1234-5678-9"),
])
def test_account_after_bank_word(text, account):
    assert account in found(text, "BANK_ACCOUNT")


@pytest.mark.parametrize("text", [
    "예약금 300,000원을 입금했어요. 수술은 2024-05-10 예정입니다",
    "하나 궁금한 게 있는데 12-14일 회복기간이 필요한가요",
    "The account of my recovery: 3-5 days of swelling.",
])
def test_numbers_near_bank_words_that_are_not_accounts(text):
    assert found(text, "BANK_ACCOUNT") == []
