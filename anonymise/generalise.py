"""Generalisation functions named by the field policy (`generalise:<name>`)."""
from __future__ import annotations

from datetime import date, datetime
from typing import Callable

from anonymise.regions import province_or_country

AGE_TOP = 80  # ages at or above share one open band: few people, easy to single out


def age_band(age: int | None, width: int = 5) -> str | None:
    """32 → '30-34' (width 5) or '30-39' (width 10); 85 → '80+'."""
    if age is None or age < 0:
        return None
    if age >= AGE_TOP:
        return f"{AGE_TOP}+"
    low = age // width * width
    return f"{low}-{low + width - 1}"


def _as_date(value) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return datetime.fromisoformat(str(value).replace("Z", "+00:00")).date()


def year(value) -> str | None:
    d = _as_date(value)
    return None if d is None else f"{d.year:04d}"


def month(value) -> str | None:
    d = _as_date(value)
    return None if d is None else f"{d.year:04d}-{d.month:02d}"


def _age_band_of(value) -> str | None:
    return age_band(None if value is None or value == "" else int(value))


GENERALISERS: dict[str, Callable] = {
    "age_band": _age_band_of,
    "year": year,
    "month": month,
    "province": province_or_country,
}
