"""Ingest: read every source row, keep the valid ones as typed Parquet, quarantine the rest.

Writes, inside the private work area (folders 700, files 600):
- ``work.accepted/members.parquet`` and ``consultations.parquet`` (schema: contract.records.arrow_schema,
  timestamps tz-aware in settings.source.timezone);
- ``work.quarantine/<run_id>.jsonl``: one ``{"table", "row_number", "source_id", "reason", "field"}`` per
  rejected row, never the row itself (flows/quarantine.py).
IP addresses of consultations older than the access-record limit are not stored (flows/expiry.py).

Every row read is either accepted or quarantined (``read == accepted + quarantined`` is checked),
and memory holds one chunk plus the set of ids seen (for duplicates).
"""
from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO
from zoneinfo import ZoneInfo

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from flows import quarantine as quarantine_file
from flows.config import Settings
from flows.expiry import access_record_cutoff, forget_old_access_record
from contract.records import ID_COLUMN, TABLES, TableName, arrow_schema
from flows.sources import Source
from flows.validation import TableValidator, exclusion_claim
from flows.workarea import WorkArea, open_private


@dataclass
class IngestResult:
    run_id: str
    source: str                                   # Source.describe(): no password
    fingerprint: str
    read: dict[str, int] = field(default_factory=dict)
    accepted: dict[str, int] = field(default_factory=dict)
    quarantined: dict[str, int] = field(default_factory=dict)
    quarantine_reasons: dict[str, dict[str, int]] = field(default_factory=dict)
    unknown_columns: dict[str, dict[str, int]] = field(default_factory=dict)  # unknown column -> rows carrying it
    # Accepted members set to withdrawn / consultations set to deleted because a quarantined row
    # with the same id said so (see flows.validation.exclusion_claim).
    exclusions_from_quarantine: dict[str, int] = field(default_factory=dict)
    quarantine_file: str = ""

    def to_manifest(self) -> dict:
        """Plain JSON-ready counts (no record content) for the run manifest."""
        return asdict(self)


def ingest(src: Source, work: WorkArea, settings: Settings, run_id: str) -> IngestResult:
    """Validate every row of ``src``; write accepted rows to work.accepted, rejected ones to the quarantine."""
    work.ensure()
    result = IngestResult(run_id=run_id, source=src.describe(), fingerprint=src.fingerprint())
    quarantine_path = work.quarantine / f"{run_id}.jsonl"
    result.quarantine_file = str(quarantine_path)
    with open_private(quarantine_path, "w", encoding="utf-8", errors="backslashreplace") as quarantine:
        for table in TABLES:
            _ingest_table(src, table, work.accepted / f"{table}.parquet", settings, quarantine, result)
    return result


def _ingest_table(src: Source, table: TableName, out: Path, settings: Settings, quarantine: IO[str],
                  result: IngestResult) -> None:
    validator = TableValidator(table, settings.source, settings.as_of)
    tz = settings.source.timezone
    cutoff = access_record_cutoff(settings.as_of or datetime.now(ZoneInfo(tz)).date(),
                                  settings.lifecycle.access_log_max_age_months, tz)
    schema = arrow_schema(table, settings.source.timezone)
    reasons: Counter[str] = Counter()
    claimed_ids: set[str] = set()
    read = accepted = 0
    partial = out.with_name(out.name + ".partial")  # the final name only ever holds a complete file
    try:
        with open_private(partial, "wb") as sink, pq.ParquetWriter(sink, schema) as writer:
            for chunk in src.iter_chunks(table):
                records = []
                for row in chunk:
                    read += 1
                    record, reason = validator.validate(row)
                    if record is not None:
                        records.append(forget_old_access_record(record, cutoff) if table == "consultations"
                                       else record)
                        continue
                    reasons[reason] += 1
                    entry = quarantine_file.entry(table, read, reason, row)
                    quarantine.write(json.dumps(entry, ensure_ascii=False) + "\n")
                    if claimed := exclusion_claim(table, row):
                        claimed_ids.add(claimed)
                if records:
                    writer.write_table(pa.Table.from_pylist(records, schema=schema))
                    accepted += len(records)
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)
    quarantined = sum(reasons.values())
    if read != accepted + quarantined:  # cannot happen by construction; a guard, not a hope
        raise RuntimeError(f"{table}: read {read} != accepted {accepted} + quarantined {quarantined}")
    result.read[table], result.accepted[table], result.quarantined[table] = read, accepted, quarantined
    result.quarantine_reasons[table] = dict(reasons.most_common())
    result.unknown_columns[table] = dict(validator.unknown_columns.most_common())
    result.exclusions_from_quarantine[table] = _apply_exclusion_claims(out, table, claimed_ids) if claimed_ids else 0


def _apply_exclusion_claims(path: Path, table: TableName, ids: set[str]) -> int:
    """Rewrite ``path`` with the claimed ids withdrawn (members) or deleted (consultations); count changes."""
    column, excluded_value = ("status", "withdrawn") if table == "members" else ("deleted", True)
    claimed = pa.array(sorted(ids), pa.string())
    partial = path.with_name(path.name + ".partial")
    changed = 0
    try:
        source = pq.ParquetFile(path)
        with open_private(partial, "wb") as sink, pq.ParquetWriter(sink, source.schema_arrow) as writer:
            for batch in source.iter_batches():
                hit = pc.and_(pc.is_in(batch[ID_COLUMN[table]], value_set=claimed),
                              pc.not_equal(batch[column], pa.scalar(excluded_value, batch[column].type)))
                changed += pc.sum(hit).as_py() or 0
                values = pc.if_else(hit, pa.scalar(excluded_value, batch[column].type), batch[column])
                index = batch.schema.get_field_index(column)
                batch = batch.set_column(index, batch.schema.field(index), values)
                writer.write_batch(batch)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return changed
