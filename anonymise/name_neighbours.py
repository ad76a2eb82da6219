"""What stands right beside a name found already and belongs to the same person, whatever its words are.

A parenthesis right after a name holds the same person in another form.

People give their name twice: a nickname then the full name (Lan (Nguyễn Thị Lan), น้องฝน (ฝนทิพย์
ใจดี)), a native-script name then its romanisation or English name (김하늘 (Kim Ha Neul), 박은혜 (Grace
Park)). The words inside may be ordinary words (Grace, Rose, Sunny; Thai names are dictionary
words), so no word list can vouch for them; their position does. Only a parenthesis that holds
nothing but name-shaped words counts: capitalised Latin words not all of them ordinary non-name
words (Patient, Open Technique stay); a Thai name with its family name after a space; a Han name
led by a surname or split by a space or ・, a Katakana name that is no loanword. A relation word
alone in the parenthesis (엄마, 妈妈, ลูกสาว) is no such shape and stays; Hangul is left to the Korean
recognizers, which read it with Kiwi.

The other way round, a Han name right before a parenthesis that holds a name (朴智賢（パク・ジヒョン）)
is that name, when a surname leads it and it is no word. And a Chinese or Japanese name written
with a space (吉野 真理子) goes on past the space when the surname was found alone: one to three
kanji or two to four hiragana ending where a particle, an honorific or punctuation starts; and
back to a surname before the space when only the given name was found (田中 花子).

In Latin script, a romanised Chinese or Korean surname right before a given name found already
(Chan | Tsz Yan, Lim | Wei Ling) is that person's; and in lower-case chat a word right after a
lower-case given name that no English dictionary has (sarah | kowalczyk) is the surname.
"""
from __future__ import annotations

import re

from anonymise import vocabulary
from anonymise.name_data import (CHINESE_NAME_CUES_AFTER, CJK_NOT_NAMES, JAPANESE_SURNAMES, LATIN_NOT_NAMES,
                                 ROMANISED_CHINESE_SURNAMES, ROMANISED_KOREAN_SURNAMES)
from anonymise.recognizers.person_cjk import has_surname, is_name

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々"

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


def name_shaped(content: str) -> bool:
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


HAN_BEFORE_PARENTHESIS = re.compile(rf"(?<![{HAN}])([{HAN}]{{2,4}})[ \t\u3000]?[(（]$")
SURNAME_BEFORE_SPACE = re.compile(rf"(?<![{HAN}])([{HAN}]{{1,3}})[ \u3000]$")
GIVEN_AFTER_SPACE = re.compile(rf"[ \u3000]([{HAN}]{{1,3}}|[\u3041-\u3096]{{2,4}})"
                               rf"(?=[、。，,.!！?？\s（()）]|です|と申|さん|様|さま|ちゃん|くん|が|は|も|の|に|を|と|$)")


def beside_names(text: str, names: list[tuple[int, int, str]], taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of what belongs to one of ``names`` (start, end, PERSON or NAME) beside it (see the
    module docstring), none overlapping ``taken``."""
    found = _in_parentheses(text, names) + _before_parentheses(text, names) + _given_after_space(text, names) + \
        _surname_before_space(text, names) + _romanised_surname_before(text, names) + _lower_case_surname_after(text, names)
    return [(s, e) for s, e in found if not any(ts < e and s < te for ts, te in taken)]


def _before_parentheses(text: str, names: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    found = []
    for start, _, _ in names:
        match = HAN_BEFORE_PARENTHESIS.search(text, max(0, start - 6), start)
        if match and _surname_led(match.group(1)):
            found.append((match.start(1), match.end(1)))
    return found


def _surname_before_space(text: str, names: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """田中 花子 with only the given name found: the surname before the space."""
    found = []
    for start, _, kind in names:
        match = SURNAME_BEFORE_SPACE.search(text, max(0, start - 5), start)
        if kind == "PERSON" and match and _surname_led(match.group(1)):
            found.append((match.start(1), match.end(1)))
    return found


def _surname_led(name: str) -> bool:
    """A surname leads ``name`` and it is no word, or it is a Japanese surname of the table (山本, which
    the word lists hold as a word)."""
    if not has_surname(name) or not is_name(name) or vocabulary.is_safe_term(name):
        return False
    return name in JAPANESE_SURNAMES or not (vocabulary.is_ordinary_word(name, "zh") or
                                             vocabulary.is_ordinary_word(name, "ja"))


def _given_after_space(text: str, names: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    found = []
    for start, end, kind in names:
        # A surname alone: one the tables know, or one a recognizer took for a person (a NAME is only
        # an unknown word).
        if not re.fullmatch(rf"[{HAN}]{{1,3}}", text[start:end]) or \
                not (kind == "PERSON" or has_surname(text[start:end])):
            continue
        match = GIVEN_AFTER_SPACE.match(text, end)
        given = match.group(1) if match else ""
        # No word may start kanji (萌萌 明天见, 田中 明日来ます); kana given names are often words whole.
        prefixes = range(2, len(given) + 1) if re.match(rf"[{HAN}]", given) else (len(given),)
        if given and given not in CHINESE_NAME_CUES_AFTER and given not in CJK_NOT_NAMES and not any(
                vocabulary.is_ordinary_word(given[:n], lang) or vocabulary.is_safe_term(given[:n], lang)
                for lang in ("zh", "ja") for n in prefixes):
            found.append((match.start(1), match.end(1)))
    return found


def _in_parentheses(text: str, names: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    found = []
    for _, end, _ in names:
        match = PARENTHESIS.match(text, end)
        if not match:
            continue
        content = match.group(1).strip()
        start = match.start(1) + match.group(1).index(content)
        stop = start + len(content)
        if content and name_shaped(content):
            found.append((start, stop))
    return found


ROMANISED_SURNAME_BEFORE = re.compile(r"(?<![A-Za-z])([A-Z][a-z]{1,6})[ \t]$")
LOWER_CASE_GIVEN = re.compile(r"[a-z]{2,15}")
# Four letters or more: shorter words after a name in chat are its abbreviations (btw, pls, lol).
LOWER_CASE_SURNAME_AFTER = re.compile(r"[ \t]([a-z]{4,20})(?![A-Za-z'’-])")


def _romanised_surname_before(text: str, names: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    found = []
    for start, _, kind in names:
        match = ROMANISED_SURNAME_BEFORE.search(text, max(0, start - 8), start)
        if kind == "PERSON" and match and text[start:start + 1].isupper() and \
                match.group(1).casefold() in ROMANISED_CHINESE_SURNAMES | ROMANISED_KOREAN_SURNAMES and \
                match.group(1).casefold() not in LATIN_NOT_NAMES:
            found.append((match.start(1), match.end(1)))
    return found


def _lower_case_surname_after(text: str, names: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    found = []
    for start, end, kind in names:
        if kind != "PERSON" or not LOWER_CASE_GIVEN.fullmatch(text[start:end]):
            continue
        match = LOWER_CASE_SURNAME_AFTER.match(text, end)
        word = match.group(1) if match else ""
        if word and word not in LATIN_NOT_NAMES and not vocabulary.is_ordinary_word(word, "en") and \
                not vocabulary.is_safe_term(word):
            found.append((match.start(1), match.end(1)))
    return found
