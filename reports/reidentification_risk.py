"""Re-identification risk of the academic release per person, the way ARX reports it.

The unit is a person, not a row: one member with five consultations in a class is one person
there, so k is the smallest number of distinct persons (``pseudo_person_id``) sharing a
combination of the released quasi-identifiers. A person whose consultations fall into several
classes is counted once in each (a "person-class"); the averages and shares below are over
person-classes, so a frequent asker does not outweigh everyone else.

Attacker models (El Emam; ARX's risk analysis), f = persons of a released class, F = persons of
the population who match it:

- prosecutor: knows the target is in the release. Risk of a person-class 1/f; highest = 1/min f;
  average = mean of 1/f (ARX's "success rate"); records at risk = share with 1/f > threshold.
- journalist: does not know whether the target is in the release, only that they are in the
  population. The population is every staged record-level consultation of the run (the release
  plus the rows suppression dropped), generalised the same way; a released '*' matches any
  value. Risk 1/F, with the same three figures. F >= f, so journalist <= prosecutor.
- marketer: re-identifies as many as possible; expected share correct = sum(f / F) / sum(f).

The population is the clinic's own board, not the country: without a census table the
journalist figure is the prosecutor figure with the dropped rows added back, as in ARX when no
population model is given.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

import duckdb

QUASI_IDENTIFIERS = ("age_band", "sex", "region", "interested_area", "month")
SENSITIVE = "interested_area"
OTHER_QIS = tuple(q for q in QUASI_IDENTIFIERS if q != SENSITIVE)
PERSON = "pseudo_person_id"


@dataclass(frozen=True)
class RiskReport:
    k_persons: int                 # smallest class, distinct persons
    k_rows: int                    # smallest class, rows (what k used to count)
    classes: int
    persons: int                   # distinct persons released
    person_classes: int            # the unit of the averages and shares
    threshold: float               # a person-class is "at risk" above this probability
    prosecutor_highest: float
    prosecutor_average: float
    prosecutor_at_risk: float
    journalist_highest: float
    journalist_average: float
    journalist_at_risk: float
    marketer_average: float
    l_diversity: int               # distinct interested_area values in the poorest class of the other QIs
    entropy_l_diversity: float     # exp(entropy of interested_area) in the poorest class, over persons
    single_area_share: float       # share of person-classes in a class of the other QIs with one area only

    def facts(self) -> dict[str, object]:
        """release_info / manifest entries, prefixed ``risk.``."""
        return {f"risk.{key}": (round(value, 6) if isinstance(value, float) else value)
                for key, value in asdict(self).items()}


NULL = "∅unknown"  # unknown (NULL) is a value of its own when classes are matched


def measure(con: duckdb.DuckDBPyConnection, released: str, population: str, threshold: float) -> RiskReport:
    """Risk of ``released`` (the published table, with ``pseudo_person_id``) against ``population``
    (the same rows before suppression, generalised to the released levels, plus what was dropped)."""
    qis = ", ".join(QUASI_IDENTIFIERS)
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE risk_classes AS
        SELECT {qis}, count(DISTINCT {PERSON}) AS f, count(*) AS n
        FROM {released} GROUP BY ALL""")
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE risk_population AS
        SELECT {', '.join(f"coalesce({q}, '{NULL}') AS {q}" for q in QUASI_IDENTIFIERS)}, {PERSON} FROM {population}""")
    # F per released class: the population's persons who match it. A '*' of the class matches any value,
    # so for each pattern of starred columns (one or two: suppression stars the same four together)
    # the population is grouped by the columns that are not starred and joined on them: aggregates
    # meet aggregates, nothing row by row.
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE risk_matched AS
        SELECT *, {', '.join(f"coalesce({q}, '{NULL}') AS key_{q}" for q in QUASI_IDENTIFIERS)},
               CAST(NULL AS BIGINT) AS big_f
        FROM risk_classes""")
    patterns = con.execute("SELECT DISTINCT " + ", ".join(f"key_{q} = '*' AS {q}" for q in QUASI_IDENTIFIERS)
                           + " FROM risk_matched").fetchall()
    for pattern in patterns:
        starred = [q for q, star in zip(QUASI_IDENTIFIERS, pattern) if star]
        kept = [q for q in QUASI_IDENTIFIERS if q not in starred]
        this = " AND ".join([f"m.key_{q} = '*'" for q in starred] + [f"m.key_{q} <> '*'" for q in kept]) or "true"
        on = " AND ".join(f"m.key_{q} = g.{q}" for q in kept) or "true"
        grouped = (f"SELECT {', '.join(kept)}{', ' if kept else ''}count(DISTINCT {PERSON}) AS persons "
                   f"FROM risk_population{' GROUP BY ALL' if kept else ''}")
        con.execute(f"""
            UPDATE risk_matched m SET big_f = g.persons FROM ({grouped}) g WHERE {this} AND {on}""")
    con.execute("UPDATE risk_matched SET big_f = greatest(coalesce(big_f, 0), f)")
    row = con.execute("""
        SELECT coalesce(min(f), 0), coalesce(min(n), 0), count(*), coalesce(sum(f), 0),
               coalesce(max(1.0 / f), 0), coalesce(count(*) / nullif(sum(f), 0), 0),
               coalesce(sum(f) FILTER (WHERE 1.0 / f > $t) / nullif(sum(f), 0), 0),
               coalesce(max(1.0 / big_f), 0), coalesce(sum(f * (1.0 / big_f)) / nullif(sum(f), 0), 0),
               coalesce(sum(f) FILTER (WHERE 1.0 / big_f > $t) / nullif(sum(f), 0), 0),
               coalesce(sum(f / big_f) / nullif(sum(f), 0), 0)
        FROM risk_matched""", {"t": threshold}).fetchone()
    (k_persons, k_rows, classes, person_classes, p_hi, p_avg, p_risk, j_hi, j_avg, j_risk, marketer) = row
    persons = con.execute(f"SELECT count(DISTINCT {PERSON}) FROM {released}").fetchone()[0]
    l_distinct, l_entropy, single = _diversity(con, released)
    for name in ("risk_classes", "risk_population", "risk_matched"):
        con.execute(f"DROP TABLE IF EXISTS {name}")
    return RiskReport(int(k_persons), int(k_rows), int(classes), int(persons), int(person_classes), threshold,
                      float(p_hi), float(p_avg), float(p_risk), float(j_hi), float(j_avg), float(j_risk),
                      float(marketer), l_distinct, l_entropy, single)


def _diversity(con: duckdb.DuckDBPyConnection, released: str) -> tuple[int, float, float]:
    """l-diversity of interested_area over classes of the other quasi-identifiers, counted in persons.

    interested_area is both a quasi-identifier and the sensitive attribute (breast and body surgery):
    within a full class it is constant, so diversity is what someone who knows age, sex, region and
    month still has to guess between.
    """
    others = ", ".join(OTHER_QIS)
    row = con.execute(f"""
        WITH per_area AS (
            SELECT {others}, {SENSITIVE}, count(DISTINCT {PERSON}) AS persons FROM {released} GROUP BY ALL
        ), per_class AS (
            SELECT {others}, count(*) AS areas, sum(persons) AS persons,
                   exp(-sum(persons / t * ln(persons / t))) AS entropy_l
            FROM (SELECT *, sum(persons) OVER (PARTITION BY {others}) AS t FROM per_area)
            GROUP BY ALL
        )
        SELECT coalesce(min(areas), 0), coalesce(min(entropy_l), 0),
               coalesce(sum(persons) FILTER (WHERE areas = 1) / nullif(sum(persons), 0), 0)
        FROM per_class""").fetchone()
    return int(row[0]), round(float(row[1]), 4), float(row[2])


def exceeded(report: RiskReport, *, max_highest: float, max_average: float, max_at_risk: float,
             min_l: int) -> list[str]:
    """The configured limits this release breaks, in words (no data), empty when it may go out."""
    broken = []
    if report.person_classes == 0:
        return broken
    if report.prosecutor_highest > max_highest:
        broken.append(f"highest prosecutor risk {report.prosecutor_highest:.4f} > {max_highest}")
    if report.prosecutor_average > max_average:
        broken.append(f"average prosecutor risk {report.prosecutor_average:.4f} > {max_average}")
    if report.prosecutor_at_risk > max_at_risk:
        broken.append(f"person-classes at risk above {report.threshold} {report.prosecutor_at_risk:.4f} "
                      f"> {max_at_risk}")
    if report.l_diversity < min_l:
        broken.append(f"l-diversity of interested_area {report.l_diversity} < {min_l}")
    return broken
