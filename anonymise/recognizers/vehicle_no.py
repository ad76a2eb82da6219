"""VEHICLE_NO: Korean number plates (12가 3456, 123가4567, 서울12가3456)."""
from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer

from anonymise.recognizers import gates

# The Hangul syllables plates actually use; any other syllable between digits is text.
PLATE_SYLLABLE = r"[가나다라마거너더러머버서어저고노도로모보소오조구누두루무부수우주바사아자배하허호육해공국합]"
REGION = r"(?:서울|부산|대구|인천|광주|대전|울산|세종|경기|강원|충북|충남|전북|전남|경북|경남|제주)"


class VehicleNumberRecognizer(PatternRecognizer):
    TEXT_GATES = (gates.DIGIT,)
    PATTERNS = [
        Pattern("kr_plate_region", rf"(?<![\d가-힣]){REGION}[ \t]?\d{{2}}[ \t]?{PLATE_SYLLABLE}[ \t]?\d{{4}}(?!\d)", 0.85),
        # A comma right after is punctuation (12가 3456, parked); a digit after it makes a longer number.
        Pattern("kr_plate", rf"(?<![\d.,])\d{{2,3}}[ \t]?{PLATE_SYLLABLE}[ \t]?\d{{4}}(?!\d|,\d)", 0.55),
    ]
    CONTEXT = ["차량", "차번호", "번호판", "주차", "자동차", "car", "vehicle", "plate", "parking"]

    def __init__(self):
        super().__init__(supported_entity="VEHICLE_NO", patterns=self.PATTERNS, context=self.CONTEXT,
                         name="VehicleNumberRecognizer")


RECOGNIZERS = [VehicleNumberRecognizer]
