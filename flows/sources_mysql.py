"""A clinic board's own MySQL/MariaDB database, read through a board mapping (flows.board_mapping).

``mysql://user@host:port/db`` (or ``mariadb://``). The password is never part of the source
string that becomes a Prefect parameter: it comes from ``MYSQL_PWD`` (the CLI moves a password
written in the URL there first, flows.sources.strip_password) or from an option file
(``source.mysql_option_file``, default ``~/.my.cnf``, section ``[client]``), and it is masked in
every error message.

Rows stream through a server-side cursor (PyMySQL ``SSCursor``), ``chunk_rows`` at a time, in a
read-only session; only the columns and expressions the mapping names are selected, so password
columns and attachment tables are never read (the mapping refuses to name them).
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pymysql
import pymysql.cursors

from flows.board_mapping import BoardMapping, TableQuery, mapped_chunks, referenced_tables
from flows.config import SourceSettings
from contract.records import TABLES, TableName
from flows.sources import Source, SourceError, UnparsedRow

PASSWORD_ENV = "MYSQL_PWD"
SCHEMES = ("mysql://", "mariadb://")
_CONNECT_TIMEOUT_S = 10
# A slow consumer (validation of a large chunk) must not make the server drop the stream.
_SESSION = "SET SESSION net_write_timeout = 3600"


def is_mysql_url(spec: str) -> bool:
    return spec.startswith(SCHEMES)


class MySQLSource(Source):
    kind = "mysql"

    def __init__(self, url: str, settings: SourceSettings, mapping: BoardMapping):
        self.settings = settings
        self.mapping = mapping
        parts = urlsplit(url)
        try:
            port = parts.port
        except ValueError:
            raise SourceError("invalid mysql:// URL (port)") from None
        self._database = unquote(parts.path.lstrip("/"))
        if not self._database:
            raise SourceError("invalid mysql:// URL: no database (mysql://user@host:port/db)")
        self._password = unquote(parts.password) if parts.password is not None else os.environ.get(PASSWORD_ENV)
        option_file = settings.mysql_option_file or Path("~/.my.cnf").expanduser()
        self._options = {"host": parts.hostname or None, "port": port or 0,
                         "user": unquote(parts.username) if parts.username else None,
                         "password": self._password or "", "database": self._database,
                         "read_default_file": str(option_file) if option_file.is_file() else None}
        host = parts.hostname or "localhost"
        user = f"{unquote(parts.username)}@" if parts.username else ""
        self._description = f"mysql://{user}{host}:{port or 3306}/{self._database}"
        self._check()

    def describe(self) -> str:
        return f"{self._description} ({self.mapping.describe()})"

    def fingerprint(self) -> str:
        digest = hashlib.sha256()
        with self._connect() as conn:
            for table in TABLES:
                digest.update(repr(self._fetchone(conn, _fingerprint_sql(self.mapping.queries[table]))).encode())
        return digest.hexdigest()

    def iter_chunks(self, table: TableName) -> Iterator[list[dict]]:
        query = self.mapping.queries[table]
        yield from mapped_chunks(query, self._stream(query), UnparsedRow)

    def _stream(self, query: TableQuery) -> Iterator[list[dict]]:
        with self._connect() as conn:
            try:
                with conn.cursor(pymysql.cursors.SSCursor) as cur:
                    cur.execute(query.sql)
                    names = [d[0] for d in cur.description]
                    while rows := cur.fetchmany(self.settings.chunk_rows):
                        yield [dict(zip(names, row)) for row in rows]
            except pymysql.MySQLError as exc:
                raise SourceError(f"cannot read {query.table} from {self._description}: {self._reason(exc)}") from None

    def _check(self) -> None:
        """Connect, find every table and plain column the mapping names, and prepare both queries."""
        with self._connect() as conn:
            present: dict[str, set[str]] = {}
            with conn.cursor() as cur:
                cur.execute("SELECT table_name, column_name FROM information_schema.columns "
                            "WHERE table_schema = DATABASE()")
                for table_name, column in cur.fetchall():
                    present.setdefault(str(table_name).lower(), set()).add(str(column).lower())
            for table in TABLES:
                query = self.mapping.queries[table]
                for name in sorted(referenced_tables(query)):
                    if name.lower() not in present:
                        raise SourceError(f"table {name} not found in {self._description} "
                                          f"({self.mapping.describe()}, {table})")
                for board_table, columns in query.plain_columns.items():
                    missing = sorted(c for c in columns if c.lower() not in present.get(board_table.lower(), set()))
                    if missing:
                        raise SourceError(f"{self.mapping.describe()}: {table} names column {missing[0]}, "
                                          f"which {board_table} in {self._description} does not have")
                try:
                    with conn.cursor() as cur:
                        cur.execute(f"{query.sql} LIMIT 0")
                except pymysql.MySQLError as exc:
                    raise SourceError(f"{self.mapping.describe()}: the {table} query fails on "
                                      f"{self._description}: {self._reason(exc)}") from None

    def _connect(self) -> pymysql.connections.Connection:
        try:
            conn = pymysql.connect(**self._options, charset="utf8mb4", connect_timeout=_CONNECT_TIMEOUT_S,
                                   init_command=_SESSION, autocommit=False)
            with conn.cursor() as cur:
                cur.execute("SET SESSION TRANSACTION READ ONLY")  # the source is never written to
            return conn
        except pymysql.MySQLError as exc:
            raise SourceError(f"cannot connect to {self._description}: {self._reason(exc)}") from None
        except (OSError, ValueError) as exc:  # an unreadable option file, a bad port in it
            raise SourceError(f"cannot connect to {self._description}: {type(exc).__name__}") from None

    def _fetchone(self, conn, sql: str) -> tuple:
        try:
            with conn.cursor() as cur:
                cur.execute(sql)
                return cur.fetchone()
        except pymysql.MySQLError as exc:
            raise SourceError(f"cannot query {self._description}: {self._reason(exc)}") from None

    def _reason(self, exc: pymysql.MySQLError) -> str:
        """The server's message (e.g. ``(1045) Access denied for user ...``), one line, password masked."""
        args = getattr(exc, "args", ())
        if len(args) >= 2:
            text = f"({args[0]}) {args[1]}"
        else:
            text = str(exc) or type(exc).__name__
        text = " ".join(text.split())
        if self._password:
            text = text.replace(self._password, "***")
        return text[:300]


def _fingerprint_sql(query: TableQuery) -> str:
    """Counts and latest timestamps of a mapped table (changes when the board's content changes)."""
    fields = query.fields
    aggregates = ["COUNT(*)"] + [f"MAX({name})" for name in ("joined_at", "withdrawn_at", "created_at",
                                                               "updated_at", "answered_at")
                                 if name in fields and fields[name].value is None]
    if "status" in fields and fields["status"].value is None:
        aggregates.append("SUM(CASE WHEN status = 'withdrawn' THEN 1 ELSE 0 END)")
    return f"SELECT {', '.join(aggregates)} FROM ({query.sql}) {query.table}_rows"
