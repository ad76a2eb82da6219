"""CREDIT_CARD: Presidio's credit-card recognizer, with card numbers of 12-19 digits in any grouping and
masked ones; Luhn (python-stdnum) decides.

A number in Presidio's card layout or grouped like a card (4-4-4-4, 4-6-5, plain) counts when its
Luhn check digit is right; a 4x4 grouped one even when it is not (a mistyped card is still a card),
and 15-16 plain digits after a card word; a masked one (1234-****-****-5678) always. Card numbers start with 1-6 or 9 (Korean domestic
cards); 0 is a phone's trunk prefix, 7 and 8 are not card industries.
"""
from __future__ import annotations

import re

from presidio_analyzer import Pattern
from presidio_analyzer.predefined_recognizers import CreditCardRecognizer
from stdnum import luhn

from anonymise.recognizers import gates
from anonymise.recognizers.boundaries import ascii_bounded
from anonymise.recognizers.kr_ids import BIRTH

# 13 digits that read as a Korean registration number are one (kr_ids), whatever Luhn says.
RRN_SHAPE = re.compile(rf"{BIRTH}[1-8]\d{{6}}")
GROUPED_4X4 = re.compile(r"\d{4}([ \t]?[- .][ \t]?|[ \t])\d{4}\1\d{4}\1\d{4}")
PATTERNS = [
    *ascii_bounded(CreditCardRecognizer.PATTERNS),
    Pattern("card_grouped", r"(?<![\d.,-])[1-69]\d{3}(?:(?:[ \t]?[-.][ \t]?|[ \t])\d{2,6}){2,4}(?![\d-])", 0.5),
    Pattern("card_plain", r"(?<!\d)[1-69]\d{11,18}(?!\d)", 0.3),
    # Masked middle groups still identify the card with the bank.
    Pattern("card_masked", r"(?<![\d-])\d{4}([ \t]?[- .][ \t]?)(?:\d{4}|[*xX]{4})\1[*xX]{4}\1\d{4}(?![\d-])", 0.6),
]
CONTEXT = ["카드", "신용", "체크", "결제", "card", "visa", "master", "mastercard", "amex", "credit", "debit", "jcb",
           "unionpay", "信用卡", "银行卡", "カード"]


class CardNumberRecognizer(CreditCardRecognizer):
    # Twelve digits close together, or four and a masked group.
    TEXT_GATES = (gates.DIGIT, gates.gate(r"(?:\d[ \t.-]{0,3}){12}|\d{4}[ \t.-]*[*xX]{4}"),)

    def __init__(self):
        super().__init__(patterns=PATTERNS, context=CONTEXT, supported_entity="CREDIT_CARD",
                         name="CardNumberRecognizer")

    def validate_result(self, pattern_text: str) -> bool | None:
        if "*" in pattern_text or "x" in pattern_text.lower():
            return None  # masked: the pattern's score stands
        digits = re.sub(r"\D", "", pattern_text)
        if 12 <= len(digits) <= 19 and luhn.is_valid(digits) and not RRN_SHAPE.fullmatch(digits):
            return True if len(digits) > 12 else None  # 12 digits: rare for a card, common for national IDs
        if GROUPED_4X4.fullmatch(pattern_text) or pattern_text.isdigit() and len(digits) in (15, 16):
            return None  # a mistyped card: grouped as one, or as long as one after a card word (context)
        return False


RECOGNIZERS = [CardNumberRecognizer]
