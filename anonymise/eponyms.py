"""Eponyms: a listed eponym right before a medical head noun names a disease, sign, procedure or
instrument (Hartmann procedure, Swan-Ganz catheter, Valsalva maneuver), not a person of the record;
so does one after "<head> of" (nevus of Ota, circle of Willis). An unlisted word there may be a
name (Jessica grade 3, Emily line), unless a scale's grade follows it (scale_before_grade). In the possessive only a listed eponym
is one (Bell's palsy, Baker's cyst, Hashimoto's alone), since people own bodies, implants and cysts
too (Anna's implants); so is a listed scale before a grade (Fitzpatrick III, Norwood 4). The list is
vocabulary/eponymous_conditions.txt; its Cyrillic eponyms only in the genitive after a Russian head noun
(болезнь Бехтерева). A hospital location label (Ward 6B, Bed 12) is no name either.
Detectors ask ``is_eponym(text, start, end)`` before removing a lone capitalised word as a name.
"""
from __future__ import annotations

import re

from anonymise.name_data import EPONYMOUS_CONDITIONS, LATIN_EPONYM_TITLES, SCALE_GRADE_AFTER

HEADS = ("palsy|cyst|cysts|disease|syndrome|sign|signs|test|tests|maneuver|manoeuvre|procedure|procedures|operation|"
         "surgery|score|scale|classification|catheter|catheters|tube|line|fracture|flap|incision|technique|method|"
         "ligament|node|nodes|cell|cells|gland|glands|duct|reflex|phenomenon|repair|stitch|suture|position|point|"
         "points|criteria|index|law|triad|effect|rule|hernia|tumou?r|lymphoma|ulcer|contracture|thyroiditis|"
         "disorder|anomaly|deformity|lines|fold|folds|space|pouch|canal|membrane|body|bodies|nerve|muscle|"
         "approach|retractor|forceps|clamp|needle|lens|implant|implants|plane|lift|block|angle|type|types|"
         "grade|staging|stage|dressing|mask|bag|valve|shunt|drain|filter|dilator|speculum|curette|elevator|"
         "osteotomy|plasty|anastomosis|pessary|sphincter|capsule|area|zone|triangle|ratio|equation|formula|"
         "protocol|regimen|solution|infusion|peel|peels|angioma|angiomas|nevus|naevus|nevi|naevi|spots?|granules|papules|edema|oedema|"
         "neuralgia|arthritis|ataxia|dystrophy|palsies|phenomena|spectrum")
AFTER = re.compile(rf"[ \t]+(?:{HEADS})\b", re.IGNORECASE)
# Rose oil, Jasmine extract: a plant or product name before what is made of it (never possessive:
# Anna's cream is Anna's).
PRODUCT_AFTER = re.compile(r"[ \t]+(?:oil|oils|extract|serum|cream|balm|water|seed|butter|tea|laser|lasers)\b",
                           re.IGNORECASE)
# Ward 6B, Bed 12, Bay C: a hospital location label, not a surname.
LOCATION_LABEL = re.compile(r"(?:Ward|Bed|Bay|Theatre|Theater|Pod)[ \t]+[0-9A-Z][0-9A-Za-z]{0,3}\b")
# nevus of Ota, tetralogy of Fallot, pouch of Douglas: the head comes first.
HEAD_OF_BEFORE = re.compile(r"\b(?:nevus|naevus|nevi|naevi|tetralogy|circle|loop|pouch|ligament|sphincter|islets?|organ|"
                            r"canal|angle|ampulla|crypts?|glands?|space|triangle|node)[ \t]+of[ \t]+$", re.IGNORECASE)
POSSESSIVE_AFTER = re.compile(r"(?:['’]s?)(?![A-Za-z])")
# Fitzpatrick III, Norwood 4, Glogau type II: a grade after a listed scale's name; in Korean text with
# its grade word glued on (Ludwig 2단계, Norwood 3형이라고).
GRADE_AFTER = SCALE_GRADE_AFTER
# 피츠패트릭 3형, 노우드 4단계, 피츠패트릭 타입 III: a grade after a scale's name in Hangul.
KOREAN_GRADE_AFTER = re.compile(r"[ \t]?(?:타입|유형|type|grade|stage)?[ \t]?(?:[IV]{1,3}|VI|[\u2160-\u2165]|[1-7])(?![\dA-Za-z])")
# 루드비히 2단계, 해밀턴 타입 IV: a grade with its grade word after a word, what follows a scale's name
# whether or not the scale is listed (3형제, three brothers, is no grade).
KOREAN_GRADE_SHAPE = re.compile(r"[ \t]?(?:(?:타입|유형|type|grade|stage)[ \t]?(?:[IV]{1,3}|VI|[\u2160-\u2165]|[1-7])(?![\dA-Za-z])|"
                                r"(?:[IV]{1,3}|VI|[\u2160-\u2165]|[1-7])[ \t]?(?:형(?!제)|단계|등급))", re.IGNORECASE)
HANGUL = re.compile(r"[가-힣]")
LATIN_GRADE_WORD_AFTER = re.compile(r"[ \t]+(?:type|grade|stage|class)[ \t]+(?:[IV]{1,3}|VI|[1-7][a-dA-D]?)(?![\w])",
                                    re.IGNORECASE)
TITLE_BEFORE = re.compile(r"\b(?:%s)\.?[ \t]+$" % "|".join(LATIN_EPONYM_TITLES))


# A Russian head noun (any case ending) right before an eponym in the genitive: болезнь Бехтерева, комков Биша,
# синдром Иценко-Кушинга, отёк Квинке.
RUSSIAN_HEAD_BEFORE = re.compile(r"(?<![а-яё])(?:болезн|синдром|комо?к|комочк|симптом|отек|отёк|кист|контрактур|операци|"
                                 r"пластик|метод|шкал|проб|тест|узел|узл|артрит|тиреоидит|паралич|невус|невральги|"
                                 r"перелом|грыж|язв|лимфом|сумк|желез|триад|феномен|реакци|гранул|пятн)[а-яё]*[ \t]+$",
                                 re.IGNORECASE)
RUSSIAN_GENITIVE_ENDINGS = "аяу"


def is_russian_eponym(text: str, start: int, end: int) -> bool:
    """text[start:end], a capitalised Cyrillic word, is a listed eponym (eponymous_conditions.txt's Cyrillic
    lines) as written or in the genitive, each part of a hyphenated one, right after a Russian head noun
    (болезнь Бехтерева, комок Биша). Alone it may be a surname (Бехтерева), so only after the head."""
    parts = text[start:end].casefold().replace("ё", "е").split("-")
    if not RUSSIAN_HEAD_BEFORE.search(text, max(0, start - 24), start):
        return False
    return all(p in EPONYMOUS_CONDITIONS or (p[-1:] in RUSSIAN_GENITIVE_ENDINGS and p[:-1] in EPONYMOUS_CONDITIONS)
               for p in parts if p) and any(parts)


def is_scale_before_grade(text: str, start: int, end: int) -> bool:
    """text[start:end] is a listed scale's name in Hangul and a grade follows it (피츠패트릭 3형)."""
    return text[start:end] in EPONYMOUS_CONDITIONS and KOREAN_GRADE_AFTER.match(text, end) is not None


def scale_before_grade(text: str, start: int, end: int) -> bool:
    """text[start:end], one word with no name's shape and no personal title before it, is a scale's name,
    listed or not, because a grade with its grade word follows it: a Hangul word before any grade
    shape (노우드 5단계, 로젠탈 타입 III), a Latin one before an English grade word (Velmarsh grade 3).
    A Latin word before a Korean grade word is one only when listed (Kavelin 2단계 goes; see
    GRADE_AFTER). The anonymiser keeps such a word and the leak gate vouches for it by this one rule."""
    word = text[start:end]
    hangul = HANGUL.match(word) is not None
    if not word or TITLE_BEFORE.search(text, max(0, start - 8), start) or \
            (KOREAN_GRADE_SHAPE if hangul else LATIN_GRADE_WORD_AFTER).match(text, end) is None:
        return False
    from anonymise import vocabulary  # it reads the name lists; eponyms is imported by vocabulary's users

    return not vocabulary.is_name_word(word, "ko" if hangul else "en")


# A Roman-numeral grade and the words that may stand between it and its scale (skin type, grade).
ROMAN_GRADE = re.compile(r"(?:[IV]{1,3}|VI)(?:[-–/~](?:[IV]{1,3}|VI))?")
SCALE_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")


def is_grade_of_listed_scale(text: str, start: int, end: int) -> bool:
    """text[start:end] is a Roman numeral (VI, IV: also short given names) in the grade after a listed
    scale's name (Fitzpatrick VI, Fitzpatrick skin type IV, Fitzpatrick V-VI): a grade, not a person."""
    if not ROMAN_GRADE.fullmatch(text[start:end]):
        return False
    for word in SCALE_WORD.finditer(text, max(0, start - 40), start):
        if word.group().casefold() in EPONYMOUS_CONDITIONS and not TITLE_BEFORE.search(text, max(0, word.start() - 8),
                                                                                        word.start()):
            grade = GRADE_AFTER.match(text, word.end())
            if grade and grade.start() < start and grade.end() >= end:
                return True
    return False


def is_eponym(text: str, start: int, end: int) -> bool:
    """Whether text[start:end], one capitalised word (its 's included or not), is an eponym by the rules
    above; never after a personal title (Dr. Baker's test results name a doctor)."""
    word = text[start:end]
    label = LOCATION_LABEL.match(text, start)
    if label and label.end() > end:
        return True
    if not word[:1].isupper() or TITLE_BEFORE.search(text, max(0, start - 8), start):
        return False
    if " " in word.strip():
        # An NER span "Fitzpatrick III": a listed scale and its grade.
        first = word.split()[0]
        return first.casefold() in EPONYMOUS_CONDITIONS and GRADE_AFTER.fullmatch(word[len(first):]) is not None
    if eponym_by_head(text, start, end):
        return True
    bare = word[:-2] if word.endswith(("'s", "’s")) else word.rstrip("'’")
    possessive = bare != word or POSSESSIVE_AFTER.match(text, end) is not None
    if possessive:
        # Anna's body, Mina's implants, a made-up name's cyst: a person's. Only a listed eponym is
        # vouched for in the possessive (Baker's cyst, Hashimoto's), whatever follows it.
        return bare.casefold() in EPONYMOUS_CONDITIONS
    if (bare.casefold() in EPONYMOUS_CONDITIONS and GRADE_AFTER.match(text, end)) or scale_before_grade(text, start, end):
        return True
    return PRODUCT_AFTER.match(text, end) is not None


def eponym_by_head(text: str, start: int, end: int) -> bool:
    """text[start:end], one capitalised word with no personal title before it and not in the possessive,
    is a listed eponym with a head noun after it (Swan-Ganz catheter, Hashimoto thyroiditis) or before it
    (nevus of Ota). Only a listed one: any word before a head noun may be a person's name the name lists
    do not have (Jessica grade 3, Priyanka line), and the leak gate refuses those. The anonymiser keeps
    such a word and the gate vouches for it by this one rule."""
    word = text[start:end]
    if not word[:1].isupper() or TITLE_BEFORE.search(text, max(0, start - 8), start) or \
            word.endswith(("'", "’", "'s", "’s")) or POSSESSIVE_AFTER.match(text, end):
        return False  # in the possessive only a listed eponym (is_eponym): Mirelka's cyst is hers
    if AFTER.match(text, end) is None and HEAD_OF_BEFORE.search(text, max(0, start - 24), start) is None:
        return False
    return word.casefold() in EPONYMOUS_CONDITIONS

