"""Change detection that cannot miss an edit (issue #20): the chunk planner compares keyed content
fingerprints, not timestamps.

These tests run the real ingest, eligibility and planner on small sources and stand in for the
anonymiser by staging each planned record with its fingerprint (what compaction keeps); the
full flow with a backdated edit is test_signals.py::test_a_backdated_edit_shows_in_the_next_release.
"""
from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from anonymise.keys import pseudonym
from flows.anonymise_stage import CURRENT, FINGERPRINT, STAGING_PURPOSE, fingerprint_key, plan_chunks
from anonymise.settings import AnonymiseSettings
from flows.config import Settings
from flows.eligibility import apply_eligibility
from flows.ingest import ingest
from flows.open_source import open_source
from contract.staging import ANONYMISED_CONSULTATIONS
from flows.workarea import WorkArea

AS_OF = date(2026, 11, 22)
KEY = bytes(range(32))
WATERMARK = datetime.fromisoformat("2026-06-01T00:00:00+09:00")  # after every timestamp below


def members() -> list[dict]:
    return [{"member_id": f"m{i}", "name": f"테스터{i}", "birth_date": "1990-01-01", "status": "active",
             "address": "서울 강남구 가상로 1"} for i in range(3)]


def consultations() -> list[dict]:
    return [{"consultation_id": f"C{i}", "member_id": f"m{i % 3}", "created_at": "2026-01-0{}T10:00:00+09:00".format(i + 1),
             "updated_at": "2026-02-01T10:00:00+09:00", "deleted": False, "age": 36,
             "question": f"질문 {i} 입니다"} for i in range(6)]


class Stage:
    """A work area that ingests a source, plans, and stages what was planned (as compaction would)."""

    def __init__(self, tmp_path: Path):
        self.tmp_path = tmp_path
        self.work = WorkArea(tmp_path / "out").ensure()
        self.runs = 0

    def plan(self, members: list[dict], consultations: list[dict], fp_key: bytes | None = None,
             watermark: datetime | None = None):
        self.runs += 1
        source = self.tmp_path / f"source{self.runs}"
        source.mkdir()
        for table, rows in (("members", members), ("consultations", consultations)):
            (source / f"{table}.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
        settings = Settings(as_of=AS_OF)
        ingest(open_source(str(source), settings.source), self.work, settings, f"run{self.runs}")
        apply_eligibility(self.work, settings, AS_OF)
        plan = plan_chunks(self.work, f"run{self.runs}", KEY, "seed", watermark, 4,
                           fp_key or fingerprint_key(KEY, AnonymiseSettings()))
        planned = pa.concat_tables([pq.read_table(c) for c in plan.chunks]) if plan.chunks else None
        self._stage(planned)
        return plan, sorted(planned.column("consultation_id").to_pylist()) if planned else []

    def _stage(self, planned: pa.Table | None) -> None:
        current = self.work.anonymised / CURRENT
        rows = {r["pseudo_consultation_id"]: r for r in pq.read_table(current).to_pylist()} if current.exists() else {}
        for cid, fp in zip(planned.column("consultation_id").to_pylist() if planned else [],
                           planned.column(FINGERPRINT).to_pylist() if planned else []):
            pid = pseudonym(KEY, cid, STAGING_PURPOSE)
            rows[pid] = {"pseudo_consultation_id": pid, FINGERPRINT: fp}
        table = pa.Table.from_pylist([{f.name: r.get(f.name) for f in ANONYMISED_CONSULTATIONS} for r in rows.values()],
                                     schema=ANONYMISED_CONSULTATIONS)
        pq.write_table(table, current)


@pytest.fixture
def stage(tmp_path) -> Stage:
    return Stage(tmp_path)


def test_nothing_changed_nothing_to_do(stage):
    first, ids = stage.plan(members(), consultations())
    assert first.todo == 6 and ids == [f"C{i}" for i in range(6)]
    again, ids = stage.plan(members(), consultations(), watermark=WATERMARK)
    assert (again.todo, again.kept, ids) == (0, 6, [])


def test_a_backdated_edit_and_a_members_new_address_are_found_whatever_the_timestamps(stage):
    stage.plan(members(), consultations())
    edited = consultations()
    edited[1]["question"] = "수정된 질문 입니다"
    edited[1]["updated_at"] = "2025-12-01T10:00:00+09:00"  # earlier than before: a restored backup, clock skew
    moved = members()
    moved[2]["address"] = "부산 해운대구 가상로 9"  # the deny list reads it: C2 and C5 must be done again

    plan, ids = stage.plan(moved, edited, watermark=WATERMARK)

    assert ids == ["C1", "C2", "C5"]
    assert (plan.todo, plan.kept, plan.changed_behind_watermark) == (3, 3, 3)


def test_any_column_of_the_record_counts(stage):
    stage.plan(members(), consultations())
    edited = consultations()
    edited[4]["answered_by"] = "김의사"  # dropped by the policy but read by the deny list
    edited[5]["age"] = 37
    _, ids = stage.plan(members(), edited, watermark=WATERMARK)
    assert ids == ["C4", "C5"]


@pytest.mark.parametrize("change", [{"score_threshold": 0.6}, {"policy_file": "edited"}])
def test_a_new_detector_setting_or_policy_redoes_everything(stage, tmp_path, change):
    stage.plan(members(), consultations())
    if change.get("policy_file") == "edited":
        edited = tmp_path / "policy.toml"
        edited.write_text(AnonymiseSettings().policy_file.read_text() + "\n# reviewed again\n")
        change = {"policy_file": edited}
    plan, _ = stage.plan(members(), consultations(), fp_key=fingerprint_key(KEY, AnonymiseSettings(**change)))
    assert plan.todo == 6


def test_settings_that_do_not_shape_the_output_keep_the_fingerprints():
    assert fingerprint_key(KEY, AnonymiseSettings(workers=7, chunk_records=5)) == fingerprint_key(KEY, AnonymiseSettings())
    assert fingerprint_key(KEY, AnonymiseSettings()) != fingerprint_key(bytes(32), AnonymiseSettings())


def test_rows_staged_before_fingerprints_existed_are_all_redone(stage):
    stage.plan(members(), consultations())
    current = stage.work.anonymised / CURRENT
    pq.write_table(pq.read_table(current).drop_columns([FINGERPRINT]), current)  # an older version's staging
    plan, _ = stage.plan(members(), consultations(), watermark=WATERMARK)
    assert plan.todo == 6 and plan.changed_behind_watermark == 6
