"""US identifiers: Presidio's SSN, ITIN and driver's-licence recognizers, with boundaries that work
beside CJK text; python-stdnum checks the SSN.

SSN: Presidio's 3-2-4 pattern (its weaker ones never reach the threshold) and any 9 digits right
after "SSN" / "social security (number)". ITIN (9xx-7x-xxxx): an ID.
Driver's licences: Presidio's state formats, weak alone, counted next to a licence word.
"""
from __future__ import annotations

from presidio_analyzer import Pattern
from presidio_analyzer.predefined_recognizers import UsLicenseRecognizer, UsItinRecognizer, UsSsnRecognizer
from stdnum.us import ssn

from anonymise.recognizers import gates
from anonymise.recognizers.boundaries import ascii_bounded

SSN_LABEL = r"(?<![A-Za-z])(?:ssn|social[ \t]security(?:[ \t](?:number|no\.?|#))?|사회보장번호|社会保障号)"


class SsnRecognizer(UsSsnRecognizer):
    # Presidio's only pattern that scores on its own (3-2-4 grouped); its very weak ones stay under the
    # threshold even with context, and the label pattern below covers them.
    TEXT_GATES = (gates.DIGIT, gates.gate(r"\d{3}[- .]\d{2}[- .]\d{4}"),)
    PATTERNS = [p for p in ascii_bounded(UsSsnRecognizer.PATTERNS) if p.score >= 0.5]

    def __init__(self):
        super().__init__(patterns=self.PATTERNS, context=[*UsSsnRecognizer.CONTEXT, "social security", "사회보장번호"],
                         supported_entity="SSN", name="SsnRecognizer")

    def invalidate_result(self, pattern_text: str) -> bool:
        return super().invalidate_result(pattern_text) or not ssn.is_valid(pattern_text.replace(" ", "").replace(".", "-"))


class SsnAfterLabelRecognizer(SsnRecognizer):
    """Any 9 digits right after "SSN" / "social security (number)"."""
    TEXT_GATES = (gates.DIGIT, gates.gate(SSN_LABEL),)
    PATTERNS = [Pattern("ssn_after_label", rf"(?<={SSN_LABEL}[^\n\d]{{0,15}})(?<!\d)\d{{3}}[- .]?\d{{2}}[- .]?\d{{4}}(?!\d)", 0.7)]


class ItinRecognizer(UsItinRecognizer):
    TEXT_GATES = (gates.DIGIT, gates.gate(r"9\d{2}[- ]?[5-9]\d[- ]?\d{4}"),)

    def __init__(self):
        super().__init__(patterns=ascii_bounded(UsItinRecognizer.PATTERNS), supported_entity="ID", name="ItinRecognizer")


class UsDriverLicenceRecognizer(UsLicenseRecognizer):
    # Weak patterns: they only count with a licence word nearby, and that word is the gate.
    TEXT_GATES = (gates.DIGIT, gates.gate(r"licen[cs]e|driver|driving|permit|identification|\bdl\b|\bdls\b|\blic\b|면허"))

    def __init__(self):
        super().__init__(patterns=ascii_bounded(UsLicenseRecognizer.PATTERNS), supported_entity="DRIVER_LICENSE",
                         context=[*UsLicenseRecognizer.CONTEXT, "licence", "운전면허", "면허"],
                         name="UsDriverLicenceRecognizer")


RECOGNIZERS = [SsnRecognizer, SsnAfterLabelRecognizer, ItinRecognizer, UsDriverLicenceRecognizer]
