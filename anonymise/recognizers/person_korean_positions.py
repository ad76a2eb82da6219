"""Korean names that only their position says are names, whatever word they also are.

Many given names are ordinary words (하늘, 보람, 진주) and many full names read as a surname and a
word (한+가람); the words around them decide: a title after a given name (하늘 선수, 보람 씨), an
occupation or office after a full name (한가람 건축가, 박도윤 전 장관), the name suffix 이 before
what only a child's name takes (노을이네 집, 가온이 엄마), a parent named after a child (은솔 엄마), a
chat log's speaker label ([다온] [오후 9:13], 상담원 나래:, 민하: … on two lines or more), a given name
before a kinship word (보람 언니가), the slot of a naming phrase (X라는 필명, X라고 불리는, X로 활동하는,
본명은 X), a word between a "my name" cue and a phone or ID number, a compound surname written apart
from its given name (제갈 서진), and a name opening a news sentence before an office (한결 통장은 …
밝혔다). The ordinary readings of the same words stay where no such position holds (축구 선수, 노을이
예쁘다, 얼굴이 엄마 닮았어요, 교회 언니, 모델로 활동하는).
"""
from __future__ import annotations

import functools
import re

from presidio_analyzer import RecognizerResult

from anonymise import vocabulary
from anonymise.kiwi_words import kiwi_tokens
from anonymise.name_data import (KOREAN_ANY_SURNAMES, KOREAN_DOUBLE_SURNAMES, KOREAN_FRUIT_NAME_WORDS,
                                 KOREAN_GIVEN_NAME_TITLES, KOREAN_GIVEN_NAME_WORDS, KOREAN_KIN_WORDS,
                                 KOREAN_LOOKALIKES, KOREAN_NAME_LABELS, KOREAN_PERSON_TITLES, KOREAN_RELATION_WORDS,
                                 KOREAN_ROLE_TITLES, KOREAN_ROLE_WORDS, KOREAN_STAFF_TITLES)
from anonymise.name_split import split_name
from anonymise.recognizers import gates
from anonymise.recognizers.person_base import PersonNameRecognizer
from anonymise.recognizers.person_korean import (COPULAS, KIWI_FIRST_KNOWN_ID, MEDIUM, ROLE_NOUN_ENDINGS, SENTENCE_REST, STRONG, is_one_known_word,
                                                 is_particle_chain, name_after_occupation, opens_sentence,
                                                 plausible_given)

OFFICES = KOREAN_PERSON_TITLES | KOREAN_ROLE_TITLES
# Glued before an office: deputy, chief, honorary, newly appointed ... (부회장, 수석연구원, 명예교수).
OFFICE_PREFIX = re.compile(r"(?:부|수석|명예|신임|초대|전임|선임|책임|수습|객원|겸임|초빙|특임|총괄|前|전|현)?")
# Written apart before an office: former, current, newly appointed (박도윤 전 장관, X 신임 원장).
OFFICE_QUALIFIERS = frozenset("전 현 前 신임 초대 명예 수석 전직 현직".split())
HONORIFIC_TAIL = re.compile(r"님?")
# Titles said to a person rather than of a field (씨, 쌤, a clinic's staff titles: 실장, 코디).
ADDRESS_TITLES = ("씨", "쌤", *KOREAN_STAFF_TITLES)
# Roles and relations are never a name; the look-alikes (정말, 지원, 진주) are not one on weak evidence.
NOT_PEOPLE = KOREAN_ROLE_WORDS | KOREAN_RELATION_WORDS
NOT_NAMES = NOT_PEOPLE | KOREAN_LOOKALIKES
# What may follow a child's people (가온이 엄마예요, 가온이 생일이라): particles or the copula.
COPULA_STARTS = ("이", "인", "였", "예", "님")

WORD = re.compile(r"[가-힣]+")
SPACE_WORD = re.compile(r"[ \t]([가-힣]+)")
# A chat export's speaker: "[name] [오후 9:13] …" at a line's start.
CHAT_SPEAKER = re.compile(r"(?m)^[ \t]*\[(?P<name>[^\[\]\n]{1,20}?)\][ \t]*\[(?:오전|오후|AM|PM|am|pm)[ \t]*\d{1,2}:\d{2}\]")
# The other chat export: "2025년 3월 4일 오후 9:13, name : …" (or 2025. 3. 4. 오후 9:13, name : …).
CHAT_DATED_SPEAKER = re.compile(r"(?m)^[ \t]*\d{4}(?:년|\.)[ \t]*\d{1,2}(?:월|\.)[ \t]*\d{1,2}(?:일|\.)?[ \t]*"
                                r"(?:오전|오후)[ \t]*\d{1,2}:\d{2},[ \t]*(?P<name>[^:,\n]{1,20}?)[ \t]*:")
# A role word, then the name, then a colon: a chat or transcript line's speaker (상담원 나래:).
ROLE_SPEAKER = re.compile(r"(?m)(?:^|\][ \t]*)[ \t]*(?P<role>[가-힣]{2,6})[ \t]+(?P<name>[가-힣]{1,4})[ \t]*[:：]")
# A chat line with its speaker alone first: "민하: …", or after the time "오후 3:12 민하 …".
LINE_SPEAKER = re.compile(r"(?m)^[ \t]*(?:(?:오전|오후)[ \t]*\d{1,2}:\d{2}[ \t]+)?(?P<name>[가-힣]{2,4})[ \t]*[:：][ \t]*\S")
TIME_SPEAKER = re.compile(r"(?m)^[ \t]*(?:오전|오후)[ \t]*\d{1,2}:\d{2}[ \t]+(?P<name>[가-힣]{2,4})[ \t]")
# A group chat's line with the speaker first, then the time, then the message: "감자 오후 9:41 어디야".
# The time stands apart (no 에, 까지 glued): "내일 오후 2:30에" is a time, not a speaker's line.
SPEAKER_TIME = re.compile(r"(?m)^[ \t]*(?P<name>[가-힣A-Za-z][가-힣A-Za-z0-9_]{0,14})[ \t]+(?:오전|오후)[ \t]*\d{1,2}:\d{2}"
                          r"(?=[ \t]+\S|[ \t]*$)")
# What stands before a clock time without being anyone: a day or a part of the day (내일 오후 3:00).
TIME_WORDS = re.compile(r"(?:오늘|내일|모레|어제|그제|그저께|금일|명일|익일|당일|매일|평일|주말|아침|점심|저녁|새벽|밤|낮|"
                        r"[월화수목금토일](?:요일)?|(?:이번|다음|지난|매|담)[ \t]?주?|today|tomorrow|yesterday)", re.IGNORECASE)
SPEAKER_ROLES = KOREAN_ROLE_WORDS | frozenset(KOREAN_STAFF_TITLES) | KOREAN_NAME_LABELS
# "My name is X" and a phone or national ID right after the word (제 이름은 X 010-…, 이름 X 900101-…).
NAME_CUE_ID = re.compile(r"(?:제[ \t]?이름은|이름은|이름이|이름|성함은|성함|성명|저는|전|본인은|본인)[ \t]*[:：]?[ \t]*"
                         r"(?P<name>[가-힣]{1,4})[ \t]*[,/(]?[ \t]*(?=\d{2,3}[-. ]?\d{3,4}[-. ]?\d{4}(?!\d)|\d{6}[- ]?\d{7}(?!\d))")
# The name suffix 이, then what only a person's name takes: 네 (the family of: 노을이네 집, 노을이네 강아지) or
# a child's people and days (노을이 엄마, 노을이 생일, 노을이맘).
SUFFIX_FAMILY = re.compile(r"(?<![가-힣])(?P<name>[가-힣]{1,2})이네(?:(?=는|가|도|랑|에|에서|집|가족|식구|[ \t]+(?:집|가족|식구|엄마|아빠))"
                           r"|[ \t](?P<noun>[가-힣]+))")
CHILD_PEOPLE = r"(?:엄마|아빠|맘|어머니|아버지|어머님|아버님|생일|돌잔치|백일|동생|언니|누나|오빠|형|친구|할머니|할아버지|이모|고모|삼촌|어린이집|유치원|담임)"
SUFFIX_PEOPLE = re.compile(rf"(?<![가-힣])(?P<name>[가-힣]{{1,2}})이[ \t]?{CHILD_PEOPLE}(?P<rest>[가-힣]*)")
# The hypocoristic 이 glued between a name and its particle (여름이가, 보름이는, 콩이를): an ordinary noun
# takes its particle straight (여름이, 여름은), so the 이 is the name's unless it ends the word (고양이가).
# Not 랑: 이랑 is the particle itself after a final consonant (필름이랑, "with the film").
HYPOCORISTIC = re.compile(r"(?<![가-힣])(?P<name>[가-힣]{1,2})이(?:가|는|를|하고|한테|한테서|에게|도|의|만|까지|처럼)(?![가-힣])")
# A family's home, people or things: 하늘네 강아지, 만두네 가게, 구름네는 (X네, X's family's).
FAMILY_OF = re.compile(r"(?<![가-힣])(?P<name>[가-힣]{2})네(?:(?P<particle>는|가|도|랑|에|에서|한테|집|가족|식구)|[ \t](?P<noun>[가-힣]+))(?![가-힣])")
# A child's parent introducing themself: 만두 엄마인데요, 여름 아빠예요 (the copula: I am X's mum).
PARENT_SAYS = re.compile(r"(?<![가-힣])(?P<name>[가-힣]{2})[ \t]?(?:엄마|아빠|맘)(?:인데요|인데|이에요|예요|입니다|이고요|이고|이구요)")
# Kinds of child a parent is named after (아기 엄마, 쌍둥이 엄마, 막내 아빠, 초보 엄마): no name.
CHILD_KINDS = frozenset("아이 아기 애기 아가 막내 초보 쌍둥이 외동 늦둥이 장남 장녀 워킹 싱글 학부모 고딩 중딩 초딩".split())
# A parent named after a child, without the suffix: 은솔 엄마, 은솔맘, 은솔아빠.
PARENT_OF = re.compile(r"(?<![가-힣])(?P<name>[가-힣]{2})(?P<space>[ \t]?)(?:엄마|아빠|맘)(?P<rest>[가-힣]*)")
# A given name, the hypocoristic 이 allowed, one space before a kinship word: 보람 언니가, 가람이 형이랑.
# A grandparent on the mother's side too (외할머니가).
KIN_AFTER_GIVEN = re.compile(r"(?<![가-힣])(?P<name>[가-힣]{2})(?P<hypo>이?)[ \t](?:언니|오빠|누나|형|동생|이모|고모|삼촌|외삼촌|"
                             r"이모부|고모부|숙모|외?할머니|외?할아버지|선배|후배)(?P<rest>[가-힣]*)")
# Naming phrases, whose slot is a name whatever word it is: X라는 필명으로, X라고 불리는, X(으)로 활동하는,
# and 본명은 X이다, 예명 X로.
NAMED_BEFORE = re.compile(r"(?<![가-힣])(?P<name>[가-힣]{2,5}?)(?:이라는|라는|이란|란)[ \t]?"
                          r"(?:필명|예명|닉네임|별명|애칭|가명|본명|이름|활동명|세례명|법명)")
# A quoted word before a naming noun or a person noun: '보리'라는 별명, "연두"라는 필명, ‘곰돌이’란 친구.
# The quotes make any word a name, a phrase (하얀곰) or Latin letters too.
NAMING_NOUNS = r"(?:필명|예명|닉네임|별명|애칭|가명|본명|이름|활동명|세례명|법명)"
PERSON_NOUNS = (r"(?:직원분|직원|선생님|선생|쌤|친구|기사님|기사|분|사람|학생|아이|애|남자|여자|남자애|여자애|언니|오빠|누나|형|"
                r"동생|선배|후배|손님|아저씨|아줌마|이모|삼촌|할머니|할아버지|실장님|원장님|상담사|매니저|코디|간호사)")
QUOTED_NAMED = re.compile(r"['\"‘“](?P<name>[^'\"‘’“”\n]{1,15})['\"’”](?:이라는|라는|이란|란|이라고[ \t]?하는|라고[ \t]?하는)[ \t]?"
                          rf"(?:{NAMING_NOUNS}|{PERSON_NOUNS}(?P<rest>[가-힣]*))")
# A word before (이)라는 and a person noun: 소망이라는 직원분이, 다온이라는 선생님 (one named so), a word or not.
PERSON_NAMED = re.compile(rf"(?<![가-힣])(?P<name>[가-힣]{{2,5}}?)(?:이라는|라는)[ \t]?{PERSON_NOUNS}(?P<rest>[가-힣]*)")
CALLED_AS = re.compile(r"(?<![가-힣])(?P<name>[가-힣]{2,5}?)(?:이라고|라고)[ \t]?(?:불리|불린|불렸|불러|부르|부른|불려)")
ACTING_AS = re.compile(r"(?<![가-힣])(?P<name>[가-힣]{2,5}?)(?:으로|로)[ \t]?(?:활동|데뷔|개명)")
NAME_LABELLED = re.compile(r"(?:본명|예명|필명|닉네임|별명|애칭|가명|활동명|세례명|법명)(?:은|는|이|가|도)?(?:[ \t]*[:：][ \t]*|[ \t]+)"
                           r"(?P<name>[가-힣]{2,5})")
SAYING_OR_DOING = re.compile(r"(?:했|였|었|았|겠)(?:다|습니다)[\"'”’)]*[.!]?$|(?:말했|밝혔|전했|강조했|덧붙였|설명했)")


def _has_final_consonant(syllable: str) -> bool:
    return (ord(syllable) - 0xAC00) % 28 != 0


@functools.lru_cache(maxsize=100_000)
def could_be_given_name(word: str, titled: bool = False, strict: bool = False) -> bool:
    """A word that a name position may take for a given name: an ordinary word parents give as a name
    (하늘, 보람), or a word that no word list or Kiwi reads as a common noun (가온, 다온); see
    ``name_after_occupation`` for ``titled`` (씨/님 after it) and ``strict`` (no dictionary noun)."""
    if word in NOT_PEOPLE or word in KOREAN_PERSON_TITLES or word in KOREAN_ROLE_TITLES:
        return False
    if word in KOREAN_GIVEN_NAME_WORDS:
        return True  # before the look-alikes: 진주 is a city and a name
    return word not in KOREAN_LOOKALIKES and len(word) >= 2 and name_after_occupation(word, word, strict=strict,
                                                                                         titled=titled)


def _noun_like(word: str) -> bool:
    """Kiwi reads no pronoun, bound noun, determiner, adverb, verb, ending or suffix in ``word``: what a
    naming phrase holds is a name, not 뭐라고, 아직 없다, 필요하다."""
    return not any(t.tag in ("NP", "NNB", "MM", "NR", "XPN") or t.tag.startswith(("V", "E", "XS", "MA", "J"))
                   for t in kiwi_tokens(word))


def _speaker_name(word: str) -> bool:
    """A chat line's first word is its speaker when it has a name's shape: a given name no dictionary
    word (or one parents give), or a full name; 답변:, 참고:, 특이사항: stay."""
    if word in NOT_PEOPLE:
        return False
    if len(word) == 2:
        return word in KOREAN_GIVEN_NAME_WORDS or (_noun_like(word) and could_be_given_name(word, strict=True)
                                                   and not is_one_known_word(word) and not vocabulary.is_ordinary_word(word, "ko"))
    parts = split_name(word)
    return parts is not None and len(parts[1]) == 2 and plausible_given(parts[1]) and word not in NOT_NAMES \
        and not is_one_known_word(word)


def _names_one(rest: str) -> bool:
    """What follows a person noun leaves it one person: particles, 님, or the copula (친구가, 분이세요)."""
    rest = rest[1:] if rest.startswith("님") else rest
    return is_particle_chain(rest) or rest.startswith(COPULA_STARTS)


def _is_a_role(word: str) -> bool:
    """A title, office or role (간호사라는 직원, 실장이라는 분): what the person is, not their name."""
    return word in KOREAN_PERSON_TITLES or word in KOREAN_ROLE_TITLES or is_occupation(word)


def _is_a_kind_of_person(word: str) -> bool:
    """A common noun ending like a noun for a kind of person (외국인, 군인, 유학생이라는 친구): unquoted,
    what the friend is; quoted ('천사'라는 친구), a nickname."""
    return word not in KOREAN_GIVEN_NAME_WORDS and word[-1] in ROLE_NOUN_ENDINGS and is_one_known_word(word) \
        and vocabulary.is_frequent_korean_word(word, common=True)


def _childs_name(word: str) -> bool:
    """A noun a child may be called, an ordinary word too (만두, 여름): no role, kin, pronoun, numeral
    (둘째) or common look-alike (진짜, 정말), unless parents give it as a name."""
    if word in KOREAN_GIVEN_NAME_WORDS:
        return True
    return word not in NOT_NAMES and word not in KOREAN_KIN_WORDS and _noun_like(word) \
        and not vocabulary.is_safe_term(word, "ko")


def _hypocoristic(name: str, word: str) -> bool:
    """``word`` is ``name``, the hypocoristic 이 and a particle: 이 after a final consonant, one-syllable
    names only those parents give, and Kiwi reads ``name`` as a word of its own (not 고양+이, 죽이+는)."""
    if not _has_final_consonant(name[-1]) or vocabulary.is_ordinary_word(name + "이", "ko"):
        return False
    if len(name) == 1 and name not in KOREAN_GIVEN_NAME_WORDS or not _childs_name(name):
        return False
    tokens = kiwi_tokens(word)
    return not any(t.start < len(name) < t.start + t.len for t in tokens) and not any(
        t.start == len(name) and t.len > 1 and not t.tag.startswith("J") for t in tokens)


# The subject's and topic's particles: after a title, what makes it the clause's person (나래 선수는,
# 사장님이), not a modifier's (원로 작가의 강연, 과장님의 업무).
SUBJECT_PARTICLES = frozenset("이 가 은 는 께서 께서는 도".split())


@functools.lru_cache(maxsize=100_000)
def _person_word_with_particle(word: str) -> bool:
    """A title one addresses a given name by (선수는, 씨는, 실장님이), or any office with 님 (사장님이,
    주무관님은), and the subject's or topic's particle: the person the clause is about.
    Without 님 an office is as often one a field noun modifies (주전 선수는 is a given title's case, ruled
    by the word before it; measured: an office without 님 lost keep-rate). Kinship words: ``_before_kin``."""
    for cut in range(1, len(word) + 1):  # each prefix of the word looked up, not each title tried
        title = word[:cut]
        if title in KOREAN_GIVEN_NAME_TITLES:
            rest = word[cut:]
            rest = rest[1:] if rest.startswith("님") else rest
            if rest and is_particle_chain(rest) and (title.startswith(ADDRESS_TITLES) or not rest.startswith("의")):
                return True
    start = OFFICE_PREFIX.match(word).end()
    # An office whose own word ends in 님 (스님) is addressed so already: 스님은, as 사장님은.
    for cut in range(start + 1, len(word)):
        if word[start:cut] in OFFICES:
            rest = word[cut:] if word[cut - 1] == "님" else word[cut + 1:] if word.startswith("님", cut) else None
            if rest in SUBJECT_PARTICLES:
                return True
    return False


def opens_clause(text: str, start: int) -> bool:
    """The word at ``start`` opens a sentence (``opens_sentence``) or a clause: after a comma, or after a
    word ending in a connective ending (갔더니, 왔는데, 먹고)."""
    if opens_sentence(text, start) or re.search(r",[ \t]*$", text[max(0, start - 3):start]):
        return True
    before = re.search(r"([가-힣]+)[ \t]+$", text[max(0, start - 20):start])
    return before is not None and kiwi_tokens(before.group(1))[-1].tag == "EC"


def _addressed_at_clause_start(text: str, start: int, word: str, title: str) -> bool:
    """여름 선수는, 나물 주무관이, 만두 씨는: a two-syllable word opening a clause before a person word
    and that word's own particle is the person's given name, an ordinary word too: a rare one of
    given-name syllables before any title or office, any noun before 씨 (a seed, 수박 씨, is not a
    person's: the look-alikes and fruit stay). A frequent noun there is the office's field or kind (축구
    선수는, 회사 사장님이) and stays; so does a word inside a clause (올해 최고 선수는), and an ordinary
    word Kiwi cuts in two (주+전 선수는: the word, not a name Kiwi knows no better)."""
    if not _person_word_with_particle(title) or not opens_clause(text, start):
        return False
    if word in KOREAN_KIN_WORDS or _is_a_role(word) or _is_a_kind_of_person(word) or not _noun_like(word):
        return False
    if vocabulary.is_ordinary_word(word, "ko") and not is_one_known_word(word) and word not in KOREAN_GIVEN_NAME_WORDS:
        return False
    if title.startswith("씨"):
        return word not in KOREAN_FRUIT_NAME_WORDS and _childs_name(word)
    return could_be_given_name(word)


def _title_ending(rest: str) -> bool:
    rest = rest[1:] if rest.startswith("님") else rest
    return is_particle_chain(rest) or (rest.startswith("에") and is_particle_chain(rest[1:]))


def _starts_with(word: str, titles: frozenset[str], prefixed: bool = False) -> bool:
    """``word`` is one of ``titles`` (a prefix such as 부-, 수석 allowed when ``prefixed``) and 님 or particles."""
    start = OFFICE_PREFIX.match(word).end() if prefixed else 0
    return any(word[at:cut] in titles and _title_ending(word[cut:])
               for at in {0, start} for cut in range(at + 1, len(word) + 1))


# After 군/양 these are a county's or an amount's (가평 군에서, 복용 양으로), not a person's.
PLACE_PARTICLES = ("에", "으로", "로")


@functools.lru_cache(maxsize=100_000)
def is_given_name_title(word: str) -> bool:
    if word[:1] in ("군", "양") and word[1:].startswith(PLACE_PARTICLES):
        return False
    return _starts_with(word, KOREAN_GIVEN_NAME_TITLES)


@functools.lru_cache(maxsize=100_000)
def is_office(word: str) -> bool:
    return _starts_with(word, OFFICES, prefixed=True)


@functools.lru_cache(maxsize=100_000)
def is_occupation(word: str) -> bool:
    """An office of the lists (``is_office``) or a compound ending in one (기획팀장이, 영화감독,
    요가강사는), 님 and particles allowed. Asked only after a full name."""
    if is_office(word):
        return True
    # Kiwi reads the office as a word of its own, or the head before it is two syllables or more
    # (영화+감독은, which Kiwi reads as one noun): not 주+차장. Kiwi is asked only for a one-syllable
    # head before an office of two syllables or more: most words hold no office at all.
    return any(word[cut:end] in OFFICES and _title_ending(word[end:])
               and (cut >= 2 or cut in {t.start for t in kiwi_tokens(word)})
               for cut in range(1, len(word) - 1) for end in range(cut + 2, len(word) + 1))


# How a Sino-Korean noun for a person ends: -원 (員), -사 (士, 師), -장 (長), -관 (官), -수 (手), -가 (家), -인 (人),
# -생 (生), -자 (者): 환경미화원, 보건소장, 기수, 수상자.
PERSON_NOUN_SUFFIXES = frozenset("원 사 장 관 수 가 인 생 자".split())
# Determiners glued to a noun in casual writing (전국민, 이번): 한, the commonest surname, is a name's there.
GLUED_DETERMINERS = frozenset("이 그 저 전 첫 새 옛 각 본 당 현 구 신 총 매 제 모".split())


@functools.lru_cache(maxsize=100_000)
def _unlisted_occupation(word: str) -> bool:
    """An occupation the title lists lack (환경미화원은, 보건소장은, 기수는): one noun of Kiwi's dictionary,
    two syllables or more, ending like a noun for a person, then the subject's or topic's particle.
    The lists cannot hold the open class; the particle keeps it to the clause's person."""
    tokens = kiwi_tokens(word)
    if len(tokens) != 2 or not tokens[1].tag.startswith("J") or word[tokens[1].start:] not in SUBJECT_PARTICLES:
        return False
    noun = tokens[0]
    return noun.start == 0 and noun.tag == "NNG" and noun.id >= KIWI_FIRST_KNOWN_ID and noun.len >= 2 \
        and word[noun.len - 1] in PERSON_NOUN_SUFFIXES


def _name_read_as_name(word: str) -> bool:
    """Kiwi does not read ``word`` as one dictionary word (신인상, a prize, before 수상자), nor as a prefix
    and a noun (최+우수, 신+기록), and it has a surname and given-name syllables, or Kiwi cuts it into a
    surname and a word (한+소망; 한 also reads as the determiner "one")."""
    tokens = kiwi_tokens(word)
    if is_one_known_word(word) or tokens[0].tag == "XPN" or (tokens[0].tag == "MM" and word[0] in GLUED_DETERMINERS):
        return False
    return vocabulary.is_name_word(word, "ko") or (
        len(tokens) == 2 and tokens[0].len == len(word) - 2 and tokens[1].tag in ("NNG", "NNP") and tokens[1].len == 2)


def _full_name(word: str) -> bool:
    """Surname (any, compound or rare) and a two-syllable given name that no word list has as a word."""
    surname = word[:2] if len(word) == 4 and word[:2] in KOREAN_DOUBLE_SURNAMES else word[:1]
    return (surname in KOREAN_ANY_SURNAMES and len(word) - len(surname) == 2 and word not in NOT_NAMES
            and not vocabulary.is_safe_term(word, "ko") and not vocabulary.is_ordinary_word(word, "ko")
            and word not in KOREAN_PERSON_TITLES and word not in KOREAN_ROLE_TITLES)


class KoreanNamePositionRecognizer(PersonNameRecognizer):
    """Korean names of any word, found by a position only a person's name takes."""
    TEXT_GATES = (gates.HANGUL,)
    LANGUAGE = "ko"

    def find(self, text: str) -> list[RecognizerResult]:
        spans = (self._speakers(text) + self._before_an_id(text) + self._children(text)
                 + self._before_titles(text) + self._compound_surnames(text) + self._before_kin(text)
                 + self._named_as(text))
        # Not vetoed by korean_grammar as the other Korean name rules are: measured, vouching for a word
        # before a title by its predicate reading cost a name on each of two Korean sets (even only for
        # words of three syllables or more), for none of their keep-rate.
        return [RecognizerResult("PERSON", start, end, score) for start, end, score in spans]

    @staticmethod
    def _speakers(text: str) -> list[tuple[int, int, float]]:
        """[다온] [오후 9:13], 2025년 3월 4일 오후 9:13, 다온 : a chat export names the speaker of every
        line; 상담원 나래: a role and a name."""
        spans = []
        if "[" in text or "," in text:
            for match in (*CHAT_SPEAKER.finditer(text), *CHAT_DATED_SPEAKER.finditer(text)):
                name = match.group("name").strip()
                if name and name not in NOT_PEOPLE:
                    start = match.start("name") + match.group("name").index(name)
                    spans.append((start, start + len(name), STRONG))
        if ":" in text or "：" in text:
            for match in ROLE_SPEAKER.finditer(text):
                name = match.group("name")
                # a name, not what the role wrote (고객 문의:, 상담사 답변:, 원장 소견:)
                if match.group("role") in SPEAKER_ROLES and name not in NOT_PEOPLE and (
                        name in KOREAN_GIVEN_NAME_WORDS or not (is_one_known_word(name) or name in KOREAN_LOOKALIKES
                                                                or vocabulary.is_frequent_korean_word(name, common=True))):
                    spans.append((match.start("name"), match.end("name"), STRONG))
        lines = [*LINE_SPEAKER.finditer(text), *TIME_SPEAKER.finditer(text)]
        # Speaker, then time: the line's shape names its speaker, a nickname of any word too (감자, 구름빵),
        # but not a day before the time of a list of slots (내일 오후 2:30 가능).
        nicknames = [m for m in SPEAKER_TIME.finditer(text) if m.group("name") not in NOT_PEOPLE
                     and not TIME_WORDS.fullmatch(m.group("name"))]
        if len({text.count("\n", 0, m.start()) for m in lines + nicknames}) >= 2:  # a chat: two lines or more so
            spans += [(m.start("name"), m.end("name"), STRONG) for m in lines if _speaker_name(m.group("name"))]
            spans += [(m.start("name"), m.end("name"), STRONG) for m in nicknames]
        return spans

    @staticmethod
    def _before_an_id(text: str) -> list[tuple[int, int, float]]:
        """제 이름은 X 010-…: the word between a "my name" cue and a phone or ID is the name."""
        spans = []
        for match in NAME_CUE_ID.finditer(text):
            name = match.group("name")
            if could_be_given_name(name) or split_name(name) is not None and name not in NOT_NAMES:
                spans.append((match.start("name"), match.end("name"), STRONG))
        return spans

    @staticmethod
    def _children(text: str) -> list[tuple[int, int, float]]:
        """노을이네 집, 가온이 엄마, 은솔 엄마, 은솔맘: a child's name with the suffix 이 before its family,
        or a parent called after the child; 고양이네, 얼굴이 엄마 닮았어요, 아이 엄마 stay."""
        spans = []
        for pattern in (SUFFIX_FAMILY, SUFFIX_PEOPLE):
            for match in pattern.finditer(text):
                name = match.group("name")
                rest = match.groupdict().get("rest") or ""
                noun = match.groupdict().get("noun")
                if noun and not kiwi_tokens(noun)[0].tag.startswith("NN"):
                    continue  # 꽃이네 진짜: the exclamation 네, then anything; 하늘이네 강아지: the family's
                if rest and not (is_particle_chain(rest) or rest.startswith(COPULA_STARTS)):
                    continue  # 엄마+닮았 … : what follows is no particle
                if not _has_final_consonant(name[-1]) or vocabulary.is_ordinary_word(name + "이", "ko"):
                    continue  # the 이 belongs to the word (고양이, 아이)
                if (len(name) == 1 and name not in KOREAN_GIVEN_NAME_WORDS) or not could_be_given_name(name):
                    continue
                spans.append((match.start("name"), match.end("name"), MEDIUM))
        for match in HYPOCORISTIC.finditer(text):
            name = match.group("name")
            if _hypocoristic(name, match.group()):
                spans.append((match.start("name"), match.end("name"), MEDIUM))
        for match in FAMILY_OF.finditer(text):
            name, noun = match.group("name"), match.group("noun")
            if noun and not kiwi_tokens(noun)[0].tag.startswith("NN"):
                continue  # 만두네 이거, 진짜네 완전: the exclamation 네, then anything
            if _childs_name(name):
                spans.append((match.start("name"), match.end("name"), MEDIUM))
        for match in PARENT_SAYS.finditer(text):
            name = match.group("name")
            if _childs_name(name) and name not in CHILD_KINDS and not _is_a_kind_of_person(name):
                spans.append((match.start("name"), match.end("name"), MEDIUM))
        for match in PARENT_OF.finditer(text):
            name, rest = match.group("name"), match.group("rest")
            if rest and not (is_particle_chain(rest) or rest.startswith(COPULA_STARTS)):
                continue
            if name in KOREAN_KIN_WORDS or not (name in KOREAN_GIVEN_NAME_WORDS
                                                or name_after_occupation(name, name, strict=True)):
                continue
            spans.append((match.start("name"), match.end("name"), MEDIUM))
        return spans

    @staticmethod
    def _before_titles(text: str) -> list[tuple[int, int, float]]:
        """하늘 선수, 보람 씨: a given name that is a word, before a title one addresses a person by;
        한가람 건축가, 박도윤 전 장관, 김다은 수석연구원: a full name before any occupation or office;
        한결 통장은 … 밝혔다: a name opening a sentence before an office, the sentence ending in a verb
        of saying or doing. 축구 선수, 수박 씨, 마을 통장은 stay."""
        spans = []
        words = list(WORD.finditer(text))
        for index, match in enumerate(words[:-1]):
            word, after = match.group(), words[index + 1]
            gap = text[match.end():after.start()]
            if gap not in (" ", "\t") or (match.start() and text[match.start() - 1].isdigit()):
                continue
            title = after.group()
            if title in OFFICE_QUALIFIERS and index + 2 < len(words) \
                    and text[after.end():words[index + 2].start()] == " ":
                title = words[index + 2].group()  # 박도윤 전 장관
            if len(word) in (3, 4) and is_occupation(title) and _full_name(word):
                spans.append((match.start(), match.end(), STRONG))
                continue
            if len(word) in (3, 4) and _unlisted_occupation(title) and _full_name(word) and _name_read_as_name(word):
                spans.append((match.start(), match.end(), MEDIUM))
                continue
            if len(word) > 3 or word in KOREAN_ANY_SURNAMES and len(word) == 1:
                continue
            given = is_given_name_title(title) and not (title.startswith("씨") and word in KOREAN_FRUIT_NAME_WORDS)
            # 씨/님 make a rare noun a name too (소망 님); before an occupation a rare noun is more often
            # its field or rank (신인 배우, 원로 작가), and 양/군 are also an amount and a county (복용 양).
            honorific = title.startswith(("씨", "님"))
            if given and could_be_given_name(word, titled=honorific, strict=not honorific):
                spans.append(KoreanNamePositionRecognizer._with_spaced_surname(text, words, index))
                continue
            if len(word) == 2 and _addressed_at_clause_start(text, match.start(), word, title):
                spans.append((match.start(), match.end(), MEDIUM))
                continue
            if is_office(after.group()) and opens_sentence(text, match.start()) and could_be_given_name(word, strict=True) \
                    and SAYING_OR_DOING.search(SENTENCE_REST.match(text, after.end()).group().rstrip()):
                spans.append((match.start(), match.end(), MEDIUM))
        return spans

    @staticmethod
    def _with_spaced_surname(text: str, words: list, index: int) -> tuple[int, int, float]:
        """The given name's span, and a surname written apart before it (김 하늘 작가, 이 바다 씨)."""
        match = words[index]
        if index and words[index - 1].group() in KOREAN_ANY_SURNAMES and text[words[index - 1].end():match.start()] == " ":
            return words[index - 1].start(), match.end(), STRONG
        return match.start(), match.end(), STRONG

    @staticmethod
    def _before_kin(text: str) -> list[tuple[int, int, float]]:
        """보람 언니가, 가람이 형이랑, 지호 할머니: a word a given name may be before a kinship word is that
        person's name; 교회 언니, 우리 형, 사촌 동생 stay (no word of a name's shape)."""
        spans = []
        for match in KIN_AFTER_GIVEN.finditer(text):
            name, rest = match.group("name"), match.group("rest")
            if rest and not (is_particle_chain(rest) or rest.startswith(COPULA_STARTS)):
                continue
            if match.group("hypo") and not _has_final_consonant(name[-1]):
                continue  # 이 after an open syllable belongs to the word (나이, 아이)
            if name in KOREAN_KIN_WORDS or not _noun_like(name) or not could_be_given_name(name):
                continue
            spans.append((match.start("name"), match.end("name"), MEDIUM))
        return spans

    @staticmethod
    def _named_as(text: str) -> list[tuple[int, int, float]]:
        """X라는 필명으로, X라고 불리는, X(으)로 활동하는, 본명은 X: the slot of a naming phrase is a
        name. Before 활동/데뷔 an occupation or common noun is what one works as (모델로 활동하는), so
        there the word must be of a name's shape and no ordinary word; the other phrases name whatever word
        they hold."""
        spans = []
        for match in QUOTED_NAMED.finditer(text):
            name, rest = match.group("name").strip(), match.group("rest") or ""
            if name and _names_one(rest) and name not in NOT_PEOPLE and not _is_a_role(name) \
                    and not any(t.tag in ("NP", "NNB") for t in kiwi_tokens(name)):
                start = match.start("name") + match.group("name").index(name)
                spans.append((start, start + len(name), MEDIUM))
        for match in PERSON_NAMED.finditer(text):
            name = match.group("name")
            if _names_one(match.group("rest")) and name not in NOT_PEOPLE and _noun_like(name) and not _is_a_role(name) \
                    and not _is_a_kind_of_person(name):
                spans.append((match.start("name"), match.end("name"), MEDIUM))
        for pattern in (NAMED_BEFORE, CALLED_AS, ACTING_AS):
            for match in pattern.finditer(text):
                name = match.group("name")
                if name in NOT_PEOPLE or not _noun_like(name):
                    continue
                if pattern is ACTING_AS and not (name in KOREAN_GIVEN_NAME_WORDS or not vocabulary.is_ordinary_word(name, "ko") and (
                        could_be_given_name(name, strict=True) or _full_name(name) and not is_one_known_word(name))):
                    continue
                spans.append((match.start("name"), match.end("name"), MEDIUM))
        for match in NAME_LABELLED.finditer(text):
            word = match.group("name")
            for length in range(2, len(word) + 1):  # shortest first: 한가람|이고, not 한가람이고
                rest = word[length:]
                if rest and not (is_particle_chain(rest) or rest.startswith(COPULA_STARTS)
                                 or rest in ("다", "고", "며", "라", "로")):
                    continue
                name = word[:length]
                if name not in NOT_PEOPLE and _noun_like(name) and (
                        name in KOREAN_GIVEN_NAME_WORDS or not vocabulary.is_frequent_korean_word(name, common=True)):
                    spans.append((match.start("name"), match.start("name") + length, MEDIUM))
                break
        return spans

    @staticmethod
    def _compound_surnames(text: str) -> list[tuple[int, int, float]]:
        """제갈 서진 교수, 황보 지원 원장님께, 남궁 민수 씨: a compound surname written apart, then a given
        name of given-name syllables or a word a name may be, before a title, 님/씨 or a particle."""
        spans = []
        for match in WORD.finditer(text):
            surname = match.group()
            if surname not in KOREAN_DOUBLE_SURNAMES:
                continue
            given = SPACE_WORD.match(text, match.end())
            if given is None:
                continue
            word = given.group(1)
            for length in (2, 1):
                name, rest = word[:length], word[length:]
                if len(name) < length or name in NOT_PEOPLE:
                    continue
                nxt = SPACE_WORD.match(text, given.end())
                titled = (rest.startswith(("님", "씨")) and is_particle_chain(rest[1:])) or (
                    not rest and nxt is not None and (is_given_name_title(nxt.group(1)) or is_office(nxt.group(1))))
                if titled or (is_particle_chain(rest) or rest.startswith(COPULAS)) and name not in NOT_NAMES and (
                        plausible_given(name) or could_be_given_name(name)):
                    spans.append((match.start(), given.start(1) + length, STRONG))  # the surname with it
                    break
        return spans


RECOGNIZERS = [KoreanNamePositionRecognizer]
