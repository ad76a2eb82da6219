"""Board mappings (flows.board_mapping) and a board's CSV dump read through one (issue #17):
strict mapping files, the row rules, and the hostile values of gnuboard boards, without a server."""
from __future__ import annotations

import csv
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from board_fixtures import MAPPINGS
from flows.board_mapping import MappingError, RowMapper, load_mapping
from flows.config import SourceSettings
from flows.sources import SourceError, UnparsedRow
from flows.open_source import open_source
from flows.validation import TableValidator

GNUBOARD5 = MAPPINGS / "gnuboard5.toml"
MEMBER_COLUMNS = ["mb_no", "mb_id", "mb_password", "mb_name", "mb_level", "mb_sex", "mb_birth", "mb_hp", "mb_email",
                  "mb_addr1", "mb_addr2", "mb_addr3", "mb_datetime", "mb_leave_date", "mb_mailling",
                  "mb_1", "mb_2", "mb_3"]
WRITE_COLUMNS = ["wr_id", "wr_num", "wr_reply", "wr_parent", "wr_is_comment", "ca_name", "wr_option", "wr_subject",
                 "wr_content", "mb_id", "wr_password", "wr_name", "wr_email", "wr_datetime", "wr_last", "wr_ip",
                 "wr_1", "wr_2", "wr_3", "wr_4", "wr_5", "wr_6", "wr_7"]
MOJIBAKE_NAME = "김하늘".encode("cp949").decode("cp1252")  # what a latin1-labelled gnuboard4 table shows


def member(no, mb_id, **values):
    row = dict.fromkeys(MEMBER_COLUMNS, "")
    row.update(mb_no=str(no), mb_id=mb_id, mb_password="*HASH-never-read", mb_name="테스트회원", mb_level="2",
               mb_birth="19900501", mb_datetime="2024-01-02 10:00:00", mb_mailling="0")
    row.update(values)
    return row


def post(wr_id, **values):
    row = dict.fromkeys(WRITE_COLUMNS, "")
    row.update(wr_id=str(wr_id), wr_num=str(-wr_id), wr_parent=str(wr_id), wr_is_comment="0", ca_name="코성형",
               wr_option="html2,secret", wr_subject="코 성형 문의", wr_content="<p>코 성형 비용 문의드립니다.</p>",
               mb_id="m1", wr_password="*HASH-never-read", wr_name="테스트회원", wr_datetime="2025-03-01 10:00:00",
               wr_last="2025-03-01 10:00:00", wr_ip="203.0.113.7", wr_2="31", wr_6="홈페이지")
    row.update(values)
    return row


def write_csv(path: Path, rows: list[dict], header: list[str] | None = None, encoding="utf-8") -> None:
    header = header or list(rows[0])
    with open(path, "w", encoding=encoding, newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        for row in rows:
            writer.writerow([row.get(c, "") for c in header])


@pytest.fixture
def board_dump(tmp_path) -> Path:
    """A small gnuboard5 CSV dump with the hostile rows an old board holds."""
    folder = tmp_path / "dump"
    folder.mkdir()
    write_csv(folder / "g5_member.csv", [
        member(1, "admin", mb_level="10", mb_name="관리자"),
        member(2, "m1", mb_hp="010-4821-7395", mb_addr1="서울 강남구 테헤란로 1", mb_addr2="101호"),
        member(3, "m2", mb_leave_date="20251231", mb_birth="0000-00-00"),
        member(4, "m3", mb_name=MOJIBAKE_NAME),
    ], MEMBER_COLUMNS)
    write_csv(folder / "g5_write_consult.csv", [
        post(1, wr_content="첫째 줄\n<b>둘째</b> &amp; 줄", wr_option="html1,secret"),
        post(2, mb_id="m2", wr_option="secret", wr_content="plain <text> 그대로"),
        post(3, mb_id="admin", wr_subject="관리자 글"),                                   # staff: excluded
        post(4, mb_id="", wr_name="손님", wr_subject="공지사항"),                          # a notice: excluded
        post(5, wr_datetime="0000-00-00 00:00:00", wr_last=""),                         # quarantined
        post(6, wr_subject="김하늘 문의".encode("cp949").decode("cp1252")),                                     # repaired
        post(7, wr_subject="±è¹Î¼ö ÄÚ¼ºÇ"),                                             # cut mojibake: quarantined
        post(8, ca_name="새 카테고리"),                                                   # unmapped: invalid
        post(101, wr_num="-1", wr_reply="A", wr_parent="101", mb_id="m1", wr_content="<p>환자 본인의 답글</p>"),
        post(102, wr_num="-1", wr_reply="B", wr_parent="102", mb_id="admin", wr_name="상담실장",
             wr_content="<p>답변 드립니다.</p>", wr_datetime="2025-03-05 09:00:00"),
        post(103, wr_num="-2", wr_parent="2", wr_is_comment="1", mb_id="admin", wr_name="원장",
             wr_option="", wr_content="댓글 답변", wr_datetime="2025-03-02 09:00:00"),
    ], WRITE_COLUMNS)
    write_csv(folder / "g5_board.csv", [{"bo_table": "consult", "bo_notice": "4"}])
    (folder / "g5_board_file.csv").write_bytes(b"\xff\xfe not even csv")  # never opened
    return folder


def read_all(source, table):
    return [row for chunk in source.iter_chunks(table) for row in chunk]


def validated(source, table):
    validator = TableValidator(table, source.settings, date(2026, 11, 22))
    return [validator.validate(row) for row in read_all(source, table)]


def test_shipped_mappings_compile_and_never_name_a_password_or_attachment():
    for path in sorted(MAPPINGS.glob("*.toml")):
        mapping = load_mapping(path)
        for query in mapping.queries.values():
            assert "password" not in query.sql.lower() and "board_file" not in query.sql.lower()
            assert "files" not in {t.lower().removeprefix("rx_") for t in query.plain_columns}
    g5 = load_mapping(GNUBOARD5)
    assert g5.queries["consultations"].source_table == "g5_write_consult"
    assert g5.integer_columns("g5_write_consult") == {"wr_id", "wr_num", "wr_parent", "wr_is_comment"}


def test_board_dump_rows_become_contract_rows(board_dump):
    source = open_source(str(board_dump), SourceSettings(mapping=GNUBOARD5))
    members = {r["member_id"]: r for r, reason in validated(source, "members") if r}
    assert set(members) == {"m1", "m2", "m3"}  # the admin is staff, not a member
    assert members["m1"]["phone"] == "010-4821-7395" and members["m1"]["address"] == "서울 강남구 테헤란로 1 101호"
    assert members["m1"]["birth_date"] == date(1990, 5, 1) and members["m1"]["marketing_consent"] is False
    assert members["m2"]["status"] == "withdrawn" and members["m2"]["birth_date"] is None  # 0000-00-00
    assert members["m2"]["withdrawn_at"].date() == date(2025, 12, 31)
    assert members["m3"]["name"] == "김하늘"  # latin1-labelled CP949, repaired

    results = validated(source, "consultations")
    accepted = {r["consultation_id"]: r for r, _ in results if r}
    reasons = sorted(reason for _, reason in results if reason)
    assert set(accepted) == {"1", "2", "6"}  # 3 (admin), 4 (notice) and the answers are not consultations
    assert reasons == ["invalid:interested_area", "missing:created_at", "mojibake:title"]
    first, second = accepted["1"], accepted["2"]
    assert first["question"] == "첫째 줄\n둘째 & 줄"                 # html1: newlines are line breaks
    assert second["question"] == "plain <text> 그대로"                 # no html option: text as written
    assert first["answer"] == "답변 드립니다." and first["answered_by"] == "상담실장"  # the staff reply, not the patient's
    assert first["updated_at"] == datetime.fromisoformat("2025-03-05 09:00:00+09:00")  # a later answer is an update
    assert second["answer"] == "댓글 답변" and second["answered_by"] == "원장"  # no reply: the staff comment
    assert first["interested_area"] == "nose" and first["channel"] == "homepage" and first["age"] == 31
    assert first["deleted"] is False and first["member_id"] == "m1"
    assert accepted["6"]["title"] == "김하늘 문의"
    assert len(results) == 6  # read = accepted + quarantined


def test_board_dump_never_copies_passwords_or_attachments(board_dump):
    source = open_source(str(board_dump), SourceSettings(mapping=GNUBOARD5))
    staged = {p.name for p in source._staging.iterdir()}
    assert staged == {"g5_member.parquet", "g5_write_consult.parquet", "g5_board.parquet"}
    for name in staged:
        assert not any("password" in c for c in pq.read_schema(source._staging / name).names)
    staging = source._staging
    del source
    assert not staging.exists()  # the private copy leaves with the source


def test_unparseable_lines_of_a_board_table_are_quarantined(board_dump):
    with open(board_dump / "g5_write_consult.csv", "a", encoding="utf-8") as f:
        f.write("9,-9,only,three\n")
    source = open_source(str(board_dump), SourceSettings(mapping=GNUBOARD5))
    rows = read_all(source, "consultations")
    assert isinstance(rows[0], UnparsedRow) and rows[0].reason == "malformed_csv"  # quarantined, not lost
    assert sorted(r.reason for r in rows if isinstance(r, UnparsedRow)) == ["malformed_csv", "mojibake:title"]
    assert len(rows) == 7


def board_error(folder: Path, mapping: Path = GNUBOARD5) -> str:
    with pytest.raises(SourceError) as info:
        open_source(str(folder), SourceSettings(mapping=mapping))
    message = str(info.value)
    assert "\n" not in message and "HASH" not in message and "010-4821" not in message
    return message


def test_unusable_board_dumps_are_one_line_errors(board_dump, tmp_path):
    with open(board_dump / "g5_board.csv", "a", encoding="utf-8") as f:
        f.write("consult\n")  # a broken line where the notices are: what is read would change
    assert "g5_board.csv" in board_error(board_dump) and "line 3 is malformed csv" in board_error(board_dump)
    (board_dump / "g5_board.csv").unlink()
    assert "table g5_board not found: no g5_board.csv" in board_error(board_dump)

    write_csv(board_dump / "g5_board.csv", [{"bo_table": "consult", "bo_notice": "4"}])
    rows = list(csv.DictReader(open(board_dump / "g5_write_consult.csv", encoding="utf-8")))
    write_csv(board_dump / "g5_write_consult.csv", rows, [c for c in WRITE_COLUMNS if c != "wr_5"])
    assert "names column wr_5, which g5_write_consult.csv" in board_error(board_dump)

    rows[0]["wr_is_comment"] = "no"
    write_csv(board_dump / "g5_write_consult.csv", rows, WRITE_COLUMNS)
    assert "wr_is_comment on line 2 is not an integer" in board_error(board_dump)


PHONE = 'phone = "mb_hp"'
BAD_MAPPINGS = [
    ("", 'nmae = "x"\n', "nmae: unknown key"),
    (PHONE, 'phnoe = "mb_hp"', "phnoe is not a field of members"),
    (PHONE, 'phone = { colum = "mb_hp" }', "phone.colum: unknown key"),
    (PHONE, 'phone = { column = "mb_hp", sql = "mb_hp" }', "give exactly one of"),
    (PHONE, 'phone = "CONCAT(mb_hp)"', "is not a column name"),
    (PHONE, 'phone = "mb_password"', "names mb_password, which clinic-anon never reads"),
    ("where = \"mb_level < ${staff_level} AND mb_id <> ''\"", 'where = "mb_id IN (SELECT mb_id FROM g5_board_file)"',
     "names g5_board_file"),
    ('table = "g5_write_${bo_table}"', 'table = "g5_write_${board}"', "${board} is not in [parameters]"),
    ('age = "wr_2"', 'age = { column = "wr_2", format = "html" }', "format applies to title"),
]


@pytest.mark.parametrize("old, new, expected", BAD_MAPPINGS)
def test_mapping_files_are_read_strictly(tmp_path, old, new, expected):
    text = GNUBOARD5.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "bad.toml"
    path.write_text(new + text if not old else text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(MappingError) as info:
        load_mapping(path)
    assert expected in str(info.value) and "\n" not in str(info.value)


def test_required_fields_must_be_mapped(tmp_path):
    text = GNUBOARD5.read_text(encoding="utf-8").replace('birth_date = "mb_birth"', "")
    (tmp_path / "m.toml").write_text(text, encoding="utf-8")
    with pytest.raises(MappingError, match=r"required fields not mapped: birth_date"):
        load_mapping(tmp_path / "m.toml")


def test_a_bad_mapping_stops_the_cli_with_exit_2_and_one_line(tmp_path, board_dump):
    (tmp_path / "m.toml").write_text(GNUBOARD5.read_text(encoding="utf-8").replace('"mb_hp"', '"mb_hpp"'),
                                     encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "flows.cli", "run", "--source", str(board_dump), "--mapping",
                             str(tmp_path / "m.toml"), "--out", str(tmp_path / "out"), "--no-progress"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "names column mb_hpp, which g5_member.csv" in lines[0], result.stderr


@pytest.mark.parametrize("value, expected", [
    ("0000-00-00 00:00:00", None), ("0000-00-00", None), ("", None), ("20251224233948", "2025-12-24 23:39:48"),
    ("20251224", "2025-12-24"), (20251224233948, "2025-12-24 23:39:48"), ("2025-12-24 23:39:48", "2025-12-24 23:39:48"),
])
def test_board_dates(value, expected):
    query = load_mapping(GNUBOARD5).queries["consultations"]
    row, reason = RowMapper(query).map({"consultation_id": 1, "created_at": value, "deleted": False})
    assert reason is None and row["created_at"] == expected


def test_bytes_that_are_neither_utf8_nor_cp949_quarantine_the_row():
    query = load_mapping(GNUBOARD5).queries["consultations"]
    mapper = RowMapper(query)
    assert mapper.map({"consultation_id": 1, "title": "코 문의".encode("cp949")})[0]["title"] == "코 문의"
    assert mapper.map({"consultation_id": 1, "title": b"\xff\xfe\xfa"}) == (None, "invalid_encoding:title")
    assert mapper.map({"consultation_id": 1, "question": "깨진 \ufffd 글", "clinic_anon_format_question": {"secret"}}) \
        == (None, "invalid_encoding:question")
