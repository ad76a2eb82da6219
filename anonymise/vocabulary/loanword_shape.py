"""Hangul words shaped like a transcribed foreign common word (에어프라이어, 넷플릭스, 티라미수), not a name.

Korean writes a foreign consonant cluster or final consonant with the empty vowel ㅡ (스, 트, 크, 프,
브, 드, 즈, 츠), and foreign p/t/k with the aspirated ㅍ, ㅌ, ㅋ; Korean given names are built from a
small set of syllables (name_data.KOREAN_GIVEN_SYLLABLES) that holds almost none of these. A word of
three syllables or more with two such syllables outside that set, that no name list has (Kiwi's
dictionary of people holds the foreign names written this way: 제니퍼, 스티븐) and that has no
surname + given-name shape, has a loanword's shape. Foreign names have it too (Kiwi does not know
them all), so the shape vouches for a word only where a thing stands: glued to a particle of place
or means (스타벅스에서, 에어프라이어로), which a person does not take. Measured on the KLUE sentences,
vouching for the shape anywhere cost 2.6 points of person-name recall, and for a shaped word of
wordfreq's list 0.6; this costs none.
"""
from __future__ import annotations

import functools

from anonymise.name_data import KOREAN_GIVEN_SYLLABLES
from anonymise.vocabulary.name_lists import looks_like_korean_name
from anonymise.vocabulary.packed import word_sets

# Initial consonants (index into the 19 of Hangul) of the empty-vowel syllables: ㄱ ㄷ ㅂ ㅅ ㅈ ㅊ ㅋ ㅌ ㅍ.
EMPTY_VOWEL_INITIALS = frozenset({0, 3, 7, 9, 12, 14, 15, 16, 17})
ASPIRATED_INITIALS = frozenset({15, 16, 17})  # ㅋ ㅌ ㅍ
VOWEL_EU = 18
MIN_SYLLABLES = 3
MIN_FOREIGN_SYLLABLES = 2
LONG_WORD = 5  # a word this long needs one such syllable only (에어프라이어)


def _foreign_syllable(syllable: str) -> bool:
    code = ord(syllable) - 0xAC00
    if not 0 <= code < 11172 or syllable in KOREAN_GIVEN_SYLLABLES:
        return False
    initial, vowel, final = code // 588, (code % 588) // 28, code % 28
    return (vowel == VOWEL_EU and final == 0 and initial in EMPTY_VOWEL_INITIALS) or initial in ASPIRATED_INITIALS


@functools.lru_cache(maxsize=50_000)
def is_loanword_shaped(word: str) -> bool:
    """Three Hangul syllables or more, two of them of a transcription's shape outside the given-name
    syllables, and no name of the name lists nor a Korean name's shape (see the module docstring)."""
    if len(word) < MIN_SYLLABLES or not all("가" <= c <= "힣" for c in word):
        return False
    if sum(_foreign_syllable(s) for s in word) < (1 if len(word) >= LONG_WORD else MIN_FOREIGN_SYLLABLES):
        return False
    return not looks_like_korean_name(word) and word not in word_sets()["kiwi_person_names"]


# Particles of place and means (에서: at, 으로: by, with): what follows a thing, not a person.
THING_PARTICLES = frozenset("에 에서 에서는 에서도 에서의 에는 에도 에서만 로 으로 로는 으로는 로도 으로도 로만 으로만".split())


def is_loanword_before_thing_particle(word: str) -> bool:
    """A loanword's shape glued to a particle of place or means (넷플릭스에서, 에어프라이어로)."""
    return any(word.endswith(p) and is_loanword_shaped(word[:-len(p)]) for p in THING_PARTICLES if len(word) > len(p))
