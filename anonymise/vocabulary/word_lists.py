"""Ordinary-word lists read from the `wordfreq` package's own data files, held compactly.

wordfreq's lookup functions tokenise Korean and Japanese with MeCab, which this project does not
install, so its frequency lists are read directly: each ``<size>_<lang>.msgpack.gz`` is a header
and then buckets of words, bucket i holding the words of frequency 10^(-i/100) (Zipf 9 - i/100).

A few hundred thousand Python strings in a frozenset cost ~30 MB per worker (and building them
leaves as much again in the allocator); a ``WordSet`` keeps only a sorted array of their 64-bit
hashes, 8 bytes a word, which ``anonymise.vocabulary.packed`` builds once into a cache file that
every worker maps read-only. A false "ordinary" answer needs a 64-bit collision (about one in
10^13 per lookup).
"""
from __future__ import annotations

import gzip
import hashlib
from collections.abc import Iterable
from pathlib import Path

import msgpack
import numpy as np


def _data_dir() -> Path:
    import wordfreq  # only for where its data lives; its tokenizers are never called

    return Path(wordfreq.__file__).parent / "data"


def frequency_table(lang: str, size: str = "small", min_zipf: float = 0.0) -> dict[str, float]:
    """Word -> Zipf frequency for the words of wordfreq's ``size`` list for ``lang`` at ``min_zipf`` or more."""
    with gzip.open(_data_dir() / f"{size}_{lang}.msgpack.gz") as packed:
        header, *buckets = msgpack.load(packed, raw=False)
    if header.get("format") != "cB":
        raise ValueError(f"unexpected wordfreq list format {header!r}")
    return {word: 9 - index / 100 for index, bucket in enumerate(buckets) if 9 - index / 100 >= min_zipf
            for word in bucket}


def frequency_list(lang: str, size: str = "small", min_zipf: float = 0.0) -> list[str]:
    """Words of wordfreq's ``size`` list for ``lang`` with Zipf frequency >= ``min_zipf``, most frequent first."""
    return list(frequency_table(lang, size, min_zipf))


def jieba_tagged_words(tags: frozenset[str]) -> list[str]:
    """Words of the jieba dictionary that wordfreq ships (word, count, part of speech) with one of ``tags``."""
    words = []
    with open(_data_dir() / "jieba_zh_orig.txt", encoding="utf-8") as lines:
        for line in lines:
            parts = line.split()
            if len(parts) == 3 and parts[2] in tags:
                words.append(parts[0])
    return words


def jieba_counted_words(tags: frozenset[str], min_count: int) -> list[str]:
    """Words of the jieba dictionary with one of ``tags`` counted at least ``min_count`` times."""
    words = []
    with open(_data_dir() / "jieba_zh_orig.txt", encoding="utf-8") as lines:
        for line in lines:
            parts = line.split()
            if len(parts) == 3 and parts[2] in tags and int(parts[1]) >= min_count:
                words.append(parts[0])
    return words


def word_hash(word: str) -> int:
    """A 64-bit hash of ``word`` that is the same in every process (Python's own is salted)."""
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little", signed=True)


class WordSet:
    """Membership of many words in 8 bytes a word: a sorted array of their hashes."""

    def __init__(self, hashes: np.ndarray):
        self._hashes = hashes

    @classmethod
    def of(cls, words: Iterable[str]) -> "WordSet":
        return cls(np.unique(np.fromiter((word_hash(w) for w in words), dtype=np.int64)))

    def __contains__(self, word: str) -> bool:
        hashes, wanted = self._hashes, word_hash(word)
        at = int(np.searchsorted(hashes, wanted))
        return at < len(hashes) and int(hashes[at]) == wanted

    def __len__(self) -> int:
        return len(self._hashes)

    @property
    def hashes(self) -> np.ndarray:
        return self._hashes
