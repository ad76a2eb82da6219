"""Words the project itself writes into rendered reports: headings, labels, column names, run ids, hashes.

A report file mixes record-derived text (an FAQ answer) with the project's own text (templates, the
data dictionary, the manifest's settings). The released-text rule judges the first; the second is
recognised as the project's: every word of the report templates, report code and report data files
(reports/templates, reports/*.py, reports/*.toml), and the shapes the pipeline writes itself (run
ids, hex hashes and fingerprints, ISO timestamps, FAQ ids). Source values and identifiers are still
searched in all of it.
"""
from __future__ import annotations

import bisect
import re
from functools import cache
from pathlib import Path

REPORTS = Path(__file__).resolve().parents[2] / "reports"
_WORD = re.compile(r"[^\s\"'`()\[\]{}<>=,;:|]+")
_EDGE = ".,;:!?()[]{}\"'“”‘’«»…·•-–—~/|*#<>="
PROJECT_SHAPES = re.compile(
    r"\d{8}T\d{6}Z-[0-9a-f]{6}"                       # run id
    r"|[0-9a-f]{12,}|[0-9A-F]{12,}"                  # hashes, fingerprints, pseudonyms
    r"|\d{4}-\d{2}-\d{2}T[\d:.]+(?:[+-]\d{2}:\d{2}|Z)?"  # ISO timestamps
    r"|[a-z_]+-\d{4}")                               # FAQ ids (eyes-0001)


@cache
def project_words() -> frozenset[str]:
    files = [*REPORTS.glob("templates/*.html"), *REPORTS.glob("*.py"), *REPORTS.glob("*.toml")]
    words: set[str] = set()
    for path in files:
        text = path.read_text(encoding="utf-8")
        words.update(w.strip(_EDGE) for w in _WORD.findall(text))
        words.update(w.strip(_EDGE) for w in text.split())
    return frozenset(w for w in words if w)


class ProjectShapes:
    """Where a report text holds the pipeline's own shapes (run ids, hashes, timestamps, FAQ ids), so a
    digit run or an identifier-like stretch inside one (a run id's hex suffix that happens to be all
    digits) is not judged as record text."""

    def __init__(self, text: str):
        self.spans = [m.span() for m in PROJECT_SHAPES.finditer(text)]
        self.starts = [s for s, _ in self.spans]

    def covers(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, start) - 1
        return i >= 0 and self.spans[i][1] >= end


def is_project_token(token: str) -> bool:
    word = token.strip(_EDGE)
    return not word or word in project_words() or PROJECT_SHAPES.fullmatch(word) is not None
