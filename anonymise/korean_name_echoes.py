"""A Korean full name found once in a text names the same person wherever its given name stands alone.

Writers give the full name once and then the given name (강유찬 씨가 왔다 … 유찬 씨는, 유찬이가): the later
mentions often carry no cue a recognizer reads (유찬은 웃었다), or the given name is also a word. The
given name counts where it stands as a word of its own: alone, with particles, with the hypocoristic
이, with 님/씨 or a copula after it; the full name written again counts the same way. Inside a longer
word (유찬성) it does not.
"""
from __future__ import annotations

import re

from anonymise.name_split import split_name
from anonymise.recognizers.person_korean import COPULAS, is_particle_chain

HANGUL = re.compile(r"[가-힣]")


def _full_names(text: str, names: list[tuple[int, int, str]]) -> set[str]:
    """The found names that are a surname and a two-syllable given name (강유찬, 남궁다온)."""
    found = set()
    for start, end, _ in names:
        word = text[start:end]
        parts = split_name(word) if len(word) in (3, 4) and all(HANGUL.match(c) for c in word) else None
        if parts and len(parts[1]) == 2:
            found.add(word)
    return found


def _stands_alone(rest: str, name: str) -> bool:
    """What follows ``name`` in its word leaves it a name: nothing, particles, 이 (after a final
    consonant) and particles, 님/씨, or a copula."""
    if not rest or is_particle_chain(rest) or rest.startswith(COPULAS) or rest[0] in "님씨":
        return True
    final_consonant = (ord(name[-1]) - 0xAC00) % 28 != 0
    return final_consonant and rest[0] == "이" and (is_particle_chain(rest[1:]) or rest[1:].startswith(COPULAS))


def name_echoes(text: str, names: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Spans of the given names (and full names) of the text's found Korean full names, elsewhere."""
    spans = []
    for full in _full_names(text, names):
        given = split_name(full)[1]
        for mention in {full, given}:
            for match in re.finditer(rf"(?<![가-힣]){mention}([가-힣]*)", text):
                if _stands_alone(match.group(1), mention):
                    spans.append((match.start(), match.start() + len(mention)))
    return spans
