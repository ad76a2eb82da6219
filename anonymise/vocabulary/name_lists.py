"""Openly licensed name sources, used to tell a personal name from an ordinary word.

- US Census 1990 name lists (public domain) as the `names` package ships them: 88,799 surnames,
  5,494 given names. They hold many ordinary words too (Rose, Brown, Will), so a name counts as
  *only* a name when the public-domain Webster's Second (1934) word list that `english-words`
  ships does not have it in lower case (it lists "brown" but only "John").
- The jieba dictionary inside `wordfreq` tags Chinese person names (nr, nrfg, nrt).
- Korean, Chinese and Japanese surname tables in ``anonymise.name_data``.

Frequency word lists contain names (they count what people write); ``anonymise.vocabulary.packed``
subtracts these sources from them.
"""
from __future__ import annotations

import pickle
import re
from pathlib import Path

from anonymise.name_data import (CHINESE_SURNAMES, JAPANESE_SURNAMES, KOREAN_DOUBLE_SURNAMES,
                                 KOREAN_GIVEN_SYLLABLES, KOREAN_SURNAMES, ROMANISED_KOREAN_SURNAMES)

CHINESE_NAME_TAGS = frozenset({"nr", "nrfg", "nrt"})


def _census(file: str) -> list[str]:
    import names  # the package's data files only; its random generator is never used

    with open(Path(names.__file__).parent / file, encoding="ascii") as rows:
        return [row.split()[0].lower() for row in rows if row.strip()]


def census_names() -> frozenset[str]:
    """Given names and surnames of the US Census lists, lower case (not cached: see latin_name_words)."""
    return frozenset(_census("dist.male.first") + _census("dist.female.first") + _census("dist.all.last"))


def dictionary_words_lower() -> frozenset[str]:
    """Webster's Second entries written in lower case: common words, not proper names (not cached:
    only needed while the word sets are built)."""
    import english_words

    with open(Path(english_words.__file__).parent / "data" / "web2.pickle", "rb") as data:
        words = pickle.load(data)  # the package's own bundled data
    return frozenset(w for w in words if w.islower())


def latin_name_sets(names: frozenset[str], words: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """(names that are also common words, names that are only names), lower case.

    Romanised Korean surnames are always only names here (Kim, Lee, Park as a capitalised word in
    running text are people far more often than they are the English words)."""
    only = (names - words) | ROMANISED_KOREAN_SURNAMES
    return names - only, only


def looks_like_korean_name(word: str) -> bool:
    """Surname + one- or two-syllable given name built from common given-name syllables (김민수, 남궁민)."""
    for surname in (word[:2], word[:1]):
        given = word[len(surname):]
        if (surname in KOREAN_DOUBLE_SURNAMES or (len(surname) == 1 and surname in KOREAN_SURNAMES)) \
                and 1 <= len(given) <= 2 and all(s in KOREAN_GIVEN_SYLLABLES for s in given):
            return True
    return False


def starts_with_cjk_surname(word: str) -> bool:
    return word[:1] in CHINESE_SURNAMES or word[:2] in CHINESE_SURNAMES or any(
        word.startswith(s) for s in (word[:3], word[:2], word[:1]) if s in JAPANESE_SURNAMES)


# Russian surnames and patronymics by their endings (Иванов, Петрова, Сергеевич, Олеговна, Достоевский).
RUSSIAN_NAME_ENDING = re.compile(r"(?:ов|ова|ев|ева|ёв|ёва|ин|ина|ын|ына|ский|ская|цкий|цкая|вич|вна|ична|енко|ук|юк)$")
