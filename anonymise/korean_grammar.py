"""What Kiwi's grammar says a Hangul word is where it stands: the vouching every Korean name slot asks.

A slot (before a title with its particle, after an occupation, a word opening a clause) says a person
may stand there; the word's grammar can still say it is no name. Read alone, a word is often read as
a noun it is not (허무는 alone is 허무+는, "nihility"; in 벽을 허무는 아티스트 it is 허물+는, "who pulls
down"), so the word is read inside its sentence, where Kiwi weighs the words around it:

- a predicate and its ending (VV/VA/VX, or a noun or root made one by 하다, then ETM/EC/EF/ETN: 같은,
  성공한, 허무는) is never a name, whatever slot it fills;
- a word that starts with an ending (the 구나 of 만드는구나라는 written apart) continues the predicate
  before it, and is no name either;
- a one-syllable word Kiwi reads as a determiner (두 배우의) is no surname before a title.

A name Kiwi knows reads as a proper noun in its sentence (지은 선수는: 지은/NNP, not 짓+은), so a given
name that could also be a verb form keeps its name reading where it stands as one; a word of two
given-name syllables alone (지은 연기 좋았다, where Kiwi reads 짓+은) is never vouched for, as measured:
vouching for it cost a name on three Korean sets.
"""
from __future__ import annotations

import functools
import re

from anonymise.kiwi_model import shared_kiwi
from anonymise.name_data import KOREAN_GIVEN_SYLLABLES

# The sentence around a word, at most this many characters either side (cut at a space): Kiwi's reading
# of a word depends on its neighbours, rarely on anything further away.
CONTEXT = 40
SENTENCE_END = re.compile(r"[.!?\n。]")
CACHED_SENTENCES = 20_000
# Tags of a predicate's stem (VV-I, VA-R are irregular stems), and of a noun or root a suffix makes one.
PREDICATE_STEMS = ("VV", "VA", "VX")
VERB_MAKERS = ("XSV", "XSA")
# The endings that close a predicate as a modifier, a connective, a sentence's end or a noun (뛰어다님).
PREDICATE_ENDINGS = ("ETM", "EC", "EF", "ETN")


def _sentence(text: str, start: int, end: int) -> tuple[str, int]:
    """The sentence around ``text[start:end]`` (at most CONTEXT characters either side, cut at a space)
    and where it starts in ``text``."""
    left = max(0, start - CONTEXT)
    ends = [m.end() for m in SENTENCE_END.finditer(text, left, start)]
    if ends:
        left = ends[-1]
    elif left:
        left = text.find(" ", left, start) + 1 or start
    right = min(len(text), end + CONTEXT)
    stop = SENTENCE_END.search(text, end, right)
    if stop:
        right = stop.end()
    elif right < len(text):
        right = max(end, text.rfind(" ", end, right))
    return text[left:right], left


@functools.lru_cache(maxsize=CACHED_SENTENCES)
def _reading(sentence: str) -> tuple:
    return tuple(shared_kiwi().tokenize(sentence))


def word_tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, tag) in ``text`` of Kiwi's tokens of the Hangul word ``text[start:end]`` as read in
    its sentence."""
    sentence, at = _sentence(text, start, end)
    return [(at + t.start, at + t.start + t.len, t.tag) for t in _reading(sentence) if start - at <= t.start < end - at]


def is_predicate_form(tags: list[str]) -> bool:
    """One word's ``tags`` are a predicate and its ending, or start with an ending."""
    if not tags:
        return False
    if tags[0].startswith("E"):
        return True  # the ending of the predicate before it, written apart
    stem = 1 if tags[0].startswith(PREDICATE_STEMS) else \
        2 if len(tags) > 1 and tags[0] in ("NNG", "XR") and tags[1] in VERB_MAKERS else 0
    return bool(stem) and len(tags) > stem and all(t.startswith("E") for t in tags[stem:]) \
        and tags[-1] in PREDICATE_ENDINGS


def _is_hangul(char: str) -> bool:
    return "가" <= char <= "힣"


def vouched_not_a_name(text: str, start: int, end: int) -> bool:
    """Grammar says ``text[start:end]`` is no name where it stands (see the module docstring): the
    Hangul word that holds it is a predicate form, and the stretch is the whole word, starts with an
    ending, or ends inside the predicate's stem (뛰어다+님). A stretch with a particle after it (태우 of
    태우는, 차해 of 차해도, where Kiwi reads 하+어도 out of the contracted 해) is a name with its
    particle, which Kiwi may read as a verb and its ending."""
    word_start, word_end = start, end
    while word_start > 0 and _is_hangul(text[word_start - 1]):
        word_start -= 1
    while word_end < len(text) and _is_hangul(text[word_end]):
        word_end += 1
    if (word_start, word_end) == (start, end) and end - start == 2 and all(c in KOREAN_GIVEN_SYLLABLES for c in text[start:end]):
        return False  # 지은, 하은, 나은 alone: a given name as often as a verb's modifier form (짓+은)
    tokens = word_tokens(text, word_start, word_end)
    if (word_start, word_end) == (start, end) and end - start == 1 and [tag for *_, tag in tokens] == ["MM"]:
        return True  # 두 배우의, 세 선수가: a determiner before the title, not a surname
    if not is_predicate_form([tag for *_, tag in tokens]):
        return False
    return tokens[0][2].startswith("E") or (word_start, word_end) == (start, end) or any(s < end < e for s, e, _ in tokens)

