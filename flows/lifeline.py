"""The lifeline of a supervised run: kills the run's process group if the supervisor dies.

Started by flows/supervisor.py as ``python -I -S lifeline.py FD`` in a session of its own
(terminal signals do not reach it, and it ignores SIGTERM/SIGINT/SIGHUP). It reads the run's
process group id from the pipe FD, then blocks until the pipe reports end of file: that happens
when the supervisor closes its write end after the run ended, or when the kernel closes it
because the supervisor was killed (SIGKILL, OOM killer). Either way it SIGKILLs whatever is left
in the group and exits. Standard library only, no package import: it must start in milliseconds.
"""
from __future__ import annotations

import os
import signal
import sys
import time

WAIT_FOR_GROUP_S = 5.0


def group_members(pgid: int) -> list[int]:
    """Live (non-zombie) processes of process group ``pgid``, from /proc."""
    members = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                stat = f.read().decode("ascii", "replace")
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()  # state ppid pgrp ...
        if int(fields[2]) == pgid and fields[0] not in ("Z", "X"):
            members.append(int(entry))
    return members


def kill_group(pgid: int, signum: int) -> None:
    try:
        os.killpg(pgid, signum)
    except (ProcessLookupError, PermissionError):
        pass


def main(fd: int) -> None:
    for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGTSTP):
        signal.signal(signum, signal.SIG_IGN)
    received = b""
    while b"\n" not in received:
        chunk = os.read(fd, 64)
        if not chunk:
            return  # the supervisor died before it started the run
        received += chunk
    pgid = int(received.split(b"\n", 1)[0])
    while os.read(fd, 64):
        pass  # nothing more is ever written: this returns at end of file
    deadline = time.monotonic() + WAIT_FOR_GROUP_S
    while group_members(pgid) and time.monotonic() < deadline:
        kill_group(pgid, signal.SIGKILL)
        time.sleep(0.05)


if __name__ == "__main__":
    main(int(sys.argv[1]))
