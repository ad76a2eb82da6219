"""The supervised run's process group (issue #20), with small stand-in runs instead of the flow.

A stand-in run starts a grandchild (as Prefect's server or a worker would) and reports the pids;
the tests check that nothing of it is alive afterwards, whether it ended, was interrupted, was
killed, or its supervisor was SIGKILLed. The full flow under signals is test_signals.py.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

REPO = Path(__file__).resolve().parent.parent

# A run: starts a grandchild that ignores SIGTERM (a slow worker), writes both pids, then waits or exits.
RUN = """
import json, os, signal, subprocess, sys, time
grandchild = subprocess.Popen([sys.executable, "-c",
    "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); time.sleep(600)"])
open(sys.argv[1], "w").write(json.dumps([os.getpid(), grandchild.pid]))
mode = sys.argv[2]
if mode == "exit":
    sys.exit(3)
if mode == "die":
    os.kill(os.getpid(), signal.SIGKILL)
if mode == "stop-on-term":
    signal.signal(signal.SIGTERM, lambda *a: sys.exit(3))
if mode == "ignore-term":
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
time.sleep(600)
"""

# The CLI's part, in a process of its own (it becomes a child subreaper): supervise a run, report, exit.
SUPERVISOR = """
import json, sys
from flows.supervisor import run_in_own_group
result = run_in_own_group([sys.executable, "-c", sys.argv[1], *sys.argv[2:]])
print(json.dumps({"returncode": result.returncode, "killed": result.killed}), flush=True)
sys.exit(3 if result.killed else result.returncode)
"""


def still_alive(pids: list[int], within: float) -> list[int]:
    """The pids still alive (zombies count as gone) after waiting up to ``within`` seconds."""
    deadline = time.monotonic() + within
    while True:
        alive = []
        for pid in pids:
            try:
                if psutil.Process(pid).status() != psutil.STATUS_ZOMBIE:
                    alive.append(pid)
            except psutil.NoSuchProcess:
                pass
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.05)


def wait_for(path: Path, timeout: float = 30) -> list[int]:
    deadline = time.monotonic() + timeout
    while not (path.exists() and path.read_text()):
        assert time.monotonic() < deadline, "the stand-in run did not start"
        time.sleep(0.05)
    return json.loads(path.read_text())


def supervise(tmp_path: Path, mode: str) -> tuple[subprocess.Popen, list[int]]:
    pids = tmp_path / "pids.json"
    supervisor = subprocess.Popen([sys.executable, "-c", SUPERVISOR, RUN, str(pids), mode], cwd=REPO,
                                  env={**os.environ, "PYTHONPATH": str(REPO)}, start_new_session=True)
    run_pid, grandchild = wait_for(pids)
    lifeline = [p.pid for p in psutil.Process(supervisor.pid).children() if "lifeline.py" in " ".join(p.cmdline())]
    assert len(lifeline) == 1
    assert os.getpgid(run_pid) == run_pid == os.getpgid(grandchild) != os.getpgid(supervisor.pid)  # its own group
    return supervisor, [run_pid, grandchild, *lifeline]


def supervised_to_the_end(tmp_path: Path, mode: str) -> tuple[dict, list[int]]:
    pids = tmp_path / "pids.json"
    done = subprocess.run([sys.executable, "-c", SUPERVISOR, RUN, str(pids), mode], cwd=REPO, capture_output=True,
                          env={**os.environ, "PYTHONPATH": str(REPO)}, text=True, timeout=60)
    return json.loads(done.stdout), json.loads(pids.read_text())


def test_a_run_that_ends_leaves_nothing_behind(tmp_path):
    result, pids = supervised_to_the_end(tmp_path, "exit")
    assert result == {"returncode": 3, "killed": False}
    assert still_alive(pids, within=0) == []  # its grandchild ignored SIGTERM: killed too, before the supervisor returned


def test_a_run_killed_by_a_signal_is_reported_as_killed(tmp_path):
    result, pids = supervised_to_the_end(tmp_path, "die")
    assert result == {"returncode": -signal.SIGKILL, "killed": True}
    assert still_alive(pids, within=3) == []


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_a_signal_is_passed_on_and_the_group_ends(tmp_path, signum):
    supervisor, pids = supervise(tmp_path, "stop-on-term")
    supervisor.send_signal(signum)
    code = supervisor.wait(timeout=30)
    assert code == 3
    assert still_alive(pids, within=10) == []


def test_a_run_that_ignores_the_signal_is_killed_after_the_grace_period(tmp_path):
    supervisor, pids = supervise(tmp_path, "ignore-term")
    started = time.monotonic()
    supervisor.send_signal(signal.SIGTERM)
    assert supervisor.wait(timeout=30) == 3
    assert time.monotonic() - started < 10
    assert still_alive(pids, within=10 - (time.monotonic() - started)) == []


def test_sigkill_of_the_supervisor_leaves_no_process_of_the_run(tmp_path):
    supervisor, pids = supervise(tmp_path, "ignore-term")
    supervisor.kill()
    supervisor.wait()
    assert still_alive(pids, within=10) == []
