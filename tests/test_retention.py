"""Release retention and erasure on real folders and contents files (fast; tests/test_lifecycle.py has the real runs)."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from flows import retention
from flows.promote import current_release, promote
from flows.release_catalog import UnknownRelease, find_release, list_releases, prune
from flows.retention import Removal, apply, contents_file, plan
from flows.workarea import WorkArea, make_private_dir

EVERYONE = {"C1": True, "C2": True, "C3": False}


@pytest.fixture
def work(tmp_path) -> WorkArea:
    return WorkArea(tmp_path / "out").ensure()


def run_id(day: int) -> str:
    return f"202611{day:02d}T010000Z-00000{day % 10}"


def contents(work: WorkArea, rid: str, records: dict[str, bool]) -> None:
    make_private_dir(contents_file(work, rid).parent)
    pq.write_table(pa.table({"consultation_id": list(records), "record_level": list(records.values())}),
                   contents_file(work, rid))


def release(work: WorkArea, day: int, records: dict[str, bool] | None = EVERYONE, status: str = "promoted",
            published: bool = True, with_contents: bool = True) -> str:
    rid = run_id(day)
    folder = work.release_dir(rid) if published else make_private_dir(work.private / "runs" / rid / "release")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "academic.duckdb").write_bytes(b"x" * 100)
    (folder / "manifest.json").write_text(json.dumps({
        "run_id": rid, "status": status, "started_at": f"2026-11-{day:02d}T01:00:00+00:00",
        "check": {"passed": status == "promoted"},
        "releases": {"academic": {"info": {"k_achieved": 5}}, "advertiser": {"info": {"dp_epsilon": "off"}}},
        "lifecycle": {"key_epoch": {"epoch": 1}}}))
    if published:
        make_private_dir(work.private / "runs" / rid)
        (work.private / "runs" / rid / "leak_report.md").write_text("# Leak check: PASSED\n")
    if with_contents and records is not None:
        contents(work, rid, records)
    return rid


def test_only_the_newest_releases_are_kept_the_current_one_included(work):
    olds = [release(work, d) for d in (1, 2, 3, 4)]
    current = run_id(5)
    contents(work, current, EVERYONE)
    assert plan(work, current, keep=3) == [Removal(olds[1], "release", "retention"),
                                           Removal(olds[0], "release", "retention")]
    assert plan(work, current, keep=1) == [Removal(r, "release", "retention") for r in reversed(olds)]


def test_a_release_holding_an_erased_record_goes_whatever_its_age(work):
    kept = release(work, 1, {"C1": True})
    holder = release(work, 2, {**EVERYONE, "C9": True})            # C9 is gone now
    child = release(work, 3, {"C1": True, "C3": True})             # C3 is now aggregate-only (under 14)
    fine = release(work, 4, {"C1": True, "C3": False})             # aggregate-only then and now: fine
    current = run_id(5)
    contents(work, current, EVERYONE)
    assert plan(work, current, keep=10) == [Removal(child, "release", "erasure", 1),
                                            Removal(holder, "release", "erasure", 1)]
    assert {kept, fine} <= set(retention.promoted_releases(work))


def test_a_release_without_contents_is_unverifiable_and_goes(work):
    legacy = release(work, 1, with_contents=False)
    current = run_id(2)
    contents(work, current, EVERYONE)
    assert plan(work, current, keep=3) == [Removal(legacy, "release", "unverifiable")]


def test_private_builds_go_when_they_hold_an_erased_record_and_never_count_for_retention(work):
    blocked_fine = release(work, 1, EVERYONE, status="blocked", published=False)
    blocked_erased = release(work, 2, {"C7": True}, status="blocked", published=False)
    current = run_id(3)
    contents(work, current, EVERYONE)
    assert plan(work, current, keep=1) == [Removal(blocked_erased, "private build", "erasure", 1)]
    assert retention.private_builds(work) == [blocked_erased, blocked_fine]


def test_plan_needs_the_current_contents_and_never_lists_the_current_build(work):
    release(work, 1)
    with pytest.raises(FileNotFoundError):
        plan(work, run_id(9), keep=1)
    current = release(work, 2)
    assert all(r.run_id != current for r in plan(work, current, keep=1))


def test_apply_removes_folders_run_folders_and_contents_and_cleans_leftovers(work):
    old = release(work, 1)
    keep = release(work, 2)
    promote(work.releases, keep)
    blocked = release(work, 3, {"C7": True}, status="blocked", published=False)
    orphan = run_id(4)
    contents(work, orphan, EVERYONE)  # its build is gone
    interrupted = work.releases / ".removing-20261101T000000Z-000000"
    interrupted.mkdir()
    (interrupted / "academic.duckdb").write_bytes(b"half removed")
    apply(work, [Removal(old, "release", "retention"), Removal(blocked, "private build", "erasure", 1)])
    assert retention.promoted_releases(work) == [keep] and current_release(work.releases).name == keep
    assert not (work.private / "runs" / old).exists() and not (work.private / "runs" / blocked).exists()
    assert not contents_file(work, old).exists() and not contents_file(work, blocked).exists()
    assert not contents_file(work, orphan).exists() and contents_file(work, keep).exists()
    assert not interrupted.exists()


def test_prune_measures_against_latest(work):
    older = release(work, 1, {**EVERYONE, "C9": True})
    latest = release(work, 2)
    promote(work.releases, latest)
    assert prune(work, keep=3, dry_run=True) == [Removal(older, "release", "erasure", 1)]
    assert older in retention.promoted_releases(work)
    prune(work, keep=3)
    assert retention.promoted_releases(work) == [latest]


def test_prune_refuses_without_a_latest_or_its_contents(work):
    with pytest.raises(UnknownRelease):
        prune(work, keep=3)
    legacy = release(work, 1, with_contents=False)
    promote(work.releases, legacy)
    with pytest.raises(UnknownRelease, match="before contents were recorded"):
        prune(work, keep=3)


def test_the_catalog_lists_published_and_private_builds_newest_first(work):
    published = release(work, 1)
    promote(work.releases, published)
    blocked = release(work, 2, status="blocked", published=False)
    rows = [e.row() for e in list_releases(work)]
    assert [(r["run_id"], r["status"], r["where"], r["latest"], r["k"], r["epsilon"], r["key_epoch"]) for r in rows] == [
        (blocked, "blocked", "private", False, "5", "off", "1"), (published, "promoted", "release", True, "5", "off", "1")]
    assert rows[1]["bytes"] == sum(p.stat().st_size for p in work.release_dir(published).iterdir())
    assert find_release(work, None).run_id == published and find_release(work, blocked).status == "blocked"
    with pytest.raises(UnknownRelease):
        find_release(work, "nope")
    assert os.readlink(work.latest) == published


def test_releases_prune_and_verify_through_the_cli(work):
    from click.testing import CliRunner

    from flows.cli import main

    older = release(work, 1)
    latest = release(work, 2)
    promote(work.releases, latest)
    dry = CliRunner().invoke(main, ["releases", "prune", "--out", str(work.out), "--keep", "1", "--dry-run"])
    assert dry.exit_code == 0 and dry.output.strip() == f"would remove: release {older}: retention"
    assert older in retention.promoted_releases(work)
    done = CliRunner().invoke(main, ["releases", "prune", "--out", str(work.out), "--keep", "1"])
    assert done.exit_code == 0 and retention.promoted_releases(work) == [latest]
    again = CliRunner().invoke(main, ["releases", "prune", "--out", str(work.out)])
    assert again.exit_code == 0 and again.output.strip() == "removed: nothing removed"
    sample = str(Path(__file__).resolve().parent.parent / "data_samples" / "sample")
    unknown = CliRunner().invoke(main, ["releases", "verify", "--out", str(work.out), "--source", sample, "nope"])
    assert unknown.exit_code == 2 and "no release nope" in unknown.output


def test_releases_list_of_an_empty_out(work):
    from click.testing import CliRunner

    from flows.cli import main

    result = CliRunner().invoke(main, ["releases", "list", "--out", str(work.out)])
    assert result.exit_code == 0 and "no releases" in result.output
