"""Characters that change nothing a reader sees, shared by the anonymiser and the leak gate.

Zero-width characters, joiners, the soft hyphen, invisible operators and bidi controls: inserted
inside a phone, name or e-mail they would cut it for a pattern. A module of its own so the gate
can see through them without importing the anonymiser's engine (and with it spaCy).
"""
from __future__ import annotations

INVISIBLE = frozenset("\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad\u180e"
                      "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
