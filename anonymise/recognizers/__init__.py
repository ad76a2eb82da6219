"""Custom Presidio recognizers, one small class per entity.

Each module in this package lists its recognizer classes in a module-level ``RECOGNIZERS``;
``all_recognizers()`` instantiates every one of them, so adding a module registers it.
"""
from __future__ import annotations

import importlib
import pkgutil

from presidio_analyzer import EntityRecognizer


def all_recognizers() -> list[EntityRecognizer]:
    found: list[EntityRecognizer] = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        found.extend(cls() for cls in getattr(module, "RECOGNIZERS", ()))
    return found
