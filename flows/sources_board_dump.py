"""A board's CSV dump (one ``<table>.csv`` per board table), read through the same board mapping as
the board's MySQL database, with DuckDB running the mapping's SQL.

CSV: a header row, comma-separated, RFC 4180 quoting, UTF-8 or CP949 (as for the contract files),
SQL NULL written as ``[files].null`` of the mapping (``\\N`` by default), an empty field is an empty
string as in the database. Only the files of tables the mapping reads are opened; password columns
are never copied and attachment tables never opened.

When the source is opened each such file is copied once into a private staging folder (mode 700,
removed with the source) as Parquet, so DuckDB can read it in bounded memory. Every column is text,
as the board wrote it, except those the mapping lists in ``[files].integers`` (ids, levels, flags it
compares, orders or joins on), so that ``mb_level >= 8`` or ``MIN(wr_id)`` mean what they mean in
MySQL; a value there that is not an integer makes the source unreadable. Typing never depends on
the data (a column of digits that happens to hold no letters stays text). A line that cannot be parsed (field
count, encoding) in the members or consultations table becomes a quarantined row; in any other
table it makes the source unreadable, because a lost notice or staff row would change what is read.
"""
from __future__ import annotations

import csv
import hashlib
import itertools
import json
import re
import shutil
import tempfile
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from flows.board_mapping import BoardMapping, mapped_chunks, referenced_tables
from contract.bounded_duckdb import bounded_duckdb
from flows.config import SourceSettings
from contract.records import TABLES, TableName
from flows.sources import Source, SourceError, UnparsedRow, detect_csv_encoding

_INTEGER = re.compile(r"^\s*-?[0-9]{1,18}\s*$")
_NEVER_COPIED = re.compile(r"password|passwd", re.IGNORECASE)
_UNDECODED = re.compile("[\udc80-\udcff]")
_BATCH_ROWS = 10_000
_CSV_FIELD_LIMIT = 64 * 1024 * 1024


class BoardDumpSource(Source):
    kind = "board_files"

    def __init__(self, folder: Path, settings: SourceSettings, mapping: BoardMapping):
        self.folder = folder
        self.settings = settings
        self.mapping = mapping
        if not folder.is_dir():
            raise SourceError(f"source folder {folder} does not exist or is not a folder")
        files = {p.stem.lower(): p for p in folder.iterdir() if p.is_file() and p.suffix.lower() == ".csv"}
        self.files: dict[str, Path] = {}
        for table in TABLES:
            for name in sorted(referenced_tables(mapping.queries[table])):
                if name.lower() not in files:
                    raise SourceError(f"table {name} not found: no {name}.csv in {folder} ({mapping.describe()})")
                self.files[name.lower()] = files[name.lower()]
        self._staging = Path(tempfile.mkdtemp(prefix="clinic-anon-board-"))  # mode 700
        self._cleanup = weakref.finalize(self, shutil.rmtree, self._staging, True)
        self._owner = {mapping.queries[t].source_table.lower(): t for t in TABLES}
        self._columns: dict[str, list[tuple[str, bool]]] = {}  # table -> (column, is integer)
        for name, path in self.files.items():
            self._columns[name] = self._stage(name, path)
        for table in TABLES:
            self._check(table)

    def describe(self) -> str:
        return f"board dump in {self.folder} ({self.mapping.describe()})"

    def fingerprint(self) -> str:
        digest = hashlib.sha256(self.mapping.path.read_bytes())
        for name in sorted(self.files):
            stat = self.files[name].stat()
            digest.update(f"{name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
        return digest.hexdigest()

    def iter_chunks(self, table: TableName) -> Iterator[list[dict]]:
        unparsed = self._staging / f"{table}.unparsed.jsonl"
        if unparsed.exists():
            with open(unparsed, encoding="utf-8") as f:
                while lines := list(itertools.islice(f, self.settings.chunk_rows)):
                    yield [UnparsedRow(r["reason"], r["raw"]) for r in map(json.loads, lines)]
        yield from mapped_chunks(self.mapping.queries[table], self._stream(table), UnparsedRow)

    def _stream(self, table: TableName) -> Iterator[list[dict]]:
        with self._connect() as con:
            try:
                reader = con.execute(self.mapping.queries[table].sql).to_arrow_reader(self.settings.chunk_rows)
                for batch in reader:
                    if batch.num_rows:
                        yield batch.to_pylist()
            except duckdb.Error as exc:
                raise SourceError(f"cannot read {table} from {self.describe()}: {_first_line(exc)}") from None

    @contextmanager
    def _connect(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with bounded_duckdb(self._staging) as con:
            for name, columns in self._columns.items():
                select = ", ".join(f'CAST("{c}" AS BIGINT) AS "{c}"' if integer else f'"{c}"'
                                   for c, integer in columns)
                parquet = str(self._staging / f"{name}.parquet").replace("'", "''")
                con.execute(f'CREATE VIEW "{name}" AS SELECT {select} FROM read_parquet(\'{parquet}\')')
            yield con

    def _check(self, table: TableName) -> None:
        query = self.mapping.queries[table]
        for board_table, columns in query.plain_columns.items():
            present = {c.lower() for c, _ in self._columns.get(board_table.lower(), [])}
            missing = sorted(c for c in columns if c.lower() not in present)
            if missing:
                raise SourceError(f"{self.mapping.describe()}: {table} names column {missing[0]}, "
                                  f"which {board_table}.csv in {self.folder} does not have")
        with self._connect() as con:
            try:
                con.execute(f"{query.sql} LIMIT 0").fetchall()
            except duckdb.Error as exc:
                raise SourceError(f"{self.mapping.describe()}: the {table} query fails on "
                                  f"{self.folder}: {_first_line(exc)}") from None

    def _stage(self, name: str, path: Path) -> list[tuple[str, bool]]:
        """Copy ``path`` into staging as Parquet (text columns; no password column); which columns are integers."""
        encoding = self.settings.csv_encoding or detect_csv_encoding(path)
        null = self.mapping.null_marker
        owner = self._owner.get(name)
        csv.field_size_limit(max(csv.field_size_limit(), _CSV_FIELD_LIMIT))
        with open(path, encoding=encoding, errors="surrogateescape", newline="") as f:
            reader = csv.reader(f)
            header = [h.lstrip("\ufeff").strip() for h in next(reader, [])]
            if not header:
                raise SourceError(f"{path.name} in {self.folder} has no header row")
            kept = [i for i, h in enumerate(header) if not _NEVER_COPIED.search(h)]
            names = [header[i] for i in kept]
            schema = pa.schema([(n, pa.string()) for n in names])
            wanted = self.mapping.integer_columns(name)
            absent = sorted(wanted - {n.lower() for n in names})
            if absent:
                raise SourceError(f"{self.mapping.describe()}: [files].integers names {name}.{absent[0]}, "
                                  f"which {path.name} in {self.folder} does not have")
            integer = [n.lower() in wanted for n in names]
            unparsed = None
            batch: list[list[str | None]] = [[] for _ in names]
            rows = 0
            try:
                with pq.ParquetWriter(self._staging / f"{name}.parquet", schema) as writer:
                    for line, fields in enumerate(reader, start=2):
                        if not fields:
                            continue
                        problem = "malformed_csv" if len(fields) != len(header) else \
                            "invalid_encoding" if any(_UNDECODED.search(v) for v in fields) else None
                        if problem:
                            if owner is None:
                                raise SourceError(f"{path.name} in {self.folder}: line {line} is "
                                                  f"{problem.replace('_', ' ')}")
                            if unparsed is None:
                                unparsed = open(self._staging / f"{owner}.unparsed.jsonl", "w", encoding="utf-8")
                            raw = ",".join(v.encode(encoding, "surrogateescape").decode(encoding, "backslashreplace")
                                           for v in fields)
                            unparsed.write(json.dumps({"reason": problem, "raw": raw}, ensure_ascii=False) + "\n")
                            continue
                        for j, i in enumerate(kept):
                            value = None if fields[i] == null else fields[i]
                            if integer[j] and value is not None and not _INTEGER.match(value):
                                raise SourceError(f"{path.name} in {self.folder}: {names[j]} on line {line} "
                                                  "is not an integer")
                            batch[j].append(value)
                        rows += 1
                        if rows % _BATCH_ROWS == 0:
                            writer.write_table(pa.table(batch, schema=schema))
                            batch = [[] for _ in names]
                    writer.write_table(pa.table(batch, schema=schema))
            finally:
                if unparsed is not None:
                    unparsed.close()
        return list(zip(names, integer))


def _first_line(exc: Exception) -> str:
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return (lines[0] if lines else type(exc).__name__)[:300]
