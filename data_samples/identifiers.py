"""Synthetic identifiers with the real formats and check digits of Korean (and some foreign) numbers.

Each function takes a ``random.Random`` and returns the value as it would be written. Formats
follow the public specifications (RRN/FRN, card Luhn and business-number check digits from python-stdnum);
the numbers themselves are random, so they belong to nobody.
"""
from __future__ import annotations

import random
from datetime import date

from stdnum import luhn

from anonymise.kr_check_digits import brn_check_digit, registration_check_digit

# Numbers issued from October 2020 carry random digits after the gender digit, no check digit.
RRN_RANDOM_SINCE = date(2020, 10, 1)

FULLWIDTH = str.maketrans("0123456789-", "０１２３４５６７８９－")


def _digits(rng: random.Random, n: int) -> str:
    return str(int(rng.random() * 10 ** n)).zfill(n)  # random() is much cheaper than randrange()


# ---- phones -------------------------------------------------------------------------------
def mobile(rng: random.Random) -> str:
    """A Korean mobile number in its canonical form 010-XXXX-XXXX."""
    return f"010-{rng.randrange(2000, 10000)}-{_digits(rng, 4)}"


def reformat_mobile(canonical: str, style: int) -> str:
    """The same mobile number written another way (style 0 .. MOBILE_STYLES-1)."""
    a, b, c = canonical.split("-")
    return (
        f"{a}{b}{c}",
        f"{a} {b} {c}",
        f"{a}.{b}.{c}",
        f"+82 {a[1:]}-{b}-{c}",
        f"+82-{a[1:]}-{b}-{c}",
        f"+82{a[1:]}{b}{c}",
        canonical.translate(FULLWIDTH),
        f"({a}){b}-{c}",
        f"{a}-{b}{c}",
        f"{a} - {b} - {c}",
        f"{a}){b}-{c}",
    )[style % MOBILE_STYLES]


MOBILE_STYLES = 11


def canonical_mobile(phone: str) -> str:
    """'01012345678' -> '010-1234-5678' (other numbers unchanged)."""
    if len(phone) == 11 and phone.isdigit() and phone.startswith("010"):
        return f"{phone[:3]}-{phone[3:7]}-{phone[7:]}"
    return phone
AREA_CODES = ("02", "031", "032", "033", "041", "042", "043", "051", "052", "053", "054", "055", "061",
              "062", "063", "064")


def landline(rng: random.Random) -> str:
    area = "02" if rng.random() < 0.4 else rng.choice(AREA_CODES)  # Seoul has the most
    mid = rng.randrange(200, 1000) if area != "02" and rng.random() < 0.6 else rng.randrange(2000, 10000)
    return f"{area}-{mid}-{_digits(rng, 4)}"


def internet_phone(rng: random.Random) -> str:
    """070 VoIP numbers and 050x 'safe numbers' that hide a mobile."""
    if rng.random() < 0.5:
        return f"070-{rng.randrange(2000, 10000)}-{_digits(rng, 4)}"
    return f"050{rng.choice('2456')}-{rng.randrange(100, 10000)}-{_digits(rng, 4)}"


def business_phone(rng: random.Random) -> str:
    """Nationwide representative numbers (1588-, 1577-, 1644-...): 8 digits."""
    return f"{rng.choice(('1588', '1577', '1566', '1644', '1661', '1899'))}-{_digits(rng, 4)}"


def foreign_phone(rng: random.Random, origin: str) -> str:
    if origin == "zh":
        return f"+86 1{rng.choice('3589')}{rng.randrange(10)} {_digits(rng, 4)} {_digits(rng, 4)}"
    if origin == "ja":
        prefix = "+81 " if rng.random() < 0.5 else "0"  # domestic form 090-1234-5678 is common too
        return f"{prefix}{rng.choice(('90', '80', '70'))}-{_digits(rng, 4)}-{_digits(rng, 4)}"
    area = rng.choice(("212", "213", "310", "312", "415", "617", "646", "702", "808", "917"))
    styles = (f"+1-{area}-{rng.randrange(200, 1000)}-{_digits(rng, 4)}",
              f"({area}) {rng.randrange(200, 1000)}-{_digits(rng, 4)}",
              f"+1 {area} {rng.randrange(200, 1000)} {_digits(rng, 4)}",
              f"+44 7{_digits(rng, 3)} {_digits(rng, 6)}",
              f"+61 4{_digits(rng, 2)} {_digits(rng, 3)} {_digits(rng, 3)}")
    return rng.choice(styles)


# ---- registration numbers -----------------------------------------------------------------
def registration_number(rng: random.Random, birth: date, sex: str, foreigner: bool, hyphen: bool = True) -> str:
    """RRN (gender digit 1-4) or FRN (5-8) for a birth date; valid check digit before Oct 2020,
    deliberately *not* valid after (random digits, so detectors must not rely on the checksum)."""
    century = 0 if birth.year < 2000 else 2
    gender = (1 if sex == "M" else 2) + century + (4 if foreigner else 0)
    first12 = f"{birth:%y%m%d}{gender}{_digits(rng, 5)}"
    if birth >= RRN_RANDOM_SINCE:
        valid = registration_check_digit(first12)
        last = str((int(valid) + 1 + rng.randrange(9)) % 10)
    else:
        last = registration_check_digit(first12)
    number = first12 + last
    return f"{number[:6]}-{number[6:]}" if hyphen else number


def passport(rng: random.Random, origin: str) -> str:
    if origin == "ko":
        if rng.random() < 0.5:  # new-style (2021+) Korean passport: M123A4567
            return f"M{_digits(rng, 3)}{rng.choice('ABCDEFGHJK')}{_digits(rng, 4)}"
        return f"M{_digits(rng, 8)}"
    if origin == "zh":
        return f"E{_digits(rng, 8)}"
    if origin == "ja":
        return f"T{rng.choice('KRSZ')}{_digits(rng, 7)}"
    return _digits(rng, 9)


DRIVER_REGIONS = ("서울", "부산", "경기", "강원", "충북", "충남", "전북", "전남", "경북", "경남", "제주", "대구",
                  "인천", "광주", "대전", "울산")


def driver_license(rng: random.Random) -> str:
    """12-digit licence number: region code (11-28) or region name, year, serial, check."""
    tail = f"{_digits(rng, 2)}-{_digits(rng, 6)}-{_digits(rng, 2)}"
    if rng.random() < 0.3:
        return f"{rng.choice(DRIVER_REGIONS)} {tail}"
    return f"{rng.randrange(11, 29)}-{tail}"


def business_number(rng: random.Random) -> str:
    """사업자등록번호 XXX-XX-XXXXX with its check digit."""
    body = "".join(map(str, [rng.randrange(1, 10)] + [rng.randrange(10) for _ in range(8)]))
    s = body + brn_check_digit(body)
    return f"{s[:3]}-{s[3:5]}-{s[5:]}"


# ---- payment ------------------------------------------------------------------------------
CARD_PREFIXES = ("4", "51", "52", "53", "54", "55", "3528", "3569", "9410", "6243")


def card_number(rng: random.Random) -> str:
    """A Luhn-valid 16-digit card number, grouped by spaces, hyphens or not at all."""
    body = rng.choice(CARD_PREFIXES)
    body += _digits(rng, 15 - len(body))
    n = body + luhn.calc_check_digit(body)
    sep = rng.choice((" ", "-", ""))
    return sep.join((n[:4], n[4:8], n[8:12], n[12:]))


# (bank, digit groups of its account numbers)
BANKS = (("국민은행", (6, 2, 6)), ("신한은행", (3, 3, 6)), ("우리은행", (4, 3, 6)), ("하나은행", (3, 6, 5)),
         ("농협", (3, 4, 4, 2)), ("기업은행", (3, 6, 2, 3)), ("카카오뱅크", (4, 2, 7)), ("토스뱅크", (4, 4, 4)),
         ("SC제일은행", (3, 2, 6)), ("부산은행", (3, 4, 4, 2)), ("새마을금고", (4, 4, 4, 1)), ("우체국", (6, 2, 6)))


def bank_account(rng: random.Random) -> tuple[str, str]:
    """(bank name, account number as written with or without hyphens)."""
    bank, groups = rng.choice(BANKS)
    parts = [_digits(rng, g) for g in groups]
    if bank == "카카오뱅크":
        parts[0] = "3333"
    return bank, ("-" if rng.random() < 0.7 else "").join(parts)


# ---- network and online identities --------------------------------------------------------
def ipv4(rng: random.Random) -> str:
    first = rng.choice((1, 14, 27, 39, 58, 59, 61, 106, 110, 112, 115, 118, 121, 125, 175, 180, 183, 211, 220, 222))
    return f"{first}.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"


def ipv6(rng: random.Random) -> str:
    return "2001:" + ":".join(f"{rng.randrange(65536):x}" for _ in range(7))


def chart_number(rng: random.Random, year: int) -> str:
    style = rng.randrange(4)
    if style == 0:
        return f"{year}-{_digits(rng, 6)}"
    if style == 1:
        return f"C{year % 100:02d}-{_digits(rng, 5)}"
    if style == 2:
        return _digits(rng, 8)
    return f"P{_digits(rng, 7)}"


PLATE_HANGUL = "가나다라마거너더러머버서어저고노도로모보소오조구누두루무부수우주하허호배"


def vehicle_plate(rng: random.Random) -> str:
    front = rng.randrange(10, 100) if rng.random() < 0.5 else rng.randrange(100, 700)
    sep = " " if rng.random() < 0.4 else ""
    return f"{front}{rng.choice(PLATE_HANGUL)}{sep}{rng.randrange(1000, 10000)}"
