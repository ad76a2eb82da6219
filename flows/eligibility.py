"""Eligibility under the clinics' terms: which accepted consultations may be used, and how.

The rules are one DuckDB SQL file (flows/sql/eligibility.sql, read it for the exact rules and
their precedence). This module binds its inputs, writes ``work.eligible/consultations.parquet``
(every accepted consultation column + exclusion_reason, aggregate_only, age_at_consultation;
mode 600) and counts the decisions for the manifest.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pyarrow.parquet as pq

from contract.bounded_duckdb import bounded_duckdb
from flows.config import Settings
from flows.destroy_list import RELATIVE_PATH, write_destroy_list
from flows.workarea import open_private
from flows.workarea import WorkArea

ELIGIBILITY_SQL = Path(__file__).parent / "sql" / "eligibility.sql"
EXCLUSION_REASONS = ("deleted", "withdrawn", "unknown_member", "retention_expired")  # in precedence order
AGGREGATE_ONLY_REASON = "under_14"
_BATCH_ROWS = 50_000


@dataclass
class EligibilityResult:
    as_of: str
    total: int = 0
    excluded: dict[str, int] = field(default_factory=dict)       # reason -> consultations, every reason listed
    aggregate_only: dict[str, int] = field(default_factory=dict)  # {"under_14": n}
    eligible: int = 0                                             # not excluded, aggregate_only included
    due_for_destruction: int = 0                                  # past retention, whatever else excludes them
    destroy_list: str = ""                                        # their source ids, relative to OUT
    path: str = ""

    def to_manifest(self) -> dict:
        return asdict(self)


def _sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def apply_eligibility(work: WorkArea, settings: Settings, as_of: date) -> EligibilityResult:
    """Decide every accepted consultation's eligibility as of ``as_of``; write work.eligible/consultations.parquet."""
    tz = str(ZoneInfo(settings.source.timezone))  # validated before it is spliced into SQL
    out = work.eligible / "consultations.parquet"
    work.ensure()
    # The join spills into the private area rather than growing with the source (contract/bounded_duckdb.py).
    with bounded_duckdb(work.private) as con:
        con.execute(f"SET TimeZone = {_sql_string(tz)}")
        con.execute("SET VARIABLE as_of = ?", [as_of])
        con.execute("SET VARIABLE retention_years = ?", [settings.eligibility.retention_years])
        con.execute("SET VARIABLE min_age = ?", [settings.eligibility.min_age_record_level])
        for table in ("members", "consultations"):
            source = _sql_string(str(work.accepted / f"{table}.parquet"))
            con.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet({source})")
        reader = con.execute(ELIGIBILITY_SQL.read_text()).to_arrow_reader(_BATCH_ROWS)
        partial = out.with_name(out.name + ".partial")
        try:
            with open_private(partial, "wb") as sink, pq.ParquetWriter(sink, reader.schema) as writer:
                for batch in reader:
                    writer.write_batch(batch)
            partial.replace(out)
        finally:
            partial.unlink(missing_ok=True)
        by_reason = con.execute(f"""
            SELECT exclusion_reason, count(*), count(*) FILTER (WHERE aggregate_only)
            FROM read_parquet({_sql_string(str(out))}) GROUP BY ALL""").fetchall()
        due = write_destroy_list(con, work)
    excluded = {reason: 0 for reason in EXCLUSION_REASONS}
    excluded.update({reason: n for reason, n, _ in by_reason if reason is not None})
    return EligibilityResult(
        as_of=as_of.isoformat(),
        total=sum(n for _, n, _ in by_reason),
        excluded=excluded,
        aggregate_only={AGGREGATE_ONLY_REASON: sum(under for _, _, under in by_reason)},
        eligible=sum(n for reason, n, _ in by_reason if reason is None),
        due_for_destruction=due,
        destroy_list=str(RELATIVE_PATH),
        path=str(out),
    )
