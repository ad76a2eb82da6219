"""The entity types of found spans (anonymise/entity_types.toml): names, labels, specificity, and
which are structured identifiers.

Presidio's predefined recognizers report names of their own (US_SSN, IBAN_CODE, PHONE_NUMBER); ours
subclass them with one of these types instead, so nothing downstream sees another name.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

VOCABULARY_FILE = Path(__file__).with_suffix(".toml")


@dataclass(frozen=True)
class EntityType:
    name: str
    ko: str          # surrogate label in Korean text
    en: str          # surrogate label in any other language
    structured: bool


def _load() -> dict[str, EntityType]:
    raw = tomllib.loads(VOCABULARY_FILE.read_text(encoding="utf-8"))
    return {name: EntityType(name, **fields) for name, fields in raw.items()}


ENTITY_TYPES = _load()
# Most specific first (anonymise.engine breaks ties between equal findings with it).
SPECIFICITY = tuple(ENTITY_TYPES)
STRUCTURED = frozenset(name for name, t in ENTITY_TYPES.items() if t.structured)


def placeholder(entity_type: str) -> str:
    return f"<{entity_type}>"
