"""Which source a ``--source`` spec names: a folder, a PostgreSQL database, or a clinic board
(MySQL/MariaDB or a folder of its CSV dump, read through a mapping).

Kept apart from ``flows.sources`` (the source kinds and what they share) so that the board sources,
which build on that module, are imported from here without a cycle.
"""
from __future__ import annotations

from pathlib import Path

from flows.board_mapping import MappingError, load_mapping
from flows.config import SourceSettings
from flows.sources import FolderSource, PostgresSource, Source, SourceError, is_database_url
from flows.sources_board_dump import BoardDumpSource
from flows.sources_mysql import MySQLSource, is_mysql_url


def open_source(spec: str, settings: SourceSettings) -> Source:
    """A readable source for ``spec`` (folder path, postgresql:// or mysql:// URL), or SourceError.

    With ``settings.mapping`` the source is a clinic board: its MySQL/MariaDB database or a folder
    of its CSV dump, read through the mapping (flows.board_mapping).
    """
    if not spec.strip():
        raise SourceError("no source given (a folder, a postgresql:// or a mysql:// URL)")  # "" would mean the cwd
    if settings.mapping is not None or spec.startswith(("mysql://", "mariadb://")):
        return _open_board(spec, settings)
    if is_database_url(spec):
        return PostgresSource(spec, settings)
    return FolderSource(Path(spec), settings)


def _open_board(spec: str, settings: SourceSettings) -> Source:
    if settings.mapping is None:
        raise SourceError("a mysql:// source needs a board mapping (--mapping FILE, e.g. mappings/gnuboard5.toml)")
    if is_database_url(spec) and not is_mysql_url(spec):
        raise SourceError("a board mapping reads a mysql:// database or a folder of a board's CSV dump, "
                          "not a postgresql:// database")
    try:
        mapping = load_mapping(settings.mapping)
    except MappingError as exc:
        raise SourceError(str(exc)) from None
    if is_mysql_url(spec):
        return MySQLSource(spec, settings, mapping)
    return BoardDumpSource(Path(spec), settings, mapping)
