"""An item of a list whose other items are names is a name too, whatever its letters are.

People list the people they come with: ``同事：A、B、X``, ``친구 A, B, X``, ``参加者 A・B・X``. When two
items of such a list or more are persons found already (by any recognizer) and no item is a word
or a term, an item of the same script and a name's length is a person as well: a rare one-character
Han surname, a rare Japanese surname of several kanji that no list holds. An item a name covers
only in part goes whole (a given name left beside a found surname). A list of procedures or drugs
(雙眼皮、眼袋、開眼頭, 보톡스, 필러, 스킨부스터) has no person among its items, and a list in which one
item is a word is no list of names: both stay.
"""
from __future__ import annotations

import re

from anonymise import vocabulary
from anonymise.name_data import KOREAN_PARTICLES, PERSON_FRAME_LISTS

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々"
HANGUL = "가-힣"
SCRIPTS = {"han": rf"[{HAN}]{{1,8}}", "katakana": r"[\u30a1-\u30fa\u30fc]{2,10}", "hangul": rf"[{HANGUL}]{{2,7}}",
           "latin": r"[A-Z][a-zà-ÿ'’-]+(?: [A-Z][a-zà-ÿ'’-]+){0,2}"}
ITEM = "|".join(f"(?:{p})" for p in SCRIPTS.values())
SEPARATOR = r"[ \t]*[、,，・][ \t]*"
LIST = re.compile(rf"(?<![{HAN}\u30a1-\u30fa\u30fc{HANGUL}A-Za-z])(?:{ITEM})(?:{SEPARATOR}(?:{ITEM})){{2,}}")
ITEM_IN_LIST = re.compile(ITEM)
NAMES_IN_LIST = 2
# How much longer or shorter than the names of its list an item may be.
LENGTH_SLACK = 1
# Characters that end a Chinese name going right (禤翔|一起来): the frames' grammar and name-end lists.
ZH_NAME_END = frozenset(PERSON_FRAME_LISTS["zh"]["function"] + PERSON_FRAME_LISTS["zh"]["name-end"])
# A Han item no recognizer touched is a Chinese name's length at most; one a name covers in part may be
# a Japanese surname of several kanji with its given name (勅使河原蓮).
HAN_NAME_MAX = 4
HAN_PARTLY_NAMED_MAX = 6


def _script(item: str) -> str:
    return next(name for name, pattern in SCRIPTS.items() if re.fullmatch(pattern, item))


def _word(item: str) -> bool:
    """An item that is a word or a term: it makes the list one of things, not of people."""
    if vocabulary.is_safe_term(item) or vocabulary.is_safe_term(item.casefold()):
        return True
    script = _script(item)
    if script == "han":
        return any(vocabulary.is_ordinary_word(item, lang) for lang in ("zh", "ja"))
    if script == "hangul":
        return vocabulary.is_ordinary_word(item, "ko")
    if script == "katakana":
        return vocabulary.is_katakana_loanword(item) or vocabulary.is_ordinary_word(item, "ja")
    return False


def _trimmed(item: str, last: bool) -> str:
    """The name part of an item: a last Han item ends where grammar starts (禤翔|一起来), a Hangul one
    without its particle (탁무겸|이랑)."""
    script = _script(item)
    if script == "han" and last:
        cut = next((i for i, c in enumerate(item) if i and c in ZH_NAME_END), len(item))
        item = item[:cut]
    if script == "hangul":
        for particle in sorted(KOREAN_PARTICLES, key=len, reverse=True):
            if item.endswith(particle) and len(item) - len(particle) >= 2:
                return item[:-len(particle)]
    return item


def listed_names(text: str, names: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """(start, end) of the items of lists in ``text`` that are persons by their neighbours, given the
    ``names`` (start, end, PERSON or NAME) found already."""
    persons = [(s, e) for s, e, kind in names if kind == "PERSON"]
    found = []
    for match in LIST.finditer(text):
        items = list(ITEM_IN_LIST.finditer(text, match.start(), match.end()))
        named, others = [], []
        for index, item in enumerate(items):
            word = _trimmed(item.group(), last=index == len(items) - 1)
            start, end = item.start(), item.start() + len(word)
            if index == 0 and _script(word) == "han":
                # 我朋友|張美玲、…: the first item begins where the name that ends it does.
                start = min((s for s, e in persons if start <= s < end and e == end), default=start)
            covered = sum(max(0, min(e, end) - max(s, start)) for s, e in persons)
            (named if covered >= end - start else others).append((start, end, covered))
        if len(named) < NAMES_IN_LIST:
            continue
        scripts = {_script(text[s:e]) for s, e, _ in named}
        lengths = [e - s for s, e, _ in named]
        candidates = []
        for start, end, covered in others:
            word = text[start:end]
            if covered == 0 and _word(word):
                candidates = []
                break  # a word among the items: a list of things
            if _script(word) in scripts and min(lengths) - LENGTH_SLACK <= end - start <= max(lengths) + LENGTH_SLACK \
                    and not (_script(word) == "han" and end - start > (HAN_PARTLY_NAMED_MAX if covered else HAN_NAME_MAX)):
                candidates.append((start, end))
        found += candidates
    return found
