"""Needles from the source snapshot the run read: the accepted Parquet files in the private area.

The live source may have changed or be down by the time the check runs; the snapshot is what the
releases were built from. Rows are read in small batches of only the columns that hold personal
values, so memory stays flat with the source (the needles themselves are packed, see NeedleIndex).
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq

from anonymise.gate.needles import CONSULTATION_COLUMNS, MEMBER_COLUMNS, NeedleSet, build_needles

BATCH_ROWS = 5_000
TABLE_COLUMNS = {"members": MEMBER_COLUMNS, "consultations": CONSULTATION_COLUMNS}


def snapshot_needles(accepted_dir: Path) -> NeedleSet:
    """Needles of ``accepted_dir``/members.parquet and consultations.parquet; a missing file is an error."""
    accepted_dir = Path(accepted_dir)
    for table in TABLE_COLUMNS:
        if not (accepted_dir / f"{table}.parquet").is_file():
            raise FileNotFoundError(f"no accepted {table}.parquet in the snapshot")
    return build_needles({table: _batches(accepted_dir / f"{table}.parquet", list(columns))
                          for table, columns in TABLE_COLUMNS.items()})


def _batches(path: Path, wanted: list[str]) -> Iterator[list[dict]]:
    parquet = pq.ParquetFile(path)
    columns = [c for c in wanted if c in parquet.schema_arrow.names]
    for batch in parquet.iter_batches(batch_size=BATCH_ROWS, columns=columns):
        yield batch.to_pylist()
