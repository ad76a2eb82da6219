"""A device's model code right after the device's name (Ultherapy S3, Lumenis M22, 울쎄라 S3).

Device makers name their models by short letter-digit codes; right after a device of the safe vocabulary
(safe_devices.txt) such a code is that device's model, not a member's or a record's code. The code must be
short (an identifier is longer) and one space from the device's name. The anonymiser's safe-list pass
and the leak gate both ask ``is_model_after_device``.
"""
from __future__ import annotations

import re

# S3, M22, X4T, 4K: one or two letters and up to three digits (a letter may close it), or a digit or two
# and one or two letters.
MODEL_CODE = re.compile(r"[A-Z]{1,2}\d{1,3}[A-Z]?|\d{1,2}[A-Z]{1,2}")
MODEL_MAX = 4
DEVICE_BEFORE = re.compile(r"(?<![\w-])([A-Za-z][A-Za-z-]*|[가-힣]+) $")


def is_model_after_device(code: str, before: str, devices: frozenset[str]) -> bool:
    """``code`` is a short model code and ``before`` (the text before it) ends in a device of ``devices``
    (case-folded terms) and one space."""
    if len(code) > MODEL_MAX or MODEL_CODE.fullmatch(code) is None:
        return False
    device = DEVICE_BEFORE.search(before)
    return device is not None and device.group(1).casefold() in devices
