"""Exact ages: 32살, 만 45세, 서른두 살, 여/32, I am 45, a 45-year-old, 32歳, 32岁.

Coarser form ``decade``: 30대 / 30s / 30代 / 30多岁. An age band (30대, in my 30s) is not exact and
stays; durations and counts (3주, 30만원, 300샷, 5년 전) have other units and never match.
"""
from __future__ import annotations

import re

from anonymise.quasi_identifiers.base import QuasiSpan

NAME = "ExactAge"
TYPE = "AGE"

# Native Korean tens and units (서른두 살); 스무 is 20 before a counter.
TENS = {"열": 10, "스물": 20, "스무": 20, "서른": 30, "마흔": 40, "쉰": 50, "예순": 60, "일흔": 70, "여든": 80, "아흔": 90}
UNITS = {"한": 1, "하나": 1, "두": 2, "둘": 2, "세": 3, "셋": 3, "네": 4, "넷": 4, "다섯": 5, "여섯": 6, "일곱": 7,
         "여덟": 8, "아홉": 9}
_tens = "|".join(sorted(TENS, key=len, reverse=True))
_units = "|".join(sorted(UNITS, key=len, reverse=True))

# "10살 어려 보이게", "3살 차이", "두 살 연하": a difference of ages, not someone's age.
NOT_EXACT = r"(?!\s?(?:어려|젊어|더 |차이|연하|연상|위|아래|많|적|정도 어려))"

PATTERNS = [  # (regex with group 'n' or 'tens'/'unit', language of the coarser form, replace only the number)
    # 32살, 32 살, 만 45세, 45세 여성; not 30대, not 1세대 (generation), not 45세트
    (re.compile(rf"(?<![\d.,])(?:만\s?)?(?P<n>\d{{1,3}})\s?(?:살|세)(?!트|기|대|요){NOT_EXACT}"), "ko", False),
    (re.compile(rf"(?<![가-힣])(?:만\s?)?(?P<tens>{_tens})\s?(?P<unit>{_units})?\s?살{NOT_EXACT}"), "ko", False),
    # 여/32, 남/45, (여, 32), F/32, 32/F
    (re.compile(r"(?<![\w/])(?:여|남|F|M)\s?[/,]\s?(?P<n>\d{2})(?![\d/])"), "ko", True),
    (re.compile(r"(?<![\w/.])(?P<n>\d{2})\s?/\s?(?:여|남|F|M)(?![\w/])"), "ko", True),
    (re.compile(r"(?i)(?<![\w.])(?P<n>\d{1,3})\s?(?:-|\s)?(?:years?|yrs?)[\s-]?old\b"), "en", False),
    (re.compile(r"(?i)(?<![\w.])(?P<n>\d{1,3})\s?(?:yo|y/o|y\.o\.)(?![\w/])"), "en", False),
    (re.compile(r"(?i)\b(?:aged?|age:)\s?(?P<n>\d{1,3})\b(?!\s?(?:%|years? ago|days|weeks|months|times|kg|cm|mm|mg|ml|cc|units?|shots?|\$))"), "en", False),
    # I am 45 / I'm 45 at the end of a clause (not "I'm 45 minutes away")
    (re.compile(r"(?i)\bI(?:'m| am)\s(?P<n>\d{2})(?=\s?(?:[.,!;)]|$|\s(?:and|but|so|now|this|next|with|female|male|woman|man|F|M)\b))"), "en", True),
    (re.compile(r"(?<![\d.])(?P<n>\d{1,3})\s?(?:歳|才)"), "ja", False),
    (re.compile(r"(?<![\d.])(?P<n>\d{1,3})\s?(?:岁|周岁)"), "zh", False),
]
DECADE_FORMS = {"ko": "{d}대", "en": "{d}s", "ja": "{d}代", "zh": "{d}多岁"}


def _age(match: re.Match) -> int | None:
    groups = match.groupdict()
    if groups.get("n"):
        return int(groups["n"])
    return TENS[groups["tens"]] + (UNITS[groups["unit"]] if groups.get("unit") else 0)


class ExactAge:
    name = NAME
    qi_type = TYPE

    def find(self, text: str) -> list[QuasiSpan]:
        spans = []
        for pattern, language, number_only in PATTERNS:
            for match in pattern.finditer(text):
                age = _age(match)
                if age is None or not 1 <= age <= 110:
                    continue
                start, end = match.span()
                if number_only:
                    start, end = match.span("n")  # "I'm 45" -> "I'm 40s", 여/32 -> 여/30대: the words around stay
                decade = DECADE_FORMS[language].format(d=age // 10 * 10)
                if language == "en" and age < 10:
                    decade = "under 10"
                spans.append(QuasiSpan(TYPE, start, end, NAME, {"decade": decade}))
        return spans
