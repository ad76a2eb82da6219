"""ADDRESS: a home unit number given on its own ("택배는 503호로 보내주세요", "집이 1203호라서").

The building is often left out when people say where a parcel should go. A bare "503호" is also a
clinic room or a size, so it only counts when the sentence talks about delivery or home.
"""
from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer

from anonymise.recognizers import gates

# Delivery, post or home words, up to 25 characters before the unit in the same sentence.
HOME_CUE = r"(?:택배|배송|배달|우편|등기|주소|보내|부쳐|집은|집이|저희 집|우리 집|사는|살아요|살고|거주|경비실|현관|아파트|빌라|오피스텔)"
UNIT_ALONE = rf"(?<={HOME_CUE}[^\n.!?。]{{0,25}})(?<![\d-])\d{{3,4}}[ \t]?호(?!선|점|실|기|차|\d)"
UNIT_THEN_CUE = r"(?<![\d-])\d{3,4}[ \t]?호(?![선점실기차\d])(?=[^\n.!?。]{0,15}(?:보내|배송|택배|맡겨|맡기|놓아|두고|살아|거주))"


class HomeUnitRecognizer(PatternRecognizer):
    TEXT_GATES = (gates.gate(r"\d[ \t]?호"),)
    PATTERNS = [Pattern("unit_after_home_cue", UNIT_ALONE, 0.6),
                Pattern("unit_before_delivery_verb", UNIT_THEN_CUE, 0.6)]

    def __init__(self):
        super().__init__(supported_entity="ADDRESS", patterns=self.PATTERNS, name="HomeUnitRecognizer",
                         context=["택배", "배송", "주소", "우편", "아파트"])


RECOGNIZERS = [HomeUnitRecognizer]
