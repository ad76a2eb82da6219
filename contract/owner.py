"""Who made a scratch folder: ``<pid>-<start time>`` tokens, read by the next run's clean-up.

Bounded DuckDB connections name their spill folders with the token of the process that opened
them (contract/bounded_duckdb.py), and flows/leftovers.py removes the folders of dead owners.
"""
from __future__ import annotations

import os
from functools import cache
from pathlib import Path

SPILL_PREFIX = ".duckdb-spill-"


@cache
def process_token(pid: int | None = None) -> str:
    """``<pid>-<start time>`` of a process: unique even when the kernel reuses the pid."""
    pid = pid or os.getpid()
    return f"{pid}-{_start_time(pid) or 0}"


def _start_time(pid: int) -> int | None:
    """The process's start time in clock ticks since boot (/proc/<pid>/stat field 22), None if unknown."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat[stat.rindex(")") + 2:].split()  # the command name may hold spaces and parentheses
    return int(fields[19])


def token_alive(token: str) -> bool:
    """Whether the process named by ``token`` still runs (an unreadable token counts as alive)."""
    try:
        pid_text, start_text = token.split("-", 1)
        pid, start = int(pid_text), int(start_text)
    except ValueError:
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return start == 0 or _start_time(pid) in (None, start)
