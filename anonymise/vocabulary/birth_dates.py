"""Dates of birth in words, in any of the languages patients write in, and the birth words that make a
date one (data: month_names.tsv, birth_words.tsv).

A date with a month word is parsed, not matched as a string: a day, a month (a month word of any
language, a Roman numeral, a Mongolian numbered month) and a year, in any order people write them
(7 марта 1985 г., March 7, 1985, 1985 жылы 7 наурызда, 1985 оны 3 сарын 7, 7.III.1985, Mei 1985), is a
date when the day exists in that month and the year is a plausible birth year (Gregorian, Buddhist
Era 25xx, or Hijri after a Hijri month or هـ). It is a date of birth when a birth word is right before
it (a few words between, no digit, no sentence end) or right after it (…г. рождения, …төрсөн).
Dates said in numerals or words (칠십이년 삼월 구일, 시월 열아흐레, 一九八八年五月三日, 农历腊月廿三, 昭和六十年, the
ninth of June, ninety-one) are patterns here too, and so is a date that is the whole answer on the line after a
birth question (Q: Date of birth? / A: 4/11/87). The DOB recognizer removes these dates and the leak gate
refuses them, both from this one reading.
"""
from __future__ import annotations

import calendar
import re
from datetime import date
from functools import lru_cache
from pathlib import Path

import ahocorasick

from anonymise.name_data import KOREAN_PARTICLES

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
BIRTH_WORDS_EN = tuple(form for lang, w, forms in _rows("birth_words.tsv") if lang == "en" and w == "before"
                       for form in forms.split("|"))
# Regex sources (for the recognizer's look-behinds and the digit-date rules): a birth word before a date, after one.
BIRTH_BEFORE = rf"(?<![{_WORD_LETTER}])(?:{_alternation(BIRTH_WORDS['before'])})"
# A birth word of one Hangul syllable (생: 92년생, 열아흐레 생) is the word only alone or before a particle
# or copula (생이에요, 생입니다); glued to more it starts another word (생리, 생각, 생활, 생겼어요).
_ONE_SYLLABLE = tuple(form for form in BIRTH_WORDS["after"] if re.fullmatch(r"[\uac00-\ud7a3]", form))
_WHOLE_SYLLABLE = (rf"(?:{'|'.join(_ONE_SYLLABLE)})"
                   rf"(?:(?![\uac00-\ud7a3])|(?=(?:{'|'.join(sorted(KOREAN_PARTICLES, key=len, reverse=True))})))")
BIRTH_AFTER = rf"(?:{_alternation(f for f in BIRTH_WORDS['after'] if f not in _ONE_SYLLABLE)}|{_WHOLE_SYLLABLE})"
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
# A day said as a native-Korean count of days (열아흐레, 스무사흘, 초닷새, 보름, 그믐), as a lunar date is said.
NATIVE_COUNT = r"(?:하루|이틀|사흘|나흘|닷새|엿새|이레|여드레|아흐레)"
NATIVE_DAY = rf"(?:(?:열|스무){SK}{NATIVE_COUNT}|초{SK}(?:{NATIVE_COUNT}|열흘)|{NATIVE_COUNT}|열흘|스무날|보름(?:날)?|그믐(?:날)?)"
SK_DAY_OF_MONTH = rf"(?:{SK_DAY}{SK}일|{NATIVE_DAY})"
SK_DATE = (rf"(?:(?:{SK_YEAR}|{SK_SHORT_YEAR}){SK}년(?:[ \t]*{SK_MONTH}{SK}월(?:[ \t]*{SK_DAY_OF_MONTH})?)?"
           # a month and a day without the year (생신이 음력 삼월 열하루): only beside a birth word, as every date here
           rf"|{SK_MONTH}{SK}월[ \t]*{SK_DAY_OF_MONTH})")
# 一九八八年五月三日, and a year in digits with the month and day in Han numerals (1988年五月三日).
HAN_DATE = (rf"(?:{HAN_NUMERAL}{{2,4}}年(?:{HAN_NUMERAL}{{1,2}}月(?:{HAN_NUMERAL}{{1,3}}日)?)?"
            rf"|(?:19|20)\d{{2}}年{HAN_NUMERAL}{{1,2}}月(?:{HAN_NUMERAL}{{1,3}}日)?)")
# A lunar date (农历腊月廿三, 阴历正月初八, 一九八九年农历八月十五): the calendar word, a lunar month (正月 the
# first, 冬月 the eleventh, 腊月 the last) and a day counted 初一..初十, 十一.., 廿一.. (二十一), 三十; the year, in
# Han numerals or digits, before or after the calendar word.
LUNAR_CALENDAR = r"(?:农历|農曆|农暦|阴历|陰曆|阴曆|旧历|舊曆)"
LUNAR_YEAR = rf"(?:{HAN_NUMERAL}{{2,4}}|(?:19|20)\d{{2}})年"
LUNAR_MONTH = rf"(?:正|冬|腊|臘|{HAN_NUMERAL}{{1,2}}|\d{{1,2}})月"
LUNAR_DAY = r"(?:初[一二三四五六七八九十]|二?十[一二三四五六七八九]?|廿[一二三四五六七八九]?|卅|三十)(?:日|号|號)?"
LUNAR_DATE = (rf"(?:(?:{LUNAR_YEAR}[ \t]*)?{LUNAR_CALENDAR}[ \t]*(?:{LUNAR_YEAR}[ \t]*)?{LUNAR_MONTH}(?:{LUNAR_DAY})?"
              # 正月初八, 腊月廿三: the month and day words only a lunar date uses, without the calendar word
              rf"|(?:{LUNAR_YEAR})?(?:正|冬|腊|臘)月{LUNAR_DAY}|(?:{LUNAR_YEAR})?{HAN_NUMERAL}{{1,2}}月(?:初[一二三四五六七八九十]|廿[一二三四五六七八九]?))")
# A date said in numerals (Sino-Korean words, Han numerals, a Japanese era year): the DOB recognizer's
# patterns and the gate's reading below.
NUMERAL_DATE = rf"(?:{SK_DATE}|{JP_ERA}|{LUNAR_DATE}|{HAN_DATE})"

# English dates in words: the third of May, nineteen eighty-eight; March 3rd, eighty-eight (a year said by
# its last two digits, as on the phone).
EN_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
EN_UNITS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
EN_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
EN_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
EN_ORDINAL = (r"(?:(?:twenty|thirty)[- ]?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|first|second|"
              r"third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|"
              r"sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)")
# nineteen eighty-eight, nineteen oh five, two thousand (and) three, twenty twenty
EN_YEAR_WORDS = (rf"(?:nineteen[- ](?:hundred[- ](?:and[- ])?)?(?:{EN_TENS}(?:[- ]{EN_UNITS})?|{EN_TEENS}|oh[- ]{EN_UNITS})"
                 rf"|two[- ]thousand(?:[- ](?:and[- ])?(?:{EN_TEENS}|{EN_UNITS}|twenty(?:[- ]{EN_UNITS})?))?"
                 rf"|twenty[- ](?:{EN_TEENS}|oh[- ]{EN_UNITS}|twenty(?:[- ]{EN_UNITS})?))")
# eighty-eight, ninety one, oh five: only after a day and a month, where it can only be the year
EN_SHORT_YEAR = rf"(?:{EN_TENS}(?:[- ]{EN_UNITS})?|oh[- ]{EN_UNITS})(?![a-z])"
EN_DAY = rf"(?:\d{{1,2}}(?:st|nd|rd|th)?|{EN_ORDINAL})"
EN_YEAR = rf"(?:(?:19|20)\d{{2}}|'\d{{2}}|{EN_YEAR_WORDS}|{EN_SHORT_YEAR})"
# The English dates with a year in words, which the gate reads as words (its digits are short runs).
EN_SPOKEN_DATE = (rf"(?:{EN_MONTH}[ \t]+(?:the[ \t]+)?{EN_DAY},?[ \t]+(?:{EN_YEAR_WORDS}|{EN_SHORT_YEAR})"
                  rf"|(?:the[ \t]+)?{EN_DAY}[ \t]+(?:of[ \t]+)?{EN_MONTH},?[ \t]+(?:{EN_YEAR_WORDS}|{EN_SHORT_YEAR})"
                  rf"|{EN_MONTH},?[ \t]+{EN_YEAR_WORDS}|{EN_YEAR_WORDS})(?![a-z])")
# A date in any usual form, the DOB recognizer's reading next to a birth word and after a birth question.
DATE = (rf"(?:{NUMERAL_DATE}"
        r"|(?:19|20)\d{2}[ \t]*[.\-/][ \t]*\d{1,2}[ \t]*[.\-/][ \t]*\d{1,2}"
        rf"|(?:19|20)?\d{{2}}[ \t]*년[ \t]*\d{{1,2}}[ \t]*월[ \t]*(?:{NATIVE_DAY}|\d{{1,2}}[ \t]*일?)"
        r"|(?:19|20)\d{2}[ \t]*年[ \t]*\d{1,2}[ \t]*月[ \t]*\d{1,2}[ \t]*日?"
        r"|\d{1,2}[ \t]*[./-][ \t]*\d{1,2}[ \t]*[./-][ \t]*(?:19|20)\d{2}"
        r"|\d{2}[ \t]*[./-][ \t]*\d{1,2}[ \t]*[./-][ \t]*\d{1,2}"
        r"|\d{1,2}[ \t]*[./-][ \t]*\d{1,2}[ \t]*[./-][ \t]*\d{2}"          # 4/11/87: month, day, a short year
        # digits apart by spaces only (1990 03 05, 05 03 1990): month and day in range
        r"|(?:19|20)\d{2}[ \t]+(?:0?[1-9]|1[0-2])[ \t]+(?:0?[1-9]|[12]\d|3[01])"
        r"|(?:0?[1-9]|[12]\d|3[01])[ \t]+(?:0?[1-9]|1[0-2])[ \t]+(?:19|20)\d{2}"
        rf"|{EN_MONTH}[ \t]+(?:the[ \t]+)?{EN_DAY},?[ \t]+{EN_YEAR}"
        rf"|(?:the[ \t]+)?{EN_DAY}[ \t]+(?:of[ \t]+)?{EN_MONTH},?[ \t]+(?:{EN_YEAR}|\d{{2}}(?![\d:]))"
        rf"|{EN_MONTH},?[ \t]+{EN_YEAR}|{EN_YEAR_WORDS}"
        r"|(?:19|20)\d{6}|\d{6}|(?:19|20)?\d{2}[ \t]*년(?:[ \t]*\d{1,2}[ \t]*월)?"
        rf"|\d{{1,2}}[ \t]*월[ \t]*(?:\d{{1,2}}[ \t]*일|{NATIVE_DAY})|\d{{1,2}}月\d{{1,2}}日|{EN_MONTH}[ \t]+(?:the[ \t]+)?{EN_DAY}"
        r"|(?:19|20)\d{2}|25\d{2}|'\d{2})(?![\d'])")

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
UNIT_DATE = (rf"(?:(?:19|20)?\d{{2}}[ \t]*년[ \t]*\d{{1,2}}[ \t]*월(?:[ \t]*(?:\d{{1,2}}[ \t]*일|{NATIVE_DAY}))?"
             r"|(?:19|20)\d{2}[ \t]*年[ \t]*\d{1,2}[ \t]*月(?:[ \t]*\d{1,2}[ \t]*日)?)(?!\d)")
# The characters such a date can start with: a position starting none is passed at once (a third of the time).
_SAID_DATE_FIRST = r"(?=[\d〇零一二三四五六七八九十廿卅천일이삼사오육륙칠팔구시유십明大昭平令农農阴陰旧舊正冬腊臘])"
_SAID_DATE = re.compile(rf"{_SAID_DATE_FIRST}(?<![\dA-Za-z])(?:{NUMERAL_DATE}|{UNIT_DATE})", re.IGNORECASE)
_CUE_BEFORE_SAID_DATE = re.compile(rf"{BIRTH_BEFORE}(?:(?!   )[^\n\d<>\[\]]){{0,16}}$", re.IGNORECASE)
_CUE_AFTER_SAID_DATE = re.compile(rf"[ \t]*(?:{BIRTH_AFTER})", re.IGNORECASE)
_NUMERAL = re.compile(r"[〇零一二三四五六七八九十廿卅천일이삼사오육륙칠팔구년年월月]")
# English dates in words are found from their birth word (born, DOB: a few per text), not the other way.
_EN_BIRTH_WORD = re.compile(rf"(?<![{_WORD_LETTER}])(?:{_alternation(BIRTH_WORDS_EN)})(?![A-Za-z])", re.IGNORECASE)
_EN_SPOKEN_DATE_AFTER_CUE = re.compile(rf"(?:(?!   )[^\n\d<>\[\]]){{0,16}}?(?<![A-Za-z])({EN_SPOKEN_DATE})", re.IGNORECASE)


def numeral_birth_dates(text: str) -> list[tuple[int, int]]:
    """(start, end) of each date said in numerals or with date units (칠십이년 삼월 열아흐레, 一九八八年五月三日,
    农历腊月廿三, 昭和六十年, 1990년 3월 5일, 1990年3月5日) right after a birth word or right before one (…생,
    …生まれ), and each English date with its year in words right after an English birth word (born the
    ninth of June, ninety-one; DOB: March 3rd, eighty-eight), in
    text whose removed values are blanked to spaces (the leak gate's view; the DOB recognizer reads the
    same dates with its patterns). Dates are found first, then a birth word beside each."""
    found = [m.span(1) for cue in _EN_BIRTH_WORD.finditer(text)
             if (m := _EN_SPOKEN_DATE_AFTER_CUE.match(text, cue.end()))]
    if not _NUMERAL.search(text):
        return found
    return found + [m.span() for m in _SAID_DATE.finditer(text)
                    if _CUE_BEFORE_SAID_DATE.search(text, max(0, m.start() - 40), m.start())
                    or _CUE_AFTER_SAID_DATE.match(text, m.end())]


# A transcript's birth question and the answer on the line right after it (상담원: 생년월일 말씀해 주세요 /
# 고객: 구삼년 칠월 이일이요; Q: Date of birth? / A: 4/11/87). The question is a line with a birth word and a
# question's or request's end (or the birth word alone, as a form's label); the answer is a
# line that holds only a date, after a speaker's label, a word of assent and 음력/양력. Any other line stays.
# Digits may stand in the question (so a value the anonymiser removed there, blank in the gate's view,
# changes nothing); its length is bounded, as a question's is.
_LINE = r"[^\n\x00\x01]"
_SPEAKER = rf"(?:[^\n:：\d\x00\x01]{{1,16}}[:：]|[-–>])[ \t]*"
_QUESTION_END = r"(?:[?？:：]|세요|까요|나요|가요|니까|습니까|죠|줘요|줘|래요)"
_BIRTH_WORD = re.compile(BIRTH_BEFORE, re.IGNORECASE)
# Around the birth word of a question: before it a speaker's label and a few words, after it a few words
# and the question's end; or the birth word alone on its line after a speaker's label, as a label.
_BEFORE_QUESTION_WORD = re.compile(rf"[ \t]*(?:{_SPEAKER})?{_LINE}{{0,60}}", re.IGNORECASE)
_AFTER_QUESTION_WORD = re.compile(rf"{_LINE}{{0,40}}?{_QUESTION_END}[ \t.!~…]*", re.IGNORECASE)
_BEFORE_LABEL = re.compile(rf"[ \t]*(?:{_SPEAKER})?", re.IGNORECASE)
_AFTER_LABEL = re.compile(r"[ \t]*(?:은|는|이|요)?[ \t.!~…]*")
_ANSWER_START = re.compile(rf"[ \t]*(?:{_SPEAKER})?(?:(?:네|예|음|아|yes|yeah|sure|it's|it is|uh|um)[,.]?[ \t]+)?"
                           r"(?:(?:음력|양력)(?:으로)?[ \t]*)?", re.IGNORECASE)
# The answer's end: a copula or a polite ending (이요, 입니다, 생이에요), punctuation, the line's end.
_ANSWER_END = r"[ \t]*(?:이요|요|입니다|이에요|예요|이고요|인데요|생이요|생이에요|생입니다|생)?[ \t]*[.!~?…]*[ \t]*(?=[\n\x00\x01]|$)"
_DATE_ANSWER = re.compile(rf"(?:{DATE})(?={_ANSWER_END})", re.IGNORECASE)


def birth_answers(text: str) -> list[tuple[int, int]]:
    """(start, end) of each date (DATE) that is the whole answer on the line right after a birth question.
    The DOB recognizer removes these and the leak gate refuses them (in its view, removed values are
    blanks, which are no date). Birth words are found first (a few per text), then the line of each."""
    found, questions = [], set()
    for cue in _BIRTH_WORD.finditer(text):
        line_start = max(text.rfind(mark, 0, cue.start()) for mark in ("\n", "\x00", "\x01")) + 1
        line_end = text.find("\n", cue.end())
        if line_end < 0 or line_start in questions:
            continue
        questions.add(line_start)
        question = _BEFORE_QUESTION_WORD.fullmatch(text, line_start, cue.start()) and \
            _AFTER_QUESTION_WORD.fullmatch(text, cue.end(), line_end)
        label = _BEFORE_LABEL.fullmatch(text, line_start, cue.start()) and _AFTER_LABEL.fullmatch(text, cue.end(), line_end)
        if question or label:
            answer = _DATE_ANSWER.match(text, _ANSWER_START.match(text, line_end + 1).end())
            if answer:
                found.append(answer.span())
    return found
