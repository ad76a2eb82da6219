"""Atomic promotion: `latest` moves in one step, never to a blocked release, and survives a crash."""
from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import flows.promote as promote_module
from flows.promote import PromotionRefused, current_release, promote, publish, recover_interrupted_publish

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


# --------------------------------------------------------------------------- publish: all or nothing


def build(private: Path, run_id: str = "run-new", passed: bool = True) -> Path:
    """A checked build in the private area, as the flow leaves it before publication."""
    runs = private / "runs" / run_id
    runs.mkdir(parents=True)
    os.chmod(private, 0o700)
    return make_release(runs, "release", passed=passed)


def snapshot(releases: Path) -> dict:
    """name -> link target, folder listing or file content: what `release/` looks like."""
    return {p.name: (os.readlink(p) if p.is_symlink() else sorted(q.name for q in p.iterdir()) if p.is_dir()
                     else p.read_text()) for p in releases.iterdir()}


@pytest.fixture
def area(tmp_path):
    """OUT with a promoted release `run-old` and a passing build of `run-new` in the private area."""
    releases = tmp_path / "release"
    make_release(releases, "run-old")
    promote(releases, "run-old")
    return releases, build(tmp_path / "private"), tmp_path / "private" / "publishing.json"


def test_publish_moves_the_build_and_promotes_it_with_release_modes(area):
    releases, built, journal = area
    previous = os.umask(0o077)  # what the run uses: everything it creates is private
    try:
        (built / "faq.html").write_text("x")
    finally:
        os.umask(previous)
    final = publish(built, releases, "run-new", journal, dir_mode=0o750, file_mode=0o640)
    assert final == releases / "run-new" and current_release(releases) == final.resolve()
    assert not built.exists() and not journal.exists()
    assert stat.S_IMODE(final.stat().st_mode) == 0o750
    assert {stat.S_IMODE(p.stat().st_mode) for p in final.iterdir()} == {0o640}


@pytest.mark.parametrize("problem", ["latest is a folder", "latest is a file", "target exists", "not writable",
                                     "other filesystem", "no space", "build blocked", "build without manifest"])
def test_a_refused_publication_leaves_release_as_it_was(area, monkeypatch, problem):
    releases, built, journal = area
    if problem == "latest is a folder":
        (releases / "latest").unlink()
        (releases / "latest").mkdir()
    elif problem == "latest is a file":
        (releases / "latest").unlink()
        (releases / "latest").write_text("run-old")
    elif problem == "target exists":
        (releases / "run-new").mkdir()
    elif problem == "not writable":  # as root, modes do not stop us: the check asks os.access
        real_access = os.access
        monkeypatch.setattr(os, "access", lambda p, m: False if Path(p) == releases else real_access(p, m))
    elif problem == "other filesystem":
        monkeypatch.setattr(promote_module, "_device", lambda p: hash(str(p)))
    elif problem == "no space":
        real_usage = shutil.disk_usage
        monkeypatch.setattr(shutil, "disk_usage", lambda p: real_usage(p)._replace(free=4096))
    elif problem == "build blocked":
        shutil.rmtree(built)
        built = build(releases.parent / "private-blocked", passed=False)
    elif problem == "build without manifest":
        (built / "manifest.json").unlink()
    before = snapshot(releases)
    build_before = {p.name: p.stat().st_mode for p in [built, *built.iterdir()]}

    with pytest.raises((PromotionRefused, OSError)):
        publish(built, releases, "run-new", journal)

    assert snapshot(releases) == before  # nothing moved, nothing new under release/
    assert {p.name: p.stat().st_mode for p in [built, *built.iterdir()]} == build_before  # not even its modes
    assert not journal.exists()


@pytest.mark.parametrize("failing", ["latest", "publishing.json"])
def test_a_failing_swap_or_journal_moves_nothing(area, monkeypatch, failing):
    releases, built, journal = area
    before = snapshot(releases)
    real_replace = os.replace

    def crash(src, dst):
        if Path(dst).name == failing:
            raise OSError("disk gone")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="disk gone"):
        publish(built, releases, "run-new", journal)
    monkeypatch.undo()
    assert snapshot(releases) == {**before, **{p.name: os.readlink(p) for p in releases.glob(".latest.tmp-*")}}
    assert built.is_dir() and (built / "manifest.json").exists() and not journal.exists()
    assert stat.S_IMODE(built.stat().st_mode) == 0o700  # private again


CUT_AFTER_MOVE = """
import os, signal, sys
from pathlib import Path
import flows.promote as promote_module
def die(*args):
    os.kill(os.getpid(), signal.SIGKILL)
promote_module.promote = die  # killed between the move into release/ and the swap of `latest`
promote_module.publish(Path(sys.argv[1]), Path(sys.argv[2]), "run-new", Path(sys.argv[3]))
"""


def test_a_publication_cut_by_sigkill_is_undone_by_the_next_run(area):
    releases, built, journal = area
    done = subprocess.run([sys.executable, "-c", CUT_AFTER_MOVE, str(built), str(releases), str(journal)], cwd=REPO,
                          env={**os.environ, "PYTHONPATH": str(REPO)}, capture_output=True)
    assert done.returncode == -signal.SIGKILL
    assert (releases / "run-new").is_dir() and journal.exists()  # moved, never promoted: what must not stay

    assert recover_interrupted_publish(releases, journal) == "run-new"

    assert sorted(p.name for p in releases.iterdir()) == ["latest", "run-old"]
    assert current_release(releases) == (releases / "run-old").resolve()
    assert (built / "manifest.json").exists() and not journal.exists()
    publish(built, releases, "run-new", journal)  # and it can still be published
    assert current_release(releases) == (releases / "run-new").resolve()


def test_recovery_keeps_a_publication_that_completed(area):
    releases, built, journal = area
    publish(built, releases, "run-new", journal)
    journal.write_text(json.dumps({"run_id": "run-new", "from": str(built)}))  # killed before removing it
    assert recover_interrupted_publish(releases, journal) is None
    assert current_release(releases) == (releases / "run-new").resolve() and not journal.exists()


def test_a_refused_run_keeps_latest_and_adds_no_folder(tmp_path):
    """End to end: `release/latest` is a folder; `clinic-anon run` refuses before it reads anything."""
    from click.testing import CliRunner

    from flows.cli import main

    out = tmp_path / "out"
    (out / "release" / "latest").mkdir(parents=True)
    before = snapshot(out / "release")
    result = CliRunner().invoke(main, ["run", "--source", str(REPO / "data_samples" / "sample"), "--out", str(out),
                                       "--no-progress"])
    assert result.exit_code == 2 and result.output.count("\n") == 1, result.output
    assert "is a folder, not a link to a release" in result.output
    assert snapshot(out / "release") == before and not (out / "private").exists()
