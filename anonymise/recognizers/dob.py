"""DOB: a date of birth, in digits or in words, next to a birth word. Dates without one (surgery,
visit) stay.

A date in any usual form (1990.03.28, 03/28/1990, 900328, 1990년 3월 28일, 1990年3月28日, March 28,
1990, the 28th of March 1990) or written in words (the third of May, nineteen eighty-eight; 一九八八年
五月三日; a Japanese era year, 昭和63年; Russian and Vietnamese month forms), a month and year (May 1988),
a year alone or with an apostrophe ('88), after a birth word (생년월일, born, DOB, 出生, 生年月日,
родился, ngày sinh ...) or before 생 / 년생 / 出生 / 生まれ / 에 태어났어요; a Korean year after 빠른 or
before a zodiac animal's 띠 (빠른 94, 92년 원숭이띠); in a transcript, a date that is the whole answer on
the line after a birth question (Q: Date of birth? / A: 4/11/87).
"""
from __future__ import annotations

from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer, RecognizerResult

from anonymise.recognizers import gates
from anonymise.vocabulary import birth_dates
from anonymise.vocabulary.birth_dates import BIRTH_BEFORE, DATE, SK

# A few words may sit between the birth word and the date ("생년월일 알려드리면 ...", "born in Seoul in ...").
GAP = r"[^\n\d]{0,16}"
BIRTH_AFTER = rf"(?=[ \t]*(?:{birth_dates.BIRTH_AFTER}))"


# Korean ways of saying a birth year in words: 빠른 94 (born early in 1994, schooled a year ahead) and
# the zodiac year (92년 원숭이띠): the year is a date of birth.
ZODIAC = r"(?:쥐|소|호랑이|범|토끼|용|뱀|말|양|원숭이|닭|개|돼지)"
KO_BIRTH_YEAR_WORDS = (
    Pattern("early_birth_year", r"(?<=빠른[ \t]?)(?:19|20)?\d{2}(?:[ \t]?년(?:생)?)?(?!\d|[ \t]?(?:분|초|시|일|개|명|원|회|번|주|달|%|[A-Za-z]))", 0.8),
    Pattern("zodiac_year", rf"(?<![\d.])(?:19|20)?\d{{2}}[ \t]?년(?:생)?[ \t]?{ZODIAC}[ \t]?띠", 0.8),
)


class DateOfBirthRecognizer(PatternRecognizer):
    # Every pattern has a birth word before the date or 생/生/태어 after it, and every date a digit, a
    # CJK numeral, 元 (元年), a month name, a year in words or a Korean year or month in words (천, 칠십이년, 시월).
    TEXT_GATES = (gates.gate(r"\d|[〇零一二三四五六七八九十廿卅元천]|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|nineteen|"
                             rf"thousand|twenty|[일이삼사오육칠팔구]{SK}년|[일이삼사오육칠팔구시유십]{SK}월"),
                  gates.gate(rf"{BIRTH_BEFORE}|{birth_dates.BIRTH_AFTER}|빠른|띠"))
    PATTERNS = [
        Pattern("date_after_birth_word", rf"(?<={BIRTH_BEFORE}{GAP})(?<![\dA-Za-z]){DATE}", 0.85),
        # 1990.03.28생 / 1990년 3월 28일 출생 / 1990年3月2日生まれ / 1988년 5월 3일에 태어났어요 / 90년생
        Pattern("date_before_birth_word", rf"(?<![\dA-Za-z]){DATE}{BIRTH_AFTER}", 0.8),
        Pattern("birth_year", r"(?<!\d)(?:19|20)?\d{2}[ \t]?년생", 0.7),
        *KO_BIRTH_YEAR_WORDS,
    ]
    CONTEXT = ["생년월일", "생일", "출생", "birth", "born", "dob", "出生", "生日", "誕生"]

    def __init__(self):
        super().__init__(supported_entity="DOB", patterns=self.PATTERNS, context=self.CONTEXT, name="DateOfBirthRecognizer")


class WordedBirthDateRecognizer(EntityRecognizer):
    """A date with a month word of any language (7 марта 1985 г., lahir 5 Januari 1993, 1985 жылы 7
    наурызда, ولدت في 15 مارس 1990, 12.IV.1990) next to a birth word, parsed and range-checked by
    anonymise.vocabulary.birth_dates, the reading the leak gate applies too."""
    TEXT_GATES = (gates.DIGIT,)

    def __init__(self):
        super().__init__(supported_entities=["DOB"], name="WordedBirthDateRecognizer")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        return [RecognizerResult("DOB", start, end, 0.85) for start, end in birth_dates.worded_birth_dates(text)]


class BirthAnswerRecognizer(EntityRecognizer):
    """A date that is the whole answer on the line after a birth question (Q: Date of birth? / A: 4/11/87;
    상담원: 생년월일 말씀해 주세요 / 고객: 구삼년 칠월 이일이요), read by anonymise.vocabulary.birth_dates as the
    leak gate reads it."""
    TEXT_GATES = (gates.gate(r"\n"), gates.gate(BIRTH_BEFORE))

    def __init__(self):
        super().__init__(supported_entities=["DOB"], name="BirthAnswerRecognizer")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        return [RecognizerResult("DOB", start, end, 0.85) for start, end in birth_dates.birth_answers(text)]


RECOGNIZERS = [DateOfBirthRecognizer, WordedBirthDateRecognizer, BirthAnswerRecognizer]
