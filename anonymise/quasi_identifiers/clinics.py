"""Korean clinics and hospitals named where a name is certain: a university hospital (한빛대학교병원,
한빛대 병원), a clinic in a signature, a sender line or a doctor's parenthesis (…원장 OOO 드림,
발신: 새봄병원, (새봄병원 내과 OOO 교수)), and a clinic before a verb of working or of having been
operated there (새봄치과에서 근무해요, 새봄병원에서 수술했어요).

A named clinic other than the record's own identifies the patient who went there or the doctor who
works there: its name goes, its kind stays (<WORKPLACE>병원). Where the form says nothing more than
a kind (동네 병원, 대학병원, 새로운치과, 여성병원) the words stay; anonymise.quasi_identifiers.workplaces
reads names of a clinic's own form (맑은숲안과, 부산하늘병원) wherever they stand.
"""
from __future__ import annotations

import functools
import re

from anonymise import vocabulary
from anonymise.kiwi_words import kiwi_tokens
from anonymise.name_data import KOREAN_PERSON_TITLES, KOREAN_ROLE_TITLES, KOREAN_STAFF_TITLES
from anonymise.recognizers.person_korean import KIWI_FIRST_KNOWN_ID
from anonymise.quasi_identifiers.base import QuasiSpan, alternation, hangul_rest, korean_tail_ok, read_words
from anonymise.quasi_identifiers.places import known_place
from anonymise.quasi_identifiers.workplaces import CLINIC_KINDS, NOT_CLINIC_NAMES, SCHOOL_KINDS

NAME = "NamedClinic"
TYPE = "WORKPLACE"

HOSPITAL_KINDS = ("치과병원", "한방병원", "병원", "의료원", "병원장")
# 한빛대학교병원, 한빛대병원, 한빛대 병원, 한빛대학교 치과병원: a university's name, the university word, a hospital.
UNIVERSITY_HOSPITAL = re.compile(rf"(?<![가-힣])([가-힣]{{2,8}}?(?:대학교|대학|대))[ \t]?({alternation(HOSPITAL_KINDS)})")
NOT_UNIVERSITY_NAMES = read_words("not_university_names_ko.txt")
KIND_WORDS = read_words("clinic_kind_words_ko.txt")
# 루미엘 성형외과 원장, Lumiere 피부과 원장: a name written apart from the kind, where a title or a work
# verb says one clinic is meant.
CLINIC_SPACED = re.compile(rf"(?<![가-힣A-Za-z])([가-힣]{{2,8}}|[A-Za-z][A-Za-z&'-]{{1,15}})[ \t]"
                           rf"({alternation(k for k in CLINIC_KINDS if k not in SCHOOL_KINDS)})")
CLINIC_GLUED = re.compile(rf"(?<![가-힣])([가-힣0-9]{{2,10}}?)({alternation(k for k in CLINIC_KINDS if k not in SCHOOL_KINDS)})")
# The clinic in a signature or a doctor's line: (department,) a title or a closing after it.
# The titles are the vocabulary's (offices, clinic staff and roles of titles_ko.txt); the desk, its staff and
# a letter's closing are said here.
CLINIC_TITLES = KOREAN_PERSON_TITLES | set(KOREAN_STAFF_TITLES) | KOREAN_ROLE_TITLES
TITLE_AFTER = re.compile(rf"(?:[ \t]?[가-힣]{{1,8}}(?:과|센터|팀|실))?[ \t]?(?:{alternation(CLINIC_TITLES)}|원무과|상담실|직원|드림|올림)")
# A sender line: the clinic is what the line says it comes from.
SENDER_BEFORE = re.compile(r"(?:발신(?:처|인|자)?|보낸[ \t]?곳|보내는[ \t]?곳|보낸[ \t]?사람|from|From|FROM)[ \t]*[:：]?[ \t]*$")
# (새봄병원 내과 OOO 교수): a parenthesis that gives someone's hospital and title.
PAREN_TITLE = re.compile(r"[^()\n]{0,30}?(?:교수|원장|선생님|전문의|과장|의사)[^()\n]{0,10}\)")
# Where someone works or was operated on (에서 일하는데, 에 근무, 에서 수술했어요).
WORK_OR_SURGERY_AFTER = re.compile(r"(?:에서|에)(?:는|도)?[ \t]?(?:일하|일해|일합|일했|근무|재직|출근|수술(?:을|도)?[ \t]?(?:했|받|하셨)|"
                                   r"수술했|시술(?:을)?[ \t]?(?:했|받)|인턴|레지던트|전공의)")


class NamedClinic:
    name = NAME
    qi_type = TYPE

    def find(self, text: str) -> list[QuasiSpan]:
        if not re.search(r"[가-힣]", text):
            return []
        spans = [QuasiSpan(TYPE, *m.span(1), NAME) for m in UNIVERSITY_HOSPITAL.finditer(text)
                 if _university_name(m.group(1))]
        for pattern in (CLINIC_GLUED, CLINIC_SPACED):
            for match in pattern.finditer(text):
                name, kind = match.groups()
                spaced = pattern is CLINIC_SPACED
                if korean_tail_ok(hangul_rest(text, match.end())) and _said_to_be_a_clinic(text, match) and \
                        _may_name_a_clinic(name, kind) and not (spaced and _plain_word(name)):
                    spans.append(QuasiSpan(TYPE, *match.span(1), NAME))
        return spans


def _said_to_be_a_clinic(text: str, match: re.Match) -> bool:
    """The words around the clinic word say it is one particular clinic (a title, a sender, a work verb)."""
    line_start = text.rfind("\n", 0, match.start()) + 1
    if SENDER_BEFORE.search(text, line_start, match.start()):
        return True
    end = match.end() + len(hangul_rest(text, match.end()))
    if TITLE_AFTER.match(text, match.end()) or WORK_OR_SURGERY_AFTER.match(text, match.end()):
        return True
    before = text[line_start:match.start()].rstrip(" \t")
    return before.endswith(("(", "（")) and bool(PAREN_TITLE.match(text, end))


@functools.lru_cache(maxsize=10_000)
def _may_name_a_clinic(name: str, kind: str) -> bool:
    """A word that can be a clinic's name: not a kind, a determiner or an adjective (새로운치과, 큰병원)."""
    if name in NOT_CLINIC_NAMES or name in KIND_WORDS or name.endswith("과") or vocabulary.is_safe_term(name, "ko"):
        return False
    tokens = [t for t in kiwi_tokens(name + kind) if t.start < len(name)]
    # 소화기내과, 감염내과: a department of internal medicine is named by dictionary nouns; a clinic of
    # internal medicine by a name Kiwi reads as one or does not know.
    if kind == "내과" and not any(t.tag == "NNP" or t.id < KIWI_FIRST_KNOWN_ID for t in tokens):
        return False
    # 새로운, 큰, 그, 저희: a modifier or a pronoun before the kind; a particle makes a phrase. Kiwi's
    # other readings of an unknown name (해든: 해+이+든) say nothing either way.
    return bool(tokens) and not tokens[-1].tag.startswith(("ETM", "MM", "NP", "VA", "VV", "MAG")) and \
        not any(t.tag.startswith("J") for t in tokens)


def _plain_word(word: str) -> bool:
    """An ordinary word written before a kind (요즘 병원, good clinic) qualifies it: no name."""
    latin = word.isascii()
    return vocabulary.is_ordinary_word(word, "en" if latin else "ko") or \
        (not latin and vocabulary.is_frequent_korean_word(word, common=True))


@functools.lru_cache(maxsize=10_000)
def _university_name(word: str) -> bool:
    root = re.sub(r"(?:대학교|대학|대)$", "", word)
    return len(root) >= 2 and root not in NOT_UNIVERSITY_NAMES and root not in NOT_CLINIC_NAMES and \
        not root.endswith(("과", "의")) and \
        (not vocabulary.is_safe_term(root, "ko") or known_place(root, provinces=True))  # 부산대학교병원: a city's university
