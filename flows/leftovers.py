"""What a killed run leaves in the private area, and its removal by the next run.

A run killed by SIGKILL (or the machine going down) cannot clean up after itself: its chunk files
(raw records with their member), DuckDB spill folders (pages of raw rows), canary copies,
half-written Parquet and an unfinished release build stay in OUT/private. Each run therefore
marks what it creates with its owner (pid and the process's start time, so a reused pid is not
mistaken for it), and the next run removes whatever belongs to an owner that is no longer alive.
Files shared by every run (``*.partial``/``*.tmp`` in staging) are removed only when no other
run is alive. What a steward may still need stays: quarantine files, blocked releases (they have
a manifest), the pending anonymised chunks a resumed run reuses.
"""
from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from contract.owner import SPILL_PREFIX, process_token, token_alive
from flows.workarea import WorkArea, write_private_text

OWNER_FILE = "owner.json"
_RAW_SCRATCH = ("chunks", "canary")  # per-run folders that hold raw records or copies of a release


def claim_run(work: WorkArea, run_id: str) -> None:
    """Mark OUT/private/runs/<run_id> as this process's."""
    write_private_text(work.run_scratch(run_id) / OWNER_FILE, json.dumps({"owner": process_token()}))


def _run_owner(run_dir: Path) -> str | None:
    try:
        return json.loads((run_dir / OWNER_FILE).read_text())["owner"]
    except (OSError, ValueError, KeyError, TypeError):
        return None  # an older run's folder, or one killed before it was claimed


@dataclass
class Removed:
    scratch: list[str] = field(default_factory=list)   # runs/<id>/<what> of dead runs
    spill: int = 0                                      # DuckDB spill folders of dead processes
    partial: int = 0                                    # half-written staging files

    def total(self) -> int:
        return len(self.scratch) + self.spill + self.partial


def remove_leftovers(work: WorkArea, current_run_id: str | None = None) -> Removed:
    """Remove what dead runs left under OUT/private; keep everything of a live one."""
    removed = Removed()
    runs = work.private / "runs"
    others_alive = False
    for run_dir in sorted(runs.iterdir()) if runs.is_dir() else []:
        if run_dir.name == current_run_id or not run_dir.is_dir():
            continue
        owner = _run_owner(run_dir)
        if owner is not None and token_alive(owner):
            others_alive = True
            continue
        for name in _RAW_SCRATCH:
            if (run_dir / name).exists():
                shutil.rmtree(run_dir / name, ignore_errors=True)
                removed.scratch.append(f"{run_dir.name}/{name}")
        build = run_dir / "release"
        if build.is_dir() and not (build / "manifest.json").exists():  # cut before its check finished
            shutil.rmtree(build, ignore_errors=True)
            removed.scratch.append(f"{run_dir.name}/release")
    for spill in _spill_folders(work.private):
        owner = spill.name[len(SPILL_PREFIX):].rsplit("-", 1)[0]
        # A folder of an older version names no owner: stale unless another run is alive.
        if not token_alive(owner) if owner.count("-") == 1 else not others_alive:
            shutil.rmtree(spill, ignore_errors=True)
            removed.spill += 1
    if not others_alive:
        for pattern in ("*.partial", "*.tmp"):
            for path in work.staging.rglob(pattern):
                path.unlink(missing_ok=True)
                removed.partial += 1
    return removed


def remove_own_scratch(work: WorkArea) -> None:
    """Remove the raw-record scratch of the runs this process claimed (an interrupted run's chunks)."""
    runs = work.private / "runs"
    for run_dir in sorted(runs.iterdir()) if runs.is_dir() else []:
        if _run_owner(run_dir) == process_token():
            for name in _RAW_SCRATCH:
                shutil.rmtree(run_dir / name, ignore_errors=True)


def _spill_folders(private: Path) -> list[Path]:
    """Spill folders of bounded DuckDB connections: in the private area and in run builds."""
    if not private.is_dir():
        return []
    return [*private.glob(SPILL_PREFIX + "*"), *private.glob(f"runs/*/release/{SPILL_PREFIX}*")]
