"""Dates of birth in words, in any of the languages patients write in, and the birth words that make a
date one (data: month_names.tsv, birth_words.tsv).

A date with a month word is parsed, not matched as a string: a day, a month (a month word of any
language, a Roman numeral, a Mongolian numbered month) and a year, in any order people write them
(7 марта 1985 г., March 7, 1985, 1985 жылы 7 наурызда, 1985 оны 3 сарын 7, 7.III.1985, Mei 1985), is a
date when the day exists in that month and the year is a plausible birth year (Gregorian, Buddhist
Era 25xx, or Hijri after a Hijri month or هـ). It is a date of birth when a birth word is right before
it (a few words between, no digit, no sentence end) or right after it (…г. рождения, …төрсөн).
Dates said in numerals (칠십이년 삼월 구일, 一九八八年五月三日, 昭和六十年) are patterns here too. The DOB
recognizer removes these dates and the leak gate refuses them, both from this one reading.
"""
from __future__ import annotations

import calendar
import re
from datetime import date
from functools import lru_cache
from pathlib import Path

import ahocorasick

HERE = Path(__file__).parent
ROMAN_MONTHS = {r: i for i, r in enumerate(("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"), 1)}
FIRST_BIRTH_YEAR = 1900
HIJRI_YEARS = range(1318, 1451)      # 1900 to about 2029 in the Hijri calendar
BUDDHIST_ERA = 543                   # Thai years: 2533 is 1990
# Letters of scripts that space their words: a birth word or month word must not sit inside such a word.
_WORD_LETTER = r"A-Za-z\u00c0-\u024f\u0400-\u04ff\u0620-\u064a"


def _rows(file_name: str) -> list[list[str]]:
    rows = []
    for line in (HERE / file_name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def _alternation(forms) -> str:
    """A regex matching any of ``forms`` (case aside), longest first, a space in a form standing for any
    run of spaces. Built as a trie of characters, so a position that starts no form fails at once."""
    trie: dict = {}
    for form in forms:
        node = trie
        for char in " ".join(form.lower().split()):
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [(r"[ \t]*" if char == " " else re.escape(char)) + pattern(child)
                    for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:%s)" % "|".join(branches)
        return f"(?:{body})?" if "" in node else body

    return pattern(trie)


def _key(form: str) -> str:
    return " ".join(form.lower().split())


MONTHS: dict[str, tuple[int, bool]] = {}     # month word (lower case) -> (month, Hijri calendar)
for _lang, _month, _forms in _rows("month_names.tsv"):
    for _form in _forms.split("|"):
        MONTHS[_key(_form)] = (int(_month), _lang == "ar-hijri")
BIRTH_WORDS = {where: tuple(form for lang, w, forms in _rows("birth_words.tsv") if w == where for form in forms.split("|"))
               for where in ("before", "after")}
# Regex sources (for the recognizer's look-behinds and the digit-date rules): a birth word before a date, after one.
BIRTH_BEFORE = rf"(?<![{_WORD_LETTER}])(?:{_alternation(BIRTH_WORDS['before'])})"
BIRTH_AFTER = _alternation(BIRTH_WORDS["after"])
# A birth word and what may stand between it and the digits of a date (생년월일은, DOB:, born in Seoul in).
BIRTH_WORD_BEFORE_DIGITS = re.compile(rf"{BIRTH_BEFORE}[^\d\n]{{0,12}}$", re.IGNORECASE)

# A birth word and what may stand between it and a date: a few words, no digit, no sentence end, no
# placeholder or surrogate (родилась <DOB>, операция 14 февраля: the date after it is another); Thai
# runs its words together, so there only spaces and punctuation (เกิดรอยช้ำ is "a bruise came").
_GAP = r"[^\n\d.;!?。<>\[\]\u0e00-\u0e7f]"
_CUE_BEFORE_DATE = re.compile(rf"{BIRTH_BEFORE}{_GAP}{{0,24}}$", re.IGNORECASE)
# The same where the anonymiser's output is blanked to spaces (the leak gate's view): a run of blanks
# there is a removed value, so the date after it is another.
_CUE_BEFORE_DATE_BLANKED = re.compile(rf"{BIRTH_BEFORE}(?:(?!   ){_GAP}){{0,24}}$", re.IGNORECASE)
_CUE_AFTER_DATE = re.compile(rf"[ \t,]*(?:{BIRTH_AFTER})", re.IGNORECASE)
_ROMAN_MONTH = re.compile(r"[./ ](?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)[./ ]", re.IGNORECASE)
_ANY_CUE = re.compile(rf"{BIRTH_BEFORE}|{BIRTH_AFTER}", re.IGNORECASE)
_FOUR_DIGITS = re.compile(r"(?<!\d)\d{4}(?!\d)")
WINDOW = 40     # characters either side of a year that a date with it may span

HAN_NUMERAL = r"[〇零一二三四五六七八九十]"
JP_NUMBER = rf"(?:\d{{1,2}}|{HAN_NUMERAL}{{1,3}})"
JP_ERA = rf"(?:明治|大正|昭和|平成|令和)(?:元|{JP_NUMBER})年(?:[ \t]*{JP_NUMBER}月(?:[ \t]*{JP_NUMBER}日)?)?"
# A date written all in Sino-Korean numeral words (천구백구십이년 삼월 십일일, 이천 삼 년 유월 오 일),
# spaces anywhere between the numerals: month 6 and 10 are 유월 and 시월.
SK = r"[ \t]?"
SK_DIGIT = r"[일이삼사오육륙칠팔구]"
SK_YEAR = rf"(?:천{SK}구백|이{SK}천)(?:{SK}[이삼사오육칠팔구]?{SK}십)?(?:{SK}{SK_DIGIT})?"
SK_MONTH = rf"(?:시|십{SK}[일이]|유|육|[일이삼사오칠팔구]|십)"
SK_DAY = rf"(?:[이삼]?{SK}십(?:{SK}{SK_DIGIT})?|{SK_DIGIT})"
# A year said short, by its tens (칠십이년, 72) or digit by digit (팔칠년, 87), as phone notes transcribe it.
SK_SHORT_YEAR = rf"(?:[이삼사오육칠팔구]{SK}십(?:{SK}{SK_DIGIT})?|[일이삼사오육칠팔구][공영일이삼사오육칠팔구])"
SK_DATE = rf"(?:{SK_YEAR}|{SK_SHORT_YEAR}){SK}년(?:[ \t]*{SK_MONTH}{SK}월(?:[ \t]*{SK_DAY}{SK}일)?)?"
# 一九八八年五月三日, and a year in digits with the month and day in Han numerals (1988年五月三日).
HAN_DATE = (rf"(?:{HAN_NUMERAL}{{2,4}}年(?:{HAN_NUMERAL}{{1,2}}月(?:{HAN_NUMERAL}{{1,3}}日)?)?"
            rf"|(?:19|20)\d{{2}}年{HAN_NUMERAL}{{1,2}}月(?:{HAN_NUMERAL}{{1,3}}日)?)")
# A date said in numerals (Sino-Korean words, Han numerals, a Japanese era year): the DOB recognizer's
# patterns and the gate's reading below.
NUMERAL_DATE = rf"(?:{SK_DATE}|{JP_ERA}|{HAN_DATE})"

_DAY = r"(?P<d>\d{1,2})(?:st|nd|rd|th|er|-го|-нд|-ны|-ний|\.)?"
_MONTH = (rf"(?<![{_WORD_LETTER}])(?:(?P<mon>{_alternation(MONTHS)})\.?"
          r"|(?P<mnum>\d{1,2})(?:-?р|-?н)?[ \t]*сар(?:ын)?"
          r"|(?<=[./ ])(?P<roman>XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)(?=[./ ]))"
          rf"(?![{_WORD_LETTER}])")
_ERA = r"(?:(?P<era>พ\.ศ\.|พ\.ศ|ค\.ศ\.|ค\.ศ|năm|tahun|de|del)[ \t]*)?"
_YEAR = r"(?<!\d)(?P<y>\d{4})(?!\d)"
_YEAR_MARK = r"(?:[ \t]*(?P<mark>года|году|год|г\.|ж\.|жылы|жыл|оны|онд|он|هـ|ه|م)(?!\w))?"
_SEP = r"(?:[ \t]*[.,/\-][ \t]*|[ \t]+(?:de[ \t]+|del[ \t]+|of[ \t]+)?|)"
_LAYOUTS = tuple(re.compile(p, re.IGNORECASE) for p in (
    rf"{_DAY}{_SEP}{_MONTH}{_SEP}{_ERA}{_YEAR}{_YEAR_MARK}",          # 7 марта 1985 г., 5 de marzo de 1990, 7.III.1985
    rf"{_MONTH}{_SEP}{_DAY}{_SEP}{_ERA}{_YEAR}{_YEAR_MARK}",          # March 7, 1985
    rf"{_YEAR}{_YEAR_MARK}{_SEP}{_MONTH}{_SEP}{_DAY}",                # 1985 оны 3 сарын 7, 1985 March 7
    rf"{_YEAR}{_YEAR_MARK}{_SEP}{_DAY}{_SEP}{_MONTH}",                # 1985 жылы 7 наурызда
    rf"{_MONTH}{_SEP}{_ERA}{_YEAR}{_YEAR_MARK}",                      # Mei 1985, марта 1985 г.
))


def _month(match: re.Match) -> tuple[int, bool] | None:
    if match.group("mon"):
        return MONTHS.get(_key(match.group("mon")))
    if match.group("mnum"):
        return int(match.group("mnum")), False
    return ROMAN_MONTHS[match.group("roman").upper()], False


def _plausible(match: re.Match, today: date) -> bool:
    """Day, month and year in range: a Gregorian birth year (a Buddhist Era year with พ.ศ. or 25xx),
    or a Hijri one after a Hijri month or هـ."""
    month = _month(match)
    if month is None:
        return False
    number, hijri = month
    year = int(match.group("y"))
    groups = match.groupdict()
    hijri = hijri or (groups.get("mark") or "") in ("هـ", "ه")
    if hijri:
        ok_year = year in HIJRI_YEARS
    else:
        if (groups.get("era") or "").startswith("พ") or 2400 <= year <= 2700:
            year -= BUDDHIST_ERA
        ok_year = FIRST_BIRTH_YEAR <= year <= today.year
    if not ok_year or not 1 <= number <= 12:
        return False
    if groups.get("d") is None:
        return True
    last = 30 if hijri else calendar.monthrange(year, number)[1]
    return 1 <= int(groups["d"]) <= last


@lru_cache(maxsize=1)
def _month_first_words() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for word in {form.split(" ")[0] for form in MONTHS} | {"сар"}:
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


def _may_hold_month(window: str) -> bool:
    """Whether ``window`` holds the first word of a month name (or a Roman month): one pass in C, so
    the date layouts run only where a month can be."""
    return next(_month_first_words().iter(window.lower()), None) is not None or _ROMAN_MONTH.search(window) is not None


def worded_birth_dates(text: str, today: date | None = None, blanked: bool = False) -> list[tuple[int, int]]:
    """(start, end) of each date with a month word (or Roman or Mongolian numbered month) right after or
    right before a birth word in ``text``, the longest reading of each year. Every such date has a
    four-digit year: dates are read only around one, so most texts cost one search. ``blanked``: the
    anonymiser's placeholders in ``text`` are blanked to spaces."""
    today = today or date.today()
    cue_before = _CUE_BEFORE_DATE_BLANKED if blanked else _CUE_BEFORE_DATE
    found = []
    for year in _FOUR_DIGITS.finditer(text):
        low, high = max(0, year.start() - WINDOW), min(len(text), year.end() + WINDOW)
        if not _may_hold_month(text[low:high]) or not _ANY_CUE.search(text, max(0, low - 64), min(len(text), high + 32)):
            continue
        spans = {m.span() for layout in _LAYOUTS for m in layout.finditer(text, low, high)
                 if m.start("y") == year.start() and _plausible(m, today)}
        born = [(s, e) for s, e in spans
                if cue_before.search(text, max(0, s - 64), s) or _CUE_AFTER_DATE.match(text, e)]
        if born:
            found.append(max(born, key=lambda span: span[1] - span[0]))
    return found


# Digits with Korean or Han date units (1990년 3월 5일, 90년 3월, 1990年3月5日): their runs are short, so the
# gate's digit rule lets them through.
UNIT_DATE = (r"(?:(?:19|20)?\d{2}[ \t]*년[ \t]*\d{1,2}[ \t]*월(?:[ \t]*\d{1,2}[ \t]*일)?"
             r"|(?:19|20)\d{2}[ \t]*年[ \t]*\d{1,2}[ \t]*月(?:[ \t]*\d{1,2}[ \t]*日)?)(?!\d)")
_SAID_DATE = re.compile(rf"(?<![\dA-Za-z])(?:{NUMERAL_DATE}|{UNIT_DATE})", re.IGNORECASE)
_CUE_BEFORE_SAID_DATE = re.compile(rf"{BIRTH_BEFORE}(?:(?!   )[^\n\d<>\[\]]){{0,16}}$", re.IGNORECASE)
_CUE_AFTER_SAID_DATE = re.compile(rf"[ \t]*(?:{BIRTH_AFTER})", re.IGNORECASE)
_NUMERAL = re.compile(r"[〇零一二三四五六七八九十천일이삼사오육륙칠팔구년年]")


def numeral_birth_dates(text: str) -> list[tuple[int, int]]:
    """(start, end) of each date said in numerals or with date units (칠십이년 삼월 구일, 一九八八年五月三日,
    昭和六十年, 1990년 3월 5일, 1990年3月5日) right after a birth word or right before one (…생, …生まれ), in
    text whose removed values are blanked to spaces (the leak gate's view; the DOB recognizer reads the
    same dates with its patterns). Dates are found first, then a birth word beside each."""
    if not _NUMERAL.search(text):
        return []
    return [m.span() for m in _SAID_DATE.finditer(text)
            if _CUE_BEFORE_SAID_DATE.search(text, max(0, m.start() - 40), m.start())
            or _CUE_AFTER_SAID_DATE.match(text, m.end())]
