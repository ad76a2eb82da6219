"""Where raw records come from: a folder of members/consultations files, a PostgreSQL database, or
(with a board mapping) a clinic board's MySQL/MariaDB database or CSV dump (flows.sources_mysql,
flows.sources_board_dump).

``open_source(spec, settings)`` checks that the source can be read and returns a ``Source`` whose
``iter_chunks(table)`` yields raw rows (dicts of column -> value) ``chunk_rows`` at a time, so memory
is bounded by the chunk, not the source. Rows are not validated here (that is flows.validation);
a line that cannot even be parsed into a dict is yielded as an ``UnparsedRow`` so that it is
quarantined with its reason instead of stopping the run or vanishing.

A source that cannot be read at all raises ``SourceError`` with one line that names the source
and the problem, never a record value or a password.

Folder layout: ``members*.{jsonl,csv,parquet}`` and ``consultations*.{jsonl,csv,parquet}``, e.g.
``consultations-2024.jsonl``; several files per table are read in name order; other files are
ignored. CSV encoding is ``settings.csv_encoding`` if set, else UTF-8 (with or without BOM) or
CP949/EUC-KR, decided from the first non-ASCII bytes.
"""
from __future__ import annotations

import codecs
import csv
import hashlib
import itertools
import json
import os
import re
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

import psycopg
import pyarrow as pa
import pyarrow.parquet as pq
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict
from psycopg.rows import dict_row

from flows.config import SourceSettings
from contract.records import REQUIRED_COLUMNS, TABLES, TableName

FORMATS = (".jsonl", ".csv", ".parquet")
_TABLE_FILE = re.compile(r"^(members|consultations)(?:[-_][^.]*)?$")
_NON_ASCII = re.compile(rb"[\x80-\xff]")
_UNDECODED = re.compile("[\udc80-\udcff]")  # bytes the CSV codec could not decode (surrogateescape)
_CSV_FIELD_LIMIT = 64 * 1024 * 1024  # a broken quote must fail this file, not swallow the machine's memory


class SourceError(Exception):
    """The source cannot be read at all. The message is one line: no record values, no password."""


class UnparsedRow(dict):
    """A raw line that could not be parsed into columns: ``{"raw": text}`` plus its reason code."""

    def __init__(self, reason: str, raw: str):
        super().__init__(raw=raw)
        self.reason = reason


class Source(ABC):
    kind = "files"  # for the manifest: files, postgresql, mysql, board_files

    @abstractmethod
    def describe(self) -> str:
        """Where the records come from, safe to log (no password)."""

    @abstractmethod
    def fingerprint(self) -> str:
        """A cheap sha256 that changes when the source's content (very likely) changed."""

    @abstractmethod
    def iter_chunks(self, table: TableName) -> Iterator[list[dict]]:
        """Raw rows of ``table`` (dicts, or UnparsedRow), at most chunk_rows per list."""


def is_database_url(spec: str) -> bool:
    return spec.startswith(("postgresql://", "postgres://", "mysql://", "mariadb://"))


def strip_password(source: str) -> str:
    """Move a password out of a postgresql:// URL into PGPASSWORD, out of a mysql:// URL into MYSQL_PWD.

    The source string becomes a Prefect flow parameter (stored in Prefect's database); a password
    must not. libpq, psycopg and DuckDB's postgres extension all read PGPASSWORD; the MySQL source
    reads MYSQL_PWD.
    """
    if not is_database_url(source):
        return source
    parts = urlsplit(source)
    if parts.password is None:
        return source
    if parts.scheme in ("mysql", "mariadb"):
        os.environ["MYSQL_PWD"] = unquote(parts.password)
    else:
        os.environ["PGPASSWORD"] = parts.password
    netloc = parts.hostname or ""
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    if parts.port:
        netloc = f"{netloc}:{parts.port}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def _chunked(rows: Iterable[dict], size: int) -> Iterator[list[dict]]:
    iterator = iter(rows)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


# --------------------------------------------------------------------------- files


class FolderSource(Source):
    def __init__(self, folder: Path, settings: SourceSettings):
        self.folder = folder
        self.settings = settings
        if not folder.is_dir():
            raise SourceError(f"source folder {folder} does not exist or is not a folder")
        self.files: dict[TableName, list[Path]] = {t: [] for t in TABLES}
        for path in sorted(folder.iterdir()):
            match = _TABLE_FILE.match(path.name.split(".", 1)[0])
            if not match or not path.is_file():
                continue
            if path.suffix.lower() not in FORMATS:
                raise SourceError(f"unknown format of {path.name} in {folder} (expected {', '.join(FORMATS)})")
            self.files[match.group(1)].append(path)
        for table, paths in self.files.items():
            if not paths:
                raise SourceError(f"no {table} file (.jsonl, .csv or .parquet) in {folder}")
            for path in paths:
                self._check_columns(table, path)

    def describe(self) -> str:
        return f"files in {self.folder}"

    def fingerprint(self) -> str:
        digest = hashlib.sha256()
        for table in TABLES:
            for path in self.files[table]:
                stat = path.stat()
                digest.update(f"{path.name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
        return digest.hexdigest()

    def iter_chunks(self, table: TableName) -> Iterator[list[dict]]:
        size = self.settings.chunk_rows
        for path in self.files[table]:
            suffix = path.suffix.lower()
            try:
                if suffix == ".parquet":
                    for batch in pq.ParquetFile(path).iter_batches(batch_size=size):
                        yield batch.to_pylist()
                elif suffix == ".csv":
                    yield from _chunked(self._csv_rows(path), size)
                else:
                    yield from _chunked(_jsonl_rows(path), size)
            except (OSError, csv.Error, pa.ArrowException) as exc:
                raise SourceError(f"cannot read {path.name} in {self.folder}: {type(exc).__name__}") from None

    def _check_columns(self, table: TableName, path: Path) -> None:
        """CSV headers and Parquet schemas are checked up front; JSONL rows one by one (validation)."""
        suffix = path.suffix.lower()
        try:
            if suffix == ".parquet":
                columns = pq.read_schema(path).names
            elif suffix == ".csv":
                with open(path, encoding=self._csv_encoding(path), errors="surrogateescape", newline="") as f:
                    columns = _csv_header(csv.reader(f))
            else:
                return
        except (OSError, csv.Error, pa.ArrowException) as exc:
            raise SourceError(f"cannot read {path.name} in {self.folder}: {type(exc).__name__}") from None
        missing = [c for c in REQUIRED_COLUMNS[table] if c not in columns]
        if missing:
            raise SourceError(f"{path.name} in {self.folder} lacks required columns: {', '.join(missing)}")

    def _csv_encoding(self, path: Path) -> str:
        return self.settings.csv_encoding or detect_csv_encoding(path)

    def _csv_rows(self, path: Path) -> Iterator[dict]:
        encoding = self._csv_encoding(path)
        csv.field_size_limit(max(csv.field_size_limit(), _CSV_FIELD_LIMIT))
        with open(path, encoding=encoding, errors="surrogateescape", newline="") as f:
            reader = csv.reader(f)
            header = _csv_header(reader)
            for fields in reader:
                if not fields:
                    continue  # a blank line holds no record
                if any(_UNDECODED.search(v) for v in fields):
                    yield UnparsedRow("invalid_encoding", ",".join(_readable(v, encoding) for v in fields))
                elif len(fields) != len(header):
                    yield UnparsedRow("malformed_csv", ",".join(fields))
                else:
                    yield {name: (value if value != "" else None) for name, value in zip(header, fields)}


def _csv_header(reader) -> list[str]:
    """Column names; a BOM left by a forced 'utf-8' encoding is not part of the first name."""
    return [name.lstrip("\ufeff").strip() for name in next(reader, [])]


def detect_csv_encoding(path: Path) -> str:
    """'utf-8-sig' (BOM), 'utf-8' or 'cp949', judged on the first block holding a non-ASCII byte."""
    with open(path, "rb") as f:
        if f.read(3) == codecs.BOM_UTF8:
            return "utf-8-sig"
        f.seek(0)
        while block := f.read(1 << 16):
            found = _NON_ASCII.search(block)
            if not found:
                continue
            sample = block[found.start():]  # starts on a character boundary: all before it is ASCII
            for encoding in ("utf-8", "cp949"):
                try:
                    codecs.getincrementaldecoder(encoding)().decode(sample, final=False)
                    return encoding
                except UnicodeDecodeError:
                    continue
            raise SourceError(f"cannot tell the encoding of {path.name} (not UTF-8 or CP949); "
                              "set source.csv_encoding")
    return "utf-8"


def _readable(value: str, encoding: str) -> str:
    """Undecodable bytes shown as \\xNN so the quarantined line can be written as JSON."""
    codec = "utf-8" if encoding == "utf-8-sig" else encoding
    return value.encode(codec, "surrogateescape").decode(codec, "backslashreplace")


def _jsonl_rows(path: Path) -> Iterator[dict]:
    with open(path, "rb") as f:
        for line in f:
            line = line.removeprefix(codecs.BOM_UTF8).strip()
            if not line:
                continue
            try:
                text = line.decode("utf-8")
            except UnicodeDecodeError:
                yield UnparsedRow("invalid_encoding", line.decode("utf-8", "backslashreplace"))
                continue
            try:
                row = json.loads(text)
            except json.JSONDecodeError:
                row = None
            yield row if isinstance(row, dict) else UnparsedRow("malformed_json", text)


# --------------------------------------------------------------------------- PostgreSQL


class PostgresSource(Source):
    kind = "postgresql"
    CONNECT_TIMEOUT_S = 10

    def __init__(self, url: str, settings: SourceSettings):
        self.url = url
        self.settings = settings
        try:
            params = conninfo_to_dict(url)
        except psycopg.Error:
            raise SourceError("invalid postgresql:// URL") from None
        self._password = params.get("password")
        host, port = params.get("host", "localhost"), params.get("port", "5432")
        user = f"{params['user']}@" if params.get("user") else ""
        self._description = f"postgresql://{user}{host}:{port}/{params.get('dbname', '')}"
        self.columns = self._read_columns()

    def describe(self) -> str:
        return self._description

    def fingerprint(self) -> str:
        digest = hashlib.sha256()
        with self._connect() as conn:
            for table in TABLES:
                aggregates = [sql.SQL("count(*)")]
                # Cast before max(): a column of an unexpected type (json, say) has no max() of its own.
                aggregates += [sql.SQL("max({}::text)").format(sql.Identifier(c))
                               for c in ("joined_at", "withdrawn_at", "created_at", "updated_at")
                               if c in self.columns[table]]
                flag = {"members": "lower(status::text) = 'withdrawn'",
                        "consultations": "lower(deleted::text) IN ('true', 't', '1', 'y', 'yes')"}[table]
                aggregates.append(sql.SQL("count(*) FILTER (WHERE {})").format(sql.SQL(flag)))
                query = sql.SQL("SELECT {} FROM {}").format(sql.SQL(", ").join(aggregates), sql.Identifier(table))
                digest.update(repr(self._run(conn, query)).encode())
        return digest.hexdigest()

    def iter_chunks(self, table: TableName) -> Iterator[list[dict]]:
        with self._connect() as conn:
            try:
                # A named cursor is a server-side cursor: rows arrive chunk_rows at a time, in the
                # table's physical order (no ORDER BY: sorting a large table would cost more than it tells).
                with conn.cursor(name=f"clinic_anon_{table}", row_factory=dict_row) as cur:
                    cur.execute(sql.SQL("SELECT * FROM {}").format(sql.Identifier(table)))
                    while rows := cur.fetchmany(self.settings.chunk_rows):
                        yield rows
            except psycopg.Error as exc:
                raise SourceError(f"cannot read table {table} from {self._description}: {self._reason(exc)}") from None

    def _read_columns(self) -> dict[TableName, list[str]]:
        columns: dict[TableName, list[str]] = {}
        with self._connect() as conn:
            for table in TABLES:
                found = self._run(conn, "SELECT to_regclass(%s) IS NOT NULL", (table,))
                if not found[0]:
                    raise SourceError(f"table {table} not found in {self._description}")
                with conn.cursor() as cur:
                    cur.execute(sql.SQL("SELECT * FROM {} LIMIT 0").format(sql.Identifier(table)))
                    columns[table] = [d.name for d in cur.description]
                missing = [c for c in REQUIRED_COLUMNS[table] if c not in columns[table]]
                if missing:
                    raise SourceError(f"table {table} in {self._description} lacks required columns: "
                                      f"{', '.join(missing)}")
        return columns

    def _connect(self) -> psycopg.Connection:
        try:
            return psycopg.connect(self.url, connect_timeout=self.CONNECT_TIMEOUT_S)
        except psycopg.Error as exc:
            raise SourceError(f"cannot connect to {self._description}: {self._reason(exc)}") from None

    def _run(self, conn: psycopg.Connection, query, params=None) -> tuple:
        try:
            with conn.cursor() as cur:
                cur.execute(query, params)
                return cur.fetchone()
        except psycopg.Error as exc:
            raise SourceError(f"cannot query {self._description}: {self._reason(exc)}") from None

    def _reason(self, exc: psycopg.Error) -> str:
        """The server's or libpq's last message line, without the password should it ever appear."""
        lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
        reason = lines[0].rsplit("failed: ", 1)[-1] if lines else type(exc).__name__
        if self._password:
            reason = reason.replace(self._password, "***")
        return reason
