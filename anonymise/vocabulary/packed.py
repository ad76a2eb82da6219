"""The word sets of the vocabulary, built once from the installed libraries into a cache file.

Building them reads ~800,000 strings (wordfreq lists, Webster's Second, census names, jieba's
dictionary); done inside a worker that would leave tens of megabytes in its allocator for good.
So the first process that needs them runs ``python -m anonymise.vocabulary.packed FILE`` (a few
seconds, once per installation and library version) and every process then memory-maps the
result (~3 MB, shared between workers, in ~/.cache/clinic-anon or $XDG_CACHE_HOME). Nothing is downloaded: every input ships in a package.
If the cache folder cannot be written, the sets are built in the process itself.
"""
from __future__ import annotations

import functools
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from importlib import metadata
from pathlib import Path

import numpy as np

from anonymise import name_data
from anonymise.vocabulary.word_lists import WordSet

FORMAT = 1
# Zipf frequency (log10 of uses per billion words) a word needs to count as ordinary. English also
# takes every lower-case Webster's entry, so its frequency bar only admits modern words (email,
# botox); foreign given names are at Zipf 3-4 there and must stay below it.
CHINESE_NAME_MAX_ZIPF = 3.5
# Katakana words this frequent in wordfreq's large Japanese list are loanwords people use (リドカイン).
KATAKANA_LOANWORD_ZIPF = 2.0
# Inflected forms (friends, swelling) Webster's does not list count from this frequency on.
ENGLISH_INFLECTED_ZIPF = 2.5
MIN_ZIPF = {"en": 4.0, "ko": 2.5, "ja": 3.0, "zh": 3.0, "ru": 3.0, "vi": 3.0}
# Words of the jieba dictionary that begin with a surname character (黄疸, 毛囊, 叶酸): the common
# parts of speech (nouns, verbal nouns, adjectives, distinguishers, time and place words), counted often
# enough that a person's name read as one is unlikely; names, places and other proper nouns excluded.
JIEBA_WORD_TAGS = frozenset({"n", "vn", "a", "an", "b", "z", "f", "t"})
JIEBA_WORD_MIN_COUNT = 30
# Languages whose ordinary words are a reviewed list (name_data.REVIEWED_ORDINARY_WORDS), with the
# wordfreq lists a listed word must also be in: none for Mongolian, which wordfreq lacks; Indonesian's
# and Malay's for Indonesian, whose wordfreq list holds given names as often as words.
REVIEWED = {"mn": (), "id": ("id", "ms")}
# Russian polite imperatives (подскажите, посоветуйте, уточните) open a consultation's sentences; no
# name ends so. wordfreq's large list has the rarer ones from this frequency on.
RUSSIAN_IMPERATIVE = re.compile(r"(?:ите|йте|ьте)(?:сь)?$")
RUSSIAN_IMPERATIVE_ZIPF = 2.0
SET_NAMES = tuple(f"ordinary_{lang}" for lang in MIN_ZIPF) + tuple(f"ordinary_{lang}" for lang in REVIEWED) + (
    "surname_initial_words_zh", "latin_names_also_words", "latin_names_only", "latin_given_names_only", "chinese_person_names",
    "imperatives_ru", "katakana_loanwords", "common_ja", "common_ko", "frequent_ko", "kiwi_person_names")
KATAKANA = re.compile(r"[\u30a1-\u30fa\u30fc]+")
# Japanese words this frequent are the nouns said after 娘の / 友人の (学校, 仕事, 紹介); given names in
# kanji (美咲, 健太) are in wordfreq's list too, but less frequent.
JAPANESE_COMMON_ZIPF = 4.2
# Korean nouns this frequent (학교, 친구, 사람) are what a determiner glued to a noun points at (이학교가,
# 그사람은); given names that are also nouns (하늘, 보람) are less frequent.
KOREAN_FREQUENT_ZIPF = 5.5
# Korean words this frequent that Kiwi tags as proper nouns are brands, media, languages and regions
# people write every day (구글, 일본어); a person's name this frequent is in Kiwi's dictionary of people.
KOREAN_COMMON_ZIPF = 4.0


def build() -> dict[str, np.ndarray]:
    """Every word set as an array of hashes, from the installed packages."""
    from anonymise.vocabulary.name_lists import (CHINESE_NAME_TAGS, census_given_names, census_surnames,
                                                 dictionary_words_lower, is_dictionary_word, kiwi_person_name_words,
                                                 latin_name_sets,
                                                 looks_like_korean_name, starts_with_chinese_surname,
                                                 starts_with_cjk_surname)
    from anonymise.vocabulary.word_lists import frequency_list, frequency_table, jieba_counted_words, jieba_tagged_words

    sets: dict[str, WordSet] = {}
    dictionary = dictionary_words_lower()
    english = frequency_table("en", "large", ENGLISH_INFLECTED_ZIPF)
    also_words, names_only = latin_name_sets(census_given_names(), census_surnames(), dictionary, english)
    sets["latin_names_also_words"], sets["latin_names_only"] = WordSet.of(also_words), WordSet.of(names_only)
    # Given names that are no dictionary word, nor also a frequent surname (sun, hang, ban: too often
    # words in lower case).
    surnames = census_surnames()
    sets["latin_given_names_only"] = WordSet.of(
        w for w in census_given_names() if not is_dictionary_word(w, dictionary)
        and not (w in surnames and english.get(w, 0.0) >= 4.5))
    # jieba's name tag is noisy (it tags 麻醉, anaesthesia): a name starts with a surname, has two or
    # three characters and is not a frequent word.
    chinese = frequency_table("zh", "small")
    people = frozenset(w for w in jieba_tagged_words(CHINESE_NAME_TAGS) if 2 <= len(w) <= 3 and
                       starts_with_chinese_surname(w) and chinese.get(w, 0.0) < CHINESE_NAME_MAX_ZIPF)
    sets["chinese_person_names"] = WordSet.of(people)
    sets["surname_initial_words_zh"] = WordSet.of(
        w for w in jieba_counted_words(JIEBA_WORD_TAGS, JIEBA_WORD_MIN_COUNT)
        if 2 <= len(w) <= 4 and starts_with_chinese_surname(w) and w not in people)
    for lang, min_zipf in MIN_ZIPF.items():
        if lang == "en":
            # Frequent words, dictionary words, and less frequent inflections of dictionary words.
            words = {w for w, z in english.items() if z >= min_zipf or is_dictionary_word(w, dictionary)}
            words = (words | dictionary) - names_only
        else:
            words = frequency_list(lang, "small", min_zipf)
        if lang == "ko":
            words = [w for w in words if not (len(w) == 3 and looks_like_korean_name(w))]
        elif lang == "zh":
            words = [w for w in words if w not in people]
        elif lang == "ja":
            words = [w for w in words if not (len(w) >= 3 and starts_with_cjk_surname(w))]
        sets[f"ordinary_{lang}"] = WordSet.of(words)
    for lang, checked_by in REVIEWED.items():
        listed = name_data.REVIEWED_ORDINARY_WORDS[lang]
        known = set().union(*(frequency_table(code, "small") for code in checked_by)) if checked_by else listed
        sets[f"ordinary_{lang}"] = WordSet.of(w for w in listed if w in known)
    sets["imperatives_ru"] = WordSet.of(w for w in frequency_list("ru", "large", RUSSIAN_IMPERATIVE_ZIPF)
                                        if RUSSIAN_IMPERATIVE.search(w))
    sets["katakana_loanwords"] = WordSet.of(w for w in frequency_list("ja", "large", KATAKANA_LOANWORD_ZIPF)
                                            if KATAKANA.fullmatch(w))
    sets["common_ja"] = WordSet.of(frequency_list("ja", "small", JAPANESE_COMMON_ZIPF))
    sets["frequent_ko"] = WordSet.of(frequency_list("ko", "small", KOREAN_FREQUENT_ZIPF))
    sets["common_ko"] = WordSet.of(frequency_list("ko", "small", KOREAN_COMMON_ZIPF))
    sets["kiwi_person_names"] = WordSet.of(kiwi_person_name_words())
    return {name: s.hashes for name, s in sets.items()}


def _inputs_key() -> str:
    """Changes whenever an input could: the libraries' versions, this package's code and the name tables."""
    parts = [str(FORMAT)] + [f"{p}={metadata.version(p)}" for p in ("wordfreq", "names", "english-words", "kiwipiepy_model")]
    here = Path(__file__).parent
    for source in sorted(here.glob("*.py")) + [here.parent / "name_data.py"] + sorted(name_data.FILES):
        parts.append(hashlib.sha256(source.read_bytes()).hexdigest())
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def cache_dir() -> Path:
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return root / "clinic-anon" / f"vocabulary-{_inputs_key()}"


def write(folder: Path) -> None:
    """One .npy per word set, written beside ``folder`` and renamed into place (atomic: a concurrent
    reader sees no folder or the whole of it)."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=folder.parent, prefix=".building-"))
    for name, hashes in build().items():
        np.save(staging / f"{name}.npy", hashes)
    try:
        os.rename(staging, folder)
    except OSError:  # another process finished first
        shutil.rmtree(staging, ignore_errors=True)


@functools.cache
def word_sets() -> dict[str, WordSet]:
    folder = cache_dir()
    if not folder.exists():
        try:
            subprocess.run([sys.executable, "-m", "anonymise.vocabulary.packed", str(folder)], check=True,
                           capture_output=True, timeout=300)
        except (OSError, subprocess.SubprocessError):
            return {name: WordSet(hashes) for name, hashes in build().items()}
    return {name: WordSet(np.load(folder / f"{name}.npy", mmap_mode="r")) for name in SET_NAMES}


if __name__ == "__main__":
    write(Path(sys.argv[1]))
