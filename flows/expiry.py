"""How long the private area keeps what it keeps (README: "Data lifecycle").

- ``quarantine/<run-id>.jsonl`` expires ``quarantine_max_age_days`` after its run;
- ``runs/<run-id>/`` (a blocked or failed run's build, leak reports, canary copies) expires
  ``scratch_max_age_days`` after its run (a dead run's raw chunk copies go at once, before:
  flows/leftovers.py);
- ``staging/accepted`` and ``staging/eligible`` keep only eligible records once compaction has
  folded them into the anonymised staging (``prune_staging``): nothing after that reads the
  excluded ones, and a withdrawn member's raw record must not wait for the next run;
- an IP address (the contract's one access-record field) of a consultation created more than
  ``access_log_max_age_months`` before the as-of date is never stored (``access_record_cutoff``).

Ages are measured from the run id's time (the run's clock, injectable through
``lifecycle.now``); a name that is not a run id falls back to the file's modification time.
"""
from __future__ import annotations

import os
import shutil
from collections import Counter
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta

from contract.bounded_duckdb import bounded_duckdb
from flows.config import LifecycleSettings
from flows.retention import contents_file
from flows.workarea import WorkArea

RUN_ID_TIME = "%Y%m%dT%H%M%SZ"  # the prefix of flows.pipeline.new_run_id


def run_time(name: str) -> datetime | None:
    """When the run named ``name`` (a run id, or a file named after one) started; None if not a run id."""
    try:
        return datetime.strptime(name[:16], RUN_ID_TIME).replace(tzinfo=timezone.utc)
    except ValueError:
        return None


def _made_at(path: Path) -> datetime:
    return run_time(path.name) or datetime.fromtimestamp(path.stat().st_mtime, timezone.utc)


def expire_private_area(work: WorkArea, now: datetime, settings: LifecycleSettings, current_run: str) -> dict:
    """Remove what is past its age (see the module doc); returns counts per kind of thing removed."""
    removed: Counter[str] = Counter()
    quarantine_age = timedelta(days=settings.quarantine_max_age_days)
    for path in sorted(work.quarantine.glob("*.jsonl")) if work.quarantine.is_dir() else []:
        if now - _made_at(path) > quarantine_age:
            path.unlink()
            removed["quarantine_files"] += 1
    scratch_age = timedelta(days=settings.scratch_max_age_days)
    runs = work.private / "runs"
    for folder in sorted(runs.iterdir()) if runs.is_dir() else []:
        if folder.name == current_run or not folder.is_dir() or folder.name.startswith("."):
            continue
        if now - _made_at(folder) > scratch_age:
            shutil.rmtree(folder)
            if not work.release_dir(folder.name).exists():
                contents_file(work, folder.name).unlink(missing_ok=True)
            removed["run_folders"] += 1
    return {kind: removed[kind] for kind in ("quarantine_files", "run_folders")}


def access_record_cutoff(as_of: date, months: int, timezone_name: str) -> datetime:
    """The oldest created_at whose IP address may still be stored."""
    return datetime.combine(as_of - relativedelta(months=months), time(0), ZoneInfo(timezone_name))


def forget_old_access_record(record: dict, cutoff: datetime) -> dict:
    """``record`` (a validated consultation) without its IP address if it is older than ``cutoff``."""
    if record.get("ip_address") is not None and record["created_at"] < cutoff:
        record["ip_address"] = None
    return record


def prune_staging(work: WorkArea) -> dict:
    """Keep only eligible consultations (and their members) in staging/accepted and staging/eligible.

    Runs after compaction; later stages read the anonymised staging only. The watermark, read from
    the accepted consultations, then covers eligible records: never later than before, so an
    incremental run can only look at more records, not miss one. Returns counts removed.
    """
    eligible = work.eligible / "consultations.parquet"
    consultations = work.accepted / "consultations.parquet"
    members = work.accepted / "members.parquet"
    if not eligible.exists():
        return {"consultations": 0, "members": 0}
    with bounded_duckdb(work.private) as con:
        con.execute("CREATE TEMP TABLE kept AS SELECT consultation_id, member_id FROM read_parquet(?) "
                    "WHERE exclusion_reason IS NULL", [str(eligible)])
        before = _rows(con, eligible)
        _rewrite(con, eligible, "SELECT * FROM read_parquet(?) WHERE exclusion_reason IS NULL")
        removed = {"consultations": before - _rows(con, eligible), "members": 0}
        if consultations.exists():
            _rewrite(con, consultations, "SELECT * FROM read_parquet(?) "
                                         "WHERE consultation_id IN (SELECT consultation_id FROM kept)")
        if members.exists():
            before = _rows(con, members)
            _rewrite(con, members, "SELECT * FROM read_parquet(?) "
                                   "WHERE member_id IN (SELECT member_id FROM kept WHERE member_id IS NOT NULL)")
            removed["members"] = before - _rows(con, members)
    return removed


def _rows(con, path: Path) -> int:
    return con.execute("SELECT count(*) FROM read_parquet(?)", [str(path)]).fetchone()[0]


def _rewrite(con, path: Path, query: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        con.execute(f"COPY ({query}) TO '{str(tmp).replace(chr(39), chr(39) * 2)}' (FORMAT parquet)", [str(path)])
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)  # a full disk must not leave half a copy of raw records behind
