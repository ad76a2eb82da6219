"""Drug names by their form: the endings of drug_stems_<script>.txt (WHO INN stems: -mab, -prazole, -맙,
-сартан, -マイシン, -ไมซิน).

No list holds every drug, but most generic names end in a stem that says their class, and the scripts a
patient writes a drug in transcribe those stems the same way every time. A word ending in one is a
drug's name (``is_drug_shaped``) when enough letters come before the ending (three Latin or Cyrillic
letters, two Hangul syllables or Katakana letters, four Thai letters: Lumab, 리맙 are not) and it has no name's
shape: not on the name lists (Latin), no surname + given-name shape nor a word of a person's name in
Kiwi's dictionary of people (Hangul). Russian surnames end like drugs (-ин, -ов), so Cyrillic is judged
by the stem alone; Katakana and Thai too (a foreign name in them shows by its honorific or title, which
the callers check). A Katakana word right before 酸 is an acid (トラネキサム酸). A word so shaped is vouched
for (``is_drug_in_context``) when it is long enough that no name ends so (LONG_DRUG_NAME) or a drug's
context is near: a dose (20mg, 5 мг, 1정), a word of taking or prescribing (복용, 처방, 바르다, prescribed,
принимаю, 飲む, กิน) or a drug of the safe vocabulary, in the same sentence. Thai has no spaces: a Thai
stretch is given by its caller (``thai_drug_stretches``). A brand has no stem: a capitalised Latin word no
name list has, with a dose or a dosing frequency written right after it (Xelvora 10 mg, Xelvora bid), is a
drug's name as prescriptions write it (``is_drug_brand_before_dose``). The anonymiser's safe-list pass and
the leak gate both ask these functions.
"""
from __future__ import annotations

import functools
import re

from anonymise.name_data import DRUG_STEMS, KOREAN_PARTICLES
from anonymise.vocabulary.name_lists import looks_like_korean_name
from anonymise.vocabulary.packed import word_sets

# Letters before the ending, per script; and from how many letters a drug-shaped word needs no context.
MIN_BEFORE = {"latin": 3, "hangul": 2, "cyrillic": 3, "katakana": 2, "thai": 4}
LONG_DRUG_NAME = {"latin": 11, "hangul": 6, "cyrillic": 11, "katakana": 8, "thai": 12}
# The files' script names (name_data.DRUG_STEM_SCRIPTS) in this module's words.
FILE_SCRIPTS = {"latin": "latin", "ko": "hangul", "ru": "cyrillic", "ja": "katakana", "th": "thai"}
# Russian case endings after a drug's name (Метформина, Дупилумабом).
RUSSIAN_CASE_ENDING = re.compile(r"(?:ами|ом|ем|ой|ах|ов|ы|а|у|е|и)$")
POSSESSIVE = re.compile(r"['\u2019]s$")
# How far around the word a context cue counts, in characters.
CONTEXT_WINDOW = 40
DOSE = re.compile(r"\d\s?(?:mg|mcg|µg|ug|g|ml|iu|units?|%|tabs?|tablets?|caps?|капсул|мг|мкг|мл|ед|정|알|캡슐|밀리|"
                  r"มก|มิลลิกรัม|เม็ด|毫克|粒|片|錠)(?![A-Za-z])", re.IGNORECASE)
CUES = re.compile(
    r"복용|먹|드시|드셔|바르|발라|발랐|처방|투여|투약|주사|맞고|맞았|맞는|맞을|약을|약은|약이|약도|약물|약국|연고|크림|알약|정제|"
    r"\b(?:tak(?:e|es|ing|en)|took|prescri\w*|appl(?:y|ied|ying)|dose\w*|dosing|tablets?|pills?|capsules?|cream|gel|"
    r"ointment|injections?|inject\w*|shots?|medication\w*|medicines?|drugs?|therapy|treatment)\b|"
    r"принима\w*|приним\w*|назнач\w*|таблет\w*|препарат\w*|мазь|мази|крем\w*|лекарств\w*|укол\w*|"
    r"吃|服用|药|藥|処方|飲ん|飲む|塗|注射|ยา|กิน|ทา|ฉีด",
    re.IGNORECASE)
SENTENCE_END = re.compile(r"[.!?\u3002\uff01\uff1f\n](?=\s|$)|\n")
LATIN = re.compile(r"[a-z]+(?:-[a-z]+)*")
HANGUL = re.compile(r"[가-힣]+")
CYRILLIC = re.compile(r"[\u0430-\u044f\u0451]+")
KATAKANA = re.compile(r"[\u30a1-\u30fa\u30fc]+")
THAI = re.compile(r"[\u0e01-\u0e4e]+")
PATTERNS = {"latin": LATIN, "hangul": HANGUL, "cyrillic": CYRILLIC, "katakana": KATAKANA, "thai": THAI}
ACID = "酸"


@functools.cache
def drug_stems() -> dict[str, tuple[str, ...]]:
    """Script -> the endings of its drug_stems_<script>.txt (name_data.DRUG_STEMS), longest first."""
    return {FILE_SCRIPTS[script]: tuple(sorted(stems, key=len, reverse=True)) for script, stems in DRUG_STEMS.items()}


def _script(word: str) -> str:
    return "hangul" if HANGUL.search(word) else "cyrillic" if CYRILLIC.search(word) else \
        "katakana" if KATAKANA.search(word) else "thai" if THAI.search(word) else "latin"


def _cores(folded: str, script: str) -> list[str]:
    """The word as given and without what may follow a drug's name (its particles, case ending, 's)."""
    if script == "latin":
        return [POSSESSIVE.sub("", folded)]
    if script == "cyrillic":
        return [folded, RUSSIAN_CASE_ENDING.sub("", folded)]
    if script in ("katakana", "thai"):
        return [folded]
    return [folded] + [folded[:-len(p)] for p in KOREAN_PARTICLES if folded.endswith(p) and len(folded) > len(p)]


@functools.lru_cache(maxsize=20_000)
def _drug_core(word: str) -> str:
    """The drug's name in ``word`` (without particles or case endings) when it is drug-shaped, else ''."""
    folded = word.casefold()
    script = _script(folded)
    pattern = PATTERNS[script]
    for core in _cores(folded, script):
        if not pattern.fullmatch(core):
            continue
        stem = next((s for s in drug_stems()[script] if core.endswith(s)), None)
        if stem is None or len(core) - len(stem) < MIN_BEFORE[script] or _name(core, script):
            continue
        return core
    return ""


def _name(core: str, script: str) -> bool:
    if script == "latin":
        sets = word_sets()
        return core in sets["latin_names_only"] or core in sets["latin_names_also_words"]
    if script == "hangul":
        return looks_like_korean_name(core) or core in word_sets()["kiwi_person_names"]
    return False


def is_drug_shaped(word: str) -> bool:
    """``word`` ends in a drug stem with enough before it and has no name's shape (see the module)."""
    return bool(_drug_core(word))


def is_drug_in_context(word: str, before: str, after: str, listed: frozenset[str] = frozenset()) -> bool:
    """``word`` is a drug's name: drug-shaped, and long or near a dose, a word of taking or prescribing
    a drug, or a drug of ``listed`` (the safe vocabulary's), in the same sentence (``before``/``after``:
    the text around it)."""
    if KATAKANA.fullmatch(word) and after.startswith(ACID) and len(word) >= MIN_BEFORE["katakana"]:
        return True  # トラネキサム酸, グリコール酸: a Katakana word before 酸 is an acid's name
    if is_drug_brand_before_dose(word, after):
        return True
    core = _drug_core(word)
    if not core:
        return False
    if len(core) >= LONG_DRUG_NAME[_script(core)]:
        return True
    before = SENTENCE_END.split(before[-CONTEXT_WINDOW:])[-1]  # the same sentence only
    after = SENTENCE_END.split(after[:CONTEXT_WINDOW], maxsplit=1)[0]
    around = before + " | " + after
    return DOSE.search(around) is not None or CUES.search(around) is not None or _listed_drug_near(around, listed)


# A brand's dose or frequency right after it, one space at most between: 10 mg, 2.5mg, 40 IU, bid, q8h. Grams,
# per cent and counts are left out: they follow other things than drugs (Rose 5%, Anna 2 g).
DOSE_RIGHT_AFTER = re.compile(r"[ \t]?\d+(?:[.,]\d+)?[ \t]?(?:mg|mcg|µg|ug|ml|iu|units?)(?![A-Za-z])|"
                              r"[ \t](?:bid|tid|qid|qd|qhs|prn|q\d{1,2}h)(?![A-Za-z])", re.IGNORECASE)
CAPITALISED_LATIN = re.compile(r"[A-Z][a-z]+")
BRAND_MIN = 4


def is_drug_brand_before_dose(word: str, after: str) -> bool:
    """``word`` is a capitalised Latin word of BRAND_MIN letters or more that no name list has, and ``after``
    (the text right after it) starts with a dose or a dosing frequency: Xelvora 10 mg bid. A person's name
    is never dosed so; the callers still refuse it after or before a personal title (Dr. Xelvora)."""
    return len(word) >= BRAND_MIN and CAPITALISED_LATIN.fullmatch(word) is not None \
        and DOSE_RIGHT_AFTER.match(after) is not None and not _name(word.casefold(), "latin")


WORD = re.compile(r"[A-Za-z\u0400-\u04ff]+|[가-힣]+")


def _listed_drug_near(around: str, listed: frozenset[str]) -> bool:
    """A listed drug near it (Metformin and Sitagliptin): drugs are named in lists."""
    for m in WORD.finditer(around):
        word = m.group().casefold()
        if word in listed or (word[0] >= "가" and any(word.endswith(p) and word[:-len(p)] in listed
                                                       for p in KOREAN_PARTICLES)):
            return True
    return False


@functools.cache
def _thai_stem_pattern() -> re.Pattern:
    return re.compile("|".join(map(re.escape, drug_stems()["thai"])))


def thai_drug_stretches(text: str) -> list[tuple[int, int]]:
    """(start, end) of each stretch of Thai letters that ends in a drug stem, up to LONG_DRUG_NAME letters
    back but not past a space or another script, with enough letters before the stem and said as a drug
    (ทายาคลินดาไมซิน, กินยาเมโทรนิดาโซล 250 มก.). Thai has no spaces: the stretch is where a drug's name
    can be, and the caller keeps only the pieces inside it that no name rule took."""
    found = []
    for stem in _thai_stem_pattern().finditer(text):
        start = stem.start()
        while start > 0 and THAI.match(text[start - 1]) and stem.end() - start < LONG_DRUG_NAME["thai"]:
            start -= 1
        if stem.start() - start < MIN_BEFORE["thai"]:
            continue
        before = SENTENCE_END.split(text[max(0, start - CONTEXT_WINDOW):start])[-1]
        after = SENTENCE_END.split(text[stem.end():stem.end() + CONTEXT_WINDOW], maxsplit=1)[0]
        around = before + text[start:stem.end()] + " | " + after
        if DOSE.search(around) or CUES.search(around):
            found.append((start, stem.end()))
    return found
