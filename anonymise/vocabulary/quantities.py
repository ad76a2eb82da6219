"""Which long digit runs are safe quantities (a price, a dose, a date or time) and which are not.

A run is digits joined by up to three separator characters (space . - / : ~ parentheses) or by
one comma (a comma and a space end a run: "10:00, 1,500,000" is two), so 010 1234 5678,
900101-1234567 and 1,500,000 are each one run. A run of six or more digits
is personal data unless it reads as one of:
  - calendar dates and clock times, alone, together or as a range (2024.03.15 10:30, 10:00~18:00),
    except a date right after a birth word (생년월일, DOB, born ...);
  - one amount or a range of two, written with thousands separators (1,500,000 / 1,000,000~2,000,000),
    or with a currency, dose or count unit beside it (300000원, ₩450000, 100000 IU, 2500-3000 grafts),
    then also grouped by spaces or dots (1 500 000 вон, 1.500.000 đồng, 300 000 – 500 000 ₽); the unit
    may follow the range's second number. An amount never starts with 0 (phones and IDs do).
  - a dilution, one to a round number (1:100,000, 1:200000).
Shorter runs (3회, 2주, 150만원, 09:30) are always kept: six digits is where an identifier starts.
"""
from __future__ import annotations

import re

from anonymise.vocabulary.birth_dates import BIRTH_WORD_BEFORE_DIGITS
from anonymise.vocabulary.name_lists import starts_with_cjk_surname

MIN_DIGITS = 6
DIGIT_RUN = re.compile(r"\d(?:(?:[ .\-/:~()]{1,3}|,)?\d)*")
DATE = re.compile(r"(?:19|20)\d\d[-./](?:0?[1-9]|1[0-2])[-./](?:0?[1-9]|[12]\d|3[01])\.?")
TIME = re.compile(r"(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?")
GROUPED = re.compile(r"[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?")
PLAIN = re.compile(r"[1-9]\d*(?:\.\d+)?")
LOOSE = re.compile(r"[1-9][\d,]*(?:\.\d+)?")  # 7500,000: commas in odd places, fine beside a unit
# Thousands grouped by spaces or dots (1 500 000, 1.500.000; thin spaces are spaces by now), a decimal
# comma allowed: how Russian, Vietnamese, European and Thai writers group an amount. Beside a unit only.
SPACE_OR_DOT_GROUPED = re.compile(r"[1-9]\d{0,2}(?:(?: |\.)\d{3})+(?:,\d{1,2})?")
RANGE_MARK = re.compile(r"\s*[~\-]\s*")
PIECE_GAP = re.compile(r"\s*~\s*|\s+-\s+|\s+")  # between dates and times; a hyphen inside a date stays
# ISO 4217 codes of the currencies patients pay in or quote, before or after an amount (MYR 1,250,
# 3.500.000 IDR); and local signs in letters before one: ringgit (RM), rupiah (Rp), rupees (Rs).
CURRENCY_CODES = ("krw", "usd", "jpy", "cny", "rmb", "hkd", "mop", "twd", "sgd", "myr", "idr", "php", "thb", "vnd",
                  "khr", "lak", "mmk", "bnd", "inr", "pkr", "bdt", "lkr", "npr", "mnt", "kzt", "uzs", "kgs", "rub",
                  "uah", "aud", "nzd", "cad", "gbp", "eur", "chf", "sek", "nok", "dkk", "pln", "czk", "huf", "try",
                  "aed", "sar", "qar", "kwd", "bhd", "omr", "ils", "egp", "zar", "brl", "mxn")
LOCAL_CURRENCY_SIGNS = ("rm", "rp", "rs")
# The letters before a dollar sign that say whose dollar it is (HK$, MOP$, NT$, US$).
DOLLAR_COUNTRIES = ("us", "hk", "nt", "nz", "mop", "sg", "r")
# Currency names in Han script, before or after an amount (韓圜100000, 800港币).
HAN_CURRENCY_WORDS = ("韩元", "韓元", "韩币", "韓幣", "韩圜", "韓圜", "人民币", "人民幣", "日元", "日圓", "日幣", "美元", "美金",
                      "港元", "港币", "港幣", "澳门元", "澳門元", "澳门币", "澳門幣", "新台币", "新台幣", "台币", "台幣",
                      "令吉", "马币", "馬幣", "印尼盾", "越南盾", "泰铢", "泰銖", "欧元", "歐元", "卢布", "盧布", "坚戈",
                      "比索", "卢比", "盧比", "新加坡元", "新币", "新幣")
# Words and signs of a currency, in the project's languages (data: the gate builds its rule from them too).
CURRENCY_WORDS = ("원", "만원", "천원", "억", "억원", "won", "달러", "dollars?", "엔", "円", "yen", "위안", "元", "đ", "đồng",
                  "dong", "₫", "바트", "baht", "บาท", "วอน", "euros?", "€", "루블", "руб", "рубл[а-я]*", "rubles?",
                  "roubles?", "₽", "вон[а-я]*", "тенге", "tenge", "₸", "텡게", "сум", "сумов", "som", "сом",
                  "тугрик[а-я]*", "төгрөг", "tugriks?", "₮", "долл[а-я]*", "юан[а-я]*", "иен", "йен", "ringgit",
                  "pesos?", "₱", "rupiah", "rupees?", "patacas?", "£", "¥", "₩", "₹", "링깃", "루피아", "루피", "페소",
                  "파타카", "유로", "ウォン", "ドル", "ドン", "バーツ", "ルーブル", "ユーロ", "テンゲ", "リンギット", "ルピア",
                  "块", "塊", "ดอลลาร์", "เยน", "หยวน", "ดอง", "รูเบิล", "ยูโร", "ริงกิต", "รูเปียห์",
                  "وون", "دولار", "دولارات", "ريال", "درهم", "دينار", "\\$") + HAN_CURRENCY_WORDS + CURRENCY_CODES
# Words of a count or dose after a number: grafts and hairs of a transplant, shots of an energy device,
# units of a toxin (data as above).
COUNT_WORDS = ("iu", "units?", "유닛", "단위", "grafts?", "графт[а-я]*", "трансплантат[а-я]*", "모낭", "가닥", "毛囊",
               "个毛囊", "株", "グラフト", "กราฟ", "กราฟต์", "กราฟท์", "เส้น", "hairs?", "волос[а-я]*", "shots?", "샷",
               "发", "發", "ショット", "ช็อต", "ชอต", "шот[а-я]*", "выстрел[а-я]*", "импульс[а-я]*", "pulses?", "ед",
               "единиц[а-я]*", "หน่วย", "ยูนิต", "单位", "單位", "単位", "ユニット", "cc", "ml", "мл", "mg", "мг", "mcg")
# One-syllable Korean units (모 of a hair transplant, 샷 of a laser, 동 of Vietnamese money) only glued to
# the number and before a particle or no Hangul at all: 3000모를, not "1234567 모르겠어요".
SYLLABLE_UNITS = ("모", "샷", "동")
SYLLABLE_UNIT_PARTICLES = ("정도", "까지", "부터", "이에요", "예요", "입니다", "이요", "요", "씩", "을", "를", "이", "가", "은", "는",
                           "의", "도", "만", "로", "으로", "에", "이고", "이면", "면", "대", "쯤", "라고", "이라고", "랑", "이랑",
                           "하고", "인데", "이나", "나", "짜리", "면은")
# A count said in Korean numerals with its unit (삼천모, 이천오백 샷은): a hundred, thousand or ten thousand in it,
# so that 이모 (aunt) is no count.
HANGUL_COUNT = re.compile(r"[일이삼사오육칠팔구십]*[백천만][일이삼사오육칠팔구십백천만]*[ ]?(?:모|샷|모낭|유닛|단위)")
_UNITS = "|".join(sorted(CURRENCY_WORDS + COUNT_WORDS, key=len, reverse=True))
_SYLLABLES = "|".join(SYLLABLE_UNITS)
_PARTICLES = "|".join(sorted(SYLLABLE_UNIT_PARTICLES, key=len, reverse=True))
_UNIT = rf"(?:\s?(?:{_UNITS})(?![A-Za-z\u0400-\u04ff'’])|(?:{_SYLLABLES})(?:(?:{_PARTICLES})(?![가-힣])|(?![가-힣])))"
# Units that make a long plain number an amount: currencies and dose or count units.
UNIT_AFTER = re.compile(_UNIT, re.IGNORECASE)
# The first number of a range whose unit follows the second (1 500 000 – 2 000 000 вон, от 300 000 до 500 000 вон).
RANGE_THEN_UNIT = re.compile(rf"\s*(?:[~\-–—]|to|до|à|đến|ถึง|到|至|から|부터|에서)\s*\d[\d ,.]*\d{_UNIT}", re.IGNORECASE)
_LETTER_SIGNS = "|".join(CURRENCY_CODES + LOCAL_CURRENCY_SIGNS)
UNIT_BEFORE = re.compile(rf"(?:[₩$¥€£₽₸₫฿₮₱₹]|(?<![A-Za-z])(?:{_LETTER_SIGNS})|{'|'.join(HAN_CURRENCY_WORDS)})\s?$",
                         re.IGNORECASE)
SIGN_THEN_AMOUNT = re.compile(r"\$?\s?[1-9]")
DOLLAR_THEN_AMOUNT = re.compile(r"\$\s?[1-9]")
AMOUNT_THEN_CODE = re.compile(r"\d\s?$")
# A currency code or sign glued to its amount (RM1,250, MOP$800): group 1 is the letters, judged by
# is_currency_code_of_amount. The anonymiser keeps such a token and the gate passes it by this one shape.
GLUED_PRICE = re.compile(r"([A-Za-z]+)\$?[\d.,]+")


def digit_count(text: str) -> int:
    return sum(c.isdigit() for c in text)


def _dates_and_times(run: str) -> bool:
    pieces = [p for p in PIECE_GAP.split(run) if p]
    return bool(pieces) and all(DATE.fullmatch(p) or TIME.fullmatch(p) for p in pieces)


def _amount(run: str, before: str, after: str) -> bool:
    numbers = RANGE_MARK.split(run.strip())
    if len(numbers) > 2 or not all(numbers):
        return False
    if all(GROUPED.fullmatch(n) for n in numbers):
        return True
    return is_amount_with_unit(run, before, after)


def is_amount_with_unit(run: str, before: str, after: str) -> bool:
    """``run`` is an amount or a range of two (no leading 0, grouped by commas, spaces or dots or not at
    all) with a currency or count unit beside it: a price or a count, never a phone or an ID, whatever
    its digit groups look like (1 500 000 вон, 2500-3000 grafts)."""
    numbers = RANGE_MARK.split(run.strip())
    return 0 < len(numbers) <= 2 and all(n and (LOOSE.fullmatch(n) or SPACE_OR_DOT_GROUPED.fullmatch(n)) for n in numbers) \
        and has_unit(before, after)


def is_currency_code_of_amount(word: str, before: str, after: str) -> bool:
    """The letters ``word`` are a currency code or local sign written right before an amount (RM 1,250,
    Rp3.500.000, MOP$800; ``after``: the text after it) or a code right after one (1,250 MYR)."""
    folded = word.casefold()
    if folded in CURRENCY_CODES and AMOUNT_THEN_CODE.search(before):
        return True
    if folded in CURRENCY_CODES or folded in LOCAL_CURRENCY_SIGNS:
        return SIGN_THEN_AMOUNT.match(after) is not None
    return folded in DOLLAR_COUNTRIES and DOLLAR_THEN_AMOUNT.match(after) is not None


# Durations and units in Han script after a number (3小時, 两个月, 200毫升): some begin with a character that is
# also a surname (小, 毫, 周), as some currency words do (韩币, 韓圜), so the name rules must hear the number.
HAN_UNIT_WORDS = ("小时", "小時", "个小时", "個小時", "钟头", "鐘頭", "分钟", "分鐘", "秒钟", "秒鐘", "个月", "個月", "个星期",
                  "個星期", "星期", "礼拜", "禮拜", "周", "週", "天", "年", "岁", "歲", "次", "回", "毫升", "毫克", "微克",
                  "公斤", "公分", "厘米", "釐米", "毫米", "单位", "單位", "个毛囊", "個毛囊", "毛囊", "针", "針", "支")
HAN_NUMBER = "0-9０-９一二三四五六七八九十百千万萬亿億两兩半几幾多"
_HAN_UNITS = "|".join(sorted(HAN_UNIT_WORDS + HAN_CURRENCY_WORDS, key=len, reverse=True))
_HAN_CURRENCIES = "|".join(sorted(HAN_CURRENCY_WORDS, key=len, reverse=True))
# A unit or currency after its number (3小時, 30萬韓圜), or a currency before one (韩币5万, 韓圜 100000); a
# Han multiplier glued to digits is the number's (50万: 万 is also a surname).
HAN_QUANTITY_WORD = re.compile(rf"(?<=[{HAN_NUMBER}])\s?(?:{_HAN_UNITS})|(?:{_HAN_CURRENCIES})(?=\s?[0-9０-９])|"
                               r"(?<=[0-9０-９])[十百千万萬亿億]+")


def han_quantity_words(text: str) -> list[tuple[int, int]]:
    """(start, end) of each Han currency, unit or duration word beside its number in ``text``: a quantity,
    never a person's name, whatever surname it begins with."""
    return [(m.start() + (m.group()[0].isspace()), m.end()) for m in HAN_QUANTITY_WORD.finditer(text)]


def han_name_clear_of_quantities(text: str, start: int, end: int,
                                 quantities: list[tuple[int, int]]) -> tuple[int, int] | None:
    """What is left of the Han name text[start:end] once the quantity words (``han_quantity_words``) it
    overlaps are cut off: the longest stretch outside them, while it still holds a name (two characters
    or more, or a surname: 30分钟小明老师 -> 小明, 3针周医生 -> 周); None when no name is left (2小時嗎: 時 was
    the unit's). The anonymiser removes that stretch and the leak gate refuses it by this one rule."""
    inside = [False] * (end - start)
    for s, e in quantities:
        for i in range(max(s, start), min(e, end)):
            inside[i - start] = True
    best, run_start = (start, start), None
    for i in range(start, end + 1):
        if i < end and not inside[i - start]:
            run_start = i if run_start is None else run_start
        elif run_start is not None:
            best = max(best, (run_start, i), key=lambda span: span[1] - span[0])
            run_start = None
    piece = text[best[0]:best[1]]
    if len(piece) >= 2 or (piece and starts_with_cjk_surname(piece)):
        return best
    return None


def is_hangul_count(word: str) -> bool:
    """The Hangul ``word`` is a count in Korean numerals and its unit, a particle allowed (삼천모를, 이천오백샷)."""
    count = HANGUL_COUNT.match(word)
    rest = word[count.end():] if count else ""
    return count is not None and (not rest or rest in SYLLABLE_UNIT_PARTICLES)


# A number said roughly (350ccish, 30-ish, 2mlish): the quantity, then "ish".
# A treatment or product written with its count glued on (IPL2회, HIFU5次, VOLUMA2支, EMLA5%): the term's
# letters, a number of at most three digits, then a word that counts sessions, shots, vials, syringes or
# tablets, or a percentage. Only the letters are left to judge, against the safe terms, so a code before
# a count (KX2회) is still a code.
GLUED_COUNT_WORDS = ("회", "번", "차례", "샷", "유닛", "병", "개", "알", "통", "cc", "ml", "mL", "%", "次", "回", "针", "針",
                     "発", "支", "瓶", "粒", "本")
TERM_THEN_COUNT = re.compile(r"([A-Za-z][A-Za-z\-]*?)-?(\d{1,3})")


def counted_term(code: str, after: str) -> str | None:
    """The letters of ``code`` when it is a term and its count (``IPL2`` before ``회``: ``IPL``), else None."""
    glued = TERM_THEN_COUNT.fullmatch(code)
    if glued is None or not after.startswith(GLUED_COUNT_WORDS):
        return None
    return glued.group(1)


# A dose glued to the price or count it comes in (5ml3만원, 2cc2병, 100u3회): a number with a dose unit, then a
# number of at most three digits with a currency or count word right after it. A code has no unit inside it.
DOSE_THEN_NUMBER = re.compile(r"\d{1,4}(?:\.\d+)?(?:cc|ml|mg|mcg|iu|u|units?)\d{1,3}", re.IGNORECASE)


def is_dose_then_quantity(code: str, after: str) -> bool:
    """``code`` is a dose glued to a number, and ``after`` (right after it) starts with a currency or count
    word: 5ml3 before 만원."""
    return DOSE_THEN_NUMBER.fullmatch(code) is not None and (
        UNIT_AFTER.match(after) is not None or after.startswith(GLUED_COUNT_WORDS))


APPROXIMATE = re.compile(r"(?P<quantity>\d[\w.]*?)-?ish", re.IGNORECASE)


def without_approximation(token: str) -> str:
    """``token`` without the "ish" of a rough quantity (350ccish -> 350cc, 30-ish -> 30); as given
    otherwise. The caller then judges what is left as a number with a unit."""
    rough = APPROXIMATE.fullmatch(token)
    return rough.group("quantity") if rough else token


# A unit word right after its number (3000 กราฟต์, 2500 графтов, 200ユニット): the number vouches for it,
# whatever a word list says of the unit alone.
NUMBER_THEN_UNIT = re.compile(rf"\d(?:{_UNIT})", re.IGNORECASE)


def units_after_numbers(text: str) -> list[tuple[int, int]]:
    """(start, end) of each currency, dose or count word of this module right after a number in ``text``."""
    spans = []
    for match in NUMBER_THEN_UNIT.finditer(text):
        start = match.start() + 1
        while start < match.end() and text[start].isspace():
            start += 1
        spans.append((start, match.end()))
    return spans


def has_unit(before: str, after: str) -> bool:
    """A currency or a dose or count unit right after the number (or after the range it starts) or a
    currency sign right before it."""
    return UNIT_AFTER.match(after) is not None or RANGE_THEN_UNIT.match(after) is not None or \
        UNIT_BEFORE.search(before) is not None


# 1:100,000 / 1:200000: a dilution (lidocaine with epinephrine), one to a round number.
DILUTION = re.compile(r"1\s?:\s?[1-9]\d{0,2}(?:,?000)+")


def is_safe_quantity(run: str, before: str = "", after: str = "") -> bool:
    """Whether the digit run ``run`` (``before``/``after``: the text around it) may stay in released text."""
    if digit_count(run) < MIN_DIGITS or DILUTION.fullmatch(run):
        return True
    if _dates_and_times(run):
        return BIRTH_WORD_BEFORE_DIGITS.search(before) is None
    return _amount(run, before, after)


def unsafe_digit_runs(text: str) -> list[tuple[int, int, str]]:
    """(start, end, type) of every digit run in ``text`` that is not a safe quantity; type is DOB for
    a date after a birth word, else ID."""
    found = []
    for match in DIGIT_RUN.finditer(text):
        run = match.group().rstrip(" .,-/:~(")
        start, end = match.start(), match.start() + len(run)
        if digit_count(run) < MIN_DIGITS:
            continue
        before, after = text[max(0, start - 24):start], text[end:end + 32]
        if is_safe_quantity(run, before, after):
            continue
        kind = "DOB" if _dates_and_times(run) else "ID"
        found.append((start, end, kind))
    return found
