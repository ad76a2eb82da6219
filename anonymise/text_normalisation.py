"""The detector's view of a text: look-alike characters mapped, invisible ones dropped, offsets kept.

``normalise_with_offsets`` returns the text every recognizer, the deny list and the safe-list pass
read, with each of its characters' index in the original, so a span found in the view maps back
onto the original text. (The gate folds text its own way: anonymise.gate.text_view.)
"""
from __future__ import annotations

import itertools
import unicodedata

from contract.invisible import INVISIBLE


# Look-alike characters people type (full-width digits, odd hyphens and spaces) mapped one to one,
# and invisible ones removed, so one set of ASCII patterns covers them all.
LOOKALIKES = {**{chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)},
              **dict.fromkeys("\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
                              "\u202f\u205f\u3000", " "),
              **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63", "-")}


def _is_symbol(char: str) -> bool:
    # Emoji and pictographs (So) with their variation selectors; math signs such as ～ or ± stay,
    # because "2～3주" is a range, not a hidden number.
    return unicodedata.category(char) == "So" or "\ufe00" <= char <= "\ufe0f"


def _changeable_characters() -> frozenset[str]:
    """Every character normalise_with_offsets() may change or drop; most texts hold none and skip its per-character
    loop. The symbols are read from ``unicodedata`` itself, so the set is exactly what ``_is_symbol`` tests."""
    # The same test as _is_symbol, run as C-level map/compress: a Python call per code point cost
    # ~0.7 CPU-s in every process that imports the detector (the CLI and each worker).
    everything = "".join(map(chr, itertools.chain(range(0xD800), range(0xE000, 0x110000))))
    symbols = itertools.compress(everything, map("So".__eq__, map(unicodedata.category, everything)))
    return frozenset((*LOOKALIKES, *INVISIBLE, *symbols, *map(chr, range(0xFE00, 0xFE10))))


CHANGEABLE = _changeable_characters()


def normalise_with_offsets(text: str) -> tuple[str, list[int]]:
    """``text`` with look-alikes mapped and invisible characters removed, and for every character
    of the result its index in ``text`` (offsets found in the result map back through it)."""
    if CHANGEABLE.isdisjoint(text):
        return text, list(range(len(text)))
    chars, origin = [], []
    for index, char in enumerate(text):
        if char in INVISIBLE:
            continue
        if _is_symbol(char) and chars and chars[-1].isdigit() and _next_visible_is_digit(text, index + 1):
            continue  # 010📞1234📞5678: a symbol wedged between digits must not hide the number
        chars.append(LOOKALIKES.get(char, char))
        origin.append(index)
    return "".join(chars), origin


def _next_visible_is_digit(text: str, start: int) -> bool:
    for char in text[start:start + 8]:
        if char in INVISIBLE or _is_symbol(char):
            continue
        return LOOKALIKES.get(char, char).isdigit()
    return False
