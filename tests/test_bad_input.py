"""The bad-input catalogue (issue #9): one test per hostile input.

Each hostile record is either quarantined with a clear reason or processed correctly, the run goes
on, and every row read is accounted for (read = accepted + quarantined). Most rows are tested at
the ingest level (fast, real files and a real PostgreSQL); text-level rows use the Redactor
directly; one full `clinic-anon run` over a source holding every hostile row proves the whole
flow completes, reconciles and releases nothing of them.

All people, numbers and addresses here are invented.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb
import psycopg
import pyarrow.parquet as pq
import pytest

from flows.config import Settings, SourceSettings
from flows.ingest import ingest
from flows.sources import SourceError
from flows.open_source import open_source
from flows.workarea import WorkArea

AS_OF = "2026-11-22"

# Invented personal values planted in hostile rows; none may reach a release.
PHONE = "010-4821-7395"
EMAIL = "haneul.yoon@example.org"
NAME = "윤하늘"


def member(member_id: str = "m-tester01", **changes) -> dict:
    return {"member_id": member_id, "name": "홍길순", "birth_date": "1988-04-02", "sex": "F",
            "phone": "010-2222-3333", "status": "active", **changes}


def consultation(cid: str, **changes) -> dict:
    return {"consultation_id": cid, "member_id": "m-tester01", "created_at": "2025-06-01T10:00:00+09:00",
            "deleted": False, "age": 37, "interested_area": "nose", "channel": "homepage",
            "question": "코끝 성형 후 붓기는 얼마나 가나요?", **changes}


def write_jsonl(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def source_folder(tmp_path: Path, members: list[dict], consultations: list[dict]) -> Path:
    folder = tmp_path / "source"
    folder.mkdir()
    write_jsonl(folder / "members.jsonl", members)
    write_jsonl(folder / "consultations.jsonl", consultations)
    return folder


def run_ingest(tmp_path: Path, spec: str | Path, **source_settings):
    """Ingest ``spec`` into a fresh work area; return (result, quarantine entries, accepted consultations)."""
    settings = Settings(source=source_settings, as_of=AS_OF)
    work = WorkArea(tmp_path / "out")
    result = ingest(open_source(str(spec), settings.source), work, settings, "run-bad-input")
    for table in result.read:
        assert result.read[table] == result.accepted[table] + result.quarantined[table], table
    with open(result.quarantine_file, encoding="utf-8") as f:
        entries = [json.loads(line) for line in f]
    accepted = pq.read_table(work.accepted / "consultations.parquet").to_pylist()
    return result, entries, accepted


def reasons(entries: list[dict]) -> dict[str, str]:
    """consultation_id (or the row number of a row without one) -> reason, for the consultations table."""
    return {e["source_id"] or f"row {e['row_number']}": e["reason"] for e in entries if e["table"] == "consultations"}


# --------------------------------------------------------------------------- file-level rows


def test_malformed_json_line_is_quarantined_and_the_rest_read(tmp_path):
    folder = source_folder(tmp_path, [member()], [consultation("C1"), consultation("C2")])
    with open(folder / "consultations.jsonl", "a", encoding="utf-8") as f:
        f.write('{"consultation_id": "C3", "question": "쌍꺼풀" \n')      # missing brace
        f.write("[1, 2, 3]\n")                                            # valid JSON, not a record
        f.write("not json at all\n")

    result, entries, accepted = run_ingest(tmp_path, folder)

    assert {r["consultation_id"] for r in accepted} == {"C1", "C2"}
    assert result.quarantine_reasons["consultations"] == {"malformed_json": 3}
    assert all(e["source_id"] is None and e["field"] is None for e in entries)  # nothing of the line is kept


def test_truncated_jsonl_file_quarantines_the_cut_record(tmp_path):
    folder = source_folder(tmp_path, [member()], [consultation("C1")])
    line = json.dumps(consultation("C2", question="눈매교정 재수술 문의"), ensure_ascii=False).encode()
    cut_in_a_character = line[: line.index("재".encode()) + 1]  # ends inside a 3-byte Hangul syllable
    with open(folder / "consultations.jsonl", "ab") as f:
        f.write(json.dumps(consultation("C3"), ensure_ascii=False).encode() + b"\n" + cut_in_a_character)

    result, _, accepted = run_ingest(tmp_path, folder)

    assert {r["consultation_id"] for r in accepted} == {"C1", "C3"}
    assert result.quarantine_reasons["consultations"] == {"invalid_encoding": 1}


def test_truncated_jsonl_file_cut_between_characters_is_malformed_json(tmp_path):
    folder = source_folder(tmp_path, [member()], [consultation("C1")])
    with open(folder / "consultations.jsonl", "a", encoding="utf-8") as f:
        f.write(json.dumps(consultation("C2"), ensure_ascii=False)[:-25])  # no newline, no closing brace

    result, _, accepted = run_ingest(tmp_path, folder)

    assert [r["consultation_id"] for r in accepted] == ["C1"]
    assert result.quarantine_reasons["consultations"] == {"malformed_json": 1}


def test_truncated_parquet_file_refuses_the_source_in_one_line(tmp_path, write_source):
    folder = write_source([member()], [consultation("C1"), consultation("C2")], fmt="parquet")
    data = (folder / "consultations.parquet").read_bytes()
    (folder / "consultations.parquet").write_bytes(data[: len(data) // 2])

    with pytest.raises(SourceError) as error:
        open_source(str(folder), SourceSettings())

    message = str(error.value)
    assert "consultations.parquet" in message and "\n" not in message


def test_invalid_utf8_line_is_quarantined(tmp_path):
    folder = source_folder(tmp_path, [member()], [consultation("C1")])
    with open(folder / "consultations.jsonl", "ab") as f:
        f.write(b'{"consultation_id": "C2", "question": "\xff\xfe bad bytes", "deleted": false}\n')
        f.write(json.dumps(consultation("C3")).encode() + b"\n")

    result, entries, accepted = run_ingest(tmp_path, folder)

    assert {r["consultation_id"] for r in accepted} == {"C1", "C3"}
    assert result.quarantine_reasons["consultations"] == {"invalid_encoding": 1}
    assert entries[0]["source_id"] is None and entries[0]["reason"] == "invalid_encoding"  # the line is not kept


def test_cp949_csv_declared_utf8_quarantines_korean_rows_and_keeps_ascii_ones(tmp_path):
    import pandas as pd

    folder = tmp_path / "source"
    folder.mkdir()
    write_jsonl(folder / "members.jsonl", [member()])
    rows = [consultation("C1", question="How long does swelling last after rhinoplasty?"),
            consultation("C2"), consultation("C3", question="지방흡입 비용 문의")]
    pd.DataFrame(rows).to_csv(folder / "consultations.csv", index=False, encoding="cp949")

    result, entries, accepted = run_ingest(tmp_path, folder, csv_encoding="utf-8")

    assert [r["consultation_id"] for r in accepted] == ["C1"]
    assert result.quarantine_reasons["consultations"] == {"invalid_encoding": 2}
    # The same file with its encoding detected reads every row.
    detected, _, all_rows = run_ingest(tmp_path / "detected", folder)
    assert len(all_rows) == 3 and detected.quarantined["consultations"] == 0


def test_empty_jsonl_files_give_an_empty_ingest(tmp_path):
    folder = tmp_path / "source"
    folder.mkdir()
    (folder / "members.jsonl").write_bytes(b"")
    (folder / "consultations.jsonl").write_bytes(b"\n\n")

    result, entries, accepted = run_ingest(tmp_path, folder)

    assert result.read == {"members": 0, "consultations": 0} and entries == [] and accepted == []


def test_empty_csv_file_refuses_the_source_in_one_line(tmp_path):
    folder = tmp_path / "source"
    folder.mkdir()
    write_jsonl(folder / "members.jsonl", [member()])
    (folder / "consultations.csv").write_bytes(b"")

    with pytest.raises(SourceError, match="lacks required columns") as error:
        open_source(str(folder), SourceSettings())
    assert "\n" not in str(error.value)


# --------------------------------------------------------------------------- value-level rows


def test_wrong_types_are_quarantined_by_field(tmp_path):
    folder = source_folder(tmp_path, [member()], [
        consultation("C1"),
        consultation("C2", age="서른일곱"),
        consultation("C3", deleted="maybe"),
        consultation("C4", created_at=20250601),
        consultation("C5", question={"nested": ["object"]}),
        consultation(["C6"]),
        consultation("C7", sex="unknown"),
        consultation(1008),  # a number id is read as text: processed, not rejected
    ])

    result, entries, accepted = run_ingest(tmp_path, folder)

    assert {r["consultation_id"] for r in accepted} == {"C1", "1008"}
    assert result.quarantine_reasons["consultations"] == {
        "invalid:age": 1, "invalid:deleted": 1, "invalid:created_at": 1, "invalid:question": 1,
        "invalid:consultation_id": 1, "invalid:sex": 1}


def test_missing_required_fields_are_quarantined(tmp_path):
    no_id = consultation("X")
    del no_id["consultation_id"]
    no_created = consultation("C2")
    del no_created["created_at"]
    folder = source_folder(tmp_path, [member(), {"member_id": "m-tester02", "name": "무상태"}],
                           [consultation("C1"), no_id, no_created, consultation("C3", deleted=None),
                            consultation("C4", consultation_id="  ")])

    result, _, accepted = run_ingest(tmp_path, folder)

    assert [r["consultation_id"] for r in accepted] == ["C1"]
    assert result.quarantine_reasons["consultations"] == {
        "missing:consultation_id": 2, "missing:created_at": 1, "missing:deleted": 1}
    assert result.quarantine_reasons["members"] == {"missing:status": 1}


def test_extra_columns_are_dropped_and_reported(tmp_path):
    folder = source_folder(tmp_path, [member(resident_no="900101-2345678")], [
        consultation("C1", referrer_url="https://blog.example/a", **{"'; DROP TABLE x; --": "1"}),
        consultation("C2", referrer_url="https://blog.example/b"),
    ])

    result, _, accepted = run_ingest(tmp_path, folder)

    assert len(accepted) == 2
    assert result.unknown_columns["consultations"] == {"referrer_url": 2, "'; DROP TABLE x; --": 1}
    assert result.unknown_columns["members"] == {"resident_no": 1}
    accepted_columns = pq.read_schema(tmp_path / "out" / "private" / "staging" / "accepted" / "members.parquet").names
    assert "resident_no" not in accepted_columns and "referrer_url" not in accepted[0]


def test_null_bytes_quarantine_the_record_in_jsonl_and_csv(tmp_path):
    import pandas as pd

    folder = source_folder(tmp_path, [member()], [consultation("C1"), consultation("C2", question="필러\x00 문의")])
    result, _, accepted = run_ingest(tmp_path, folder)
    assert [r["consultation_id"] for r in accepted] == ["C1"]
    assert result.quarantine_reasons["consultations"] == {"nul_byte:question": 1}

    csv_folder = tmp_path / "csv"
    csv_folder.mkdir()
    write_jsonl(csv_folder / "members.jsonl", [member()])
    pd.DataFrame([consultation("C1"), consultation("C2", title="리프팅\x00")]).to_csv(
        csv_folder / "consultations.csv", index=False)
    result, _, accepted = run_ingest(tmp_path / "csv-run", csv_folder)
    assert [r["consultation_id"] for r in accepted] == ["C1"]
    assert result.quarantine_reasons["consultations"] == {"nul_byte:title": 1}


def test_one_megabyte_question_is_quarantined_as_too_long(tmp_path):
    huge = ("보톡스 시술 후 주의사항 문의드립니다. " * 50_000)[:1_000_000]
    folder = source_folder(tmp_path, [member()], [consultation("C1"), consultation("C2", question=huge)])

    result, entries, accepted = run_ingest(tmp_path, folder)

    assert [r["consultation_id"] for r in accepted] == ["C1"]
    assert result.quarantine_reasons["consultations"] == {"too_long:question": 1}


def test_invisible_characters_in_structured_values_are_stripped_so_ids_and_values_match(tmp_path):
    folder = source_folder(tmp_path, [member(phone="010\u200b2222\u200f3333", name="홍\u200d길순")], [
        consultation("C1", member_id="m-tester01\u200b"),
        consultation("C\u200e1"),  # the same id behind a bidi mark: a duplicate, not a new record
    ])

    result, _, accepted = run_ingest(tmp_path, folder)

    assert [r["member_id"] for r in accepted] == ["m-tester01"]
    assert result.quarantine_reasons["consultations"] == {"duplicate:consultation_id": 1}
    members = pq.read_table(tmp_path / "out" / "private" / "staging" / "accepted" / "members.parquet").to_pylist()
    assert (members[0]["phone"], members[0]["name"]) == ("01022223333", "홍길순")


def test_html_script_and_sql_text_are_data_not_instructions(tmp_path):
    script = "<script>alert('x')</script><img src=x onerror=alert(1)> 코 재수술 문의"
    sql_text = "'); DROP TABLE consultations; -- 눈밑지방 재배치"
    folder = source_folder(tmp_path, [member()], [
        consultation("C1", question=script),
        consultation("C2'; DROP TABLE members; --", title=sql_text, question="1' OR '1'='1"),
    ])

    result, _, accepted = run_ingest(tmp_path, folder)

    by_id = {r["consultation_id"]: r for r in accepted}
    assert by_id["C1"]["question"] == script
    assert by_id["C2'; DROP TABLE members; --"]["title"] == sql_text
    assert result.accepted == {"members": 1, "consultations": 2}


def test_duplicate_ids_keep_the_first_and_quarantine_the_rest(tmp_path):
    folder = source_folder(tmp_path, [member(), member(name="다른사람")], [
        consultation("C1"), consultation("C1", question="두 번째"), consultation(" C1 "), consultation("C2")])

    result, _, accepted = run_ingest(tmp_path, folder)

    assert sorted(r["consultation_id"] for r in accepted) == ["C1", "C2"]
    assert next(r for r in accepted if r["consultation_id"] == "C1")["question"].startswith("코끝")
    assert result.quarantine_reasons == {"members": {"duplicate:member_id": 1},
                                         "consultations": {"duplicate:consultation_id": 2}}


def test_future_dates_are_quarantined_so_they_cannot_poison_the_watermark(tmp_path):
    folder = source_folder(tmp_path, [member(), member("m-future", birth_date="2030-01-01")], [
        consultation("C1", created_at="2026-11-22T23:59:59+09:00"),      # the as-of day itself: fine
        consultation("C2", created_at="2026-11-23T00:00:00+09:00"),
        consultation("C3", updated_at="2099-12-31T00:00:00"),
        consultation("C4", answered_at="2031-01-01T09:00:00Z", answer="네"),
    ])

    result, _, accepted = run_ingest(tmp_path, folder)

    assert [r["consultation_id"] for r in accepted] == ["C1"]
    assert result.quarantine_reasons["consultations"] == {
        "future:created_at": 1, "future:updated_at": 1, "future:answered_at": 1}
    assert result.quarantine_reasons["members"] == {"future:birth_date": 1}


def test_negative_and_absurd_ages_are_quarantined(tmp_path):
    folder = source_folder(tmp_path, [member(), member("m-old", birth_date="1850-01-01")], [
        consultation("C1"), consultation("C2", age=-3), consultation("C3", age=250),
        consultation("C4", age=10**12), consultation("C5", age=36.5), consultation("C6", age="NaN"),
        consultation("C7", age=0),  # a newborn's record is possible: kept (eligibility treats it as under 14)
    ])

    result, _, accepted = run_ingest(tmp_path, folder)

    assert sorted(r["consultation_id"] for r in accepted) == ["C1", "C7"]
    assert result.quarantine_reasons["consultations"] == {"invalid:age": 5}
    assert result.quarantine_reasons["members"] == {"invalid:birth_date": 1}


def test_full_width_digits_in_structured_numbers(tmp_path):
    folder = source_folder(tmp_path, [member(phone="０１０－２２２２－３３３３")],
                           [consultation("C1", age="３７"), consultation("C2")])

    result, _, accepted = run_ingest(tmp_path, folder)

    # Full-width digits are not a valid age: quarantined with a reason, not guessed.
    assert [r["consultation_id"] for r in accepted] == ["C2"]
    assert result.quarantine_reasons["consultations"] == {"invalid:age": 1}
    assert result.accepted["members"] == 1


def test_postgres_extra_column_and_wrong_types(tmp_path, pg_database):
    with psycopg.connect(pg_database, autocommit=True) as conn:
        conn.execute("""CREATE TABLE members (member_id text, name text, birth_date text, status text,
                        "secret note; DROP TABLE members" text)""")
        conn.execute("""CREATE TABLE consultations (consultation_id integer, member_id text, created_at text,
                        deleted text, age text, question text, referrer text)""")
        conn.execute("INSERT INTO members VALUES ('m1', '가나다', '1990-01-01', 'active', 'x'), "
                     "('m2', '라마바', 'not a date', 'active', NULL)")
        conn.execute("INSERT INTO consultations VALUES "
                     "(1, 'm1', '2025-05-01 10:00:00', 'false', '35', '필러 문의', 'naver'), "
                     "(2, 'm1', 'yesterday', 'false', '35', '보톡스 문의', NULL), "
                     "(3, 'm1', '2025-05-02 10:00:00', 'perhaps', '35', '리프팅', NULL), "
                     "(4, 'm1', '2025-05-03 10:00:00', 'f', '-1', '지방흡입', NULL)")

    result, entries, accepted = run_ingest(tmp_path, pg_database)

    assert [r["consultation_id"] for r in accepted] == ["1"]
    assert result.quarantine_reasons["consultations"] == {"invalid:created_at": 1, "invalid:deleted": 1,
                                                          "invalid:age": 1}
    assert result.quarantine_reasons["members"] == {"invalid:birth_date": 1}
    assert result.unknown_columns == {"members": {"secret note; DROP TABLE members": 2},
                                      "consultations": {"referrer": 4}}


def test_postgres_columns_of_unexpected_types_are_read_not_fatal(tmp_path, pg_database):
    with psycopg.connect(pg_database, autocommit=True) as conn:
        conn.execute("CREATE TABLE members (member_id text, birth_date date, status text, withdrawn_at json, "
                     "joined_at jsonb)")
        conn.execute("""CREATE TABLE consultations (consultation_id text, member_id text, created_at timestamptz,
                        updated_at json, deleted boolean, age numeric, question text)""")
        conn.execute("""INSERT INTO members VALUES ('m1', '1990-01-01', 'active', NULL, '"2024-01-01"'),
                        ('m2', '1991-01-01', 'active', '{"at": 1}', NULL)""")
        conn.execute("""INSERT INTO consultations VALUES
                        ('C1', 'm1', '2025-05-01 10:00+09', NULL, false, 35, '필러 문의'),
                        ('C2', 'm1', '2025-05-01 10:00+09', '"2025-05-02T10:00:00+09:00"', false, 35.0, '리프팅'),
                        ('C3', 'm1', '2025-05-01 10:00+09', '[1]', false, 35, '보톡스'),
                        ('C4', 'm1', '2025-05-01 10:00+09', NULL, false, 35.5, '실리프팅')""")

    result, _, accepted = run_ingest(tmp_path, pg_database)

    assert result.fingerprint  # the fingerprint query copes with json columns (max() over their text)
    # A JSON string holding a timestamp is a timestamp; a JSON array or object is not; 35.0 is an age, 35.5 not.
    assert sorted(r["consultation_id"] for r in accepted) == ["C1", "C2"]
    assert result.quarantine_reasons["consultations"] == {"invalid:updated_at": 1, "invalid:age": 1}
    assert result.quarantine_reasons["members"] == {"invalid:withdrawn_at": 1}


# --------------------------------------------------------------------------- text-level rows (Redactor)


@pytest.fixture(scope="module")
def redactor():
    import tldextract

    tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    from anonymise.redactor import Redactor

    return Redactor()


def redacted(redactor, text: str, **record) -> str:
    return redactor.redact({"consultation_id": "T1", "question": text, **record}).text["question"]


@pytest.mark.parametrize("phone", [
    "010\u200b4821-7395",      # zero-width space
    "010-4821\u200d-7395",     # zero-width joiner
    "010-4821-\ufeff7395",     # BOM
    "０１０－４８２１－７３９５",  # full-width digits and dash
    "０１０４８２１７３９５",
])
def test_phone_with_invisible_or_full_width_characters_is_caught(redactor, phone):
    out = redacted(redactor, f"연락처는 {phone} 입니다. 코끝 필러 상담 원해요")
    assert "4821" not in out and "7395" not in out and "４８２１" not in out
    assert "필러" in out and "코끝" in out


@pytest.mark.parametrize("text, record, left", [
    ("연락처 010-4821-\u200f7395 로 주세요. 안검하수 문의", {}, "7395"),
    ("안녕하세요 윤\u200f하늘입니다. 안검하수 문의", {"name": NAME}, "윤"),
    ("메일 haneul.yoon\u200f@example.org 로 주세요. 안검하수 문의", {}, "haneul"),
])
def test_a_bidi_mark_inside_a_phone_name_or_email_is_caught(redactor, text, record, left):
    out = redacted(redactor, text, **record)
    assert left not in out and "안검하수" in out


def test_phone_with_an_emoji_inside_is_caught(redactor):
    out = redacted(redactor, "연락처 010📞4821📞7395 로 주세요. 안검하수 문의")
    assert "4821" not in out and "7395" not in out


@pytest.mark.parametrize("text", [
    "안녕하세요 윤\u200b하늘입니다. 눈밑 지방재배치 문의드려요",
    "안녕하세요 윤하\u200c늘입니다. 눈밑 지방재배치 문의드려요",
])
def test_name_with_a_zero_width_character_inside_is_caught_by_the_record_deny_list(redactor, text):
    out = redacted(redactor, text, name=NAME)
    assert "하늘" not in out and "윤" not in out.split("입니다")[0].replace("<PERSON>", "")
    assert "지방재배치" in out


@pytest.mark.parametrize("email", [
    "haneul\u200b.yoon@example.org",
    "haneul.yoon@exam\u200dple.org",
    "ｈａｎｅｕｌ.ｙｏｏｎ＠example.org",
])
def test_email_with_invisible_or_full_width_characters_is_caught(redactor, email):
    out = redacted(redactor, f"결과는 {email} 로 보내주세요. 턱끝 보형물 문의")
    assert "haneul" not in out and "ｈａｎｅｕｌ" not in out and "example" not in out
    assert "보형물" in out


def test_html_and_script_text_keeps_markup_but_loses_the_personal_data(redactor):
    out = redacted(redactor, f"<p onclick=\"alert(1)\">전화 {PHONE}</p><script>x='{EMAIL}'</script> 보톡스")
    assert "4821" not in out and "haneul" not in out
    assert "<script>" in out and "보톡스" in out  # the text is data; escaping is the renderer's job


def test_sql_looking_text_is_redacted_like_any_text(redactor):
    out = redacted(redactor, f"'); DELETE FROM members WHERE phone='{PHONE}'; -- 실리프팅 문의")
    assert "4821" not in out and "DELETE FROM members" in out and "실리프팅" in out


# --------------------------------------------------------------------------- one full run
# The full run over the hostile source is shared by the reliability modules (security, idempotence,
# faults import run_cli, hostile_source and shared_hostile_run from here): a run costs minutes.

CHUNK_RECORDS = "20"  # several chunks from a small source: resume and idempotence cover chunking


def flow_env(prefect_home: Path, **extra) -> dict:
    """The environment of a CLI run: its own Prefect home, offline, one worker, small chunks.

    No CLINIC_ANON_KEY: the key file is created under OUT/private/keys (what the security tests check)
    unless a caller passes CLINIC_ANON_ANONYMISE__KEY_FILE to reuse one.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "CLINIC_ANON_", "PG"))}
    env.update(PREFECT_HOME=str(prefect_home), DO_NOT_TRACK="1", PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="90", CLINIC_ANON_ANONYMISE__WORKERS="1",
               CLINIC_ANON_ANONYMISE__CHUNK_RECORDS=CHUNK_RECORDS, **extra)
    return env


def cli_args(source: str | Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "flows.cli", "run", "--source", str(source), "--out", str(out),
            "--as-of", AS_OF, "--no-progress"]


def run_cli(source: str | Path, out: Path, prefect_home: Path, **env) -> subprocess.CompletedProcess:
    return subprocess.run(cli_args(source, out), env=flow_env(prefect_home, **env), capture_output=True,
                          text=True, timeout=900)


def hostile_source(folder: Path) -> dict[str, int]:
    """A generated source plus one hostile record per catalogue row; returns the expected reasons."""
    from data_samples.generator import generate

    generate(folder, n_consultations=60, seed=29)
    base = {"member_id": None, "created_at": "2025-09-01T10:00:00+09:00", "deleted": False, "age": 33,
            "interested_area": "eyes", "channel": "homepage", "language": "ko"}
    good = [
        {**base, "consultation_id": "H-script", "question": f"<script>alert('hostile')</script> 쌍꺼풀 문의 {PHONE}"},
        {**base, "consultation_id": "H-sql'; DROP TABLE consultations; --", "name": NAME,
         "question": f"'); DROP TABLE members; -- {NAME}입니다. 눈매교정 문의", "title": "1' OR '1'='1"},
        {**base, "consultation_id": "H-zw", "phone": PHONE, "question": "제 번호 010\u200b4821\u200f-7395 입니다. 안검하수"},
        {**base, "consultation_id": "H-extra", "referrer_url": "https://blog.example/x", "question": "트임 문의"},
    ]
    bad = [
        ({**base, "consultation_id": "H-nul", "question": "필러\x00"}, "nul_byte:question"),
        ({**base, "consultation_id": "H-big", "question": "가" * 1_000_000}, "too_long:question"),
        ({**base, "consultation_id": "H-age", "age": -4}, "invalid:age"),
        ({**base, "consultation_id": "H-old", "age": 999}, "invalid:age"),
        ({**base, "consultation_id": "H-future", "created_at": "2099-01-01T00:00:00+09:00"}, "future:created_at"),
        ({**base, "consultation_id": "H-type", "deleted": "perhaps"}, "invalid:deleted"),
        ({**base, "consultation_id": "H-missing", "created_at": None}, "missing:created_at"),
        ({**base, "consultation_id": "H-script"}, "duplicate:consultation_id"),
    ]
    with open(folder / "consultations.jsonl", "ab") as f:
        for row in good + [row for row, _ in bad]:
            f.write(json.dumps(row, ensure_ascii=False).encode() + b"\n")
        f.write(b'{"consultation_id": "H-broken", \n')
        f.write(b'{"consultation_id": "H-bytes", "question": "\xc0\xaf"}\n')
        f.write(json.dumps({**base, "consultation_id": "H-cut"}).encode()[:-20])  # truncated last line
    expected: dict[str, int] = {}
    for _, reason in bad:
        expected[reason] = expected.get(reason, 0) + 1
    expected.update({"malformed_json": 2, "invalid_encoding": 1})
    return expected


@dataclass(frozen=True)
class SharedRun:
    source: Path
    out: Path
    prefect_home: Path
    returncode: int
    stdout: str
    stderr: str
    expected_quarantine: dict[str, int]

    @property
    def key_file(self) -> Path:
        return self.out / "private" / "keys" / "pseudonym.key"


def shared_hostile_run(tmp_path_factory) -> SharedRun:
    """The full run over the hostile source, done once per pytest session (under its basetemp) and
    reused by every module that calls this; a module run alone does it itself."""
    base = tmp_path_factory.getbasetemp() / "shared-hostile-run"
    record = base / "result.json"
    if not record.exists():
        shutil.rmtree(base, ignore_errors=True)  # an interrupted earlier attempt
        base.mkdir()
        expected = hostile_source(base / "source")
        result = run_cli(base / "source", base / "out", base / "prefect-home")
        record.write_text(json.dumps({"returncode": result.returncode, "stdout": result.stdout,
                                      "stderr": result.stderr, "expected": expected}))
    data = json.loads(record.read_text())
    return SharedRun(base / "source", base / "out", base / "prefect-home", data["returncode"], data["stdout"],
                     data["stderr"], data["expected"])


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory) -> SharedRun:
    return shared_hostile_run(tmp_path_factory)


@pytest.mark.slow
def test_full_run_over_a_hostile_source_completes_and_reconciles(hostile_run):
    assert hostile_run.returncode == 0, hostile_run.stderr[-3000:]
    out = hostile_run.out
    release = (out / "release" / "latest").resolve()
    manifest = json.loads((release / "manifest.json").read_text())
    counts = manifest["counts"]
    for table in ("members", "consultations"):
        assert counts["read"][table] == counts["accepted"][table] + sum(counts["quarantined"][table].values())
    assert counts["quarantined"]["consultations"] == hostile_run.expected_quarantine
    assert counts["unknown_columns"] == {"consultations.referrer_url": 1}
    quarantine = [json.loads(line) for line in
                  (out / "private" / "quarantine" / f"{manifest['run_id']}.jsonl").read_text().splitlines()]
    assert len(quarantine) == sum(hostile_run.expected_quarantine.values())


@pytest.mark.slow
def test_hostile_values_never_reach_a_release(hostile_run):
    assert hostile_run.returncode == 0, hostile_run.stderr[-3000:]
    release = (hostile_run.out / "release" / "latest").resolve()
    digits = re.compile(r"4821\D{0,3}7395")
    for db in release.glob("*.duckdb"):
        with duckdb.connect(str(db), read_only=True) as con:
            for (table, schema) in con.execute("SELECT table_name, schema_name FROM duckdb_tables()").fetchall():
                for row in con.execute(f'SELECT * FROM "{schema}"."{table}"').fetchall():
                    text = " ".join(str(v) for v in row if v is not None)
                    assert not digits.search(text) and EMAIL not in text and NAME not in text, (db.name, table)
                    assert "DROP TABLE consultations" not in text  # the hostile id is pseudonymised
    for page in release.glob("*.html"):
        assert "<script>alert('hostile')" not in page.read_text(encoding="utf-8"), page.name
