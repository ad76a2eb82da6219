"""A parenthesis right after a name holds the same person in another form, whatever its words are.

People give their name twice: a nickname then the full name (Lan (Nguyễn Thị Lan), น้องฝน (ฝนทิพย์
ใจดี)), a native-script name then its romanisation or English name (김하늘 (Kim Ha Neul), 박은혜 (Grace
Park)). The words inside may be ordinary words (Grace, Rose, Sunny; Thai names are dictionary
words), so no word list can vouch for them; their position does. Only a parenthesis that holds
nothing but name-shaped words counts: capitalised Latin words not all of them ordinary non-name
words (Patient, Open Technique stay); a Thai name with its family name after a space; a Han name
led by a surname or split by a space or ・, a Katakana name that is no loanword. A relation word
alone in the parenthesis (엄마, 妈妈, ลูกสาว) is no such shape and stays; Hangul is left to the Korean
recognizers, which read it with Kiwi.
"""
from __future__ import annotations

import re

from anonymise import vocabulary
from anonymise.name_data import LATIN_NOT_NAMES
from anonymise.recognizers.person_cjk import has_surname, is_name

# The name's closing letter, then at most one space and the parenthesis (half- or full-width).
PARENTHESIS = re.compile(r"[ \t\u3000]?[(（]([^()（）\n]{2,48})[)）]")
LATIN_LETTER = "A-Za-zÀ-ÖØ-öø-ÿ\u0100-\u024f\u1e00-\u1eff"
LATIN_NAME_WORD = rf"[A-ZÀ-ÖØ-Þ\u0100-\u024f\u1e00-\u1eff][{LATIN_LETTER}'’.]*(?:-[{LATIN_LETTER}]+)*"
LATIN_NAME = re.compile(rf"{LATIN_NAME_WORD}(?:[ \t]+{LATIN_NAME_WORD}){{0,3}}")
THAI_FULL_NAME = re.compile(r"[\u0e00-\u0e7f]{2,20}(?:[ \t][\u0e00-\u0e7f]{2,20}){1,2}")
CJK_PART = r"[\u3400-\u4dbf\u4e00-\u9fff\u3041-\u3096\u30a1-\u30fa\u30fc々]{1,8}"
CJK_FULL_NAME = re.compile(rf"{CJK_PART}(?:[ \t\u3000・]{CJK_PART}){{1,2}}")
HAN_NAME = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff々]{2,4}")
KATAKANA_NAME = re.compile(r"[\u30a1-\u30fa\u30fc]{2,10}")


def _name_shaped(content: str) -> bool:
    if LATIN_NAME.fullmatch(content):
        words = [w.strip(".") for w in content.split()]
        return all(w[:1].isupper() for w in words) and not any(w.casefold() in LATIN_NOT_NAMES for w in words) and \
            not all(vocabulary.is_safe_term(w) for w in words) and \
            not all(vocabulary.is_ordinary_word(w, "en") and not vocabulary.is_name_word(w, "en") for w in words)
    if vocabulary.is_safe_term(content):
        return False
    if THAI_FULL_NAME.fullmatch(content) or CJK_FULL_NAME.fullmatch(content):
        return True
    if HAN_NAME.fullmatch(content):
        return has_surname(content) and is_name(content)
    return KATAKANA_NAME.fullmatch(content) is not None and not vocabulary.is_katakana_loanword(content)


def names_in_parentheses(text: str, names: list[tuple[int, int]], taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of each parenthesis content right after one of ``names`` that is name-shaped and
    overlaps none of ``taken``."""
    found = []
    for _, end in names:
        match = PARENTHESIS.match(text, end)
        if not match:
            continue
        content = match.group(1).strip()
        start = match.start(1) + match.group(1).index(content)
        stop = start + len(content)
        if content and _name_shaped(content) and not any(s < stop and start < e for s, e in taken):
            found.append((start, stop))
    return found
