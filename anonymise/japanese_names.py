"""Japanese person names by morphology: Janome's bundled IPADIC tags given names and family names
(名詞,固有名詞,人名,名 / 姓), so a kanji given name is found with no listed surname and no cue
(彩花から聞いた, 健太が予約した), where the surname tables and name positions of cjk_safe_list see
nothing. A name-tagged word that is also a frequent ordinary word (光, 勇気, 佐藤 aside: surnames
are the tables' business) stays unless an honorific follows it.

Janome is pure Python; its dictionary is memory-mapped (shared by workers, ~0.15 s to open), and
it is opened only in a process that meets Japanese text. Nothing is downloaded.
"""
from __future__ import annotations

import functools

from anonymise import vocabulary
from anonymise.name_data import JAPANESE_HONORIFICS
from anonymise.vocabulary.packed import word_sets

PERSON_TAG = "名詞,固有名詞,人名"


@functools.cache
def _tokenizer():
    from janome.tokenizer import Tokenizer

    return Tokenizer()


def japanese_name_spans(work: str) -> list[tuple[int, int, str]]:
    """(start, end, reason) of every word of ``work`` that IPADIC tags as a person's name."""
    found, position = [], 0
    for token in _tokenizer().tokenize(work):
        surface = token.surface
        start, position = position, position + len(surface)
        if not token.part_of_speech.startswith(PERSON_TAG) or len(surface) < 2:
            continue
        if vocabulary.is_safe_term(surface, "ja") or vocabulary.is_katakana_loanword(surface):
            continue
        honorific = work.startswith(JAPANESE_HONORIFICS, position)
        # The small frequency list (common_ja): the large one holds given names too.
        if not honorific and surface in word_sets()["common_ja"]:
            continue
        found.append((start, position, "ja-name-dictionary"))
    return found
