"""The source data contract as pydantic models, and the Arrow schemas of the accepted Parquet files.

A model validates one raw row (from JSONL, CSV, Parquet or PostgreSQL) into typed values. The
validation context carries what depends on settings: ``tz`` (a ZoneInfo for timestamps written
without a zone) and ``text_max_chars``. Error messages are never used downstream: callers turn an
error into a reason code from its type and field name only, so no value can leak through them.

Decisions (fail closed, documented once here):
- blank strings are nulls (CSV has no other way to say null);
- a NUL byte anywhere quarantines the record (binary or truncated data, not text); other control
  characters (C0 except tab/newline/carriage return, DEL, C1), zero-width characters, bidi marks
  and overrides, soft hyphen and BOM are stripped, since they carry no meaning and can split a
  phone number or name so that a detector misses it;
- a date or timestamp after the run's as-of day (context ``not_after``, the first instant after it)
  quarantines the record: it is a clock or export error, and one far-future ``updated_at`` would
  otherwise become the incremental watermark and hide every later change;
- a number in a date or timestamp field is invalid (not read as seconds since 1970), also when
  written as text (``"2000000000"`` from a CSV);
- enum values are matched case-insensitively (``Kakao`` is ``kakao``, ``f`` is ``F``);
- every string field, not only the free text, is capped at ``text_max_chars``.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any, Literal
from zoneinfo import ZoneInfo

import pyarrow as pa
from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from contract.invisible import strip_invisible

TableName = Literal["members", "consultations"]
TABLES: tuple[TableName, ...] = ("members", "consultations")

Sex = Literal["F", "M"]
MemberStatus = Literal["active", "withdrawn"]
InterestedArea = Literal["eyes", "nose", "face_contour", "breast", "body", "lifting", "skin", "hair", "other"]
Channel = Literal["homepage", "kakao", "phone", "realtime", "email", "fax", "board"]
Language = Literal["ko", "en", "zh", "ja"]

TIMESTAMP_FIELDS = ("joined_at", "withdrawn_at", "created_at", "updated_at", "answered_at")
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_UPPER_ENUMS = {"sex"}
_LOWER_ENUMS = {"status", "interested_area", "channel", "language"}


class _Record(BaseModel):
    # Unknown columns are removed (and counted) by the caller before validation; ignoring them
    # here means none can ever reach the typed record.
    model_config = ConfigDict(extra="ignore", coerce_numbers_to_str=True, str_strip_whitespace=True)

    @field_validator("*", mode="before")
    @classmethod
    def _clean_text(cls, value: Any, info: ValidationInfo) -> Any:
        if not isinstance(value, str):
            return value
        if "\x00" in value:
            raise PydanticCustomError("nul_byte", "contains a NUL byte")
        value = strip_invisible(value)
        if not value:
            return None
        if len(value) > (info.context or {}).get("text_max_chars", 20_000):
            raise PydanticCustomError("too_long", "longer than the text cap")
        if info.field_name in _UPPER_ENUMS:
            return value.upper()
        if info.field_name in _LOWER_ENUMS:
            return value.lower()
        return value

    @field_validator(*TIMESTAMP_FIELDS, "birth_date", mode="before", check_fields=False)
    @classmethod
    def _no_numeric_dates(cls, value: Any) -> Any:
        # pydantic would read 20250601 (or "20250601") as seconds since 1970: a guess, and a wrong
        # one for a date written without separators. A number is not a date here.
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            raise PydanticCustomError("numeric_date", "a number is not a date")
        if isinstance(value, str) and _NUMBER.fullmatch(value.strip()):
            raise PydanticCustomError("numeric_date", "a number is not a date")
        return value

    @field_validator(*TIMESTAMP_FIELDS, mode="after", check_fields=False)
    @classmethod
    def _zone_naive_timestamps(cls, value: datetime | None, info: ValidationInfo) -> datetime | None:
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=(info.context or {}).get("tz") or ZoneInfo("Asia/Seoul"))
        not_after = (info.context or {}).get("not_after")
        if value is not None and not_after is not None and value >= not_after:
            raise PydanticCustomError("future", "after the as-of day")
        return value

    @field_validator("birth_date", mode="after", check_fields=False)
    @classmethod
    def _no_future_birth(cls, value: date | None, info: ValidationInfo) -> date | None:
        not_after = (info.context or {}).get("not_after")
        if value is not None and not_after is not None and value >= not_after.date():
            raise PydanticCustomError("future", "after the as-of day")
        return value


class Member(_Record):
    member_id: str
    name: str | None = None
    birth_date: date | None = Field(None, ge=date(1900, 1, 1))
    sex: Sex | None = None
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    joined_at: datetime | None = None
    status: MemberStatus
    withdrawn_at: datetime | None = None
    marketing_consent: bool | None = None
    guardian_name: str | None = None
    guardian_phone: str | None = None
    guardian_rrn: str | None = None


class Consultation(_Record):
    consultation_id: str
    member_id: str | None = None
    name: str | None = None
    phone: str | None = None
    email: str | None = None
    sex: Sex | None = None
    age: int | None = Field(None, ge=0, le=130)
    region: str | None = None
    interested_area: InterestedArea | None = None
    preferred_time: str | None = None
    channel: Channel | None = None
    language: Language | None = None
    created_at: datetime
    updated_at: datetime | None = None
    ip_address: str | None = None
    title: str | None = None
    question: str | None = None
    answer: str | None = None
    answered_by: str | None = None
    answered_at: datetime | None = None
    deleted: bool  # required: a record we cannot tell was deleted must not be used


MODELS: dict[TableName, type[_Record]] = {"members": Member, "consultations": Consultation}
ID_COLUMN: dict[TableName, str] = {"members": "member_id", "consultations": "consultation_id"}


def contract_columns() -> dict[str, list[str]]:
    """Table -> columns of the source contract: what the field policy may name."""
    return {table: list(model.model_fields) for table, model in MODELS.items()}

# Columns without which a source cannot be judged at all (ids and what eligibility decides on):
# a file or table missing one is unreadable, not a pile of quarantined rows.
REQUIRED_COLUMNS: dict[TableName, tuple[str, ...]] = {
    "members": ("member_id", "status", "birth_date"),
    "consultations": ("consultation_id", "member_id", "created_at", "deleted", "age"),
}


def arrow_schema(table: TableName, tz: str) -> pa.Schema:
    """Schema of work.accepted/<table>.parquet: one column per model field, timestamps in ``tz``."""
    types = {str: pa.string(), int: pa.int16(), bool: pa.bool_(), date: pa.date32(),
             datetime: pa.timestamp("us", tz=tz)}
    fields = []
    for name, info in MODELS[table].model_fields.items():
        base = _base_type(info.annotation)
        fields.append(pa.field(name, types[base], nullable=not info.is_required()))
    return pa.schema(fields)


def _base_type(annotation: Any) -> type:
    """str/int/bool/date/datetime behind ``X | None`` and Literal[...] (literals here are strings)."""
    if getattr(annotation, "__origin__", None) is Literal:
        return str
    for candidate in getattr(annotation, "__args__", (annotation,)):
        if candidate is type(None):
            continue
        if getattr(candidate, "__origin__", None) is Literal:
            return str
        return candidate
    raise TypeError(f"no base type in {annotation!r}")
