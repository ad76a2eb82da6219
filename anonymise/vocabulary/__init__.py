"""The safe vocabulary: what released text may contain, per language (see README.md beside this file).

Stable API (the leak gate checks released files with it; extend it, do not rename it):

    LANGUAGES                          ("ko", "en", "zh", "ja", "ru", "vi", "th", "ar")
    safe_terms(lang) -> frozenset      reviewed project terms of safe_<lang>.txt and of the shared
                                       files (safe_drugs, safe_devices, safe_scores .txt) in lang's
                                       script, case-folded
    safe_endings(lang) -> tuple        endings of medical compounds (lines "-술" of safe_<lang>.txt)
    is_safe_term(term, lang=None)      a safe term of ``lang`` (of any language when None)
    is_ordinary_word(word, lang)       a common word of ``lang`` from a maintained frequency list
                                       (wordfreq; Webster's Second for English), names subtracted; also
                                       "mn"/"id" from reviewed lists (ordinary_<lang>.txt)
    is_russian_imperative(word)        a polite imperative (подскажите) of wordfreq's large Russian list
    is_russian_safe_form(word)         a case form of a Russian safe stem (ботокса, Альтеру; see below)
    is_safe_place_station(word)        a listed place (시/도, country) and its station, port or airport
                                       (대전역, 인천항, 부산공항): no finer than the place itself
    is_province_compound(word)         a 시/도 glued to an ordinary noun (서울지하철, 부산버스)
    is_arabic_safe_word(word, before)  an Arabic word of safe_ar.txt, with one attached particle or
                                       article allowed; its units ("+" lines) only after a number
    is_loanword_before_thing_particle(word)  a Hangul loanword's shape glued to a particle of place or
                                       means (넷플릭스에서; loanword_shape.py)
    in_treatment_frame(text, start, end)  a Hangul word where a treatment or device stands (X 받으러, X 후 멍;
                                       medical_frames.py)
    device_named_like_a_person(text, start, end)  a listed brand named like a person (스칼렛) where a
                                       device stands (see below)
    is_name_word(word, lang)           evidence that a word is a personal name (name lists, surname
                                       tables, name shapes)
    han_name_before_title(run) -> int  where a surname-led name starts in Han text before a title
    is_only_a_name(word, given=False)  a Latin word the name lists have and no dictionary does
    is_lower_case_name(word, lang)     a given name no dictionary has, of four letters or more (jennifer)
    is_katakana_loanword(word)         a Katakana word frequent in Japanese (wordfreq's large list)
    is_katakana_treatment(word)        a Katakana word ending in a procedure or device head (ミラピール)
    is_frequent_korean_word(word, common=False)  one of the most frequent Korean words (Zipf >= 5.5:
                                       학교, 사람); with ``common``, a common one (Zipf >= 4.0: 구글)
    is_known_person_name_word(word)    a Hangul word of a person's name in Kiwi's dictionary of people
    is_safe_quantity(run, before, after), unsafe_digit_runs(text)   see quantities.py
    is_currency_code_of_amount(word, before, after)   RM, Rp, IDR, MOP beside an amount (quantities.py)
    without_approximation(token)       a rough quantity without its "ish" (350ccish -> 350cc; quantities.py)
    units_after_numbers(text)          spans of unit words right after a number (3000 กราฟต์; quantities.py)
    han_quantity_words(text)           spans of Han currency, unit and duration words beside a number (韩币5万,
                                       3小時): a quantity, not a surname's name (quantities.py)
    han_name_clear_of_quantities(text, start, end, quantities)   what of a Han name overlapping those
                                       words is still a name (30分钟小明 -> 小明; quantities.py)
    is_hangul_count(word)              a count in Korean numerals with its unit (삼천모를; quantities.py)
    counted_term(code, after)          the term of a treatment with its session count glued on (IPL2회; quantities.py)
    is_dose_then_quantity(code, after) a dose glued to its price or count (5ml3 before 만원; quantities.py)
    is_drug_shaped(word), is_drug_in_context(word, before, after)   see drug_stems.py
    is_device_model(code, before)      a short model code right after a device of safe_devices.txt
                                       (Ultherapy S3; device_models.py)
    thai_drug_stretches(text)          Thai stretches ending in a drug stem, said as a drug (drug_stems.py)
    GLUED_PRICE                        the shape of a code or sign glued to its amount (RM1,250)
    is_suffixed_compound(stretch)      a Hangul noun + a Sino-Korean suffix (섬유화, 배액관, 고정술; see below)
    is_korean_disease_name(stretch), disease_with_ending(word, start, end)   Hangul disease names by
                                       their ending (아구창염, 편도결석증)
    is_form_label(word, kinds=KINDS)   a label of a copied form (既往歴, 직장명, 工作单位, 会員番号;
                                       form_labels.tsv): an ordinary form word, whatever a name rule says

Words are compared case-folded. The word sets are built once per installation into a cache file
and memory-mapped (see packed.py): ~6 MB, shared by every worker.
"""
from __future__ import annotations

import functools
import re
from pathlib import Path

from anonymise.name_data import (KOREAN_COMPOUND_SUFFIXES, KOREAN_DEVICES_NAMED_LIKE_PEOPLE, KOREAN_GIVEN_FINAL_SUFFIXES,
                                 KOREAN_PARTICLES)
from anonymise.regions import PROVINCES
from anonymise.vocabulary.loanword_shape import is_loanword_before_thing_particle
from anonymise.vocabulary.medical_frames import TREATMENT_AFTER, in_treatment_frame
from anonymise.vocabulary.name_lists import (RUSSIAN_NAME_ENDING, looks_like_korean_name, romanised_cyrillic,
                                             starts_with_cjk_surname)
from anonymise.vocabulary.packed import word_sets
from anonymise.vocabulary import device_models, drug_stems
from anonymise.vocabulary.drug_stems import is_drug_shaped
from anonymise.vocabulary.form_labels import is_form_label
from anonymise.vocabulary.quantities import (GLUED_PRICE, han_name_clear_of_quantities, han_quantity_words,
                                             is_currency_code_of_amount, is_dose_then_quantity,
                                             counted_term, is_hangul_count, is_safe_quantity, units_after_numbers,
                                             unsafe_digit_runs, without_approximation)

LANGUAGES = ("ko", "en", "zh", "ja", "ru", "vi", "th", "ar")
HERE = Path(__file__).parent

__all__ = ["LANGUAGES", "safe_terms", "safe_endings", "is_safe_term", "is_ordinary_word", "is_name_word", "is_safe_quantity",
           "unsafe_digit_runs", "is_only_a_name", "is_lower_case_name", "is_katakana_loanword", "is_frequent_korean_word",
           "is_known_person_name_word", "is_drug_shaped", "is_drug_in_context", "is_device_model", "is_currency_code_of_amount",
           "is_russian_imperative", "is_russian_safe_form", "is_loanword_before_thing_particle",
           "is_arabic_safe_word", "is_safe_place_station", "without_approximation", "units_after_numbers",
           "han_quantity_words", "han_name_clear_of_quantities", "is_hangul_count", "counted_term", "is_dose_then_quantity", "thai_drug_stretches", "in_treatment_frame",
           "is_katakana_treatment",
           "is_province_compound", "han_name_before_title", "GLUED_PRICE", "is_korean_disease_name",
           "disease_with_ending", "is_suffixed_compound", "device_named_like_a_person", "is_form_label"]


# Vocabularies of one subject in every script (a drug in Latin, Hangul, Cyrillic, Thai, Han and Kana):
# each term belongs to the languages its script is written in.
DRUG_FILE, DEVICE_FILE = "safe_drugs.txt", "safe_devices.txt"
SHARED_FILES = (DRUG_FILE, DEVICE_FILE, "safe_scores.txt")
SCRIPT_LANGUAGES = ((re.compile(r"[가-힣]"), ("ko",)), (re.compile(r"[\u0400-\u04ff]"), ("ru",)),
                    (re.compile(r"[\u0e00-\u0e7f]"), ("th",)), (re.compile(r"[\u3040-\u30ff]"), ("ja",)),
                    (re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]"), ("zh", "ja")), (re.compile(r"[a-z]"), ("en",)))


def _terms_of(path: Path) -> list[str]:
    terms = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [t.casefold() for t in terms if t]


def _script_languages(term: str) -> tuple[str, ...]:
    return next((langs for script, langs in SCRIPT_LANGUAGES if script.search(term)), ())


@functools.cache
def _lines(lang: str) -> tuple[str, ...]:
    path = HERE / f"safe_{lang}.txt"
    if lang not in LANGUAGES:
        return ()
    own = _terms_of(path) if path.exists() else []
    shared = [t for name in SHARED_FILES for t in _terms_of(HERE / name) if lang in _script_languages(t)]
    return tuple(own + shared)


@functools.cache
def safe_terms(lang: str) -> frozenset[str]:
    """The reviewed terms of ``safe_<lang>.txt`` (one a line, ``#`` comments), case-folded."""
    return frozenset(t for t in _lines(lang) if not t.startswith(("-", "+")))


@functools.cache
def safe_endings(lang: str) -> tuple[str, ...]:
    """The compound endings of ``safe_<lang>.txt`` (lines starting with "-", without it), longest first."""
    return tuple(sorted((t[1:] for t in _lines(lang) if t.startswith("-")), key=len, reverse=True))


@functools.cache
def _all_safe_terms() -> frozenset[str]:
    return frozenset().union(*(safe_terms(code) for code in LANGUAGES))


def is_safe_term(term: str, lang: str | None = None) -> bool:
    return term.casefold() in (safe_terms(lang) if lang else _all_safe_terms())


def is_ordinary_word(word: str, lang: str) -> bool:
    """A common word of ``lang`` (case-folded lookup) that is not only a personal name."""
    ordinary = word_sets().get(f"ordinary_{lang}")
    if ordinary is None:
        return False
    folded = word.casefold()
    # Russian writers and wordfreq's list drop the dots of ё as often as not (отёк, отек).
    return folded in ordinary or (lang == "ru" and "ё" in folded and folded.replace("ё", "е") in ordinary)


# A station, port, airport or terminal named by the city: Kiwi reads 대전역, 인천항 as proper nouns.
KOREAN_STATION_ENDINGS = ("역", "항", "공항", "터미널", "항구")


def is_safe_place_station(word: str) -> bool:
    """A Korean safe place (safe_ko.txt: 시/도 and countries) with a station word after it (대전역, 인천항,
    부산공항): the place of a 시/도, no finer than the place itself."""
    return any(word.endswith(e) and len(word) > len(e) and word[:-len(e)] in safe_terms("ko") for e in KOREAN_STATION_ENDINGS)


# The Hangul spellings of the 시/도 (서울, 부산광역시, 경기도), longest first.
PROVINCE_SPELLINGS = tuple(sorted({a for aliases in PROVINCES.values() for a in aliases if re.match(r"[가-힣]", a)},
                                  key=len, reverse=True))
MIN_COMPOUND_NOUN = 2


@functools.lru_cache(maxsize=20_000)
def is_province_compound(word: str) -> bool:
    """A 시/도 glued to an ordinary noun of two syllables or more (서울지하철, 부산버스, 경기도민): a word
    about the province, no finer than it, which Kiwi often reads as one proper noun. Not a name's
    shape (the whole word), and the noun must be a common word on its own (the ordinary-word list
    subtracts name shapes, so 지하철 is found among the common words)."""
    head = next((p for p in PROVINCE_SPELLINGS if word.startswith(p)), None)
    rest = word[len(head):] if head else ""
    return len(rest) >= MIN_COMPOUND_NOUN and (is_ordinary_word(rest, "ko") or is_frequent_korean_word(rest, common=True)) \
        and not is_name_word(word, "ko")


# What Arabic glues before a word: a conjunction or preposition, the article, or both (والأنف, بالليزر, للعملية).
ARABIC_PREFIXES = ("وبال", "وال", "بال", "فال", "كال", "ولل", "لل", "ال", "و", "ف", "ب", "ل", "ك")
ARABIC_MIN_STEM = 2
ARABIC_NUMBER_BEFORE = re.compile(r"\d\s?$")
# What Arabic glues after a word: a pronoun (عمليتي: my operation, جلستك), the dual (جلستين, جلستان), a sound
# plural (عمليات, متخصصين) or the feminine of an adjective. (suffix, what the listed form ends in instead):
# the feminine ة is written ت before a suffix (عملية -> عمليتي, عمليات). A stem of three letters or more.
ARABIC_SUFFIXES = (("تين", "ة"), ("تان", "ة"), ("ات", "ة"), ("ات", ""), ("ين", ""), ("ون", ""), ("ان", ""),
                   ("تها", "ة"), ("تهم", "ة"), ("تنا", "ة"), ("تكم", "ة"), ("تي", "ة"), ("تك", "ة"), ("ته", "ة"),
                   ("ها", ""), ("هم", ""), ("نا", ""), ("كم", ""), ("ي", ""), ("ك", ""), ("ه", ""), ("ة", ""))
ARABIC_MIN_SUFFIXED_STEM = 3


@functools.cache
def _arabic_units() -> frozenset[str]:
    return frozenset(t[1:] for t in _lines("ar") if t.startswith("+"))


def is_arabic_safe_word(word: str, before: str = "") -> bool:
    """``word`` (Arabic letters) is a term of safe_ar.txt as written or after one attached particle or
    article (a stem of two letters or more: الأنف, وزراعة), and with a pronoun, dual, plural or feminine
    ending taken off (a stem of three letters or more: عمليتي, جلستين, بالعمليات); a unit of the "+" lines
    only right after a number in ``before`` (3 ليال). Names are not listed, so a name with a particle or
    an ending still goes."""
    terms = safe_terms("ar")
    stems = [word] + [word[len(p):] for p in ARABIC_PREFIXES if word.startswith(p) and len(word) - len(p) >= ARABIC_MIN_STEM]
    if any(stem in terms for stem in stems):
        return True
    if any(stem.endswith(suffix) and len(stem) - len(suffix) >= ARABIC_MIN_SUFFIXED_STEM
           and stem[:-len(suffix)] + listed in terms for stem in stems for suffix, listed in ARABIC_SUFFIXES):
        return True
    return ARABIC_NUMBER_BEFORE.search(before) is not None and word in _arabic_units()


def is_russian_imperative(word: str) -> bool:
    """A Russian polite imperative (подскажите, посоветуйте) of wordfreq's large list: no name ends so."""
    return word.casefold() in word_sets()["imperatives_ru"]


# Stems this short (ед, ме: units) begin too many surnames to match as a prefix: the word itself only.
RUSSIAN_SHORT_STEM = 3


def is_russian_safe_form(word: str) -> bool:
    """A Russian safe stem begins the word (ботокса, Москвы), a term ending in a vowel without it
    (Альтеру for альтера); a short one is the word (ЕД, МЕ). safe_ru.txt holds stems for this. Not a
    word with a surname's ending after the stem (Вторичнова, Москвин) that is no term or ordinary word."""
    folded = word.casefold().replace("ё", "е")
    if "-" in folded:
        return _russian_safe_compound(folded.split("-"))
    if RUSSIAN_NAME_ENDING.search(folded) and folded not in safe_terms("ru") and not is_ordinary_word(folded, "ru"):
        return False
    return any(folded == t if len(t) <= RUSSIAN_SHORT_STEM else folded.startswith(t) for t in safe_terms("ru")) \
        or any(folded.startswith(stem) for stem in _russian_vowel_stems()) or _russian_medical_noun(folded)


# The case endings a Russian noun takes after a medical ending (Ринопластику, Мезотерапией, Блефарита).
RUSSIAN_NOUN_CASE = re.compile(r"(?:|а|у|ы|е|и|я|ю|ой|ей|ом|ем|ам|ям|ах|ях|ами|ями)$")
# Letters before a medical ending: a short ending (-ит, -оз) needs more, names end so too (Рита, Роза).
RUSSIAN_BEFORE_LONG_ENDING, RUSSIAN_BEFORE_SHORT_ENDING, RUSSIAN_SHORT_ENDING = 3, 4, 2


def _russian_medical_noun(folded: str) -> bool:
    """A word ending in a medical ending of safe_ru.txt ("-" lines: -пластик, -терапи, -ит), then a case
    ending, with enough letters before it (Ринопластика, Блефарит); not a listed name once romanised
    (Маргарита ends in -ит + а)."""
    for ending in safe_endings("ru"):
        at = folded.rfind(ending)
        before = RUSSIAN_BEFORE_SHORT_ENDING if len(ending) <= RUSSIAN_SHORT_ENDING else RUSSIAN_BEFORE_LONG_ENDING
        if at >= before and RUSSIAN_NOUN_CASE.fullmatch(folded, at + len(ending)) is not None:
            return not is_name_word(romanised_cyrillic(folded), "en")
    return False


# A transcribed modifier before a hyphen (тред-, мезо-, смас-) this short is no name in a compound's first place.
RUSSIAN_SHORT_MODIFIER = 5


def _russian_safe_compound(parts: list[str]) -> bool:
    """A hyphenated procedure's name (тред-лифтинг, смас-лифтинг, экспресс-пилинг): the last part, the head,
    is a safe form, and each part before it a safe form, an ordinary word or a short modifier; no part has a
    surname's ending (Иванова-Лифтинг is no compound of this kind)."""
    if len(parts) < 2 or not all(parts) or any(RUSSIAN_NAME_ENDING.search(p) for p in parts):
        return False
    head, modifiers = parts[-1], parts[:-1]
    return is_russian_safe_form(head) and all(is_russian_safe_form(p) or is_ordinary_word(p, "ru") or
                                              len(p) <= RUSSIAN_SHORT_MODIFIER for p in modifiers)


@functools.cache
def _russian_vowel_stems() -> tuple[str, ...]:
    """The Russian safe terms of five letters or more that end in a vowel, without it: the stem their
    case forms share (альтера -> альтер: Альтеру, Альтерой)."""
    return tuple(t[:-1] for t in safe_terms("ru") if len(t) >= 5 and t[-1] in "аяоеиыуюь")


def is_name_word(word: str, lang: str) -> bool:
    """Whether ``word`` is known or shaped as a personal name in ``lang`` (a given name, a surname,
    a surname+given-name shape); ordinary words that are also names (Rose, Brown) count."""
    folded = word.casefold()
    if lang in ("en", "vi"):
        sets = word_sets()
        return folded in sets["latin_names_only"] or folded in sets["latin_names_also_words"]
    if lang == "ko":
        return looks_like_korean_name(word)
    if lang == "zh":
        return word in word_sets()["chinese_person_names"] or (2 <= len(word) <= 4 and starts_with_cjk_surname(word))
    if lang == "ja":
        return 2 <= len(word) <= 5 and starts_with_cjk_surname(word)
    if lang == "ru":
        return len(folded) >= 4 and RUSSIAN_NAME_ENDING.search(folded) is not None
    return False


KATAKANA_WORD = re.compile(r"[\u30a1-\u30fa\u30fc]+")
KATAKANA_BEFORE_HEAD = 2


def is_katakana_treatment(word: str) -> bool:
    """A Katakana word ending in a procedure or device head of safe_ja.txt ("-" lines: ピール, リフト,
    レーザー) with two letters or more before it (ミラピール): a treatment's name, not a person's."""
    return KATAKANA_WORD.fullmatch(word) is not None and any(
        word.endswith(head) and len(word) - len(head) >= KATAKANA_BEFORE_HEAD for head in safe_endings("ja"))


def han_name_before_title(run: str) -> int | None:
    """Where the name starts in ``run``, Han characters that end right before a personal title (先生,
    小姐, さん): at the first surname that leads a name to the run's end that is no ordinary word nor
    safe term (是陳小明 -> 1 for 陳小明先生). None when no surname leads one. The anonymiser removes that
    name and the leak gate refuses it by this one rule."""
    for start in range(len(run) - 1):
        name = run[start:]
        if (is_name_word(name, "zh") or is_name_word(name, "ja")) and not is_safe_term(name) \
                and not is_ordinary_word(name, "zh"):
            return start
    return None


def is_katakana_loanword(word: str) -> bool:
    """A Katakana word frequent enough in Japanese to be a loanword (リドカイン), not a foreign name."""
    return word in word_sets()["katakana_loanwords"]


def is_frequent_korean_word(word: str, common: bool = False) -> bool:
    """One of the most frequent Korean words (wordfreq Zipf >= packed.KOREAN_FREQUENT_ZIPF: 학교, 친구, 사람);
    with ``common``, one of the common ones (Zipf >= packed.KOREAN_COMMON_ZIPF: 구글, 일본어)."""
    return word in word_sets()["common_ko" if common else "frequent_ko"]


def is_known_person_name_word(word: str) -> bool:
    """A Hangul word of the name of a person (real or fictional) in Kiwi's multi-word dictionary, which
    takes its headwords and their Wikidata class from Wikipedia: a foreign name written in Hangul."""
    return word in word_sets()["kiwi_person_names"]


def is_only_a_name(word: str, given: bool = False) -> bool:
    """A Latin-script word the name lists have and no dictionary has in lower case (Jennifer, Nguyen,
    Kim); with ``given``, only given names of that kind (jennifer, not nguyen)."""
    return word.casefold() in word_sets()["latin_given_names_only" if given else "latin_names_only"]


# Shorter lower-case given names (mui, ana, eun; anh, hoa, hai in Vietnamese written without its marks)
# are as often words of other languages.
LOWER_CASE_NAME_MIN = 4


def is_lower_case_name(word: str, lang: str) -> bool:
    """``word``, written in lower case in text of ``lang``, is a person's given name: one of the given
    names no dictionary has in lower case (jennifer; not nguyen, kim), long enough to tell. Cyrillic
    (``lang`` "ru") has no such list. The safe-list pass removes such a word and the leak gate refuses it."""
    return lang != "ru" and len(word) >= LOWER_CASE_NAME_MIN and is_only_a_name(word, given=True)


def thai_drug_stretches(text: str) -> list[tuple[int, int]]:
    """Stretches of Thai text that end in a drug stem and are said as a drug (see drug_stems.py)."""
    return drug_stems.thai_drug_stretches(text)


def is_drug_in_context(word: str, before: str, after: str) -> bool:
    """``word`` is a drug's name by its stem where it is said as a drug (see drug_stems.py); the drugs
    of safe_drugs.txt nearby count as such a context."""
    return drug_stems.is_drug_in_context(word, before, after, _listed_drugs())


@functools.cache
def _listed_drugs() -> frozenset[str]:
    return frozenset(t for t in _terms_of(HERE / DRUG_FILE) if len(t) >= 4)


def is_device_model(code: str, before: str) -> bool:
    """``code`` is a device's model code right after the device's name (see device_models.py)."""
    return device_models.is_model_after_device(code, before, _listed_devices())


@functools.cache
def _listed_devices() -> frozenset[str]:
    return frozenset(t for t in _terms_of(HERE / DEVICE_FILE) if not t.startswith(("-", "+")))


# Korean disease names by their shape (크론병, 다한증, 갑상선염, 레이노증후군), shared by the anonymiser's
# safe-list pass and the leak gate so that what one keeps the other passes. A Hangul stretch of three
# syllables or more that ends in a disease word, has no surname + given-name shape and is no word of a
# person's name in Kiwi's dictionary of people names a disease. Kiwi often reads the stretch before
# the ending as a proper or unknown noun (아구창/NNP + 염): the ending makes it a disease all the same.
DISEASE_ENDINGS = ("증후군", "병", "염", "증")
DISEASE_MIN = 3


@functools.lru_cache(maxsize=20_000)
def is_korean_disease_name(stretch: str) -> bool:
    """``stretch`` (a Hangul word bare of particles, or part of one) is a disease's name by its shape."""
    return len(stretch) >= DISEASE_MIN and stretch.endswith(DISEASE_ENDINGS) \
        and not is_name_word(stretch, "ko") and not is_known_person_name_word(stretch)


def disease_with_ending(word: str, start: int, end: int) -> bool:
    """``word[start:end]``, a stretch Kiwi took for a proper or unknown noun, is a disease's name alone
    or with the disease word right after it in the same word (아구창+염이, 편도결석+증)."""
    if is_korean_disease_name(word[start:end]):
        return True
    return any(word.startswith(e, end) and is_korean_disease_name(word[start:end + len(e)]) for e in DISEASE_ENDINGS)


# Sino-Korean compounds (섬유+화, 판독+지, 절개+창, 고정+술), shared by the safe-list pass and the leak gate: Kiwi
# reads many a clinic's compounds as proper or unknown nouns, its dictionary lacking them. A stretch of three
# or four syllables that is an ordinary word or safe term of two syllables or more and one suffix of
# compound_suffixes_ko.txt is a common noun. With a name's shape (고+정술), only a suffix no given name ends in:
# 정서+진 stays a name. Never a word of a person's name in Kiwi's dictionary of people.
COMPOUND_MIN, COMPOUND_MAX = 3, 4


@functools.lru_cache(maxsize=20_000)
def is_suffixed_compound(stretch: str) -> bool:
    """``stretch`` (a Hangul word bare of particles, or part of one) is a noun and a Sino-Korean suffix."""
    if not COMPOUND_MIN <= len(stretch) <= COMPOUND_MAX or stretch[-1] not in KOREAN_COMPOUND_SUFFIXES:
        return False
    head = stretch[:-1]
    if not (is_ordinary_word(head, "ko") or is_safe_term(head, "ko")) or is_known_person_name_word(stretch):
        return False
    return not (is_name_word(stretch, "ko") and stretch[-1] in KOREAN_GIVEN_FINAL_SUFFIXES)


# Device brands whose Hangul spelling reads as a person's name (아그네스, devices_named_like_people_ko.txt) are
# devices only where one stands: in a treatment frame, before a treatment word, or listed with a safe device
# term or another such brand (울쎄라랑 스칼렛, 비너스 레거시). Here, not in medical_frames.py, because it reads
# the safe terms (medical_frames would import the package back).
# Between two devices of a list: a particle glued to the first (울쎄라랑, 스칼렛이랑, 써마지와), then a space; a
# comma, slash or middle dot; or a word of joining between spaces.
LIST_PARTICLES = ("이랑", "랑", "하고", "와", "과", "이나", "나")
LIST_MARKS = re.compile(r"[ \t]*[,/·][ \t]*|[ \t]+(?:하고|및|또는|아니면|vs)[ \t]+|[ \t]+")
HANGUL_WORD_BEFORE = re.compile(r"([가-힣]+)$")
HANGUL_WORD = re.compile(r"[가-힣]+")
# A treatment word right after the brand, one space on (스칼렛 레이저, 아그네스 시술).
TREATMENT_WORD_AFTER = re.compile(r"[ \t](?:시술|수술|레이저|리프팅|주사|관리|치료|고주파|장비|기계)")


def _korean_stem(word: str) -> str:
    return next((word[:-len(p)] for p in sorted(KOREAN_PARTICLES, key=len, reverse=True)
                 if word.endswith(p) and len(word) > len(p)), word)


def _device_word(word: str) -> bool:
    stem = _korean_stem(word)
    return any(is_safe_term(w, "ko") or w in KOREAN_DEVICES_NAMED_LIKE_PEOPLE for w in (word, stem))


def device_named_like_a_person(text: str, start: int, end: int) -> bool:
    """The Hangul word text[start:end] (its particles glued on) is a listed device brand named like a person
    where a device stands: a treatment frame or word after it, or a list joining it to a safe device term or
    another such brand (울쎄라랑 스칼렛, 스칼렛이나 써마지, 비너스 레거시)."""
    word = text[start:end]
    stem = next((word[:-len(p)] for p in LIST_PARTICLES if word.endswith(p) and len(word) > len(p)), _korean_stem(word))
    if stem not in KOREAN_DEVICES_NAMED_LIKE_PEOPLE and _korean_stem(word) not in KOREAN_DEVICES_NAMED_LIKE_PEOPLE:
        return False
    if TREATMENT_AFTER.match(text, end) or TREATMENT_WORD_AFTER.match(text, end):
        return True
    join = LIST_MARKS.match(text, end)
    after = HANGUL_WORD.match(text, join.end()) if join else None
    if after is not None and _device_word(after.group()):
        return True
    previous = HANGUL_WORD_BEFORE.search(text, max(0, start - 24), start - 1) if start else None
    return previous is not None and LIST_MARKS.fullmatch(text, previous.end(), start) is not None \
        and _device_word(previous.group())
