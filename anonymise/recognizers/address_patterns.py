"""The shape most address recognizers share: a class's PATTERNS (and CONTEXT) for ADDRESS, named after it."""
from __future__ import annotations

import regex
from presidio_analyzer import PatternRecognizer

# Case matters for these patterns (a capitalised street or place name), unlike Presidio's default flags.
FLAGS = regex.DOTALL | regex.MULTILINE


class AddressPatternRecognizer(PatternRecognizer):
    """An ADDRESS recognizer made of its class attributes: PATTERNS, CONTEXT (optional) and TEXT_GATES."""
    CONTEXT: list[str] | None = None

    def __init__(self):
        super().__init__(supported_entity="ADDRESS", patterns=self.PATTERNS, context=self.CONTEXT,
                         name=type(self).__name__, global_regex_flags=FLAGS)
