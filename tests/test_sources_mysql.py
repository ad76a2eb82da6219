"""MySQL/MariaDB board sources (issue #17) on a throwaway MariaDB: the bundled sample loaded as a
gnuboard5 and as a Rhymix board reads back as the sample's records, streams in chunks, never selects
a password or an attachment row, survives MySQL's hostile values, and fails in one clean line."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from board_fixtures import MAPPINGS, SAMPLE, connect, dump_to_csv, sample_dump
from conftest import MARIADB_READER, MARIADB_READER_PASSWORD
from flows.config import SourceSettings
from flows.sources import SourceError
from flows.open_source import open_source
from flows.validation import TableValidator

AS_OF = date(2026, 11, 22)


@pytest.fixture(scope="module")
def boards(mariadb_server, tmp_path_factory) -> dict[str, str]:
    base = tmp_path_factory.mktemp("boards")
    return {board: mariadb_server.load(f"sample_{board}", sample_dump(base, board)) for board in ("gnuboard5", "rhymix")}


@pytest.fixture
def reader(monkeypatch, mariadb_server):
    """URL of a board for the password account, its password in MYSQL_PWD and no option file."""
    monkeypatch.setenv("MYSQL_PWD", MARIADB_READER_PASSWORD)
    monkeypatch.setenv("HOME", "/nonexistent")
    return lambda database: mariadb_server.url(database, MARIADB_READER)


def settings(board: str, **extra) -> SourceSettings:
    return SourceSettings(mapping=MAPPINGS / f"{board}.toml", **extra)


def accepted(source, table) -> dict[str, dict]:
    validator = TableValidator(table, source.settings, AS_OF)
    out = {}
    for chunk in source.iter_chunks(table):
        for row in chunk:
            record, reason = validator.validate(row)
            assert reason is None, reason
            out[record[validator.id_column]] = record
    return out


def sample(table) -> dict[str, dict]:
    validator = TableValidator(table, SourceSettings(), AS_OF)
    with open(SAMPLE / f"{table}.jsonl", encoding="utf-8") as f:
        records = [validator.validate(json.loads(line))[0] for line in f]
    return {r[validator.id_column]: r for r in records}


def test_gnuboard5_board_reads_back_as_the_sample(boards, reader):
    source = open_source(reader("sample_gnuboard5"), settings("gnuboard5", chunk_rows=250))
    chunks = list(source.iter_chunks("consultations"))
    assert max(len(c) for c in chunks) == 250 and len(chunks) == 4  # streamed in chunks
    consultations = accepted(source, "consultations")
    expected = {str(int(cid[1:])): r for cid, r in sample("consultations").items() if not r["deleted"]}
    assert consultations.keys() == expected.keys()  # deleted consultations are gone from a gnuboard board
    for cid, record in consultations.items():
        assert {**record, "consultation_id": None} == {**expected[cid], "consultation_id": None}, cid
    members, want = accepted(source, "members"), sample("members")
    assert members.keys() == want.keys()
    for mid, record in members.items():
        day = want[mid]["withdrawn_at"]  # mb_leave_date holds the day only
        day = day.replace(hour=0, minute=0, second=0) if day else None
        assert record == {**want[mid], "withdrawn_at": day}, mid
    assert source.describe().startswith(f"mysql://{MARIADB_READER}@127.0.0.1:")


def test_rhymix_board_reads_back_as_the_sample_where_rhymix_holds_it(boards, reader):
    source = open_source(reader("sample_rhymix"), settings("rhymix"))
    consultations = accepted(source, "consultations")
    expected = {str(10_000 + int(cid[1:])): r for cid, r in sample("consultations").items() if not r["deleted"]}
    assert consultations.keys() == expected.keys()
    for cid, record in consultations.items():
        assert {**record, "consultation_id": None} == {**expected[cid], "consultation_id": None}, cid
    members, want = accepted(source, "members"), sample("members")
    assert members.keys() == {m for m, r in want.items() if r["status"] == "active"}  # Rhymix deletes leavers
    unread = ("sex", "address", "guardian_name", "guardian_phone", "guardian_rrn")  # in serialised extra_vars
    for mid, record in members.items():
        assert record == {**want[mid], **dict.fromkeys(unread)}, mid


@pytest.mark.parametrize("board", ["gnuboard5", "rhymix"])
def test_the_csv_dump_of_a_board_reads_as_its_database(boards, reader, mariadb_server, tmp_path, board):
    database = f"sample_{board}"
    folder = dump_to_csv(mariadb_server, database, tmp_path / "dump")
    from_mysql = open_source(reader(database), settings(board))
    from_files = open_source(str(folder), settings(board))
    for table in ("members", "consultations"):
        assert accepted(from_files, table) == accepted(from_mysql, table)
    assert from_files.describe().startswith(f"board dump in {folder}")


def reader_statements(log: Path) -> list[str]:
    """Every statement the server received on connections of the password account."""
    threads, statements, last_is_reader = set(), [], False
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        match = re.match(r"^(?:\d{6}\s+[\d:]+\s+)?\s*(\d+)\s+(Connect|Query|Quit|Init DB|Field List|Prepare|Execute|"
                         r"Close stmt|Statistics|Ping)\b\s*(.*)$", line.strip())
        if not match:
            if last_is_reader:
                statements[-1] += " " + line.strip()  # the rest of a statement written over several lines
            continue
        thread, command, argument = match.groups()
        if command == "Connect" and argument.startswith(f"{MARIADB_READER}@"):
            threads.add(thread)
        last_is_reader = command == "Query" and thread in threads
        if last_is_reader:
            statements.append(argument)
    return statements


def test_passwords_and_attachment_rows_are_never_selected(boards, reader, mariadb_server):
    for board in ("gnuboard5", "rhymix"):
        source = open_source(reader(f"sample_{board}"), settings(board))
        for table in ("members", "consultations"):
            assert sum(len(c) for c in source.iter_chunks(table)) > 0
        source.fingerprint()
    statements = reader_statements(mariadb_server.general_log)
    assert any("g5_write_consult" in s for s in statements) and any("rx_documents" in s for s in statements)
    for statement in statements:
        assert "password" not in statement.lower(), statement[:300]
        assert "board_file" not in statement and "rx_files" not in statement, statement[:300]
        assert "SELECT *" not in statement.upper(), statement[:300]
    with connect(mariadb_server, "sample_gnuboard5") as conn, conn.cursor() as cur:
        cur.execute("SELECT COUNT(*) FROM g5_board_file")
        assert cur.fetchone()[0] > 0  # they exist; they are just never read


def test_mysql_hostile_values(mariadb_server, reader):
    """A gnuboard4-era table: latin1 label over CP949 and UTF-8 bytes, zero dates, wr_last strings."""
    mariadb_server.load("hostile", Path(__file__).resolve().parent.parent / "data_samples" / "board_schemas" / "gnuboard5.sql")
    cp949 = "김하늘 코성형 문의".encode("cp949").hex()
    utf8 = "이서준 눈매교정".encode("utf-8").hex()
    phone_channel = "전화".encode("cp949").hex()
    columns = "wr_id, wr_num, wr_parent, wr_option, ca_name, wr_subject, wr_content, mb_id, wr_name, wr_datetime, wr_last, wr_6"
    mariadb_server.execute(f"""
        SET sql_mode = '';
        ALTER TABLE g5_write_consult CONVERT TO CHARACTER SET latin1;
        INSERT INTO g5_member (mb_no, mb_id, mb_name, mb_level, mb_birth, mb_datetime, mb_signature, mb_memo, mb_profile)
        VALUES (1, 'admin', '관리자', 10, '', '2019-01-01 00:00:00', '', '', ''),
               (2, 'm1', '회원', 2, '0000-00-00', '0000-00-00 00:00:00', '', '', '');
        INSERT INTO g5_board (bo_table, bo_category_list, bo_notice) VALUES ('consult', '', '4');
        INSERT INTO g5_write_consult ({columns}, wr_link1, wr_link2) VALUES
          (1, -1, 1, 'secret', '', X'{cp949}', X'{cp949}', 'm1', 'x', '2025-03-01 10:00:00', '2025-03-02 11:00:00', X'{phone_channel}', '', ''),
          (2, -2, 2, 'html1,secret', '', X'{utf8}', 'a', '', 'x', '2025-03-01 10:00:00', '', '', '', ''),
          (3, -3, 3, 'secret', '', 'zero', 'b', 'm1', 'x', '0000-00-00 00:00:00', '0000-00-00 00:00:00', '', '', ''),
          (4, -4, 4, 'html2', '', 'notice', 'c', '', 'x', '2025-03-01 10:00:00', '', '', '', ''),
          (5, -5, 5, 'html2', '', 'admin', 'd', 'admin', 'x', '2025-03-01 10:00:00', '', '', '', '');
    """, "hostile")
    source = open_source(reader("hostile"), settings("gnuboard5"))
    validator = TableValidator("consultations", source.settings, AS_OF)
    results = [validator.validate(r) for chunk in source.iter_chunks("consultations") for r in chunk]
    records = {r["consultation_id"]: r for r, _ in results if r}
    assert [reason for _, reason in results if reason] == ["missing:created_at"]
    assert set(records) == {"1", "2"}
    assert records["1"]["title"] == records["1"]["question"] == "김하늘 코성형 문의"   # latin1 over CP949
    assert records["2"]["title"] == "이서준 눈매교정"                                  # latin1 over UTF-8
    assert records["1"]["updated_at"].isoformat() == "2025-03-02T11:00:00+09:00"      # wr_last, a string
    assert records["2"]["updated_at"] is None and records["1"]["channel"] == "phone"
    member = accepted(source, "members")["m1"]
    assert member["birth_date"] is None and member["joined_at"] is None               # zero dates are unknown


def source_error(url: str, mapping: Path = MAPPINGS / "gnuboard5.toml") -> str:
    with pytest.raises(SourceError) as info:
        open_source(url, SourceSettings(mapping=mapping))
    message = str(info.value)
    assert "\n" not in message and MARIADB_READER_PASSWORD not in message and "Wr0ng-Pw" not in message
    return message


def test_unusable_mysql_sources_fail_in_one_line_without_the_password(boards, reader, mariadb_server, tmp_path,
                                                                      monkeypatch):
    port = mariadb_server.port
    assert "cannot connect to mysql://clinic_reader@127.0.0.1:1/x: (2003) Can't connect" in \
        source_error(f"mysql://{MARIADB_READER}:{MARIADB_READER_PASSWORD}@127.0.0.1:1/x")
    monkeypatch.setenv("MYSQL_PWD", "Wr0ng-Pw")
    assert "(1045) Access denied for user 'clinic_reader'" in source_error(reader("sample_gnuboard5"))
    monkeypatch.setenv("MYSQL_PWD", MARIADB_READER_PASSWORD)
    assert "(1044) Access denied" in source_error(reader("no_such_board")) or \
        "(1049) Unknown database" in source_error(reader("no_such_board"))

    mariadb_server.execute("DROP DATABASE IF EXISTS partial; CREATE DATABASE partial; "
                           "CREATE TABLE partial.g5_member AS SELECT * FROM sample_gnuboard5.g5_member; "
                           f"GRANT SELECT ON partial.* TO '{MARIADB_READER}'@'127.0.0.1';")
    assert "table g5_board not found in mysql://clinic_reader@127.0.0.1:" in source_error(reader("partial"))

    text = (MAPPINGS / "gnuboard5.toml").read_text(encoding="utf-8")
    (tmp_path / "column.toml").write_text(text.replace('phone = "wr_1"', 'phone = "wr_11"'), encoding="utf-8")
    assert "consultations names column wr_11, which g5_write_consult in mysql://" in \
        source_error(reader("sample_gnuboard5"), tmp_path / "column.toml")
    (tmp_path / "expression.toml").write_text(text.replace("NULLIF(mb_addr3, '')", "NULLIF(mb_addr4, '')"),
                                              encoding="utf-8")
    assert "the members query fails" in source_error(reader("sample_gnuboard5"), tmp_path / "expression.toml")
    assert "Unknown column 'mb_addr4'" in source_error(reader("sample_gnuboard5"), tmp_path / "expression.toml")
    assert "needs a board mapping" in str(pytest.raises(SourceError, open_source, reader("x"), SourceSettings()).value)


def test_the_password_comes_from_an_option_file(boards, mariadb_server, tmp_path, monkeypatch):
    monkeypatch.delenv("MYSQL_PWD", raising=False)
    option_file = tmp_path / "my.cnf"
    option_file.write_text(f"[client]\npassword = {MARIADB_READER_PASSWORD}\n")
    source = open_source(mariadb_server.url("sample_gnuboard5", MARIADB_READER),
                         settings("gnuboard5", mysql_option_file=option_file))
    assert sum(len(c) for c in source.iter_chunks("members")) == 667
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / ".my.cnf").write_text(f"[client]\npassword = {MARIADB_READER_PASSWORD}\n")
    assert open_source(mariadb_server.url("sample_gnuboard5", MARIADB_READER), settings("gnuboard5")).fingerprint()


@pytest.mark.parametrize("where, message", [("{port}/sample_gnuboard5", "(1045) Access denied"),
                                            ("1/sample_gnuboard5", "(2003) Can't connect")])
def test_the_cli_shows_neither_the_password_nor_a_trace(boards, mariadb_server, tmp_path, where, message):
    url = f"mysql://{MARIADB_READER}:Wr0ng-Pw@127.0.0.1:" + where.format(port=mariadb_server.port)
    result = subprocess.run([sys.executable, "-m", "flows.cli", "run", "--source", url, "--mapping",
                             str(MAPPINGS / "gnuboard5.toml"), "--out", str(tmp_path / "out"), "--no-progress"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and message in result.stderr, result.stderr
    assert "Wr0ng-Pw" not in result.stderr + result.stdout


@pytest.mark.parametrize("board", ["gnuboard5", "rhymix"])
def test_clinic_anon_sample_writes_a_loadable_board_dump(mariadb_server, reader, tmp_path, board):
    result = subprocess.run([sys.executable, "-m", "flows.cli", "sample", "--consultations", "40", "--seed", "3",
                             "--format", board, "--out", str(tmp_path)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / f"{board}.sql").is_file() and (tmp_path / "gold.jsonl").is_file()
    mariadb_server.load(f"laptop_{board}", tmp_path / f"{board}.sql")
    source = open_source(reader(f"laptop_{board}"), settings(board))
    consultations = accepted(source, "consultations")
    assert 30 <= len(consultations) <= 40  # less the deleted ones
    assert any(r["answer"] for r in consultations.values()) and accepted(source, "members")
