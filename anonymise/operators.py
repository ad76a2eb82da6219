"""How a found span is replaced: typed placeholders, or readable surrogates for publishing.

Both go through presidio-anonymizer's ``AnonymizerEngine`` with ``replace`` operators. Surrogates
differ per person, so each span is given its own operator key ("PERSON#A") before anonymising:
the same person gets the same letter throughout a record (환자 A in the question and the answer),
and the label says the person's role (환자/보호자/의사/인물 in Korean text, Patient/Guardian/Doctor/Person
in any other language). Other entities become a readable label ([전화번호] / [phone]) in the surrogate form.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from string import ascii_uppercase

from presidio_anonymizer import AnonymizerEngine
from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

from anonymise.text_script import detect_language
from anonymise.entity_types import placeholder
from anonymise.surrogate_labels import ENTITY_LABELS, ROLE_LABELS


def entity_label(entity_type: str, korean: bool) -> str:
    ko, en = ENTITY_LABELS.get(entity_type, (entity_type, entity_type.lower()))
    return f"[{ko if korean else en}]"


def letter_name(index: int) -> str:
    """A, B, ... Z, AA, AB, ...: enough letters for any number of people in one record."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = ascii_uppercase[rest] + name
    return name


@dataclass
class PersonLetters:
    """The letter of each person of one record, in order of first mention.

    A person is known by an identity key: the role for the record's own people (the patient, the
    guardian, the answering doctor), the folded name for anyone else.
    """
    letters: dict[str, str] = field(default_factory=dict)

    def letter(self, identity: str) -> str:
        if identity not in self.letters:
            for known, letter in self.letters.items():
                # "Zachary" after "Zachary Coffey" is the same person.
                if known.startswith("name:") and identity.startswith("name:") and (
                        set(identity[5:].split()) <= set(known[5:].split())
                        or set(known[5:].split()) <= set(identity[5:].split())):
                    self.letters[identity] = letter
                    return letter
            self.letters[identity] = letter_name(len(set(self.letters.values())))
        return self.letters[identity]


def person_identity(role: str, text: str) -> str:
    return role if role != "other" else "name:" + " ".join(text.casefold().split())


def surrogate(entity_type: str, role: str, letter: str | None, korean: bool) -> str:
    if entity_type == "PERSON" and letter:
        ko, en = ROLE_LABELS.get(role, ROLE_LABELS["other"])
        return f"{ko if korean else en} {letter}"
    return entity_label(entity_type, korean)


@cache
def anonymizer() -> AnonymizerEngine:
    return AnonymizerEngine()


def apply_placeholders(text: str, spans: list[tuple[str, int, int]],
                       literals: list[tuple[int, int, str]] = ()) -> str:
    """``text`` with each (entity_type, start, end) span replaced by ``<ENTITY_TYPE>`` and each
    (start, end, new_text) of ``literals`` (a generalised quasi-identifier) by its text."""
    if not spans and not literals:
        return text
    replacements = [(t, s, e, placeholder(t)) for t, s, e in spans]
    return _replace(text, replacements + _literal_replacements(literals))


def _literal_replacements(literals) -> list[tuple[str, int, int, str]]:
    return [(f"LITERAL#{index}", start, end, new_text) for index, (start, end, new_text) in enumerate(literals)]


# Presidio joins two results of one key with only spaces between them (its own pattern, kept as is).
SPACES_BETWEEN = re.compile(r"^( )+$")


def _replace(text: str, replacements: list[tuple[str, int, int, str]]) -> str:
    """``text`` with each (key, start, end, new_text) replaced, as Presidio's AnonymizerEngine with one
    ``replace`` operator per key renders it.

    Spans apart from each other (the usual case: the redactor merged overlaps) are replaced here
    directly, with Presidio's one rule for them (results of one key with only spaces between them
    become one); anything else (touching or overlapping spans, offsets outside the text, an empty
    new text) goes through Presidio itself. Building the engine's objects cost ~8 % of anonymising.
    """
    ordered = sorted(replacements, key=lambda r: (r[1], r[2]))
    values = {key: new_text for key, _, _, new_text in replacements}  # one operator per key: the last given
    if any(not new_text for new_text in values.values()) or \
            any(not 0 <= start < end <= len(text) for _, start, end, _ in ordered) or \
            any(a[2] >= b[1] for a, b in zip(ordered, ordered[1:])):
        return _presidio_replace(text, replacements)
    merged: list[list] = []
    for key, start, end, _ in ordered:
        if merged and merged[-1][0] == key and SPACES_BETWEEN.search(text[merged[-1][2]:start]):
            start = merged.pop()[1]
        merged.append([key, start, end])
    pieces, position = [], 0
    for key, start, end in merged:
        pieces += [text[position:start], values[key]]
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _presidio_replace(text: str, replacements: list[tuple[str, int, int, str]]) -> str:
    results = [RecognizerResult(key, start, end, 1.0) for key, start, end, _ in replacements]
    operators = {key: OperatorConfig("replace", {"new_value": new_text}) for key, _, _, new_text in replacements}
    return anonymizer().anonymize(text, results, operators).text


def apply_surrogates(text: str, spans: list[tuple[str, int, int, str]], letters: PersonLetters,
                     literals: list[tuple[int, int, str]] = ()) -> str:
    """``text`` with each (entity_type, start, end, role) span replaced by its surrogate, and each
    (start, end, new_text) of ``literals`` by its text.

    ``letters`` is shared by all texts of a record so a person keeps one letter across fields.
    """
    if not spans and not literals:
        return text
    korean = detect_language(text) == "ko"
    replacements = []
    for index, (entity_type, start, end, role) in enumerate(spans):
        letter = letters.letter(person_identity(role, text[start:end])) if entity_type == "PERSON" else None
        replacements.append((f"{entity_type}#{index}", start, end, surrogate(entity_type, role, letter, korean)))
    return _replace(text, replacements + _literal_replacements(literals))
