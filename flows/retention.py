"""Release retention and erasure: which builds OUT may keep, and removing the others.

Every build (promoted, blocked or failed) records the records it was built from in
``OUT/private/contents/<run-id>.parquet``: (consultation_id, record_level), taken from that run's
eligible consultations, which are exactly the rows of the staging the releases were built from.
Source ids, not pseudonyms: they stay comparable across a key rotation. The file is private
(mode 600) and never leaves OUT/private.

At the end of each promoted run (and on ``clinic-anon releases prune``), relative to the
current build:

- ``erasure``: an older release, or a blocked or failed run's private build, holding a record
  the current build no longer may hold — deleted, withdrawn, past retention, unknown member, gone
  from the source or quarantined, or no longer allowed at record level (under 14) — is removed;
- ``unverifiable``: one without a contents file (made before this existed) is removed: nothing
  proves it free of an erased person;
- ``retention``: of the promoted releases left, only the newest ``keep_releases`` (the current
  one included) stay.

Removed, not rebuilt: a rebuild would have to come from the staging of that time, which is gone,
and the files cannot be edited into a correct release either. advertiser.duckdb holds counts,
suppression patterns and noise computed with the person in them, faq.duckdb holds cluster
representatives, frequencies and whole recommended consultations chosen with them, and neither
carries a per-record key to delete by; deleting academic and publishing rows breaks the k and
suppression the release was checked for, leaves the deleted values in DuckDB's free blocks until
the file is rewritten, and a rebuilt copy diffed against one already handed out tells which rows
belonged to the person who withdrew. The newest release, built without them, always stays.

Removal is crash-safe: a folder is first renamed to ``.removing-<run-id>`` (atomic; readers no
longer find it) and then deleted; leftovers are deleted by the next call. Contents files follow
their build. Only counts and run ids are reported, never a record id.
"""
from __future__ import annotations

import os
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

from contract.bounded_duckdb import bounded_duckdb
from flows.promote import LATEST
from flows.workarea import WorkArea, make_private_dir

CONTENTS_DIR = "contents"
REMOVING_PREFIX = ".removing-"
RUN_FOLDER_BUILD = "release"  # a blocked or failed run's build inside OUT/private/runs/<run-id>/

Reason = Literal["erasure", "unverifiable", "retention"]


@dataclass(frozen=True)
class Removal:
    run_id: str
    kind: Literal["release", "private build"]
    reason: Reason
    erased_records: int = 0    # records of the build the current one may no longer hold

    def to_manifest(self) -> dict:
        return asdict(self)


def contents_dir(work: WorkArea) -> Path:
    return work.private / CONTENTS_DIR


def contents_file(work: WorkArea, run_id: str) -> Path:
    return contents_dir(work) / f"{run_id}.parquet"


def record_contents(work: WorkArea, run_id: str) -> int:
    """Write this run's contents file from its eligible consultations (after compaction); returns records."""
    eligible = work.eligible / "consultations.parquet"
    target = contents_file(work, run_id)
    make_private_dir(target.parent)
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        with bounded_duckdb(work.private) as con:
            con.execute("COPY (SELECT consultation_id, NOT aggregate_only AS record_level FROM read_parquet(?) "
                        "WHERE exclusion_reason IS NULL ORDER BY consultation_id) TO '" + _sql(tmp) + "' "
                        "(FORMAT parquet)", [str(eligible)])
            rows = con.execute("SELECT count(*) FROM read_parquet(?)", [str(tmp)]).fetchone()[0]
        os.chmod(tmp, 0o600)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return rows


def promoted_releases(work: WorkArea) -> list[str]:
    """Run ids of the published release folders, newest first (run ids start with their UTC time)."""
    if not work.releases.is_dir():
        return []
    return sorted((p.name for p in work.releases.iterdir()
                   if p.is_dir() and not p.is_symlink() and p.name != LATEST and not p.name.startswith(".")
                   and (p / "manifest.json").is_file()), reverse=True)


def private_builds(work: WorkArea) -> list[str]:
    """Run ids whose run folder still holds a (blocked or failed) build."""
    runs = work.private / "runs"
    if not runs.is_dir():
        return []
    return sorted((p.name for p in runs.iterdir() if (p / RUN_FOLDER_BUILD).is_dir()), reverse=True)


def plan(work: WorkArea, current_run: str, keep: int) -> list[Removal]:
    """What must go so that OUT holds only builds the current one allows (see the module doc).

    ``current_run`` is the build everything is measured against: the run being promoted, or for
    a prune the release ``latest`` points to. It is never removed.
    """
    current = contents_file(work, current_run)
    if not current.exists():
        raise FileNotFoundError(f"no contents file for run {current_run}: cannot tell what the others must not hold")
    removals: list[Removal] = []
    survivors = []
    for kind, run_ids in (("release", promoted_releases(work)), ("private build", private_builds(work))):
        for run_id in run_ids:
            if run_id == current_run:
                continue
            erased = _erased_records(work, run_id, current)
            if erased is None:
                removals.append(Removal(run_id, kind, "unverifiable"))
            elif erased:
                removals.append(Removal(run_id, kind, "erasure", erased))
            elif kind == "release":
                survivors.append(run_id)
    newer_first = sorted(survivors, reverse=True)
    removals += [Removal(run_id, "release", "retention") for run_id in newer_first[keep - 1:]]
    return removals


def apply(work: WorkArea, removals: list[Removal]) -> None:
    """Remove what ``plan`` listed, then leftovers of interrupted removals and orphaned contents files."""
    for removal in removals:
        # The run folder goes too: its leak report lists (masked) values of the records it held.
        for folder in (work.release_dir(removal.run_id), work.private / "runs" / removal.run_id):
            if folder.exists():
                hidden = folder.with_name(REMOVING_PREFIX + folder.name)
                os.replace(folder, hidden)
                shutil.rmtree(hidden)
        contents_file(work, removal.run_id).unlink(missing_ok=True)
    clean_leftovers(work)


def clean_leftovers(work: WorkArea) -> None:
    for parent in (work.releases, work.private / "runs"):
        for hidden in parent.glob(REMOVING_PREFIX + "*") if parent.is_dir() else []:
            shutil.rmtree(hidden, ignore_errors=True)
    held = set(promoted_releases(work)) | set(private_builds(work))
    for path in contents_dir(work).glob("*.parquet") if contents_dir(work).is_dir() else []:
        if path.stem not in held and not (work.private / "runs" / path.stem).is_dir():
            path.unlink()  # its build is gone (a run still in progress has its run folder)


def _erased_records(work: WorkArea, run_id: str, current: Path) -> int | None:
    """Records of ``run_id``'s build that the current build does not allow; None without a contents file."""
    older = contents_file(work, run_id)
    if not older.exists():
        return None
    with bounded_duckdb(work.private) as con:
        return con.execute("""
            SELECT count(*) FROM read_parquet(?) AS o LEFT JOIN read_parquet(?) AS c USING (consultation_id)
            WHERE c.consultation_id IS NULL OR (o.record_level AND NOT c.record_level)""",
                           [str(older), str(current)]).fetchone()[0]


def _sql(path: Path) -> str:
    return str(path).replace("'", "''")


def describe(removals: list[Removal]) -> str:
    """One line for logs: counts per reason, run ids (no record id)."""
    if not removals:
        return "nothing removed"
    return "; ".join(f"{r.kind} {r.run_id}: {r.reason}" + (f" ({r.erased_records} records)" if r.erased_records else "")
                     for r in removals)

