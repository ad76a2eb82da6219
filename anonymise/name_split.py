"""A full name split into family name and given name, from the surname lists (no NLP)."""
from __future__ import annotations

from anonymise.name_data import CHINESE_SURNAMES, JAPANESE_SURNAMES, KOREAN_DOUBLE_SURNAMES, KOREAN_SURNAMES


def split_name(word: str) -> tuple[str, str] | None:
    """(surname, given) when ``word`` is a surname followed by a one- or two-syllable given name."""
    for surname in (word[:2], word[:1]):
        if (surname in KOREAN_DOUBLE_SURNAMES or (len(surname) == 1 and surname in KOREAN_SURNAMES)) \
                and 1 <= len(word) - len(surname) <= 2:
            return surname, word[len(surname):]
    return None


def split_cjk_name(name: str) -> tuple[str, str]:
    """(family name, given name) of a Chinese/Japanese name, split at its space or after a known surname."""
    parts = name.split()
    if len(parts) == 2:
        return parts[0], parts[1]
    compact = "".join(parts)
    for length in (3, 2):
        if compact[:length] in JAPANESE_SURNAMES or compact[:length] in CHINESE_SURNAMES:
            return compact[:length], compact[length:]
    return compact[:1], compact[1:]
