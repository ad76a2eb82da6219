"""VEHICLE_NO outside Korea: a plate of letters and digits after a parking, plate or registration
cue (plate KLM 4421 B, reg AB12 CDE, parking: MH 12 AB 3456). The cue is needed: alone, the shape
is also a product code."""
from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer

from anonymise.recognizers import gates

CUE = (r"(?i:parking|plate|plates|reg|rego|registration|licen[cs]e[ \t]plate|number[ \t]plate|car[ \t]number|"
       r"vehicle|номер|госномер|biển[ \t]số|ทะเบียน)")
PLATE = (r"(?-i:[A-Z]{1,3}[ \t-]?\d{1,4}[ \t-]?[A-Z]{1,3}(?:[ \t-]?\d{1,4})?|[A-Z]{2}\d{2}[ \t]?[A-Z]{3}|\d{1,4}[ \t-]?"
         r"[A-Z]{2,3}[ \t-]?\d{1,4}|[A-Z]{1,3}[ \t-]?\d{2,5}|[АВЕКМНОРСТУХ]\d{3}[АВЕКМНОРСТУХ]{2}[ \t]?\d{2,3})")


class ForeignPlateRecognizer(PatternRecognizer):
    TEXT_GATES = (gates.DIGIT, gates.gate(CUE))
    PATTERNS = [Pattern("plate_after_cue", rf"(?<={CUE}[^\n\d]{{0,14}}?)(?<![A-Za-z0-9]){PLATE}(?![A-Za-z0-9])", 0.75)]

    def __init__(self):
        super().__init__(supported_entity="VEHICLE_NO", patterns=self.PATTERNS, name="ForeignPlateRecognizer")


RECOGNIZERS = [ForeignPlateRecognizer]
