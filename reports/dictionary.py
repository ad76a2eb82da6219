"""Self-documentation of a release database, and the allowlist guard.

Descriptions live in reports/dictionary.toml; allowed columns in reports/release_allowlist.toml.
Both guards fail closed: a table or column that is not allowed, or not described, stops the build.
"""
from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

import duckdb

HERE = Path(__file__).resolve().parent
DICTIONARY_FILE = HERE / "dictionary.toml"
ALLOWLIST_FILE = HERE / "release_allowlist.toml"


class ReleaseSchemaError(RuntimeError):
    """A release holds a table or column that is not allowed or not described (names only, no data)."""


@cache
def allowlist() -> dict[str, dict[str, list[str]]]:
    """release -> table (schema-qualified outside main) -> allowed columns."""
    return tomllib.loads(ALLOWLIST_FILE.read_text(encoding="utf-8"))


@cache
def _descriptions() -> dict:
    return tomllib.loads(DICTIONARY_FILE.read_text(encoding="utf-8"))


def table_columns(con: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
    """Every persistent table of the database -> its columns, in order."""
    tables: dict[str, list[str]] = {}
    for schema, table, column in con.execute("""
            SELECT c.table_schema, c.table_name, c.column_name
            FROM information_schema.columns c
            JOIN information_schema.tables t USING (table_catalog, table_schema, table_name)
            WHERE c.table_catalog = current_database() AND t.table_type = 'BASE TABLE'
            ORDER BY c.table_schema, c.table_name, c.ordinal_position""").fetchall():
        name = table if schema == "main" else f"{schema}.{table}"
        tables.setdefault(name, []).append(column)
    return tables


def assert_allowed(con: duckdb.DuckDBPyConnection, release: str) -> None:
    """Raise if the database has a table or column the allowlist does not name for ``release``."""
    allowed = allowlist()[release]
    for table, columns in table_columns(con).items():
        extra = [c for c in columns if c not in allowed.get(table, [])]
        if extra:
            raise ReleaseSchemaError(f"{release}: {table} has columns not in the allowlist: {extra}")


def document(con: duckdb.DuckDBPyConnection, release: str) -> None:
    """Create ``data_dictionary`` and COMMENT ON every table and column (all must be described)."""
    described = {**_descriptions()["common"], **_descriptions()[release]}
    con.execute("CREATE TABLE data_dictionary (table_name VARCHAR, column_name VARCHAR, description VARCHAR)")
    rows, statements = [], []
    for table, columns in table_columns(con).items():
        entry = described.get(table)
        missing = [c for c in columns if entry is None or c not in entry.get("columns", {})]
        if entry is None or missing:
            raise ReleaseSchemaError(f"{release}: {table} lacks a description for {missing or 'the table'}")
        quoted = ".".join(f'"{part}"' for part in table.split("."))
        statements.append(f"COMMENT ON TABLE {quoted} IS {_literal(entry['description'])};")
        rows.append((table, "", entry["description"]))
        for column in columns:
            statements.append(f'COMMENT ON COLUMN {quoted}."{column}" IS {_literal(entry["columns"][column])};')
            rows.append((table, column, entry["columns"][column]))
    con.execute("\n".join(statements))
    con.execute("INSERT INTO data_dictionary SELECT * FROM (SELECT unnest(?, recursive := true))", [
        [{"table_name": t, "column_name": c, "description": d} for t, c, d in rows]])


def _literal(text: str) -> str:
    """A SQL string literal (COMMENT ON takes no bound parameters)."""
    return "'" + text.replace("'", "''") + "'"
