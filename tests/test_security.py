"""Security checks on a real run (issue #9): the pseudonym key stays in its mode-600 file and
nowhere else; release files hold only allow-listed tables and columns; the private work area is
owner-only and apart from the releases.

The full run over the hostile source is shared with the other reliability modules
(test_bad_input.shared_hostile_run): it runs without CLINIC_ANON_KEY, so the key file is created.
"""
from __future__ import annotations

import stat
import tomllib
from pathlib import Path

import duckdb
import pytest

from test_bad_input import SharedRun, shared_hostile_run

ALLOWLIST = Path(__file__).resolve().parent.parent / "reports" / "release_allowlist.toml"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> SharedRun:
    shared = shared_hostile_run(tmp_path_factory)
    assert shared.returncode == 0, shared.stderr[-3000:]
    return shared


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def test_key_file_is_created_with_mode_600_in_a_700_folder(run):
    assert run.key_file.is_file()
    assert mode(run.key_file) == 0o600
    assert mode(run.key_file.parent) == 0o700
    assert len(bytes.fromhex(run.key_file.read_text().strip())) >= 16


def test_key_never_appears_in_logs_outputs_or_the_prefect_home(run):
    key_hex = run.key_file.read_text().strip()
    key = bytes.fromhex(key_hex)
    needles = [key_hex.encode(), key_hex.upper().encode(), key, key_hex[:32].encode()]
    files = [p for p in [*run.out.rglob("*"), *run.prefect_home.rglob("*")]
             if p.is_file() and not p.is_symlink() and p != run.key_file]
    assert any(p.suffix == ".db" for p in run.prefect_home.rglob("*")), "Prefect's database should be under its home"
    assert len(files) > 10
    found = [str(p) for p in files if any(n in p.read_bytes() for n in needles)]
    assert found == []
    logs = (run.stdout + run.stderr).encode()
    assert not any(n in logs for n in needles)


def test_release_files_hold_only_allow_listed_tables_and_columns(run):
    allowlist = tomllib.loads(ALLOWLIST.read_text(encoding="utf-8"))
    release = (run.out / "release" / "latest").resolve()
    databases = sorted(release.glob("*.duckdb"))
    assert {p.stem for p in databases} == set(allowlist)
    for db in databases:
        allowed = allowlist[db.stem]
        with duckdb.connect(str(db), read_only=True) as con:
            columns = con.execute("SELECT schema_name, table_name, column_name FROM duckdb_columns() "
                                  "WHERE database_name = current_database()").fetchall()
        assert columns
        for schema, table, column in columns:
            name = table if schema == "main" else f"{schema}.{table}"
            assert name in allowed, f"{db.name}: table {name} is not allow-listed"
            assert column in allowed[name], f"{db.name}: column {name}.{column} is not allow-listed"
    # Nothing but databases and human-readable reports leaves: no Parquet, JSONL, key or staging copy.
    for path in release.rglob("*"):
        assert path.suffix not in (".parquet", ".jsonl", ".key", ".partial", ".tmp"), path.name


def test_private_area_is_owner_only_and_apart_from_the_releases(run):
    private, releases = (run.out / "private").resolve(), (run.out / "release").resolve()
    assert not private.is_relative_to(releases) and not releases.is_relative_to(private)
    for name in ("staging", "quarantine", "keys", "runs"):
        assert (private / name).is_dir(), name
    assert (private / "watermark.json").is_file()
    open_to_others = [str(p.relative_to(private)) for p in [private, *private.rglob("*")]
                      if not p.is_symlink() and mode(p) & 0o077]
    assert open_to_others == []
    # Nothing in a release links back into the private area.
    for path in releases.rglob("*"):
        if path.is_symlink():
            assert not path.resolve().is_relative_to(private), path


def test_quarantine_and_staging_files_are_600(run):
    private = run.out / "private"
    files = [*(private / "quarantine").glob("*.jsonl"), *(private / "staging").rglob("*.parquet"),
             private / "watermark.json"]
    assert files
    assert {str(p.relative_to(private)): mode(p) for p in files if mode(p) != 0o600} == {}
