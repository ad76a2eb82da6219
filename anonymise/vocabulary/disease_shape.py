"""Korean disease names by their shape (크론병, 다한증, 갑상선염, 레이노증후군), shared by the anonymiser's
safe-list pass and the leak gate so that what one keeps the other passes.

A Hangul stretch of three syllables or more that ends in a disease word (병, 염, 증, 증후군), has no
surname + given-name shape and is no word of a person's name in Kiwi's dictionary of people names a
disease, often after a person or place long ago. Kiwi often reads the stretch before the ending as a
proper or unknown noun (아구창/NNP + 염): the ending makes it a disease all the same, so the stretch
and the ending glued after it are judged together (``disease_with_ending``).
"""
from __future__ import annotations

import functools

DISEASE_ENDINGS = ("증후군", "병", "염", "증")
DISEASE_MIN = 3


@functools.lru_cache(maxsize=20_000)
def is_korean_disease_name(stretch: str) -> bool:
    """``stretch`` (a Hangul word bare of particles, or part of one) is a disease's name by its shape."""
    from anonymise import vocabulary  # the package imports this module

    return len(stretch) >= DISEASE_MIN and stretch.endswith(DISEASE_ENDINGS) \
        and not vocabulary.is_name_word(stretch, "ko") and not vocabulary.is_known_person_name_word(stretch)


def disease_with_ending(word: str, start: int, end: int) -> bool:
    """``word[start:end]``, a stretch Kiwi took for a proper or unknown noun, is a disease's name alone
    or with the disease word right after it in the same word (아구창+염이, 편도결석+증)."""
    if is_korean_disease_name(word[start:end]):
        return True
    return any(word.startswith(e, end) and is_korean_disease_name(word[start:end + len(e)]) for e in DISEASE_ENDINGS)
