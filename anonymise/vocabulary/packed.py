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
import shutil
import subprocess
import sys
import tempfile
from importlib import metadata
from pathlib import Path

import numpy as np

from anonymise.vocabulary.word_lists import WordSet

FORMAT = 1
# Zipf frequency (log10 of uses per billion words) a word needs to count as ordinary. English also
# takes every lower-case Webster's entry, so its frequency bar only admits modern words (email,
# botox); foreign given names are at Zipf 3-4 there and must stay below it.
MIN_ZIPF = {"en": 4.0, "ko": 2.5, "ja": 3.0, "zh": 3.0, "ru": 3.0, "vi": 3.0}
SET_NAMES = tuple(f"ordinary_{lang}" for lang in MIN_ZIPF) + ("latin_names_also_words", "latin_names_only",
                                                              "chinese_person_names")


def build() -> dict[str, np.ndarray]:
    """Every word set as an array of hashes, from the installed packages."""
    from anonymise.vocabulary.name_lists import (CHINESE_NAME_TAGS, census_names, dictionary_words_lower,
                                                 latin_name_sets, looks_like_korean_name,
                                                 starts_with_cjk_surname)
    from anonymise.vocabulary.word_lists import frequency_list, jieba_tagged_words

    sets: dict[str, WordSet] = {}
    also_words, names_only = latin_name_sets(census_names(), dictionary_words_lower())
    sets["latin_names_also_words"], sets["latin_names_only"] = WordSet.of(also_words), WordSet.of(names_only)
    people = frozenset(jieba_tagged_words(CHINESE_NAME_TAGS))
    sets["chinese_person_names"] = WordSet.of(people)
    for lang, min_zipf in MIN_ZIPF.items():
        words = frequency_list(lang, "large" if lang == "en" else "small", min_zipf)
        if lang == "en":
            words = [w for w in set(words) | dictionary_words_lower() if w not in names_only]
        elif lang == "ko":
            words = [w for w in words if not (len(w) == 3 and looks_like_korean_name(w))]
        elif lang == "zh":
            words = [w for w in words if w not in people]
        elif lang == "ja":
            words = [w for w in words if not (len(w) >= 3 and starts_with_cjk_surname(w))]
        sets[f"ordinary_{lang}"] = WordSet.of(words)
    return {name: s.hashes for name, s in sets.items()}


def _inputs_key() -> str:
    """Changes whenever an input could: the libraries' versions and this package's name tables."""
    parts = [str(FORMAT)] + [f"{p}={metadata.version(p)}" for p in ("wordfreq", "names", "english-words")]
    here = Path(__file__).parent
    for source in sorted(here.glob("*.py")) + [here.parent / "name_data.py"]:
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
