"""Korean personal names in Hangul, found by their form and their company.

A Hangul word is a name when it splits into surname + one- or two-syllable given name and its
surroundings say so: an honorific or title (김민수님, 이수민 실장), a relation or role word before it
(친구 김민서가, 엄마(이지영)), a self-introduction (저는 김민수입니다), a given name alone with 님/씨
(민수 씨), or a full name standing alone inside Chinese/Japanese/English text (担当박슬기の). A bare
word with none of these is left alone: most Korean words that start with a surname syllable are
ordinary words (정말, 이번, 강남), and the record's own names are caught by the deny list anyway.
"""
from __future__ import annotations

import functools
import re

from presidio_analyzer import RecognizerResult

from anonymise import vocabulary
from anonymise.name_data import (KOREAN_APPOSITION_TITLES, KOREAN_GIVEN_SYLLABLES, KOREAN_KIN_WORDS, KOREAN_LOOKALIKES, KOREAN_NAME_LABELS,
                                 KOREAN_NAME_TITLES, KOREAN_ONE_SYLLABLE_NAME_TITLES, KOREAN_PARTICLES,
                                 KOREAN_PERSON_TITLES,
                                 KOREAN_RELATION_WORDS, KOREAN_ROLE_WORDS, KOREAN_SELF_INTRO_AFTER,
                                 KOREAN_SELF_INTRO_BEFORE, KOREAN_SURNAME_TITLES, KOREAN_SURNAMES, KOREAN_WEAK_CUES)
from anonymise.kiwi_model import shared_kiwi
from anonymise.korean_grammar import vouched_not_a_name
from anonymise.kiwi_words import kiwi_tokens
from anonymise.name_split import split_name
from anonymise.recognizers import gates
from anonymise.recognizers.person_base import PersonNameRecognizer

HANGUL_WORD = re.compile(r"[가-힣]+")
HANGUL_CHAR = re.compile(r"[가-힣]")
# Han, Kana or Latin letters: the scripts a Korean name is embedded in when the text is not Korean.
FOREIGN_LETTER = re.compile(r"[A-Za-z\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
# A Hangul name glued to or spaced from Chinese/Japanese text (担当박슬기の, 院長 황주원).
CJK_EDGE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff][ \t:：]?$")
CJK_START = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
TITLES = tuple(sorted(KOREAN_NAME_TITLES, key=len, reverse=True))
PARTICLES = tuple(sorted(KOREAN_PARTICLES, key=len, reverse=True))
COPULAS = tuple(sorted(KOREAN_SELF_INTRO_AFTER, key=len, reverse=True))
# Nouns that carry 님/씨 themselves (부모님, 날씨, 아가씨): the stem is not a given name.
NOT_GIVEN_NAMES = KOREAN_ROLE_WORDS | KOREAN_RELATION_WORDS | KOREAN_LOOKALIKES | frozenset(
    "부모 어머 아버 할머 할아 따 아드 하느 사모 선배 후배 주인 목사 신부 수녀 집사 회장 약사 의사 기사 작가 손 "
    "아가 아저 마음 솜 날 글 말 맵 불 꽃 섭 화 여러 고객 회원 환자 보호 상담 담당 관리 운영 판매 구매 질문 글쓴 "
    "작성 신청 예약 간호 코디 매니 선생 형 누 언니 오빠 누나 여보 당신 그분 이분 저분 친구 동생".split())
# Surname + 씨 that is a unit, not a person (섭씨, 화씨), and surname + title words that are titles.
NOT_SURNAME_TITLE = frozenset("화씨 섭씨 맵씨 부원장 대원장 총원장 부실장 부교수 부장 차장 주임 고객 사원 전문의 대표".split())
# Surname syllables that, standing alone before a title, are usually a determiner (이 원장님 "this
# doctor", 전 원장님 "former doctor", 모 원장 "a certain doctor", 제 담당 "my ...", 온 환자 "a patient who came").
DETERMINER_SURNAMES = frozenset("이 전 모 제 한 현 구 신 주 당 본 부 대 각 원 고 온".split())
TITLE_WORDS = frozenset(t for t in KOREAN_NAME_TITLES if len(t) > 1)
SPACED_TITLES = tuple(sorted(TITLE_WORDS | {"님", "씨"}, key=len, reverse=True))
# Titles that make a bare surname a reference to one person (박원장님, 김실장, 김씨); 님 alone does not.
SURNAME_TITLES = tuple(sorted(KOREAN_SURNAME_TITLES, key=len, reverse=True))
SURNAME_TITLE_STARTS = frozenset(t[0] for t in SURNAME_TITLES)  # most words fail on this one lookup

# Last syllables of nouns for roles that take 님 (담당자님, 상담사님, 원장님, 회원님, 관리인님).
ROLE_NOUN_ENDINGS = frozenset("장 사 자 원 관 인 생 모 배 객 님 수 형 니 마 빠 냐 리 들 분 주 께".split())
# "with": 동생 재현이랑 / 재현이하고 / 진주와 …; and the words that say someone comes along.
WITH_PARTICLES = frozenset("이랑 랑 이하고 하고 와 과 이와".split())
COMPANY_WORDS = (" 같이", " 함께", " 데리고", " 동행")
# Last syllables of place names (강남역, 신사동, 테헤란로): a Hangul word in foreign text ending so is a place.
PLACE_ENDINGS = frozenset("역 로 길 읍 면 구 시 군 동".split())

STRONG, MEDIUM = 0.85, 0.6
# How much a word before a candidate speaks for a name (see anonymise.name_data).
LABEL_CUE, KIN_CUE, WEAK_CUE = "label", "kin", "weak"


def _is_relation_word(word: str) -> bool:
    """A kin or relation word, particles allowed after it (시어머니가, 시아버님께서)."""
    return any(word[:cut] in KOREAN_RELATION_WORDS and is_particle_chain(word[cut:]) for cut in range(1, len(word) + 1))


@functools.lru_cache(maxsize=100_000)
def is_particle_chain(suffix: str, depth: int = 2) -> bool:
    """True when ``suffix`` is one or two particles/copula endings (가, 께서는, 이에요, 한테서요)."""
    if not suffix:
        return True
    if depth == 0:
        return False
    return any(suffix.startswith(p) and is_particle_chain(suffix[len(p):], depth - 1) for p in PARTICLES)


@functools.lru_cache(maxsize=100_000)
def title_suffix(suffix: str) -> bool:
    """True when ``suffix`` is an honorific/title, possibly with particles after it (님께서, 실장이)."""
    return any(suffix.startswith(t) and is_particle_chain(suffix[len(t):]) for t in TITLES)


@functools.lru_cache(maxsize=100_000)
def is_common_word(word: str) -> bool:
    """True for a look-alike word with particles glued on (이번에, 정말로, 오늘은)."""
    return any(word[:n] in KOREAN_LOOKALIKES and is_particle_chain(word[n:]) for n in range(1, len(word) + 1))


def kiwi():
    return shared_kiwi()  # loaded on first use: texts without Hangul never need it


# Kiwi gives out-of-vocabulary guesses morpheme ids below this; real dictionary entries are above.
KIWI_FIRST_KNOWN_ID = 10


@functools.lru_cache(maxsize=100_000)
def not_a_known_word(word: str) -> bool:
    """Kiwi does not read the word as starting with a dictionary word other than a proper noun.

    Only asked when the name's evidence is weak (a bare particle or copula): Kiwi knows 복용해도,
    석회화가, 유방암이, 하시나요 (a dictionary word of two or more syllables, or a verb, first) but
    has never seen 유서연가, and tags 김민서가, 윤태호와 as starting with a proper noun (NNP).
    """
    tokens = kiwi_tokens(word)
    if not tokens:
        return False
    first = tokens[0]
    if first.tag == "NNP" or first.id < KIWI_FIRST_KNOWN_ID:
        return True
    # A determiner glued to one of the most frequent nouns (이학교가, 그사람은, 그친구는) is casual
    # spacing, not a surname and a given name: given names that are nouns (하늘, 보람) are rarer words.
    if first.tag == "MM" and len(tokens) > 1 and tokens[1].tag == "NNG" and tokens[1].start == first.len \
            and vocabulary.is_frequent_korean_word(tokens[1].form):
        return False
    # One syllable first (재 + 온, 이/MM + 은서, 심/XR + 승현) is Kiwi cutting up a name it does not
    # know; a verb first (하시나요) or a longer dictionary word (복용, 석회, 유방암) is a word it knows.
    return first.len == 1 and not first.tag.startswith(("V", "XSV", "XSA", "E"))


@functools.lru_cache(maxsize=100_000)
def is_one_known_word(name: str) -> bool:
    """Kiwi reads the whole candidate as one dictionary word other than a proper noun (주사기, 상담비).

    The check after a relation word, where the cue already speaks for a name: Kiwi often cuts a
    real name into words (최종+민, 정병+수), so only a single word covering it all counts against it.
    """
    tokens = kiwi_tokens(name)
    return len(tokens) == 1 and tokens[0].id >= KIWI_FIRST_KNOWN_ID and tokens[0].tag != "NNP"


@functools.lru_cache(maxsize=100_000)
def is_title_word(word: str) -> bool:
    """The word after a name is a title or honorific, particles allowed (님, 씨가, 실장이, 원장님께)."""
    return word != "씨앗" and any(word.startswith(t) and is_particle_chain(word[len(t):]) for t in SPACED_TITLES)


NEXT_WORD = re.compile(r" ?([가-힣]+)")
# A particle written apart from the word before it (이하나 는, 김하늘 이): a word of particles alone.
SPACED_PARTICLE = re.compile(r"[ \t]([가-힣]{1,3})(?![가-힣])")
PRONOUNS = frozenset("나 너 저 제 내 네".split())  # a particle's look-alikes that are a word of their own
# Titles and role nouns of two or more syllables, longest first (부원장 before 원장).
TITLE_NOUNS = tuple(sorted((t for t in KOREAN_PERSON_TITLES | KOREAN_ROLE_WORDS if len(t) > 1), key=len, reverse=True))


@functools.lru_cache(maxsize=100_000)
def is_title_noun(word: str) -> bool:
    """The word is a title or role noun itself, 님 and particles allowed (교수님, 사무총장은, 총장님이), and
    Kiwi reads the title as its first morpheme: not a surname and a given name (교+수님) or a surname and
    a title (사+무총장은). 이사과는 is not 이사 + particles: Kiwi reads 이+사과."""
    for title in TITLE_NOUNS:
        if word.startswith(title):
            rest = word[len(title):]
            rest = rest[1:] if rest.startswith("님") else rest
            if is_particle_chain(rest) and (len(word) == len(title)
                                            or any(t.start == len(title) for t in kiwi_tokens(word))):
                return True
    # A role noun no list has, with 님 (목회자님의): three syllables or more that Kiwi reads as one
    # dictionary noun; names Kiwi does not know are never in its dictionary.
    honorific = word.find("님", 3)
    return honorific > 0 and is_particle_chain(word[honorific + 1:]) and is_one_known_word(word[:honorific])


@functools.lru_cache(maxsize=100_000)
def is_predicate(word: str) -> bool:
    """Kiwi reads the word as a verb or adjective and its ending (피곤하군, 뛰어다님, 심심+하+군): its
    last syllables are an ending (군, 님), not a title after a name."""
    tokens = kiwi_tokens(word)
    if len(tokens) < 2 or tokens[0].len < 2 or not tokens[-1].tag.startswith("E"):
        return False
    verb = tokens[0].tag.startswith(("VV", "VA", "VX", "XR")) or (
        tokens[0].tag == "NNG" and tokens[1].tag in ("XSA", "XSV"))  # a noun made a verb (피곤+하)
    return verb and not any(t.tag == "NNP" or t.tag.startswith("J") for t in tokens)


def plausible_given(given: str) -> bool:
    return all(s in KOREAN_GIVEN_SYLLABLES for s in given)


def not_a_word(word: str, name: str, given: str, cue: str | None = None) -> bool:
    """Without a title the name must not be a word: 제 이상형이, 목주름이, 강남역이에요. A relation word
    before it (친구, 가족인, 엄마() is trusted; otherwise Kiwi is asked, last as it costs most."""
    full = len(given) == 2
    if cue == LABEL_CUE:  # 성함: 배수지, 상담사 엄지원이: the label settles it
        return full
    if not full or given[-1] in PLACE_ENDINGS:
        return False
    if cue == KIN_CUE:  # 남편 류진주: after a relation word a surname + word is still a name
        return not is_one_known_word(name)
    if given in KOREAN_LOOKALIKES:
        return False
    return not_a_known_word(word) and not_a_known_word(name)


class Candidate:
    """A Hangul word of the text and what stands around it. What the words before it say (``cue``)
    is read only when a rule gets that far: most words never do."""

    def __init__(self, text: str, match: re.Match, mostly_foreign: bool):
        self.word, self.start = match.group(), match.start()
        self.before = text[max(0, self.start - 12):self.start]
        self.after = text[match.end():match.end() + 12]
        self.mostly_foreign = mostly_foreign

    @functools.cached_property
    def cue(self) -> str | None:
        return KoreanNameRecognizer._cue_before(self.before)

    @property
    def in_foreign_text(self) -> bool:
        """Inside or beside Chinese/Japanese/English text (担当박슬기の, 院長 황주원)."""
        return bool(self.mostly_foreign or CJK_EDGE.search(self.before) or CJK_START.match(self.after))

    @functools.cached_property
    def title_after(self) -> bool:
        next_word = NEXT_WORD.match(self.after)
        return bool(next_word) and is_title_word(next_word.group(1))


class KoreanNameRecognizer(PersonNameRecognizer):
    """Korean names (surname + given name, or given name with 님/씨) from the words around them."""
    TEXT_GATES = (gates.HANGUL,)
    LANGUAGE = "ko"

    def find(self, text: str) -> list[RecognizerResult]:
        letters = len(HANGUL_CHAR.findall(text)) + len(FOREIGN_LETTER.findall(text))
        mostly_foreign = letters and len(HANGUL_CHAR.findall(text)) * 3 < letters
        results = []
        for match in HANGUL_WORD.finditer(text):
            if is_title_noun(match.group()) or is_predicate(match.group()):
                continue
            found = self._name_in(text, match, mostly_foreign)
            # a predicate in its sentence (같은 모델의) is no name, whatever its company says
            if found and not vouched_not_a_name(text, found[0], found[1]):
                start, end, score = found
                results.append(RecognizerResult("PERSON", start, end, score))
        return results

    def _name_in(self, text: str, match: re.Match, mostly_foreign: bool) -> tuple[int, int, float] | None:
        candidate = Candidate(text, match, mostly_foreign)
        if is_common_word(candidate.word) and not self._name_with_particle(candidate):
            return None
        if _is_relation_word(candidate.word):
            return None  # 시어머니가, 시아버님께서: a kin word, though a surname and a title or 님 make it up
        return (self._surname_with_title(candidate.word, candidate.start, candidate.title_after)
                or self._full_name(candidate) or self._given_name_alone(candidate)
                or self._name_after_occupation(text, candidate) or self._subject_of_saying(text, candidate)
                or self._person_by_case(text, candidate) or self._word_before_honorific(candidate))

    @staticmethod
    def _name_with_particle(candidate: Candidate) -> bool:
        """한지은이, 최고은이랑 also read as 한지+은이, 최고+은이랑, and 이하나 는 as 이하+나. After a relation
        word or a label, a three-syllable name with a particle of its own, glued or written apart, still
        gets the name reading (오늘은, with no particle left over, stays a word)."""
        word = candidate.word
        if candidate.cue not in (KIN_CUE, LABEL_CUE):
            return False
        if len(word) == 3 and split_name(word) is not None:  # 남동생 이하나 는: its particle written apart
            spaced = SPACED_PARTICLE.match(candidate.after)
            return spaced is not None and spaced.group(1) not in PRONOUNS and is_particle_chain(spaced.group(1))
        return len(word) >= 4 and split_name(word[:3]) is not None and is_particle_chain(word[3:])

    def _full_name(self, candidate: Candidate) -> tuple[int, int, float] | None:
        """Surname + given name at the start of the word, longest first (4, 3, 2 syllables)."""
        word, start = candidate.word, candidate.start
        for length in (4, 3, 2):
            if length > len(word):
                continue
            name, suffix = word[:length], word[length:]
            parts = split_name(name)
            if parts is None or name in KOREAN_LOOKALIKES:
                continue
            given = parts[1]
            if given in KOREAN_ROLE_WORDS or name in NOT_GIVEN_NAMES:
                continue
            score = self._full_name_score(candidate, name, suffix, given)
            if score:
                return start, start + length, score
        return None

    def _full_name_score(self, candidate: Candidate, name: str, suffix: str, given: str) -> float | None:
        """How strongly the company of ``name`` (+ ``suffix`` glued on) says it is a name; None when
        nothing does."""
        full = len(given) == 2
        if suffix and title_suffix(suffix) and (full or suffix.startswith(KOREAN_ONE_SYLLABLE_NAME_TITLES)):
            return None if name in NOT_SURNAME_TITLE or (suffix[0] in "군양" and not full) else STRONG
        if not suffix and candidate.title_after and full:
            return STRONG
        return self._cued_score(candidate, name, suffix, given) or self._uncued_score(candidate, name, suffix, given)

    @staticmethod
    def _cued_score(candidate: Candidate, name: str, suffix: str, given: str) -> float | None:
        """A relation word or label before the name, and a particle or copula after it."""
        glued = (is_particle_chain(suffix) and plausible_given(given)) or suffix.startswith(COPULAS)
        if glued and candidate.cue and not_a_word(candidate.word, name, given, candidate.cue):
            return STRONG
        return None

    @staticmethod
    def _uncued_score(candidate: Candidate, name: str, suffix: str, given: str) -> float | None:
        """No cue before the name: a copula, a bracket or age after it, a bare particle, or foreign
        text around it, each with a plausible given name that is no word."""
        full, after, word = len(given) == 2, candidate.after, candidate.word
        if suffix.startswith(COPULAS) and plausible_given(given) and not_a_word(word, name, given):
            return MEDIUM
        if full and not suffix and re.match(r" ?[(/]| ?, ?(?:\d|[남여]\b)", after) and plausible_given(given):
            return MEDIUM
        if suffix and is_particle_chain(suffix) and plausible_given(given) and not_a_word(word, name, given):
            return MEDIUM
        if full and not suffix and candidate.in_foreign_text and plausible_given(given) and given[-1] not in PLACE_ENDINGS:
            return MEDIUM
        return None

    @staticmethod
    def _surname_with_title(word: str, start: int, title_after: bool) -> tuple[int, int, float] | None:
        """박원장님, 김 실장님, 김씨: a surname alone with a title still points at one person."""
        surname, suffix = word[:1], word[1:]
        if surname not in KOREAN_SURNAMES:
            return None
        if suffix and suffix[0] in SURNAME_TITLE_STARTS and word not in NOT_SURNAME_TITLE and any(
                suffix.startswith(t) and is_particle_chain(suffix[len(t):]) for t in SURNAME_TITLES):
            return start, start + 1, STRONG
        if not suffix and title_after and surname not in DETERMINER_SURNAMES:
            return start, start + 1, STRONG
        return None

    @staticmethod
    def _cue_before(before: str) -> str | None:
        """What the words right before the candidate say: LABEL_CUE for a name label, staff title or
        signature (성함: , 상담사 , - ), KIN_CUE for kin and friends (친구 , 엄마( ), WEAK_CUE for a
        self-reference or generic role (제 , 저는 , 환자 ), None for anything else."""
        if re.search(r"(?:^|[\n.!?。])[ \t]*[-–—~][ \t]*$", before):
            return LABEL_CUE  # a signature: "... 부탁드려요. - 김민수"
        if re.search(r"\b(?:To|From|Dear|Hi|Hello|Name|Mr|Ms|Mrs|Dr)\s?[.:]?[ \t]*$", before):
            return LABEL_CUE  # "To. 김민수", "Dear 김민수"
        tail = re.search(r"([가-힣]+)[ \t]*[(:：\[]?[ \t]*$", before)
        if not tail:
            return None
        word = tail.group(1)
        if word == "명의" and re.search(r"(?:\d|여|몇|수십|수백|수천)[ \t]*명의[ \t]*$", before):
            return None  # 2000여 명의: "of N people", not 명의 (the holder's name)
        # 가족인, 동생인, 담당이신: a relation word with the copula 인/이신 still introduces the name.
        words = {word, re.sub(r"(?:이신|인|이자)$", "", word)}
        if words & KOREAN_WEAK_CUES:
            return WEAK_CUE
        if words & KOREAN_NAME_LABELS:
            return LABEL_CUE
        if words & KOREAN_KIN_WORDS:
            return KIN_CUE
        if words & KOREAN_ROLE_WORDS:
            return LABEL_CUE
        stripped = before[:tail.end()].rstrip(" \t(:：[")
        return WEAK_CUE if stripped.endswith(KOREAN_SELF_INTRO_BEFORE) and len(word) <= 4 else None

    @staticmethod
    def _given_name_alone(candidate: Candidate) -> tuple[int, int, float] | None:
        """민수 씨, 지은님, 제니퍼 님: a name without its surname needs 님/씨, or a relation word before it.

        Two syllables is a Korean given name (syllables checked); three or four is a foreign name
        written in Hangul, unless it ends like a role noun (담당자님, 상담사님, 센터장님).
        """
        word, start, after = candidate.word, candidate.start, candidate.after
        for length in (2, 3, 4):
            stem, suffix = word[:length], word[length:]
            if len(stem) < length or stem in NOT_GIVEN_NAMES or is_common_word(stem):
                continue
            glued = suffix.startswith(("님", "씨")) and is_particle_chain(suffix[1:])
            spaced = re.match(r" (?:님|씨)([가-힣]*)", after)
            spaced = not suffix and spaced and is_particle_chain(spaced.group(1))
            # 동생 재원이 같이: after a relation word a given name with a particle is enough, unless
            # Kiwi knows the word (남편 회사가).
            cued = (length == 2 and suffix and is_particle_chain(suffix) and candidate.cue in (LABEL_CUE, KIN_CUE)
                    and not is_common_word(word) and not_a_known_word(word))
            if cued and plausible_given(stem):
                return start, start + 2, MEDIUM
            # 동생 재현이 같이, 친구 진주랑: a relation word, a given name and company is a person even
            # when the name is also a word (재현, 준수, 진주), which Kiwi would veto above.
            company = suffix in WITH_PARTICLES or (suffix in ("이", "가", "도", "이도") and after.startswith(COMPANY_WORDS))
            if length == 2 and company and candidate.cue == KIN_CUE and plausible_given(stem):
                return start, start + 2, MEDIUM
            if not (glued or spaced):
                continue
            if length == 2 and plausible_given(stem):
                return start, start + 2, STRONG
            if length > 2 and stem[-1] not in ROLE_NOUN_ENDINGS and split_name(stem) is None:
                return start, start + length, MEDIUM
        return None

    @staticmethod
    def _name_after_occupation(text: str, candidate: Candidate) -> tuple[int, int, float] | None:
        """배우 X가, 가수 X와: an occupation written before a word in apposition, and a particle after
        the word, which Kiwi does not read as a common noun (the 안+나 of a foreign name, the 예+나가 of
        a given name) or reads as a rare noun of a given name's syllables (a name that is also a word);
        배우 연기가, 선수 보호를, 배우 한명이 stay."""
        occupation = OCCUPATION_BEFORE.search(text, 0, candidate.start)
        if occupation is None or occupation.end() != candidate.start or occupation.group(1) not in KOREAN_APPOSITION_TITLES:
            return None
        word = candidate.word
        for length in (2, 3, 4):
            stem, suffix = word[:length], word[length:]
            if suffix in NAME_PARTICLES and name_after_occupation(stem, word):
                return candidate.start, candidate.start + length, MEDIUM
        return None

    @staticmethod
    def _subject_of_saying(text: str, candidate: Candidate) -> tuple[int, int, float] | None:
        """X는 … 말했다: a word opening a sentence as its subject or topic, in a sentence that ends in a
        verb of saying or meeting, is a person when it could be a given name (``name_after_occupation``);
        the frequent nouns that open such sentences (결과는, 정부는, 이번에는) stay."""
        start, word = candidate.start, candidate.word
        if len(word) < 3 or word[-1] not in "은는이가" or not opens_sentence(text, start):
            return None
        stem = word[:-1]
        if len(stem) > 3 or not SAYING_VERB.search(SENTENCE_REST.match(text, start + len(word)).group()):
            return None
        tokens = kiwi_tokens(stem)
        if tokens[0].tag.startswith("NN") and any(t.tag.startswith("J") for t in tokens):
            return None  # a noun and its particle (이번+에는)
        return (start, start + len(stem), MEDIUM) if name_after_occupation(stem, word) else None

    @staticmethod
    def _person_by_case(text: str, candidate: Candidate) -> tuple[int, int, float] | None:
        """X에게, X한테 (a dative only a person or animal takes), X를 만났다, X와 만나, X 역을 맡은 (a
        character): a word that could be a given name (``name_after_occupation``) in these cases;
        고객에게, 친구를 만났다 stay."""
        word = candidate.word
        for length in (2, 3):
            stem, suffix = word[:length], word[length:]
            after = candidate.start + len(word)
            meets = suffix in ("을", "를", "와", "과", "이랑", "랑") and MEETING_AFTER.match(text, after)
            part = not suffix and PART_AFTER.match(text, after)  # X 역을 맡은: a character's name
            if (suffix in DATIVES or meets or part) and stem not in KOREAN_ROLE_WORDS \
                    and name_after_occupation(stem, word, strict=not part):
                return candidate.start, candidate.start + length, MEDIUM
        return None

    @staticmethod
    def _word_before_honorific(candidate: Candidate) -> tuple[int, int, float] | None:
        """X 씨, X 님: a two-syllable word one space before 씨/님 that could be a given name, even of
        syllables given names seldom have (a name that is also a word); 고객 님, 부모 님 stay."""
        word, after = candidate.word, candidate.after
        spaced = re.match(r" (?:님|씨)([가-힣]*)", after)
        if len(word) != 2 or not spaced or not is_particle_chain(spaced.group(1)) or word in NOT_GIVEN_NAMES:
            return None
        return (candidate.start, candidate.start + 2, MEDIUM) if name_after_occupation(word, word, titled=True) else None


DATIVES = frozenset("에게 한테 에게서 한테서 에게는 한테는 에게도 한테도".split())
MEETING_AFTER = re.compile(r" (?:만났|만나|만난|만날)")
PART_AFTER = re.compile(r" 역(?:을|의|은|이|으로|할|하)")
WORD_BEFORE = re.compile(r"([가-힣]+) $")


def opens_sentence(text: str, start: int) -> bool:
    """The word at ``start`` opens its sentence, or follows one adverb that does (한편, 앞서, 특히)."""
    if SENTENCE_OPENING.search(text, 0, start):
        return True
    before = WORD_BEFORE.search(text, 0, start)
    if before is None or not SENTENCE_OPENING.search(text, 0, before.start()):
        return False
    tokens = kiwi_tokens(before.group(1))
    return len(tokens) == 1 and tokens[0].tag in ("MAG", "MAJ") and tokens[0].id >= KIWI_FIRST_KNOWN_ID


# Where a sentence opens: the text's start, or after a sentence's end and spaces or a quote.
SENTENCE_OPENING = re.compile(r"(?:^|[.!?\n][ \t\"'“”‘’]*)$")
SENTENCE_REST = re.compile(r"[^.!?\n]*")
# Verbs of saying, reporting and meeting in the past (말했다, 밝혔다, 만났다), spoken of a person.
SAYING_VERB = re.compile(r"(?:말했|밝혔|전했|강조했|덧붙였|설명했|털어놨|털어놓았|고백했|답했|만났)")
# The word before a candidate when it stands alone one space before it (배우 in "배우 X가").
OCCUPATION_BEFORE = re.compile(r"(?<![가-힣])([가-힣]+) $")
# Particles a person's name takes in apposition; not 로, 에, 에서 (배우 생활로, 감독 시절에).
NAME_PARTICLES = frozenset("이 가 은 는 을 를 의 와 과 도 랑 이랑 하고 에게 한테 께서 이가 이는 이를 이의 이도 이와 이랑은".split())


@functools.lru_cache(maxsize=100_000)
def name_after_occupation(stem: str, word: str, strict: bool = False, titled: bool = False) -> bool:
    """``stem`` (the start of ``word``, particles after it) after an occupation is a name: no word
    list vouches for it, Kiwi reads no counter, numeral, pronoun, suffix or longer verb in it, no ending last, nor
    the stem as a common noun unless a rare one (Zipf < 4) of two given-name syllables. ``strict``
    (a weaker cue: beside a removed name, a case persons share with roles such as the dative): no
    dictionary noun at all, nor a noun and its particle (상+을);
    ``titled`` (님/씨 after it, a strong cue): a rare noun of any syllables."""
    if stem in NOT_GIVEN_NAMES or stem in KOREAN_PERSON_TITLES or is_common_word(stem) or is_title_noun(stem) \
            or vocabulary.is_safe_term(stem, "ko") or vocabulary.is_frequent_korean_word(stem, common=True):
        return False
    tokens = kiwi_tokens(stem)  # alone: 예나가 reads 예+나가/VV, 예나 reads 예+나
    if any(t.tag in ("NNB", "NR", "SN", "NP", "XSN") or (t.len >= 2 and t.tag.startswith(("V", "E", "XS"))) for t in tokens) \
            or tokens[-1].tag.startswith("E"):
        return False  # 한+명, 나, 선생+님, 가+고 (a verb form)
    if strict and len(tokens) == 2 and tokens[0].tag.startswith("NN") and tokens[1].tag.startswith("J"):
        return False
    first = tokens[0]
    if first.start == 0 and first.len == len(stem) and first.tag == "NNG" and first.id >= KIWI_FIRST_KNOWN_ID:
        return not strict and len(stem) == 2 and (titled or plausible_given(stem))
    return True


RECOGNIZERS = [KoreanNameRecognizer]
