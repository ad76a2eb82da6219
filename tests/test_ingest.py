"""Ingest: accepted rows as typed Parquet, every other row quarantined with its reason; read = accepted + quarantined."""
from __future__ import annotations

import json
import stat
from datetime import timedelta
from pathlib import Path

import psycopg
import pyarrow as pa
import pyarrow.parquet as pq

from flows.config import Settings, SourceSettings
from flows.ingest import ingest
from flows.open_source import open_source
from flows.workarea import WorkArea

MEMBERS = [
    {"member_id": "tester01", "name": "가나다", "birth_date": "1990-05-01", "status": "active"},
    {"member_id": "tester02", "name": "라마바", "birth_date": "bad-date", "status": "active"},
]


def consultation(cid, **changes):
    return {"consultation_id": cid, "member_id": "tester01", "created_at": "2025-03-01T10:00:00",
            "deleted": False, "age": 35, "question": "리프팅 시술 후 붓기 문의", **changes}


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def quarantine_entries(result):
    with open(result.quarantine_file, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def test_every_row_is_accepted_or_quarantined_with_its_reason(tmp_path, write_source):
    folder = write_source(MEMBERS, [
        consultation("C1", referrer="naver"),
        consultation("C2", created_at="어제"),
        consultation("C1", question="중복"),
        consultation("C3", question="x" * 51),
        consultation("C4"),
    ])
    with open(folder / "consultations.jsonl", "a") as f:
        f.write('{"consultation_id": "C5", "broken\n')
    work = WorkArea(tmp_path / "out")

    result = ingest(open_source(str(folder), SourceSettings()), work, Settings(source={"text_max_chars": 50}), "run-1")

    assert result.read == {"members": 2, "consultations": 6}
    assert result.accepted == {"members": 1, "consultations": 2}
    assert result.quarantined == {"members": 1, "consultations": 4}
    for table in result.read:
        assert result.read[table] == result.accepted[table] + result.quarantined[table]
    assert result.quarantine_reasons == {
        "members": {"invalid:birth_date": 1},
        "consultations": {"invalid:created_at": 1, "duplicate:consultation_id": 1, "too_long:question": 1,
                          "malformed_json": 1},
    }
    assert result.unknown_columns == {"members": {}, "consultations": {"referrer": 1}}

    entries = quarantine_entries(result)
    assert [(e["table"], e["row_number"], e["reason"]) for e in entries] == [
        ("members", 2, "invalid:birth_date"),
        ("consultations", 2, "invalid:created_at"),
        ("consultations", 3, "duplicate:consultation_id"),
        ("consultations", 4, "too_long:question"),
        ("consultations", 6, "malformed_json"),
    ]
    # What the steward needs to fix the row at the source, never the row itself (flows/quarantine.py).
    assert [(e["source_id"], e["field"]) for e in entries] == [
        ("tester02", "birth_date"), ("C2", "created_at"), ("C1", "consultation_id"), ("C3", "question"), (None, None)]
    assert all(set(e) == {"table", "row_number", "source_id", "reason", "field"} for e in entries)
    text = Path(result.quarantine_file).read_text(encoding="utf-8")
    assert "어제" not in text and "라마바" not in text and "broken" not in text and "중복" not in text

    accepted = pq.read_table(work.accepted / "consultations.parquet")
    assert accepted["consultation_id"].to_pylist() == ["C1", "C4"]
    assert "referrer" not in accepted.schema.names
    assert accepted.schema.field("created_at").type == pa.timestamp("us", tz="Asia/Seoul")
    assert accepted["created_at"][0].as_py().utcoffset() == timedelta(hours=9)
    assert accepted.schema.field("age").type == pa.int16()


def test_private_files_are_600_and_folders_700(tmp_path, write_source):
    folder = write_source(MEMBERS, [consultation("C1")])
    work = WorkArea(tmp_path / "out")

    result = ingest(open_source(str(folder), SourceSettings()), work, Settings(), "run-2")

    for path in (work.accepted / "members.parquet", work.accepted / "consultations.parquet",
                 work.quarantine / "run-2.jsonl"):
        assert mode(path) == 0o600, path
    for path in (work.private, work.accepted, work.quarantine):
        assert mode(path) == 0o700, path
    assert result.quarantine_file == str(work.quarantine / "run-2.jsonl")
    assert not list(work.accepted.glob("*.partial"))


def test_a_quarantined_duplicate_that_withdraws_or_deletes_excludes_the_accepted_one(tmp_path, write_source):
    folder = write_source(
        [MEMBERS[0], {**MEMBERS[0], "status": "withdrawn"}, {"member_id": "tester03", "status": "active"}],
        [consultation("C1"), consultation("C1", deleted=True), consultation("C2"), consultation("C2", deleted="N")])
    work = WorkArea(tmp_path / "out")

    result = ingest(open_source(str(folder), SourceSettings()), work, Settings(), "run-3")

    members = pq.read_table(work.accepted / "members.parquet").to_pylist()
    consultations = pq.read_table(work.accepted / "consultations.parquet").to_pylist()
    assert {m["member_id"]: m["status"] for m in members} == {"tester01": "withdrawn", "tester03": "active"}
    assert {c["consultation_id"]: c["deleted"] for c in consultations} == {"C1": True, "C2": False}
    assert result.exclusions_from_quarantine == {"members": 1, "consultations": 1}
    assert mode(work.accepted / "members.parquet") == 0o600


def test_postgres_extra_column_is_dropped_and_wrong_typed_value_quarantined(tmp_path, pg_database):
    with psycopg.connect(pg_database, autocommit=True) as conn:
        conn.execute("CREATE TABLE members (member_id text, status text, birth_date date, shoe_size int)")
        conn.execute("INSERT INTO members VALUES ('tester01', 'active', '1990-05-01', 250)")
        conn.execute("CREATE TABLE consultations (consultation_id text, member_id text, created_at timestamp, "
                     "deleted boolean, age text, question text, internal_memo text)")
        conn.execute("INSERT INTO consultations VALUES "
                     "('P1', 'tester01', '2025-03-01 10:00', false, '35', '필러 문의', 'memo a'), "
                     "('P2', 'tester01', '2025-03-02 10:00', false, '서른다섯', '보톡스 문의', NULL), "
                     "('P3', NULL, '2025-03-03 10:00', NULL, '40', '지방흡입 문의', NULL)")
    work = WorkArea(tmp_path / "out")

    result = ingest(open_source(pg_database, SourceSettings(chunk_rows=2)), work, Settings(), "run-pg")

    assert result.read == {"members": 1, "consultations": 3}
    assert result.accepted == {"members": 1, "consultations": 1}
    assert result.quarantine_reasons["consultations"] == {"invalid:age": 1, "missing:deleted": 1}
    assert result.unknown_columns == {"members": {"shoe_size": 1}, "consultations": {"internal_memo": 3}}
    accepted = pq.read_table(work.accepted / "consultations.parquet").to_pylist()
    assert [(c["consultation_id"], c["age"]) for c in accepted] == [("P1", 35)]
    assert accepted[0]["created_at"].utcoffset() == timedelta(hours=9)  # timestamp without zone: Seoul
    assert "shoe_size" not in pq.read_schema(work.accepted / "members.parquet").names
    assert result.source.startswith("postgresql://postgres@127.0.0.1:")


def test_every_format_and_encoding_gives_the_same_accepted_records(tmp_path, write_source):
    members = [MEMBERS[0], {"member_id": "tester03", "status": "withdrawn", "birth_date": None,
                            "marketing_consent": True, "withdrawn_at": "2025-01-02 03:04:05"}]
    consultations = [consultation("C1", sex="F", channel="kakao"),
                     consultation("C2", member_id=None, age=None, deleted=True, created_at="2025-03-02T01:00:00Z")]
    accepted = {}
    for fmt in ("jsonl", "csv", "parquet", "cp949"):
        folder = write_source(members, consultations, fmt="csv" if fmt == "cp949" else fmt, name=fmt)
        if fmt == "cp949":
            for path in folder.iterdir():
                path.write_bytes(path.read_text(encoding="utf-8").encode("cp949"))
        work = WorkArea(tmp_path / f"out-{fmt}")
        result = ingest(open_source(str(folder), SourceSettings()), work, Settings(), "run")
        assert result.quarantined == {"members": 0, "consultations": 0}, fmt
        accepted[fmt] = {t: pq.read_table(work.accepted / f"{t}.parquet").to_pylist()
                         for t in ("members", "consultations")}

    assert accepted["jsonl"]["consultations"][0]["question"] == "리프팅 시술 후 붓기 문의"
    assert accepted["jsonl"]["members"][1]["withdrawn_at"].utcoffset() == timedelta(hours=9)
    assert accepted["csv"] == accepted["jsonl"]
    assert accepted["parquet"] == accepted["jsonl"]
    assert accepted["cp949"] == accepted["jsonl"]
