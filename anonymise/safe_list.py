"""The last, fail-closed layer: every token of a text the project cannot vouch for is removed.

It runs after the engine, the record's deny list and any layer that claims spans of its own (a
quasi-identifier layer): those claimed spans are passed in and left alone. Of the rest, a token
goes unless anonymise.vocabulary vouches for it (its README states the invariant this keeps):

- shapes: e-mail addresses, URLs with a path, @handles, identifier-shaped words (jisoo.kim,
  kim_92), letter-digit codes that are not a number with a unit or a safe term, and digit runs of
  six or more digits that are not a safe quantity;
- Latin words by capitalisation: a capitalised word outside a sentence start is a proper noun
  unless it is a safe term or an ordinary word that is no name; at a sentence start or in a
  title-case line it only needs to be an ordinary word; in lower case only known given names go;
- Vietnamese and Russian the same way (their names are capitalised), with surname shapes and, for
  Russian, given names found in the census lists once romanised (Анна, Иван);
- Korean words by Kiwi's morphology (see korean_safe_list.py);
- Chinese and Japanese runs by dictionary segmentation and surname tables (cjk_safe_list.py);
- Thai runs by PyThaiNLP's dictionary segmentation, name lists and name cues (thai_safe_list.py);
- whatever fills a frame that introduces or addresses a person (person_frames.py: 名前は…です,
  Xさん, 我叫X, คุณ X, call me X, a chat line's speaker), unless a generic word of the frame;
- letters of any other script (Greek, Arabic, Hebrew ...): no rule reads them, so they go.

Spans carry a type when the evidence says one (PERSON after a title, for a name-list word or a
name shape; EMAIL, URL, SOCIAL_HANDLE, DOB), else a generic NAME or ID, and a short reason; never
text. Offsets are into the text as given (invisible characters are seen through).
"""
from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from anonymise import vocabulary
from anonymise.cjk_safe_list import cjk_spans
from anonymise.eponyms import is_eponym, is_grade_of_listed_scale, is_russian_eponym
from anonymise.korean_safe_list import korean_spans
from anonymise.person_frames import frame_spans
from anonymise.name_data import LATIN_TITLE, VIETNAMESE_MONTH_WORDS
from anonymise.text_normalisation import normalise_with_offsets
from anonymise.thai_safe_list import thai_spans
from anonymise.vocabulary.name_lists import romanised_cyrillic

RECOGNIZER = "SafeList"
CLAIMED = "\ue000"  # stands in for claimed characters: no token pattern matches it

EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
URL = re.compile(r"(?:https?://|www\.)[^\s\ue000]+|\b[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}/[^\s\ue000]*")
HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_.]{2,}")
# Words joined by _ or . (jisoo.kim, kim_92); abbreviations (e.g., a.m., p.s.) and decimals are not.
ID_SHAPE = re.compile(r"(?<![\w.])[A-Za-z0-9]+(?:[._][A-Za-z0-9]+)+(?![\w])")
ABBREVIATION = re.compile(r"(?:[A-Za-z]{1,2}\.)*[A-Za-z]{1,2}\.?")
DOMAIN_ENDINGS = frozenset("com net org kr co jp cn io edu gov info biz me tw hk vn th ru".split())
# A token of letters, digits and hyphens holding both a letter and a digit. Hangul, Han or Kana may
# stand on either side of it: a particle or copula glued to a code (AB12345입니다, XR900으로) or a label
# glued before one (보험코드KD3381, 编号XK2291, 予約番号KT8812) leaves a code a code, as the gate reads
# the run inside its token; a unit, dose or listed term glued so (5mg씩, SPF50이상, CO2레이저, 코엔자임Q10)
# is judged by its own shape below as anywhere.
CODE = re.compile(r"(?<![A-Za-z0-9_\u00c0-\u024f\u0400-\u04ff\-])[A-Za-z0-9\-]*(?:[A-Za-z][A-Za-z0-9\-]*\d|\d[A-Za-z0-9\-]*[A-Za-z])[A-Za-z0-9\-]*"
                  r"(?![A-Za-z0-9_\u00c0-\u024f\u0400-\u04ff])")
CODE_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-]*")
JOINED = re.compile(r"[A-Za-z0-9][._][A-Za-z0-9]")
DIGIT = re.compile(r"\d")
# A number with a unit (10cc, 300mg, 2nd, 7pm, 24h, 3x) is a quantity, not a code.
# Device settings too: wavelengths (1064nm), fluence (10J/cm2), power (20W), pulse width (3ms),
# frequency (1MHz), lab units (5mmol, 12ng) and areas or volumes (cm2, mm3).
NUMBER_WITH_UNIT = re.compile(r"\d+(?:\.\d+)?(?:cc|ml|mg|mcg|µg|ug|ng|pg|g|kg|l|dl|cm[23²³]?|mm[23²³]?|m|km|nm|µm|um|iu|u|"
                              r"units?|st|nd|rd|th|am|pm|h|hrs?|hours?|min|mins|d|days?|wks?|weeks?|mo|months?|yrs?|"
                              r"years?|x|k|kcal|%|s|ms|µs|ns|ps|shots?|sessions?|times?|won|krw|usd|j|mj|kj|w|kw|mw|hz|"
                              r"khz|mhz|mmol|µmol|umol|meq|mmhg|bpm|gy|fr)", re.IGNORECASE)
# Dosing and product notation: x2 (twice), q4h, q12h (every 4/12 hours), SPF50, PA4.
UNIT_WITH_POWER = re.compile(r"(?:cm|mm|m|dm)[23]", re.IGNORECASE)  # J/cm2, mm3
DOSING_CODE = re.compile(r"x\d{1,2}|q\d{1,2}h|spf\d{1,3}|pa\d|\d{1,2}x\d{1,3}(?:\.\d+)?(?:u|iu|units?|cc|ml|mg)?",
                         re.IGNORECASE)  # 2x50U: two vials of 50
LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]+(?:['\u2019][A-Za-z]+|-[A-Za-z\u00c0-\u024f\u1e00-\u1eff]+)*")
POSSESSIVE = re.compile(r"['\u2019]s$", re.IGNORECASE)
CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff]+(?:-[\u0400-\u04ff]+)*")
# Letters only Vietnamese writes: a text holding them is read as Vietnamese.
VIETNAMESE_LETTER = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯ\u1ea0-\u1ef9]")
VIETNAMESE_TITLES = frozenset("anh chị em bà ông cô chú bác bạn thầy bé cháu".split())
# tháng Năm, tháng Mười Hai: month names (VIETNAMESE_MONTH_WORDS) are number words, capitalised by many writers.
VIETNAMESE_MONTH_BEFORE = re.compile(r"(?i:tháng)[ \t]+(?:(?i:mười)[ \t]+)?$")
# Letters of a script no rule here reads (Greek, Arabic, Hebrew, Devanagari ...): nothing vouches
# for them, so they go. Excluded: the scripts handled above, digits and number forms (², ①, Ⅱ),
# combining marks, symbols people use in doses (µ, μ), CJK punctuation and half-width forms.
OTHER_SCRIPT_WORD = re.compile(
    r"[^\W\d_A-Za-z\u00aa\u00b2\u00b3\u00b5\u00b9\u00ba\u00bc-\u00be\u00c0-\u02ff\u0300-\u036f\u03bc"
    r"\u0400-\u04ff\u0e00-\u0e7f\u1100-\u11ff\u1e00-\u1eff\u2070-\u209f\u2150-\u218f\u2460-\u24ff"
    r"\u3000-\u303f\u3040-\u30ff\u3130-\u318f\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
    r"\uf900-\ufaff\uff65-\uffdc]+")
LATIN_TITLE_BEFORE = re.compile(rf"\b(?:{LATIN_TITLE}|dear|hi|hello|hey)\.?,?\s+$", re.IGNORECASE)
SENTENCE_START = re.compile(r"(?:^|[.!?:;\n\u3002\uff01\uff1f]|^\s*[-*\u2022>#\d.)]+)[\s\"'(\[\u201c\u2018*_-]*$")


@dataclass(frozen=True)
class SafeListSpan:
    """A stretch the safe-list pass removes: offsets into the original text, never its content."""
    entity_type: str
    start: int
    end: int
    reason: str


def _mask(text: str, claimed: Sequence[tuple[int, int]]) -> tuple[str, list[int]]:
    """The normalised text with claimed characters replaced by CLAIMED, and its offset map."""
    normalised, origin = normalise_with_offsets(text)
    if not claimed:
        return normalised, origin
    if len(normalised) == len(text):  # nothing was dropped: offsets are the same, cut by slices
        pieces, position = [], 0
        for start, end in sorted(claimed):
            start, end = max(start, position), min(end, len(text))
            if start < end:
                pieces += [normalised[position:start], CLAIMED * (end - start)]
                position = end
        return "".join(pieces) + normalised[position:], origin
    taken = bytearray(len(text) + 1)
    for start, end in claimed:
        taken[max(0, start):max(0, end)] = b"\x01" * (max(0, end) - max(0, start))
    return "".join(CLAIMED if taken[o] else c for c, o in zip(normalised, origin)), origin


class SafeListPass:
    """``find(text, claimed)``: the spans of ``text`` outside ``claimed`` that the project cannot vouch for."""

    def find(self, text: str, claimed: Sequence[tuple[int, int]] = ()) -> list[SafeListSpan]:
        if not text or not text.strip():
            return []
        work, origin = _mask(text, claimed)
        found: list[tuple[int, int, str, str]] = []
        taken = bytearray(len(work) + 1)

        def add(start: int, end: int, kind: str, reason: str) -> None:
            if start >= end or any(taken[start:end]):
                return
            taken[start:end] = b"\x01" * (end - start)
            found.append((start, end, kind, reason))

        for start, end, kind, reason in _shapes(work):
            add(start, end, kind, reason)
        for finder in (_signature_spans, _latin_spans, _cyrillic_spans, korean_spans, cjk_spans, thai_spans,
                       _other_script_spans):
            for start, end, kind, reason in finder(work):
                add(start, end, kind, reason)
        # A name in a frame goes whole, even where a layer above took a piece of it: the redactor
        # joins overlapping spans, so it is added without the overlap check.
        found += frame_spans(work)
        return [SafeListSpan(kind, origin[s], origin[e - 1] + 1, reason) for s, e, kind, reason in sorted(found)]


def _shapes(work: str) -> list[tuple[int, int, str, str]]:
    spans = []
    if "@" in work:
        spans += [(m.start(), m.end(), "EMAIL", "email-shape") for m in EMAIL.finditer(work)]
        spans += [(m.start(), m.end(), "SOCIAL_HANDLE", "handle-shape") for m in HANDLE.finditer(work)]
    if "/" in work or "www." in work:
        spans += [(m.start(), m.end(), "URL", "url-with-path") for m in URL.finditer(work)]
    if JOINED.search(work):
        for match in ID_SHAPE.finditer(work):
            token = match.group()
            parts = re.split(r"[._]", token)
            if "_" not in token and (ABBREVIATION.fullmatch(token) or parts[-1].lower() in DOMAIN_ENDINGS
                                     or all(p.isdigit() for p in parts) or _decimal_with_unit(parts) or
                                     _medical_code(work, match.start(), match.start() + len(parts[0])) or
                                     _priced(work, match.start(), match.end())):
                continue
            spans.append((match.start(), match.end(), "ID", "id-shape"))
    if not DIGIT.search(work):
        return spans
    spans += [(s, e, kind, "digit-run") for s, e, kind in vocabulary.unsafe_digit_runs(work)]
    for match in CODE.finditer(work):
        token = match.group()
        rough = vocabulary.without_approximation(token)  # 350ccish: a rough quantity, judged without its "ish"
        if vocabulary.is_safe_term(token) or all(_safe_code_part(p) for p in rough.split("-")) or \
                _medical_code(work, match.start(), match.end()) or _priced(work, match.start(), match.end()) or \
                vocabulary.is_device_model(token, work[max(0, match.start() - 32):match.start()]):
            continue  # ... Ultherapy S3: a device's model
        term = vocabulary.counted_term(token, work[match.end():match.end() + 2])
        if term and vocabulary.is_safe_term(term):
            continue  # IPL2회: a listed treatment and its session count
        if vocabulary.is_dose_then_quantity(token, work[match.end():match.end() + 8]):
            continue  # 5ml3만원: a dose and its price
        spans.append((match.start(), match.end(), "ID", "letter-digit-code"))
    return spans


# A ward, bed or bay code (Ward 6B), an ICD-10 code (K21.9, ICD E11), after a code word an ICD-11
# code (ICD-11 ED80) or a procedure code (HCPCS J0585, CPT 0479T) name no one.
WARD_BEFORE = re.compile(r"(?i:\b(?:ward|bed|bay|theatre|theater|station|pod|icu|level)\s?)$")
ICD_CODE = re.compile(r"[A-TV-Z]\d{2}")
ICD11_CODE = re.compile(r"[0-9A-HJ-NP-Z][A-HJ-NP-Z]\d[0-9A-HJ-NP-Z]")
PROCEDURE_CODE = re.compile(r"[A-V]\d{4}|\d{4}[FTU]")
ICD_BEFORE = re.compile(r"(?i:\b(?:icd(?:-?1[01])?(?:-?cm|-?pcs)?|dx|diagnosis|diagnoses|code|codes|cpt|hcpcs)"
                        r"\s?[:#]?\s?)$")
# An ICD-10 code written without its dot (L700 for L70.0, K219): only after a diagnosis label (진단명 L700,
# dx K219; not a bare "code", which may be anyone's) or beside a disease word (여드름 L700, 건선(L400));
# alone it is any product or member code.
DIAGNOSIS_BEFORE = re.compile(r"(?:(?i:\b(?:icd(?:-?1[01])?(?:-?cm)?|dx|diagnosis|diagnoses))|(?<![가-힣])(?:KCD|진단명|"
                              r"진단코드|진단|상병코드|상병명|상병|질병코드|질병분류코드|질병분류|병명)(?:은|는|이|가)?)\s?[:#]?\s?$")
ICD_CODE_UNDOTTED = re.compile(r"[A-TV-Z]\d{2,3}")
# Its brackets may be round or square (여드름[L700]); a Han disease word ends in 炎, 症, 病 or 疮 (痤疮(L700)).
DISEASE_WORD_BEFORE = re.compile(r"(?:[가-힣]*(?:염|증|병|증후군|여드름|건선|습진|탈모|골절)|[\u4e00-\u9fff]+[炎症病疮瘡])\s?[(\[]?$")
DISEASE_WORD_AFTER = re.compile(r"[)\]]?\s?[가-힣]*(?:염|증|병|증후군|여드름|건선|습진|탈모|골절)"
                                r"(?:이|가|은|는|을|를|으로|로|입니다|이에요|예요|이고|과|와)?(?![가-힣])")


def _medical_code(work: str, start: int, end: int) -> bool:
    token = work[start:end]
    before = work[max(0, start - 16):start]
    if len(token) <= 4 and WARD_BEFORE.search(before):
        return True
    cue = ICD_BEFORE.search(before) is not None
    if cue and (ICD11_CODE.fullmatch(token) or PROCEDURE_CODE.fullmatch(token)):
        return True
    if ICD_CODE_UNDOTTED.fullmatch(token) and (DIAGNOSIS_BEFORE.search(before) or DISEASE_WORD_BEFORE.search(before) or
                                               DISEASE_WORD_AFTER.match(work, end)):
        return True
    return ICD_CODE.fullmatch(token) is not None and (cue or re.match(r"\.\d{1,3}(?!\d)", work[end:end + 5]) is not None)


def _priced(work: str, start: int, end: int) -> bool:
    """A currency code or sign glued to its amount (RM1,250, Rp3.500.000): a price, not a code."""
    glued = vocabulary.GLUED_PRICE.fullmatch(work, start, end)
    return glued is not None and vocabulary.is_currency_code_of_amount(
        glued.group(1), work[max(0, start - 24):start], work[glued.end(1):glued.end(1) + 8])


def _decimal_with_unit(parts: list[str]) -> bool:
    """0.5mL, 2.5mg: a decimal number with a unit, split at its point."""
    return len(parts) == 2 and parts[0].isdigit() and NUMBER_WITH_UNIT.fullmatch(parts[1]) is not None


def _safe_code_part(part: str) -> bool:
    """A piece of a hyphenated token that makes no code: 3-day, COVID-19, 10cc, V-line; not 88213-KX."""
    if part.isdigit():
        return len(part) <= 3
    if part.isalpha():
        return vocabulary.is_ordinary_word(part, "en") or vocabulary.is_safe_term(part) or len(part) == 1
    return NUMBER_WITH_UNIT.fullmatch(part) is not None or DOSING_CODE.fullmatch(part) is not None or \
        UNIT_WITH_POWER.fullmatch(part) is not None


def _title_case_lines(work: str) -> list[tuple[int, int]]:
    """Lines most of whose words are capitalised (headings, subject lines): capitals there say nothing."""
    lines, position = [], 0
    for line in work.split("\n"):
        words = [w for w in LATIN_WORD.findall(line) if len(w) >= 3]
        if len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.7 * len(words):
            lines.append((position, position + len(line)))
        position += len(line) + 1
    return lines


def _starts_sentence(work: str, start: int) -> bool:
    return SENTENCE_START.search(work, max(0, start - 12), start) is not None


@functools.lru_cache(maxsize=50_000)
def _latin_verdict(word: str, initial: bool, lang: str) -> tuple[str, str] | None:
    """(type, reason) when the Latin ``word`` must go, None when it may stay (see the module docstring)."""
    word = POSSESSIVE.sub("", word)  # Doctor's is judged as Doctor
    folded = word.casefold()
    if _is_safe_term(folded, lang) or len(word) <= 1:
        return None
    if "-" in word and not vocabulary.is_ordinary_word(folded, lang if lang == "vi" else "en"):
        # Post-Op, Follow-Up: a compound of words that may stay may stay; a hyphenated name goes.
        verdicts = [_latin_verdict(part, initial and i == 0, lang) for i, part in enumerate(word.split("-")) if part]
        return next((v for v in verdicts if v is not None), None)
    capitalised = word[0].isupper()
    if lang == "id" and (initial or not capitalised) and vocabulary.is_ordinary_word(folded, "id"):
        return None  # Berapa, Apakah, Kemarin; tanya (ask), not Tanya: a listed Indonesian word
    if initial and capitalised and vocabulary.is_ordinary_word(folded, "id") and not vocabulary.is_name_word(folded, "en"):
        return None  # Berapa harga botox?: a listed word opening a sentence too short to tell its language
    if not capitalised:
        if vocabulary.is_lower_case_name(folded, lang):
            return "PERSON", "given-name-list"
        return None
    name = vocabulary.is_name_word(folded, "en")
    kind = "PERSON" if name else "NAME"
    if lang == "vi":
        if initial and vocabulary.is_ordinary_word(folded, "vi"):
            return None
        return "PERSON", "vi-capitalised"
    ordinary = vocabulary.is_ordinary_word(folded, "en") or (word.isupper() and len(word) <= 3)
    if initial:
        return None if ordinary else (kind, "unknown-capitalised")
    if ordinary and not name:
        return None
    if ordinary and folded in _stop_words():
        return None
    return kind, "name-list-capitalised" if name else "proper-noun"


# Indonesian or Malay text: this many lower-case words of the reviewed list, more than English stop words.
INDONESIAN_MIN_WORDS = 3


def _indonesian(words: list[re.Match]) -> bool:
    lower = [m.group() for m in words if m.group().islower()]
    listed = sum(vocabulary.is_ordinary_word(w, "id") for w in lower)
    return listed >= INDONESIAN_MIN_WORDS and listed > sum(w in _stop_words() for w in lower)


def _drug_in_context(work: str, start: int, end: int) -> bool:
    """The word at work[start:end] ends in a drug stem and is long or said as a drug (drug_stems.py);
    never after a personal title (Dr. Kavisone)."""
    if LATIN_TITLE_BEFORE.search(work, max(0, start - 12), start):
        return False
    return vocabulary.is_drug_in_context(work[start:end], work[max(0, start - 48):start], work[end:end + 48])


def _vietnamese_month(work: str, start: int, word: str, lang: str) -> bool:
    return lang == "vi" and word.casefold() in VIETNAMESE_MONTH_WORDS and \
        VIETNAMESE_MONTH_BEFORE.search(work, max(0, start - 12), start) is not None


def _is_safe_term(folded: str, lang: str) -> bool:
    """A safe term; in Vietnamese text not the short English ones (Thu, Mon, Tue are Vietnamese names)."""
    if lang == "vi":
        return vocabulary.is_safe_term(folded, "vi") or (len(folded) > 3 and vocabulary.is_safe_term(folded))
    return vocabulary.is_safe_term(folded)


@functools.cache
def _phrase_starts() -> frozenset[str]:
    """First words of the safe terms made of several words."""
    return frozenset(t.split()[0] for lang in vocabulary.LANGUAGES for t in vocabulary.safe_terms(lang) if " " in t)


@functools.cache
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS  # the engine loads spaCy anyway

    return frozenset(STOP_WORDS)


def _latin_spans(work: str) -> list[tuple[int, int, str, str]]:
    if not re.search(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]", work):
        return []
    words = list(LATIN_WORD.finditer(work))
    lang = "vi" if VIETNAMESE_LETTER.search(work) else "id" if _indonesian(words) else "en"
    headings = _title_case_lines(work)
    spans = []
    index = 0
    while index < len(words):
        match = words[index]
        # Two-word safe terms (hong kong, việt nam) first.
        if index + 1 < len(words) and match.group().casefold() in _phrase_starts() and \
                work[match.end():words[index + 1].start()] == " " and \
                vocabulary.is_safe_term(f"{match.group()} {words[index + 1].group()}"):
            index += 2
            continue
        start = match.start()
        word = match.group()
        code = CODE_TOKEN.match(work, start)
        if code and code.end() > match.end() and vocabulary.is_safe_term(code.group()) and \
                (start == 0 or not work[start - 1].isalnum()):
            index += 1  # HbA1c, SpO2: the letters of a safe code
            continue
        if word.islower():  # most words: position says nothing
            verdict = _latin_verdict(word, False, lang)
            if verdict is not None:
                spans.append((start, match.end(), *verdict))
            index += 1
            continue
        if vocabulary.is_currency_code_of_amount(word, work[max(0, start - 24):start], work[match.end():match.end() + 8]):
            index += 1  # RM 1,250, 3.500.000 IDR: the currency of a price
            continue
        initial = _starts_sentence(work, start) or any(s <= start < e for s, e in headings)
        verdict = None if is_eponym(work, start, match.end()) or is_grade_of_listed_scale(work, start, match.end()) \
            or _vietnamese_month(work, start, word, lang) \
            else _latin_verdict(word, initial, lang)
        if verdict is not None and _drug_in_context(work, start, match.end()):
            verdict = None  # Rosuvastatin 10mg: a drug's stem, with a dose or a word of taking it
        if verdict is None and match.group()[0].isupper() and lang == "vi":
            before = work[max(0, start - 8):start].split()
            if before and before[-1].casefold() in VIETNAMESE_TITLES:
                verdict = ("PERSON", "vi-title")
        if verdict is not None:
            kind, reason = verdict
            if kind == "NAME" and LATIN_TITLE_BEFORE.search(work, max(0, start - 12), start):
                kind = "PERSON"
            spans.append((start, match.end(), kind, reason))
        index += 1
    # A capitalised word next to a removed name is part of it (Anna Grace Smith; Nguyễn Văn An).
    removed = {s for s, _, _, _ in spans}
    chained = []
    for i, match in enumerate(words):
        if match.start() in removed or not match.group()[0].isupper():
            continue
        neighbours = [words[j] for j in (i - 1, i + 1) if 0 <= j < len(words)]
        for other in neighbours:
            gap = work[min(match.end(), other.end()):max(match.start(), other.start())]
            folded = match.group().casefold()
            # At a sentence start an ordinary word stays (Yesterday Priya ...); elsewhere a capitalised
            # word beside a name is part of it, even a word (Nguyen Van An, Anna May Wong).
            initial = _starts_sentence(work, match.start()) or any(s <= match.start() < e for s, e in headings)
            ordinary = initial and (vocabulary.is_ordinary_word(folded, "en") and not vocabulary.is_name_word(folded, "en")
                                    or lang == "id" and vocabulary.is_ordinary_word(folded, "id"))
            priced = vocabulary.is_currency_code_of_amount(match.group(), work[max(0, match.start() - 24):match.start()],
                                                           work[match.end():match.end() + 8])
            if other.start() in removed and gap.strip() == "" and len(gap) <= 1 and not ordinary and not priced and \
                    not _is_safe_term(folded, lang) and folded != "i":
                kind = next(k for s, _, k, _ in spans if s == other.start())
                chained.append((match.start(), match.end(), kind, "next-to-name"))
                break
    if lang == "vi":
        # Nguyễn Thị | Thu | Hằng: a capitalised word between or beside names another layer removed.
        chained += [(m.start(), m.end(), "PERSON", "vi-next-to-name") for m in words
                    if m.start() not in removed and m.group()[0].isupper() and not _is_safe_term(m.group().casefold(), lang)
                    and (work[max(0, m.start() - 2):m.start()] == CLAIMED + " " or
                         work[m.end():m.end() + 2] == " " + CLAIMED)]
    return spans + chained


# A closing formula and the signature after it, on its line or the next (С уважением,\nЖеня; Best, Priya;
# よろしくお願いします。\nさとう): the signature is a name however ordinary its words are (Вера, Hope).
CLOSING = re.compile(r"(?im)^[ \t]*(?:best(?:[ \t]wishes|[ \t]regards)?|(?:kind|warm|many)?[ \t]?regards|cheers|thanks|"
                     r"thank[ \t]you|many[ \t]thanks|sincerely|yours(?:[ \t](?:truly|sincerely))?|take[ \t]care|"
                     r"с[ \t]уважением|спасибо(?:[ \t]заранее)?|заранее[ \t]спасибо|благодарю|всего[ \t]доброго|"
                     r"с[ \t]наилучшими[ \t]пожеланиями|до[ \t]свидания|"
                     r"よろしくお願いします|よろしくお願いいたします|宜しくお願いします|よろしくお願い致します|"
                     r"谢谢|謝謝|此致敬礼|感谢|感謝)[ \t]*[,，!！.。、]?[ \t]*(?:\n[ \t]*)?"
                     r"(?=[^\s])([^\n]{1,40})[ \t]*$")
SIGNATURE_WORD = re.compile(r"[\w\u00c0-\u024f'’-]+")


def _signature_spans(work: str) -> list[tuple[int, int, str, str]]:
    if not CLOSING.search(work):
        return []
    spans = []
    for match in CLOSING.finditer(work):
        line = match.group(1)
        words = SIGNATURE_WORD.findall(line)
        # A sentence or a question is no signature (Спасибо, жду ответа. / Thanks for your help!).
        if not words or len(words) > 3 or re.search(r"[?？!！:：;@\d]|[.。](?!$)", line.rstrip(".")) or \
                any(vocabulary.is_safe_term(w.casefold()) for w in words):
            continue
        name = line.strip()
        if re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", name):
            # Kana alone (さとう, even a word), or kanji then up to four kana (田中ゆかり); not a phrase
            # (予約希望です) nor one ordinary Han word.
            kana = re.fullmatch(r"[\u3041-\u3096\u30a1-\u30fa\u30fc]{2,8}", name)
            kanji = re.fullmatch(r"[\u4e00-\u9fff々]{1,4}[\u3041-\u3096]{0,4}", name) and \
                not name.endswith(("です", "ます", "した", "たい")) and \
                not any(vocabulary.is_ordinary_word(name, lang) or vocabulary.is_safe_term(name, lang) for lang in ("ja", "zh"))
            if kana or kanji:
                spans.append((match.start(1), match.start(1) + len(line.rstrip()), "PERSON", "signature"))
            continue
        for word in SIGNATURE_WORD.finditer(line):
            text = word.group()
            lang = "ru" if re.match(r"[\u0400-\u04ff]", text) else "en"
            # Lower-case words of a longer line are a sentence (жду ответа); one word alone is a name (ваня).
            if text[0].islower() and len(words) > 1 and vocabulary.is_ordinary_word(text, lang):
                break
            if len(text) > 1 or text.isupper():
                spans.append((match.start(1) + word.start(), match.start(1) + word.end(), "PERSON", "signature"))
    return spans


def _cyrillic_spans(work: str) -> list[tuple[int, int, str, str]]:
    spans = []
    for match in CYRILLIC_WORD.finditer(work):
        word = match.group()
        folded = word.casefold()
        if not word[0].isupper() or vocabulary.is_russian_safe_form(folded) or _drug_in_context(work, match.start(), match.end()) \
                or is_russian_eponym(work, match.start(), match.end()):
            continue
        romanised = romanised_cyrillic(folded)
        # A listed Mongolian word (хамрын: the genitive -ын) is no Russian surname by its ending.
        name = (vocabulary.is_name_word(word, "ru") and not vocabulary.is_ordinary_word(folded, "mn")) or \
            (len(romanised) >= 4 and vocabulary.is_name_word(romanised, "en"))
        if _starts_sentence(work, match.start()) and not name and (
                vocabulary.is_ordinary_word(folded, "ru") or vocabulary.is_ordinary_word(folded, "mn")
                or vocabulary.is_russian_imperative(folded)):
            continue  # Сегодня, Подскажите, Маргааш (Mongolian): an ordinary word opening a sentence
        spans.append((match.start(), match.end(), "PERSON" if name else "NAME", "ru-capitalised"))
    return spans


ARABIC_LETTERS = re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f]+")


def _other_script_spans(work: str) -> list[tuple[int, int, str, str]]:
    """Words of a script no rule here reads; an Arabic word of the reviewed Arabic vocabulary stays
    (safe_ar.txt: procedures, body parts, durations, prices; never wordfreq, whose list holds names)."""
    if work.isascii():
        return []
    return [(m.start(), m.end(), "NAME", "unread-script") for m in OTHER_SCRIPT_WORD.finditer(work)
            if not (ARABIC_LETTERS.fullmatch(m.group()) and
                    vocabulary.is_arabic_safe_word(m.group(), work[max(0, m.start() - 4):m.start()]))]
