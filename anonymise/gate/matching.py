"""A batch of release rows in the views the gate searches, and source needles found in it."""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from anonymise.gate.needles import Needle
from anonymise.gate.text_view import digit_view, fold, lines_view, normalise
from anonymise.name_data import COMMON_ROMANISED_KOREAN_SURNAMES, KOREAN_NAME_TITLES

ROW, CELL = "\x00", "\x01"


@dataclass(frozen=True)
class Hit:
    view: str        # the searched view of the batch (normalised or digit view); locate() maps back
    start: int
    end: int
    needle: Needle
    strength: str


class Batch:
    """Rows of cells (cells joined by \\x01, rows by \\x00) in one or more views; offsets map back to cells."""

    def __init__(self, rows: list[str]):
        self.rows = rows
        self._row_starts: dict[int, list[int]] = {}

    def locate(self, view: str, pos: int) -> tuple[int, int]:
        """(row, cell) of offset ``pos`` in ``view``."""
        starts = self._row_starts.get(id(view))
        if starts is None:
            starts = self._row_starts[id(view)] = [m.end() for m in re.finditer(ROW, view)]
        row = bisect.bisect_right(starts, pos)
        row_start = starts[row - 1] if row else 0
        return row, view.count(CELL, row_start, pos)


class WordBatch(Batch):
    """The batch as the released-text rule reads it: line breaks kept, the anonymiser's own output blanked."""

    def __init__(self, rows: list[str], blank):
        super().__init__(rows)
        self.text = blank(lines_view(ROW.join(rows)))


class Haystack(Batch):
    """A batch of rows in the views the needles are matched in."""

    def __init__(self, rows: list[str]):
        super().__init__(rows)
        self.normal = normalise(ROW.join(rows))
        self.folded = fold(self.normal)
        self.digits = digit_view(self.folded)

    def hits(self, text_matcher, digit_matcher) -> Iterator[Hit]:
        """Verified hits; a hit inside a longer one (Clara in Clara Whitfield) is left to the longer."""
        for matcher, view in ((text_matcher, self.folded), (digit_matcher, self.digits)):
            if matcher is None:
                continue
            spans = []
            for start, end, needle in matcher.find(view):
                strength = self._verify(needle, view, start, end)
                if strength:
                    spans.append((start, end, needle, strength))
            reach = -1
            for start, end, needle, strength in sorted(spans, key=lambda s: (s[0], -s[1])):
                if end <= reach:
                    continue
                reach = end
                yield Hit(view, start, end, needle, strength)

    def _verify(self, needle: Needle, view: str, start: int, end: int) -> str | None:
        """The hit's strength, or None when the match is part of a longer word or number."""
        before = view[start - 1] if start else " "
        after = view[end] if end < len(view) else " "
        rule = needle.rule
        if rule in ("ascii_word", "latin_name") and (_ascii_alnum(before) or _ascii_alnum(after)):
            return None
        if rule == "digits_bounded" and (before.isdigit() or after.isdigit()):
            return None
        if rule == "latin_name":
            capitalised = self.normal[start].isupper()
            common = view[start:end] in COMMON_ROMANISED_KOREAN_SURNAMES
            return "strong" if capitalised and not common else "weak"
        if rule == "given_name":
            following = view[end:end + 4].lstrip(" ")
            return "strong" if following.startswith(KOREAN_NAME_TITLES) else "weak"
        return needle.strength

    def cell_text(self, row: int, cell: int) -> str:
        return self.rows[row].split(CELL)[cell]


def _ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()
