"""The safe vocabulary: what released text may contain, per language (see README.md beside this file).

Stable API (the leak gate checks released files with it; extend it, do not rename it):

    LANGUAGES                          ("ko", "en", "zh", "ja", "ru", "vi", "th")
    safe_terms(lang) -> frozenset      reviewed project terms of safe_<lang>.txt, case-folded
    is_safe_term(term, lang=None)      a safe term of ``lang`` (of any language when None)
    is_ordinary_word(word, lang)       a common word of ``lang`` from a maintained frequency list
                                       (wordfreq; Webster's Second for English), names subtracted
    is_name_word(word, lang)           evidence that a word is a personal name (name lists, surname
                                       tables, name shapes)
    is_only_a_name(word)               a Latin word the name lists have and no dictionary does
    is_safe_quantity(run, before, after), unsafe_digit_runs(text)   see quantities.py

Words are compared case-folded. The word sets are built once per installation into a cache file
and memory-mapped (see packed.py): ~4 MB, shared by every worker.
"""
from __future__ import annotations

import functools
from pathlib import Path

from anonymise.vocabulary.name_lists import RUSSIAN_NAME_ENDING, looks_like_korean_name, starts_with_cjk_surname
from anonymise.vocabulary.packed import word_sets
from anonymise.vocabulary.quantities import is_safe_quantity, unsafe_digit_runs

LANGUAGES = ("ko", "en", "zh", "ja", "ru", "vi", "th")
HERE = Path(__file__).parent

__all__ = ["LANGUAGES", "safe_terms", "is_safe_term", "is_ordinary_word", "is_name_word", "is_safe_quantity",
           "unsafe_digit_runs", "is_only_a_name"]


@functools.cache
def safe_terms(lang: str) -> frozenset[str]:
    """The reviewed terms of ``safe_<lang>.txt`` (one a line, ``#`` comments), case-folded."""
    path = HERE / f"safe_{lang}.txt"
    if lang not in LANGUAGES or not path.exists():
        return frozenset()
    terms = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(t.casefold() for t in terms if t)


def is_safe_term(term: str, lang: str | None = None) -> bool:
    folded = term.casefold()
    return any(folded in safe_terms(code) for code in ((lang,) if lang else LANGUAGES))


def is_ordinary_word(word: str, lang: str) -> bool:
    """A common word of ``lang`` (case-folded lookup) that is not only a personal name."""
    ordinary = word_sets().get(f"ordinary_{lang}")
    return ordinary is not None and word.casefold() in ordinary


def is_name_word(word: str, lang: str) -> bool:
    """Whether ``word`` is known or shaped as a personal name in ``lang`` (a given name, a surname,
    a surname+given-name shape); ordinary words that are also names (Rose, Brown) count."""
    folded = word.casefold()
    if lang in ("en", "vi"):
        sets = word_sets()
        return folded in sets["latin_names_only"] or folded in sets["latin_names_also_words"]
    if lang == "ko":
        return looks_like_korean_name(word)
    if lang == "zh":
        return word in word_sets()["chinese_person_names"] or (2 <= len(word) <= 4 and starts_with_cjk_surname(word))
    if lang == "ja":
        return 2 <= len(word) <= 5 and starts_with_cjk_surname(word)
    if lang == "ru":
        return len(folded) >= 4 and RUSSIAN_NAME_ENDING.search(folded) is not None
    return False


def is_only_a_name(word: str) -> bool:
    """A Latin-script word the name lists have and no dictionary has in lower case (Jennifer, Nguyen, Kim)."""
    return word.casefold() in word_sets()["latin_names_only"]
