"""k-anonymity of the academic release: choose generalisation levels, then measure what was released.

The search runs over a small lattice of generalisation levels (hierarchies in
reports/sql/academic/generalise_macros.sql). For each candidate, DuckDB counts the rows that
would sit in an equivalence class of fewer than k distinct persons (``pseudo_person_id``; those
rows get suppressed): k is about people, and one member asking five times is still one person. The chosen
candidate is the one that loses least information (mean over the quasi-identifiers of
LEVEL_LOSS, the share of distinctions a level erases, after the "loss metric" of Iyengar 2002)
among those whose suppression stays at or below ``max_suppression``; ties go to the
candidate whose coarsest quasi-identifier is least coarse, then to the lower suppression. If no candidate is under the limit, the one with the least suppression wins
(k is still enforced by suppression: the limit is about utility, never about privacy).
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass

import duckdb

# Quasi-identifier -> information lost at each level (0 = as staged, last = '*'): roughly
# (values merged into one - 1) / (all values - 1), e.g. a quarter merges 3 of ~60 months.
# Erasing an attribute ('*') costs 1, so the search prefers coarser cells to blanked columns.
LEVEL_LOSS = {
    "age_band": (0.0, 0.08, 0.25, 1.0),
    "sex": (0.0, 1.0),
    "region": (0.0, 0.15, 0.8, 1.0),
    "month": (0.0, 0.04, 0.2, 1.0),
}
QUASI_IDENTIFIERS = ("age_band", "sex", "region", "interested_area", "month")
LEVEL_NAMES = {
    "age_band": ["5-year", "10-year", "20-year", "*"],
    "sex": ["F/M", "*"],
    "region": ["시/도 or country", "macro-region", "domestic/abroad", "*"],
    "month": ["month", "quarter", "year", "*"],
}


@dataclass(frozen=True)
class Candidate:
    levels: dict[str, int]
    suppressed_rows: int
    total_rows: int

    @property
    def suppression_rate(self) -> float:
        return self.suppressed_rows / self.total_rows if self.total_rows else 0.0

    @property
    def information_loss(self) -> float:
        return sum(LEVEL_LOSS[q][lvl] for q, lvl in self.levels.items()) / len(LEVEL_LOSS)

    @property
    def coarsest(self) -> float:
        return max(LEVEL_LOSS[q][lvl] for q, lvl in self.levels.items())

    def describe(self) -> str:
        return ", ".join(f"{q}={LEVEL_NAMES[q][lvl]}" for q, lvl in self.levels.items())


PERSON = "pseudo_person_id"


def rows_below_k(con: duckdb.DuckDBPyConnection, table: str, levels: dict[str, int], k: int) -> tuple[int, int]:
    """(rows in equivalence classes of fewer than k persons, all rows) of ``table`` generalised to ``levels``."""
    return con.execute(f"""
        WITH classes AS (
            SELECT count(*) AS n, count(DISTINCT {PERSON}) AS persons
            FROM {table}
            GROUP BY generalise_age(age_band, $age_band), generalise_sex(sex, $sex),
                     generalise_region(region, $region), interested_area, generalise_month(month, $month)
        )
        SELECT coalesce(sum(n) FILTER (WHERE persons < $k), 0), coalesce(sum(n), 0) FROM classes
    """, {**levels, "k": k}).fetchone()


def choose_levels(con: duckdb.DuckDBPyConnection, table: str, k: int,
                  max_suppression: float, complete: bool = False) -> tuple[Candidate, int]:
    """The chosen candidate and how many candidates were measured (cheapest first, stop at the first fit).

    ``complete``: only levels that keep every column (no '*' level), for the coarser variant a small
    release offers instead of blanking a column.
    """
    top = 1 if complete else 0
    lattice = [dict(zip(LEVEL_LOSS, combo))
               for combo in itertools.product(*(range(len(losses) - top) for losses in LEVEL_LOSS.values()))]

    def preference(levels: dict[str, int]) -> tuple[float, float]:
        probe = Candidate(levels, 0, 0)
        return round(probe.information_loss, 9), round(probe.coarsest, 9)

    lattice.sort(key=preference)
    measured: list[Candidate] = []
    for pref, group in itertools.groupby(lattice, key=preference):
        fits = []
        for levels in group:
            candidate = Candidate(levels, *rows_below_k(con, table, levels, k))
            measured.append(candidate)
            if candidate.suppression_rate <= max_suppression:
                fits.append(candidate)
        if fits:  # the cheapest preference group with a fit: take its least-suppressing member
            return min(fits, key=lambda c: c.suppression_rate), len(measured)
    return min(measured, key=lambda c: (c.suppression_rate, c.information_loss)), len(measured)


def measured_k(con: duckdb.DuckDBPyConnection, table: str = "academic_released") -> int:
    """Fewest distinct persons in an equivalence class of the released rows: a plain GROUP BY."""
    (k,) = con.execute(f"""
        SELECT coalesce(min(n), 0) FROM (
            SELECT count(DISTINCT {PERSON}) AS n FROM {table} GROUP BY {', '.join(QUASI_IDENTIFIERS)})
    """).fetchone()
    return int(k)
