"""What Kiwi's grammar says a Hangul word is where it stands: the vouching every Korean name slot asks.

A slot (before a title with its particle, after an occupation, a word opening a clause) says a person
may stand there; the word's grammar can still say it is no name. Read alone, a word is often read as
a noun it is not (허무는 alone is 허무+는, "nihility"; in 벽을 허무는 아티스트 it is 허물+는, "who pulls
down"), so the word is read inside its sentence, where Kiwi weighs the words around it:

- a predicate and its ending (VV/VA/VX, or a noun or root made one by 하다, then ETM/EC/EF/ETN: 같은,
  성공한, 허무는) is never a name, whatever slot it fills;
- a word that starts with an ending (the 구나 of 만드는구나라는 written apart) continues the predicate
  before it, and is no name either.

A name Kiwi knows reads as a proper noun in its sentence (지은 선수는: 지은/NNP, not 짓+은), so a given
name that could also be a verb form keeps its name reading where it stands as one.
"""
from __future__ import annotations

import functools
import re

from anonymise.kiwi_model import shared_kiwi

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


def word_tokens(text: str, start: int, end: int) -> tuple:
    """Kiwi's tokens of the Hangul word ``text[start:end]`` as read in its sentence (offsets in the sentence)."""
    sentence, at = _sentence(text, start, end)
    return tuple(t for t in _reading(sentence) if start - at <= t.start < end - at)


def is_predicate_form(tokens) -> bool:
    """``tokens`` (one word's) are a predicate and its ending, or start with an ending."""
    if not tokens:
        return False
    if tokens[0].tag.startswith("E"):
        return True  # the ending of the predicate before it, written apart
    stem = 1 if tokens[0].tag.startswith(PREDICATE_STEMS) else \
        2 if len(tokens) > 1 and tokens[0].tag in ("NNG", "XR") and tokens[1].tag in VERB_MAKERS else 0
    return bool(stem) and len(tokens) > stem and all(t.tag.startswith("E") for t in tokens[stem:]) \
        and tokens[-1].tag in PREDICATE_ENDINGS


def _is_hangul(char: str) -> bool:
    return "가" <= char <= "힣"


def vouched_not_a_name(text: str, start: int, end: int) -> bool:
    """Grammar says the Hangul word that holds ``text[start:end]`` is no name where it stands (see the
    module docstring)."""
    while start > 0 and _is_hangul(text[start - 1]):
        start -= 1
    while end < len(text) and _is_hangul(text[end]):
        end += 1
    return is_predicate_form(word_tokens(text, start, end))
