"""Every personal value of the source, normalised into needles the leak scanner searches for.

Two kinds of needle:
- text needles are matched in normalised text (NFKC, invisible characters removed, whitespace
  collapsed, lower-cased: see ``normalise``);
- digit needles (phones, RRNs, birth dates) are matched in the *digit view* of that text, where
  separators of up to three non-word characters between two digits are removed, so
  '010 1234.5678', '(010)1234-5678' and '+82 10-1234-5678' all contain '1012345678'.
  Only separators between digits go: a stray number elsewhere in a sentence cannot join a phone.

Strength. A *strong* hit blocks the release. A *weak* hit is reported but does not block: it is
a value too common to mean a leak on its own. The rules (why: false positives at 1M records):
- Korean given names (name minus surname) are 2 syllables and many are ordinary words
  (지원 'support', 아름 in 아름다운, 지연 'delay'): weak alone, strong when an honorific or a
  role word follows (민수님, 민수 씨, 민수 고객, 민수 환자);
- a Latin single name part (>= 3 letters) is strong only when written capitalised and not a
  common romanised Korean surname (Kim, Lee, Park ... identify no one); full names are strong;
- e-mail local parts and login IDs (>= 4 characters) are strong when they hold a digit, a
  '.', '_' or '-', or are >= 8 characters long; otherwise ('happy', 'love') weak;
- birth dates (digit forms: 1991-07-23, 23.07.1991, 19910723) are weak: a bare date in
  consultation text is nearly always a visit or surgery
  date that happens to equal somebody's birthday;
- apartment unit fragments (101동 1203호) are weak: thousands of people share them;
- addresses count only when they hold a number (a region alone identifies no one).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

import ahocorasick

from anonymise.engine import INVISIBLE

Strength = Literal["strong", "weak"]
# How a candidate hit is verified after the automaton found it.
Rule = Literal["plain", "ascii_word", "latin_name", "given_name", "digits", "digits_bounded"]

MIN_PHONE_DIGITS = 8
MIN_LOCAL_PART = 4
MIN_LATIN_NAME = 3
HONORIFICS = ("님", "씨", "고객", "환자", "보호자", "어머님", "아버님")
COMPOUND_SURNAMES = frozenset({"남궁", "황보", "제갈", "선우", "독고", "사공", "서문", "동방", "을지"})
# Romanised Korean surnames shared by millions: on their own they are weak.
COMMON_ROMANISED_SURNAMES = frozenset(
    "kim lee park choi jung jeong kang cho yoon yun jang lim han shin seo kwon hwang ahn song yoo "
    "hong jeon moon yang son bae baek heo nam shim noh kwak sung cha joo woo koo min ryu jin eom "
    "chae won chun bang gong hyun".split())

# Whitespace NFKC leaves alone (it maps the no-break and ideographic spaces to ' ' itself).
_OTHER_SPACES = "\n\r\t\f\v\x1c\x1d\x1e\x1f\x85\u2028\u2029"
_DIGIT_SEPARATOR = re.compile(r"(?<=\d)[^\w\x00\x01]{1,3}(?=\d)")
_NON_DIGIT = re.compile(r"\D")
_HANGUL_NAME = re.compile(r"^[\uac00-\ud7a3]+$")
_LATIN_NAME = re.compile(r"^[A-Za-z][A-Za-z .'-]*$")
_STRONG_ID = re.compile(r"[\d._-]")
_ROAD = re.compile(r"([\uac00-\ud7a3A-Za-z0-9]+(?:로|길))\s*(\d+(?:-\d+)?)")
_JIBUN = re.compile(r"([\uac00-\ud7a3]+[동리가])\s*(\d+(?:-\d+)?)(?:번지)?")
_UNIT = re.compile(r"(\d+)\s*동\s*(\d+)\s*호")
_LATIN_STREET = re.compile(r"\b\d+[A-Za-z]?\s+(?:[A-Za-z]+\s+){1,3}(?:st|street|ave|avenue|rd|road|blvd|boulevard|"
                           r"lane|ln|dr|drive|way|court|ct|place|pl)\b\.?", re.IGNORECASE)
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def normalise(text: str) -> str:
    """Text as the scanner sees it, letter case kept: NFKC, no invisibles, single spaces.

    Written as C-speed string operations that do nothing on text already in that form: this
    runs over every released character (hundreds of MB at 1M records).
    """
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    for ch in INVISIBLE:  # the anonymiser's own list: what it sees through, the scan sees through too
        if ch in text:
            text = text.replace(ch, "")
    for ch in _OTHER_SPACES:
        if ch in text:
            text = text.replace(ch, " ")
    while "  " in text:
        text = text.replace("  ", " ")
    return text


def fold(normalised: str) -> str:
    """Lower case, length-preserving (U+0130 is the one character whose lower case is two), so
    offsets in the folded text hold in the normalised one."""
    return normalised.replace("\u0130", "I").lower()


def digit_view(folded: str) -> str:
    """The text with short separators between digits removed (offsets change)."""
    return _DIGIT_SEPARATOR.sub("", folded)


def digits_of(value: str) -> str:
    return _NON_DIGIT.sub("", unicodedata.normalize("NFKC", value))


class Needle(NamedTuple):  # a tuple: millions of them are made at 1M records
    kind: str          # name, given_name, phone, email, email_local, member_id, rrn, address, ip, birth_date ...
    value: str         # the source value it stands for (shown masked only)
    strength: Strength
    rule: Rule


@dataclass
class Matcher:
    """Aho–Corasick over the needles' first ``PREFIX`` characters, then a dict lookup of the whole key.

    Distinct prefixes are far fewer than needles (phones share '10' + 4 digits, e-mails their
    first letters), which keeps the automaton small enough to build in seconds for millions of
    needles; matching stays one pass over the text.
    """
    automaton: ahocorasick.Automaton
    index: dict[str, Needle]

    def find(self, view: str) -> Iterator[tuple[int, int, Needle]]:
        """(start, end, needle) of every needle occurring in ``view``."""
        index = self.index
        for end, (prefix_length, lengths) in self.automaton.iter(view):
            start = end - prefix_length + 1
            for length in lengths:
                needle = index.get(view[start:start + length])
                if needle is not None:
                    yield start, start + length, needle


PREFIX = 6


@dataclass
class NeedleSet:
    """Text needles keyed by folded text, digit needles keyed by digit string; one needle per key."""
    text: dict[str, Needle] = field(default_factory=dict)
    digits: dict[str, Needle] = field(default_factory=dict)

    def add_text(self, key: str, needle: Needle) -> None:
        """``key`` already normalised (``normalise``); it is folded here."""
        _keep_stronger(self.text, fold(key).strip(), needle)

    def add_digits(self, key: str, needle: Needle) -> None:
        if len(key) >= MIN_PHONE_DIGITS:
            _keep_stronger(self.digits, key, needle)

    def __len__(self) -> int:
        return len(self.text) + len(self.digits)

    def matchers(self) -> tuple[Matcher | None, Matcher | None]:
        return _matcher(self.text), _matcher(self.digits)


def _keep_stronger(index: dict[str, Needle], key: str, needle: Needle) -> None:
    if not key:
        return
    known = index.get(key)
    if known is None or (known.strength == "weak" and needle.strength == "strong"):
        index[key] = needle


def _matcher(index: dict[str, Needle]) -> Matcher | None:
    if not index:
        return None
    lengths: dict[str, set[int]] = {}
    for key in index:
        lengths.setdefault(key[:PREFIX], set()).add(len(key))
    automaton = ahocorasick.Automaton()
    for prefix, found in lengths.items():
        automaton.add_word(prefix, (len(prefix), tuple(sorted(found))))
    automaton.make_automaton()
    return Matcher(automaton, index)


def add_name(needles: NeedleSet, value: str) -> None:
    name = normalise(value).strip()
    compact = name.replace(" ", "")
    if _HANGUL_NAME.match(compact):
        if len(compact) >= 3:
            needles.add_text(compact, Needle("name", compact, "strong", "plain"))
            surname_len = 2 if len(compact) >= 4 and compact[:2] in COMPOUND_SURNAMES else 1
            needles.add_text(f"{compact[:surname_len]} {compact[surname_len:]}",
                             Needle("name", compact, "strong", "plain"))
            given = compact[surname_len:]
            if len(given) >= 2:
                needles.add_text(given, Needle("given_name", given, "weak", "given_name"))
        elif len(compact) == 2:
            needles.add_text(compact, Needle("name", compact, "weak", "plain"))
    elif _LATIN_NAME.match(name):
        parts = [p for p in re.split(r"[\s.]+", name) if p]
        if len(parts) >= 2:
            needles.add_text(" ".join(parts), Needle("name", name, "strong", "ascii_word"))
            needles.add_text(" ".join(reversed(parts)), Needle("name", name, "strong", "ascii_word"))
        for part in parts:
            if len(part) >= MIN_LATIN_NAME:
                needles.add_text(part, Needle("name", part, "strong", "latin_name"))
    elif len(compact) >= 2:  # Chinese or Japanese names: rare as substrings of other words
        needles.add_text(compact, Needle("name", compact, "strong", "plain"))


def add_phone(needles: NeedleSet, value: str) -> None:
    digits = digits_of(value)
    if digits.startswith("82"):
        digits = "0" + digits[2:]
    national = digits[1:] if digits.startswith("0") else digits  # +82 10-... drops the trunk 0
    needles.add_digits(national, Needle("phone", digits, "strong", "digits"))


def add_rrn(needles: NeedleSet, value: str) -> None:
    needles.add_digits(digits_of(value), Needle("rrn", value, "strong", "digits"))


def _id_strength(text: str) -> Strength:
    return "strong" if _STRONG_ID.search(text) or len(text) >= 8 else "weak"


def add_email(needles: NeedleSet, value: str) -> None:
    email = normalise(value).strip()
    needles.add_text(email, Needle("email", email, "strong", "ascii_word"))
    local = email.partition("@")[0]
    if len(local) >= MIN_LOCAL_PART and "@" in email:
        needles.add_text(local, Needle("email_local", local, _id_strength(local), "ascii_word"))


def add_member_id(needles: NeedleSet, value: str) -> None:
    member_id = normalise(value).strip()
    if len(member_id) >= MIN_LOCAL_PART:
        needles.add_text(member_id, Needle("member_id", member_id, _id_strength(member_id), "ascii_word"))


def add_address(needles: NeedleSet, value: str) -> None:
    address = normalise(value).strip()
    if not any(ch.isdigit() for ch in address):
        return
    needles.add_text(address, Needle("address", address, "strong", "plain"))
    for pattern in (_ROAD, _JIBUN):
        for m in pattern.finditer(address):
            for fragment in (f"{m.group(1)} {m.group(2)}", f"{m.group(1)}{m.group(2)}"):
                needles.add_text(fragment, Needle("address", fragment, "strong", "digits_bounded"))
    for m in _UNIT.finditer(address):
        for fragment in (f"{m.group(1)}동 {m.group(2)}호", f"{m.group(1)}동{m.group(2)}호"):
            needles.add_text(fragment, Needle("address", fragment, "weak", "digits_bounded"))
    for m in _LATIN_STREET.finditer(address):
        needles.add_text(m.group().rstrip("."), Needle("address", m.group(), "strong", "ascii_word"))


def add_ip(needles: NeedleSet, value: str) -> None:
    ip = normalise(value).strip()
    if len(ip) >= 7:
        needles.add_text(ip, Needle("ip", ip, "strong", "ascii_word"))


def add_birth_date(needles: NeedleSet, value: str) -> None:
    m = _DATE.match(str(value))
    if not m:
        return
    year, month, day = m.groups()
    needle = Needle("birth_date", f"{year}-{month}-{day}", "weak", "digits_bounded")
    needles.add_digits(f"{year}{month}{day}", needle)   # 1991-07-23, 1991.07.23, 19910723
    needles.add_digits(f"{day}{month}{year}", needle)   # 23/07/1991, 23.07.1991


def add_key(needles: NeedleSet, key: bytes) -> None:
    """The pseudonym key's hex form, as any cell could hold it (raw bytes are searched in files)."""
    needles.add_text(key.hex(), Needle("key_material", key.hex(), "strong", "plain"))


# Source column -> how its values become needles. Columns not listed hold no personal value
# (sex, interested_area ...) or are free text (question/answer: their values are the haystack's
# business, found by the Presidio re-scan).
MEMBER_COLUMNS = {
    "member_id": add_member_id, "name": add_name, "phone": add_phone, "email": add_email,
    "address": add_address, "birth_date": add_birth_date,
    "guardian_name": add_name, "guardian_phone": add_phone, "guardian_rrn": add_rrn,
}
CONSULTATION_COLUMNS = {
    "member_id": add_member_id, "name": add_name, "phone": add_phone, "email": add_email,
    "region": add_address, "ip_address": add_ip,
}


def needles_from_rows(needles: NeedleSet, rows: list[dict], columns: dict, seen: dict[str, set]) -> None:
    for column, add in columns.items():
        done = seen.setdefault(add.__name__, set())
        # A member's values repeat on each of their consultations: each value is added once.
        values = {v if v is None or isinstance(v, str) else str(v) for v in (row.get(column) for row in rows)}
        for value in values - done:
            done.add(value)
            if value is not None and value.strip():
                add(needles, value)


def build_needles(chunks: dict[str, Iterable[list[dict]]]) -> NeedleSet:
    """Needles from raw source rows: ``{"members": chunks, "consultations": chunks}``."""
    needles, seen = NeedleSet(), {}
    for table, columns in (("members", MEMBER_COLUMNS), ("consultations", CONSULTATION_COLUMNS)):
        for chunk in chunks.get(table, ()):
            needles_from_rows(needles, chunk, columns, seen)
    return needles
