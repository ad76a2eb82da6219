"""What every quasi-identifier detector shares: the span it returns, word edges, data files.

A quasi-identifier is not an identifier: 32살, 강남역 or 아나운서 names nobody alone, but together,
or with the record's own columns, they narrow a patient down. A detector reports where one is
and what coarser forms it has; the release policy (anonymise/quasi_identifiers/release_policy.py)
decides per release what is written instead.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from anonymise.recognizers.person_korean import is_particle_chain

DATA_DIR = Path(__file__).resolve().parent / "data"

# Endings that may follow a place, school or workplace inside one Hangul word (강남역에서, 연세대라서,
# 삼성전자인데): the particles of the name recognizer plus the locative/copula forms it has no use for.
EXTRA_TAILS = ("에서는", "에서도", "에서", "에는", "에도", "에", "까지", "부터", "쯤", "근처", "부근", "인근", "쪽",
               "앞", "이라서", "라서", "이라", "라", "인데요", "인데", "이었어요", "였어요", "이에요", "예요", "이고",
               "고", "생", "출신", "졸업", "재학", "다녀요", "다니고", "다니는", "다녀서")


@dataclass(frozen=True)
class QuasiSpan:
    """One quasi-identifier in a text: its type, offsets, and its coarser forms by level name.

    ``forms`` maps a generalisation level of the type (``decade``, ``quarter``, ``province`` ...) to
    the text written instead; a level missing from it falls back to the type's placeholder.
    """
    qi_type: str
    start: int
    end: int
    detector: str
    forms: dict[str, str] = field(default_factory=dict, compare=False, hash=False)


@functools.lru_cache(maxsize=100_000)
def korean_tail_ok(rest: str) -> bool:
    """The rest of a Hangul word after a name is only particles or endings (에서, 인데요, 이라서)."""
    if not rest:
        return True
    for tail in EXTRA_TAILS:
        if rest.startswith(tail) and (len(rest) == len(tail) or korean_tail_ok(rest[len(tail):])):
            return True
    return is_particle_chain(rest)


def read_lines(name: str) -> list[str]:
    """Non-comment, non-blank lines of a vocabulary file in data/."""
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    return [line.rstrip() for line in lines if line.strip() and not line.startswith("#")]


def read_words(name: str) -> frozenset[str]:
    """The whitespace-separated words of a word-list file in data/."""
    return frozenset(word for line in read_lines(name) for word in line.split())


def read_table(name: str) -> list[list[str]]:
    """Tab-separated rows of a vocabulary file in data/."""
    return [line.split("\t") for line in read_lines(name)]


def alternation(words) -> str:
    """A regex alternation of ``words``, longest first, each escaped."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


HANGUL = re.compile(r"[가-힣]")
HANGUL_WORD_END = re.compile(r"[가-힣]*")


def hangul_rest(text: str, end: int) -> str:
    """The Hangul letters glued to ``text`` from ``end`` on (the rest of the word)."""
    return HANGUL_WORD_END.match(text, end).group(0)
