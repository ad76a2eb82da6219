"""Kiwi's reading of a Hangul word, asked once per process for every rule that reads that word.

The Korean name recognizers, the safe-list pass and the text quasi-identifiers ask Kiwi about the
same words (a word, its stem, its stems one syllable shorter each); a reading depends on the word alone, so it is kept here, in one
bounded cache, and every rule decides with its own context around it. The tokens are Kiwi's own,
shared by every caller: read them, never change them (a tuple, so a list method fails loudly).
"""
from __future__ import annotations

import functools

from anonymise.kiwi_model import shared_kiwi

# ~0.6 KB a word (key, tokens, cache entry): ~30 MB of a worker at most. A run's texts repeat their
# words, so a cache this size answers nearly every repeat while a worker's memory stays flat.
CACHED_WORDS = 50_000


@functools.lru_cache(maxsize=CACHED_WORDS)
def kiwi_tokens(text: str) -> tuple:
    """Kiwi's best reading of ``text``: its tokens (form, tag, start, len, id ...)."""
    return tuple(shared_kiwi().tokenize(text))
