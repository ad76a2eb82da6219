"""Sources: folders of JSONL/CSV/Parquet (UTF-8 and CP949) and PostgreSQL, read in chunks; clean errors."""
from __future__ import annotations

import json
import os

import psycopg
import pytest

from flows.config import SourceSettings
from flows.sources import SourceError, UnparsedRow, detect_csv_encoding
from flows.open_source import open_source

MEMBERS = [
    {"member_id": "tester01", "name": "가나다", "birth_date": "1990-05-01", "status": "active"},
    {"member_id": "tester02", "name": "라마바", "birth_date": None, "status": "withdrawn"},
]
CONSULTATIONS = [
    {"consultation_id": f"T{i:03d}", "member_id": "tester01", "created_at": "2025-03-01T10:00:00",
     "deleted": False, "age": 35, "question": f"쌍꺼풀 수술 상담 {i}번 문의드립니다"}
    for i in range(5)
]


def rows(source, table):
    return [row for chunk in source.iter_chunks(table) for row in chunk]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_every_file_format_yields_all_rows_in_chunks(write_source, fmt):
    folder = write_source(MEMBERS, CONSULTATIONS, fmt=fmt)
    source = open_source(str(folder), SourceSettings(chunk_rows=2))

    chunks = list(source.iter_chunks("consultations"))

    assert [len(c) for c in chunks] == [2, 2, 1]
    assert [r["consultation_id"] for c in chunks for r in c] == [c["consultation_id"] for c in CONSULTATIONS]
    assert chunks[0][0]["question"] == CONSULTATIONS[0]["question"]
    assert [r["member_id"] for r in rows(source, "members")] == ["tester01", "tester02"]
    assert source.describe() == f"files in {folder}"


def test_several_files_per_table_are_read_in_name_order_and_others_ignored(write_source):
    folder = write_source(MEMBERS, CONSULTATIONS[:2])
    (folder / "consultations-2026.jsonl").write_text(json.dumps(CONSULTATIONS[4]) + "\n")
    (folder / "notes.txt").write_text("not a table")
    source = open_source(str(folder), SourceSettings())

    assert [r["consultation_id"] for r in rows(source, "consultations")] == ["T004", "T000", "T001"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp949"])
def test_korean_csv_is_decoded_whatever_its_encoding(tmp_path, encoding):
    header = "consultation_id,member_id,created_at,deleted,age,question\n"
    # An ASCII-only first block must not fool detection: the Korean text comes after 70 KB.
    filler = "".join(f"A{i:05d},,2025-01-01 09:00,N,30,plain ascii question\n" for i in range(1500))
    korean = "K00001,,2025-01-01 09:00,N,30,\"코 성형, 비용이 궁금합니다\"\n"
    (tmp_path / "consultations.csv").write_bytes((header + filler + korean).encode(encoding))
    (tmp_path / "members.csv").write_bytes("member_id,status,birth_date\n".encode(encoding))

    source = open_source(str(tmp_path), SourceSettings())
    read = rows(source, "consultations")

    assert detect_csv_encoding(tmp_path / "consultations.csv") == encoding
    assert len(read) == 1501
    assert read[-1]["question"] == "코 성형, 비용이 궁금합니다"
    assert read[-1]["member_id"] is None  # an empty CSV field is a null
    assert list(read[0])[0] == "consultation_id"  # no BOM in the first column's name


def test_forced_csv_encoding_is_used(tmp_path):
    (tmp_path / "members.csv").write_bytes("member_id,status,birth_date,name\nx1,active,,김하늘\n".encode("euc-kr"))
    (tmp_path / "consultations.csv").write_text("consultation_id,member_id,created_at,deleted,age\n")

    source = open_source(str(tmp_path), SourceSettings(csv_encoding="euc-kr"))

    assert rows(source, "members")[0]["name"] == "김하늘"


def test_unparseable_lines_become_unparsed_rows_not_errors(tmp_path):
    (tmp_path / "members.jsonl").write_bytes(
        b'{"member_id": "ok1", "status": "active"}\n{"member_id": "broken\n\n[1, 2]\n'
        + '{"member_id": "캐릭터"}\n'.encode("cp949") + b'{"member_id": "ok2", "status": "active"}\n')
    (tmp_path / "consultations.csv").write_bytes(
        b"consultation_id,member_id,created_at,deleted,age,question\nC1,,2025-01-01,N,30,ok\nC2,only-two-fields\n"
        + "C3,,2025-01-01,N,30,코 필러\n".encode("cp949"))

    source = open_source(str(tmp_path), SourceSettings(csv_encoding="utf-8"))
    members, consultations = rows(source, "members"), rows(source, "consultations")

    assert [r.reason if isinstance(r, UnparsedRow) else r["member_id"] for r in members] == \
        ["ok1", "malformed_json", "malformed_json", "invalid_encoding", "ok2"]
    assert [r.reason if isinstance(r, UnparsedRow) else r["consultation_id"] for r in consultations] == \
        ["C1", "malformed_csv", "invalid_encoding"]
    json.dumps(members + consultations, ensure_ascii=False).encode("utf-8")  # quarantine-writable


def test_fingerprint_is_stable_and_changes_with_the_files(write_source):
    folder = write_source(MEMBERS, CONSULTATIONS)
    before = open_source(str(folder), SourceSettings()).fingerprint()
    assert open_source(str(folder), SourceSettings()).fingerprint() == before

    with open(folder / "consultations.jsonl", "a") as f:
        f.write(json.dumps(CONSULTATIONS[0]) + "\n")

    assert open_source(str(folder), SourceSettings()).fingerprint() != before


def test_unreadable_folders_raise_one_clean_line(tmp_path, write_source):
    def error(spec) -> str:
        with pytest.raises(SourceError) as info:
            open_source(str(spec), SourceSettings())
        message = str(info.value)
        assert "\n" not in message and "Traceback" not in message
        return message

    assert "does not exist" in error(tmp_path / "nowhere")
    assert "no source given" in error("")

    only_members = write_source(MEMBERS, [], name="no_consultations")
    os.remove(only_members / "consultations.jsonl")
    assert "no consultations file" in error(only_members)

    spreadsheet = write_source(MEMBERS, CONSULTATIONS, name="xlsx")
    (spreadsheet / "members-old.xlsx").write_bytes(b"PK\x03\x04")
    assert "unknown format of members-old.xlsx" in error(spreadsheet)

    no_created_at = write_source(MEMBERS, [{k: v for k, v in c.items() if k != "created_at"} for c in CONSULTATIONS],
                                 fmt="csv", name="no_created_at")
    message = error(no_created_at)
    assert "lacks required columns: created_at" in message
    assert "쌍꺼풀" not in message

    broken_parquet = write_source(MEMBERS, CONSULTATIONS, name="broken_parquet")
    (broken_parquet / "consultations-x.parquet").write_bytes(b"not parquet at all")
    assert "cannot read consultations-x.parquet" in error(broken_parquet)


# --------------------------------------------------------------------------- PostgreSQL


def test_postgres_tables_stream_in_chunks_through_a_server_side_cursor(load_into_postgres, write_source):
    folder = write_source(MEMBERS, CONSULTATIONS)
    url = load_into_postgres({"members": folder / "members.jsonl", "consultations": folder / "consultations.jsonl"})

    source = open_source(url, SourceSettings(chunk_rows=2))
    chunks = list(source.iter_chunks("consultations"))

    assert [len(c) for c in chunks] == [2, 2, 1]
    assert sorted(r["consultation_id"] for c in chunks for r in c) == [c["consultation_id"] for c in CONSULTATIONS]
    assert {r["member_id"] for r in rows(source, "members")} == {"tester01", "tester02"}
    assert source.describe().startswith("postgresql://postgres@127.0.0.1:")


def test_postgres_fingerprint_changes_when_a_consultation_is_deleted(load_into_postgres, write_source):
    folder = write_source(MEMBERS, CONSULTATIONS)
    url = load_into_postgres({"members": folder / "members.jsonl", "consultations": folder / "consultations.jsonl"})
    source = open_source(url, SourceSettings())
    before = source.fingerprint()
    assert source.fingerprint() == before

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("UPDATE consultations SET deleted = true WHERE consultation_id = 'T001'")

    assert source.fingerprint() != before


def test_postgres_problems_are_one_line_without_the_password(postgres_cluster, pg_database):
    def error(url) -> str:
        with pytest.raises(SourceError) as info:
            open_source(url, SourceSettings())
        message = str(info.value)
        assert "\n" not in message and "s3cret-Pw" not in message
        return message

    role = postgres_cluster.password_role
    with psycopg.connect(pg_database, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {role} LOGIN PASSWORD 'right-pw'")
        conn.execute("CREATE TABLE members (member_id text, status text)")
    try:
        wrong_password = postgres_cluster.url(pg_database.rsplit("/", 1)[1], role, "s3cret-Pw")
        message = error(wrong_password)
        assert "authentication failed" in message
        assert f"postgresql://{role}@127.0.0.1:{postgres_cluster.port}/" in message
    finally:
        with psycopg.connect(pg_database, autocommit=True) as conn:
            conn.execute(f"DROP ROLE {role}")

    closed_port = "postgresql://postgres@127.0.0.1:1/postgres"
    assert "cannot connect to postgresql://postgres@127.0.0.1:1/postgres" in error(closed_port)
    assert "no_such_db" in error(postgres_cluster.url("no_such_db"))
    assert "lacks required columns: birth_date" in error(pg_database)

    with psycopg.connect(pg_database, autocommit=True) as conn:
        conn.execute("DROP TABLE members")
    assert "table members not found" in error(pg_database)
