"""Shared fixtures: a throwaway PostgreSQL cluster on loopback, and loading source files into it.

Prefect's settings are read at import, so its offline switches are set here before any test
module imports it.
"""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

# Every property test draws the same examples on every run and machine (no seed from the clock, no
# example database replaying an earlier failure): a red build is reproducible, a green one stays green.
hypothesis_settings.register_profile("clinic-anon", derandomize=True, database=None, print_blob=True)
hypothesis_settings.load_profile("clinic-anon")

os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "60")

# The one role of the test cluster that must log in with a password (all others are trusted),
# so that tests can check what a wrong password looks like.
PASSWORD_ROLE = "clinic_anon_pw"


@pytest.fixture
def write_source(tmp_path: Path) -> Callable[..., Path]:
    """``write_source(members=[...], consultations=[...], fmt="jsonl")`` writes a source folder of
    members.<fmt> and consultations.<fmt> (jsonl, csv or parquet) under tmp_path and returns it."""
    import json

    import pandas as pd

    def write(members: list[dict], consultations: list[dict], fmt: str = "jsonl", name: str = "source") -> Path:
        folder = tmp_path / name
        folder.mkdir()
        for table, rows in (("members", members), ("consultations", consultations)):
            path = folder / f"{table}.{fmt}"
            if fmt == "jsonl":
                path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
            elif fmt == "csv":
                pd.DataFrame(rows).to_csv(path, index=False, encoding="utf-8")
            else:
                pd.DataFrame(rows).to_parquet(path, index=False)
        return folder

    return write


@dataclass(frozen=True)
class PostgresCluster:
    bindir: Path
    data_dir: Path
    port: int
    password_role: str = PASSWORD_ROLE  # must log in with a password; every other role is trusted

    def url(self, dbname: str = "postgres", user: str = "postgres", password: str | None = None) -> str:
        secret = f":{password}" if password else ""
        return f"postgresql://{user}{secret}@127.0.0.1:{self.port}/{dbname}"


def _postgres_bindir() -> Path | None:
    on_path = shutil.which("initdb")
    if on_path and shutil.which("pg_ctl"):
        return Path(on_path).resolve().parent
    installed = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    return Path(installed[-1]).parent if installed else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[PostgresCluster]:
    """A PostgreSQL cluster in a temp dir on 127.0.0.1:<free port>, stopped and removed at the end.

    Skipped when PostgreSQL is not installed, except in CI (env CI set), where it must be.
    """
    bindir = _postgres_bindir()
    if bindir is None:
        message = "PostgreSQL binaries (initdb, pg_ctl) not found on PATH or in /usr/lib/postgresql/*/bin"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    base = Path(tempfile.mkdtemp(prefix="clinic-anon-pg-"))
    # PostgreSQL refuses to run as root: run its tools as the postgres system user.
    as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if as_postgres:
        shutil.chown(base, "postgres", "postgres")
    data_dir, port = base / "data", _free_port()

    def run(*args: str) -> None:
        subprocess.run([*as_postgres, *args], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    started = False
    try:
        # --no-sync and fsync=off: a throwaway cluster needs no durability, and tests start faster.
        run(str(bindir / "initdb"), "--no-sync", "-A", "trust", "-U", "postgres", "-E", "UTF8", "-D", str(data_dir))
        hba = data_dir / "pg_hba.conf"
        hba.write_text(f"host all {PASSWORD_ROLE} 127.0.0.1/32 scram-sha-256\n" + hba.read_text())
        run(str(bindir / "pg_ctl"), "-D", str(data_dir), "-l", str(base / "server.log"), "-w",
            "-o", f"-k {base} -h 127.0.0.1 -p {port} -c fsync=off -c full_page_writes=off", "start")
        started = True
        yield PostgresCluster(bindir, data_dir, port)
    finally:
        if started:
            run(str(bindir / "pg_ctl"), "-D", str(data_dir), "-m", "fast", "-w", "stop")
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_url(postgres_cluster: PostgresCluster) -> str:
    """URL of the throwaway cluster's superuser database (trust authentication, no password)."""
    return postgres_cluster.url()


@pytest.fixture
def pg_database(postgres_cluster: PostgresCluster) -> Iterator[str]:
    """URL of a new empty database in the throwaway cluster, dropped after the test."""
    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres_cluster.url(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield postgres_cluster.url(name)
    with psycopg.connect(postgres_cluster.url(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def duckdb_postgres_extension_dir(tmp_path_factory) -> Path:
    """An extension_directory holding DuckDB's postgres extension, installed from its PyPI package
    (DuckDB cannot download extensions here)."""
    import duckdb
    import duckdb_extension_postgres

    directory = tmp_path_factory.mktemp("duckdb_extensions")
    extension = next(Path(duckdb_extension_postgres.__file__).parent.glob("extensions/*/postgres.duckdb_extension"))
    con = duckdb.connect(config={"extension_directory": str(directory)})
    con.execute(f"INSTALL '{extension}'")
    con.close()
    return directory


@pytest.fixture
def load_into_postgres(pg_database: str, duckdb_postgres_extension_dir: Path) -> Callable[[dict[str, Path]], str]:
    """``load({"members": file, "consultations": file})`` copies .jsonl/.csv/.parquet files into tables
    of a fresh database (column types inferred by DuckDB) and returns its URL."""
    import duckdb

    readers = {".jsonl": "read_json_auto", ".csv": "read_csv_auto", ".parquet": "read_parquet"}

    def load(files: dict[str, Path]) -> str:
        con = duckdb.connect(config={"extension_directory": str(duckdb_postgres_extension_dir)})
        con.execute("LOAD postgres")
        con.execute(f"ATTACH '{pg_database}' AS pg (TYPE postgres)")
        for table, path in files.items():
            con.execute(f"CREATE TABLE pg.{table} AS SELECT * FROM {readers[path.suffix]}(?)", [str(path)])
        con.close()
        return pg_database

    return load
