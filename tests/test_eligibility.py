"""Eligibility under the clinics' terms: deleted, withdrawn, unknown member, retention, under 14, precedence."""
from __future__ import annotations

import stat
from datetime import date

import pyarrow.parquet as pq
import pytest

from flows.config import Settings, SourceSettings
from flows.eligibility import apply_eligibility
from flows.ingest import ingest
from flows.open_source import open_source
from flows.workarea import WorkArea

AS_OF = date(2026, 3, 10)
ADULT = {"member_id": "adult01", "status": "active", "birth_date": "1990-05-01"}


def consultation(cid, member_id="adult01", created_at="2025-06-01T10:00:00", **changes):
    return {"consultation_id": cid, "member_id": member_id, "created_at": created_at, "deleted": False,
            "age": None, **changes}


@pytest.fixture
def decide(tmp_path, write_source):
    """Ingest the given records, apply eligibility, return (result, {consultation_id: output row})."""
    def run(members, consultations, as_of=AS_OF, **eligibility):
        folder = write_source(members, consultations)
        work = WorkArea(tmp_path / "out")
        settings = Settings(eligibility=eligibility)
        ingest(open_source(str(folder), SourceSettings()), work, settings, "run")
        result = apply_eligibility(work, settings, as_of)
        rows = pq.read_table(work.eligible / "consultations.parquet").to_pylist()
        return result, {r["consultation_id"]: r for r in rows}

    return run


def reasons(rows):
    return {cid: row["exclusion_reason"] for cid, row in rows.items()}


def test_deleted_withdrawn_and_unknown_members_are_excluded(decide):
    members = [ADULT, {"member_id": "left01", "status": "withdrawn", "birth_date": "1990-01-01"},
               {"member_id": "left02", "status": "active", "birth_date": "1990-01-01",
                "withdrawn_at": "2025-01-01T00:00:00"}]
    result, rows = decide(members, [
        consultation("ok"), consultation("guest", member_id=None, age=30), consultation("del", deleted=True),
        consultation("w1", member_id="left01"), consultation("w2", member_id="left02"),
        consultation("ghost", member_id="nobody01"),
    ])

    assert reasons(rows) == {"ok": None, "guest": None, "del": "deleted", "w1": "withdrawn", "w2": "withdrawn",
                             "ghost": "unknown_member"}
    assert result.excluded == {"deleted": 1, "withdrawn": 2, "unknown_member": 1, "retention_expired": 0}
    assert (result.total, result.eligible) == (6, 2)


def test_retention_ends_on_the_fifth_anniversary_in_the_clinic_time_zone(decide):
    result, rows = decide([ADULT], [
        consultation("day_before", created_at="2021-03-09T12:00:00"),
        consultation("anniversary_late", created_at="2021-03-10T23:30:00+09:00"),
        consultation("next_day_in_seoul", created_at="2021-03-10T16:00:00Z"),  # 2021-03-11 01:00 in Seoul
        consultation("day_after", created_at="2021-03-11T00:00:00"),
    ])

    assert reasons(rows) == {"day_before": "retention_expired", "anniversary_late": "retention_expired",
                             "next_day_in_seoul": None, "day_after": None}
    assert result.due_for_destruction == 2


def test_retention_period_is_configurable(decide):
    _, rows = decide([ADULT], [consultation("a", created_at="2025-03-10T09:00:00"),
                               consultation("b", created_at="2025-03-11T09:00:00")], retention_years=1)
    assert reasons(rows) == {"a": "retention_expired", "b": None}


def test_under_14_by_birth_date_at_the_time_of_the_consultation(decide):
    child = {"member_id": "child01", "status": "active", "birth_date": "2011-03-01"}
    result, rows = decide([child], [
        consultation("13y", member_id="child01", created_at="2025-02-28T23:00:00"),
        consultation("14y", member_id="child01", created_at="2025-03-01T00:30:00"),
    ])

    assert {cid: (r["aggregate_only"], r["age_at_consultation"]) for cid, r in rows.items()} == \
        {"13y": (True, 13), "14y": (False, 14)}
    assert reasons(rows) == {"13y": None, "14y": None}
    assert result.aggregate_only == {"under_14": 1}
    assert result.eligible == 2  # aggregate-only records are eligible for aggregates


def test_under_14_by_the_consultations_age(decide):
    no_birth_date = {"member_id": "nobd01", "status": "active", "birth_date": None}
    _, rows = decide([ADULT, no_birth_date], [
        consultation("guest13", member_id=None, age=13), consultation("guest14", member_id=None, age=14),
        consultation("member12", member_id="nobd01", age=12),
        consultation("says13", age=13),  # the birth date says 35: the younger claim wins
        consultation("unknown_age", member_id=None),
    ])

    assert {cid: (r["aggregate_only"], r["age_at_consultation"]) for cid, r in rows.items()} == {
        "guest13": (True, 13), "guest14": (False, 14), "member12": (True, 12), "says13": (True, 35),
        "unknown_age": (False, None)}


def test_a_registered_guardian_without_any_age_means_under_14(decide):
    ward = {"member_id": "ward01", "status": "active", "birth_date": None, "guardian_name": "보호자테스트"}
    _, rows = decide([ward], [consultation("w", member_id="ward01")])
    assert rows["w"]["aggregate_only"] is True


def test_one_reason_per_record_in_precedence_order(decide):
    members = [ADULT, {"member_id": "left01", "status": "withdrawn", "birth_date": "2015-01-01"}]
    old = "2019-01-01T10:00:00"
    result, rows = decide(members, [
        consultation("del_withdrawn_old", member_id="left01", created_at=old, deleted=True),
        consultation("withdrawn_old", member_id="left01", created_at=old),
        consultation("unknown_old", member_id="nobody01", created_at=old),
        consultation("old_child", member_id=None, created_at=old, age=10),
        consultation("deleted_child", member_id=None, age=10, deleted=True),
    ])

    assert reasons(rows) == {"del_withdrawn_old": "deleted", "withdrawn_old": "withdrawn",
                             "unknown_old": "unknown_member", "old_child": "retention_expired",
                             "deleted_child": "deleted"}
    assert not any(r["aggregate_only"] for r in rows.values())  # under_14 only marks otherwise eligible records
    assert result.aggregate_only == {"under_14": 0}
    assert result.due_for_destruction == 4  # past retention whatever excluded them first
    assert result.eligible == 0


def test_output_keeps_every_accepted_column_and_is_private(decide, tmp_path):
    result, rows = decide([ADULT], [consultation("ok", question="필러 상담")])
    work = WorkArea(tmp_path / "out")

    accepted = pq.read_schema(work.accepted / "consultations.parquet").names
    eligible = pq.read_schema(work.eligible / "consultations.parquet")
    assert eligible.names == accepted + ["exclusion_reason", "aggregate_only", "age_at_consultation"]
    assert str(eligible.field("created_at").type) == "timestamp[us, tz=Asia/Seoul]"
    assert rows["ok"]["question"] == "필러 상담"
    assert stat.S_IMODE((work.eligible / "consultations.parquet").stat().st_mode) == 0o600
    assert result.path == str(work.eligible / "consultations.parquet")
    assert result.as_of == "2026-03-10"
