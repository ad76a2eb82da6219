"""BANK_ACCOUNT: account numbers (10-16 digits, grouped or not) shortly after a bank or account word.

Without that context a digit group is just a number; with it, it is almost always an account.
"""
from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer

from anonymise.recognizers import gates

BANK_WORDS = (r"(?<![A-Za-z])(?:은행|뱅크|계좌|입금|송금|이체|환불|예금주|국민|신한|우리|하나|농협|기업|카카오|토스|케이뱅크|"
              r"수협|신협|새마을|우체국|씨티|SC제일|제일|부산|대구|경남|광주|전북|제주|산업|"
              r"KB|NH|IBK|bank|account|acct|a/c|wire|transfer|refund|银行|账户|口座|銀行)")
ACCOUNT = r"(?<![\d-])\d{2,6}(?:[ \t]?-[ \t]?\d{1,7}){1,3}(?![\d-])|(?<!\d)\d{10,14}(?!\d)"


class BankAccountRecognizer(PatternRecognizer):
    TEXT_GATES = (gates.DIGIT, gates.gate(BANK_WORDS))
    PATTERNS = [Pattern("account_after_bank_word", rf"(?<={BANK_WORDS}[^\n]{{0,25}}?)(?:{ACCOUNT})", 0.6)]
    CONTEXT = ["계좌", "은행", "account", "bank", "입금", "송금"]

    def __init__(self):
        super().__init__(supported_entity="BANK_ACCOUNT", patterns=self.PATTERNS, context=self.CONTEXT,
                         name="BankAccountRecognizer")

    def invalidate_result(self, pattern_text: str) -> bool:
        # Korean account numbers have 10-14 digits (16 with branch and check groups); fewer is a date,
        # an amount or a phone fragment.
        digits = sum(c.isdigit() for c in pattern_text)
        return not 10 <= digits <= 16


RECOGNIZERS = [BankAccountRecognizer]
