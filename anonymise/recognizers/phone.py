"""PHONE: Korean mobile/landline/representative numbers and foreign numbers, in every usual spelling.

Digit runs are bounded by "not a digit" rather than ``\\b``: Hangul is a word character, so
``010-1234-5678로`` has no word boundary after the number.
"""
from __future__ import annotations

import re

from presidio_analyzer import Pattern, PatternRecognizer

from anonymise.recognizers import gates

# One separator between digit groups: hyphen, dot or spaces (full-width forms are normalised upstream).
SEP = r"(?:[ \t]*[-.·][ \t]*|[ \t]{1,2})"
OPT = rf"{SEP}?"
KR_COUNTRY = rf"(?:\+[ \t]?82|\(\+?82\)|0{{0,2}}82){OPT}(?:\(0\))?"
KR_AREA = r"(?:2|3[1-3]|4[1-4]|5[1-5]|6[1-4]|70|50[2-8])"

# Any other digit string right after a phone word: the word says what it is.
PHONE_WORD = (r"(?<![A-Za-z])(?:전화|전화번호|연락처|휴대폰|핸드폰|핸폰|폰|휴대전화|phone|mobile|cell|tel|telephone|whatsapp|"
              r"手机|电话|手機|電話|联系方式|联系电话|携帯|連絡先)")
# Units that make a number a quantity (dose, volume, price, duration), never part of a phone.
QUANTITY_UNIT = (r"(?:유닛|단위|units?|cc|ml|mg|kg|cm|mm|샷|shots?|만\s?원|천\s?원|원|won|개월|달|주|일|회|시간|분|"
                 r"%|months?|weeks?|days?|hours?)")
DATE_SHAPE = re.compile(r"(?:19|20)\d{2}[-./ ]\d{1,2}[-./ ]\d{1,2}")
CONTEXT = ["전화", "번호", "연락", "폰", "휴대", "핸드폰", "핸폰", "문자", "콜", "phone", "mobile", "cell", "tel",
           "call", "text", "contact", "number", "reach", "whatsapp", "电话", "手机", "联系", "電話", "携帯", "연락처"]


class KoreanPhoneRecognizer(PatternRecognizer):
    TEXT_GATES = (gates.DIGIT,)
    PATTERNS = [
        Pattern("kr_mobile", rf"(?<![\d+])(?:(?:{KR_COUNTRY}|0)1[016789]\)?|\(0?1[016789]\))"
                             rf"{OPT}\d{{3,4}}{OPT}\d{{4}}(?!\d)", 0.85),
        Pattern("kr_landline", rf"(?<![\d+])(?:{KR_COUNTRY}\(?0?{KR_AREA}\)?|\(0{KR_AREA}\)|0{KR_AREA}\)?)"
                               rf"{OPT}\d{{3,4}}{SEP}\d{{4}}(?!\d)", 0.75),
        Pattern("kr_landline_plain", rf"(?<![\d+])0{KR_AREA}\d{{7,8}}(?!\d)", 0.5),
        # A space continues the number only before a group of 3+ digits that is not a quantity,
        # so a dose or price that follows ("010-4821-7395 50유닛", "… 300cc") is not swallowed.
        Pattern("digits_after_phone_word", rf"(?<={PHONE_WORD}[^\n\d]{{0,20}})\+?\(?\d"
                                           rf"(?:[\d().-]|[ \t]+(?=\(?\d{{3}})(?!\d+[ \t]?{QUANTITY_UNIT})){{6,18}}\d(?!\d)", 0.6),
        # Nationwide representative numbers (1588-xxxx, 1577-, 1644- ...): a separator is required so
        # that 8-digit amounts and codes stay.
        Pattern("kr_representative", r"(?<![\d.,])1(?:5[4-9]\d|6[0-9]\d|8[0-9]\d)[-.][ \t]?\d{4}(?![\d,])", 0.6),
    ]

    def __init__(self):
        super().__init__(supported_entity="PHONE", patterns=self.PATTERNS, context=CONTEXT,
                         name="KoreanPhoneRecognizer")

    def invalidate_result(self, pattern_text: str) -> bool:
        # "전화는 2024-05-10 오후": a date after a phone word is still a date.
        return DATE_SHAPE.fullmatch(pattern_text.strip()) is not None


class ForeignPhoneRecognizer(PatternRecognizer):
    TEXT_GATES = (gates.DIGIT,)
    PATTERNS = [
        # +CC then 6-14 more digits in groups: any international number.
        Pattern("international", r"(?<![A-Za-z0-9_+])\+[ \t]?(?!82)\d{1,3}(?:[ \t]*[-.]?[ \t]*\(?\d{1,5}\)?){2,6}(?!\d)", 0.75),
        # North American (415) 816-0258, 415-816-0258, 415.816.0258, 1-415-...: separators required.
        Pattern("nanp", r"(?<![\d+])(?:1[-. ])?(?:\(\d{3}\)[ \t]?|\d{3}[-.])\d{3}[-.]\d{4}"
                        r"(?:[ \t]*(?:x|ext\.?)[ \t]*\d{1,5})?(?!\d)", 0.7),
        Pattern("nanp_plain", r"(?<![\d+])[2-9]\d{2}[2-9]\d{6}(?!\d)", 0.4),
        # Japanese mobile 090/080/070 and landlines 0X-XXXX-XXXX with hyphens.
        Pattern("jp_mobile", r"(?<![\d+])0[789]0-\d{4}-\d{4}(?!\d)", 0.75),
        Pattern("jp_landline", r"(?<![\d+.])0\d{1,3}-\d{2,4}-\d{4}(?![\d-])", 0.55),
        # Chinese landline with area code: 010-12345678, 0755-1234567.
        Pattern("cn_landline", r"(?<![\d+])0\d{2,3}-\d{7,8}(?![\d-])", 0.5),
        # Chinese mobile without country code: 11 digits from 13x-19x; plain ones need context.
        Pattern("cn_mobile_grouped", r"(?<![\d+])1[3-9]\d[- ]\d{4}[- ]\d{4}(?!\d)", 0.6),
        Pattern("cn_mobile", r"(?<![\d+])1[3-9]\d{9}(?!\d)", 0.4),
    ]

    def __init__(self):
        super().__init__(supported_entity="PHONE", patterns=self.PATTERNS, context=CONTEXT,
                         name="ForeignPhoneRecognizer")


RECOGNIZERS = [KoreanPhoneRecognizer, ForeignPhoneRecognizer]
