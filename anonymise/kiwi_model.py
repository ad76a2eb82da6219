"""The one way this project builds Kiwi (Korean morphology), for the name recognizer and the FAQ index.

Without its multi-word dictionary (famous people, idioms) Kiwi needs ~180 MB less, and it answers
the questions asked here the same: 3,743 of 3,745 candidate name words tokenise alike (the other
two read as names either way), and the FAQ search text was identical on a 100k sample. Imports
nothing heavy, so the release build can use it without loading the anonymiser.
"""
from __future__ import annotations

import functools


def new_kiwi():
    """A fresh Kiwi with its bundled model (a second or two to load, ~300 MB)."""
    from kiwipiepy import Kiwi

    return Kiwi(load_multi_dict=False)


@functools.cache
def shared_kiwi():
    """The process's one Kiwi for the anonymiser (name recognizer, text quasi-identifiers): loaded on
    first use, kept; the release build uses ``new_kiwi`` and drops its own when done."""
    return new_kiwi()
