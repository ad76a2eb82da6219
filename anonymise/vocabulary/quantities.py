"""Which long digit runs are safe quantities (a price, a dose, a date or time) and which are not.

A run is digits joined by up to three separator characters (space . - / : ~ parentheses) or by
one comma (a comma and a space end a run: "10:00, 1,500,000" is two), so 010 1234 5678,
900101-1234567 and 1,500,000 are each one run. A run of six or more digits
is personal data unless it reads as one of:
  - calendar dates and clock times, alone, together or as a range (2024.03.15 10:30, 10:00~18:00),
    except a date right after a birth word (생년월일, DOB, born ...);
  - one amount or a range of two, written with thousands separators (1,500,000 / 1,000,000~2,000,000),
    or without them but with a currency or dose unit beside it (300000원, ₩450000, 100000 IU);
    an amount never starts with 0 (phones and IDs do).
  - a dilution, one to a round number (1:100,000, 1:200000).
Shorter runs (3회, 2주, 150만원, 09:30) are always kept: six digits is where an identifier starts.
"""
from __future__ import annotations

import re

MIN_DIGITS = 6
DIGIT_RUN = re.compile(r"\d(?:(?:[ .\-/:~()]{1,3}|,)?\d)*")
DATE = re.compile(r"(?:19|20)\d\d[-./](?:0?[1-9]|1[0-2])[-./](?:0?[1-9]|[12]\d|3[01])\.?")
TIME = re.compile(r"(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?")
GROUPED = re.compile(r"[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?")
PLAIN = re.compile(r"[1-9]\d*(?:\.\d+)?")
LOOSE = re.compile(r"[1-9][\d,]*(?:\.\d+)?")  # 7500,000: commas in odd places, fine beside a unit
RANGE_MARK = re.compile(r"\s*[~\-]\s*")
PIECE_GAP = re.compile(r"\s*~\s*|\s+-\s+|\s+")  # between dates and times; a hyphen inside a date stays
# Units that make a long plain number an amount: currencies and dose units.
UNIT_AFTER = re.compile(r"\s?(?:원|만원|천원|억|won|krw|usd|달러|dollars?|엔|円|yen|위안|元|rmb|cny|vnd|đ|동|바트|baht|thb|"
                        r"eur|euros?|루블|руб|rub|iu|units?|유닛)(?![A-Za-z])", re.IGNORECASE)
UNIT_BEFORE = re.compile(r"(?:[₩$¥€£]|krw|usd|us\$|rmb|cny|jpy|vnd|thb|eur)\s?$", re.IGNORECASE)
BIRTH_BEFORE = re.compile(r"(?:생년월일|생일|출생|태어|d\.?o\.?b|born|birth|生日|出生|生年月日|誕生日|дата рождения|родил|sinh)"
                          r"[^\d\n]{0,12}$", re.IGNORECASE)


def digit_count(text: str) -> int:
    return sum(c.isdigit() for c in text)


def _dates_and_times(run: str) -> bool:
    pieces = [p for p in PIECE_GAP.split(run) if p]
    return bool(pieces) and all(DATE.fullmatch(p) or TIME.fullmatch(p) for p in pieces)


def _amount(run: str, before: str, after: str) -> bool:
    numbers = RANGE_MARK.split(run.strip())
    if len(numbers) > 2 or not all(numbers):
        return False
    if all(GROUPED.fullmatch(n) for n in numbers):
        return True
    unit = UNIT_AFTER.match(after) is not None or UNIT_BEFORE.search(before) is not None
    return unit and all(LOOSE.fullmatch(n) for n in numbers)


# 1:100,000 / 1:200000: a dilution (lidocaine with epinephrine), one to a round number.
DILUTION = re.compile(r"1\s?:\s?[1-9]\d{0,2}(?:,?000)+")


def is_safe_quantity(run: str, before: str = "", after: str = "") -> bool:
    """Whether the digit run ``run`` (``before``/``after``: the text around it) may stay in released text."""
    if digit_count(run) < MIN_DIGITS or DILUTION.fullmatch(run):
        return True
    if _dates_and_times(run):
        return BIRTH_BEFORE.search(before) is None
    return _amount(run, before, after)


def unsafe_digit_runs(text: str) -> list[tuple[int, int, str]]:
    """(start, end, type) of every digit run in ``text`` that is not a safe quantity; type is DOB for
    a date after a birth word, else ID."""
    found = []
    for match in DIGIT_RUN.finditer(text):
        run = match.group().rstrip(" .,-/:~(")
        start, end = match.start(), match.start() + len(run)
        if digit_count(run) < MIN_DIGITS:
            continue
        before, after = text[max(0, start - 24):start], text[end:end + 8]
        if is_safe_quantity(run, before, after):
            continue
        kind = "DOB" if _dates_and_times(run) else "ID"
        found.append((start, end, kind))
    return found
