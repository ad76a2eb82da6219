"""Identifiers anywhere in released text, whatever the source says: found by cheap shapes, then validated.

Each kind is a candidate shape found with one regular expression over a whole batch of cells,
then checked by the library that knows the identifier: ``phonenumbers`` (a phone valid for Korea,
for the country its ``+`` code names, or for any region), ``python-stdnum`` (Luhn for cards of 12–19
digits, IBAN, US SSN). Registration numbers (RRN/FRN) count by shape (YYMMDD, then a sex/century
digit 1–8 and six digits): numbers issued since 2020 carry no checksum. E-mail addresses, URLs with a
path, @handles and messenger IDs after their label (카톡 아이디: …, WeChat: …) count by shape.

Candidates are validated only where the text has the shape, so the cost stays one regex pass per
shape over the batch, not a library call per cell.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

import ahocorasick
import phonenumbers
from stdnum import iban, luhn
from stdnum.us import ssn

from anonymise.gate.text_view import fold

# Runs of 8+ digits with up to three of the separators people put inside numbers between two digits
# (a '+' or '(' before the run is taken in after): shorter runs are no identifier the gate validates,
# and requiring the digits in the pattern keeps prices and dates out of the Python loop.
_NUMBERISH = re.compile(r"\d(?:[().\- \u2013]{0,3}\d){7,30}\)?")
_WORD = re.compile(r"[^ ]+")
_NON_DIGIT = re.compile(r"\D")
_DATE = re.compile(r"\(?(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4}|\d{4}[-./]\d{1,2})\)?")
_DECIMAL = re.compile(r"\d+\.\d+")
_RANGE = re.compile(r"\s*[~\u2013]\s*|\s+-\s+")
_RRN = re.compile(r"\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\s?[-\u2013]?\s?[1-8]\d{6}")
_SSN = re.compile(r"(\d{3})[- ](\d{2})[- ](\d{4})")
_CARD = re.compile(r"\d(?:[ -]?\d){11,18}")
_IBAN = re.compile(r"[A-Z]{2}\d{2}(?:[ ]?[A-Za-z0-9]){11,32}")   # left boundary checked after (fast prefix scan)
_EMAIL = re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
                    r"(?![A-Za-z0-9-])")
_URL = re.compile(r"(?i)(?<![\w@])(?:https?://|www\.)[^\s<>\"'\x00\x01]+")
_SOCIAL_URL = re.compile(
    r"(?i)(?<![\w.@])(?:(?:www\.|m\.)?(?:instagram\.com|facebook\.com|fb\.com|twitter\.com|x\.com|tiktok\.com|"
    r"youtube\.com|youtu\.be|threads\.net|linkedin\.com|weibo\.com|line\.me|t\.me|wa\.me|open\.kakao\.com|"
    r"pf\.kakao\.com|blog\.naver\.com|cafe\.naver\.com|m\.blog\.naver\.com))/[^\s<>\"'\x00\x01]+")
_HANDLE = re.compile(r"(?<![\w@.*])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\w@])")
# Labels that name a messenger outright, and labels that are also everyday words (line, id): after
# those an ID counts only with a colon, '=' or an ID word between (LINE ID: ..., id = ...). Labels are
# found with Aho-Corasick over the folded text, then the rest is matched where a label ends.
STRONG_LABELS = ("카카오톡", "카톡", "카카오", "kakao", "kakaotalk", "라인", "위챗", "wechat", "weixin", "왓츠앱", "whatsapp",
                 "텔레그램", "telegram", "인스타그램", "인스타", "instagram", "페이스북", "페북", "facebook", "트위터", "twitter",
                 "틱톡", "tiktok", "스냅챗", "snapchat", "스카이프", "skype", "viber", "zalo", "아이디")
WEAK_LABELS = ("line", "insta", "ig", "fb", "qq", "id")
_ID = r"(?P<id>[A-Za-z0-9][A-Za-z0-9._-]{2,29})(?![A-Za-z0-9._-])"
_ID_WORD = r"(?:아이디|id|계정|account|handle)\s*(?:[은는이가을를로요]{1,2}\s*)?[:：=]?"
_AFTER_STRONG = re.compile(rf"(?i)\s*(?:{_ID_WORD})?\s*(?:[은는이가을를로요]{{1,2}}\s*)?[:：=]?\s*{_ID}")
_AFTER_WEAK = re.compile(rf"(?i)\s*(?:{_ID_WORD}|[:：=])\s*{_ID}")
_ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
# Where clinics' foreign patients come from; tried for numbers written without a '+' code before
# all regions are (which only numbers of 10+ digits get: shorter ones are valid somewhere by chance).
LIKELY_REGIONS = ("KR", "US", "CN", "JP", "TW", "HK", "VN", "TH", "PH", "ID", "MY", "SG", "MN", "RU", "UZ", "KZ",
                  "AU", "GB", "CA", "DE", "FR")
MIN_PHONE_DIGITS = 8       # Korean service numbers (1588-1234) are the shortest phones that identify someone
MIN_FOREIGN_DIGITS = 9     # without a '+' code: 8-digit numbers (dates, codes) are Hong Kong phones by chance
ALL_REGIONS_DIGITS = 10


def find_identifiers(text: str, is_word: Callable[[str], bool] = lambda _: False,
                     folded: str | None = None) -> Iterator[tuple[str, int, int]]:
    """(kind, start, end) of every identifier in ``text`` (normalised, letter case kept).

    Kinds: phone, rrn, frn, card, ssn, iban, email, url, handle, messenger_id. ``is_word`` says
    whether an all-letter messenger ID is an ordinary word after all ("line: please call");
    ``folded``: ``fold(text)`` when the caller has it already.
    """
    folded = fold(text) if folded is None else folded
    claimed: list[tuple[int, int]] = []
    if "@" in text:
        for m in _EMAIL.finditer(text):
            claimed.append(m.span())
            yield "email", m.start(), m.end()
        for m in _HANDLE.finditer(text):
            if not _inside(m.span(), claimed):
                yield "handle", m.start(), m.end()
    if "://" in text or "www." in folded or ".com/" in folded or ".me/" in folded:
        for pattern in (_URL, _SOCIAL_URL):
            for m in pattern.finditer(text):
                if not _inside(m.span(), claimed) and _has_path(m.group()):
                    claimed.append(m.span())
                    yield "url", m.start(), m.end()
    for start, end in _messenger_ids(text, folded):
        value = text[start:end]
        if _inside((start, end), claimed) or (value.isalpha() and is_word(value)):
            continue
        yield "messenger_id", start, end
    for m in _IBAN.finditer(text):
        if m.start() and text[m.start() - 1] in _ASCII_ALNUM:
            continue
        end = _iban_end(m.group())
        if end:
            claimed.append((m.start(), m.start() + end))
            yield "iban", m.start(), m.start() + end
    for m in _NUMBERISH.finditer(text):
        start, end = m.span()
        while start and text[start - 1] in "+(":
            start -= 1
        if start and (text[start - 1] in _ASCII_ALNUM or text[start - 1] in ".,"):
            continue  # inside a code, a hex pseudonym or a decimal number
        if end < len(text) and (text[end] in _ASCII_ALNUM or (text[end] in ".," and text[end + 1:end + 2].isdigit())):
            continue
        if _inside((start, end), claimed):
            continue
        yield from _numbers(text, start, end)


@lru_cache(maxsize=1)
def _labels():
    automaton = ahocorasick.Automaton()
    for label in STRONG_LABELS:
        automaton.add_word(label, (label, _AFTER_STRONG))
    for label in WEAK_LABELS:
        automaton.add_word(label, (label, _AFTER_WEAK))
    automaton.make_automaton()
    return automaton


def _messenger_ids(text: str, folded: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each ID right after a messenger label (the label a whole word)."""
    found = set()
    for last, (label, after) in _labels().iter(folded):
        start, end = last - len(label) + 1, last + 1
        if label.isascii() and ((start and text[start - 1] in _ASCII_ALNUM) or text[end:end + 1].isalpha()):
            continue  # inside a word: online, deadline, idea
        m = after.match(text, end)
        if m and m.span("id") not in found:  # 카톡 아이디: one ID after two labels
            found.add(m.span("id"))
            yield m.span("id")


def _inside(span: tuple[int, int], claimed: list[tuple[int, int]]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in claimed)


def _has_path(url: str) -> bool:
    rest = re.sub(r"(?i)^(?:https?://)?", "", url).rstrip(".,;:!?)]}'\"")
    _, slash, path = rest.partition("/")
    return bool(slash and path.strip("/")) or "?" in rest


def _iban_end(candidate: str) -> int:
    """Length of the longest prefix of ``candidate`` that is a valid IBAN (its words kept whole), or 0."""
    for m in reversed(list(re.finditer(r"(?=( |$))", candidate))):
        prefix = candidate[:m.start()]
        if len(prefix) >= 15 and iban.is_valid(prefix):
            return len(prefix)
    return 0


def _numbers(text: str, start: int, end: int) -> Iterator[tuple[str, int, int]]:
    """Identifiers in one run of digits: the whole run, else its space-separated words and their neighbours."""
    run = text[start:end]
    kind = _number_kind(run)
    if kind:
        yield kind, start, end
        return
    words = [(m.start(), m.end()) for m in _WORD.finditer(run)]
    if len(words) < 2:
        return
    taken = -1
    for width in range(min(len(words), 5), 0, -1):  # longest first: 4111 1111 1111 1111 before 1111
        for i in range(len(words) - width + 1):
            first, last = words[i][0], words[i + width - 1][1]
            if first <= taken:
                continue
            kind = _number_kind(run[first:last])
            if kind:
                taken = last
                yield kind, start + first, start + last


def _number_kind(candidate: str) -> str | None:
    candidate = candidate.strip(" ")
    if all(_DATE.fullmatch(part) or _DECIMAL.fullmatch(part) for part in _RANGE.split(candidate)):
        return None  # a date, a decimal, or a range of them (2024-03 – 2026-08)
    digits = _NON_DIGIT.sub("", candidate)
    if len(digits) < MIN_PHONE_DIGITS:
        return None
    if _RRN.fullmatch(candidate):
        return "frn" if digits[6] in "5678" else "rrn"
    if _SSN.fullmatch(candidate) and ssn.is_valid(digits):
        return "ssn"
    if 12 <= len(digits) <= 19 and _CARD.fullmatch(candidate) and luhn.is_valid(digits):
        return "card"
    return "phone" if _is_phone(candidate, len(digits)) else None


@lru_cache(maxsize=65_536)
def _is_phone(candidate: str, digits: int) -> bool:
    if candidate.startswith("+"):
        return _valid(candidate, None)
    if _valid(candidate, "KR"):
        return True
    if digits < MIN_FOREIGN_DIGITS:
        return False
    if any(_valid(candidate, region) for region in LIKELY_REGIONS):
        return True
    return digits >= ALL_REGIONS_DIGITS and any(_valid(candidate, region) for region in phonenumbers.SUPPORTED_REGIONS)


def _valid(candidate: str, region: str | None) -> bool:
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(candidate, region))
    except phonenumbers.NumberParseException:
        return False
