"""ID: national identity numbers of the countries patients come from, checked by python-stdnum.

One class per number. The check digit must be right: without it a 12- or 13-digit run is just a
number. A number whose layout is distinctive on its own (China's 18 characters with a birth date,
Malaysia's YYMMDD-PB-####, Thailand's 1-2345-67890-12-3) counts by itself; one that is only digits
(Japan's My Number, India's Aadhaar, Canada's SIN, the UK's NHS number) needs a word of its own
nearby (context), since any 10-12 digits pass a checksum one time in ten or eleven. The UK National
Insurance number is Presidio's own pattern. Korean numbers are in kr_ids, the US SSN in us_ids.
"""
from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer
from presidio_analyzer.predefined_recognizers import UkNinoRecognizer
from stdnum.ca import sin
from stdnum.cn import ric
from stdnum.gb import nhs
from stdnum.in_ import aadhaar
from stdnum.jp import in_ as my_number
from stdnum.my import nric
from stdnum.th import pin

from anonymise.recognizers import gates
from anonymise.recognizers.boundaries import ascii_bounded

YYMMDD = r"\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
SEP = r"[ \t-]?"
# Below the threshold alone; with its word nearby (+0.35) above a phone's score, so the word names it.
CONTEXT_ONLY = 0.45


class _CheckedIdRecognizer(PatternRecognizer):
    """A pattern and the python-stdnum module that validates it; ``DISTINCTIVE`` numbers count alone."""
    TEXT_GATES: tuple = ()
    ENTITY = "ID"
    PATTERNS: list[Pattern] = []
    CONTEXT: list[str] = []
    VALIDATOR = None
    DISTINCTIVE = False

    def __init__(self):
        super().__init__(supported_entity=self.ENTITY, patterns=self.PATTERNS, context=self.CONTEXT,
                         name=type(self).__name__)

    def validate_result(self, pattern_text: str) -> bool | None:
        if not self.VALIDATOR.is_valid(pattern_text.replace(" ", "").replace("\t", "")):
            return False
        return True if self.DISTINCTIVE else None  # None: the pattern's score stands, context lifts it


class ChineseResidentIdRecognizer(_CheckedIdRecognizer):
    TEXT_GATES = (gates.DIGIT, gates.gate(r"\d{17}"),)
    PATTERNS = [Pattern("cn_ric", rf"(?<![\dA-Za-z])[1-9]\d{{5}}(?:18|19|20){YYMMDD}\d{{3}}[\dXx](?![\dA-Za-z])", 0.6)]
    CONTEXT = ["身份证", "身份证号", "居民身份证", "公民身份号码", "id", "신분증"]
    VALIDATOR = ric
    DISTINCTIVE = True


class MalaysianNricRecognizer(_CheckedIdRecognizer):
    TEXT_GATES = (gates.DIGIT, gates.gate(r"\d{6}-\d{2}-\d{4}"),)
    PATTERNS = [Pattern("my_nric", rf"(?<![\d-]){YYMMDD}-\d{{2}}-\d{{4}}(?![\d-])", 0.6)]
    CONTEXT = ["nric", "mykad", "ic", "kad pengenalan"]
    VALIDATOR = nric
    DISTINCTIVE = True


class ThaiIdRecognizer(_CheckedIdRecognizer):
    TEXT_GATES = (gates.DIGIT, gates.gate(r"\d-\d{4}-\d{5}|\d{13}"),)
    PATTERNS = [Pattern("th_pin_grouped", r"(?<![\d-])[1-8]-\d{4}-\d{5}-\d{2}-\d(?![\d-])", 0.6),
                Pattern("th_pin_plain", r"(?<!\d)[1-8]\d{12}(?!\d)", 0.3)]
    CONTEXT = ["บัตรประชาชน", "เลขประจำตัวประชาชน", "thai", "national", "id", "citizen"]
    VALIDATOR = pin

    def validate_result(self, pattern_text: str) -> bool | None:
        valid = super().validate_result(pattern_text)
        return True if valid is None and "-" in pattern_text else valid  # the 1-4-5-2-1 layout is Thai alone


class JapaneseMyNumberRecognizer(_CheckedIdRecognizer):
    TEXT_GATES = (gates.DIGIT, gates.gate(r"マイナンバー|個人番号|my[ ]?number|마이넘버"))  # its word: below threshold without it
    PATTERNS = [Pattern("jp_my_number", rf"(?<![\d-])\d{{4}}{SEP}\d{{4}}{SEP}\d{{4}}(?![\d-])", CONTEXT_ONLY)]
    CONTEXT = ["マイナンバー", "個人番号", "my number", "mynumber", "마이넘버"]
    VALIDATOR = my_number


class AadhaarRecognizer(_CheckedIdRecognizer):
    TEXT_GATES = (gates.DIGIT, gates.gate(r"aadhaa?r|आधार|uid"))
    PATTERNS = [Pattern("in_aadhaar", rf"(?<![\d-])[2-9]\d{{3}}{SEP}\d{{4}}{SEP}\d{{4}}(?![\d-])", CONTEXT_ONLY)]
    CONTEXT = ["aadhaar", "aadhar", "आधार", "uidai", "uid"]
    VALIDATOR = aadhaar


class CanadianSinRecognizer(_CheckedIdRecognizer):
    TEXT_GATES = (gates.DIGIT, gates.gate(r"\bsin\b|social insurance|insurance number|\bnas\b"))
    PATTERNS = [Pattern("ca_sin", rf"(?<![\d-])[1-79]\d{{2}}{SEP}\d{{3}}{SEP}\d{{3}}(?![\d-])", CONTEXT_ONLY)]
    CONTEXT = ["sin", "social insurance", "insurance number", "nas"]
    VALIDATOR = sin


class NhsNumberRecognizer(_CheckedIdRecognizer):
    TEXT_GATES = (gates.DIGIT, gates.gate(r"nhs|health service"))
    PATTERNS = [Pattern("gb_nhs", rf"(?<![\d-])\d{{3}}{SEP}\d{{3}}{SEP}\d{{4}}(?![\d-])", CONTEXT_ONLY)]
    CONTEXT = ["nhs", "health service", "nhs number"]
    VALIDATOR = nhs


class NationalInsuranceRecognizer(UkNinoRecognizer):
    TEXT_GATES = (gates.DIGIT, gates.gate(r"[A-Za-z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-Da-d]"),)

    def __init__(self):
        super().__init__(patterns=ascii_bounded(UkNinoRecognizer.PATTERNS), supported_entity="ID",
                         context=[*UkNinoRecognizer.CONTEXT, "nino", "ni number"], name="NationalInsuranceRecognizer")


RECOGNIZERS = [ChineseResidentIdRecognizer, MalaysianNricRecognizer, ThaiIdRecognizer, JapaneseMyNumberRecognizer,
               AadhaarRecognizer, CanadianSinRecognizer, NhsNumberRecognizer, NationalInsuranceRecognizer]
