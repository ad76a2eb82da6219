"""The list to destroy: source ids of the consultations past retention, for the clinic to delete at the source.

``OUT/private/due_for_destruction.csv`` holds one column, ``consultation_id``, for every accepted
consultation that eligibility finds past retention (the rule and count of
``due_for_destruction``, flows/sql/eligibility.sql). It is rewritten whole by every run, so it
lists what the source still holds: once the clinic has deleted a record, it leaves the list. Ids
only, nothing else of the record; private (mode 600).
"""
from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pyarrow.csv as pacsv

from flows.workarea import WorkArea, open_private

RELATIVE_PATH = Path("private") / "due_for_destruction.csv"  # relative to OUT, as the run report shows it
_BATCH_ROWS = 50_000


def destroy_list_file(work: WorkArea) -> Path:
    return work.out / RELATIVE_PATH


def write_destroy_list(con: duckdb.DuckDBPyConnection, work: WorkArea) -> int:
    """Write the list from the ``consultations`` view of an eligibility connection (macro
    ``past_retention`` defined); returns the number of ids written."""
    target = destroy_list_file(work)
    tmp = target.with_name(f".{target.name}.tmp")
    reader = con.execute("SELECT consultation_id FROM consultations WHERE past_retention(created_at) "
                         "ORDER BY consultation_id").to_arrow_reader(_BATCH_ROWS)
    written = 0
    with open_private(tmp, "wb") as sink, pacsv.CSVWriter(sink, reader.schema) as writer:
        for batch in reader:
            writer.write_batch(batch)
            written += batch.num_rows
    os.replace(tmp, target)
    return written
