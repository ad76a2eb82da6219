"""`clinic-anon run` on a gnuboard5 board (issue #17): the bundled sample loaded into a throwaway
MariaDB and read with mappings/gnuboard5.toml gives the same releases as the sample's own files
(with the ids the board gave its posts); counts reconcile; a deleted post and a member's
mb_leave_date leave the next release. (The board's CSV dump reads as the same rows as its database:
test_sources_mysql; a full run on it is left out to keep the suite's time.)
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from board_fixtures import MAPPINGS, SAMPLE, connect, sample_dump
from conftest import MARIADB_READER, MARIADB_READER_PASSWORD
from test_bad_input import AS_OF, flow_env
from test_idempotence import tables_of

pytestmark = pytest.mark.slow


@dataclass
class BoardRuns:
    server: object
    url: str
    key_file: Path
    mysql_out: Path
    contract_out: Path
    prefect_home: Path
    mysql: subprocess.CompletedProcess
    contract: subprocess.CompletedProcess


def run(source: str | Path, out: Path, prefect_home: Path, key_file: Path | None = None,
        mapping: Path | None = MAPPINGS / "gnuboard5.toml") -> subprocess.CompletedProcess:
    env = flow_env(prefect_home, MYSQL_PWD=MARIADB_READER_PASSWORD)
    if key_file is not None:
        env["CLINIC_ANON_ANONYMISE__KEY_FILE"] = str(key_file)
    args = [sys.executable, "-m", "flows.cli", "run", "--source", str(source),
            *(["--mapping", str(mapping)] if mapping else []), "--out", str(out), "--as-of", AS_OF, "--no-progress"]
    return subprocess.run(args, env=env, capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def board_runs(mariadb_server, tmp_path_factory) -> BoardRuns:
    base = tmp_path_factory.mktemp("board-run")
    mariadb_server.load("clinic", sample_dump(base, "gnuboard5"))
    url = mariadb_server.url("clinic", MARIADB_READER)
    home = base / "prefect-home"
    mysql = run(url, base / "out-mysql", home)
    key_file = base / "out-mysql" / "private" / "keys" / "pseudonym.key"
    contract = run(sample_with_board_ids(base / "contract"), base / "out-contract", home, key_file, mapping=None)
    return BoardRuns(mariadb_server, url, key_file, base / "out-mysql", base / "out-contract", home, mysql, contract)


def sample_with_board_ids(folder: Path) -> Path:
    """The bundled sample's files, each consultation under the id its gnuboard post has (C0000042 -> 42)."""
    folder.mkdir()
    shutil.copyfile(SAMPLE / "members.jsonl", folder / "members.jsonl")
    with open(SAMPLE / "consultations.jsonl", encoding="utf-8") as f, \
            open(folder / "consultations.jsonl", "w", encoding="utf-8") as out:
        for line in f:
            row = json.loads(line)
            out.write(json.dumps({**row, "consultation_id": str(int(row["consultation_id"].lstrip("C")))},
                                 ensure_ascii=False) + "\n")
    return folder


def manifest(out: Path) -> dict:
    return json.loads(((out / "release" / "latest").resolve() / "manifest.json").read_text())


def test_the_board_gives_the_release_tables_of_the_sample_files(board_runs):
    assert board_runs.mysql.returncode == 0, board_runs.mysql.stderr[-3000:]
    assert board_runs.contract.returncode == 0, board_runs.contract.stderr[-3000:]
    a = (board_runs.mysql_out / "release" / "latest").resolve()
    b = (board_runs.contract_out / "release" / "latest").resolve()
    databases = sorted(p.name for p in a.glob("*.duckdb"))
    assert len(databases) == 4 and databases == sorted(p.name for p in b.glob("*.duckdb"))
    for name in databases:
        ta, tb = tables_of(a / name), tables_of(b / name)
        assert ta.keys() == tb.keys(), name
        for table in ta:
            assert ta[table] == tb[table], f"{name}:{table}"
        assert sum(len(rows) for _, rows in ta.values()) > 0


def test_board_counts_reconcile_and_nothing_is_quarantined(board_runs):
    m = manifest(board_runs.mysql_out)
    counts = m["counts"]
    assert m["source"]["kind"] == "mysql" and m["source"]["description"].startswith(f"mysql://{MARIADB_READER}@")
    assert MARIADB_READER_PASSWORD not in json.dumps(m)
    # The sample's 667 members; its 1,000 consultations less the 22 deleted (gone from a gnuboard
    # board), without the admin's notice, replies and comments.
    assert counts["read"] == {"members": 667, "consultations": 978}
    for table in ("members", "consultations"):
        assert counts["read"][table] == counts["accepted"][table] + sum(counts["quarantined"][table].values())
    assert counts["accepted"] == counts["read"]
    contract = manifest(board_runs.contract_out)["counts"]
    assert counts["eligible"] == contract["eligible"] and counts["excluded"]["withdrawn"] == contract["excluded"]["withdrawn"]


def test_a_deleted_post_and_a_member_who_left_leave_the_next_release(board_runs):
    assert board_runs.mysql.returncode == 0, board_runs.mysql.stderr[-3000:]
    before = manifest(board_runs.mysql_out)
    with connect(board_runs.server, "clinic") as conn, conn.cursor() as cur:
        # a member with several answered consultations, and a guest's post
        cur.execute("SELECT mb_id, COUNT(*) FROM g5_write_consult WHERE wr_is_comment = 0 AND wr_reply = '' "
                    "AND mb_id IN (SELECT mb_id FROM g5_member WHERE mb_level < 8 AND mb_leave_date = '') GROUP BY mb_id ORDER BY COUNT(*) DESC, mb_id LIMIT 1")
        leaving, posts = cur.fetchone()
        cur.execute("SELECT MIN(wr_id) FROM g5_write_consult WHERE wr_is_comment = 0 AND wr_reply = '' AND mb_id = ''")
        (guest_post,) = cur.fetchone()
        cur.execute("UPDATE g5_member SET mb_leave_date = '20261120' WHERE mb_id = %s", (leaving,))
        cur.execute("DELETE FROM g5_write_consult WHERE wr_id = %s OR (wr_parent = %s AND wr_is_comment = 1)",
                    (guest_post, guest_post))
    again = run(board_runs.url, board_runs.mysql_out, board_runs.prefect_home, board_runs.key_file)
    assert again.returncode == 0, again.stderr[-3000:]
    after = manifest(board_runs.mysql_out)
    assert after["run_id"] != before["run_id"]
    assert after["counts"]["read"]["consultations"] == before["counts"]["read"]["consultations"] - 1
    assert after["counts"]["excluded"]["withdrawn"] == before["counts"]["excluded"]["withdrawn"] + posts
    erased = after["counts"]["erased_from_staging"]
    assert erased >= 1
    rows_before = before["releases"]["academic"]["tables"]["consultations"]
    assert after["releases"]["academic"]["tables"]["consultations"] < rows_before
    assert after["counts"]["eligible"] == before["counts"]["eligible"] - erased
