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
from anonymise.kiwi_words import kiwi_tokens
from anonymise.recognizers.person_korean import KIWI_FIRST_KNOWN_ID
from anonymise.quasi_identifiers.base import QuasiSpan, alternation, hangul_rest, korean_tail_ok, read_table, read_words
from anonymise.quasi_identifiers.places import is_one_proper_noun, is_proper_noun, known_place
from anonymise.quasi_identifiers.schools import SCHOOL_WORD

NAME = "Workplace"
TYPE = "WORKPLACE"

# Korean: after the name (삼성전자 다니고, 네이버에서 일해요, 현대차에 재직 중); English: before it.
KO_WORK_CUE = re.compile(r"(?:에서|에|\s)?\s?(?:다니|다녀|다닙|근무|재직|일하|일해|일합|일했|출근|입사|퇴사|인턴|직원|사원|"
                         r"소속|취업|이직|알바|아르바이트)")
EN_WORK_CUE = re.compile(r"(?i)\b(?:work(?:s|ed|ing)?\s(?:at|for|in)|employed\s(?:at|by)|job\sat|intern(?:ing)?\sat|"
                         r"employee\sof|engineer\sat|manager\sat|analyst\sat)\s(?:the\s)?$")
COMPANY_ENDINGS = ("전자", "자동차", "그룹", "건설", "증권", "은행", "생명", "화재", "보험", "카드", "제약", "바이오", "화학",
                   "물산", "상사", "중공업", "통신", "텔레콤", "항공", "해운", "엔터테인먼트", "엔터", "소프트", "에너지",
                   "반도체", "디스플레이", "식품", "제과", "백화점", "홈쇼핑", "신문사", "방송국", "공사", "공단", "테크",
                   "시스템즈", "랩스", "코리아")
KO_CORPORATE = re.compile(r"(?:\(주\)|㈜|주식회사\s?)\s?([가-힣A-Za-z0-9]+)|([가-힣A-Za-z0-9]+)\s?(?:\(주\)|㈜|주식회사)")
# Velonix Co., Ltd., Harbin Pte Ltd: a two-word legal form goes with the name, not only its first word.
EN_CORPORATE = re.compile(r"\b((?:[A-Z][\w&'-]*\s){0,3}[A-Z][\w&'-]*),?\s(?:Co\.?,?\s?Ltd|Pte\.?\s?Ltd|Sdn\.?\s?Bhd|"
                          r"Pty\.?\s?Ltd|Inc|Corp|Corporation|Ltd|LLC|Co|GmbH|PLC)\b\.?")
# A word of a name may hold dots (A.B.C); one ending in a dot ends the name (what follows is the next
# sentence: Acme Inc. I am), unless it is an initial or a short abbreviation before more of it (J.P. Hale,
# St. Brennan Hospital).
_EN_WORD = r"[A-Z][\w&'-]*(?:\.[\w&'-]+)*"
_EN_INITIAL = r"(?:(?:[A-Z]\.)+|(?!Co\.)[A-Z][a-z]\.)(?=\s[A-Z])"
EN_NAME_AFTER_CUE = re.compile(rf"(?:{_EN_INITIAL}|{_EN_WORD})(?:\s(?:{_EN_INITIAL}|{_EN_WORD})){{0,3}}\.?")
CORPORATE_ABBREVIATION = re.compile(r"\b(?:Inc|Corp|Ltd|Co|LLC|PLC|GmbH)\.$")
SENTENCE_AFTER = re.compile(r"[ \t]*(?:$|\n|[A-Z\"“'‘(<])")
HANGUL_WORD = re.compile(r"[가-힣A-Za-z0-9]+")
# A word in the slot of an employment phrase (한솔에서 일해요, 푸른빛에 근무, 새벽별 재직 중) names the employer
# whatever word it is. One attends a gym or a class too (헬스장 다녀요): after 다니다 only a word Kiwi does
# not know names one; 다녀오다 (a visit) is no cue at all.
# A shift is worked at an employer too (다온 야간조, 다온물류에서 3교대).
EMPLOYMENT_SLOT = re.compile(r"(?:에서|에)?\s?(?:(?:근무|재직|소속|출근|입사|퇴사|일하|일해|일합|일했|취업|이직|알바|아르바이트|"
                             r"야간조|주간조|[2-4]\s?교대|교대\s?근무)|"
                             r"(?P<attend>다니(?!러)|다녀(?!오|왔|와)|다닙|다녔))")
# Kiwi's tags a name in that slot is made of: nouns, foreign letters, a prefix or suffix, an adjective's
# stem and ending before a noun (맑은솔); a word with a particle, a verb's ending or an adverb is a clause.
NAME_TAGS = frozenset("NNG NNP SL SH XPN XSN XR VA ETM".split())
# The cue as a noun after the word (재택 근무, 야간 근무): the two make an ordinary compound.
SLOT_NOUNS = ("근무", "출근", "입사", "퇴사", "취업", "이직", "알바", "아르바이트")
# KT케미칼, HN바이오텍: a Latin group's letters glued to a Hangul business word make one company's name.
BUSINESS_WORDS = COMPANY_ENDINGS + tuple(sorted(read_words("business_words_ko.txt")))
LATIN_HANGUL_COMPANY = re.compile(rf"(?<![A-Za-z0-9])[A-Z][A-Z0-9&]{{0,5}}[가-힣]{{0,6}}?(?:{alternation(BUSINESS_WORDS)})")
# 회사(다온텍), 직장(HN바이오): the employer named in a parenthesis after the word for one's workplace.
NAMED_IN_PARENTHESIS = re.compile(r"(?:회사|직장|근무처|근무지|일터|소속|재직처)[ \t]?[(（][ \t]?([^()（）\n]{2,24}?)[ \t]?[)）]")


# 강남구 미소치과, 분당 서울바른안과의원, 송도 채드윅국제학교: a district or city word, a space, then a
# clinic's, hospital's or school's name before its kind; the name goes, the kind (치과, 안과의원) stays.
CLINIC_KINDS = ("치과의원", "치과병원", "치과", "안과의원", "안과", "피부과의원", "피부과", "성형외과의원", "성형외과", "정형외과",
                "이비인후과", "산부인과", "소아과", "내과", "한의원", "의원", "병원", "클리닉", "메디컬", "국제학교",
                "외국인학교", "학교", "유치원", "어학원")
SCHOOL_KINDS = ("국제학교", "외국인학교", "학교", "유치원", "어학원")
PLACE_THEN_CLINIC = re.compile(rf"(?<![가-힣])([가-힣]{{2,6}})[ \t]([가-힣A-Za-z0-9]{{1,12}}?)({alternation(CLINIC_KINDS)})")
NOT_CLINIC_NAMES = read_words("not_clinic_names_ko.txt")
# 맑은눈안과, 바른척추병원, 튼튼정형외과, 한빛병원: a clinic named by an adjective before a noun, by a proper
# noun or by a word Kiwi does not know, before its kind; the name goes, the kind stays. A name of one
# common dictionary noun (소아치과 and 미소치과 alike) is no such form.
CLINIC_WORD = re.compile(rf"(?<![가-힣])([가-힣0-9]{{2,10}}?)({alternation(k for k in CLINIC_KINDS if k not in SCHOOL_KINDS)})")
# 국토교통부에서 근무, 관세청 다녀요, 환경부 공무원: a public body by its ending, before a work cue or a
# civil servant's title.
GOVERNMENT_BODY = re.compile(r"(?<![가-힣])([가-힣]{2,10}(?:부|청|처|위원회|공단|공사))(?=(?:에서|에|\s)?\s?(?:다니|다녀|다닙|근무|"
                             r"재직|일하|일해|일합|일했|출근|소속|공무원|사무관|주무관|서기관|공채|산하|직원))")
# Words of that ending that are parts of a body or of a whole (하복부, 후두부, 일부), no employer.
NOT_GOVERNMENT = ("복부", "두부", "흉부", "둔부", "경부", "음부", "요부", "서혜부", "일부", "전부", "내부", "외부", "상부", "하부",
                  "안면부", "간부", "학부", "본부", "지부",
                  # … and of a party one deals with or a building job (거래처 직원, 인테리어공사), no public body.
                  "거래처", "연락처", "근무처", "출처", "상처", "근처", "구입처", "판매처", "납품처", "공급처", "사용처",
                  "발주처", "협력처", "도처", "인테리어공사", "리모델링공사")
SIDES = frozenset("상 하 좌 우 전 후 양 측 좌측 우측 양측".split())
# 새벽물산, 푸른해상: an ending only an organisation has names it with no work cue; 수원시청, 한국해양연구원:
# an ending a rank or a kind also has (선임연구원, 인테리어공사) only after a place or a proper noun.
ORG_ENDINGS = read_words("org_endings_ko.txt")
NAMED_ORG_ENDINGS = read_words("named_org_endings_ko.txt")
NOT_ORG_PREFIXES = read_words("not_org_prefixes_ko.txt")
ORG_BY_ENDING = re.compile(rf"(?<![가-힣])([가-힣]{{2,10}}?)({alternation(ORG_ENDINGS | NAMED_ORG_ENDINGS)})")


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
        spans += _clinics_after_places(text)
        spans += [QuasiSpan(TYPE, *m.span(1), NAME) for m in GOVERNMENT_BODY.finditer(text)
                  if not _not_government(m.group(1)) and not vocabulary.is_safe_term(m.group(1), "ko")]
        spans += [QuasiSpan(TYPE, *m.span(), NAME) for m in LATIN_HANGUL_COMPANY.finditer(text)
                  if korean_tail_ok(hangul_rest(text, m.end()))]
        spans += [QuasiSpan(TYPE, *m.span(1), NAME) for m in NAMED_IN_PARENTHESIS.finditer(text)
                  if _names_in_parenthesis(m.group(1))]
        spans += _employment_slots(text)
        spans += _clinics_by_name_form(text)
        spans += _organisations_by_ending(text)
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


def _employment_slots(text: str) -> list[QuasiSpan]:
    """The word before an employment cue (푸른빛에 근무해요) unless it reads as an ordinary complement
    (집에서 일해요, 같은 회사 다녀요, 재택 근무), a place or a safe term; before an ordinary one, the
    word naming whose it is (푸른빛 공장에서 일해요, 새벽별 본사 소속)."""
    spans = []
    words = list(HANGUL_WORD.finditer(text))
    for i, match in enumerate(words):
        word = match.group(0)
        cue = EMPLOYMENT_SLOT.match(text, match.end())
        if not cue:
            continue
        attend = bool(cue.group("attend"))
        tail = next(t for t in ("에서", "에", "") if word.endswith(t))
        stem = word[:len(word) - len(tail)]
        if len(stem) >= 2 and _names_an_employer(stem, text[match.end():match.end() + 4], attend):
            spans.append(QuasiSpan(TYPE, match.start(), match.start() + len(stem), NAME))
        elif i and _ordinary(stem) and text[words[i - 1].end():match.start()] == " " and \
                len(words[i - 1].group()) >= 2 and _names_an_employer(words[i - 1].group(), "", attend):
            spans.append(QuasiSpan(TYPE, *words[i - 1].span(), NAME))
    return spans


def _organisations_by_ending(text: str) -> list[QuasiSpan]:
    return [QuasiSpan(TYPE, match.start(), match.end(2), NAME) for match in ORG_BY_ENDING.finditer(text)
            if korean_tail_ok(hangul_rest(text, match.end(2))) and _names_an_organisation(*match.groups())]


@functools.lru_cache(maxsize=10_000)
def _names_an_organisation(prefix: str, ending: str) -> bool:
    stem = prefix + ending
    if prefix in NOT_ORG_PREFIXES or _ordinary(stem) or _not_government(stem):
        return False
    tokens = kiwi_tokens(prefix)
    # 한결증권: before an ending only an organisation has, any word but a particle or a verb's ending names it.
    if ending in ORG_ENDINGS:
        return bool(tokens) and not any(t.tag.startswith(("J", "EP", "EF", "EC")) for t in tokens)
    if not tokens or any(t.tag not in NAME_TAGS and t.tag != "VA-I" for t in tokens):
        return False  # a clause before the ending (회사에서연구원), no name
    # 한국해양연구원, 경기문화재단: a country, province or brand (safe terms) leading the name makes it one too.
    place = known_place(prefix, provinces=True) or (known_place(prefix[:-1]) and prefix[-1] in "시군구") or \
        vocabulary.is_safe_term(tokens[0].form, "ko")
    return place or any(t.tag == "NNP" or t.id < KIWI_FIRST_KNOWN_ID for t in tokens)


def _clinics_by_name_form(text: str) -> list[QuasiSpan]:
    return [QuasiSpan(TYPE, *match.span(1), NAME) for match in CLINIC_WORD.finditer(text)
            if korean_tail_ok(hangul_rest(text, match.end())) and _clinic_name_form(*match.groups())]


@functools.lru_cache(maxsize=10_000)
def _clinic_name_form(name: str, kind: str) -> bool:
    if name in NOT_CLINIC_NAMES or name.endswith("과"):
        return False
    # 수원피부과의원, 부산하늘병원: a city or district glued to the kind, alone or before a word, is a
    # clinic's name (spaced, 수원 피부과, it says where). 서울시의원, 강남구의원 are council members.
    if known_place(name, provinces=True):
        return not (kind == "의원" and name.endswith(("시", "구", "도", "군")))
    if _place_then_name(name):
        return True
    if vocabulary.is_safe_term(name, "ko"):
        return False
    # Read with its kind (하얀이치과: 하얗+ᆫ+이, not 하얀+이 as a particle); the kind's own tokens left out.
    tokens = [t for t in kiwi_tokens(name + kind) if t.start < len(name)]
    if not tokens or any(t.tag not in NAME_TAGS and t.tag != "VA-I" for t in tokens):
        return False
    tags = [t.tag for t in tokens]
    adjective_then_noun = any(tag == "ETM" and tags[i + 1:i + 2] in (["NNG"], ["NNP"]) for i, tag in enumerate(tags))
    # 한빛병원, 경희한의원, 세브란스병원: a proper noun Kiwi knows names the clinic as well as an unknown word.
    return adjective_then_noun or any(t.id < KIWI_FIRST_KNOWN_ID or t.tag == "NNP" for t in tokens)


def _names_in_parenthesis(inside: str) -> bool:
    """What a parenthesis after 회사/직장 holds names the employer unless it is made of ordinary words,
    dictionary nouns and numbers (회사(재택), 직장(2년 차)): those say how or how long, not who."""
    words = re.findall(r"[가-힣]+|[A-Za-z]+|\d+", inside)
    return bool(words) and not all(w.isdigit() or _ordinary(w) or _one_known_noun(w) or vocabulary.is_ordinary_word(w, "en")
                                   for w in words)


def _not_government(word: str) -> bool:
    """One of NOT_GOVERNMENT, alone or after a side or a part (하복부, 좌둔부, 협력거래처); not a word that
    only ends in one (환경부 ends in 경부)."""
    return any(word == w or word.endswith(w) and (word[:-len(w)] in SIDES or len(w) >= 3) for w in NOT_GOVERNMENT)


def _place_then_name(name: str) -> bool:
    """부산하늘(병원), 수원밝은(피부과): a city or district glued to a word before a clinic's kind makes one
    clinic's name, whatever the word; a word of kind (서울시립, 서울대형) makes none."""
    splits = [(name[:i], name[i:]) for i in range(len(name) - 1, 1, -1) if known_place(name[:i], provinces=True)]
    return bool(splits) and not any(rest in NOT_CLINIC_NAMES or vocabulary.is_safe_term(rest, "ko") for _, rest in splits)


@functools.lru_cache(maxsize=10_000)
def _names_an_employer(stem: str, after: str, attend: bool) -> bool:
    if not re.fullmatch(r"[가-힣A-Za-z]+", stem) or _ordinary(stem) or known_place(stem, provinces=True):
        return False
    noun = next((n for n in SLOT_NOUNS if after.lstrip().startswith(n)), None)
    if noun and (_ordinary(stem + noun) or _one_known_noun(stem + noun)):
        return False  # 재택 근무, 야간 근무: one compound of the dictionary
    tokens = kiwi_tokens(stem)
    if not tokens or any(t.tag not in NAME_TAGS for t in tokens) or tokens[-1].tag in ("VA", "ETM", "XPN"):
        return False
    # 할머니댁, 가족회사, 대기업: made of ordinary nouns, no name among them.
    nouns = [t for t in tokens if t.tag in ("NNG", "NNP", "SL", "SH")]
    if attend:
        return any(t.id < KIWI_FIRST_KNOWN_ID for t in nouns)
    return any(not _ordinary(t.form) for t in nouns)


def _one_known_noun(word: str) -> bool:
    tokens = kiwi_tokens(word)
    return len(tokens) == 1 and tokens[0].tag == "NNG" and tokens[0].id >= KIWI_FIRST_KNOWN_ID


def _ordinary(word: str) -> bool:
    return vocabulary.is_ordinary_word(word, "ko") or vocabulary.is_safe_term(word, "ko") or \
        vocabulary.is_frequent_korean_word(word, common=True)


def _clinics_after_places(text: str) -> list[QuasiSpan]:
    from anonymise.quasi_identifiers.schools import TYPE as SCHOOL_TYPE

    spans = []
    for match in PLACE_THEN_CLINIC.finditer(text):
        place, name, kind = match.groups()
        if name in NOT_CLINIC_NAMES or name.endswith("과") or vocabulary.is_safe_term(name, "ko") or \
                not (known_place(place, provinces=True) or known_place(place[:-1]) and place[-1] in "시군구동읍면"):
            continue
        school = kind in SCHOOL_KINDS
        spans.append(QuasiSpan(SCHOOL_TYPE if school else TYPE, *match.span(2), "School" if school else NAME))
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
