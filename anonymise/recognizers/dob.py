"""DOB: a date (any usual form) next to a birth word. Dates without one (surgery, visit) stay."""
from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer

from anonymise.recognizers import gates

MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
DATE = (r"(?:(?:19|20)\d{2}[ \t]*[.\-/][ \t]*\d{1,2}[ \t]*[.\-/][ \t]*\d{1,2}"
        r"|(?:19|20)?\d{2}[ \t]*년[ \t]*\d{1,2}[ \t]*월[ \t]*\d{1,2}[ \t]*일?"
        r"|(?:19|20)\d{2}[ \t]*年[ \t]*\d{1,2}[ \t]*月[ \t]*\d{1,2}[ \t]*日?"
        r"|\d{1,2}[ \t]*[./-][ \t]*\d{1,2}[ \t]*[./-][ \t]*(?:19|20)\d{2}"
        r"|\d{2}[./-]\d{2}[./-]\d{2}"
        rf"|{MONTHS}[ \t]+\d{{1,2}}(?:st|nd|rd|th)?,?[ \t]+(?:19|20)\d{{2}}"
        rf"|\d{{1,2}}(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?{MONTHS},?[ \t]+(?:19|20)\d{{2}}"
        r"|(?:19|20)\d{6}|\d{6}|(?:19|20)?\d{2}[ \t]*년(?:[ \t]*\d{1,2}[ \t]*월)?"
        rf"|\d{{1,2}}[ \t]*월[ \t]*\d{{1,2}}[ \t]*일|\d{{1,2}}月\d{{1,2}}日|{MONTHS}[ \t]+\d{{1,2}}(?:st|nd|rd|th)?"
        r"|(?:19|20)\d{2})(?!\d)")
BIRTH_BEFORE = (r"(?<![A-Za-z])(?:생년월일|생년|생일|출생일?|태어난[ \t]?날?|birth[ \t]?date|date[ \t]of[ \t]birth|birthday|birth|"
                r"d\.?o\.?b\.?|born(?:[ \t]+on|[ \t]+in)?|出生(?:日期)?|生日|生年月日|誕生日|生まれ)")
# A few words may sit between the birth word and the date ("생년월일 알려드리면 ...", "born in Seoul in ...").
GAP = r"[^\n\d]{0,16}"


class DateOfBirthRecognizer(PatternRecognizer):
    # Every pattern has a birth word before the date or 생/生 (출생, 년생, 生まれ) after it.
    TEXT_GATES = (gates.DIGIT, gates.gate(rf"{BIRTH_BEFORE}|생|生"))
    PATTERNS = [
        Pattern("date_after_birth_word", rf"(?<={BIRTH_BEFORE}{GAP})(?<!\d){DATE}", 0.85),
        # 1990.03.28생 / 1990년 3월 28일 출생 / 1990年3月2日生まれ / 90년생
        Pattern("date_before_birth_word", rf"(?<!\d){DATE}(?=[ \t]*(?:생|출생|生|년생|生まれ))", 0.8),
        Pattern("birth_year", r"(?<!\d)(?:19|20)?\d{2}[ \t]?년생", 0.7),
    ]
    CONTEXT = ["생년월일", "생일", "출생", "birth", "born", "dob", "出生", "生日", "誕生"]

    def __init__(self):
        super().__init__(supported_entity="DOB", patterns=self.PATTERNS, context=self.CONTEXT, name="DateOfBirthRecognizer")


RECOGNIZERS = [DateOfBirthRecognizer]
