"""Characters a record never keeps: C0/C1 controls (not tab, newline, carriage return), soft hyphen,
zero-width and bidi marks, bidi embeddings/overrides/isolates, invisible operators, BOM.

They carry no meaning and can split a phone number or a name so that a detector misses it. Ingest
strips them from every string it accepts, and so does `clinic-anon redact`, so both read one text.
"""
from __future__ import annotations

import re

STRIPPED_CHARS = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\xad\u180e\u200b-\u200f\u202a-\u202e"
                            "\u2060-\u2064\u2066-\u2069\ufeff]")


def strip_invisible(text: str) -> str:
    """``text`` without the characters above, and without outer whitespace."""
    return STRIPPED_CHARS.sub("", text).strip()
