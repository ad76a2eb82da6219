"""What the rule-based PERSON recognizers share: the Presidio plumbing around their rules.

Each subclass is one Presidio ``EntityRecognizer`` for PERSON in one script (Presidio's own
pattern recognizers are the model); it writes only ``find``, the rules, and says which language
Presidio registers it under.
"""
from __future__ import annotations

from abc import abstractmethod

from presidio_analyzer import EntityRecognizer, RecognizerResult


class PersonNameRecognizer(EntityRecognizer):
    """PERSON from rules and word lists: nothing to load; ``analyze`` runs ``find`` when PERSON is asked for."""
    LANGUAGE = "en"

    def __init__(self):
        super().__init__(supported_entities=["PERSON"], name=type(self).__name__, supported_language=self.LANGUAGE)

    def load(self) -> None:  # rules and word lists only (anonymise.name_data)
        pass

    def analyze(self, text, entities, nlp_artifacts=None):
        if entities and "PERSON" not in entities:
            return []
        return self.find(text)

    @abstractmethod
    def find(self, text: str) -> list[RecognizerResult]:
        """The PERSON spans of ``text``."""
