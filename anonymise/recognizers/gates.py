"""Text gates: what every match of a recognizer needs somewhere in the text.

A recognizer's ``TEXT_GATES`` let the engine skip it on a text where one of them is not found:
most consultation sentences have no digit, many no Latin letter, few a chart or bank word, and one
cheap search costs far less than running a dozen look-behind patterns to find nothing. Each gate
must be implied by every pattern of its recognizer (a character or a word every match holds or is
anchored to); gates use Presidio's default regex flags, so they read the text as the patterns do.
"""
from __future__ import annotations

import regex

PRESIDIO_FLAGS = regex.DOTALL | regex.MULTILINE | regex.IGNORECASE


def gate(pattern: str) -> regex.Pattern:
    return regex.compile(pattern, PRESIDIO_FLAGS)


DIGIT = gate(r"\d")
LATIN_OR_DIGIT = gate(r"[A-Za-z0-9]")
HANGUL = gate(r"[가-힣]")
# Every URL pattern holds a scheme's "//", a path's "/" or "www.".
URL_MARK = gate(r"/|www\.")
LATIN = gate(r"[a-z]")
HAN_OR_KANA = gate(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々]")
