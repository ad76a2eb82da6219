"""PERSON: the name a coordinator signs an answer with, alone after its last sentence.

Chinese, Japanese, Korean and Thai answers often end with the writer's surname or given name and
nothing else: "…当日お待ちしております。朴", "…尽快安排。李", "…감사합니다. 김", "…お待ちしています。さくら",
and a Thai staff name before its role in parentheses ("…นะคะ สมใจ (เจ้าหน้าที่)"). Alone, one surname
character or a kana word is anything; standing after the last sentence, as the text's last token,
it is a signature. What may stand there:
- one Han character that is a surname (Chinese, Japanese, or Korean in Hanja), or one Hangul
  syllable that is a Korean surname;
- two or three Hangul syllables that are a given name that is also a word (하늘, 보람), or a surname
  and a given name that is no word;
- two or three Han characters led by a surname that start no word (明天见 is a farewell);
- in Japanese, a kana word that IPADIC (Janome) reads as one noun that is no pronoun, adverb or
  dependent noun (さくら; not 以上, よろしく), or kanji it reads as a proper noun (美咲; not 敬具);
- in Thai, one word right before a closing parenthesis that ends the text.
"""
from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from anonymise import vocabulary
from anonymise.japanese_names import is_name_like_noun
from anonymise.name_data import KOREAN_GIVEN_NAME_WORDS, KOREAN_SURNAMES, ONE_CHARACTER_SURNAMES
from anonymise.name_split import split_name
from anonymise.recognizers import gates
from anonymise.recognizers.person_base import PersonNameRecognizer
from anonymise.recognizers.person_cjk import has_surname, is_name

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
KANA = "\u3041-\u3096\u30a1-\u30fa\u30fc"
# The last sentence's end, maybe a dash, the one token, maybe a full stop, then the end of the text.
LAST_TOKEN = re.compile(rf"(?:[。．.!！?？~～♪)）^]|\n)[ \t\u3000]*(?:[-–—~～][ \t\u3000]*)?"
                        rf"([{HAN}]{{1,3}}|[{KANA}]{{2,5}}|[가-힣]{{1,3}})[ \t\u3000]*[.。!！]?[ \t\u3000\r\n]*\Z")
THAI_BEFORE_PARENTHESIS = re.compile(r"[ \t]([\u0e00-\u0e7f]{2,20})[ \t]*[(（][^()（）\n]{1,40}[)）][ \t\r\n]*\Z")
# The last sentence's own end (…ขอบคุณค่ะ (ทีมงาน)): a polite particle closes a sentence, not a name.
THAI_PARTICLES = ("ค่ะ", "คะ", "ครับ", "นะ", "จ้ะ", "จ้า", "ค่า")
JAPANESE = re.compile(rf"[{KANA}]")
HANGUL = re.compile(r"[가-힣]+")
SCORE = 0.6


def _signs(word: str, japanese: bool) -> bool:
    if vocabulary.is_safe_term(word):
        return False
    if len(word) == 1:
        return word in ONE_CHARACTER_SURNAMES or word in KOREAN_SURNAMES
    if HANGUL.fullmatch(word):
        # 감사합니다. 하늘: a given name that is also a word signs as surely as one that is none.
        return word in KOREAN_GIVEN_NAME_WORDS or (split_name(word) is not None and
                                                   not vocabulary.is_ordinary_word(word, "ko"))
    if re.fullmatch(rf"[{HAN}]+", word) and has_surname(word) and is_name(word) and \
            not any(vocabulary.is_ordinary_word(word[:k], "zh") for k in range(2, len(word) + 1)):  # 明天见
        return True
    return japanese and is_name_like_noun(word)


class SignOffNameRecognizer(PersonNameRecognizer):
    """A surname or given name standing alone after the last sentence of a CJK, Korean or Thai text."""
    TEXT_GATES = (gates.gate(rf"[{HAN}{KANA}가-힣\u0e00-\u0e7f]"),)
    LANGUAGE = "zh"

    def find(self, text: str) -> list[RecognizerResult]:
        results = []
        match = LAST_TOKEN.search(text)
        if match and _signs(match.group(1), JAPANESE.search(text) is not None):
            results.append(RecognizerResult("PERSON", match.start(1), match.end(1), SCORE))
        match = THAI_BEFORE_PARENTHESIS.search(text)
        if match and not vocabulary.is_safe_term(match.group(1), "th") and not match.group(1).endswith(THAI_PARTICLES):
            results.append(RecognizerResult("PERSON", match.start(1), match.end(1), SCORE))
        return results


RECOGNIZERS = [SignOffNameRecognizer]
