"""Japanese person names by morphology: Janome's bundled IPADIC tags given names and family names
(名詞,固有名詞,人名,名 / 姓), so a kanji given name is found with no listed surname and no cue
(彩花から聞いた, 健太が予約した), where the surname tables and name positions of cjk_safe_list see
nothing. A name-tagged word that is also a frequent ordinary word stays unless an honorific or
another name-tagged word is beside it (佐藤健太郎: family and given name); a name-tagged piece of a
longer word the tokenizer cut (ユニ|クロ) stays.

Janome is pure Python; its dictionary is memory-mapped (shared by workers, ~0.15 s to open), and
it is opened only in a process that meets Japanese text. Nothing is downloaded.
"""
from __future__ import annotations

import functools
import re

from anonymise import vocabulary
from anonymise.name_data import JAPANESE_HONORIFICS
from anonymise.vocabulary.packed import word_sets

PERSON_TAG = "名詞,固有名詞,人名"
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々]")


@functools.cache
def _tokenizer():
    from janome.tokenizer import Tokenizer

    return Tokenizer()


def _script(char: str) -> str:
    if "\u30a1" <= char <= "\u30fa" or char == "\u30fc":
        return "katakana"
    return "han" if HAN.match(char) else ""


def japanese_name_spans(work: str) -> list[tuple[int, int, str]]:
    """(start, end, reason) of every word of ``work`` that IPADIC tags as a person's name."""
    found, position = [], 0
    tokens = list(_tokenizer().tokenize(work))
    names = [t.part_of_speech.startswith(PERSON_TAG) for t in tokens]
    for index, token in enumerate(tokens):
        surface = token.surface
        start, position = position, position + len(surface)
        if not names[index] or len(surface) < 2:
            continue
        # A piece the tokenizer cut from a longer word (ユニ|クロ, 明美|容外科) is no name: a neighbour
        # of the same script that is neither a name nor an honorific joins it.
        before = tokens[index - 1].surface if index else ""
        after = tokens[index + 1].surface if index + 1 < len(tokens) else ""
        if (before and not names[index - 1] and _script(before[-1]) == _script(surface[0]) != "") or \
                (after and not names[index + 1] and not after.startswith(JAPANESE_HONORIFICS) and
                 _script(after[0]) == _script(surface[-1]) != ""):
            continue
        if vocabulary.is_safe_term(surface, "ja") or vocabulary.is_katakana_loanword(surface):
            continue
        honorific = work.startswith(JAPANESE_HONORIFICS, position)
        # 佐藤|健太郎: a family name and a given name side by side are a name, however common each is.
        beside_name = (index and names[index - 1] and tokens[index - 1].surface) or \
            (index + 1 < len(tokens) and names[index + 1] and len(tokens[index + 1].surface) >= 2)
        # The small frequency list (common_ja): the large one holds given names too.
        if not honorific and not beside_name and surface in word_sets()["common_ja"]:
            continue
        found.append((start, position, "ja-name-dictionary"))
    return found
