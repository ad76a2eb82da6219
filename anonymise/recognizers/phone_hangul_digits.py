"""PHONE: a Korean phone number spelled in Sino-Korean digit words (공일공 일이삼사 오육칠팔), as people
write it to slip past filters or as speech-to-text writes it.

Ten or eleven digit syllables in a row (spaces, hyphens or dots between groups) starting with 0 (공 or
영): a number that long is not prose. The digits are 공/영 0, 일 1, 이 2, 삼 3, 사 4, 오 5, 육/륙 6,
칠 7, 팔 8, 구 9; a particle may follow (…오사삼이로). The run ends at eleven digits, so a copula after
it (…팔이에요) stays.
"""
from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer

from anonymise.recognizers import gates

DIGIT_WORD = "[공영일이삼사오육륙칠팔구]"


class HangulDigitPhoneRecognizer(PatternRecognizer):
    TEXT_GATES = (gates.gate(r"[공영]일"),)
    PATTERNS = [Pattern("hangul_digit_phone", rf"(?<![가-힣])[공영](?:[ \-.]?{DIGIT_WORD}){{9,10}}", 0.85)]

    def __init__(self):
        super().__init__(supported_entity="PHONE", patterns=self.PATTERNS, name="HangulDigitPhoneRecognizer",
                         supported_language="ko")


RECOGNIZERS = [HangulDigitPhoneRecognizer]
