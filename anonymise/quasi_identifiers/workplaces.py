"""Workplaces and employers: 삼성전자, 네이버에서 일해요, (주)한빛소프트, OO은행 다녀요, I work at Google,
Acme Inc. A workplace has no coarser form that keeps it useful without naming it, so every release
replaces it (<WORKPLACE>).

Found by a list of employers (data/employers.tsv; names that are also ordinary words or brands only
after a work cue), by a company's form (a proper noun ending in 전자/은행/건설 …, (주)…, … Inc.),
and by a proper noun right before a work cue (X에서 근무, X 다니고) that is not a school.
"""
from __future__ import annotations

import functools
import re

from anonymise import vocabulary
from anonymise.quasi_identifiers.base import QuasiSpan, alternation, hangul_rest, korean_tail_ok, read_table
from anonymise.quasi_identifiers.places import is_one_proper_noun, is_proper_noun
from anonymise.quasi_identifiers.schools import SCHOOL_WORD

NAME = "Workplace"
TYPE = "WORKPLACE"

# Korean: after the name (삼성전자 다니고, 네이버에서 일해요, 현대차에 재직 중); English: before it.
KO_WORK_CUE = re.compile(r"(?:에서|에|\s)?\s?(?:다니|다녀|다닙|근무|재직|일하|일해|일합|일했|출근|입사|퇴사|인턴|직원|사원|"
                         r"소속|취업|이직)")
EN_WORK_CUE = re.compile(r"(?i)\b(?:work(?:s|ed|ing)?\s(?:at|for|in)|employed\s(?:at|by)|job\sat|intern(?:ing)?\sat|"
                         r"employee\sof|engineer\sat|manager\sat|analyst\sat)\s(?:the\s)?$")
COMPANY_ENDINGS = ("전자", "자동차", "그룹", "건설", "증권", "은행", "생명", "화재", "보험", "카드", "제약", "바이오", "화학",
                   "물산", "상사", "중공업", "통신", "텔레콤", "항공", "해운", "엔터테인먼트", "엔터", "소프트", "에너지",
                   "반도체", "디스플레이", "식품", "제과", "백화점", "홈쇼핑", "신문사", "방송국", "공사", "공단", "테크",
                   "시스템즈", "랩스", "코리아")
KO_CORPORATE = re.compile(r"(?:\(주\)|㈜|주식회사\s?)\s?([가-힣A-Za-z0-9]+)|([가-힣A-Za-z0-9]+)\s?(?:\(주\)|㈜|주식회사)")
EN_CORPORATE = re.compile(r"\b((?:[A-Z][\w&'-]*\s){0,3}[A-Z][\w&'-]*),?\s(?:Inc|Corp|Corporation|Ltd|LLC|Co|GmbH|PLC)\b\.?")
# A word of a name may hold dots (A.B.C); one ending in a dot ends the name (what follows is the next
# sentence: Acme Inc. I am), unless it is an initial or a short abbreviation before more of it (J.P. Hale,
# St. Brennan Hospital).
_EN_WORD = r"[A-Z][\w&'-]*(?:\.[\w&'-]+)*"
_EN_INITIAL = r"(?:(?:[A-Z]\.)+|(?!Co\.)[A-Z][a-z]\.)(?=\s[A-Z])"
EN_NAME_AFTER_CUE = re.compile(rf"(?:{_EN_INITIAL}|{_EN_WORD})(?:\s(?:{_EN_INITIAL}|{_EN_WORD})){{0,3}}\.?")
CORPORATE_ABBREVIATION = re.compile(r"\b(?:Inc|Corp|Ltd|Co|LLC|PLC|GmbH)\.$")
SENTENCE_AFTER = re.compile(r"[ \t]*(?:$|\n|[A-Z\"“'‘(<])")
HANGUL_WORD = re.compile(r"[가-힣A-Za-z0-9]+")
# A numbered military unit is where someone serves (7사단, 제3함대, 102보충대): a workplace.
MILITARY_UNIT = re.compile(r"(?<![\d.])(?:제\s?)?\d{1,4}\s?(?:사단|군단|여단|연대|대대|비행단|전투비행단|함대|보충대|기갑여단|특전여단|공수여단)")


@functools.cache
def _employers() -> tuple[re.Pattern, dict[str, bool]]:
    """One pattern over the listed employers; name -> whether it counts without a work cue."""
    names = {name: kind == "any" for name, kind in read_table("employers.tsv")}
    return re.compile(rf"(?<![\w가-힣])(?:{alternation(names)})"), names


class Workplace:
    name = NAME
    qi_type = TYPE

    def find(self, text: str) -> list[QuasiSpan]:
        spans = []
        pattern, names = _employers()
        for match in pattern.finditer(text):
            name = match.group(0)
            rest = hangul_rest(text, match.end())
            if rest and not korean_tail_ok(rest) and not rest.startswith(("다니", "다녀", "근무", "재직")):
                continue  # 현대적인, 삼성동: a longer word
            if re.match(r"[A-Za-z]", name) and re.match(r"[\w-]", text[match.end():match.end() + 1]):
                continue
            if names[name] or KO_WORK_CUE.match(text, match.end() + len(rest) if korean_tail_ok(rest) else match.end()) \
                    or EN_WORK_CUE.search(text[max(0, match.start() - 40):match.start()]):
                spans.append(QuasiSpan(TYPE, *match.span(), NAME))
        for match in KO_CORPORATE.finditer(text):
            spans.append(QuasiSpan(TYPE, *match.span(), NAME))
        for match in EN_CORPORATE.finditer(text):
            spans.append(QuasiSpan(TYPE, match.start(), own_dot_end(text, *match.span()), NAME))
        for match in EN_NAME_AFTER_CUE.finditer(text):
            if EN_WORK_CUE.search(text[max(0, match.start() - 40):match.start()]):
                spans.append(QuasiSpan(TYPE, match.start(), own_dot_end(text, *match.span()), NAME))
        spans += self._korean_forms(text)
        spans += [QuasiSpan(TYPE, *m.span(), NAME) for m in MILITARY_UNIT.finditer(text)]
        return spans

    @staticmethod
    def _korean_forms(text: str) -> list[QuasiSpan]:
        spans = []
        for word_match in HANGUL_WORD.finditer(text):
            word, start = word_match.group(0), word_match.start()
            cue_after = None  # the work cue after the word, searched only for a word with a candidate
            for n, shaped, rest_cue in _korean_candidates(word):
                if cue_after is None:
                    cue_after = bool(KO_WORK_CUE.match(text, start + len(word)))
                work_cue = cue_after or rest_cue
                if not (shaped or work_cue):
                    continue  # whatever Kiwi reads, no workplace: Kiwi is not asked
                stem = word[:n]
                if not is_proper_noun(stem):
                    # 미래은행 다녀요: a company's form before a work cue, even made of words Kiwi knows.
                    if shaped and work_cue and not vocabulary.is_ordinary_word(stem, "ko"):
                        spans.append(QuasiSpan(TYPE, start, start + n, NAME))
                        break
                    continue
                # A company's form (한빛소프트, 대한은행), or one proper noun before a work cue (네이버에서 일해요).
                if shaped or (work_cue and is_one_proper_noun(stem) and not stem.endswith(("역", "동", "구"))):
                    spans.append(QuasiSpan(TYPE, start, start + n, NAME))
                    break
        return spans


def own_dot_end(text: str, start: int, end: int) -> int:
    """Where an English name in text[start:end] ends: at an abbreviation's own dot (Corvane Ltd. and),
    before any other dot, and before the dot of an abbreviation that also ends the sentence (Acme Inc.
    I am 34): the full stop stays the text's."""
    if text[end - 1] == "." and (not CORPORATE_ABBREVIATION.search(text, start, end) or SENTENCE_AFTER.match(text, end)):
        return end - 1
    return end


@functools.lru_cache(maxsize=100_000)
def _korean_candidates(word: str) -> tuple[tuple[int, bool, bool], ...]:
    """The stems of ``word`` that ``_korean_forms`` weighs, longest first: (stem length, company form, a
    work cue in the rest of the word). Kiwi's reading of a stem is asked there, only for a stem that a
    company form or a work cue makes a candidate (most stems of most words are neither)."""
    found = []
    for n in range(len(word), 1, -1):
        stem, rest = word[:n], word[n:]
        if not korean_tail_ok(rest) or SCHOOL_WORD.fullmatch(stem):
            continue
        found.append((n, stem.endswith(COMPANY_ENDINGS) and len(stem) > 2, bool(KO_WORK_CUE.match(rest))))
    return tuple(found)
