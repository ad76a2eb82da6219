"""A real `clinic-anon run` stopped by SIGTERM or SIGINT mid-anonymise, and a backdated edit (issue #20).

SIGTERM/SIGINT: exit 3 with one line, no traceback, nothing promoted, no process of the run alive
10 s after the signal (every pid of the CLI's process tree at that moment is checked), no raw chunk
file left, and the next run promotes. SIGKILL of the CLI is test_faults.py. A consultation edited
with an `updated_at` older than the watermark (a restored backup, clock skew) shows in the next
release: change detection reads content fingerprints, not timestamps.

All runs reuse the key of the shared hostile run (test_bad_input.shared_hostile_run).
"""
from __future__ import annotations

import json
import shutil
import signal
import subprocess
import time
from pathlib import Path

import duckdb
import psutil
import pyarrow.parquet as pq
import pytest

from anonymise.keys import pseudonym
from test_bad_input import SharedRun, cli_args, flow_env, run_cli, shared_hostile_run
from test_supervisor import still_alive

pytestmark = pytest.mark.slow

KEPT = "nothing was promoted, the previous release stays"


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> SharedRun:
    shared = shared_hostile_run(tmp_path_factory)
    assert shared.returncode == 0, shared.stderr[-3000:]
    return shared


def signal_mid_anonymise(reference: SharedRun, out: Path, home: Path, signum: int):
    """Start a run, send ``signum`` to the CLI once a chunk is anonymised; (exit code, log, tree pids, seconds)."""
    pending = out / "private" / "staging" / "pending"
    log_file = out.parent / f"{out.name}.log"
    env = flow_env(home, CLINIC_ANON_ANONYMISE__KEY_FILE=str(reference.key_file))
    with open(log_file, "w") as log:
        process = subprocess.Popen(cli_args(reference.source, out), env=env, stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True)
        deadline = time.monotonic() + 600
        while not any(pending.glob("*.parquet")):
            assert process.poll() is None and time.monotonic() < deadline, log_file.read_text()[-3000:]
            time.sleep(0.05)
        tree = [process.pid, *(p.pid for p in psutil.Process(process.pid).children(recursive=True))]
        sent = time.monotonic()
        process.send_signal(signum)
        code = process.wait(timeout=60)
    return code, log_file.read_text(), tree, sent


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_mid_anonymise_stops_the_run_cleanly(reference, tmp_path, signum):
    out, home = tmp_path / "out", tmp_path / "prefect-home"

    code, log, tree, sent = signal_mid_anonymise(reference, out, home, signum)

    assert code == 3, log[-3000:]
    assert log.rstrip().splitlines()[-1] == f"interrupted by {signal.Signals(signum).name}: {KEPT}", log[-3000:]
    assert "Traceback" not in log and "leaked semaphore" not in log
    assert len(tree) >= 5  # CLI, lifeline, run, Prefect's server, a worker (and the resource tracker)
    assert still_alive(tree, within=10 - (time.monotonic() - sent)) == []
    assert not (out / "release" / "latest").exists() and not list((out / "release").iterdir())
    assert not list(out.glob("private/runs/*/chunks/*"))  # the raw chunk copies went with the run
    assert not list(out.glob("private/**/.duckdb-spill-*"))
    if signum == signal.SIGTERM:
        rerun = run_cli(reference.source, out, home, CLINIC_ANON_ANONYMISE__KEY_FILE=str(reference.key_file))
        assert rerun.returncode == 0, rerun.stderr[-3000:]
        assert (out / "release" / "latest").is_symlink()


def rewrite_consultation(path: Path, consultation_id: str, **changes) -> dict:
    """Change one record of a JSONL file in place (other lines, broken ones included, stay byte for byte)."""
    lines, before = [], None
    for line in path.read_bytes().splitlines(keepends=True):
        try:
            row = json.loads(line)
        except ValueError:
            row = None
        if isinstance(row, dict) and row.get("consultation_id") == consultation_id:
            before = dict(row)
            line = json.dumps({**row, **changes}, ensure_ascii=False).encode() + b"\n"
        lines.append(line)
    path.write_bytes(b"".join(lines))
    assert before is not None
    return before


def academic_questions(out: Path) -> list[str]:
    with duckdb.connect(str((out / "release" / "latest").resolve() / "academic.duckdb"), read_only=True) as con:
        return [q for (q,) in con.execute("SELECT question FROM consultations WHERE question IS NOT NULL").fetchall()]


def test_a_backdated_edit_shows_in_the_next_release(reference, tmp_path):
    source, out = tmp_path / "source", tmp_path / "out"
    shutil.copytree(reference.source, source)
    shutil.copytree(reference.out, out, symlinks=True)
    key = bytes.fromhex(reference.key_file.read_text().strip())
    watermark = json.loads((out / "private" / "watermark.json").read_text())["updated_until"]
    staged = {r["pseudo_consultation_id"]: r for r in
              pq.read_table(out / "private" / "staging" / "anonymised" / "current.parquet").to_pylist()}
    released = academic_questions(out)
    rows = [json.loads(line) for line in (source / "consultations.jsonl").read_bytes().splitlines()
            if line.startswith(b'{"consultation_id": "C')]  # the generated ones; the hostile lines follow
    # A released consultation whose anonymised question is in the academic release once, as it stands.
    target = next(r for r in rows if (s := staged.get(pseudonym(key, r["consultation_id"], "staging")))
                  and s["record_level"] and released.count(s["question"]) == 1)
    old_question = staged[pseudonym(key, target["consultation_id"], "staging")]["question"]
    new_question = "붓기가 오래 가는데 재수술이 필요할까요? 냉찜질은 언제까지 하면 되나요?"
    assert target["created_at"] < watermark
    # Edited, but stamped with its creation time: older than the watermark, as a restored backup would be.
    rewrite_consultation(source / "consultations.jsonl", target["consultation_id"], question=new_question,
                         updated_at=target["created_at"])

    rerun = run_cli(source, out, tmp_path / "prefect-home", CLINIC_ANON_ANONYMISE__KEY_FILE=str(reference.key_file))

    assert rerun.returncode == 0, rerun.stderr[-3000:]
    counts = json.loads(((out / "release" / "latest").resolve() / "manifest.json").read_text())["counts"]
    assert (counts["anonymised"], counts["changed_behind_watermark"]) == (1, 1)
    questions = academic_questions(out)
    assert new_question in questions and old_question not in questions
    assert len(questions) == len(released)
