"""What the academic release's generalisation and suppression cost, per quasi-identifier.

Three measures per column, each 0 (as staged) to 1 (nothing left):

- ``suppressed``: share of staged rows whose value the researcher does not get (a '*' cell, or
  the row dropped altogether);
- ``height``: the generalisation level chosen for the whole column over the levels its
  hierarchy has (10-year bands are 1 of 3 for age);
- ``entropy``: non-uniform entropy (Gionis & Tassa 2009, as ARX reports it): for each row,
  -log2 P(staged value | released value), where P is the share of the released value's rows
  that have the staged value (a '*' or dropped row: its share of the whole column), summed and
  divided by what suppressing the whole column would cost. It sees that merging a rare age
  band into a big one loses little and that a '*' on a common value loses little too.

Rows are joined back to their staged values by pseudo_id; NULL (unknown) is a value of its own.
"""
from __future__ import annotations

import duckdb

from reports.kanonymity import LEVEL_LOSS

GENERALISER = {"age_band": "generalise_age", "sex": "generalise_sex", "region": "generalise_region",
               "month": "generalise_month"}
COLUMNS = ("age_band", "sex", "region", "interested_area", "month")


def per_column(con: duckdb.DuckDBPyConnection, base: str, released: str, levels: dict[str, int]) -> dict[str, dict]:
    """{column: {"suppressed", "height", "entropy"}} of ``released`` against ``base`` (both with pseudo_id)."""
    out = {}
    for column in COLUMNS:
        level = levels.get(column, 0)
        recoded = (f"{GENERALISER[column]}(b.{column}, {int(level)})" if column in GENERALISER else f"b.{column}")
        suppressed, entropy = con.execute(f"""
            WITH joined AS (
                SELECT coalesce(b.{column}, '∅') AS staged, coalesce({recoded}, '∅') AS recoded,
                       r.pseudo_id IS NULL OR coalesce(r.{column}, '') = '*' AS hidden
                FROM {base} b LEFT JOIN {released} r USING (pseudo_id)
            ), counted AS (
                SELECT *, count(*) OVER (PARTITION BY staged) AS n_value,
                          count(*) OVER (PARTITION BY recoded) AS n_recoded,
                          count(*) OVER (PARTITION BY staged, recoded) AS n_value_in_recoded,
                          count(*) OVER () AS n_all
                FROM joined
            )
            SELECT coalesce(avg(hidden::INTEGER), 0),
                   coalesce(sum(CASE WHEN hidden THEN -log2(n_value / n_all)
                                     ELSE -log2(n_value_in_recoded / n_recoded) END)
                            / nullif(sum(-log2(n_value / n_all)), 0), 0)
            FROM counted""").fetchone()
        height = level / (len(LEVEL_LOSS[column]) - 1) if column in LEVEL_LOSS else 0.0
        out[column] = {"suppressed": round(float(suppressed), 6), "height": round(height, 4),
                       "entropy": round(float(entropy), 6)}
    return out


def facts(loss: dict[str, dict], prefix: str = "loss") -> dict[str, float]:
    """release_info entries: ``loss.<column>.<measure>``."""
    return {f"{prefix}.{column}.{measure}": value for column, measures in loss.items()
            for measure, value in measures.items()}
