"""Idempotence (issue #9): the same source, key and configuration give identical release tables.

Run B goes into a fresh OUT with the key file of the shared hostile run (run A,
test_bad_input.shared_hostile_run). Every table of every release database must hold the same
rows in the same stored order, with the same column names and types; only run metadata
(run_id in release_info, the DP ledger's run and time) may differ.
"""
from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from test_bad_input import SharedRun, run_cli, shared_hostile_run

pytestmark = pytest.mark.slow

RUN_METADATA_KEYS = {"run_id"}  # release_info keys that name the run, not the data


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory) -> tuple[SharedRun, Path]:
    first = shared_hostile_run(tmp_path_factory)
    assert first.returncode == 0, first.stderr[-3000:]
    base = tmp_path_factory.mktemp("idempotence")
    result = run_cli(first.source, base / "out", base / "prefect-home",
                     CLINIC_ANON_ANONYMISE__KEY_FILE=str(first.key_file))
    assert result.returncode == 0, result.stderr[-3000:]
    return first, base / "out"


def tables_of(db: Path) -> dict[str, tuple[list[tuple], list[tuple]]]:
    """``schema.table`` -> (column names and types, rows in stored order), run metadata removed."""
    out = {}
    with duckdb.connect(str(db), read_only=True) as con:
        names = con.execute("SELECT schema_name, table_name FROM duckdb_tables() "
                            "WHERE database_name = current_database() ORDER BY ALL").fetchall()
        for schema, table in names:
            columns = con.execute("SELECT column_name, data_type FROM duckdb_columns() "
                                  "WHERE schema_name = ? AND table_name = ? ORDER BY column_index",
                                  [schema, table]).fetchall()
            rows = con.execute(f'SELECT * FROM "{schema}"."{table}"').fetchall()
            if table == "release_info":
                rows = [r for r in rows if r[0] not in RUN_METADATA_KEYS]
            if table == "dp_budget_ledger":
                rows = [r[2:] for r in rows]  # run_id, released_at are metadata
            out[f"{schema}.{table}"] = (columns, rows)
    return out


def test_same_source_key_and_config_give_identical_release_tables(two_runs):
    first, second_out = two_runs
    a, b = (first.out / "release" / "latest").resolve(), (second_out / "release" / "latest").resolve()
    assert a.name != b.name  # two runs, two run ids
    databases = sorted(p.name for p in a.glob("*.duckdb"))
    assert databases == sorted(p.name for p in b.glob("*.duckdb")) and len(databases) == 4
    for name in databases:
        ta, tb = tables_of(a / name), tables_of(b / name)
        assert ta.keys() == tb.keys(), name
        for table in ta:
            assert ta[table][0] == tb[table][0], f"{name} {table}: columns differ"
            assert ta[table][1] == tb[table][1], f"{name} {table}: rows differ"
        assert any(rows for _, rows in ta.values()), f"{name} holds no rows: the comparison would prove nothing"


def test_the_second_run_used_the_same_key_and_policy(two_runs):
    import json

    first, second_out = two_runs
    m1 = json.loads(((first.out / "release" / "latest").resolve() / "manifest.json").read_text())
    m2 = json.loads(((second_out / "release" / "latest").resolve() / "manifest.json").read_text())
    assert m1["key_fingerprint"] == m2["key_fingerprint"] and m1["policy_hash"] == m2["policy_hash"]
    assert m1["counts"] == m2["counts"]
