"""Every text quasi-identifier detector run over one text, overlaps resolved, claimed spans left alone."""
from __future__ import annotations

from collections.abc import Iterable

from anonymise.quasi_identifiers.age import ExactAge
from anonymise.quasi_identifiers.base import QuasiSpan
from anonymise.quasi_identifiers.body_measures import BodyMeasure
from anonymise.quasi_identifiers.clinics import NamedClinic
from anonymise.quasi_identifiers.dates import ExactDate
from anonymise.quasi_identifiers.frames import EmploymentFrame
from anonymise.quasi_identifiers.military_units import MilitaryUnit
from anonymise.quasi_identifiers.occupations import RareOccupation
from anonymise.quasi_identifiers.places import FinePlace
from anonymise.quasi_identifiers.schools import School
from anonymise.quasi_identifiers.workplaces import Workplace
from anonymise.quasi_identifiers.workplaces_world import WorldWorkplace

# Order breaks ties of equal length: a school before a workplace (연세대 다니고), a place before a
# workplace (롯데월드타워), a date before an age; the employment frame after the detectors of a name's form
# (their spans say which kind, and keep the kind word: 새봄병원 -> <WORKPLACE>병원).
DETECTORS = (ExactDate(), ExactAge(), BodyMeasure(), School(), FinePlace(), Workplace(), NamedClinic(), WorldWorkplace(), MilitaryUnit(), EmploymentFrame(), RareOccupation())


def find_quasi_identifiers(text: str, claimed: Iterable[tuple[int, int]] = ()) -> list[QuasiSpan]:
    """Non-overlapping quasi-identifiers of ``text`` in order, none touching a ``claimed`` (start, end) span.

    Claimed spans are personal data another layer already replaces (a date of birth, an address):
    those win. Among overlapping quasi-identifiers the longest wins, then the detector listed first.
    """
    if not text:
        return []
    taken = sorted(claimed)
    found = [(span, rank) for rank, detector in enumerate(DETECTORS) for span in detector.find(text)
             if span.end > span.start]
    found.sort(key=lambda pair: (-(pair[0].end - pair[0].start), pair[1], pair[0].start))
    chosen: list[QuasiSpan] = []
    for span, _ in found:
        if any(span.start < end and start < span.end for start, end in taken):
            continue
        chosen.append(span)
        taken.append((span.start, span.end))
    return sorted(chosen, key=lambda s: s.start)
