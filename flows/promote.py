"""Atomic promotion: ``releases_dir/latest`` is a symlink swapped in one ``os.replace``.

A release is complete in its own run folder before promotion; promotion only moves the pointer.
The new link is created under a temporary name and renamed over ``latest`` (rename(2) is atomic
on POSIX), so a crash at any moment leaves ``latest`` pointing at either the old or the new
release, never at a half-written one and never missing. Leftover temporary links of a crashed
promotion are removed by the next one.

Only a release whose manifest says it passed the leak check can be promoted: ``latest`` never
points to a blocked release, even if a caller gets the order wrong.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

LATEST = "latest"
_TEMP_PREFIX = ".latest.tmp-"


class PromotionRefused(RuntimeError):
    """The run folder is missing, incomplete, or not a release that passed the leak check."""


def promote(releases_dir: Path, run_id: str) -> Path:
    """Point ``releases_dir/latest`` at ``releases_dir/run_id`` atomically; return the promoted folder."""
    releases_dir = Path(releases_dir)
    target = releases_dir / run_id
    if os.sep in run_id or run_id in ("", ".", "..", LATEST) or run_id.startswith(_TEMP_PREFIX):
        raise PromotionRefused(f"not a run id: {run_id!r}")
    _require_passed(target)
    latest = releases_dir / LATEST
    if latest.exists() and not latest.is_symlink():
        raise PromotionRefused(f"{latest} exists and is not a symlink; refusing to replace it")
    for stale in releases_dir.glob(_TEMP_PREFIX + "*"):
        stale.unlink(missing_ok=True)
    temp = releases_dir / f"{_TEMP_PREFIX}{run_id}-{os.getpid()}"
    os.symlink(run_id, temp)  # relative: the release folder can be moved or mounted elsewhere whole
    os.replace(temp, latest)
    _fsync_dir(releases_dir)
    return target


def current_release(releases_dir: Path) -> Path | None:
    """The folder ``latest`` points to, or None when nothing has been promoted yet."""
    latest = Path(releases_dir) / LATEST
    if not latest.is_symlink():
        return None
    target = latest.resolve()
    return target if target.is_dir() else None


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


def _fsync_dir(path: Path) -> None:
    # The rename is atomic at once; fsync makes it durable across a power loss.
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
