"""Korean words that their sentence says are a treatment, a device or a medical noun (#13).

Kiwi does not know every procedure or device a clinic sells (a brand in Hangul, a new laser); such a
word reads as an unknown noun. Where the sentence treats it as a treatment it is one, whatever it is
called: the object of a verb of receiving a treatment (X 받으러, X 받고 왔어요), what a bruise or swelling
follows (X 후 멍, X 하고 나서 붓기), what is shaved (X 깎는), or what has a problem after a procedure word
(재수술 X에 문제). No person stands there: one picks a person up with 데리러, not 받으러. A word with a
Korean name's shape or a known foreign name is never vouched for so.
The anonymiser's Korean safe-list pass and the leak gate both ask ``in_treatment_frame``.
"""
from __future__ import annotations

import re

from anonymise.name_data import KOREAN_PARTICLES
from anonymise.vocabulary.name_lists import looks_like_korean_name
from anonymise.vocabulary.packed import word_sets

# What follows a treatment one space on: a verb of receiving or having it done, a bruise or swelling
# after it, shaving (of a bone).
TREATMENT_AFTER = re.compile(
    r"[ \t](?:받(?:으러|으려고|고|았|았어|았는데|을|는|기로|기|아서|아보|아야|으면|으니|은)|맞(?:으러|으려고|고|았|을|는)|"
    r"시술|수술|후[ \t](?:멍|붓기|부기|통증|흉터|염증|붉은|딱지|홍조|각질)|하고[ \t]나서[ \t](?:멍|붓기|부기|통증)|"
    r"깎(?:는|고|았|을|아|기))")
# A procedure word before "X에 문제" (재수술 X에 문제가): the X is a part or device of it.
PROBLEM_AFTER = re.compile(r"에[ \t]문제")
PROCEDURE_BEFORE = re.compile(r"(?:수술|시술|재수술|이식|삽입|보형물|필러|리프팅|성형)[ \t]$")


def in_treatment_frame(text: str, start: int, end: int) -> bool:
    """The Hangul word text[start:end] (its particles glued on) stands where a treatment or device does,
    and neither it nor its stem has a Korean name's shape or is a word of a person's name in Kiwi's
    dictionary of people (제니퍼 받으러 공항: picking someone up)."""
    word = text[start:end]
    stems = [word] + [word[:-len(p)] for p in KOREAN_PARTICLES if word.endswith(p) and len(word) > len(p)]
    if any(looks_like_korean_name(s) or s in word_sets()["kiwi_person_names"] for s in stems):
        return False
    if TREATMENT_AFTER.match(text, end):
        return True
    if PROBLEM_AFTER.match(text, end - 1) and text[end - 1] == "에":
        return PROCEDURE_BEFORE.search(text, max(0, start - 8), start) is not None
    return False

