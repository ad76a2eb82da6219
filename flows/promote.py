"""Atomic promotion: ``releases_dir/latest`` is a symlink swapped in one ``os.replace``.

A release is complete in its own run folder before promotion; promotion only moves the pointer.
The new link is created under a temporary name and renamed over ``latest`` (rename(2) is atomic
on POSIX), so a crash at any moment leaves ``latest`` pointing at either the old or the new
release, never at a half-written one and never missing. Leftover temporary links of a crashed
promotion are removed by the next one.

Only a release whose manifest says it passed the leak check can be promoted: ``latest`` never
points to a blocked release, even if a caller gets the order wrong.

``publish`` moves a checked build from the private area into ``release/`` and promotes it, all or
nothing: every precondition is checked before anything moves, a failed pointer swap moves the
folder back, and a journal in the private area lets the next run undo a publication that a
SIGKILL cut between the move and the swap. So a folder under ``release/`` whose manifest says
"promoted" is one that ``latest`` pointed at.
"""
from __future__ import annotations

import errno
import json
import os
import shutil
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from contract.durable import fsync_dir

LATEST = "latest"
_TEMP_PREFIX = ".latest.tmp-"
MIN_FREE_BYTES = 1 << 20  # the new link and directory entries; a full filesystem fails them half-way


class PromotionRefused(RuntimeError):
    """The run folder is missing, incomplete, or not a release that passed the leak check."""


def promote(releases_dir: Path, run_id: str) -> Path:
    """Point ``releases_dir/latest`` at ``releases_dir/run_id`` atomically; return the promoted folder."""
    releases_dir = Path(releases_dir)
    target = releases_dir / run_id
    _require_run_id(run_id)
    _require_passed(target)
    latest = releases_dir / LATEST
    _require_replaceable_latest(latest)
    for stale in releases_dir.glob(_TEMP_PREFIX + "*"):
        stale.unlink(missing_ok=True)
    temp = releases_dir / f"{_TEMP_PREFIX}{run_id}-{os.getpid()}"
    os.symlink(run_id, temp)  # relative: the release folder can be moved or mounted elsewhere whole
    os.replace(temp, latest)
    fsync_dir(releases_dir)
    return target


def current_release(releases_dir: Path) -> Path | None:
    """The folder ``latest`` points to, or None when nothing has been promoted yet."""
    latest = Path(releases_dir) / LATEST
    if not latest.is_symlink():
        return None
    target = latest.resolve()
    return target if target.is_dir() else None


def check_release_area(releases_dir: Path) -> None:
    """What a run can check before it starts: ``latest`` replaceable, ``release/`` writable, room left."""
    releases_dir = Path(releases_dir)
    if releases_dir.is_symlink() or (releases_dir.exists() and not releases_dir.is_dir()):
        raise PromotionRefused(f"{releases_dir} is not a folder")
    if not releases_dir.exists():
        return
    _require_replaceable_latest(releases_dir / LATEST)
    if not os.access(releases_dir, os.W_OK | os.X_OK):
        raise PromotionRefused(f"{releases_dir} is not writable by this user")
    if shutil.disk_usage(releases_dir).free < MIN_FREE_BYTES:
        raise OSError(errno.ENOSPC, f"No space left on device: less than 1 MiB free under {releases_dir}")


def check_publishable(build_dir: Path, releases_dir: Path, run_id: str) -> None:
    """Every precondition of ``publish``, checked before anything moves (PromotionRefused or ENOSPC)."""
    build_dir, releases_dir = Path(build_dir), Path(releases_dir)
    _require_run_id(run_id)
    check_release_area(releases_dir)
    if not releases_dir.is_dir():
        raise PromotionRefused(f"{releases_dir} does not exist")
    target = releases_dir / run_id
    if os.path.lexists(target):
        raise PromotionRefused(f"{target} already exists; a run id is published once")
    _require_passed(build_dir)
    if not os.access(build_dir.parent, os.W_OK | os.X_OK):
        raise PromotionRefused(f"{build_dir.parent} is not writable by this user")
    if _device(build_dir) != _device(releases_dir):
        # rename(2) is atomic on one filesystem only; a copy could be seen half-written.
        raise PromotionRefused(f"{releases_dir} is on another filesystem than the private area")


def apply_release_modes(folder: Path, dir_mode: int, file_mode: int) -> None:
    """Give a release its published modes (built under a 077 umask, everything in it is private)."""
    for path in [folder, *folder.rglob("*")]:
        if path.is_symlink():
            raise PromotionRefused(f"{path.name} in the release is a symlink")
        os.chmod(path, dir_mode if path.is_dir() else file_mode)


def publish(build_dir: Path, releases_dir: Path, run_id: str, journal: Path,
            dir_mode: int = 0o755, file_mode: int = 0o644) -> Path:
    """Move a checked build to ``releases_dir/run_id`` and promote it; all or nothing. Returns the folder."""
    build_dir, releases_dir = Path(build_dir), Path(releases_dir)
    check_publishable(build_dir, releases_dir, run_id)
    target = releases_dir / run_id
    apply_release_modes(build_dir, dir_mode, file_mode)  # still private: its parent is mode 700
    moved = False
    with _signals_deferred():
        try:
            _write_journal(journal, run_id, build_dir)
            build_dir.rename(target)
            moved = True
            promote(releases_dir, run_id)
        except BaseException:
            if moved:  # `latest` did not move: the release goes back where it came from
                try:
                    target.rename(build_dir)
                    fsync_dir(releases_dir)
                except OSError:
                    raise  # the journal stays, and the next run moves it back (recover_interrupted_publish)
            os.chmod(build_dir, 0o700)
            journal.unlink(missing_ok=True)
            raise
        journal.unlink(missing_ok=True)
    return target


@contextmanager
def _signals_deferred() -> Iterator[None]:
    """SIGTERM/SIGINT/SIGHUP wait until the move and the swap are both done (main thread only)."""
    deferred = {signal.SIGTERM, signal.SIGINT, signal.SIGHUP}
    try:
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, deferred)
    except (AttributeError, ValueError, OSError):
        previous = None
    try:
        yield
    finally:
        if previous is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def recover_interrupted_publish(releases_dir: Path, journal: Path) -> str | None:
    """Undo a publication cut between the move and the swap (SIGKILL, power loss); the run id or None.

    A folder that was moved into ``release/`` but never became ``latest`` goes back to the private
    area it came from, so no unpromoted folder with a "promoted" manifest stays published.
    """
    if not journal.exists():
        return None
    try:
        entry = json.loads(journal.read_text(encoding="utf-8"))
        run_id, origin = entry["run_id"], Path(entry["from"])
        _require_run_id(run_id)
    except (ValueError, KeyError, TypeError, PromotionRefused):
        journal.unlink()
        return None
    target = Path(releases_dir) / run_id
    latest = Path(releases_dir) / LATEST
    promoted = latest.is_symlink() and os.readlink(latest) == run_id
    if not promoted and target.is_dir() and not os.path.lexists(origin):
        origin.parent.mkdir(parents=True, exist_ok=True)
        target.rename(origin)
        os.chmod(origin, 0o700)
        fsync_dir(Path(releases_dir))
    journal.unlink()
    return None if promoted else run_id


def _write_journal(journal: Path, run_id: str, build_dir: Path) -> None:
    temp = journal.with_name(journal.name + ".tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump({"run_id": run_id, "from": str(build_dir)}, f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temp, journal)
    finally:
        temp.unlink(missing_ok=True)
    fsync_dir(journal.parent)


def _device(path: Path) -> int:
    return path.stat().st_dev


def _require_run_id(run_id: str) -> None:
    if os.sep in run_id or run_id in ("", ".", "..", LATEST) or run_id.startswith(_TEMP_PREFIX):
        raise PromotionRefused(f"not a run id: {run_id!r}")


def _require_replaceable_latest(latest: Path) -> None:
    if os.path.lexists(latest) and not latest.is_symlink():
        kind = "a folder" if latest.is_dir() else "a file"
        raise PromotionRefused(f"{latest} is {kind}, not a link to a release; refusing to replace it")


def _require_passed(target: Path) -> None:
    manifest = target / "manifest.json"
    if not target.is_dir() or not manifest.is_file():
        raise PromotionRefused(f"{target.name} has no manifest.json; only a checked release can be promoted")
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
        passed = data["check"]["passed"] is True and data["status"] == "promoted"
    except (ValueError, KeyError, TypeError):
        passed = False
    if not passed:
        raise PromotionRefused(f"{target.name} did not pass the leak check; `latest` is unchanged")
