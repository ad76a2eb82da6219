"""Drug names by their form: the endings of drug_stems.txt (WHO INN stems: -mab, -prazole, -맙, -сартан).

No list holds every drug, but most generic names end in a stem that says their class. A word ending
in one is a drug's name (``is_drug_shaped``) when enough letters come before the ending (three
Latin or Cyrillic letters, two Hangul syllables: Lumab, 리맙 are not) and it has no name's shape: not
on the name lists (Latin), no surname + given-name shape nor a word of a person's name in Kiwi's
dictionary of people (Hangul). Russian surnames end like drugs (-ин, -ов), so Cyrillic is judged by
the stem alone. A word so shaped is vouched for (``is_drug_in_context``) when it is long enough that
no name ends so (LONG_DRUG_NAME) or a drug's context is near: a dose (20mg, 5 мг, 1정), a word of
taking or prescribing (복용, 처방, 바르다, prescribed, принимаю) or a drug of the safe vocabulary, in the same sentence.
The anonymiser's safe-list pass and the leak gate both ask these functions.
"""
from __future__ import annotations

import functools
import re

from anonymise.name_data import DRUG_STEMS, KOREAN_PARTICLES
from anonymise.vocabulary.name_lists import looks_like_korean_name
from anonymise.vocabulary.packed import word_sets

# Letters before the ending, per script; and from how many letters a drug-shaped word needs no context.
MIN_BEFORE = {"latin": 3, "hangul": 2, "cyrillic": 3}
LONG_DRUG_NAME = {"latin": 11, "hangul": 6, "cyrillic": 11}
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


@functools.cache
def drug_stems() -> dict[str, tuple[str, ...]]:
    """Script -> the endings of drug_stems.txt (name_data.DRUG_STEMS) in it, longest first."""
    stems: dict[str, list[str]] = {"latin": [], "hangul": [], "cyrillic": []}
    for stem in DRUG_STEMS:
        stems[_script(stem)].append(stem)
    return {script: tuple(sorted(found, key=len, reverse=True)) for script, found in stems.items()}


def _script(word: str) -> str:
    return "hangul" if HANGUL.search(word) else "cyrillic" if CYRILLIC.search(word) else "latin"


def _cores(folded: str, script: str) -> list[str]:
    """The word as given and without what may follow a drug's name (its particles, case ending, 's)."""
    if script == "latin":
        return [POSSESSIVE.sub("", folded)]
    if script == "cyrillic":
        return [folded, RUSSIAN_CASE_ENDING.sub("", folded)]
    return [folded] + [folded[:-len(p)] for p in KOREAN_PARTICLES if folded.endswith(p) and len(folded) > len(p)]


@functools.lru_cache(maxsize=20_000)
def _drug_core(word: str) -> str:
    """The drug's name in ``word`` (without particles or case endings) when it is drug-shaped, else ''."""
    folded = word.casefold()
    script = _script(folded)
    pattern = {"latin": LATIN, "hangul": HANGUL, "cyrillic": CYRILLIC}[script]
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
    core = _drug_core(word)
    if not core:
        return False
    if len(core) >= LONG_DRUG_NAME[_script(core)]:
        return True
    before = SENTENCE_END.split(before[-CONTEXT_WINDOW:])[-1]  # the same sentence only
    after = SENTENCE_END.split(after[:CONTEXT_WINDOW], maxsplit=1)[0]
    around = before + " | " + after
    return DOSE.search(around) is not None or CUES.search(around) is not None or _listed_drug_near(around, listed)


WORD = re.compile(r"[A-Za-z\u0400-\u04ff]+|[가-힣]+")


def _listed_drug_near(around: str, listed: frozenset[str]) -> bool:
    """A listed drug near it (Metformin and Sitagliptin): drugs are named in lists."""
    for m in WORD.finditer(around):
        word = m.group().casefold()
        if word in listed or (word[0] >= "가" and any(word.endswith(p) and word[:-len(p)] in listed
                                                       for p in KOREAN_PARTICLES)):
            return True
    return False
