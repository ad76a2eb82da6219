"""A Korean full name found once in a text names the same person wherever its given name stands alone.

Writers give the full name once and then the given name (강유찬 씨가 왔다 … 유찬 씨는, 유찬이가): the later
mentions often carry no cue a recognizer reads (유찬은 웃었다). The given name counts where it stands
as a word of its own: alone, with particles, with the hypocoristic 이, with 님/씨 or a copula after it;
the full name written again counts the same way. Inside a longer word (유찬성) it does not. A given
name that is also a word (은결, 상호) counts bare only for the record's own member: beside a name
found by its cues it is as often the word (measured: a keep loss, on a Korean sentence set).
"""
from __future__ import annotations

import re

from anonymise import vocabulary
from anonymise.name_split import split_name
from anonymise.recognizers.person_korean import COPULAS, is_one_known_word, is_particle_chain

HANGUL = re.compile(r"[가-힣]")
HANGUL_RUN = re.compile(r"[가-힣]*")


def _full_names(text: str, names: list[tuple[int, int, bool]]) -> dict[str, bool]:
    """The found names that are a surname and a two-syllable given name (강유찬, 남궁다온), each with
    whether it is sure to be a person's (the record's own member)."""
    found = {}
    for start, end, sure in names:
        word = text[start:end]
        parts = split_name(word) if len(word) in (3, 4) and all(HANGUL.match(c) for c in word) else None
        if parts and len(parts[1]) == 2:
            found[word] = found.get(word, False) or sure
    return found


def _stands_alone(rest: str, name: str, sure: bool) -> bool:
    """What follows ``name`` in its word leaves it a name: nothing, particles, 이 (after a final
    consonant) and particles, 님/씨, or a copula. A given name that is also a word (상호, 정의) is the
    person only with 님/씨, the hypocoristic 이 or a particle of the wrong form (하늘는, 상호은), unless the full name is the record's own member's:
    bare or with particles it is as often the word, even beside a name found by its cues."""
    if rest[:1] in ("님", "씨"):
        return True
    word = not sure and len(name) == 2 and (vocabulary.is_ordinary_word(name, "ko") or is_one_known_word(name))
    if not word and (not rest or is_particle_chain(rest) or rest.startswith(COPULAS)):
        return True
    final_consonant = (ord(name[-1]) - 0xAC00) % 28 != 0
    if rest and rest[0] in (MISSPELT_AFTER_CONSONANT if final_consonant else MISSPELT_AFTER_VOWEL) \
            and is_particle_chain(rest[1:]):
        return True
    return bool(rest) and final_consonant and rest[0] == "이" and (is_particle_chain(rest[1:]) or rest[1:].startswith(COPULAS))


# A particle of the wrong form for the syllable before it (서진는, 하늘가, 보라은): the writer's slip on a
# name they just wrote in full; the ordinary word is written with its own form (하늘은), so only the
# slip marks a given name that is also a word.
MISSPELT_AFTER_CONSONANT = frozenset("는가를와")
MISSPELT_AFTER_VOWEL = frozenset("은을과")


def name_echoes(text: str, names: list[tuple[int, int, bool]]) -> list[tuple[int, int]]:
    """Spans of the given names (and full names) of the text's found Korean full names (start, end,
    and whether the name is sure to be a person's), elsewhere."""
    spans = []
    for full, sure in _full_names(text, names).items():
        given = split_name(full)[1]
        for mention in {full, given}:
            for start, rest in _mentions(text, mention):
                end = start + len(mention) + len(rest)
                spaced_title = not rest and text[end:end + 2] in (" 씨", " 님")  # 유찬 씨
                if _stands_alone("씨" if spaced_title else rest, mention, sure):
                    spans.append((start, start + len(mention)))
    return spans


def _mentions(text: str, mention: str):
    """(start, the Hangul glued after it) of each place ``mention`` begins a Hangul word of ``text``.

    A substring search, not a pattern per name: names differ from record to record, so such a
    pattern was compiled on nearly every call (the re module's cache holds 512). The mention is all
    Hangul, so no two of these places overlap.
    """
    start = text.find(mention)
    while start != -1:
        if not (start and HANGUL.match(text[start - 1])):
            yield start, HANGUL_RUN.match(text, start + len(mention)).group()
        start = text.find(mention, start + 1)
