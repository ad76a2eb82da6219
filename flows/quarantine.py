"""The quarantine: each rejected source row, reduced to what the steward needs to fix it at the source.

One JSON line per rejected row in ``OUT/private/quarantine/<run-id>.jsonl``::

    {"table": "consultations", "row_number": 412, "source_id": "C-000412",
     "reason": "invalid:created_at", "field": "created_at"}

- ``row_number``: 1-based position in the table as read: the only handle on a line that did not parse;
- ``source_id``: the row's own id (consultation_id or member_id) as the source wrote it, invisible
  characters removed, at most 64 characters; null when it has none;
- ``reason`` / ``field``: why (flows/validation.py codes) and which column to fix (null when the
  row could not be parsed at all).

Never the record itself: a copy of rejected raw rows would be one more place holding people's
data, withdrawn members' included, for as long as it is kept. The steward opens the record at
the source by its id or row number. Files expire (flows/expiry.py), and ``scrub`` removes the
entries of people the current run erases from every file.
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa

from contract.bounded_duckdb import bounded_duckdb
from contract.records import ID_COLUMN, TableName, strip_invisible
from flows.sources import UnparsedRow
from flows.workarea import WorkArea, open_private

SOURCE_ID_MAX = 64  # ids are short; a longer one is garbage and is cut, not copied whole


def entry(table: TableName, row_number: int, reason: str, row) -> dict:
    """The quarantine line for one rejected row (``row`` as read: a dict or an UnparsedRow)."""
    field = reason.partition(":")[2]
    return {"table": table, "row_number": row_number, "source_id": _source_id(table, row), "reason": reason,
            "field": field or None}


def _source_id(table: TableName, row) -> str | None:
    if isinstance(row, UnparsedRow) or not isinstance(row, dict):
        return None
    raw = row.get(ID_COLUMN[table])
    if raw is None:
        return None
    cleaned = strip_invisible(str(raw).replace("\x00", ""))[:SOURCE_ID_MAX]
    return cleaned or None


def _lines(path: Path) -> Iterator[dict]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def _reduced(e: dict) -> dict:
    """An entry in today's shape: entries written before carried the raw record; it is dropped here."""
    if "record" not in e:
        return e
    return entry(e["table"], e.get("row_number", 0), e.get("reason", ""), e["record"])


def scrub(work: WorkArea) -> int:
    """Remove, from every quarantine file, the entries of records this run excludes (deleted,
    withdrawn, unknown member, past retention) and of withdrawn members; reduce entries of the old
    shape (with the raw record) to today's. Reads this run's eligibility; returns entries removed.

    A rejected consultation that never became readable cannot be tied to its member: it stays
    until its file expires.
    """
    files = sorted(work.quarantine.glob("*.jsonl"))
    wanted: dict[str, set[str]] = {"members": set(), "consultations": set()}
    legacy = set()
    for path in files:
        for e in _lines(path):
            if "record" in e:
                legacy.add(path)
            e = _reduced(e)
            if e.get("source_id") and e.get("table") in wanted:
                wanted[e["table"]].add(e["source_id"])
    erased = _erased(work, wanted)
    removed = 0
    for path in files:
        entries = list(_lines(path))
        kept = [r for r in map(_reduced, entries) if r.get("source_id") not in erased.get(r.get("table"), ())]
        if len(kept) == len(entries) and path not in legacy:
            continue
        removed += len(entries) - len(kept)
        tmp = path.with_name(f".{path.name}.tmp")
        with open_private(tmp, "w", encoding="utf-8") as f:
            f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in kept)
        os.replace(tmp, path)
    return removed


def _erased(work: WorkArea, wanted: dict[str, set[str]]) -> dict[str, set[str]]:
    """Of the ids quarantine files name, those this run's eligibility excludes (ids only travel here)."""
    eligible = work.eligible / "consultations.parquet"
    members = work.accepted / "members.parquet"
    erased: dict[str, set[str]] = {"members": set(), "consultations": set()}
    if not any(wanted.values()):
        return erased
    queries = {"consultations": (eligible, "SELECT consultation_id FROM read_parquet(?) WHERE exclusion_reason "
                                           "IS NOT NULL AND consultation_id IN (SELECT id FROM named)"),
               "members": (members, "SELECT member_id FROM read_parquet(?) WHERE (status = 'withdrawn' OR "
                                    "withdrawn_at IS NOT NULL) AND member_id IN (SELECT id FROM named)")}
    with bounded_duckdb(work.private) as con:
        for table, (path, query) in queries.items():
            if wanted[table] and path.exists():
                con.register("named", pa.table({"id": pa.array(sorted(wanted[table]), pa.string())}))
                erased[table] = {r[0] for r in con.execute(query, [str(path)]).fetchall()}
                con.unregister("named")
    return erased
