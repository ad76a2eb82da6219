"""OUT's run lock: a second holder is refused with the first one named; a killed holder frees it at once."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

from flows.run_lock import RunLocked, hold, lock_file, note_run, one_run_per_out

REPO = Path(__file__).resolve().parent.parent
STARTED = datetime(2026, 11, 23, 1, 0, tzinfo=timezone.utc)

HOLDER = """
import sys, time
from datetime import datetime, timezone
from pathlib import Path
from flows.run_lock import hold, note_run
out = Path(sys.argv[1])
with hold(out):
    note_run(out, "20261123T010000Z-abc123", datetime(2026, 11, 23, 1, 0, tzinfo=timezone.utc))
    print("held", flush=True)
    time.sleep(600)
"""

TRY = """
import sys
from pathlib import Path
from flows.run_lock import RunLocked, hold
try:
    with hold(Path(sys.argv[1])):
        print("acquired")
except RunLocked as exc:
    print("refused:", exc)
"""


def python(code: str, *args: str, **kwargs):
    return [sys.executable, "-c", code, *args]


@pytest.fixture
def holder(tmp_path):
    out = tmp_path / "out"
    process = subprocess.Popen(python(HOLDER, str(out)), cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)},
                               stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "held"
    yield out, process
    if process.poll() is None:
        process.kill()
        process.wait()


def test_a_second_holder_is_refused_with_the_running_one_named(holder):
    out, process = holder
    with pytest.raises(RunLocked) as refused:
        with hold(out):
            pytest.fail("two holders of one OUT")
    message = str(refused.value)
    assert "run 20261123T010000Z-abc123" in message and f"pid {process.pid}" in message
    assert "started 2026-11-23T01:00:00+00:00" in message and str(out) in message


def test_a_killed_holder_frees_the_lock_at_once(holder):
    out, process = holder
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert lock_file(out).exists()  # the stale file blocks nothing: the kernel dropped the lock
    with hold(out, STARTED):
        pass


def test_the_lock_is_reentrant_in_one_process_and_released_after_the_outer_block(tmp_path):
    out = tmp_path / "out"
    with hold(out, STARTED):
        with hold(out):
            note_run(out, "20261123T010000Z-000001", STARTED)
        other = subprocess.run(python(TRY, str(out)), cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)},
                               capture_output=True, text=True, timeout=60)
        assert other.stdout.startswith("refused:") and "20261123T010000Z-000001" in other.stdout
    other = subprocess.run(python(TRY, str(out)), cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)},
                           capture_output=True, text=True, timeout=60)
    assert other.stdout.strip() == "acquired"
    assert oct(lock_file(out).stat().st_mode & 0o777) == "0o600"
    assert oct(lock_file(out).parent.stat().st_mode & 0o777) == "0o700"


def test_the_flow_decorator_locks_the_out_argument(tmp_path):
    seen = []

    @one_run_per_out
    def flow_like(source: str, out: str, settings_json: str = "{}") -> str:
        note_run(Path(out), "20261123T010000Z-000002", STARTED)  # raises unless the lock is held
        seen.append(out)
        return "done"

    assert flow_like("src", out=str(tmp_path / "a")) == "done"
    assert flow_like("src", str(tmp_path / "b")) == "done"
    assert seen == [str(tmp_path / "a"), str(tmp_path / "b")]
    with pytest.raises(RuntimeError):
        note_run(tmp_path / "a", "x", STARTED)  # released again


@pytest.mark.parametrize("command", [["key", "rotate", "--yes"], ["releases", "prune"]], ids=" ".join)
def test_commands_that_change_out_are_refused_while_a_run_holds_it(holder, command):
    from click.testing import CliRunner

    from flows.cli import main

    out, process = holder
    result = CliRunner().invoke(main, [*command, "--out", str(out)])
    assert result.exit_code == 2, result.output
    assert "20261123T010000Z-abc123" in result.output and f"pid {process.pid}" in result.output
    assert not (out / "private" / "keys").exists()  # nothing was written
