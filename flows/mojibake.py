"""Korean text that an old board stored under the wrong label, repaired when that is certain.

gnuboard4-era databases often declare tables ``latin1`` while PHP wrote EUC-KR (CP949) or UTF-8
bytes into them. Read through a UTF-8 connection (or dumped that way), each byte arrives as one
Latin-1/CP1252 character: ``±è¹Î¼ö`` instead of ``김민수``. The repair takes the characters back to
the bytes MySQL's ``latin1`` (CP1252 plus the five bytes CP1252 leaves undefined) made of them and
decodes those strictly as UTF-8, then CP949. It is used only when the value holds no Hangul of its
own, the decoding is exact and yields Hangul and no control characters. A value that still looks
like such bytes but decodes to nothing valid (cut in the middle of a character, say) is reported as
``mojibake`` so the record is quarantined rather than anonymised as noise that hides a name.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Literal

Verdict = Literal["ok", "repaired", "mojibake"]

_HANGUL = re.compile("[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_HIGH = re.compile("[\x80-\xff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a"
                   "\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")
# A value is suspect when many of its characters are such bytes and many of those are not letters
# (mis-decoded Korean is full of ± ¹ ¼ ´ ®; accented names are letters).
_MOJIBAKE_SHARE = 0.3
_SYMBOL_SHARE = 0.3


def _latin1_bytes(text: str) -> bytes | None:
    """The bytes MySQL's latin1 would store ``text`` as, or None if it has characters latin1 lacks."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1252")
        except UnicodeEncodeError:
            if ord(char) < 256:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D: MySQL keeps them as C1 controls
                out.append(ord(char))
            else:
                return None
    return bytes(out)


def repair(text: str) -> tuple[str, Verdict]:
    """``(text, "ok")``, ``(repaired, "repaired")`` or ``(text, "mojibake")`` (quarantine it)."""
    if text.isascii() or _HANGUL.search(text):
        return text, "ok"
    high = len(_HIGH.findall(text))
    if not high:
        return text, "ok"
    raw = _latin1_bytes(text)
    if raw is not None:
        for encoding in ("utf-8", "cp949"):
            try:
                decoded = raw.decode(encoding)
            except UnicodeDecodeError:
                continue
            if _HANGUL.search(decoded) and not _CONTROL.search(decoded):
                return unicodedata.normalize("NFC", decoded), "repaired"
    symbols = sum(1 for char in _HIGH.findall(text) if not unicodedata.category(char).startswith("L"))
    if high >= 2 and high / len(text.replace(" ", "")) >= _MOJIBAKE_SHARE and symbols / high >= _SYMBOL_SHARE:
        return text, "mojibake"
    return text, "ok"  # Latin text with accented letters (Müller, José Ñúñez) is what it says
