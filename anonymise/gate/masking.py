"""Masked display of a personal value, for reports that must say *what* leaked without leaking it.

A masked form keeps just enough to let a data steward recognise the kind and find the record
(`010-****-5678`, `k***@n***.com`, `김*수`) and never more than about a third of the value.
"""
from __future__ import annotations

import re

_DIGIT = re.compile(r"\d")


def mask_phone(value: str) -> str:
    """'010-1234-5678' -> '010-****-5678'; short numbers keep only their last two digits."""
    digits = "".join(_DIGIT.findall(value))
    if len(digits) >= 9:
        return f"{digits[:3]}-****-{digits[-4:]}"
    return "*" * max(len(digits) - 2, 1) + digits[-2:]


def mask_email(value: str) -> str:
    """'kim.minsu@naver.com' -> 'k***@n***.com'."""
    local, _, domain = value.partition("@")
    host, dot, tld = domain.rpartition(".")
    if not dot:
        host, tld = domain, ""
    return f"{local[:1]}***@{host[:1]}***{dot}{tld}"


def mask_name(value: str) -> str:
    """'김민수' -> '김*수', '민수' -> '민*', 'Jennifer Smith' -> 'J******* S****'."""
    parts = value.split()
    if len(parts) > 1:
        return " ".join(p[:1] + "*" * (len(p) - 1) for p in parts)
    if len(value) <= 2:
        return value[:1] + "*"
    if value.isascii():
        return value[:1] + "*" * (len(value) - 1)
    return value[:1] + "*" * (len(value) - 2) + value[-1:]


def mask_digits(value: str) -> str:
    """Registration numbers and dates: every digit but the first becomes '*', separators stay."""
    seen = 0

    def star(match: re.Match) -> str:
        nonlocal seen
        seen += 1
        return match.group() if seen == 1 else "*"

    return _DIGIT.sub(star, value)


def mask_card(value: str) -> str:
    """'4111 1111 1111 1111' -> '****-****-****-1111': the last four digits only, as receipts print."""
    digits = "".join(_DIGIT.findall(value))
    return "****-" * 3 + digits[-4:] if len(digits) >= 12 else mask_digits(value)


def mask_handle(value: str) -> str:
    """'@clinic_fan77' -> '@c***********': a handle or messenger ID keeps its first character."""
    at = "@" if value.startswith("@") else ""
    body = value[len(at):]
    return at + body[:1] + "*" * max(len(body) - 1, 1)


def mask_generic(value: str) -> str:
    """First character of each word, the rest starred: addresses, IDs, IPs."""
    return re.sub(r"(?<=\w)\w", "*", value)


_BY_KIND = {
    "phone": mask_phone,
    "email": mask_email,
    "name": mask_name,
    "given_name": mask_name,
    "rrn": mask_digits,
    "frn": mask_digits,
    "ssn": mask_digits,
    "birth_date": mask_digits,
    "card": mask_card,
    "handle": mask_handle,
    "messenger_id": mask_handle,
}


def mask(kind: str, value: str) -> str:
    """The masked display of ``value`` for a value of ``kind`` (``phone``, ``email``, ``name`` ...)."""
    if kind == "key_material":
        return "<key material>"
    return _BY_KIND.get(kind, mask_generic)(value)
