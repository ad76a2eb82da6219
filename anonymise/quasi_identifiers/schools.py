"""Schools and universities: 연세대, 한양대학교, 이화여대, 한양여고, 서울고 3학년, 카이스트, Yonsei University,
University of Washington, Lincoln High School, 北京大学, 早稲田大学.

Coarser form ``level``: what kind of school it is (대학교 / a university / 大学, 고등학교 / a high
school ...). A school word without a name (대학 때, in high school, 대학병원) stays; a university
hospital (한빛대병원) is no school but a named hospital, removed as a workplace
(anonymise.quasi_identifiers.clinics).
"""
from __future__ import annotations

import functools
import re

from anonymise import vocabulary
from anonymise.kiwi_words import kiwi_tokens
from anonymise.quasi_identifiers.base import QuasiSpan, alternation, hangul_rest, korean_tail_ok, read_lines, read_words
from anonymise.name_data import CHINESE_NAME_CUES_BEFORE
from anonymise.quasi_identifiers.places import is_proper_noun, known_place

NAME = "School"
TYPE = "SCHOOL"

# Korean school suffixes -> level. The short ones (대, 고, 중, 초) only after a proper noun Kiwi knows.
KO_LEVELS = {"대학교": "대학교", "대학": "대학교", "여자대학교": "대학교", "여대": "대학교", "대학원": "대학교", "대": "대학교",
             "고등학교": "고등학교", "여자고등학교": "고등학교", "여고": "고등학교", "고교": "고등학교", "고": "고등학교",
             "중학교": "중학교", "여중": "중학교", "중": "중학교", "초등학교": "초등학교", "초": "초등학교"}
SHORT = {"대", "고", "중", "초"}
SCHOOL_WORD = re.compile(rf"[가-힣]+(?:{alternation(KO_LEVELS)})")
# A short suffix needs company that says school (3학년, 다니, 학생, 졸업, 재학, 출신, 나왔): 서울고 alone is rare.
SCHOOL_CUE = re.compile(r"\s?(?:\d\s?학년|학생|졸업|재학|출신|나왔|나와서|다니|다녀|동문|입학|합격|휴학|교수|새내기|신입생)")
DEPARTMENT_AFTER = re.compile(r"\s?[가-힣]{1,8}(?:학과|학부|전공|대학원|캠퍼스)")
NOT_AFTER = ("병원", "병원에", "병원에서")  # 서울대병원: a hospital
EN_LEVELS = (("university", "a university"), ("college", "a college"), ("high school", "a high school"),
             ("middle school", "a middle school"), ("elementary school", "an elementary school"),
             ("academy", "a school"))
EN_SCHOOL = re.compile(r"\b(?:(?:[A-Z][\w.&'-]*\s){1,4}(?P<l1>University|College|High School|Middle School|"
                       r"Elementary School|Academy)|(?P<l2>University|College) of (?:[A-Z][\w.&'-]*\s?){1,4})")
CJK_SCHOOL = re.compile(r"[\u4e00-\u9fff]{1,6}(?P<l>大学|大學|高校|高中|中学|小学)")
# 青葉高2, 桜台中3, 明德高二: a name, a one-character school level and a year (not a count: 最大2倍, 血中3回).
CJK_SCHOOL_YEAR = re.compile(r"([\u4e00-\u9fff\u30a1-\u30fa\u30fc]{2,6})(?P<l>[高中大])(?:[1-4１-４]|[一二三四](?![十百千万]))"
                             r"(?![0-9０-９.%回日月年時分秒人個つ歳倍件次号名位点枚本])")
CJK_YEAR_LEVELS = {"高": "高校", "中": "中学", "大": "大学"}
# Characters that end a school's name going left: pronouns, particles, verbs of attending (在, 于, 读, の).
CJK_NAME_STOP = frozenset("在于於是的了我你他她们們从從到去读讀念考和与與跟毕畢业業就入进進")
CJK_LEVELS = {"大学": "大学", "大學": "大學", "高校": "高校", "高中": "高中", "中学": "中学", "小学": "小学"}
# Words that lead a Han run before a school or company word but are the sentence's (去年|桜丘高校を卒業,
# 現在|明星大学の学生, 妹妹|高中毕业): a time word by its form, or a word a person's name follows.
CJK_TIME_WORD = re.compile(r"(?:一昨|再来|[去今来昨前明翌当])(?:年度|年|春|夏|秋|冬|月|学期)|現在|现在|当時|當時|以前|"
                           r"最近|将来|將來|[0-9０-９]{1,4}[年月]")
CJK_PERSON_WORDS = tuple(sorted((w for w in CHINESE_NAME_CUES_BEFORE if len(w) >= 2 and re.fullmatch(r"[\u4e00-\u9fff]+", w)),
                                key=len, reverse=True))


# 하늘대학교, 새벽고등학교: any word before a whole school word names a school, unless it says what kind
# (인문계고등학교, 국립대학교) or whose (같은, 다른). 대학 alone also ends a college's field (의과대학): a
# school only where the sentence says one studies there.
NAMED_BY_WORD = {"대학교": False, "여자대학교": False, "고등학교": False, "여자고등학교": False, "중학교": False,
                 "초등학교": False, "대학": True}
SCHOOL_KIND_WORDS = read_words("school_kind_words_ko.txt")


# 새솔유치원 다녀요, 다온어학원 강사예요: a kindergarten's or an academy's name before a word of attending
# or teaching there; the name goes, the kind stays. A subject or a kind before it (영어학원, 국공립어린이집) is none.
KINDERGARTEN = re.compile(r"(?<![가-힣])([가-힣0-9]{2,10}?)(유치원|어린이집|어학원|학원|국제학교)(?=[가-힣]{0,3}[ \t]?"
                          r"(?:다니|다녀|다닙|다녔|교사|선생님|강사|원장|졸업|보내|등원|입학|재원))")
NOT_KINDERGARTEN_NAMES = read_words("not_kindergarten_names_ko.txt")


def _kindergartens(text: str) -> list[QuasiSpan]:
    return [QuasiSpan(TYPE, *m.span(1), NAME, {"level": m.group(2)}) for m in KINDERGARTEN.finditer(text)
            if m.group(1) not in NOT_KINDERGARTEN_NAMES and not vocabulary.is_ordinary_word(m.group(1), "ko")
            and not vocabulary.is_frequent_korean_word(m.group(1), common=True) and not vocabulary.is_safe_term(m.group(1), "ko")
            and _named_by_a_word(m.group(1), "대학교", True)]


@functools.lru_cache(maxsize=10_000)
def _named_by_a_word(root: str, suffix: str, cue: bool) -> bool:
    if suffix not in NAMED_BY_WORD or (NAMED_BY_WORD[suffix] and not cue) or root in SCHOOL_KIND_WORDS or \
            not re.fullmatch(r"[가-힣]+", root) or root.endswith(("과", "학", "계")) or vocabulary.is_safe_term(root, "ko"):
        return False
    # 좋은대학교, 저희대학: a modifier or a pronoun before the school word; a particle makes a phrase.
    tokens = kiwi_tokens(root)
    return bool(tokens) and not tokens[-1].tag.startswith(("ETM", "MM", "NP", "VA", "VV", "E")) and \
        not any(t.tag.startswith("J") for t in tokens)


def _named_by_a_place(root: str, suffix: str, cue: bool) -> bool:
    """부산대학교, 수원고등학교: a city or province kept alone names one school glued to a school word."""
    return suffix in NAMED_BY_WORD and (cue or not NAMED_BY_WORD[suffix]) and known_place(root, provinces=True)


@functools.lru_cache(maxsize=10_000)
def _short_named_by_a_word(root: str, suffix: str, cue: bool) -> bool:
    """하늘대 다녀요, 새벽고 졸업: an ordinary word before 대 or 고 names a school where a school cue follows,
    unless the two make one dictionary word (전문대, 교대) or the word says which kind (지방대, 과학고)."""
    if not cue or suffix not in ("대", "고") or not _named_by_a_word(root, "대학교", True):
        return False
    tokens = kiwi_tokens(root + suffix)
    return not (len(tokens) == 1 and tokens[0].tag == "NNG")


@functools.cache
def _listed() -> re.Pattern:
    return re.compile(rf"(?<![\w가-힣])(?:{alternation(read_lines('universities.txt'))})(?![\w-])")


def sentence_words_before_name(run: str) -> int:
    """How many characters at the start of ``run`` (the Han run before a school or company word) are
    time words or person words of the sentence (all of them: no name is left)."""
    start = 0
    while True:
        time_word = CJK_TIME_WORD.match(run, start)
        word = time_word.group() if time_word else next((w for w in CJK_PERSON_WORDS if run.startswith(w, start)), "")
        if not word:
            return start
        start += len(word)


class School:
    name = NAME
    qi_type = TYPE

    def find(self, text: str) -> list[QuasiSpan]:
        spans = self._korean(text) + _kindergartens(text)
        for match in EN_SCHOOL.finditer(text):
            level = (match.group("l1") or match.group("l2")).lower()
            form = dict(EN_LEVELS).get(level, "a school")
            spans.append(QuasiSpan(TYPE, *match.span(), NAME, {"level": form}))
        for match in CJK_SCHOOL.finditer(text):
            # 我毕业于|北京大学: the name starts after the last word of the sentence around it.
            name = text[match.start():match.start("l")]
            cut = max((i + 1 for i, c in enumerate(name) if c in CJK_NAME_STOP), default=0)
            if cut == len(name):
                continue  # 毕业于大学: a school word, no name
            if cut and CJK_TIME_WORD.match(name, cut - 1):
                cut -= 1  # 去|年: the stop character begins a time word
            elif not cut and name[:1] in ("年", "月") and text[match.start() - 1:match.start()].isdigit():
                cut = 1   # 2019|年: the run starts with a date's unit
            cut += sentence_words_before_name(name[cut:])
            if cut == len(name):
                continue  # 妹妹高中毕业, 今年大学: the sentence's words, no name
            spans.append(QuasiSpan(TYPE, match.start() + cut, match.end(), NAME, {"level": CJK_LEVELS[match.group("l")]}))
        for match in CJK_SCHOOL_YEAR.finditer(text):
            name = match.group(1)
            cut = max((i + 1 for i, c in enumerate(name) if c in CJK_NAME_STOP), default=0)
            cut += sentence_words_before_name(name[cut:])
            word = name[-1] + match.group("l")  # 最大, 途中, 最高: a word, no school level
            if len(name) - cut < 2 or any(vocabulary.is_ordinary_word(word, lang) for lang in ("ja", "zh")):
                continue
            spans.append(QuasiSpan(TYPE, match.start() + cut, match.end("l"), NAME, {"level": CJK_YEAR_LEVELS[match.group("l")]}))
        for match in _listed().finditer(text):
            rest = hangul_rest(text, match.end())
            if rest and not korean_tail_ok(rest):
                continue
            latin = bool(re.match(r"[A-Za-z]", match.group(0)))
            spans.append(QuasiSpan(TYPE, *match.span(), NAME, {"level": "a university" if latin else "대학교"}))
        return spans

    @staticmethod
    def _korean(text: str) -> list[QuasiSpan]:
        spans = []
        for match in re.finditer(r"[가-힣]+", text):
            word, start = match.group(0), match.start()
            for n in range(len(word), 2, -1):
                stem, rest = word[:n], word[n:]
                if not korean_tail_ok(rest) or rest.startswith(NOT_AFTER):
                    continue
                suffix = next((s for s in sorted(KO_LEVELS, key=len, reverse=True)
                               if stem.endswith(s) and len(stem) - len(s) >= 1), None)
                if suffix is None:
                    continue
                root = stem[:-len(suffix)]
                if text.startswith(NOT_AFTER, start + len(word)) or text.startswith(" 병원", start + len(word)):
                    break
                if suffix == "대" and known_place(stem):
                    break  # 해운대: a place that ends like a university
                # 한마음대 간호학과: a department after it says school, whatever Kiwi makes of the name.
                department = DEPARTMENT_AFTER.match(text, start + len(word)) and len(root) >= 2 \
                    and not vocabulary.is_ordinary_word(stem, "ko")
                if department:
                    pass
                elif suffix in SHORT:
                    # 연세대, 서울고: the root must be a name Kiwi knows, and for 고/중/초 a cue must say school.
                    named = is_proper_noun(stem if suffix == "대" else root) or known_place(root, provinces=True) or \
                        _short_named_by_a_word(root, suffix, bool(SCHOOL_CUE.match(text, start + len(word))))
                    if len(root) < 2 or not named:
                        continue
                    if suffix != "대" and not SCHOOL_CUE.match(text, start + len(word)):
                        continue
                    if suffix == "대" and root[-1].isdigit():
                        continue
                elif len(root) < 2 or not (is_proper_noun(root + suffix) or
                                           _named_by_a_place(root, suffix, bool(SCHOOL_CUE.match(text, start + len(word)))) or
                                           _named_by_a_word(root, suffix, bool(SCHOOL_CUE.match(text, start + len(word))))):
                    continue
                spans.append(QuasiSpan(TYPE, start, start + n, NAME, {"level": KO_LEVELS[suffix]}))
                break
        return spans
