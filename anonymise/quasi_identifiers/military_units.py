"""Numbered military units: 육군 제12보병사단, 제9공수여단, 3연대 2대대, 第38集团军, 第1装甲师, 12-й бригаде,
82nd Airborne Division, 5-р анги. A unit is where a soldier serves, so its number names a workplace
whoever writes it; the rank after it (상병, 병장, sergeant) is a role and stays. Without a number the
words are ordinary (연대 보증, 대대적인, 제3자, 제2형 당뇨): a unit word counts only right after one.

The words (branches, kinds of unit, unit words) are data (data/military_units.tsv); the number's
shape is each language's: Korean 제 + digits, Chinese and Japanese 第 + digits or numerals, Russian
a digit with its ordinal ending, English an ordinal, Mongolian a digit with -р.
"""
from __future__ import annotations

import functools
import re

from anonymise.quasi_identifiers.base import QuasiSpan, alternation, read_table

NAME = "MilitaryUnit"
TYPE = "WORKPLACE"


@functools.cache
def _words() -> dict[tuple[str, str], list[str]]:
    words: dict[tuple[str, str], list[str]] = {}
    for lang, part, row in read_table("military_units.tsv"):
        words.setdefault((lang, part), []).extend(row.split())
    return words


@functools.cache
def _patterns() -> tuple[re.Pattern, ...]:
    w = {key: alternation(value) for key, value in _words().items()}
    ko_unit = rf"(?:제[ \t]?)?\d{{1,4}}[ \t]?(?:{w['ko', 'kind']})*(?:{w['ko', 'unit']})(?![적학])"
    ko = rf"(?<![\d.가-힣])(?:(?:{w['ko', 'branch']})[ \t]?)?{ko_unit}(?:[ \t]?{ko_unit})*"
    zh_number = r"第[ \t]?(?:\d{1,4}|[一二三四五六七八九十百零〇两兩]{1,5})"
    zh_unit = rf"{zh_number}(?:{w['zh', 'kind']})*(?:{w['zh', 'unit']})"
    zh = rf"{zh_unit}(?:{zh_unit})*"
    # 12-й бригаде, 5-я дивизия, 3-м отдельном батальоне: the ordinal, up to two words of kind, the unit.
    ru = rf"(?<![\w-])\d{{1,3}}(?:-?(?:я|й|ая|ой|ый|ий|го|му|м))?[ \t]+(?:[а-яё-]+[ \t]+){{0,2}}(?:{w['ru', 'unit']})(?![а-яё])"
    en = rf"(?<![\w-])\d{{1,3}}(?:st|nd|rd|th)[ \t]+(?:[A-Z][a-z]+[ \t]+){{0,3}}(?:{w['en', 'unit']})(?![A-Za-z])"
    mn = rf"(?<![\w-])\d{{1,3}}[ \t]?-?[ \t]?(?:р|дүгээр|дугаар)[ \t]+(?:{w['mn', 'unit']})(?![а-яёөү])"
    return tuple(re.compile(p) for p in (ko, zh, ru, en, mn))


class MilitaryUnit:
    name = NAME
    qi_type = TYPE

    def find(self, text: str) -> list[QuasiSpan]:
        if not re.search(r"\d|第", text):
            return []
        return [QuasiSpan(TYPE, *m.span(), NAME) for pattern in _patterns() for m in pattern.finditer(text)]
