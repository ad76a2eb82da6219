"""IBAN: Presidio's IBAN recognizer (country code, check digits, groups of four), checked by python-stdnum."""
from __future__ import annotations

from presidio_analyzer.predefined_recognizers import IbanRecognizer as PresidioIbanRecognizer
from stdnum import iban

from anonymise.recognizers import gates

CONTEXT = ["iban", "bank", "account", "transfer", "wire", "konto", "compte", "conto", "계좌", "송금", "이체", "银行",
           "账户", "口座"]


class IbanRecognizer(PresidioIbanRecognizer):
    TEXT_GATES = (gates.DIGIT, gates.gate(r"[A-Za-z]{2}\d{2}[ -]?[A-Za-z0-9]{4}"),)

    def __init__(self):
        super().__init__(context=CONTEXT, supported_entity="IBAN", name="StdnumIbanRecognizer")

    def validate_result(self, pattern_text: str) -> bool:
        return iban.is_valid(pattern_text)


RECOGNIZERS = [IbanRecognizer]
