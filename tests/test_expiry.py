"""Private-area expiry with an injected clock, the access-record limit, staging pruned to eligible records,
the list to destroy, and quarantine entries of erased people (fast; tests/test_lifecycle.py has the real runs)."""
from __future__ import annotations

import json
import os
import stat
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from flows import quarantine
from flows.config import LifecycleSettings, Settings, SourceSettings
from flows.destroy_list import destroy_list_file
from flows.eligibility import apply_eligibility
from flows.expiry import access_record_cutoff, expire_private_area, prune_staging, run_time
from flows.ingest import ingest
from flows.retention import contents_file
from flows.open_source import open_source
from flows.workarea import WorkArea, make_private_dir

NOW = datetime(2026, 11, 23, 1, 0, tzinfo=timezone.utc)
AS_OF = date(2026, 11, 22)


@pytest.fixture
def work(tmp_path) -> WorkArea:
    return WorkArea(tmp_path / "out").ensure()


def stamp(days_ago: float) -> str:
    return f"{NOW - timedelta(days=days_ago):%Y%m%dT%H%M%SZ}-abcdef"


def test_run_ids_carry_their_time():
    assert run_time("20261123T010000Z-abcdef.jsonl") == NOW
    assert run_time("notes.jsonl") is None


def test_quarantine_and_run_folders_expire_after_their_limits(work):
    (work.quarantine / f"{stamp(31)}.jsonl").write_text("{}\n")
    (work.quarantine / f"{stamp(29)}.jsonl").write_text("{}\n")
    undated = work.quarantine / "copied-in.jsonl"
    undated.write_text("{}\n")
    os.utime(undated, (NOW.timestamp() - 40 * 86400,) * 2)  # no run id: its modification time counts
    runs = work.private / "runs"
    old, young, current = runs / stamp(8), runs / stamp(6), runs / stamp(100)
    for folder in (old, young, current):
        make_private_dir(folder / "chunks")
        (folder / "chunks" / "chunk-000000.parquet").write_bytes(b"raw")
        (folder / "leak_report.md").write_text("report")
    contents_file(work, old.name).parent.mkdir(parents=True, exist_ok=True)
    contents_file(work, old.name).write_bytes(b"ids")

    removed = expire_private_area(work, NOW, LifecycleSettings(quarantine_max_age_days=30, scratch_max_age_days=7),
                                  current_run=current.name)

    assert sorted(p.name for p in work.quarantine.iterdir()) == [f"{stamp(29)}.jsonl"]
    assert not old.exists() and not contents_file(work, old.name).exists()
    assert (young / "leak_report.md").exists()  # (a dead run's raw chunks go before: test_leftovers)
    assert (current / "chunks" / "chunk-000000.parquet").exists()  # the running run's own
    assert removed == {"quarantine_files": 2, "run_folders": 1}


def test_the_run_folder_of_a_kept_release_expires_but_its_contents_stay(work):
    rid = stamp(40)
    make_private_dir(work.private / "runs" / rid)
    work.release_dir(rid).mkdir(parents=True)
    contents_file(work, rid).parent.mkdir(parents=True, exist_ok=True)
    contents_file(work, rid).write_bytes(b"ids")
    expire_private_area(work, NOW, LifecycleSettings(), current_run="other")
    assert not (work.private / "runs" / rid).exists() and contents_file(work, rid).exists()


def test_the_access_record_cutoff_is_three_calendar_months_before_as_of():
    cutoff = access_record_cutoff(date(2026, 5, 31), 3, "Asia/Seoul")
    assert cutoff.isoformat() == "2026-02-28T00:00:00+09:00"


def member(mid: str, **changes) -> dict:
    return {"member_id": mid, "name": "홍길순", "birth_date": "1988-04-02", "phone": "010-2222-3333",
            "status": "active", **changes}


def consultation(cid: str, created_at: str, member_id: str = "m-kept", **changes) -> dict:
    return {"consultation_id": cid, "member_id": member_id, "created_at": created_at, "deleted": False, "age": 37,
            "ip_address": "203.0.113.77", "question": "코끝 성형 문의", **changes}


@pytest.fixture
def decided(tmp_path, write_source):
    """A source with every kind of exclusion, ingested and decided as of AS_OF."""
    folder = write_source(
        [member("m-kept"), member("m-left", status="withdrawn", phone="010-4444-5555"), member("m-idle")],
        [consultation("C-recent", "2026-10-01T10:00:00+09:00"),
         consultation("C-month4", "2026-07-20T10:00:00+09:00"),
         consultation("C-deleted", "2026-06-01T10:00:00+09:00", deleted=True),
         consultation("C-left", "2026-06-01T10:00:00+09:00", member_id="m-left"),
         consultation("C-ancient", "2021-11-22T10:00:00+09:00"),
         consultation("C-ancient-left", "2020-01-05T10:00:00+09:00", member_id="m-left"),
         consultation("C-left", "2026-06-01T10:00:00+09:00", member_id="m-left"),   # a duplicate: quarantined
         consultation("C-broken", "not a date")])
    work = WorkArea(tmp_path / "out")
    settings = Settings(as_of=AS_OF)
    result = ingest(open_source(str(folder), SourceSettings()), work, settings, "20261123T010000Z-000001")
    eligibility = apply_eligibility(work, settings, AS_OF)
    return work, result, eligibility


def test_ip_addresses_older_than_the_limit_are_never_stored(decided):
    work, _, _ = decided
    ips = {r["consultation_id"]: r["ip_address"] for r in pq.read_table(work.accepted / "consultations.parquet").to_pylist()}
    assert ips["C-recent"] == "203.0.113.77"  # within three months
    assert ips["C-month4"] is None and ips["C-ancient"] is None


def test_the_list_to_destroy_holds_the_ids_past_retention_and_nothing_else(decided):
    work, _, eligibility = decided
    path = destroy_list_file(work)
    assert path.read_text().split() == ['"consultation_id"', '"C-ancient"', '"C-ancient-left"']
    assert eligibility.due_for_destruction == 2 and eligibility.destroy_list == "private/due_for_destruction.csv"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_staging_keeps_only_eligible_records_after_pruning(decided):
    work, _, eligibility = decided
    removed = prune_staging(work)
    eligible = pq.read_table(work.eligible / "consultations.parquet").to_pylist()
    assert sorted(r["consultation_id"] for r in eligible) == ["C-month4", "C-recent"]
    assert all(r["exclusion_reason"] is None for r in eligible)
    accepted = pq.read_table(work.accepted / "consultations.parquet").column("consultation_id").to_pylist()
    assert sorted(accepted) == ["C-month4", "C-recent"]
    members = pq.read_table(work.accepted / "members.parquet").column("member_id").to_pylist()
    assert members == ["m-kept"]  # the withdrawn member and the one with nothing eligible are gone
    assert removed == {"consultations": sum(eligibility.excluded.values()), "members": 2}
    for path in (work.eligible / "consultations.parquet", work.accepted / "members.parquet"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    raw = b"".join(p.read_bytes() for p in work.staging.rglob("*.parquet"))
    assert b"010-4444-5555" not in raw


def test_quarantine_entries_hold_no_record_and_erased_peoples_entries_are_scrubbed(decided):
    work, result, _ = decided
    entries = [json.loads(line) for line in Path(result.quarantine_file).read_text().splitlines()]
    assert [(e["source_id"], e["reason"], e["field"]) for e in entries] == [
        ("C-left", "duplicate:consultation_id", "consultation_id"), ("C-broken", "invalid:created_at", "created_at")]
    older = work.quarantine / "20261101T000000Z-000000.jsonl"  # an older run's file, in the old shape with the raw row
    older.write_text(json.dumps({"table": "members", "row_number": 2, "reason": "invalid:birth_date",
                                 "record": {"member_id": "m-left", "phone": "010-4444-5555"}}) + "\n" +
                     json.dumps({"table": "consultations", "row_number": 9, "reason": "invalid:age",
                                 "record": {"consultation_id": "C-recent", "phone": "010-9999-0000"}}) + "\n")

    assert quarantine.scrub(work) == 2  # C-left (withdrawn member's consultation) and m-left's member row

    assert [json.loads(line) for line in Path(result.quarantine_file).read_text().splitlines()] == [entries[1]]
    assert [json.loads(line) for line in older.read_text().splitlines()] == [
        {"table": "consultations", "row_number": 9, "source_id": "C-recent", "reason": "invalid:age", "field": "age"}]
    assert "010-" not in older.read_text()
    assert stat.S_IMODE(older.stat().st_mode) == 0o600
