"""A board mapping: how a clinic board's own tables become ``members`` and ``consultations``.

A mapping is a TOML file (``mappings/gnuboard5.toml``, ``mappings/rhymix.toml`` are shipped; copy
one and edit it). It is read strictly: an unknown key, a field outside the source data contract,
a column that is not a plain name, a table or column the project never reads (passwords, the
attachment tables) is a ``MappingError`` of one line. From it this module builds one SELECT per
contract table, the same SQL for a MySQL/MariaDB database and for DuckDB over the board's CSV dump
(write expressions both understand: CONCAT, CONCAT_WS, COALESCE, NULLIF, CASE, EXISTS ...), and
turns each fetched row into a contract row (``RowMapper``).

Aliases in the consultations SQL: ``post`` is the consultation's row, ``answer`` the candidate
answer row inside an ``[[consultations.answers]]`` way. ``${name}`` is replaced by
``[parameters].name`` everywhere (table names and SQL).

Row rules (the same for every board source):
- text is repaired when it is Korean stored under a Latin-1 label (flows.mojibake), or the row is
  quarantined ``mojibake:<field>``; bytes that are neither UTF-8 nor CP949 quarantine it
  ``invalid_encoding:<field>``;
- ``format`` turns editor HTML into text (flows.html_text); ``wr_option`` decides per row as
  gnuboard does (``html1``: HTML with newlines as breaks, ``html2``: HTML, else plain text);
- date and timestamp fields: MySQL's zero dates (``0000-00-00 ...``) are null, ``YYYYMMDD`` and
  ``YYYYMMDDHHMMSS`` (gnuboard's ``mb_birth``/``mb_leave_date``, Rhymix's ``regdate``) are dates;
- ``map`` replaces a value by its contract value (``눈성형`` -> ``eyes``); a value the map lacks
  becomes ``default`` if one is given, else stays as it is (and validation decides);
- ``updated_at`` is never earlier than ``answered_at``: an answer written later makes the
  consultation new again for the incremental run.
"""
from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

import duckdb
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from flows.html_text import html_to_text
from flows.mojibake import repair
from contract.records import MODELS, REQUIRED_COLUMNS, TIMESTAMP_FIELDS, TableName

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_PARAMETER = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
_SQL_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_$]*")
# Never read, not even selected: password hashes and attachment rows (uploaded files of patients).
FORBIDDEN_TABLES = {"g5_board_file", "files", "xe_files", "rx_files"}
_FORBIDDEN_WORD = re.compile(r"password|passwd|board_file$", re.IGNORECASE)
_DATE_FIELDS = {"birth_date"}
_ZERO_DATE = re.compile(r"^0000-00-00")
_COMPACT_DAY = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_COMPACT_TIME = re.compile(r"^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$")
TEXT_FORMATS = ("text", "html", "html_br", "wr_option")
INTERNAL = "clinic_anon_"  # prefix of the helper columns and aliases the generated SQL adds


class MappingError(Exception):
    """The mapping file cannot be used. One line; never a record value."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FieldSpec(_Strict):
    column: str | None = Field(None, description="A column of the row (post for consultations)")
    sql: str | None = Field(None, description="An SQL expression (aliases post / answer ways resolved)")
    answer: str | None = Field(None, description="A column of the answer row")
    value: str | int | bool | None = Field(None, description="A constant")
    map: dict[str, str | int | bool] | None = None
    default: str | int | bool | None = None
    format: Literal["text", "html", "html_br", "wr_option"] = "text"

    @model_validator(mode="after")
    def _one_source(self) -> FieldSpec:
        given = [k for k in ("column", "sql", "answer", "value") if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of column, sql, answer, value")
        for name in (self.column, self.answer):
            if name is not None and not _IDENTIFIER.match(name):
                raise ValueError(f"{name!r} is not a column name (use sql = ... for an expression)")
        if self.default is not None and self.map is None:
            raise ValueError("default needs a map")
        return self


def _field_spec(value: Any) -> Any:
    return {"column": value} if isinstance(value, str) else value


class AnswerWay(_Strict):
    table: str | None = Field(None, description="Default: the consultations table")
    where: str = Field(..., description="Which rows of the table are answers (alias answer)")
    answer_key: str = Field(..., description="Column of the answer row ...")
    post_key: str = Field(..., description="... equal to this column of the consultation's row")
    order: str = Field(..., description="Unique id column of the answer table: the lowest match is the answer")

    @field_validator("answer_key", "post_key", "order")
    @classmethod
    def _plain(cls, value: str) -> str:
        if not _IDENTIFIER.match(value):
            raise ValueError(f"{value!r} is not a column name")
        return value


class TableSpec(_Strict):
    table: str
    where: str | None = None
    order_by: str | None = Field(None, description="SQL: the order rows are read in (a unique key keeps runs comparable)")
    fields: dict[str, FieldSpec]
    answers: list[AnswerWay] = []

    @field_validator("fields", mode="before")
    @classmethod
    def _shorthand(cls, value: Any) -> Any:
        return {k: _field_spec(v) for k, v in value.items()} if isinstance(value, dict) else value


class FilesSpec(_Strict):
    null: str = Field("\\N", description="How the CSV dump writes SQL NULL (mysqldump and INTO OUTFILE: \\N)")
    integers: list[str] = Field([], description="table.column: integer columns of the board's schema that the "
                                "mapping compares, orders or joins on (every other CSV column is text)")

    @field_validator("integers")
    @classmethod
    def _qualified(cls, value: list[str]) -> list[str]:
        for name in value:
            table, _, column = name.partition(".")
            if not (_PARAMETER.sub("x", table) and _IDENTIFIER.match(_PARAMETER.sub("x", table))
                    and _IDENTIFIER.match(column)):
                raise ValueError(f"{name!r} is not table.column")
        return value


class MappingFile(_Strict):
    name: str
    description: str = ""
    parameters: dict[str, str | int] = {}
    files: FilesSpec = FilesSpec()
    members: TableSpec
    consultations: TableSpec


@dataclass(frozen=True)
class TableQuery:
    """The SQL for one contract table and what RowMapper needs to read its rows."""

    table: TableName
    source_table: str                       # the board table whose rows are this table's rows
    sql: str
    fields: dict[str, FieldSpec]
    plain_columns: dict[str, set[str]]      # board table -> columns named as plain columns


@dataclass(frozen=True)
class BoardMapping:
    path: Path
    spec: MappingFile
    queries: dict[TableName, TableQuery]

    @property
    def null_marker(self) -> str:
        return self.spec.files.null

    def integer_columns(self, table: str) -> set[str]:
        """Columns of board table ``table`` that a CSV dump must read as integers."""
        return {c.partition(".")[2].lower() for c in self.spec.files.integers
                if c.partition(".")[0].lower() == table.lower()}

    def describe(self) -> str:
        return f"mapping {self.path.name} ({self.spec.name})"


def load_mapping(path: Path) -> BoardMapping:
    """Read, check and compile a mapping file; MappingError (one line) when it cannot be used."""
    where = f"mapping {path}"
    try:
        with open(path, "rb") as f:
            raw = tomllib.load(f)
    except FileNotFoundError:
        raise MappingError(f"{where}: file not found") from None
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise MappingError(f"{where}: {_one_line(str(exc))}") from None
    try:
        spec = MappingFile.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        location = ".".join(str(p) for p in first["loc"]) or "(top)"
        message = "unknown key" if first["type"] == "extra_forbidden" else first["msg"]
        raise MappingError(f"{where}: {location}: {_one_line(message)}") from None
    spec = _substituted(spec, where)
    queries = {table: _compile(table, getattr(spec, table), where) for table in ("members", "consultations")}
    return BoardMapping(path=path, spec=spec, queries=queries)


def _one_line(text: str) -> str:
    return " ".join(text.split())[:300]


def _substituted(spec: MappingFile, where: str) -> MappingFile:
    """``${name}`` replaced by the parameter, in every string of the mapping."""
    values = {k: str(v) for k, v in spec.parameters.items()}

    def sub(text: str) -> str:
        def one(match: re.Match) -> str:
            if match.group(1) not in values:
                raise MappingError(f"{where}: ${{{match.group(1)}}} is not in [parameters]")
            return values[match.group(1)]
        return _PARAMETER.sub(one, text)

    def walk(value: Any) -> Any:
        if isinstance(value, str):
            return sub(value)
        if isinstance(value, dict):
            return {k: walk(v) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v) for v in value]
        return value

    data = spec.model_dump(exclude={"parameters"})
    return MappingFile.model_validate({**walk(data), "parameters": spec.parameters})


def _check_words(text: str, where: str) -> None:
    """Refuse SQL that names a password column or an attachment table (they are never read)."""
    for word in _SQL_WORD.findall(text.replace("`", "").replace('"', "")):
        if word.lower() in FORBIDDEN_TABLES or _FORBIDDEN_WORD.search(word):
            raise MappingError(f"{where}: names {word}, which clinic-anon never reads "
                               "(passwords and attachment tables)")


def _compile(table: TableName, spec: TableSpec, where: str) -> TableQuery:
    here = f"{where}: [{table}]"
    contract = MODELS[table].model_fields
    unknown = [name for name in spec.fields if name not in contract]
    if unknown:
        raise MappingError(f"{here}: {unknown[0]} is not a field of {table} "
                           f"(fields: {', '.join(contract)})")
    missing = [name for name in REQUIRED_COLUMNS[table] if name not in spec.fields]
    if missing:
        raise MappingError(f"{here}: required fields not mapped: {', '.join(missing)}")
    if not _IDENTIFIER.match(spec.table):
        raise MappingError(f"{here}: table {spec.table!r} is not a table name")
    for text in [spec.table, spec.where or "", spec.order_by or ""] + \
            [w.table or "" for w in spec.answers] + [w.where for w in spec.answers] + \
            [w.answer_key for w in spec.answers] + [w.post_key for w in spec.answers] + \
            [w.order for w in spec.answers] + \
            [f.column or f.sql or f.answer or "" for f in spec.fields.values()]:
        _check_words(text, here)
    if table == "members" and spec.answers:
        raise MappingError(f"{here}: answers belong to [consultations]")
    for name, field in spec.fields.items():
        if field.answer is not None and not spec.answers:
            raise MappingError(f"{here}: {name} reads an answer column but no [[consultations.answers]] is given")
        if field.format != "text" and name not in ("title", "question", "answer"):
            raise MappingError(f"{here}: {name}: format applies to title, question and answer only")
    for way in spec.answers:
        if not _IDENTIFIER.match(way.table or spec.table):
            raise MappingError(f"{here}: answers table {way.table!r} is not a table name")
    sql, plain = _select(table, spec)
    return TableQuery(table=table, source_table=spec.table, sql=sql, fields=dict(spec.fields), plain_columns=plain)


def _select(table: TableName, spec: TableSpec) -> tuple[str, dict[str, set[str]]]:
    post = "post" if table == "consultations" else "member_row"
    plain: dict[str, set[str]] = {spec.table: set()}
    answer_tables = [way.table or spec.table for way in spec.answers]
    for way, answer_table in zip(spec.answers, answer_tables):
        plain.setdefault(answer_table, set()).update({way.answer_key, way.order})
        plain[spec.table].add(way.post_key)

    def answer_column(column: str) -> str:
        cases = " ".join(f"WHEN {INTERNAL}a{i}.{way.order} IS NOT NULL THEN {INTERNAL}a{i}.{column}"
                         for i, way in enumerate(spec.answers, 1))
        return f"CASE {cases} END"

    columns = []
    for name, field in spec.fields.items():
        if field.column is not None:
            plain[spec.table].add(field.column)
            expr = f"{post}.{field.column}"
        elif field.answer is not None:
            for answer_table in answer_tables:
                plain[answer_table].add(field.answer)
            expr = answer_column(field.answer)
        elif field.sql is not None:
            expr = f"({field.sql})"
        else:
            continue  # a constant: set by RowMapper, never sent to the database
        columns.append(f"{expr} AS {name}")
        if field.format == "wr_option":
            source = answer_column("wr_option") if field.answer is not None else f"{post}.wr_option"
            plain[answer_tables[0] if field.answer is not None else spec.table].add("wr_option")
            columns.append(f"{source} AS {INTERNAL}format_{name}")
    joins = []
    for i, (way, answer_table) in enumerate(zip(spec.answers, answer_tables), 1):
        first, row = f"{INTERNAL}f{i}", f"{INTERNAL}a{i}"
        joins.append(
            f"LEFT JOIN (SELECT answer.{way.answer_key} AS k, MIN(answer.{way.order}) AS first_id "
            f"FROM {answer_table} answer WHERE ({way.where}) GROUP BY answer.{way.answer_key}) {first} "
            f"ON {first}.k = {post}.{way.post_key} "
            f"LEFT JOIN {answer_table} {row} ON {row}.{way.order} = {first}.first_id")
    sql = f"SELECT {', '.join(columns)} FROM {spec.table} {post}"
    if joins:
        sql += " " + " ".join(joins)
    if spec.where:
        sql += f" WHERE ({spec.where})"
    if spec.order_by:
        sql += f" ORDER BY {spec.order_by}"
    return sql, plain


# --------------------------------------------------------------------------- rows


class RowMapper:
    """Board rows (dicts of the SELECT's column names) to contract rows, or a quarantine reason."""

    def __init__(self, query: TableQuery):
        self.query = query
        self.repaired = 0  # values whose mojibake was repaired (a count for the steward; never values)

    def map(self, row: dict[str, Any]) -> tuple[dict[str, Any] | None, str | None]:
        out: dict[str, Any] = {}
        for name, field in self.query.fields.items():
            value = field.value if field.value is not None else row.get(name)
            value, problem = self._decoded(value)
            if problem:
                return None, f"{problem}:{name}"
            if field.map is not None and value is not None:
                key = str(value).strip()
                value = field.map.get(key, field.default if field.default is not None else value)
            if name in ("title", "question", "answer") and isinstance(value, str):
                value = self._text(value, field.format, row.get(f"{INTERNAL}format_{name}"))
            if name in _DATE_FIELDS or name in TIMESTAMP_FIELDS:
                value = _board_date(value, with_time=name in TIMESTAMP_FIELDS)
            out[name] = value
        _answer_counts_as_update(out)
        return out, None

    def _decoded(self, value: Any) -> tuple[Any, str | None]:
        if isinstance(value, (bytes, bytearray)):
            for encoding in ("utf-8", "cp949"):
                try:
                    value = bytes(value).decode(encoding)
                    break
                except UnicodeDecodeError:
                    continue
            else:
                return None, "invalid_encoding"
        if isinstance(value, Decimal):
            return (int(value) if value == value.to_integral_value() else str(value)), None
        if isinstance(value, str):
            if "\ufffd" in value:  # a replacement character: the dump already lost bytes here
                return None, "invalid_encoding"
            value, verdict = repair(value)
            if verdict == "mojibake":
                return None, "mojibake"
            self.repaired += verdict == "repaired"
        return value, None

    @staticmethod
    def _text(value: str, fmt: str, option: Any) -> str:
        if fmt == "wr_option":
            # PyMySQL may hand a SET column over as a Python set; a dump has "html1,secret".
            flags = set(option) if isinstance(option, (set, frozenset)) else \
                {f.strip() for f in str(option or "").split(",")}
            fmt = "html" if "html2" in flags else "html_br" if "html1" in flags else "text"
        if fmt == "text":
            return value
        return html_to_text(value, newlines_are_breaks=fmt == "html_br")


def _board_date(value: Any, with_time: bool) -> Any:
    if isinstance(value, int) and not isinstance(value, bool) and len(str(value)) in (8, 14):
        value = str(value)  # a CSV dump's YYYYMMDD column reads as a number
    if not isinstance(value, str):
        return value
    text = value.strip()
    if not text or _ZERO_DATE.match(text):
        return None
    if day := _COMPACT_DAY.match(text):
        return "-".join(day.groups())
    if moment := _COMPACT_TIME.match(text):
        y, m, d, hh, mm, ss = moment.groups()
        return f"{y}-{m}-{d} {hh}:{mm}:{ss}"
    return text


def _answer_counts_as_update(row: dict[str, Any]) -> None:
    answered, updated = _moment(row.get("answered_at")), _moment(row.get("updated_at"))
    if answered is not None and (updated is None or answered > updated):
        row["updated_at"] = row["answered_at"]


def _moment(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value.replace(tzinfo=None) if value.tzinfo else value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            return None
        return parsed.replace(tzinfo=None) if parsed.tzinfo else parsed
    return None


def quarantine_text(row: dict[str, Any]) -> str:
    """A board row as one JSON line for the quarantine (private), whatever its value types."""
    return json.dumps(row, ensure_ascii=False, default=str)


def referenced_tables(query: TableQuery) -> set[str]:
    """Tables the query reads; DuckDB's parser reads the portable SQL the mappings are written in."""
    try:
        return set(duckdb.connect().get_table_names(query.sql)) | set(query.plain_columns)
    except duckdb.Error:  # MySQL-only syntax: the server's own error will name a missing table
        return set(query.plain_columns)


def mapped_chunks(query: TableQuery, raw_chunks, unparsed_row):
    """Contract rows chunk by chunk from the board rows of ``query``; a row that cannot be mapped
    becomes ``unparsed_row(reason, raw_text)`` so that it is quarantined with its reason."""
    mapper = RowMapper(query)
    for chunk in raw_chunks:
        out = []
        for row in chunk:
            mapped, reason = mapper.map(row)
            out.append(mapped if reason is None else
                       unparsed_row(reason, quarantine_text({k: v for k, v in row.items()
                                                             if not k.startswith(INTERNAL)})))
        yield out
