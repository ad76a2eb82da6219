"""Places finer than a 시/도: 시/군/구 and 읍/면/동 (역삼동, 영통구), stations (강남역, 홍대입구역),
neighbourhoods and landmarks (압구정, 코엑스, Hongdae), apartment complexes (래미안 3단지), a proper
noun where someone lives or is near (X 근처 살아요), and foreign cities (Seattle, 上海, 도쿄).

Coarser form ``province``: the 시/도 the place lies in (서울; Seoul in Latin text), or the country
of a foreign city (미국 / the US / 美国); a name found in several 시/도 has none and becomes the
placeholder. 시/도 and countries themselves are coarse enough and stay.
"""
from __future__ import annotations

import functools
import re

from anonymise.kiwi_words import kiwi_tokens
from anonymise.quasi_identifiers.base import (HANGUL, QuasiSpan, alternation, hangul_rest, korean_tail_ok,
                                              read_lines, read_table)
from anonymise.regions import PROVINCES

NAME = "FinePlace"
TYPE = "PLACE"

HANGUL_WORD = re.compile(r"[가-힣]+")
KANA = re.compile(r"[\u3040-\u30ff]")
PLACE_SUFFIXES = "시군구읍면동리로가길"
# After a proper noun, words that say it is a place someone lives at or is near.
PLACE_CUE = re.compile(r"\s?(?:근처|부근|인근|주변|사거리|쪽에\s?살|에\s?살|에서\s?살|에\s?사는|에\s?거주|에서\s?가까)")
STATION_ENDINGS = ("입구역", "역")
# A bridge, tunnel, airport or terminal named by its place (김포대교, 무안공항): see facility_place.
FACILITY_ENDINGS = ("국제공항", "공항", "대교", "터널", "터미널", "나들목", "톨게이트")
APARTMENT_CUE = re.compile(r"\s?(?:아파트|APT|apt|\d+\s?단지|단지|\d+\s?차|\d+\s?동\b)")
ENGLISH_PROVINCE = {canon: aliases[-1].title() for canon, aliases in PROVINCES.items()}


@functools.lru_cache(maxsize=10_000)
def _province_of_word(word: str) -> str | None:
    return next((canon for canon, aliases in PROVINCES.items() for alias in aliases
                 if HANGUL.match(alias) and word.startswith(alias)), None)


@functools.lru_cache(maxsize=200_000)
def _word_candidates(word: str) -> tuple[tuple[int, str, frozenset[str]], ...]:
    """Where a Hangul word may hold a place, longest first, whatever its context: (length, kind, provinces)
    with kind station (a place then), official (a 시/군/구/읍/면/동 name), landmark (alone a place) or base
    (a place only with a cue). Most words have none; the answer is cached per word."""
    full, base = _gazetteer()
    found = []
    for n in range(len(word), 1, -1):
        stem, rest = word[:n], word[n:]
        if not korean_tail_ok(rest):
            continue
        for ending in STATION_ENDINGS:
            if stem.endswith(ending) and len(stem) - len(ending) >= 2:
                root = stem[:-len(ending)]
                provinces = base.get(root) or full.get(root) or base.get(root[:-1], frozenset())
                if provinces or is_proper_noun(stem):
                    return tuple(found) + ((n, "station", provinces),)
        if stem in full:
            found.append((n, "official", base[stem] if stem in _landmarks() else full[stem]))
        if stem in base:
            found.append((n, "landmark" if stem in _landmarks() and is_proper_noun(stem) else "base", base[stem]))
    return tuple(found)


def facility_place(text: str, start: int, end: int) -> QuasiSpan | None:
    """The PLACE span of the Hangul word around text[start:end] if it is a bridge, tunnel, airport or
    terminal named by a known place (김포대교, 무안공항에서), else None. Not a rule of its own: the
    anonymiser asks it of a word the safe list would remove as a <NAME> (Kiwi reads many of these as
    proper nouns of no dictionary), which is a place, not a name; what Kiwi vouches for (김포공항) stays."""
    full, base = _gazetteer()
    while start > 0 and HANGUL.match(text[start - 1]):
        start -= 1
    word = HANGUL_WORD.match(text, start)
    if word is None or word.end() < end:
        return None
    for n in range(len(word.group()), 3, -1):
        stem, rest = word.group()[:n], word.group()[n:]
        ending = next((e for e in FACILITY_ENDINGS if stem.endswith(e) and len(stem) - len(e) >= 2), None)
        if ending is None or not korean_tail_ok(rest):
            continue
        root = stem[:-len(ending)]
        province = _province_of_word(root) if len(root) <= 3 else None
        provinces = base.get(root) or full.get(root) or (frozenset([province]) if province else None)
        if provinces:
            return QuasiSpan(TYPE, start, start + n, NAME, _province_form(provinces, False))
    return None


def _provinces(value: str) -> frozenset[str]:
    return frozenset(value.split(",")) if value else frozenset()


@functools.cache
def _gazetteer() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """(official names -> provinces, base names without their suffix -> provinces).

    A base name means the best-known place of that name: a landmark or neighbourhood first, then a
    시/군/구 (강남 is 강남구, not the 강남동 of another province), then any 읍/면/동.
    """
    full: dict[str, frozenset[str]] = {}
    by_rank: list[dict[str, set[str]]] = [{}, {}, {}]
    for name, province in read_table("kr_landmarks.tsv"):
        if HANGUL.search(name):
            by_rank[0].setdefault(name, set()).add(province)
    for name, provinces in read_table("kr_places.tsv"):
        full[name] = _provinces(provinces)
        if len(name) >= 3 and name[-1] in PLACE_SUFFIXES:
            rank = 1 if name[-1] in "시군구" else 2
            by_rank[rank].setdefault(name[:-1], set()).update(full[name])
    base: dict[str, frozenset[str]] = {}
    for ranked in reversed(by_rank):
        base.update({k: frozenset(v) for k, v in ranked.items()})
    return full, base


@functools.cache
def _landmarks() -> dict[str, str]:
    return {name: province for name, province in read_table("kr_landmarks.tsv")}


@functools.cache
def _latin_places() -> tuple[re.Pattern, dict[str, tuple[str, bool]]]:
    """One pattern over Latin-script landmarks and foreign cities: name -> (province or country, foreign)."""
    names = {name: (province, False) for name, province in _landmarks().items() if not HANGUL.search(name)}
    names |= {name: (code, True) for name, code in read_table("foreign_cities.tsv") if re.match(r"[A-Za-z]", name)}
    return re.compile(rf"(?<![\w-])(?:{alternation(names)})(?![\w-])"), names


@functools.cache
def _cjk_cities() -> tuple[re.Pattern, dict[str, str]]:
    """Foreign cities written in Hangul or Han -> country code."""
    names = {name: code for name, code in read_table("foreign_cities.tsv") if not re.match(r"[A-Za-z]", name)}
    return re.compile(alternation(names)), names


@functools.cache
def _countries() -> dict[str, tuple[str, str, str, str]]:
    return {code: (ko, en, zh, ja) for code, ko, en, zh, ja in read_table("countries.tsv")}


@functools.cache
def _apartment_brands() -> re.Pattern:
    return re.compile(rf"(?:{alternation(read_lines('apartment_brands.txt'))})")


def is_proper_noun(word: str) -> bool:
    """Kiwi reads the word as starting with a proper noun (강남역, 삼성전자, 코엑스)."""
    tokens = kiwi_tokens(word)
    return bool(tokens) and tokens[0].tag == "NNP"


def known_place(name: str, provinces: bool = False) -> bool:
    """The gazetteer or the landmark list knows ``name`` (해운대, 역삼동, 강남); with ``provinces`` a 시/도 too."""
    full, base = _gazetteer()
    return name in full or name in base or (provinces and any(name in aliases for aliases in PROVINCES.values()))


def is_one_proper_noun(word: str) -> bool:
    """Kiwi reads the whole word as one proper noun (네이버, 롯데월드타워), not a noun plus a particle."""
    tokens = kiwi_tokens(word)
    return len(tokens) == 1 and tokens[0].tag == "NNP"


def _province_form(provinces: frozenset[str], latin: bool) -> dict[str, str]:
    if len(provinces) != 1:
        return {}
    (province,) = provinces
    return {"province": ENGLISH_PROVINCE.get(province, province) if latin else province}


def _country_form(code: str, text: str, script: str) -> dict[str, str]:
    ko, en, zh, ja = _countries().get(code, (None,) * 4)
    if ko is None:
        return {}
    if script == "latin":
        return {"province": en}
    if script == "hangul":
        return {"province": ko}
    return {"province": ja if KANA.search(text) else zh}


class FinePlace:
    name = NAME
    qi_type = TYPE

    def find(self, text: str) -> list[QuasiSpan]:
        spans = self._korean(text)
        latin = _latin_places()
        pattern, names = latin
        for match in pattern.finditer(text):
            place, foreign = names[match.group(0)]
            forms = _country_form(place, text, "latin") if foreign else _province_form(frozenset([place]), True)
            spans.append(QuasiSpan(TYPE, *match.span(), NAME, forms))
        pattern, cities = _cjk_cities()
        for match in pattern.finditer(text):
            script = "hangul" if HANGUL.match(match.group(0)) else "han"
            if script == "hangul" and not korean_tail_ok(hangul_rest(text, match.end())):
                continue  # 파리 inside a longer word, 선전 in 선전하다
            if script == "hangul" and match.start() and HANGUL.match(text[match.start() - 1]):
                continue
            spans.append(QuasiSpan(TYPE, *match.span(), NAME, _country_form(cities[match.group(0)], text, script)))
        return spans

    def _korean(self, text: str) -> list[QuasiSpan]:
        if not HANGUL.search(text):
            return []
        full, base = _gazetteer()
        spans = []
        for word_match in HANGUL_WORD.finditer(text):
            word, start = word_match.group(0), word_match.start()
            found = self._korean_word(text, word, start, full, base)
            if found:
                spans.append(found)
        spans += self._apartments(text, base)
        return spans

    def _korean_word(self, text: str, word: str, start: int, full, base) -> QuasiSpan | None:
        after = text[start + len(word):]
        for n, kind, provinces in _word_candidates(word):
            if kind == "station":  # 강남역, 홍대입구역, 사당역
                return QuasiSpan(TYPE, start, start + n, NAME, _province_form(provinces, False))
            stem = word[:n]
            if kind == "official":
                province = self._after_province(text, start)  # 부산 서구: the 시/도 before it says which
                if len(stem) >= 3 or province or PLACE_CUE.match(after):
                    known = frozenset([province]) if province else provinces
                    return QuasiSpan(TYPE, start, start + n, NAME, _province_form(known, False))
            # A landmark alone, when Kiwi too reads it as a name (코엑스, not 신사 "gentleman"); else with a cue.
            elif kind == "landmark" or PLACE_CUE.match(after):
                return QuasiSpan(TYPE, start, start + n, NAME, _province_form(provinces, False))
        # Any proper noun where someone lives or is near (롯데월드타워 근처, X에 살아요).
        if not PLACE_CUE.match(text, start + len(word)):
            return None
        stem = next((word[:n] for n in range(len(word), 1, -1)
                     if korean_tail_ok(word[n:]) and is_one_proper_noun(word[:n])), None)
        if stem:
            return QuasiSpan(TYPE, start, start + len(stem), NAME, {})
        return None

    @staticmethod
    def _after_province(text: str, start: int) -> str | None:
        """The 시/도 written right before a place (부산 서구, 경기 광주시): it says which one is meant."""
        before = text[max(0, start - 8):start].split()
        return _province_of_word(before[-1]) if before else None

    @staticmethod
    def _apartments(text: str, base) -> list[QuasiSpan]:
        spans = []
        for match in _apartment_brands().finditer(text):
            start, end = match.span()
            # The name may be glued to a place (반포자이): take the Hangul before it along.
            while start and HANGUL.match(text[start - 1]):
                start -= 1
            prefix = text[start:match.start()]
            if not (APARTMENT_CUE.match(text, end) or (prefix and prefix in base)):
                continue
            cue = APARTMENT_CUE.match(text, end)
            stop = cue.end() if cue and re.search(r"\d", cue.group(0)) else end  # 3단지, 101동 belong to it
            spans.append(QuasiSpan(TYPE, start, stop, NAME, _province_form(base.get(prefix, frozenset()), False)))
        return spans
