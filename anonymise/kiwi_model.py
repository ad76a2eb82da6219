"""The one way this project builds Kiwi (Korean morphology), for the name recognizer and the FAQ index.

Without its multi-word dictionary (famous people, idioms) Kiwi needs ~180 MB less, and it answers
the questions asked here the same: 3,743 of 3,745 candidate name words tokenise alike (the other
two read as names either way), and the FAQ search text was identical on a 100k sample. Imports
nothing heavy, so the release build can use it without loading the anonymiser.
"""
from __future__ import annotations

import functools
import warnings


def new_kiwi(num_workers: int | None = None):
    """A fresh Kiwi with its bundled model (a second or two to load, ~300 MB); ``num_workers`` as Kiwi's
    (None: a thread per core for lists of texts, 0: single-threaded, no lists)."""
    from kiwipiepy import Kiwi

    with warnings.catch_warnings():  # Kiwi warns that 0 meant "a thread per core" before 0.21
        warnings.simplefilter("ignore", DeprecationWarning)
        return Kiwi(load_multi_dict=False, num_workers=num_workers)


def kiwi_with_safe_terms(num_workers: int | None = None):
    """``new_kiwi()`` that also knows the safe vocabulary's Korean terms as common nouns, so brands and
    devices it has never seen (울쎄라, 써마지) read as one word, not as an unknown proper noun."""
    from anonymise.vocabulary import safe_terms

    kiwi = new_kiwi(num_workers)
    for term in safe_terms("ko"):
        if term.isalpha() and all("가" <= c <= "힣" for c in term):
            kiwi.add_user_word(term, "NNG")
    return kiwi


@functools.cache
def shared_kiwi():
    """The process's one Kiwi for the anonymiser (name recognizer, safe-list pass, text quasi-identifiers),
    knowing the safe terms: loaded on first use, kept. The release build uses ``new_kiwi`` and drops it.

    Single-threaded: the anonymiser asks one text at a time, and Kiwi's thread pool (made on its
    first call) would not survive the fork that shares this model with the stage's workers
    (flows/worker_models.py): a list call in a forked worker would wait for threads that are gone.
    Without the pool such a call raises instead."""
    return kiwi_with_safe_terms(num_workers=0)
