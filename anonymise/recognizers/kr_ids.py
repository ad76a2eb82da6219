"""Korean national identifiers: RRN, FRN, passport, driver's licence, business registration number.

Check digits (anonymise.kr_check_digits, python-stdnum) raise a score but are never required: RRNs/FRNs issued since October 2020 carry a
random last digit, and a typo'd number is still someone's number.
"""
from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer
from anonymise.kr_check_digits import brn_ok, registration_number_ok
from anonymise.recognizers import gates

BIRTH = r"\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
# Masked tails (900328-1******) still disclose birth date and sex: redact them too.
TAIL = r"(?:\d{6}|[*xX●○]{6}|\d[*xX●○]{5})"


class _RegistrationNumberRecognizer(PatternRecognizer):
    """YYMMDD-GXXXXXX; the gender/century digit G tells a resident (1-4) from a foreigner (5-8)."""
    TEXT_GATES = (gates.DIGIT,)

    def validate_result(self, pattern_text: str) -> bool | None:
        return True if registration_number_ok("".join(c for c in pattern_text if c.isdigit())) else None


class RrnRecognizer(_RegistrationNumberRecognizer):
    PATTERNS = [
        Pattern("rrn_separated", rf"(?<!\d){BIRTH}[ \t]?[-–][ \t]?[1-4]{TAIL}(?!\d)", 0.85),
        Pattern("rrn_plain", rf"(?<!\d){BIRTH}[ \t]?[1-4]\d{{6}}(?!\d)", 0.6),
    ]
    CONTEXT = ["주민등록", "주민번호", "주민", "resident", "registration", "rrn", "ssn", "身份证", "住民"]

    def __init__(self):
        super().__init__(supported_entity="RRN", patterns=self.PATTERNS, context=self.CONTEXT, name="RrnRecognizer")


class FrnRecognizer(_RegistrationNumberRecognizer):
    PATTERNS = [
        Pattern("frn_separated", rf"(?<!\d){BIRTH}[ \t]?[-–][ \t]?[5-8]{TAIL}(?!\d)", 0.85),
        Pattern("frn_plain", rf"(?<!\d){BIRTH}[ \t]?[5-8]\d{{6}}(?!\d)", 0.6),
    ]
    CONTEXT = ["외국인등록", "외국인", "등록번호", "alien", "foreigner", "registration", "arc", "frn", "外国人"]

    def __init__(self):
        super().__init__(supported_entity="FRN", patterns=self.PATTERNS, context=self.CONTEXT, name="FrnRecognizer")


PASSPORT_CONTEXT_WORDS = r"(?<![A-Za-z])(?:passport|여권|护照|護照|旅券|パスポート)"


class PassportRecognizer(PatternRecognizer):
    TEXT_GATES = (gates.DIGIT, gates.gate(rf"[MSRGD]\d{{3}}|{PASSPORT_CONTEXT_WORDS}"))
    PATTERNS = [
        # Korean passports: type letter + 8 digits, or the 2021 format M123A4567.
        Pattern("kr_passport", r"(?<![A-Za-z0-9])[MSRGDmsrgd](?:\d{8}|\d{3}[A-Za-z]\d{4})(?![A-Za-z0-9])", 0.6),
        # Any other country's number: 6-9 letters/digits with a digit, shortly after a passport word.
        Pattern("passport_after_context",
                rf"(?<={PASSPORT_CONTEXT_WORDS}[^\n\d]{{0,30}})(?<![A-Za-z0-9])(?=[A-Za-z]{{0,3}}\d)"
                r"[A-Za-z0-9]{6,10}(?![A-Za-z0-9])", 0.85),
    ]
    CONTEXT = ["passport", "여권", "护照", "護照", "旅券", "パスポート"]

    def __init__(self):
        super().__init__(supported_entity="PASSPORT", patterns=self.PATTERNS, context=self.CONTEXT,
                         name="PassportRecognizer")


class DriverLicenseRecognizer(PatternRecognizer):
    TEXT_GATES = (gates.DIGIT,)
    REGIONS = "서울|부산|경기|강원|충북|충남|전북|전남|경북|경남|제주|대구|인천|광주|대전|울산"
    PATTERNS = [
        # 11-12-345678-90: region code (or name), year, serial, check.
        Pattern("kr_licence", rf"(?<![\d-])(?:\d{{2}}[ \t]?-[ \t]?|(?:{REGIONS})[ \t]?-?[ \t]?)\d{{2}}-\d{{6}}-\d{{2}}(?![\d-])", 0.65),
        Pattern("kr_licence_plain", r"(?<!\d)\d{12}(?!\d)", 0.2),
    ]
    CONTEXT = ["운전면허", "면허번호", "면허", "driver", "driving", "licence", "license", "驾照", "驾驶证", "運転免許"]

    def __init__(self):
        super().__init__(supported_entity="DRIVER_LICENSE", patterns=self.PATTERNS, context=self.CONTEXT,
                         name="DriverLicenseRecognizer")


class BusinessRegistrationRecognizer(PatternRecognizer):
    TEXT_GATES = (gates.DIGIT,)
    PATTERNS = [Pattern("kr_brn", r"(?<![\d-])\d{3}-\d{2}-\d{5}(?![\d-])", 0.5)]
    CONTEXT = ["사업자", "등록번호", "business", "registration", "brn", "tax"]

    def __init__(self):
        super().__init__(supported_entity="BRN", patterns=self.PATTERNS, context=self.CONTEXT,
                         name="BusinessRegistrationRecognizer")

    def validate_result(self, pattern_text: str) -> bool | None:
        return True if brn_ok(pattern_text) else None


RECOGNIZERS = [RrnRecognizer, FrnRecognizer, PassportRecognizer, DriverLicenseRecognizer,
               BusinessRegistrationRecognizer]
