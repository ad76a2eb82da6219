"""The words surrogates are made of (환자 A, [전화번호], Patient B): the anonymiser writes them, the
leak gate reads them as the anonymiser's own output. One source for both, free of Presidio: the
entity labels come from the entity-type vocabulary (anonymise/entity_types.toml)."""
from __future__ import annotations

from anonymise.entity_types import ENTITY_TYPES

ROLE_LABELS = {
    "patient": ("환자", "Patient"), "guardian": ("보호자", "Guardian"), "doctor": ("의사", "Doctor"),
    "other": ("인물", "Person")}
ENTITY_LABELS = {name: (entity.ko, entity.en) for name, entity in ENTITY_TYPES.items()}
