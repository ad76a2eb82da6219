"""The labels of copied forms, wristbands, receipts and tables (data: form_labels.tsv), by kind.

A label is an ordinary form word: the safe-list pass and the leak gate both keep it (``is_form_label``),
in a form's line before its colon as anywhere. What follows a label of a person (``name``, ``doctor``) or
of an identifier (``id``, ``weak-id``, ``room``, ``user``) is the value, found after ``label_pattern(kinds)`` by
the label recognizer (anonymise/recognizers/form_label_values.py).
"""
from __future__ import annotations

import functools
import re
from pathlib import Path

HERE = Path(__file__).parent
KINDS = ("name", "doctor", "id", "weak-id", "room", "user", "field")
# A label in Latin letters is a word of its own (no letter glued on either side).
_LATIN = re.compile(r"[A-Za-z]")


@functools.cache
def _rows() -> dict[str, tuple[str, ...]]:
    rows: dict[str, list[str]] = {kind: [] for kind in KINDS}
    for line in (HERE / "form_labels.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, forms = line.split("\t")
        rows[kind] += [form.strip().casefold() for form in forms.split("|") if form.strip()]
    return {kind: tuple(forms) for kind, forms in rows.items()}


def labels(kind: str) -> tuple[str, ...]:
    """The labels of ``kind``, case-folded, longest first."""
    return tuple(sorted(_rows()[kind], key=len, reverse=True))


@functools.cache
def _compact(kinds: tuple[str, ...]) -> frozenset[str]:
    return frozenset(form.replace(" ", "") for kind in kinds for form in _rows()[kind])


def is_form_label(word: str, kinds: tuple[str, ...] = KINDS) -> bool:
    """A label of ``kinds`` (any by default), written with or without its spaces (환자 성명, 환자성명)."""
    return word.casefold().replace(" ", "") in _compact(kinds)


@functools.cache
def label_pattern(kinds: tuple[str, ...]) -> str:
    """A regex source matching a label of ``kinds`` as written (any case, its space optional); a Latin
    label is a word of its own."""
    alternatives = []
    for form in sorted({f for kind in kinds for f in _rows()[kind]}, key=len, reverse=True):
        body = "[ \\t]?".join(re.escape(part) for part in form.split(" "))
        if _LATIN.match(form):
            body = f"(?<![A-Za-z]){body}"
        if _LATIN.search(form[-1:]):
            body += "(?![A-Za-z])"
        alternatives.append(body)
    return "(?i:" + "|".join(alternatives) + ")"
