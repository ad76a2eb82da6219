"""Small-cell suppression with complementary suppression for the advertiser tables.

A table is a list of cell counts and the "lines" whose sums are public or derivable: the whole
table for a 1-D table (it sums to totals.consultations), every row and every column for a 2-D
table (margins are treated as known, which is the cautious assumption). Rule:

1. primary: every cell below ``min_size`` (zero cells of a full grid included, so a blank
   cell never says "nobody");
2. complementary, until nothing changes: in each line that has suppressed cells, if there is
   exactly one, or their counts add up to less than ``min_size``, the smallest visible cell of
   that line is suppressed too, preferring a cell whose crossing line already has suppressions;
3. audit: rows and columns interact, so 2. alone can still leave a small cell pinned down. For
   every suppressed cell holding 1..min_size-1, a linear program finds the largest value an
   attacker who knows all visible cells and all line sums could not rule out; while that is
   below ``min_size`` (or below the smallest line sum through the cell, the best any pattern can
   do) the smallest visible cell in its lines is suppressed as well, then 2. and 3. run again.
"""
from __future__ import annotations

from collections.abc import Sequence

from scipy.optimize import linprog


def suppress(counts: Sequence[int], lines: Sequence[Sequence[int]], min_size: int) -> list[bool]:
    """Suppression flag per cell. ``lines`` lists the cell indices of each public/derivable sum."""
    suppressed = [c < min_size for c in counts]
    lines_of: list[list[int]] = [[] for _ in counts]
    for line_no, line in enumerate(lines):
        for cell in line:
            lines_of[cell].append(line_no)
    while True:
        _complement(counts, lines, lines_of, suppressed, min_size)
        exposed = [cell for cell, bound in attacker_upper_bounds(counts, suppressed, lines, min_size).items()
                   if bound < min([min_size] + [sum(counts[c] for c in lines[ln]) for ln in lines_of[cell]])]
        if not exposed:
            return suppressed
        for cell in exposed:
            nearby = [c for ln in lines_of[cell] for c in lines[ln] if not suppressed[c]]
            anywhere = [c for c in range(len(counts)) if not suppressed[c]]
            if not (nearby or anywhere):
                return suppressed  # everything is hidden: nothing more to give
            suppressed[min(nearby or anywhere, key=lambda c: counts[c])] = True


def _complement(counts, lines, lines_of, suppressed: list[bool], min_size: int) -> None:
    """Rule 2, in place."""
    def crossing_suppressions(cell: int, line_no: int) -> int:
        return sum(suppressed[other] for ln in lines_of[cell] if ln != line_no for other in lines[ln])

    changed = True
    while changed:
        changed = False
        for line_no, line in enumerate(lines):
            hidden = [c for c in line if suppressed[c]]
            if not hidden or (len(hidden) > 1 and sum(counts[c] for c in hidden) >= min_size):
                continue
            visible = [c for c in line if not suppressed[c]]
            if not visible:
                continue  # the whole line is hidden: its sum tells nothing about any one cell
            pick = min(visible, key=lambda c: (crossing_suppressions(c, line_no) == 0, counts[c]))
            suppressed[pick] = True
            changed = True


def attacker_upper_bounds(counts: Sequence[int], suppressed: Sequence[bool], lines: Sequence[Sequence[int]],
                          min_size: int) -> dict[int, float]:
    """For each suppressed cell holding 1..min_size-1, the largest value consistent with
    the visible cells, the line sums and non-negativity (max x_cell s.t. per line: sum of hidden
    x = line sum - visible cells; x >= 0)."""
    hidden = [i for i, h in enumerate(suppressed) if h]
    sensitive = [i for i in hidden if 0 < counts[i] < min_size]
    if not sensitive:
        return {}
    position = {cell: j for j, cell in enumerate(hidden)}
    equations, targets = [], []
    for line in lines:
        row = [0.0] * len(hidden)
        for cell in line:
            if suppressed[cell]:
                row[position[cell]] = 1.0
        if any(row):
            equations.append(row)
            targets.append(float(sum(counts[c] for c in line if suppressed[c])))
    bounds = {}
    for cell in sensitive:
        objective = [0.0] * len(hidden)
        objective[position[cell]] = -1.0
        result = linprog(objective, A_eq=equations, b_eq=targets, bounds=(0, None), method="highs")
        if result.status != 0:  # cannot happen for a consistent table; treat the cell as exposed
            bounds[cell] = float(counts[cell])
        else:
            bounds[cell] = -result.fun
    return bounds


def one_way_lines(n_cells: int) -> list[list[int]]:
    """The single line of a 1-D table: all its cells add up to the published total."""
    return [list(range(n_cells))]


def two_way_lines(row_keys: Sequence, col_keys: Sequence) -> list[list[int]]:
    """Rows and columns of a 2-D table given each cell's row key and column key."""
    rows: dict = {}
    cols: dict = {}
    for i, (r, c) in enumerate(zip(row_keys, col_keys)):
        rows.setdefault(r, []).append(i)
        cols.setdefault(c, []).append(i)
    return list(rows.values()) + list(cols.values())
