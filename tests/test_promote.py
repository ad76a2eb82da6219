"""Atomic promotion: `latest` moves in one step, never to a blocked release, and survives a crash."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from flows.promote import PromotionRefused, current_release, promote

REPO = Path(__file__).resolve().parent.parent


def make_release(releases: Path, run_id: str, passed: bool = True) -> Path:
    folder = releases / run_id
    folder.mkdir(parents=True)
    (folder / "academic.duckdb").write_bytes(b"release " + run_id.encode())
    status = "promoted" if passed else "blocked"
    (folder / "manifest.json").write_text(json.dumps({"run_id": run_id, "status": status,
                                                      "check": {"passed": passed}}))
    return folder


def test_promote_points_latest_at_the_new_release(tmp_path):
    assert current_release(tmp_path) is None
    first = make_release(tmp_path, "run-1")
    assert promote(tmp_path, "run-1") == first
    assert current_release(tmp_path) == first.resolve()
    second = make_release(tmp_path, "run-2")
    promote(tmp_path, "run-2")
    assert current_release(tmp_path) == second.resolve()
    assert os.readlink(tmp_path / "latest") == "run-2"  # relative: the folder can move as a whole
    assert sorted(p.name for p in tmp_path.iterdir()) == ["latest", "run-1", "run-2"]


@pytest.mark.parametrize("problem", ["blocked", "no manifest", "missing folder", "bad run id"])
def test_promote_refuses_what_did_not_pass(tmp_path, problem):
    make_release(tmp_path, "good")
    promote(tmp_path, "good")
    if problem == "blocked":
        make_release(tmp_path, "bad", passed=False)
    elif problem == "no manifest":
        (make_release(tmp_path, "bad") / "manifest.json").unlink()
    run_id = "../good" if problem == "bad run id" else "bad"
    with pytest.raises(PromotionRefused):
        promote(tmp_path, run_id)
    assert current_release(tmp_path) == (tmp_path / "good").resolve()


def test_a_failing_rename_leaves_the_old_release(tmp_path, monkeypatch):
    make_release(tmp_path, "old")
    promote(tmp_path, "old")
    make_release(tmp_path, "new")

    def crash(src, dst):
        raise OSError("disk gone")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        promote(tmp_path, "new")
    monkeypatch.undo()
    assert current_release(tmp_path) == (tmp_path / "old").resolve()
    promote(tmp_path, "new")  # the next promotion cleans the crashed one's temporary link
    assert current_release(tmp_path) == (tmp_path / "new").resolve()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["latest", "new", "old"]


KILL_AT = """
import os, signal, sys
from pathlib import Path
import flows.promote as promote_module
stage = sys.argv[2]
real_symlink, real_replace = os.symlink, os.replace

def symlink(src, dst):
    if stage == "before-symlink":
        os.kill(os.getpid(), signal.SIGKILL)
    real_symlink(src, dst)
    if stage == "after-symlink":
        os.kill(os.getpid(), signal.SIGKILL)

def replace(src, dst):
    real_replace(src, dst)
    if stage == "after-replace":
        os.kill(os.getpid(), signal.SIGKILL)

os.symlink, os.replace = symlink, replace
promote_module.promote(Path(sys.argv[1]), "new")
"""


@pytest.mark.parametrize("stage,expected", [("before-symlink", "old"), ("after-symlink", "old"),
                                            ("after-replace", "new")])
def test_sigkill_during_promotion_leaves_a_consistent_latest(tmp_path, stage, expected):
    make_release(tmp_path, "old")
    promote(tmp_path, "old")
    make_release(tmp_path, "new")
    done = subprocess.run([sys.executable, "-c", KILL_AT, str(tmp_path), stage], cwd=REPO,
                          env={**os.environ, "PYTHONPATH": str(REPO)}, capture_output=True)
    assert done.returncode == -signal.SIGKILL
    latest = current_release(tmp_path)
    assert latest == (tmp_path / expected).resolve()
    assert (latest / "academic.duckdb").read_bytes() == f"release {expected}".encode()
    promote(tmp_path, "new")
    assert current_release(tmp_path) == (tmp_path / "new").resolve()
    assert not list(tmp_path.glob(".latest.tmp-*"))


def test_latest_that_is_a_real_folder_is_not_replaced(tmp_path):
    make_release(tmp_path, "new")
    (tmp_path / "latest").mkdir()
    with pytest.raises(PromotionRefused):
        promote(tmp_path, "new")
    assert (tmp_path / "latest").is_dir() and not (tmp_path / "latest").is_symlink()
