"""What a killed run leaves in OUT/private is removed by the next run; a live run's files are not (issue #20)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from contract.bounded_duckdb import bounded_duckdb
from flows.leftovers import OWNER_FILE, claim_run, process_token, remove_leftovers, remove_own_scratch, token_alive
from flows.workarea import WorkArea


def dead_token() -> str:
    """The token of a process that has exited (its pid is not reused this quickly)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return f"{child.pid}-1"


def run_folder(work: WorkArea, run_id: str, owner: str | None, *, built: bool = False, manifest: bool = False) -> Path:
    run = work.run_scratch(run_id)
    (run / "chunks").mkdir()
    (run / "chunks" / "chunk-000000.parquet").write_bytes(b"raw records")
    (run / "canary").mkdir()
    if built:
        (run / "release").mkdir()
        (run / "release" / ".faq.duckdb.tmp").write_bytes(b"half")
        if manifest:
            (run / "release" / "manifest.json").write_text("{}")
    if owner is not None:
        (run / OWNER_FILE).write_text(json.dumps({"owner": owner}))
    return run


def test_tokens_tell_a_live_process_from_a_dead_or_reused_one():
    assert token_alive(process_token())
    assert not token_alive(dead_token())
    pid, start = process_token().split("-")
    assert not token_alive(f"{pid}-{int(start) + 1}")  # same pid, another process
    assert token_alive("garbage")  # cannot tell: kept


def test_a_dead_runs_raw_scratch_and_unfinished_build_go_a_live_runs_stay(tmp_path):
    work = WorkArea(tmp_path / "out").ensure()
    dead = run_folder(work, "run-dead", dead_token(), built=True)
    blocked = run_folder(work, "run-blocked", dead_token(), built=True, manifest=True)
    old = run_folder(work, "run-older-version", None)
    live = run_folder(work, "run-live", process_token(), built=True)

    removed = remove_leftovers(work, "run-current")

    assert sorted(removed.scratch) == ["run-blocked/canary", "run-blocked/chunks", "run-dead/canary",
                                       "run-dead/chunks", "run-dead/release", "run-older-version/canary",
                                       "run-older-version/chunks"]
    assert not (dead / "chunks").exists() and not (dead / "release").exists()
    assert (blocked / "release" / "manifest.json").exists()  # a checked build stays for the steward
    assert not (old / "chunks").exists()
    assert (live / "chunks" / "chunk-000000.parquet").exists() and (live / "release").exists()


def test_spill_folders_of_dead_processes_go(tmp_path):
    work = WorkArea(tmp_path / "out").ensure()
    dead_spill = work.private / f".duckdb-spill-{dead_token()}-abc_123"
    old_spill = work.private / ".duckdb-spill-k2j4h5_x"  # named by an older version: no owner
    for folder in (dead_spill, old_spill):
        folder.mkdir()
        (folder / "duckdb_temp_block-1.block").write_bytes(b"raw rows")
    with bounded_duckdb(work.private) as con:
        mine = Path(con.execute("SELECT current_setting('temp_directory')").fetchone()[0])
        assert mine.name.startswith(f".duckdb-spill-{process_token()}-")
        removed = remove_leftovers(work)
        assert mine.exists()  # in use by this live process
    assert removed.spill == 2 and not dead_spill.exists() and not old_spill.exists()


def test_partial_staging_files_go_only_when_no_other_run_is_alive(tmp_path):
    work = WorkArea(tmp_path / "out").ensure()
    partial = work.accepted / "consultations.parquet.partial"
    partial.write_bytes(b"raw rows")
    (work.staging / "pending").mkdir()
    tmp = work.staging / "pending" / "abc.tmp"
    tmp.write_bytes(b"anonymised rows")
    run_folder(work, "run-live", process_token())

    assert remove_leftovers(work, "run-current").partial == 0 and partial.exists()

    (work.private / "runs" / "run-live" / OWNER_FILE).write_text(json.dumps({"owner": dead_token()}))
    assert remove_leftovers(work, "run-current").partial == 2
    assert not partial.exists() and not tmp.exists()


def test_an_interrupted_run_removes_its_own_raw_scratch(tmp_path):
    work = WorkArea(tmp_path / "out").ensure()
    claim_run(work, "run-mine")
    (work.run_scratch("run-mine") / "chunks").mkdir()
    (work.run_scratch("run-mine") / "chunks" / "chunk-000000.parquet").write_bytes(b"raw")
    other = run_folder(work, "run-other", dead_token())
    remove_own_scratch(work)
    assert not (work.run_scratch("run-mine") / "chunks").exists()
    assert (other / "chunks").exists()  # not ours: the next run's remove_leftovers decides
    assert os.listdir(work.run_scratch("run-mine")) == [OWNER_FILE]
