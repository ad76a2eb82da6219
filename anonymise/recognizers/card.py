"""CREDIT_CARD: 4x4 digit groups with any one separator, 16 plain digits, Amex 4-6-5; Luhn raises the score."""
from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer

from anonymise.recognizers import gates


def luhn_ok(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


class CreditCardRecognizer(PatternRecognizer):
    TEXT_GATES = (gates.DIGIT,)
    PATTERNS = [
        Pattern("card_grouped", r"(?<![\d-])\d{4}([ \t]?[- .][ \t]?|[ \t])\d{4}\1\d{4}\1\d{4}(?![\d-])", 0.6),
        # Masked middle groups (1234-****-****-5678) still identify the card with the bank.
        Pattern("card_masked", r"(?<![\d-])\d{4}([ \t]?[- .][ \t]?)(?:\d{4}|[*xX]{4})\1[*xX]{4}\1\d{4}(?![\d-])", 0.6),
        Pattern("card_plain", r"(?<!\d)\d{16}(?!\d)", 0.4),
        Pattern("amex", r"(?<![\d-])3[47]\d{2}(?:[ \t]?[- ][ \t]?)?\d{6}(?:[ \t]?[- ][ \t]?)?\d{5}(?![\d-])", 0.4),
    ]
    CONTEXT = ["카드", "신용", "체크", "결제", "card", "visa", "master", "amex", "credit", "debit", "信用卡", "カード"]

    def __init__(self):
        super().__init__(supported_entity="CREDIT_CARD", patterns=self.PATTERNS, context=self.CONTEXT,
                         name="CreditCardRecognizer")

    def validate_result(self, pattern_text: str) -> bool | None:
        digits = "".join(c for c in pattern_text if c.isdigit())
        return True if len(digits) in (15, 16) and luhn_ok(digits) else None


RECOGNIZERS = [CreditCardRecognizer]
