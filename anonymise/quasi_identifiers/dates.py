"""Calendar dates to the day: 3월 14일, 2024년 3월 14일, 2024.03.14, 24.3.14, March 14, 14 March 2024,
3/14/2024, 3月14日. The day of a surgery, visit or birth is what someone who knows the patient knows.

Coarser forms: ``quarter`` (2024년 1분기 / the first quarter of 2024 / 2024年1-3月; without a stated year just the
quarter) and ``year`` (only when the text states it). Relative dates (지난주 화요일, last Tuesday),
months alone (3월에), durations (14일간, 2주) and times of day are not dates to the day and stay.
"""
from __future__ import annotations

import re

from anonymise.quasi_identifiers.base import HANGUL, QuasiSpan

NAME = "ExactDate"
TYPE = "DATE"

MONTHS = {m: i for i, names in enumerate(
    (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")), start=1) for m in names}
# Capitalised (or upper-case) only: "I may 5 times" is not a date.
_month = "|".join(sorted({f(m) for m in MONTHS for f in (str.capitalize, str.upper)}, key=len, reverse=True))
_ordinal = r"(?:st|nd|rd|th)?"

PATTERNS = [  # (regex with groups y (optional), m or mon, d; script of the coarser form: None = the text's)
    (re.compile(r"(?:(?P<y>(?:19|20)\d{2}|\d{2})\s?년\s?)?(?<!\d)(?P<m>\d{1,2})\s?월\s?(?P<d>\d{1,2})\s?일(?!\s?(?:간|동안|째))"), "ko"),
    (re.compile(r"(?<![\d.\-/])(?P<y>(?:19|20)\d{2})\s?[./\-]\s?(?P<m>\d{1,2})\s?[./\-]\s?(?P<d>\d{1,2})(?![\d.\-/]*\d)"), None),
    (re.compile(r"(?<![\d.\-/])(?P<y>[12]\d|3[0-9])\.(?P<m>\d{1,2})\.(?P<d>\d{1,2})(?![\d.]*\d)"), None),
    (re.compile(r"(?<![\d/])(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>(?:19|20)\d{2})(?![\d/])"), "en"),
    (re.compile(rf"\b(?P<mon>{_month})\.?\s(?P<d>\d{{1,2}}){_ordinal}\b(?:,?\s(?P<y>(?:19|20)\d{{2}})\b)?"), "en"),
    (re.compile(rf"\b(?P<d>\d{{1,2}}){_ordinal}\s(?:of\s)?(?P<mon>{_month})\b(?:,?\s(?P<y>(?:19|20)\d{{2}})\b)?"), "en"),
    (re.compile(r"(?:(?P<y>(?:19|20)\d{2})\s?年\s?)?(?<!\d)(?P<m>\d{1,2})\s?月\s?(?P<d>\d{1,2})\s?(?:日|号)"), "cjk"),
]


def _year(raw: str | None) -> int | None:
    if not raw:
        return None
    year = int(raw)
    return year + 2000 if year < 100 else year


def _forms(year: int | None, month: int, script: str) -> dict[str, str]:
    quarter = (month + 2) // 3
    if script == "ko":
        forms = {"quarter": f"{year}년 {quarter}분기" if year else f"{quarter}분기"}
        year_form = f"{year}년"
    elif script == "cjk":
        span = f"{quarter * 3 - 2}-{quarter * 3}月"
        forms = {"quarter": f"{year}年{span}" if year else span}
        year_form = f"{year}年"
    else:  # words, not "Q1": a letter-digit code is what the safe-list pass removes
        ordinal = ("first", "second", "third", "fourth")[quarter - 1]
        forms = {"quarter": f"the {ordinal} quarter of {year}" if year else f"the {ordinal} quarter"}
        year_form = str(year)
    if year:
        forms["year"] = year_form
    return forms


class ExactDate:
    name = NAME
    qi_type = TYPE

    def find(self, text: str) -> list[QuasiSpan]:
        spans = []
        text_script = "ko" if HANGUL.search(text) else "en"
        for pattern, script in PATTERNS:
            for match in pattern.finditer(text):
                groups = match.groupdict()
                month = MONTHS[groups["mon"].lower()] if groups.get("mon") else int(groups["m"])
                day = int(groups["d"])
                if not (1 <= month <= 12 and 1 <= day <= 31):
                    continue
                spans.append(QuasiSpan(TYPE, *match.span(), NAME,
                                       _forms(_year(groups.get("y")), month, script or text_script)))
        return spans
