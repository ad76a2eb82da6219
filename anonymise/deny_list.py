"""The record-aware deny list: a record's own personal values, found in its own text in any form.

No pattern recognises "민수" or "cpark0328" as personal in general, but both are when the record
says its writer is 김민수 with e-mail cpark0328@...; this module turns a consultation record and
its member record into search patterns (name, given name, romanised name, phone digits in any
formatting, e-mail and its local part, login ID, IP, address and its street/unit fragments, date of
birth in common date forms, guardian's name/phone/RRN, the answering doctor's name) and finds them
in the record's title/question/answer. Each hit carries its type and whose value it is (role), so
surrogates can be consistent. Patterns are cached per value: members recur across records.
"""
from __future__ import annotations

import re
import string
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from anonymise.address_fragments import BUILDING_UNIT, LOT_AND_NUMBER, ROAD_AND_NUMBER, UNIT_NUMBER
from anonymise.id_name_readings import given_readings
from anonymise.name_data import (KOREAN_DENY_SURNAME_TITLES, KOREAN_DOUBLE_SURNAMES, KOREAN_LOOKALIKES, KOREAN_SURNAMES,
                                 LATIN_TITLE, romanised_pattern, surname_pattern)
from anonymise.name_split import split_cjk_name, split_name
from anonymise.text_normalisation import normalise_with_offsets

PATIENT, GUARDIAN, DOCTOR, OTHER = "patient", "guardian", "doctor", "other"
# Values (and their compiled patterns) kept per cache: a member's consultations are scattered over
# a large source, so a bigger cache would mostly hold values never seen again and grow each worker
# by hundreds of megabytes; this many keeps the frequent ones (doctors, common names, words).
CACHED_VALUES = 4_096
HANGUL_NAME = re.compile(r"[가-힣]{2,5}")
HANGUL_WORD = re.compile(r"[가-힣]{3,}")
HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff々]{2,}")
CJK_NAME = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff々][\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff々 \u3000]+")
# Separators people put inside numbers; a gap of up to three of them between two digits.
DIGIT_GAP = r"[\s.\-()/·_,:]{0,3}"
# Korean titles after a surname: 김 원장님, 박실장, 이씨.
KOREAN_TITLE_AHEAD = r"(?=\s?(?:" + "|".join(map(re.escape, KOREAN_DENY_SURNAME_TITLES)) + "))"
LATIN_TITLES = rf"{LATIN_TITLE}\.?\s+"
TITLE_GATE = rf"(?i:{LATIN_TITLE})\.?\s"  # what LATIN_TITLES needs, shared
TITLE_BEHIND = re.compile(rf"(?<![A-Za-z0-9]){LATIN_TITLES}$", re.IGNORECASE)
ALNUM = string.ascii_letters + string.digits  # what _bounded's look-arounds exclude
NOT_DIGIT = re.compile(r"\D")
COUNTRY_CODES = ("852", "853", "886", "82", "81", "86", "84", "66", "65", "63", "62", "61", "60", "64", "44", "49",
                 "33", "39", "34", "7", "1")
MONTHS = ("jan(?:uary)?", "feb(?:ruary)?", "mar(?:ch)?", "apr(?:il)?", "may", "june?", "july?", "aug(?:ust)?",
          "sep(?:t(?:ember)?)?", "oct(?:ober)?", "nov(?:ember)?", "dec(?:ember)?")


@dataclass(frozen=True)
class DenySpan:
    """A personal value of the record found in a text (offsets into the text as given)."""
    entity_type: str
    start: int
    end: int
    role: str


@lru_cache(maxsize=CACHED_VALUES)
def _compiled(source: str, flags: int) -> re.Pattern:
    return re.compile(source, flags)


@dataclass(frozen=True)
class DenyEntry:
    """One search pattern, compiled only when its needle occurs in the text.

    Compiling every pattern of every record would cost more than the search itself; a needle
    (a substring every match must contain) skips most patterns on most texts for the price of a
    substring test. ``needle_in`` says where to look: the case-folded text, its digits only, or
    ("pattern") the needle is a small regex every match must contain, shared by many records and so
    compiled once (romanised names: their own patterns cost more to compile than anything else).
    ``also`` are more substrings of the case-folded text every match needs (each part of a full
    name), ``gate`` a shared regex every match needs (a title before "Mr. Park").

    Even compiling only when the needle is there was most of the deny list's time, so most entries
    are found without a pattern of their own. ``literals``, when given, are the exact strings the
    pattern matches (a Korean name with or without its space, an e-mail address): found by substring
    search (in the case-folded text under IGNORECASE), with ``not_before``/``not_after`` the characters that may not touch
    them, as the pattern's look-arounds say. ``digits_of``, when given, makes ``source`` a pattern
    shared by every number of one shape (compiled once) whose first group must hold exactly these
    digits (a phone number with any separators). ``sequence`` are words found in this order with
    spaces or commas between them (at least ``min_gap`` of them), as ``_flexible`` says in a
    pattern; ``after_title`` puts a title (Dr., Mrs) before the literal and into the match.
    """
    source: str
    flags: int
    entity_type: str
    role: str
    needle: str = ""
    needle_in: str = "text"
    min_letters: int = 0  # a romanised given name shorter than this is too likely an ordinary word
    also: tuple[str, ...] = ()
    gate: str = ""
    literals: tuple[str, ...] = ()
    not_before: str = ""
    not_after: str = ""
    digits_of: str = ""
    sequence: tuple[str, ...] = ()
    min_gap: int = 0
    after_title: bool = False

    @property
    def pattern(self) -> re.Pattern:
        return _compiled(self.source, self.flags)

    def spans(self, view: "TextView") -> list[tuple[int, int]]:
        """(start, end) of every match in the view's normalised text, leftmost first, not overlapping."""
        text = view.normalised
        if self.digits_of:
            return self._digit_runs(text)
        folding = bool(self.flags & re.IGNORECASE)
        if not (self.literals or self.sequence) or (folding and len(view.folded) != len(text)):
            return [m.span() for m in self.pattern.finditer(text)]  # casefold changed lengths: offsets would not map
        haystack = view.folded if folding else text
        found = []
        for literal in self.literals or self.sequence[:1]:
            literal = literal.casefold() if folding else literal
            start = haystack.find(literal)
            while start != -1:
                begin, end = start, start + len(literal)
                if self.sequence:
                    end = _rest_of_sequence(haystack, end, self.sequence[1:], self.min_gap, folding)
                if self.after_title and end != -1:
                    title = TITLE_BEHIND.search(text, max(0, start - 40), start)
                    begin = title.start() if title else -1
                if end != -1 and begin != -1 and not (begin > 0 and text[begin - 1] in self.not_before) and \
                        not (end < len(text) and text[end] in self.not_after):
                    found.append((begin, end))
                start = haystack.find(literal, start + 1)
        return _leftmost_longest(found)

    def _digit_runs(self, text: str) -> list[tuple[int, int]]:
        # A run of other digits may overlap ours ("ID 298 010-4883-5394"): after a run that is not
        # ours the search goes on from its second character, not from its end.
        spans, position, pattern = [], 0, self.pattern
        while (found := pattern.search(text, position)) is not None:
            if NOT_DIGIT.sub("", found.group(1)) == self.digits_of:
                spans.append(found.span())
                position = found.end()
            else:
                position = found.start() + 1
        return spans


def _rest_of_sequence(haystack: str, position: int, words: tuple[str, ...], min_gap: int, folding: bool) -> int:
    """Where ``words`` end when they follow ``position`` in order, each after a run of at least
    ``min_gap`` spaces/commas; -1 when they do not."""
    for word in words:
        gap = position
        while gap < len(haystack) and (haystack[gap].isspace() or haystack[gap] == ","):
            gap += 1
        word = word.casefold() if folding else word
        if gap - position < min_gap or not haystack.startswith(word, gap):
            return -1
        position = gap + len(word)
    return position


def _leftmost_longest(found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Non-overlapping spans as a regex scan finds them: leftmost first, the longest at a start."""
    spans, taken = [], -1
    for start, end in sorted(found, key=lambda span: (span[0], -span[1])):
        if start >= taken:
            spans.append((start, end))
            taken = end
    return spans


@dataclass
class TextView:
    """The forms of one text that needles are looked up in, computed once per text."""
    normalised: str
    folded: str
    digits: str

    @classmethod
    def of(cls, normalised: str) -> "TextView":
        return cls(normalised, normalised.casefold(), "".join(c for c in normalised if c.isdigit()))

    def may_hold(self, entry: DenyEntry) -> bool:
        if entry.needle_in == "digits":
            held = entry.needle in self.digits
        elif entry.needle_in == "pattern":
            held = _compiled(entry.needle, 0).search(self.normalised) is not None
        else:
            held = entry.needle.casefold() in self.folded
        return held and all(part in self.folded for part in entry.also) and \
            (not entry.gate or _compiled(entry.gate, 0).search(self.normalised) is not None)


def _flexible(value: str) -> str:
    """Regex for ``value`` with any run of spaces/commas free to vary (and to be absent)."""
    parts = [re.escape(p) for p in re.split(r"[\s,]+", value.strip()) if p]
    return r"[\s,]*".join(parts)


def _bounded(pattern: str) -> str:
    """No ASCII letter or digit may continue the match (Kim is not in Kimchi)."""
    return rf"(?<![A-Za-z0-9])(?:{pattern})(?![A-Za-z0-9])"


@lru_cache(maxsize=256)
def _digit_run(prefix: str, count: int) -> str:
    """A pattern for any ``count`` digits with separators between them, after ``prefix``; the digits
    are its first group. One per shape, shared by every record (see DenyEntry.digits_of)."""
    return rf"(?<!\d){prefix}((?:\d{DIGIT_GAP}){{{count - 1}}}\d)(?!\d)"


@cache
def kakasi():
    import pykakasi  # Japanese readings; its dictionary ships with the package

    return pykakasi.kakasi()


def _japanese_reading(text: str) -> str:
    return "".join(item["hepburn"] for item in kakasi().convert(text)).replace(" ", "")


def _pinyin(text: str) -> str:
    from pypinyin import lazy_pinyin  # Mandarin readings; its dictionary ships with the package

    return "".join(lazy_pinyin(text))


@lru_cache(maxsize=CACHED_VALUES)
def cjk_latin_names(name: str) -> tuple[str, ...]:
    """Latin spellings of a Chinese/Japanese name, family name first: pinyin and Hepburn readings."""
    family, given = split_cjk_name(name)
    if not family or not given:
        return ()
    readers = [_japanese_reading]
    if not re.search(r"[\u3040-\u30ff]", name):
        readers.append(_pinyin)
    names = []
    for read in readers:
        family_latin, given_latin = read(family), read(given)
        if family_latin.isascii() and given_latin.isascii() and family_latin.isalpha() and given_latin.isalpha():
            names.append(f"{family_latin.capitalize()} {given_latin.capitalize()}")
    return tuple(dict.fromkeys(names))


@lru_cache(maxsize=CACHED_VALUES)
def person_entries(name: str, role: str) -> tuple[DenyEntry, ...]:
    """The entries that find the person ``name`` (Hangul, Chinese/Japanese or Latin script) in text."""
    name = normalise_with_offsets(name)[0].strip()
    if not name:
        return ()
    entries: list[DenyEntry] = []

    def add(pattern: str, needle: str, flags: int = 0, needle_in: str = "text", min_letters: int = 0, **more) -> None:
        entries.append(DenyEntry(pattern, flags, "PERSON", role, needle, needle_in, min_letters, **more))

    compact = re.sub(r"\s+", "", name)
    if HANGUL_NAME.fullmatch(compact):
        _hangul_name_entries(compact, add)
        return tuple(entries)
    if CJK_NAME.fullmatch(name):
        _cjk_name_entries(name, add)
        # The same person written in Latin letters (郑丽华 -> Zheng Lihua, 井上 明日香 -> Inoue Asuka).
        for latin in cjk_latin_names(name):
            entries.extend(person_entries(latin, role))
        return tuple(dict.fromkeys(entries))
    _latin_name_entries(name, add)
    return tuple(entries)


def _hangul_name_entries(compact: str, add: Callable[..., None]) -> None:
    surname = compact[:2] if compact[:2] in KOREAN_DOUBLE_SURNAMES and len(compact) >= 4 else compact[:1]
    given = compact[len(surname):]
    if len(compact) >= 3 or compact not in KOREAN_LOOKALIKES:
        add(re.escape(surname) + r"\s?" + re.escape(given), given,
            literals=tuple(surname + space + given for space in ("", " ", "\n", "\t")))
    if len(given) >= 2:
        # Even a given name that is also a word (진주, 하늘) is this record's person's name.
        add(re.escape(given), given, literals=(given,))
    add(r"(?<![가-힣])" + re.escape(surname) + KOREAN_TITLE_AHEAD, surname)
    if surname in KOREAN_SURNAMES or surname in KOREAN_DOUBLE_SURNAMES:
        sur = f"(?i:{surname_pattern(surname)})"
        # Run together or hyphenated in any case (minsu, Min-su); spaced only when capitalised (Min Su),
        # so a given name such as 인아 is not found in "in a".
        joined = "-?".join(f"(?i:{romanised_pattern(s)})" for s in given)
        spaced = r"\s".join(f"(?=[A-Z])(?i:{romanised_pattern(s)})" for s in given)
        given_forms = f"(?:{joined}|{spaced})"
        # Needles: the surname as a whole Latin word, or the given name's first syllable starting one.
        surname_word = _bounded(sur)
        given_start = rf"(?<![A-Za-z0-9])(?i:{romanised_pattern(given[0])})"
        add(_bounded(rf"{sur}[\s,]+{given_forms}|{given_forms}\s+{sur}"), surname_word, needle_in="pattern")
        add(_bounded(LATIN_TITLES + sur), surname_word, needle_in="pattern")
        if len(given) >= 2:
            add(_bounded(given_forms), given_start, needle_in="pattern", min_letters=4)


def _cjk_name_entries(name: str, add: Callable[..., None]) -> None:
    add(_flexible(name), name.split()[0])
    for part in split_cjk_name(name):
        if len(part) >= 2:
            add(re.escape(part), part, literals=(part,))


def _latin_name_entries(name: str, add: Callable[..., None]) -> None:
    # Latin script: the full name in either order, and each part of it as a capitalised word.
    parts = [p for p in re.split(r"[\s,]+", name) if p]
    every_part = tuple(p.casefold() for p in parts[1:])
    bounded = {"not_before": ALNUM, "not_after": ALNUM}
    add(_bounded(_flexible(name)), parts[0], re.IGNORECASE, also=every_part, sequence=tuple(parts), **bounded)
    if len(parts) >= 2:
        add(_bounded(r"[\s,]+".join(re.escape(p) for p in reversed(parts))), parts[0], re.IGNORECASE, also=every_part,
            sequence=tuple(reversed(parts)), min_gap=1, **bounded)
    for part in parts:
        if len(part.replace("-", "")) < 3:
            continue
        forms = {part, part.upper()}
        if "-" in part:
            left, right = part.split("-", 1)
            forms |= {left + right.lower(), f"{left} {right.capitalize()}", f"{left}-{right.capitalize()}",
                      f"{left} {right}"}
        needle = part.split("-")[0]
        ordered = tuple(sorted(forms, key=len, reverse=True))
        add(_bounded("|".join(re.escape(f) for f in ordered)), needle, literals=ordered, **bounded)
        add(_bounded(LATIN_TITLES + re.escape(part)), needle, re.IGNORECASE, gate=TITLE_GATE, literals=(part,),
            after_title=True, **bounded)


def id_spelled_name_entries(people: list[tuple[str, str]], sources: list[dict]) -> list[DenyEntry]:
    """A Chinese/Japanese name as its owner spells it in Latin letters in their own IDs."""
    identifiers = [v for source in sources for v in (_text(source.get("member_id")), _text(source.get("email"))) if v]
    entries: list[DenyEntry] = []
    for name, role in people:
        if not identifiers or not CJK_NAME.fullmatch(name):
            continue
        families = [latin.split()[0] for latin in cjk_latin_names(name)]
        for given in given_readings(families, identifiers):
            entries += person_entries(f"{families[0]} {given.capitalize()}", role)
    return entries


@lru_cache(maxsize=CACHED_VALUES)
def phone_entries(value: str, role: str) -> tuple[DenyEntry, ...]:
    """A phone number with or without its country code or trunk 0, any separators between digits."""
    value = normalise_with_offsets(value)[0].strip()
    digits = re.sub(r"\D", "", value)
    if len(digits) < 7:
        return ()
    if value.startswith("+") or value.startswith("00"):
        body = digits[2:] if value.startswith("00") else digits
        group = re.match(r"\+?\s*(\d+)[\s.\-)]", value)
        cc = group.group(1) if group and len(group.group(1)) <= 3 else next(
            (c for c in COUNTRY_CODES if body.startswith(c)), "")
        national = body[len(cc):]
    else:
        cc, national = "82", digits
    core = national[1:] if national.startswith("0") else national
    if len(core) < 7:
        return ()
    prefix = rf"(?:(?:\+|00)?\s*{cc}[\s.\-)]*(?:\(?0\)?[\s.\-]*)?|\(?0\)?[\s.\-]*)?"
    return (DenyEntry(_digit_run(prefix, len(core)), 0, "PHONE", role, core, "digits", digits_of=core),)


@lru_cache(maxsize=CACHED_VALUES)
def number_entries(value: str, entity_type: str, role: str) -> tuple[DenyEntry, ...]:
    """An identifier made of digits (RRN, IP address): its digits in order with any separators."""
    digits = re.sub(r"\D", "", normalise_with_offsets(value)[0])
    if len(digits) < 6:
        return ()
    return (DenyEntry(_digit_run("", len(digits)), 0, entity_type, role, digits, "digits", digits_of=digits),)


@lru_cache(maxsize=CACHED_VALUES)
def email_entries(value: str, role: str) -> tuple[DenyEntry, ...]:
    value = normalise_with_offsets(value)[0].strip()
    local, _, domain = value.partition("@")
    entries = [DenyEntry(re.escape(value), re.IGNORECASE, "EMAIL", role, value, literals=(value,))]
    if len(local) >= 3:
        # The local part alone identifies the writer (and is how obfuscated addresses leak: cpark 골뱅이 ...).
        entries.append(DenyEntry(rf"(?<![A-Za-z0-9._%+\-]){re.escape(local)}(?![A-Za-z0-9_%+])",
                                 re.IGNORECASE, "EMAIL", role, local, literals=(local,), not_before=ALNUM + "._%+-",
                                 not_after=ALNUM + "_%+"))
    return tuple(entries)


@lru_cache(maxsize=CACHED_VALUES)
def login_entries(value: str, role: str) -> tuple[DenyEntry, ...]:
    value = normalise_with_offsets(value)[0].strip()
    if len(value) < 3:
        return ()
    return (DenyEntry(rf"(?<![A-Za-z0-9._\-]){re.escape(value)}(?![A-Za-z0-9_])", re.IGNORECASE,
                      "MEMBER_ID", role, value, literals=(value,), not_before=ALNUM + "._-", not_after=ALNUM + "_"),)


@lru_cache(maxsize=CACHED_VALUES)
def address_entries(value: str, role: str) -> tuple[DenyEntry, ...]:
    """The address, and the fragments that identify a home on their own: street+number, 동/호 unit."""
    value = normalise_with_offsets(value)[0].strip()
    if not value:
        return ()
    fragments = [value]
    fragments += [m.group() for m in ROAD_AND_NUMBER.finditer(value)]
    fragments += [m.group() for m in LOT_AND_NUMBER.finditer(value)]
    fragments += [m.group() for m in UNIT_NUMBER.finditer(value)]  # "201호로 보내주세요": the unit alone
    # Latin/CJK addresses: each comma-separated part holding a number (house number and street, unit).
    fragments += [part.strip() for part in re.split(r"[,，、]", value)
                  if len(part.strip()) >= 5 and re.search(r"\d", part) and re.search(r"[A-Za-z\u4e00-\u9fff]", part)]
    entries = []
    for fragment in dict.fromkeys(fragments):
        digits = re.sub(r"\D", "", fragment)
        needle, where = (digits, "digits") if digits else (fragment.split()[0], "text")
        edge = r"(?<!\d)" if fragment[:1].isdigit() else ""
        entries.append(DenyEntry(edge + _flexible(fragment) + (r"(?!\d)" if digits else ""), re.IGNORECASE,
                                 "ADDRESS", role, needle, where))
    for match in BUILDING_UNIT.finditer(value):
        building, unit = match.groups()
        entries.append(DenyEntry(rf"(?<!\d){building}\s*동\s*{unit}\s*호|(?<!\d){building}\s*-\s*{unit}(?!\d)", 0,
                                 "ADDRESS", role, building + unit, "digits"))
    return tuple(entries)


@lru_cache(maxsize=CACHED_VALUES)
def birth_date_entries(value: str, role: str) -> tuple[DenyEntry, ...]:
    """A YYYY-MM-DD birth date in the forms people write it (1994.9.1, 94-09-01, 1994년 9월 1일, Sept 1, 1994 ...)."""
    match = re.fullmatch(r"\s*(\d{4})\D(\d{1,2})\D(\d{1,2})\s*", normalise_with_offsets(value)[0])
    if not match:
        return ()
    year, month, day = match.groups()
    m, d = int(month), int(day)
    yy = year[2:]
    mm, dd = rf"0?{m}" if m < 10 else str(m), rf"0?{d}" if d < 10 else str(d)
    sep = r"\s*[-./]\s*"
    month_name = MONTHS[m - 1]
    ordinal = r"(?:st|nd|rd|th)?"
    forms = [
        rf"(?:{year}|{yy}){sep}{mm}{sep}{dd}",                              # 1994-09-01, 94.9.1
        rf"{year}{month.zfill(2)}{day.zfill(2)}|{yy}{month.zfill(2)}{day.zfill(2)}",  # 19940901, 940901
        rf"(?:{year}|{yy})\s*[년年]\s*{mm}\s*[월月]\s*{dd}\s*[일日]?",          # 1994년 9월 1일, 1994年9月1日
        rf"{mm}{sep}{dd}{sep}(?:{year}|{yy})",                              # 09/01/1994
        rf"{dd}{sep}{mm}{sep}(?:{year}|{yy})",                              # 01/09/1994
        rf"{month_name}\.?\s+{dd}{ordinal},?\s+{year}",                    # Sept 1, 1994
        rf"{dd}{ordinal}\s+(?:of\s+)?{month_name}\.?,?\s+{year}",           # 1 September 1994
    ]
    pattern = rf"(?<!\d)(?:{'|'.join(forms)})(?!\d)"
    return (DenyEntry(pattern, re.IGNORECASE, "DOB", role, yy, "digits"),)


@lru_cache(maxsize=CACHED_VALUES)
def literal_entries(value: str, entity_type: str, role: str) -> tuple[DenyEntry, ...]:
    value = normalise_with_offsets(value)[0].strip()
    if len(value) < 3:
        return ()
    return (DenyEntry(_bounded(re.escape(value)), re.IGNORECASE, entity_type, role, value, literals=(value,),
                      not_before=ALNUM, not_after=ALNUM),)


@lru_cache(maxsize=CACHED_VALUES)
def hangul_as_latin(word: str) -> re.Pattern | None:
    """A pattern for the Latin spellings of a Hangul full name (김민수 -> Kim Minsu, Min-su Kim ...)."""
    parts = split_name(word)
    if parts is None or len(parts[1]) < 2:
        return None
    surname, given = parts
    sur = surname_pattern(surname)
    giv = r"[-\s]?".join(romanised_pattern(s) for s in given)
    return re.compile(rf"(?:{sur})[\s,]+(?:{giv})|(?:{giv})[\s,]+(?:{sur})", re.IGNORECASE)


def _text(value) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


class RecordDenyList:
    """The personal values of one consultation (and its member), ready to be found in its text."""

    def __init__(self, entries: list[DenyEntry], latin_names: list[tuple[str, str]] = ()):
        self.entries = entries
        # (name, role) of people known only in Latin letters, to be recognised when written in Hangul.
        self.latin_names = list(latin_names)

    @classmethod
    def build(cls, record: dict, member: dict | None = None) -> "RecordDenyList":
        entries: list[DenyEntry] = []
        people: list[tuple[str, str]] = []
        sources = [(record, PATIENT)]
        if member:
            sources.append((member, PATIENT))
        for source, role in sources:
            if name := _text(source.get("name")):
                entries += person_entries(name, role)
                people.append((name, role))
            if phone := _text(source.get("phone")):
                entries += phone_entries(phone, role)
            if email := _text(source.get("email")):
                entries += email_entries(email, role)
            if login := _text(source.get("member_id")):
                entries += login_entries(login, role)
        if ip := _text(record.get("ip_address")):
            entries += number_entries(ip, "IP_ADDRESS", PATIENT) + literal_entries(ip, "IP_ADDRESS", PATIENT)
        if (region := _text(record.get("region"))) and re.search(r"\d", region):
            entries += address_entries(region, PATIENT)
        if doctor := _text(record.get("answered_by")):
            entries += person_entries(doctor, DOCTOR)
            people.append((doctor, DOCTOR))
        if member:
            if address := _text(member.get("address")):
                entries += address_entries(address, PATIENT)
            if birth := _text(member.get("birth_date")):
                entries += birth_date_entries(birth, PATIENT)
            if guardian := _text(member.get("guardian_name")):
                entries += person_entries(guardian, GUARDIAN)
                people.append((guardian, GUARDIAN))
            if guardian_phone := _text(member.get("guardian_phone")):
                entries += phone_entries(guardian_phone, GUARDIAN)
            if guardian_rrn := _text(member.get("guardian_rrn")):
                entries += number_entries(guardian_rrn, "RRN", GUARDIAN)
        entries += id_spelled_name_entries(people, [record, member or {}])
        latin = [(name, role) for name, role in people if re.fullmatch(r"[A-Za-z][A-Za-z' .,-]+\s[A-Za-z' .,-]+", name)]
        return cls(list(dict.fromkeys(entries)), latin)

    def find(self, text: str | None) -> list[DenySpan]:
        """Every occurrence of the record's values in ``text``, offsets into ``text`` as given."""
        if not text:
            return []
        normalised, origin = normalise_with_offsets(text)
        view = TextView.of(normalised)
        found = []
        for entry in self.entries:
            if not view.may_hold(entry):
                continue
            for start, end in entry.spans(view):
                if start == end:
                    continue
                if entry.min_letters and sum(c.isalpha() for c in normalised[start:end]) < entry.min_letters:
                    continue
                found.append(DenySpan(entry.entity_type, origin[start], origin[end - 1] + 1, entry.role))
        if self.latin_names:
            found += self._native_spellings(normalised, origin)
        return found

    def _native_spellings(self, normalised: str, origin: list[int]) -> list[DenySpan]:
        """The record's Latin-script people written in Hangul (Junhyeok Ryu as 류준혁으로) or in Han (Wang Fang as 王芳)."""
        found = []
        known = {}
        for name, role in self.latin_names:
            words = [re.sub(r"[^a-z]", "", w) for w in name.lower().split()]
            known["".join(words)] = known["".join(words[1:] + words[:1])] = role
        for run in HAN_RUN.finditer(normalised):
            text, taken = run.group(), -1
            for start in range(len(text) - 1):
                for length in (4, 3, 2):
                    window = text[start:start + length]
                    if start < taken or len(window) < length:
                        continue
                    for latin in cjk_latin_names(window):
                        role = known.get(latin.lower().replace(" ", ""))
                        if role:
                            begin = run.start() + start
                            found.append(DenySpan("PERSON", origin[begin], origin[begin + length - 1] + 1, role))
                            taken = start + length
                            break
        for word in HANGUL_WORD.finditer(normalised):
            for length in (4, 3):
                pattern = hangul_as_latin(word.group()[:length]) if len(word.group()) >= length else None
                if pattern is None:
                    continue
                for name, role in self.latin_names:
                    if pattern.fullmatch(name.strip()):
                        start = word.start()
                        found.append(DenySpan("PERSON", origin[start], origin[start + length - 1] + 1, role))
        return found
