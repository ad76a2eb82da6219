"""DuckDB connections whose memory does not grow with the data.

DuckDB's default memory limit is 80 % of the machine; with it a join or sort over a million
consultations holds them all. With a fixed limit and a spill folder it spills to disk instead, so
the flow's memory stays flat however many consultations there are. Spilled pages can hold raw
records, so the folder is a fresh private one (mode 700) removed when the connection closes.

One thread: at 757,000 consultations the chunk planner's sort of full rows ran out of its 1 GB
with two threads (each keeps its own sort buffers) and finished in 15 s with one.
"""
from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from contract.owner import SPILL_PREFIX, process_token

MEMORY_LIMIT = "1GB"


@contextmanager
def bounded_duckdb(spill_parent: Path, database: str = ":memory:",
                   memory_limit: str = MEMORY_LIMIT) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection limited to ``memory_limit`` that spills into a private folder under ``spill_parent``."""
    # mkdtemp: mode 700. The owner in the name lets the next run remove it if this process is killed.
    with tempfile.TemporaryDirectory(prefix=f"{SPILL_PREFIX}{process_token()}-", dir=spill_parent) as spill:
        con = duckdb.connect(database, config={"memory_limit": memory_limit, "temp_directory": spill, "threads": 1})
        try:
            yield con
        finally:
            con.close()
