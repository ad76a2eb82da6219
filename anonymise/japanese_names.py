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


# Nouns that are no one (以上, あれ, ほんと): pronouns, adverb-like, dependent, numeral, suffix, verbal and
# adjectival nouns.
NOT_NAME_NOUNS = ("名詞,代名詞", "名詞,副詞可能", "名詞,非自立", "名詞,数", "名詞,接尾", "名詞,サ変接続", "名詞,形容動詞語幹")


def is_name_like_noun(word: str) -> bool:
    """Whether IPADIC reads ``word`` as one noun that can stand for a person: in kanji only a proper noun
    (敬具, 皆様 are common nouns), in kana any common or proper noun without the honorific お/ご before it
    (さくら, ゆき; not おねがい). For kana given names, which are words, when the position says a name."""
    tokens = list(_tokenizer().tokenize(word))
    if len(tokens) != 1 or not tokens[0].part_of_speech.startswith("名詞") or \
            tokens[0].part_of_speech.startswith(NOT_NAME_NOUNS):
        return False
    if HAN.search(word):
        return tokens[0].part_of_speech.startswith("名詞,固有名詞")
    return not word.startswith(("お", "ご"))


FUNCTION_CLASSES = ("名詞,代名詞", "感動詞", "接続詞", "副詞", "フィラー", "連体詞", "助詞", "助動詞")


def is_function_word(word: str) -> bool:
    """Whether IPADIC reads ``word`` as one pronoun, interjection, conjunction, adverb, filler or particle
    (それ, うん, でも, まあ): words that open a clause without naming anyone."""
    tokens = list(_tokenizer().tokenize(word))
    return len(tokens) == 1 and tokens[0].part_of_speech.startswith(FUNCTION_CLASSES)


def is_compound_of_words(word: str) -> bool:
    """Whether IPADIC reads ``word`` as ordinary words only: no piece tagged as a person's name, each
    piece a word of two characters or more that wordfreq lists, or a suffix (韓国|人, 結婚|式). A kanji
    given name IPADIC lacks falls apart into single characters, which no piece may be."""
    tokens = list(_tokenizer().tokenize(word))
    return all(not t.part_of_speech.startswith(PERSON_TAG) and (
        t.part_of_speech.startswith("名詞,接尾") or len(t.surface) >= 2 and vocabulary.is_ordinary_word(t.surface, "ja"))
        for t in tokens)
