"""A Chinese full name found once names the same person where its given name stands again alone.

Writers give the full name once and then the given name (张慧敏推荐的。慧敏很满意): the later mention carries
no cue a recognizer reads. The given name counts where it is two Han characters that are no ordinary word
or term, and no ordinary word crosses its edges where it stands (慧敏 in 聪慧敏捷 is none).
"""
from __future__ import annotations

import re

from anonymise import vocabulary
from anonymise.cjk_safe_list import inside_word

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
KANA = re.compile(r"[\u3040-\u30ff]")  # Japanese text: kanji given names are read there by their own rules
FULL_NAME = 3  # a one-character surname and a two-character given name


def _given_names(text: str, names: list[tuple[int, int]]) -> set[str]:
    given = set()
    for start, end in names:
        name = text[start:end]
        # The first character need not be a listed surname (禤, 滕 are rare ones): the name was found already.
        if end - start == FULL_NAME and all(HAN.match(c) for c in name) and \
                not vocabulary.is_ordinary_word(name[1:], "zh") and not vocabulary.is_safe_term(name[1:], "zh"):
            given.add(name[1:])
    return given


def chinese_name_echoes(text: str, names: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of the given names of the text's found Chinese full names (``names``: PERSON spans) elsewhere."""
    if KANA.search(text) or not HAN.search(text):
        return []
    spans = []
    for given in _given_names(text, names):
        at = text.find(given)
        while at != -1:
            if not any(s <= at < e for s, e in names) and not inside_word(text, at, at + len(given)):
                spans.append((at, at + len(given)))
            at = text.find(given, at + 1)
    return spans
