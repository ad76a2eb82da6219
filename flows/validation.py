"""Validation of raw rows, one table at a time: a typed record, or a short reason to quarantine it.

Reasons are ``<code>:<field>`` (``missing:created_at``, ``invalid:sex``, ``too_long:question``,
``nul_byte:title``, ``future:updated_at``, ``duplicate:consultation_id``) or a bare code for a row
that could not be parsed (``malformed_json``, ``malformed_csv``, ``invalid_encoding``). They are
built from the error's type and field name only, never from its message, which would quote the value.

Columns outside the contract are removed before validation and counted by name: they never pass
through, and the count tells the operator what the source carries that we do not use.
"""
from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import TypeAdapter, ValidationError

from flows.config import SourceSettings
from contract.records import ID_COLUMN, MODELS, TableName, strip_invisible
from flows.sources import UnparsedRow

_OWN_CODES = {"too_long", "nul_byte", "future"}  # raised by contract.records with these exact type names
_COLUMN_NAME_MAX = 64  # a garbage header must not turn into a long report entry
_BOOL = TypeAdapter(bool)


def reason_code(error: ValidationError) -> str:
    """The first error as ``code:field``; an absent or null required value is ``missing``."""
    first = error.errors(include_url=False, include_context=False)[0]
    field = str(first["loc"][0]) if first["loc"] else "record"
    if first["type"] == "missing" or first.get("input", "") is None:
        return f"missing:{field}"
    if first["type"] in _OWN_CODES:
        return f"{first['type']}:{field}"
    return f"invalid:{field}"


class TableValidator:
    """Validates the rows of one table in source order; the second row with an id seen before is a duplicate.

    Dates after ``as_of`` (default: today in the source's zone) are quarantined as ``future:<field>``.
    """

    def __init__(self, table: TableName, settings: SourceSettings, as_of: date | None = None):
        self.model = MODELS[table]
        self.id_column = ID_COLUMN[table]
        tz = ZoneInfo(settings.timezone)
        last_day = as_of or datetime.now(tz).date()
        self.context = {"tz": tz, "text_max_chars": settings.text_max_chars,
                        "not_after": datetime.combine(last_day + timedelta(days=1), time(0), tzinfo=tz)}
        self.seen_ids: set[str] = set()
        self.unknown_columns: Counter[str] = Counter()

    def validate(self, row: dict) -> tuple[dict[str, Any] | None, str | None]:
        """``(record, None)`` for a valid row (typed values, contract columns only), else ``(None, reason)``."""
        if isinstance(row, UnparsedRow):
            return None, row.reason
        fields = self.model.model_fields
        self.unknown_columns.update(str(name)[:_COLUMN_NAME_MAX] for name in row if name not in fields)
        try:
            record = self.model.model_validate({k: v for k, v in row.items() if k in fields}, context=self.context)
        except ValidationError as exc:
            return None, reason_code(exc)
        record_id = getattr(record, self.id_column)
        if record_id in self.seen_ids:
            return None, f"duplicate:{self.id_column}"
        self.seen_ids.add(record_id)
        return record.model_dump(), None


def exclusion_claim(table: TableName, row: dict) -> str | None:
    """The id of a rejected row that says its member withdrew or its consultation was deleted.

    A quarantined duplicate or broken row may be the one carrying the withdrawal or deletion; the
    accepted row with the same id must then be excluded too (fail closed).
    """
    if isinstance(row, UnparsedRow):
        return None
    raw_id = row.get(ID_COLUMN[table])
    if raw_id is None or not strip_invisible(str(raw_id)):
        return None
    if table == "members":
        status = str(row.get("status") or "").strip().lower()
        withdrawn_at = row.get("withdrawn_at")
        claims = status == "withdrawn" or (withdrawn_at is not None and str(withdrawn_at).strip() != "")
    else:
        deleted = row.get("deleted")
        try:
            claims = _BOOL.validate_python(deleted.strip() if isinstance(deleted, str) else deleted)
        except ValidationError:
            claims = False
    return strip_invisible(str(raw_id)) if claims else None
