"""Released text as the gate reads it: one normal form, a case-folded copy and a digit view.

- ``normalise``: NFKC, invisible characters removed, other whitespace made ' ', runs of spaces
  collapsed; letter case kept;
- ``fold``: lower case, length-preserving, so offsets in the folded text hold in the normal one;
- ``digit_view``: separators of up to three non-word characters *between two digits* removed,
  so '010 1234.5678', '(010)1234-5678' and '+82 10-1234-5678' all contain '1012345678'. Only
  separators between digits go: a stray number elsewhere in a sentence cannot join a phone.
"""
from __future__ import annotations

import re
import unicodedata

from contract.invisible import INVISIBLE

# Whitespace NFKC leaves alone (it maps the no-break and ideographic spaces to ' ' itself).
_OTHER_SPACES = "\n\r\t\f\v\x1c\x1d\x1e\x1f\x85\u2028\u2029"
# \x00 and \x01 separate rows and cells of a batch (anonymise.gate.matching): never a separator.
_DIGIT_SEPARATOR = re.compile(r"(?<=\d)[^\w\x00\x01]{1,3}(?=\d)")
_NON_DIGIT = re.compile(r"\D")


def normalise(text: str) -> str:
    """Text as the scanner sees it, letter case kept: NFKC, no invisibles, single spaces.

    Written as C-speed string operations that do nothing on text already in that form: this
    runs over every released character (hundreds of MB at 1M records).
    """
    if not (text.isascii() and text.isprintable()):  # printable ASCII (IDs, e-mails) is NFKC, holds none of these
        if not unicodedata.is_normalized("NFKC", text):
            text = unicodedata.normalize("NFKC", text)
        for ch in INVISIBLE:  # the anonymiser's own list: what it sees through, the scan sees through too
            if ch in text:
                text = text.replace(ch, "")
        for ch in _OTHER_SPACES:
            if ch in text:
                text = text.replace(ch, " ")
    while "  " in text:
        text = text.replace("  ", " ")
    return text


def lines_view(text: str) -> str:
    """For the released-text rule: NFKC and no invisibles like ``normalise``, but line breaks kept
    (a word after one starts a sentence) and spaces not collapsed."""
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    for ch in INVISIBLE:
        if ch in text:
            text = text.replace(ch, "")
    return text


def fold(normalised: str) -> str:
    """Lower case, length-preserving (U+0130 is the one character whose lower case is two), so
    offsets in the folded text hold in the normalised one."""
    return normalised.replace("\u0130", "I").lower()


def digit_view(folded: str) -> str:
    """The text with short separators between digits removed (offsets change)."""
    return _DIGIT_SEPARATOR.sub("", folded)


def digits_of(value: str) -> str:
    return _NON_DIGIT.sub("", unicodedata.normalize("NFKC", value))
