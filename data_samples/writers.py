"""Streaming writers for the generated tables: JSON Lines, CSV (UTF-8) and Parquet (row groups).

Rows are written as they come, so memory stays bounded by one Parquet row group whatever the
number of rows.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

ROW_GROUP_ROWS = 20_000


class JsonlWriter:
    """One JSON object per line; keys in schema order because rows are built in that order."""

    def __init__(self, path: Path, schema: pa.Schema):
        self._f = open(path, "w", encoding="utf-8", newline="\n")

    def write(self, row: dict) -> None:
        self._f.write(json.dumps(row, ensure_ascii=False) + "\n")

    def close(self) -> None:
        self._f.close()


class CsvWriter:
    """Booleans as true/false and nulls as empty cells, the way spreadsheets and COPY read them."""

    def __init__(self, path: Path, schema: pa.Schema):
        self._f = open(path, "w", encoding="utf-8", newline="")
        self._w = csv.writer(self._f)
        self._names = schema.names
        self._w.writerow(self._names)

    def write(self, row: dict) -> None:
        self._w.writerow(["" if v is None else ("true" if v else "false") if isinstance(v, bool) else v
                          for v in (row[n] for n in self._names)])

    def close(self) -> None:
        self._f.close()


class ParquetWriter:
    def __init__(self, path: Path, schema: pa.Schema):
        self._schema = schema
        self._w = pq.ParquetWriter(path, schema, compression="zstd")
        self._rows: list[dict] = []
        self._group = ROW_GROUP_ROWS

    def write(self, row: dict) -> None:
        self._rows.append(row)
        if len(self._rows) >= self._group:
            self._flush()

    def _flush(self) -> None:
        if self._rows:
            self._w.write_table(pa.Table.from_pylist(self._rows, schema=self._schema))
            self._rows = []

    def close(self) -> None:
        self._flush()
        self._w.close()


WRITERS = {"jsonl": JsonlWriter, "csv": CsvWriter, "parquet": ParquetWriter}


def open_writer(path: Path, fmt: str, schema: pa.Schema):
    return WRITERS[fmt](path, schema)
