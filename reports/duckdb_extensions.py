"""DuckDB's full-text-search extension, loaded from the `duckdb_extension_fts` PyPI package.

DuckDB would normally download extensions; this machine (and a clinic's batch host) may not
reach the extension repository, so the extension file shipped inside the PyPI package is
installed from its path into a local extension directory and loaded from there.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

import duckdb
import duckdb_extension_fts

# One directory per user, outside any release and outside the repository.
EXTENSION_DIR = Path(tempfile.gettempdir()) / "clinic-anon-duckdb-extensions"


def fts_extension_file() -> Path:
    """The .duckdb_extension file for the installed DuckDB version inside the PyPI package."""
    folder = Path(duckdb_extension_fts.__file__).parent / "extensions" / f"v{duckdb.__version__}"
    found = sorted(folder.glob("fts.duckdb_extension"))
    if not found:
        raise RuntimeError(f"duckdb_extension_fts has no fts extension for DuckDB {duckdb.__version__}")
    return found[0]


def load_fts(con: duckdb.DuckDBPyConnection) -> None:
    """Make `PRAGMA create_fts_index` and `match_bm25` available on ``con`` without any download."""
    EXTENSION_DIR.mkdir(parents=True, exist_ok=True)
    con.execute(f"SET extension_directory = '{EXTENSION_DIR.as_posix()}'")
    con.execute("SET autoinstall_known_extensions = false")
    try:
        con.execute("LOAD fts")
    except duckdb.Error:  # not yet installed in this directory (first use on this machine)
        con.execute(f"INSTALL '{fts_extension_file().as_posix()}'")
        con.execute("LOAD fts")
