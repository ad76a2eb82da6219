"""`clinic-anon run` supervises the run in a process group of its own, so no process of it outlives the CLI.

The process the operator starts stays small: it checks the input (exit 2 at once), then execs
this module (``main``: standard library only, same pid), which starts the run as a child in a new
process group and waits. Everything the run starts (Prefect's temporary
server, the anonymise worker processes, a local Dask cluster, multiprocessing's resource tracker)
inherits that group, so the group is the run:

- SIGTERM, SIGINT or SIGHUP to the CLI is passed on to the run, which stops cleanly: Prefect marks
  the flow crashed, the workers are killed, the server is stopped, nothing is promoted, exit 3.
  Whatever is still alive after ``GRACE_S`` seconds is killed; a second signal kills at once.
- When the run ends, whatever it left running in its group is terminated, then killed.
- A lifeline (flows/lifeline.py, in a session of its own) holds the read end of a pipe whose only
  write end is this process's. If this process is SIGKILLed the kernel closes the pipe and the
  lifeline kills the group. The run itself also gets SIGKILL as its parent-death signal.

The run is not in the terminal's foreground group, so a terminal's Ctrl-C reaches only this
process, which forwards it once. Linux only (process groups, /proc, prctl); elsewhere the run
is simply executed as a child.
"""
from __future__ import annotations

import ctypes
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from flows.lifeline import group_members, kill_group

GRACE_S = 6.0          # from the first signal to SIGKILL of the whole group
END_GRACE_S = 2.0      # from the run's exit to SIGKILL of what it left
_PR_SET_PDEATHSIG = 1
_PR_SET_CHILD_SUBREAPER = 36
_FORWARDED = {signal.SIGTERM: signal.SIGTERM, signal.SIGINT: signal.SIGINT, signal.SIGHUP: signal.SIGTERM}
_LINUX = sys.platform.startswith("linux")
_libc = ctypes.CDLL(None, use_errno=True) if _LINUX else None  # loaded before any fork


class Supervised:
    """The outcome of a supervised run: its exit code and the signal that stopped it, if any."""

    def __init__(self, returncode: int, signal_received: int | None, killed: bool):
        self.returncode = returncode
        self.signal_received = signal_received
        self.killed = killed  # the run did not stop within the grace period, or died of a signal


def _in_child(supervisor: int) -> None:
    """In the run, between fork and exec: die with the supervisor; never stop on terminal output."""
    _libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != supervisor:
        os._exit(1)  # the supervisor died before the parent-death signal was armed
    signal.signal(signal.SIGTTOU, signal.SIG_IGN)  # a background group writing to a `tostop` terminal
    signal.signal(signal.SIGTTIN, signal.SIG_IGN)


def run_in_own_group(argv: list[str], env: dict[str, str] | None = None) -> Supervised:
    """Run ``argv`` as this process's supervised child; return when it and its group are gone."""
    if not _LINUX:
        return Supervised(subprocess.call(argv, env=env), None, False)
    # Orphans of the run (a worker whose parent died) come back to us, so we can reap them.
    _libc.prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    read_end, write_end = os.pipe()
    lifeline = subprocess.Popen([sys.executable, "-I", "-S", str(Path(__file__).with_name("lifeline.py")),
                                 str(read_end)], pass_fds=(read_end,), start_new_session=True,
                                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(read_end)
    received: list[int] = []
    previous = {s: signal.signal(s, lambda signum, _frame: received.append(signum)) for s in _FORWARDED}
    try:
        supervisor = os.getpid()
        child = subprocess.Popen(argv, env=env, process_group=0, stdin=subprocess.DEVNULL,
                                 preexec_fn=lambda: _in_child(supervisor))
        os.write(write_end, f"{child.pid}\n".encode())
        killed = _wait(child.pid, received)
        _end_group(child.pid)
        returncode = child.wait()
    finally:
        os.close(write_end)  # the lifeline finds nothing left and exits
        for s, handler in previous.items():
            signal.signal(s, handler)
    _reap(lifeline)
    return Supervised(returncode, received[0] if received else None, killed or returncode < 0)


def _wait(pid: int, received: list[int]) -> bool:
    """Wait for the run to exit (it stays unreaped, so its group id cannot be reused); pass on signals.

    Returns True if the group had to be killed.
    """
    forwarded, deadline, killed = 0, None, False
    while os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is None:
        if len(received) > forwarded:
            if forwarded == 0:
                os.kill(pid, _FORWARDED[received[0]])
                deadline = time.monotonic() + GRACE_S
            else:
                kill_group(pid, signal.SIGKILL)
                killed = True
            forwarded = len(received)
        if deadline is not None and time.monotonic() > deadline:
            kill_group(pid, signal.SIGKILL)
            killed, deadline = True, None
        time.sleep(0.05)
    return killed


def _end_group(pgid: int) -> None:
    """Terminate what the run left in its group; kill what is still there after END_GRACE_S."""
    if not group_members(pgid):
        return
    kill_group(pgid, signal.SIGTERM)
    deadline = time.monotonic() + END_GRACE_S
    while group_members(pgid) and time.monotonic() < deadline:
        time.sleep(0.05)
    kill_group(pgid, signal.SIGKILL)


def _reap_orphans() -> None:
    """Reap exited orphans of the run that were re-parented to us (we are their subreaper).

    Only once the run itself is reaped: waiting for any child would take its exit status.
    """
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def _reap(lifeline: subprocess.Popen) -> None:
    try:
        lifeline.wait(timeout=10)
    except subprocess.TimeoutExpired:
        lifeline.kill()
        lifeline.wait()
    _reap_orphans()


def main(argv: list[str]) -> None:
    """What `clinic-anon run` execs into once its input is checked: supervise ``argv``, exit with its code."""
    from flows.outcomes import FAILED, KEPT

    result = run_in_own_group(argv)
    if result.killed:
        why = (f"interrupted by {signal.Signals(result.signal_received).name}" if result.signal_received else
               f"the run was killed by {signal.Signals(-result.returncode).name}" if result.returncode < 0 else
               "the run had to be killed")
        print(f"{why}: {KEPT}", file=sys.stderr)
        sys.exit(FAILED)
    sys.exit(result.returncode)


if __name__ == "__main__":
    main(json.loads(sys.argv[1]))
