"""Openly licensed name sources, used to tell a personal name from an ordinary word.

- US Census 1990 name lists (public domain) as the `names` package ships them: 88,799 surnames,
  5,494 given names. They hold many ordinary words too (Rose, Brown, Will), so a name counts as
  *only* a name when the public-domain Webster's Second (1934) word list that `english-words`
  ships does not have it in lower case (it lists "brown" but only "John").
- The jieba dictionary inside `wordfreq` tags Chinese person names (nr, nrfg, nrt).
- Korean, Chinese and Japanese surname tables in ``anonymise.name_data``.
- Kiwi's multi-word dictionary (``multi.dict`` of `kiwipiepy_model`, headwords from Wikipedia with
  their Wikidata class): the Hangul words of the names of people (Q5 human, Q15632617 fictional
  human), e.g. the two words of a foreign name written in Hangul.

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


def _census(file: str) -> dict[str, float]:
    """Name -> percent of people with it, from one of the package's census files."""
    import names  # the package's data files only; its random generator is never used

    with open(Path(names.__file__).parent / file, encoding="ascii") as rows:
        return {row.split()[0].lower(): float(row.split()[1]) for row in rows if row.strip()}


def census_given_names() -> dict[str, float]:
    given = _census("dist.male.first")
    for name, share in _census("dist.female.first").items():
        given[name] = max(share, given.get(name, 0.0))
    return given


def census_surnames() -> dict[str, float]:
    return _census("dist.all.last")


# Wikidata classes of Kiwi's multi-word headwords that are people: human, fictional human.
KIWI_PERSON_CLASSES = frozenset({"Q5", "Q15632617"})
HANGUL_ONLY = re.compile(r"[가-힣]{2,}")


def kiwi_person_name_words() -> frozenset[str]:
    """The Hangul words (two syllables or more) of people's names in Kiwi's multi-word dictionary,
    each word of a name and the name written without its spaces."""
    import kiwipiepy_model  # the package's own data file; nothing is downloaded

    words = set()
    with open(Path(kiwipiepy_model.get_model_path()) / "multi.dict", encoding="utf-8") as lines:
        for line in lines:
            fields = line.rstrip("\n").split("\t")
            if line.startswith("#") or len(fields) < 4 or not KIWI_PERSON_CLASSES & set(re.findall(r"Q\d+", fields[-1])):
                continue
            form = fields[0]
            words.update(w for w in form.split(" ") + [form.replace(" ", "")] if HANGUL_ONLY.fullmatch(w))
    return frozenset(words)


def dictionary_words_lower() -> frozenset[str]:
    """Webster's Second entries written in lower case: common words, not proper names."""
    import english_words

    with open(Path(english_words.__file__).parent / "data" / "web2.pickle", "rb") as data:
        words = pickle.load(data)  # the package's own bundled data
    return frozenset(w for w in words if w.islower())


def _lemmas(word: str) -> list[str]:
    """The word and what it may be inflected from (Webster's lists base forms: friend, not friends)."""
    forms = [word]
    for ending, replacements in (("ies", ("y",)), ("es", ("", "e")), ("s", ("",)), ("ed", ("", "e")),
                                 ("ing", ("", "e")), ("ers", ("", "e")), ("er", ("", "e")), ("ly", ("",))):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            forms += [word[:-len(ending)] + r for r in replacements]
    return forms


def is_dictionary_word(word: str, dictionary: frozenset[str]) -> bool:
    return any(form in dictionary for form in _lemmas(word))


# A census surname this frequent as an English word is a word as well (proud, metro, johnson);
# a given name is only a name however frequent (john, david).
COMMON_WORD_ZIPF = 4.0
# Korean surnames below this are names first, even where Webster's lists them (kim, lee).
KOREAN_SURNAME_WORD_ZIPF = 5.0


# A dictionary word counts as a name too only when at least this share of people (percent) bear
# it: Grace, Will, Price, Young are names often enough; Plan, Cheers, Fill are not.
COMMON_NAME_SHARE = 0.01


def latin_name_sets(given: dict[str, float], surnames: dict[str, float], dictionary: frozenset[str],
                    zipf: dict[str, float]) -> tuple[frozenset[str], frozenset[str]]:
    """(names that are also common words, names that are only names), lower case."""
    also, only = set(), set()
    for name in given.keys() | surnames.keys():
        word = is_dictionary_word(name, dictionary) or (name not in given and zipf.get(name, 0.0) >= COMMON_WORD_ZIPF)
        if not word:
            only.add(name)
        elif max(given.get(name, 0.0), surnames.get(name, 0.0)) >= COMMON_NAME_SHARE:
            also.add(name)
    only |= {s for s in ROMANISED_KOREAN_SURNAMES if zipf.get(s, 0.0) < KOREAN_SURNAME_WORD_ZIPF}
    also |= ROMANISED_KOREAN_SURNAMES - only
    return frozenset(also), frozenset(only)


def looks_like_korean_name(word: str) -> bool:
    """Surname + one- or two-syllable given name built from common given-name syllables (김민수, 남궁민)."""
    for surname in (word[:2], word[:1]):
        given = word[len(surname):]
        if (surname in KOREAN_DOUBLE_SURNAMES or (len(surname) == 1 and surname in KOREAN_SURNAMES)) \
                and 1 <= len(given) <= 2 and all(s in KOREAN_GIVEN_SYLLABLES for s in given):
            return True
    return False


def starts_with_chinese_surname(word: str) -> bool:
    return word[:1] in CHINESE_SURNAMES or word[:2] in CHINESE_SURNAMES


def starts_with_cjk_surname(word: str) -> bool:
    return word[:1] in CHINESE_SURNAMES or word[:2] in CHINESE_SURNAMES or any(
        word.startswith(s) for s in (word[:3], word[:2], word[:1]) if s in JAPANESE_SURNAMES)


# Russian surnames and patronymics by their endings (Иванов, Петрова, Сергеевич, Олеговна, Достоевский).
RUSSIAN_NAME_ENDING = re.compile(r"(?:ов|ова|ев|ева|ёв|ёва|ин|ина|ын|ына|ский|ская|цкий|цкая|вич|вна|ична|енко|ук|юк)$")


# Cyrillic letters in Latin, as given names are spelled in the census lists (Анна -> anna, Иван -> ivan).
CYRILLIC_LATIN = str.maketrans({"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
                                "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
                                "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
                                "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
                                "я": "ya"})


def romanised_cyrillic(cyrillic: str) -> str:
    """Cyrillic letters in Latin, as the census lists spell given names (анна -> anna)."""
    return cyrillic.translate(CYRILLIC_LATIN)

