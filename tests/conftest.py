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
import time
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


# --------------------------------------------------------------------------- MariaDB

MARIADB_READER = "clinic_reader"        # a read-only account that logs in with a password
MARIADB_READER_PASSWORD = "Rd-8quartz-Pw"


@dataclass(frozen=True)
class MariaDBServer:
    base: Path
    port: int
    general_log: Path  # every statement the server received (to prove what was never selected)

    def url(self, database: str, user: str = "root") -> str:
        return f"mysql://{user}@127.0.0.1:{self.port}/{database}"

    def client(self, database: str | None = None) -> list[str]:
        return ["mariadb", "--no-defaults", "-uroot", "-h127.0.0.1", f"-P{self.port}",
                "--default-character-set=utf8mb4", *([database] if database else [])]

    def execute(self, sql: str, database: str | None = None) -> None:
        result = subprocess.run(self.client(database), input=sql.encode(), stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, env=_root_client_env())
        if result.returncode:
            raise RuntimeError(f"mariadb: {result.stderr.decode(errors='replace')[-500:]}")

    def load(self, database: str, dump: Path) -> str:
        """A new database ``database`` loaded from the SQL file ``dump``; returns its mysql:// URL (root)."""
        self.execute(f"DROP DATABASE IF EXISTS {database}; CREATE DATABASE {database} CHARACTER SET utf8mb4;"
                     f"GRANT SELECT ON {database}.* TO '{MARIADB_READER}'@'127.0.0.1';")
        with open(dump, "rb") as f:
            subprocess.run(self.client(database), stdin=f, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           env=_root_client_env())
        return self.url(database)


def _root_client_env() -> dict[str, str]:
    """The mariadb client logs in as root without a password: a test's MYSQL_PWD is not for it."""
    return {k: v for k, v in os.environ.items() if k != "MYSQL_PWD"}


@pytest.fixture(scope="session")
def mariadb_server() -> Iterator[MariaDBServer]:
    """A MariaDB server in a temp datadir on 127.0.0.1:<free port> (root without password over TCP,
    plus a password account), stopped and removed at the end. Skipped when MariaDB is not
    installed, except in CI (env CI set), where it must be."""
    install_db, server = shutil.which("mariadb-install-db"), shutil.which("mariadbd") or (
        "/usr/sbin/mariadbd" if os.path.exists("/usr/sbin/mariadbd") else None)
    if not install_db or not server or not shutil.which("mariadb"):
        message = "MariaDB (mariadb-install-db, mariadbd, mariadb) not found; apt-get install mariadb-server"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    base = Path(tempfile.mkdtemp(prefix="clinic-anon-mariadb-"))
    user = ["--user=mysql"] if os.geteuid() == 0 else []
    if user:
        shutil.chown(base, "mysql", "mysql")
    data, port, log = base / "data", _free_port(), base / "general.log"
    process = None
    try:
        subprocess.run([install_db, "--no-defaults", *user, f"--datadir={data}", "--auth-root-authentication-method=normal",
                        "--skip-test-db"], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        # Small buffers, no binary log, no durability: a throwaway server that starts in a second or two.
        process = subprocess.Popen([server, "--no-defaults", *user, f"--datadir={data}", f"--port={port}",
                                    "--bind-address=127.0.0.1", f"--socket={base / 'mysqld.sock'}",
                                    f"--pid-file={base / 'mysqld.pid'}", f"--log-error={base / 'error.log'}",
                                    "--skip-log-bin", "--innodb-buffer-pool-size=32M", "--innodb-log-file-size=16M",
                                    "--innodb-flush-log-at-trx-commit=0", "--skip-name-resolve",
                                    "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci",
                                    "--general-log=1", f"--general-log-file={log}"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        instance = MariaDBServer(base, port, log)
        for _ in range(300):
            if process.poll() is not None:
                raise RuntimeError(f"mariadbd exited: {(base / 'error.log').read_text()[-2000:]}")
            try:
                instance.execute("SELECT 1")
                break
            except RuntimeError:
                time.sleep(0.1)
        else:
            raise RuntimeError("mariadbd did not start within 30 s")
        instance.execute(f"CREATE USER '{MARIADB_READER}'@'127.0.0.1' IDENTIFIED BY '{MARIADB_READER_PASSWORD}';")
        yield instance
    finally:
        if process is not None:
            process.terminate()
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(base, ignore_errors=True)
