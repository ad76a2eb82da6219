"""PHONE: telephone numbers of every region, parsed and validated by phonenumbers (libphonenumber's metadata).

A cheap pattern finds digit groups that could be a number (7-15 digits in the usual groupings, an
optional +country code); phonenumbers decides:
- written with a country code (+44 20 ..., 0082 10 ..., (+82)): the length must be possible for it;
- without one: a valid number of Korea, of the region the text's script points to (kana: Japan, Han:
  China, Taiwan, Hong Kong) or of any region patients come from (FOREIGN_REGIONS). Plain digits with
  no separator count as a Korean number with its trunk 0, otherwise only with a phone word nearby;
- right after a phone word (전화, tel, 电话 ...) any 7-15 digits count: a typo'd number is still one.
Quantities never count: digits followed by a unit (010-4821-7395 50유닛: the 50 is a dose), after a
currency sign, an amount grouped by spaces or dots with its currency or count word (1 500 000 вон,
2500-3000 grafts; vocabulary.quantities), dates (2024-05-10, 03/05/1988), IP addresses, nor the layouts of other identifiers
(SSN 3-2-4, Korean business and registration numbers, driver's licences); without a phone word, neither a year and a serial
(2017-123456) nor a number after an account word. Colons and commas are no separators, so
10:30, 1:1 and 3,000cc never join a number.
"""
from __future__ import annotations

import functools
import re

import phonenumbers
from presidio_analyzer import LocalRecognizer, RecognizerResult

from anonymise.recognizers import gates
from anonymise.vocabulary.quantities import is_amount_with_unit

# Regions whose numbers patients write without a country code, most frequent first. Korea is tried
# before them; the script's own region before Korea when the text holds kana or Han characters.
FOREIGN_REGIONS = ("US", "CN", "JP", "TW", "HK", "GB", "CA", "AU", "NZ", "SG", "MY", "TH", "VN", "PH", "ID", "RU",
                   "KZ", "UZ", "MN", "AE", "SA", "DE", "FR")
SEP = r"(?:[ \t]?[-.·/][ \t]?|[ \t]{1,2}|(?<=\)))"  # nothing needed after a bracket: (+82)10-...
GROUP = r"(?:\(\+?\d{1,4}\)|\d{1,15}(?:\)(?=[ \t]?\d))?)"  # 010)2345-6789 too
CANDIDATE = re.compile(rf"(?<![\dA-Za-z])(?<!\d[.,:/-])(?:\+[ \t]?|\b00)?{GROUP}(?:{SEP}{GROUP}){{0,7}}(?![\dA-Za-z])")
# Groups joined by spaces: the pieces a candidate may be cut into (a date and a phone side by side).
PIECE = re.compile(r"\S+(?:[ \t]?[-.·/][ \t]?\S+)*")
# A time, ratio or decimal goes on after the digits: 10:30, 1:1, 3.5.
GOES_ON = re.compile(r"[:.,]\d")
PHONE_WORD = re.compile(r"(?i)(?<![A-Za-z])(?:전화|연락처|연락|휴대폰|핸드폰|핸폰|폰|휴대전화|phone|mobile|cell|tel|"
                        r"telephone|whatsapp|viber|call|text|sms|手机|电话|手機|電話|联系|携帯|連絡先)[^\n\d]{0,20}$")
# Units that make a number a quantity (dose, volume, price, duration, count). A one-syllable Korean or
# CJK unit only right after the digits: "010-1234-5678 주세요" is a phone and a request.
QUANTITY_AFTER = re.compile(r"[ \t]*(?:유닛|단위|units?\b|cc\b|ml\b|mg\b|kg\b|cm\b|mm\b|shots?\b|만[ \t]?원|천[ \t]?원|won\b|"
                            r"krw\b|usd\b|개월|시간|months?\b|weeks?\b|days?\b|hours?\b|years?\b|times?\b|mins?\b|%|"
                            r"个月|小时)|(?:샷|원|만|천|달|주|일|회|분|초|세|살|명|개|번|元|円|万|週|日|回|歳)", re.IGNORECASE)
CURRENCY_BEFORE = re.compile(r"(?:[$€£¥₩]|USD|KRW|RMB|CNY|JPY|EUR)[ \t]?$")
DATE = re.compile(r"(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])|(?:19|20)\d{2}[-./ ](?:0?[1-9]|1[0-2])[-./ ](?:0?[1-9]|[12]\d|3[01])"
                  r"|(?:0?[1-9]|[12]\d|3[01])[-./](?:0?[1-9]|1[0-2])[-./](?:19|20)?\d{2}"
                  r"|(?:0?[1-9]|1[0-2])[-./](?:0?[1-9]|[12]\d|3[01])[-./](?:19|20)?\d{2}")
IPV4 = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")
# A year, then the rest: 2017-123456 is a record number, 2024-0512 a date-stamped code.
YEAR_FIRST = re.compile(r"(?:19|20)\d{2}[-./]")
# After an account word (and no phone word) a number is the account's (bank_account).
ACCOUNT_WORD = re.compile(r"(?i)(?:계좌|은행|뱅크|입금|송금|이체|예금주|account|acct|bank|iban|银行|账户|口座)[^\n\d]{0,25}$")
# The layouts of other identifiers: US social security number (3-2-4), Korean business number
# (3-2-5), registration number (6-7, or 6-1 when masked) and driver's licence (2-2-6-2).
OTHER_ID_LAYOUT = re.compile(r"\d{3}-\d{2}-\d{4,5}|\d{6}[ \t]?-[ \t]?\d(?:\d{6})?|\d{2}-\d{2}-\d{6}-\d{2}")
KR_MOBILE_PLAIN = re.compile(r"01[016789]\d{7,8}")
KANA = re.compile(r"[\u3040-\u30ff]")
HAN = re.compile(r"[\u4e00-\u9fff]")
# Not 번호 / number: 차트번호, 계좌번호, "account number" name other numbers.
CONTEXT = ["전화", "연락", "폰", "휴대", "핸드폰", "핸폰", "문자", "콜", "phone", "mobile", "cell", "tel",
           "call", "text", "contact", "reach", "whatsapp", "电话", "手机", "联系", "電話", "携帯", "연락처"]
# A plain Korean landline outscores a bank name alone (제주, 우리 ... are also places and words).
PHONE_CONTEXT_BEFORE = re.compile("|".join(map(re.escape, CONTEXT)), re.IGNORECASE)
INTERNATIONAL, NATIONAL, KR_LANDLINE_PLAIN, PLAIN, LABELLED = 0.75, 0.75, 0.65, 0.4, 0.6


@functools.lru_cache(maxsize=8192)
def _verdict(candidate: str, regions: tuple[str, ...]) -> float | None:
    """The score of ``candidate`` as a phone number (None: not one), from phonenumbers alone."""
    digits = re.sub(r"\D", "", candidate)
    if candidate.startswith(("+", "00", "(+")):
        try:
            number = phonenumbers.parse("+" + digits[2:] if candidate.startswith("00") else "+" + digits, None)
        except phonenumbers.NumberParseException:
            return None
        if phonenumbers.is_valid_number(number):
            return INTERNATIONAL + 0.1
        return INTERNATIONAL if phonenumbers.is_possible_number(number) else None
    plain = digits == candidate
    if len(digits) > 12:
        return None  # no national number is that long: 13+ digits are some other identifier
    for region in regions:
        try:
            number = phonenumbers.parse(candidate, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            if plain and region == "KR" and digits.startswith("0"):  # the trunk 0: Korean text's own numbers
                return NATIONAL if KR_MOBILE_PLAIN.fullmatch(digits) else KR_LANDLINE_PLAIN
            if plain:
                return PLAIN
            return NATIONAL + (0.1 if region == "KR" and digits.startswith("01") else 0)
    return None


class PhoneRecognizer(LocalRecognizer):
    # Seven digits close together: every candidate holds them.
    TEXT_GATES = (gates.DIGIT, gates.gate(r"\d(?:\D{0,3}\d){6}"),)

    def __init__(self):
        super().__init__(supported_entities=["PHONE"], context=CONTEXT, name="PhoneNumbersRecognizer")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities, nlp_artifacts=None) -> list[RecognizerResult]:
        regions = self._regions(text)
        results = []
        for match in CANDIDATE.finditer(text):
            if is_amount_with_unit(match.group(), text[max(0, match.start() - 24):match.start()], text[match.end():match.end() + 32]):
                continue  # 1 500 000 вон, 2500-3000 grafts: a price or a count grouped like a number
            for start, end, score in self._best(text, match.start(), match.group(), regions):
                results.append(RecognizerResult("PHONE", start, end, score, recognition_metadata={
                    RecognizerResult.RECOGNIZER_NAME_KEY: self.name, RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}))
        return results

    @staticmethod
    def _regions(text: str) -> tuple[str, ...]:
        first = ("JP",) if KANA.search(text) else ("CN", "TW", "HK") if HAN.search(text) else ()
        return tuple(dict.fromkeys((*first, "KR", *FOREIGN_REGIONS)))

    def _best(self, text: str, start: int, candidate: str, regions: tuple[str, ...]) -> list[tuple[int, int, float]]:
        """The phone numbers in a candidate: its longest run of pieces that is one, then the same on
        either side of it (a price or date may stand next to a number, separated by a space)."""
        pieces = [(start + m.start(), start + m.end()) for m in PIECE.finditer(candidate)]
        return self._numbers_in(text, pieces, regions)

    def _numbers_in(self, text: str, pieces: list[tuple[int, int]], regions: tuple[str, ...]) -> list[tuple[int, int, float]]:
        for length in range(len(pieces), 0, -1):
            for first in range(len(pieces) - length + 1):
                begin, end = pieces[first][0], pieces[first + length - 1][1]
                score = self._score(text, begin, end, regions)
                if score is not None:
                    return (self._numbers_in(text, pieces[:first], regions) + [(begin, end, score)]
                            + self._numbers_in(text, pieces[first + length:], regions))
        return []

    @staticmethod
    def _score(text: str, start: int, end: int, regions: tuple[str, ...]) -> float | None:
        candidate = text[start:end]
        digits = sum(c.isdigit() for c in candidate)
        if not 7 <= digits <= 15 or DATE.fullmatch(candidate) or IPV4.fullmatch(candidate) \
                or OTHER_ID_LAYOUT.fullmatch(candidate):
            return None
        labelled = PHONE_WORD.search(text, max(0, start - 40), start) is not None
        if not labelled and (YEAR_FIRST.match(candidate) or ACCOUNT_WORD.search(text, max(0, start - 30), start)):
            return None
        if QUANTITY_AFTER.match(text, end) or GOES_ON.match(text, end) or CURRENCY_BEFORE.search(text, max(0, start - 6), start):
            return None
        if any(DATE.fullmatch(piece) for piece in PIECE.findall(candidate)):
            return None
        if candidate.isdigit() and not candidate.startswith("0") and not labelled \
                and not PHONE_CONTEXT_BEFORE.search(text, max(0, start - 40), start):
            return None  # plain digits without the trunk 0 score below the threshold unless a word lifts them
        score = _verdict(candidate, regions)
        return LABELLED if score is None and labelled else score


RECOGNIZERS = [PhoneRecognizer]
