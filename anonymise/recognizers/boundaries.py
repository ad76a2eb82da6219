"""Presidio's predefined patterns with word boundaries that work beside Hangul and other CJK text.

Their ``\\b`` needs a non-word character next to the number, but Hangul, Han and kana are word
characters: "123-45-6789입니다" has no boundary after the 9. Each ``\\b`` becomes a boundary between
an ASCII letter or digit and anything else, which is what the patterns mean by it.
"""
from __future__ import annotations

from presidio_analyzer import Pattern

ASCII_BOUNDARY = r"(?:(?<![A-Za-z0-9])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?![A-Za-z0-9]))"


def ascii_bounded(patterns: list[Pattern]) -> list[Pattern]:
    return [Pattern(p.name, p.regex.replace(r"\b", ASCII_BOUNDARY), p.score) for p in patterns]
