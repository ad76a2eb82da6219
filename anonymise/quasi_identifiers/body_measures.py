"""Height and weight of a person: 키 158cm, 158cm에 48kg, 163/52, 체중 80kg, I'm 5'4", I weigh 120 lbs.

Coarser form ``band``: the ten-unit band (150cm대, 40kg대 / 150s cm, 40s kg), or nothing outside
the range most adults fall in (under 150 / over 185 cm, under 40 / over 100 kg), where even a band
singles someone out. Medical measures stay: implant sizes (3mm, 250cc), doses, a weight change
(3kg 빠졌어요) or a fat volume (2,000cc) have another unit, no height/weight cue or a small value.
"""
from __future__ import annotations

import re

from anonymise.quasi_identifiers.base import HANGUL, QuasiSpan

NAME = "BodyMeasure"
TYPE = "BODY_MEASURE"

CM = r"(?P<cm>1[3-9]\d|2[01]\d)(?:\.\d)?\s?(?:cm|센치|센티|㎝)"
KG = r"(?P<kg>[3-9]\d|1[0-9]\d)(?:\.\d)?\s?(?:kg|키로|킬로|㎏)"
PATTERNS = [
    # With a cue word: 키 158, 키는 158cm, 신장 170, 체중 52kg, 몸무게 60키로, height 165 cm, weight 52 kg
    re.compile(rf"(?:키|신장)\s?(?:는|가|가\s?좀)?\s?:?\s?(?P<cm>1[3-9]\d|2[01]\d)(?:\.\d)?\s?(?:cm|센치|센티|㎝)?"),
    re.compile(rf"(?:체중|몸무게)\s?(?:은|는|이)?\s?:?\s?(?P<kg>[3-9]\d|1[0-9]\d)(?:\.\d)?\s?(?:kg|키로|킬로|㎏)?"),
    re.compile(rf"(?i)\bheight\s?(?:is|of|:)?\s?(?P<cm>1[3-9]\d|2[01]\d)\s?cm\b"),
    re.compile(rf"(?i)\bweigh(?:t|s|ing)?\s?(?:is|of|:|about|around)?\s?(?P<kg>[3-9]\d|1[0-9]\d)\s?kg\b"),
    re.compile(r"(?i)\bweigh(?:t|s|ing)?\s?(?:is|of|:|about|around)?\s?(?P<lb>[89]\d|[12]\d\d|300)\s?(?:lbs?|pounds)\b"),
    # A height and a weight together: 158cm에 48kg, 158cm/48kg, 163/52 (the pair is the cue)
    re.compile(rf"{CM}\s?(?:에|,|/|이고|인데)?\s?{KG}"),
    re.compile(r"(?<![\d/.])(?P<cm>1[4-9]\d)\s?/\s?(?P<kg>[3-9]\d|1[01]\d)(?![\d/.])"),
    # 5'4", 5 ft 4: a height written so is always a person's
    re.compile(r"(?<!\d)(?P<ft>[4-7])\s?(?:'|′|ft|feet|foot)\s?(?P<inch>\d{1,2})?\s?(?:\"|″|in(?:ches)?)?(?![\w'])"),
]
HEIGHT_RANGE, WEIGHT_RANGE = (150, 185), (40, 100)


def _band(cm: float | None, kg: float | None, korean: bool) -> str | None:
    parts = []
    if cm is not None:
        if not HEIGHT_RANGE[0] <= cm < HEIGHT_RANGE[1]:
            return None
        parts.append(f"{int(cm) // 10 * 10}cm대" if korean else f"{int(cm) // 10 * 10}s cm")
    if kg is not None:
        if not WEIGHT_RANGE[0] <= kg < WEIGHT_RANGE[1]:
            return None
        parts.append(f"{int(kg) // 10 * 10}kg대" if korean else f"{int(kg) // 10 * 10}s kg")
    return " ".join(parts) if parts else None


class BodyMeasure:
    name = NAME
    qi_type = TYPE

    def find(self, text: str) -> list[QuasiSpan]:
        spans = []
        korean = bool(HANGUL.search(text))
        for pattern in PATTERNS:
            for match in pattern.finditer(text):
                groups = match.groupdict()
                cm = float(groups["cm"]) if groups.get("cm") else None
                kg = float(groups["kg"]) if groups.get("kg") else None
                if groups.get("lb"):
                    kg = float(groups["lb"]) * 0.4536
                if groups.get("ft"):
                    cm = (int(groups["ft"]) * 12 + int(groups.get("inch") or 0)) * 2.54
                # Keep the cue word (키, height): only the number goes.
                start = min(match.start(g) for g in ("cm", "kg", "lb", "ft") if groups.get(g))
                band = _band(cm, kg, korean)
                spans.append(QuasiSpan(TYPE, start, match.end(), NAME, {"band": band} if band else {}))
        return spans
