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

import bisect
import operator
import re
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

import ahocorasick
import numpy as np
import phonenumbers

from anonymise.address_fragments import BUILDING_UNIT, LATIN_STREET, LOT_NUMBER_PARTS, ROAD_NUMBER_PARTS
from anonymise.gate.name_forms import cjk_latin_names, hangul_latin_names
from anonymise.name_data import KOREAN_DOUBLE_SURNAMES
from anonymise.gate.text_view import digits_of, fold, normalise

Strength = Literal["strong", "weak"]
# How a candidate hit is verified after the automaton found it.
Rule = Literal["plain", "ascii_word", "latin_name", "given_name", "digits", "digits_bounded"]

MIN_PHONE_DIGITS = 8
MIN_LOCAL_PART = 4
MIN_LATIN_NAME = 3

_HANGUL_NAME = re.compile(r"^[\uac00-\ud7a3]+$")
_LATIN_NAME = re.compile(r"^[A-Za-z][A-Za-z .'-]*$")
_STRONG_ID = re.compile(r"[\d._-]")
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december")
DEFAULT_REGION = "KR"   # a number written without a '+' code is read as Korean


class Needle(NamedTuple):  # made on demand from the packed index (NeedleIndex), not stored as objects
    kind: str          # name, given_name, phone, email, email_local, member_id, rrn, address, ip, birth_date ...
    value: str         # the source value it stands for (shown masked only)
    strength: Strength
    rule: Rule


PREFIX = 6
RULES: tuple[Rule, ...] = ("plain", "ascii_word", "latin_name", "given_name", "digits", "digits_bounded")
_RULE_CODES = {rule: code for code, rule in enumerate(RULES)}
_RULE_BITS, _STRONG, _SAME_VALUE = 0x0F, 0x10, 0x20   # a needle's flags byte: rule code, strong, value == key
_KINDS: list[str] = []        # kind code -> kind (codes, like the hashes, hold in this process only)
_KIND_CODES: dict[str, int] = {}
_KIND, _VALUE, _STRENGTH, _RULE = map(operator.itemgetter, range(4))   # Needle's fields, for map()
PACK_NEEDLES = 1 << 16        # needles held as Python objects before they are packed
SEEN_VALUES = 1 << 16         # source values remembered per column kind, to skip repeats
FOUND_NEEDLES = 1 << 14       # needles found in text remembered per index, not made again


class _Pack(NamedTuple):
    """Up to PACK_NEEDLES needles in flat arrays: needle i's key is keys[key_ends[i-1]:key_ends[i]] (UTF-8)."""
    keys: bytes
    key_ends: np.ndarray      # uint32
    values: bytes             # nothing for a needle whose value is its key
    value_ends: np.ndarray    # uint32
    kinds: np.ndarray         # uint8, index into _KINDS
    flags: np.ndarray         # uint8

    def key(self, i: int) -> bytes:
        return self.keys[self.key_ends[i - 1] if i else 0:self.key_ends[i]]

    def needle(self, i: int) -> Needle:
        flags = int(self.flags[i])
        key = self.key(i).decode()
        value = key if flags & _SAME_VALUE else \
            self.values[self.value_ends[i - 1] if i else 0:self.value_ends[i]].decode()
        return Needle(_KINDS[self.kinds[i]], value, "strong" if flags & _STRONG else "weak", RULES[flags & _RULE_BITS])

    def select(self, keep: np.ndarray) -> _Pack:
        """The needles where ``keep`` is true, in their order."""
        def blob(data: bytes, ends: np.ndarray) -> tuple[bytes, np.ndarray]:
            lengths = np.diff(ends, prepend=np.uint32(0))
            picked = np.frombuffer(data, np.uint8)[np.repeat(keep, lengths)].tobytes()
            return picked, np.cumsum(lengths[keep], dtype=np.uint32)
        return _Pack(*blob(self.keys, self.key_ends), *blob(self.values, self.value_ends),
                     self.kinds[keep], self.flags[keep])


def _pack(needles: dict[str, Needle]) -> tuple[_Pack, tuple[np.ndarray, np.ndarray]]:
    """The pack and two hashes of each key: ``hash(key)`` and ``hash("\\0" + key)``, independent.

    Written as C-level maps over the needles' fields: it runs for every needle of the source."""
    count, found = len(needles), needles.values()
    for kind in {n.kind for n in found} - _KIND_CODES.keys():
        _KIND_CODES[kind] = len(_KINDS)
        _KINDS.append(kind)
    same = np.fromiter(map(operator.eq, map(_VALUE, found), needles), bool, count)
    keys = [key.encode() for key in needles]
    values = [b"" if same else n.value.encode() for n, same in zip(found, same.tolist())]
    strong = np.fromiter(map("strong".__eq__, map(_STRENGTH, found)), bool, count)
    flags = np.fromiter(map(_RULE_CODES.__getitem__, map(_RULE, found)), np.uint8, count) \
        | np.where(strong, _STRONG, 0).astype(np.uint8) | np.where(same, _SAME_VALUE, 0).astype(np.uint8)
    return (_Pack(b"".join(keys), np.cumsum(np.fromiter(map(len, keys), np.uint32, count), dtype=np.uint32),
                  b"".join(values), np.cumsum(np.fromiter(map(len, values), np.uint32, count), dtype=np.uint32),
                  np.fromiter(map(_KIND_CODES.__getitem__, map(_KIND, found)), np.uint8, count), flags),
            (np.fromiter(map(hash, needles), np.int64, count),
             np.fromiter(map(hash, map("\0".__add__, needles)), np.int64, count)))


class NeedleIndex:
    """One view's needles, key -> Needle, one needle per key, in flat arrays.

    Why: at 1M consultations the source has millions of needles; as a dict of str -> Needle they
    took ~320 bytes each and the check's memory grew with the source (1 GB at 1M). Packed, a
    needle is its UTF-8 key and value, two offsets, two bytes of codes, two hashes of its key and
    its place in the hash order (~60 bytes). A lookup binary-searches the sorted hashes and then
    compares the stored key, so a hash collision can neither hide a needle nor invent one.

    Additions collect in a dict (keeping the stronger needle per key) that becomes a pack every
    ``PACK_NEEDLES``; on the next read the packs are merged, vectorised: per key the first strong
    needle is kept, else the first one, as the dict does. Packs are never concatenated, so merging
    needs no second copy of the needles. Merging takes two needles for one key when both hashes
    agree: ``hash(str)`` is SipHash with a key secret to the process, so two different keys pass
    for one with a chance of 2^-128 (comparing the stored keys instead took 10 s at 1M). Being
    salted per process, an index cannot be pickled, and must not be: it holds every personal
    value of the source.
    """

    def __init__(self) -> None:
        self._pending: dict[str, Needle] = {}
        self._packs: list[_Pack] = []
        self._starts: list[int] = []               # number of the first needle of each pack
        self._new: list[tuple[np.ndarray, np.ndarray]] = []   # hashes of the packs not merged yet
        self._order = np.empty(0, np.uint32)       # merged needles by hash
        self._sorted = np.empty(0, np.int64)       # their hashes
        self._second = np.empty(0, np.int64)       # and their second hashes (see _pack)
        self._matcher: Matcher | None = None
        self._found: dict[str, Needle] = {}        # keys found lately: common given names are found again and again

    def __reduce__(self):
        raise TypeError("needles never leave the process that read them")

    def add(self, key: str, needle: Needle) -> None:
        pending = self._pending
        known = pending.get(key)
        if known is not None:
            if known.strength == "weak" and needle.strength == "strong":
                pending[key] = needle
            return
        if not key:
            return
        if not pending and not self._new:   # merged: skip what an equal or stronger needle holds already
            known = self.get(key)
            if known is not None and (known.strength == "strong" or needle.strength == "weak"):
                return
        pending[key] = needle
        if len(pending) >= PACK_NEEDLES:
            self._flush()

    def __len__(self) -> int:
        self._merge()
        return len(self._order)

    def get(self, key: str) -> Needle | None:
        return next((needle for _, needle in self.find(np.array([hash(key)], np.int64), lambda _: key)), None)

    def values(self) -> Iterator[Needle]:
        self._merge()
        return (pack.needle(i) for pack in self._packs for i in range(len(pack.flags)))

    def keys(self) -> Iterator[str]:
        self._merge()
        for pack in self._packs:
            start = 0
            for end in pack.key_ends.tolist():
                yield pack.keys[start:end].decode()
                start = end

    def find(self, hashes: np.ndarray, candidate) -> Iterator[tuple[int, Needle]]:
        """(i, needle) for each candidate ``i`` (``candidate(i)`` its text, ``hashes[i]`` its hash) that is a key."""
        self._merge()
        if not len(self._sorted) or not len(hashes):
            return
        last = len(self._sorted) - 1
        at = np.minimum(np.searchsorted(self._sorted, hashes), last)
        found = self._found
        for i in np.flatnonzero(self._sorted[at] == hashes).tolist():
            text = candidate(i)
            needle = found.get(text)
            if needle is not None:
                yield i, needle
                continue
            encoded, position = text.encode(), int(at[i])
            while position <= last and self._sorted[position] == hashes[i]:  # more than one only on a collision
                pack, local = self._locate(int(self._order[position]))
                if pack.key(local) == encoded:
                    if len(found) >= FOUND_NEEDLES:
                        found.clear()
                    found[text] = needle = pack.needle(local)
                    yield i, needle
                    break
                position += 1

    def matcher(self) -> Matcher | None:
        self._merge()
        if self._matcher is None and len(self._order):
            self._matcher = _matcher(self)
        return self._matcher

    def _locate(self, number: int) -> tuple[_Pack, int]:
        p = bisect.bisect_right(self._starts, number) - 1
        return self._packs[p], number - self._starts[p]

    def _flush(self) -> None:
        pack, hashes = _pack(self._pending)
        self._pending = {}
        self._starts.append(self._starts[-1] + len(self._packs[-1].flags) if self._packs else 0)
        self._packs.append(pack)
        self._new.append(hashes)

    def _merge(self) -> None:
        if self._pending:
            self._flush()
        if not self._new:
            return
        merged = len(self._order)
        first, second = np.empty(merged, np.int64), np.empty(merged, np.int64)
        first[self._order], second[self._order] = self._sorted, self._second
        first = np.concatenate([first, *(new[0] for new in self._new)])
        second = np.concatenate([second, *(new[1] for new in self._new)])
        self._new = []
        weak = (np.concatenate([pack.flags for pack in self._packs]) & _STRONG) == 0
        # By key (its two hashes), strong before weak, then first added (lexsort is stable):
        # the first of each key is the needle the dict would have kept.
        order = np.lexsort((weak, second, first)).astype(np.uint32)
        del weak
        first, second = first[order], second[order]
        keep = np.r_[True, (first[1:] != first[:-1]) | (second[1:] != second[:-1])]
        chosen = np.zeros(len(order), bool)
        chosen[order[keep]] = True
        self._order = (np.cumsum(chosen, dtype=np.uint32) - np.uint32(1))[order[keep]]
        self._sorted, self._second = first[keep], second[keep]
        del order, first, second, keep
        packs, starts, number = [], [], 0
        for pack, start in zip(self._packs, self._starts):
            picked = chosen[start:start + len(pack.flags)]
            if picked.any():
                packs.append(pack if picked.all() else pack.select(picked))
                starts.append(number)
                number += int(picked.sum())
        self._packs, self._starts = packs, starts
        self._matcher, self._found = None, {}


@dataclass
class Matcher:
    """Aho–Corasick over the needles' first ``PREFIX`` characters, then an index lookup of each candidate.

    Distinct prefixes are far fewer than needles (phones share '10' + 4 digits, e-mails their
    first letters), which keeps the automaton small enough to build in seconds for millions of
    needles; matching stays one pass over the text. The automaton stores an int per prefix: the
    index of its (prefix length, key lengths) shape, shapes being few.
    """
    automaton: ahocorasick.Automaton
    shapes: list[tuple[int, tuple[int, ...]]]
    index: NeedleIndex

    def find(self, view: str) -> Iterator[tuple[int, int, Needle]]:
        """(start, end, needle) of every needle occurring in ``view``."""
        shapes, limit = self.shapes, len(view)
        starts, stops, hashes = array("q"), array("q"), array("q")
        for end, shape in self.automaton.iter(view):
            prefix_length, lengths = shapes[shape]
            start = end - prefix_length + 1
            for length in lengths:  # ascending
                stop = start + length
                if stop > limit:
                    break
                starts.append(start)
                stops.append(stop)
                hashes.append(hash(view[start:stop]))
        for i, needle in self.index.find(np.frombuffer(hashes, np.int64), lambda i: view[starts[i]:stops[i]]):
            yield starts[i], stops[i], needle


def _matcher(index: NeedleIndex) -> Matcher:
    lengths: dict[str, int] = {}   # prefix -> bit set of the lengths of its keys
    for key in index.keys():
        prefix = key[:PREFIX]
        lengths[prefix] = lengths.get(prefix, 0) | 1 << len(key)
    shapes: dict[tuple[int, tuple[int, ...]], int] = {}
    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    for prefix, bits in lengths.items():
        shape = (len(prefix), tuple(n for n in range(bits.bit_length()) if bits >> n & 1))
        automaton.add_word(prefix, shapes.setdefault(shape, len(shapes)))
    automaton.make_automaton()
    return Matcher(automaton, list(shapes), index)


@dataclass
class NeedleSet:
    """Text needles keyed by folded text, digit needles keyed by digit string; one needle per key."""
    text: NeedleIndex = field(default_factory=NeedleIndex)
    digits: NeedleIndex = field(default_factory=NeedleIndex)

    def add_text(self, key: str, needle: Needle) -> None:
        """``key`` already normalised (``normalise``); it is folded here."""
        self.text.add(fold(key).strip(), needle)

    def add_digits(self, key: str, needle: Needle) -> None:
        if len(key) >= MIN_PHONE_DIGITS:
            self.digits.add(key, needle)

    def __len__(self) -> int:
        return len(self.text) + len(self.digits)

    def matchers(self) -> tuple[Matcher | None, Matcher | None]:
        return self.text.matcher(), self.digits.matcher()


def add_name(needles: NeedleSet, value: str) -> None:
    name = normalise(value).strip()
    compact = name.replace(" ", "")
    if _HANGUL_NAME.match(compact):
        if len(compact) >= 3:
            needles.add_text(compact, Needle("name", compact, "strong", "plain"))
            surname_len = 2 if len(compact) >= 4 and compact[:2] in KOREAN_DOUBLE_SURNAMES else 1
            needles.add_text(f"{compact[:surname_len]} {compact[surname_len:]}",
                             Needle("name", compact, "strong", "plain"))
            given = compact[surname_len:]
            if len(given) >= 2:
                needles.add_text(given, Needle("given_name", given, "weak", "given_name"))
            for latin in hangul_latin_names(compact):  # Kim Minsu, Min-su Kim
                needles.add_text(latin, Needle("name", compact, "strong", "ascii_word"))
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
        for latin in cjk_latin_names(name):  # Zheng Lihua, Inoue Asuka
            needles.add_text(latin, Needle("name", name, "strong", "ascii_word"))


def add_phone(needles: NeedleSet, value: str) -> None:
    """The number's national significant digits: found with or without its country code or trunk 0
    (+82 10-1234-5678, 010-1234-5678; +1 415 555 0199, 415-555-0199; +81 90-…, 090-…)."""
    digits = digits_of(value)
    try:
        parsed = phonenumbers.parse(value, None if value.strip().startswith("+") else DEFAULT_REGION)
        national, country = phonenumbers.national_significant_number(parsed), parsed.country_code
    except phonenumbers.NumberParseException:
        national, country = "", None
    if not national or national not in digits:  # not a number phonenumbers reads: its digits as written
        national = digits[2:] if digits.startswith("82") else digits
        national, country = (national[1:] if national.startswith("0") else national), 82
    shown = f"0{national}" if country == 82 else f"{country}{national}"   # what a masked finding shows
    needles.add_digits(national, Needle("phone", shown, "strong", "digits"))


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
    for pattern in (ROAD_NUMBER_PARTS, LOT_NUMBER_PARTS):
        for m in pattern.finditer(address):
            for fragment in (f"{m.group(1)} {m.group(2)}", f"{m.group(1)}{m.group(2)}"):
                needles.add_text(fragment, Needle("address", fragment, "strong", "digits_bounded"))
    for m in BUILDING_UNIT.finditer(address):
        for fragment in (f"{m.group(1)}동 {m.group(2)}호", f"{m.group(1)}동{m.group(2)}호"):
            needles.add_text(fragment, Needle("address", fragment, "weak", "digits_bounded"))
    for m in LATIN_STREET.finditer(address):
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
    m, d = int(month), int(day)
    for text in {f"{year}년 {m}월 {d}일", f"{year}년 {month}월 {day}일", f"{year}년{m}월{d}일",
                 f"{year[2:]}년 {m}월 {d}일", f"{year}년 {m}월 {d}일생", f"{MONTH_NAMES[m - 1]} {d}, {year}",
                 f"{d} {MONTH_NAMES[m - 1]} {year}"}:  # 1991년 7월 23일, July 23, 1991
        needles.add_text(text, Needle("birth_date", needle.value, "weak", "digits_bounded"))


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
    "region": add_address, "ip_address": add_ip, "answered_by": add_name,
}


def needles_from_rows(needles: NeedleSet, rows: list[dict], columns: dict, seen: dict[str, set]) -> None:
    for column, add in columns.items():
        done = seen.setdefault(add.__name__, set())
        # A member's values repeat on each of their consultations, common names everywhere: a value
        # seen lately is not added again. Bounded, so memory stays flat; an older repeat is added
        # again and merged by the index.
        values = {v if v is None or isinstance(v, str) else str(v) for v in (row.get(column) for row in rows)}
        for value in values - done:
            if len(done) >= SEEN_VALUES:
                done.clear()
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
