"""One run at a time per OUT: an advisory lock (``fcntl.flock``) on ``OUT/private/run.lock``.

The kernel drops the lock when the holder's process ends, however it ends (exception, crash,
SIGKILL), so a stale lock file never blocks the next run; the file's content only names the
holder (run id, pid, start time) for the refusal message. The file is never unlinked: removing
it while another process waits on it would let two processes each lock a different file.

Re-entrant within one process: ``clinic-anon run`` takes the lock before it starts Prefect (a
second run is refused in a second, before writing anything), and the flow takes it again, since
a scheduled run has no CLI around it.
"""
from __future__ import annotations

import fcntl
import functools
import inspect
import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from flows.workarea import make_private_dir

LOCK_FILE = "run.lock"


class RunLocked(RuntimeError):
    """Another process holds OUT's run lock; the message names that run (no data)."""


class _Held:
    def __init__(self, fd: int):
        self.fd = fd
        self.depth = 1


_held: dict[str, _Held] = {}  # resolved lock path -> this process's hold on it


def lock_file(out: Path) -> Path:
    return Path(out) / "private" / LOCK_FILE


@contextmanager
def hold(out: Path, started_at: datetime | None = None) -> Iterator[None]:
    """Hold OUT's run lock for the ``with`` block, or raise RunLocked naming the holder."""
    path = lock_file(out)
    make_private_dir(path.parent)
    key = str(path.resolve())
    if key in _held:
        _held[key].depth += 1
        try:
            yield
        finally:
            _held[key].depth -= 1
        return
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = _describe(_read(fd))
        os.close(fd)
        raise RunLocked(f"another clinic-anon run is using {out}: {holder}") from None
    _held[key] = _Held(fd)
    try:
        _write(fd, {"run_id": None, "pid": os.getpid(),
                    "started_at": (started_at or datetime.now(timezone.utc)).isoformat(timespec="seconds")})
        yield
    finally:
        held = _held[key]
        held.depth -= 1
        if held.depth == 0:
            del _held[key]
            os.close(fd)  # closing the last descriptor releases the lock


def note_run(out: Path, run_id: str, started_at: datetime) -> None:
    """Name the run that holds the lock, once the flow has its run id (the refusal message shows it)."""
    held = _held.get(str(lock_file(out).resolve()))
    if held is None:
        raise RuntimeError("note_run called without holding the run lock")
    _write(held.fd, {"run_id": run_id, "pid": os.getpid(), "started_at": started_at.isoformat(timespec="seconds")})


def one_run_per_out(func: Callable) -> Callable:
    """Decorator: the function (a flow with an ``out`` parameter) runs holding OUT's lock."""
    signature = inspect.signature(func)

    @functools.wraps(func)
    def locked(*args, **kwargs):
        out = signature.bind(*args, **kwargs).arguments["out"]
        with hold(Path(out)):
            return func(*args, **kwargs)

    return locked


def _write(fd: int, holder: dict) -> None:
    data = json.dumps(holder).encode()
    os.ftruncate(fd, 0)
    os.pwrite(fd, data, 0)


def _read(fd: int) -> dict:
    try:
        return json.loads(os.pread(fd, 4096, 0) or b"{}")
    except ValueError:
        return {}  # the holder is rewriting it this very moment


def _describe(holder: dict) -> str:
    run = f"run {holder['run_id']}" if holder.get("run_id") else "a run still starting"
    return f"{run} (pid {holder.get('pid', '?')}, started {holder.get('started_at', '?')})"
