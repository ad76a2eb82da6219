"""Characters that change nothing a reader sees, in one place for ingest, the anonymiser and the gate.

Zero-width characters, joiners, the soft hyphen, invisible operators and bidi controls: inserted
inside a phone, name or e-mail they would cut it for a pattern. Ingest strips them, with the C0/C1
control characters (not tab, newline, carriage return), from every string it accepts, and so does
`clinic-anon redact`, so both read one text; the anonymiser's and the gate's normalisation see
through them in text that still holds them. A module of its own so the gate can use it without
importing the anonymiser's engine (and with it spaCy).
"""
from __future__ import annotations

import re

INVISIBLE = frozenset("\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad\u180e"
                      "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
CONTROLS = frozenset(chr(c) for c in (*range(0x01, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)))
STRIPPED_CHARS = re.compile("[" + re.escape("".join(sorted(INVISIBLE | CONTROLS))) + "]")


def strip_invisible(text: str) -> str:
    """``text`` without the invisible and control characters above, and without outer whitespace."""
    return STRIPPED_CHARS.sub("", text).strip()
