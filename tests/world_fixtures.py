"""One Redactor for the detection tests of every language: every text goes the production path."""
from __future__ import annotations

import functools

from anonymise.redactor import Redactor


@functools.cache
def redactor() -> Redactor:
    return Redactor()


def redacted(text: str) -> str:
    """The strictest placeholder form of ``text`` as a consultation question."""
    return redactor().redact({"consultation_id": "T1", "member_id": None, "title": None, "question": text,
                              "answer": None}).text["question"]


def check(text: str, gone: list[str], kept: list[str]) -> str:
    out = redacted(text)
    for value in gone:
        assert value not in out, (value, out)
    for word in kept:
        assert word in out, (word, out)
    return out
