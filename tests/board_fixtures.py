"""Helpers for the board-source tests: the bundled sample as a board dump, and a board's CSV dump."""
from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

import pymysql

from data_samples.board_dump import write_board_dump

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data_samples" / "sample"
MAPPINGS = ROOT / "mappings"


def sample_dump(folder: Path, board: str) -> Path:
    """The bundled sample written as ``board``'s SQL dump under ``folder``."""
    path = folder / f"{board}.sql"
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        write_board_dump(SAMPLE / "members.jsonl", SAMPLE / "consultations.jsonl", path, board)
    return path


def connect(server, database: str) -> pymysql.connections.Connection:
    return pymysql.connect(host="127.0.0.1", port=server.port, user="root", database=database,
                           charset="utf8mb4", autocommit=True)


def dump_to_csv(server, database: str, folder: Path) -> Path:
    """Every table of ``database`` as ``<table>.csv`` (header, NULL as \\N), as a steward would export it."""
    folder.mkdir(parents=True, exist_ok=True)
    with connect(server, database) as conn, conn.cursor() as cur:
        cur.execute("SHOW TABLES")
        for (table,) in cur.fetchall():
            cur.execute(f"SELECT * FROM {table}")
            with open(folder / f"{table}.csv", "w", encoding="utf-8", newline="") as f:
                writer = csv.writer(f)
                writer.writerow([d[0] for d in cur.description])
                for row in cur.fetchall():
                    writer.writerow([_csv_value(v) for v in row])
    return folder


def _csv_value(value) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, (set, frozenset)):
        return ",".join(sorted(value))
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
