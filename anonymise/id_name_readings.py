"""Given-name readings recovered from a person's own login ID and e-mail address.

A Chinese or Japanese given name has several Latin readings (陽菜: Hina, Haruna, Yōna …) and a
dictionary can only guess one. People's IDs usually spell the reading they use, next to their
family name: ``inoue_hina68``, ``kobayashihina@…`` → Hina. Only the letters beside a known
family-name reading are taken, so an ID such as ``skin_lover`` teaches nothing.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

MIN_READING = 3  # shorter leftovers ("ai", "yu") are as likely initials or filler as names


def given_readings(family_readings: Iterable[str], identifiers: Iterable[str]) -> list[str]:
    """Latin given names found beside one of ``family_readings`` in ``identifiers``."""
    families = {f.lower() for f in family_readings if len(f) >= 2}
    found: list[str] = []
    for identifier in identifiers:
        segments = [s for s in re.split(r"[^a-z]+", identifier.split("@")[0].lower()) if s]
        for i, segment in enumerate(segments):
            for family in families:
                if segment == family:  # nakamura_kaede, hina.inoue
                    found += [segments[j] for j in (i - 1, i + 1)
                              if 0 <= j < len(segments) and len(segments[j]) >= MIN_READING
                              and segments[j] not in families]
                elif segment.startswith(family) and len(segment) - len(family) >= MIN_READING:
                    found.append(segment[len(family):])  # kobayashihina
                elif segment.endswith(family) and len(segment) - len(family) >= MIN_READING:
                    found.append(segment[:-len(family)])  # hinakobayashi
    return list(dict.fromkeys(found))
