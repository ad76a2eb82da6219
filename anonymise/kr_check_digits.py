"""Check digits of Korean registration numbers, in one place for the recognizers, the generator and the tests.

python-stdnum computes the resident registration number's digit; a foreigner number issued before
October 2020 carries that digit plus 2 (modulo 10). stdnum checks a business registration number's
format but not its check digit, which the National Tax Service defines as below.
"""
from __future__ import annotations

from stdnum.kr import brn, rrn

BRN_WEIGHTS = (1, 3, 7, 1, 3, 7, 1, 3, 5)


def registration_check_digit(first12: str) -> str:
    """The check digit of an RRN (gender digit 1-4) or FRN (5-8) from its first 12 digits."""
    return str((int(rrn.calc_check_digit(first12)) + (2 if first12[6] in "5678" else 0)) % 10)


def registration_number_ok(digits: str) -> bool:
    """Whether 13 digits carry the check digit of their kind (numbers since October 2020 do not)."""
    return len(digits) == 13 and digits.isdigit() and registration_check_digit(digits[:12]) == digits[12]


def brn_check_digit(first9: str) -> str:
    total = sum(int(d) * w for d, w in zip(first9, BRN_WEIGHTS)) + int(first9[8]) * 5 // 10
    return str((10 - total % 10) % 10)


def brn_ok(number: str) -> bool:
    """A business registration number in stdnum's format with the right check digit."""
    return brn.is_valid(number) and brn_check_digit(brn.compact(number)[:9]) == brn.compact(number)[9]
