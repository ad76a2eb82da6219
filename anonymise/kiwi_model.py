"""The one way this project builds Kiwi (Korean morphology), for the name recognizer and the FAQ index.

Without its multi-word dictionary (famous people, idioms) Kiwi needs ~180 MB less, and it answers
the questions asked here the same: 3,743 of 3,745 candidate name words tokenise alike (the other
two read as names either way), and the FAQ search text was identical on a 100k sample. Imports
nothing heavy, so the release build can use it without loading the anonymiser.
"""
from __future__ import annotations


def new_kiwi():
    """A fresh Kiwi with its bundled model (a second or two to load, ~300 MB)."""
    from kiwipiepy import Kiwi

    return Kiwi(load_multi_dict=False)


def kiwi_with_safe_terms():
    """``new_kiwi()`` that also knows the safe vocabulary's Korean terms as common nouns, so brands and
    devices it has never seen (울쎄라, 써마지) read as one word, not as an unknown proper noun."""
    from anonymise.vocabulary import safe_terms

    kiwi = new_kiwi()
    for term in safe_terms("ko"):
        if term.isalpha() and all("가" <= c <= "힣" for c in term):
            kiwi.add_user_word(term, "NNG")
    return kiwi
