"""Latin spellings of a source name, as concrete strings the needle index can hold.

The anonymiser finds romanised names with patterns (anonymise.name_data.romanised_pattern); the
gate needs a few concrete spellings per person instead, since it searches millions of values at
once. From the same spelling tables (anonymise.name_data): a Hangul name's surname in its two
most used spellings, the given name in Revised Romanization and in the most common informal
spelling (oo for u, ee for i ...), each joined, hyphenated or spaced, in either order (Kim Minsu,
Min-su Kim). Chinese and Japanese names get their pinyin and Hepburn readings (pypinyin,
pykakasi: both ship their dictionaries), family name first and last.
"""
from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import product

from anonymise.name_data import (FINAL_SPELLINGS, INITIAL_SPELLINGS, KOREAN_DOUBLE_SURNAMES, SURNAME_SPELLINGS,
                                 VOWEL_SPELLINGS)
from anonymise.name_split import split_cjk_name

SURNAME_FORMS = 2       # Lee and Yi, Park and Pak: the spellings most people use
GIVEN_FORMS = 2         # per syllable: the standard and the first informal spelling
CACHED_NAMES = 8_192
_KANA = re.compile(r"[\u3040-\u30ff]")


def _syllable_forms(syllable: str) -> list[str]:
    code = ord(syllable) - 0xAC00
    if not 0 <= code < 11172:
        return []
    initial, vowel, final = code // 588, (code % 588) // 28, code % 28
    forms = [i + v + f for i, v, f in product(INITIAL_SPELLINGS[initial].split("|")[:GIVEN_FORMS],
                                               VOWEL_SPELLINGS[vowel].split("|")[:GIVEN_FORMS],
                                               FINAL_SPELLINGS[final].split("|")[:1])]
    return list(dict.fromkeys(forms))


@lru_cache(maxsize=CACHED_NAMES)
def hangul_latin_names(name: str) -> tuple[str, ...]:
    """Latin full names for a Hangul name of 3–4 syllables: 'kim minsu', 'min-su kim' ... (lower case)."""
    if not 3 <= len(name) <= 4:
        return ()
    surname = name[:2] if len(name) == 4 and name[:2] in KOREAN_DOUBLE_SURNAMES else name[:1]
    given = name[len(surname):]
    spellings = SURNAME_SPELLINGS.get(surname)
    if not spellings or len(given) < 2:
        return ()
    per_syllable = [_syllable_forms(s) for s in given]
    if not all(per_syllable):
        return ()
    # Standard spelling of every syllable, then one informal syllable at a time: not every mix.
    givens = [[forms[0] for forms in per_syllable]]
    for i, forms in enumerate(per_syllable):
        givens += [[*givens[0][:i], alt, *givens[0][i + 1:]] for alt in forms[1:]]
    names = []
    for parts in givens:
        for given_form in ("".join(parts), "-".join(parts), " ".join(parts)):
            for sur in spellings.split("|")[:SURNAME_FORMS]:
                names += [f"{sur} {given_form}", f"{given_form} {sur}"]
    return tuple(dict.fromkeys(names))


@lru_cache(maxsize=CACHED_NAMES)
def cjk_latin_names(name: str) -> tuple[str, ...]:
    """Pinyin and Hepburn readings of a Chinese/Japanese name, family name first and last (lower case)."""
    family, given = split_cjk_name(name)
    if not family or not given:
        return ()
    readers = [_hepburn] if _KANA.search(name) else [_hepburn, _pinyin]
    names = []
    for read in readers:
        family_latin, given_latin = read(family), read(given)
        if family_latin.isascii() and given_latin.isascii() and family_latin.isalpha() and given_latin.isalpha():
            names += [f"{family_latin} {given_latin}".lower(), f"{given_latin} {family_latin}".lower()]
    return tuple(dict.fromkeys(names))


@cache
def _kakasi():
    import pykakasi  # only for sources with Japanese names; its dictionary ships with the package

    return pykakasi.kakasi()


def _hepburn(text: str) -> str:
    return "".join(item["hepburn"] for item in _kakasi().convert(text)).replace(" ", "")


def _pinyin(text: str) -> str:
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(text))
