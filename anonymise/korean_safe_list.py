"""The safe-list pass for Hangul words: Kiwi's morphology says what is a proper noun.

A Hangul word (eojeol) is kept when Kiwi reads it as known morphemes with no proper noun (NNP)
and no unknown noun (Kiwi's out-of-vocabulary guesses), or when that noun is a safe term
(safe_ko.txt, also given to Kiwi as user words so it reads them whole). A proper noun or unknown
noun goes: as PERSON when it has the shape of a Korean name (surname + given name) or a title or
honorific follows it, else as NAME (a foreign name in Hangul, a brand, a place below 시/도).
A proper or unknown noun that Kiwi's morphology also vouches for as common nouns stays: one of its
best readings has it as one dictionary noun (살수차/NNG), or it cuts into dictionary nouns of two
syllables or more (간호+기록지); never a name's shape or a word of a person's name in Kiwi's
dictionary of people (its multi-word headwords of class human), which goes even when Kiwi reads
it as ordinary syllables.
An unknown noun that ends like a medical compound (연장술; endings in safe_ko.txt), or stands
next to a medical word (콧볼 축소), is medical vocabulary unless it has a name's shape. One that is an
ordinary word and a Sino-Korean suffix (섬유+화, 판독+지; vocabulary.is_suffixed_compound) is a common
noun; of a name's shape (고정+술, 상담+료) it goes only before a title.
A word Kiwi reads as ordinary words can still be a name it does not know (최종+민): when the
stem before its particles has the surname + given-name shape and Kiwi cuts it into nouns with a
one-syllable piece (or into single syllables), it goes too; with any other reading (한+지원) only
when a title follows it (한지원 감독).

Verdicts depend on the word alone and are cached per word, so repeated words cost one lookup;
only the PERSON/NAME choice reads the words around it.
"""
from __future__ import annotations

import functools
import re

from anonymise import vocabulary
from anonymise.eponyms import is_scale_before_grade, scale_before_grade
from anonymise.vocabulary.loanword_shape import THING_PARTICLES, is_loanword_shaped
from anonymise.vocabulary.name_lists import starts_with_cjk_surname
from anonymise.kiwi_words import kiwi_tokens
from anonymise.korean_grammar import vouched_not_a_name
from anonymise.quasi_identifiers.schools import KO_LEVELS
from anonymise.quasi_identifiers.workplaces import COMPANY_ENDINGS
from anonymise.vocabulary import DISEASE_ENDINGS
from anonymise.name_data import (KOREAN_ANY_SURNAMES, KOREAN_DOUBLE_SURNAMES, KOREAN_GLUED_TITLES, KOREAN_LOOKALIKES,
                                 KOREAN_NAME_TITLES, KOREAN_PERSON_TITLES, KOREAN_RELATION_WORDS, KOREAN_ROLE_WORDS,
                                 KOREAN_STAFF_TITLES, KOREAN_SURNAMES)
from anonymise.recognizers.person_korean import (COPULAS, KIWI_FIRST_KNOWN_ID, NAME_PARTICLES, PLACE_ENDINGS,
                                                 is_particle_chain, kiwi, name_after_occupation, plausible_given)

HANGUL_WORD = re.compile(r"[가-힣]+")
# Titles and honorifics after a name, glued or as the next word (김민수님, 민수 씨, 박 감독, 이 의원).
TITLES_AFTER = tuple(sorted(set(KOREAN_NAME_TITLES) | KOREAN_PERSON_TITLES, key=len, reverse=True))
# Surnames that, alone before a title, are more often "my" or "a certain" (제 선생님, 모 선수).
NOT_SURNAMES_BEFORE_TITLE = frozenset("제 모".split())
# Between the names of a list that a title ends (A·B 감독, A, B 선수).
# Occupation titles written glued to a name (X감독의, X선수가); 님/씨 glued are the name recognizer's.
GLUED_TITLES = tuple(sorted(KOREAN_GLUED_TITLES, key=len, reverse=True))
# Occupations and offices (not 씨/님): the word before them names who holds one.
OCCUPATIONS = tuple(sorted(KOREAN_PERSON_TITLES, key=len, reverse=True))
NAME_LIST_JOINERS = ("·", "ㆍ", "ᆞ", ", ", ",", "/", " 및 ", "과 ", "와 ")
NOUN_TAGS = ("NNG", "NNP", "NNB", "NR", "NP", "XR", "XSN", "SL", "SH")
CACHED_WORDS = 50_000
# Kiwi's readings of a word looked at, and how far below the best (log-probability) one may score and
# still vouch for a proper noun as a common noun.
READINGS = 6
READING_MARGIN = 2.0
NAME_SHAPE_IF_TITLED = "name-shape-titled"
# A loanword's shape (vocabulary.loanword_shape) stays only glued to a particle of place or means.
LOANWORD_IN_THING_PLACE = "loanword-shape"
ONE_SYLLABLE_PARTICLES = frozenset("이가은는을를의도와과랑")
FRAGMENT_TAGS = frozenset("NNG NNP NNB NP MM IC MAG XR".split())
# How Kiwi reads a surname syllable it does not take for a name: an interjection, determiner, adverb,
# noun or root (허/IC, 온/MM, 채/MAG, 변/NNG); a prefix (고-, 신-, 반-) makes a word.
SURNAME_READINGS = frozenset("IC MM MAG NNG NNB NR XR".split())
# Determiners that glue onto the next noun in casual writing (이사람, 전세계, 한번): not surnames there.
DETERMINERS = frozenset("이 그 저 전 한 첫 새 옛 각 본 당 현 구 신 총 매 제 모".split())


def _is_suspect(token) -> bool:
    return token.tag == "NNP" or (token.tag.startswith("NN") and token.id < KIWI_FIRST_KNOWN_ID)


def _safe(stem: str) -> bool:
    return vocabulary.is_safe_term(stem, "ko") or stem in KOREAN_LOOKALIKES or stem in KOREAN_ROLE_WORDS \
        or vocabulary.is_safe_place_station(stem) or vocabulary.is_province_compound(stem) \
        or vocabulary.is_form_label(stem)  # 대전역, 서울지하철; 출력자, 수진자: a form's label


def _name_shaped(piece: str) -> bool:
    """Surname + given-name shape, and not ending like a place (강남구, 역삼동, 신사역)."""
    return vocabulary.is_name_word(piece, "ko") and piece[-1] not in PLACE_ENDINGS


def _medical_compound(piece: str) -> bool:
    """Ends like a procedure, device or drug compound (연장술, 코끝성형), longer than the ending."""
    return any(piece.endswith(e) and len(piece) > len(e) for e in vocabulary.safe_endings("ko"))


def _medical_word(word: str) -> bool:
    """A word that starts with a compound ending of the vocabulary (축소를, 토닝이랑, 수술), or is a
    medical compound itself (거상술)."""
    return any(word.startswith(e) for e in vocabulary.safe_endings("ko")) or _medical_compound(word)


def _stem_end(word: str, tokens) -> int:
    """Where the word's leading nouns end (김민수에게 -> 3), by Kiwi's reading; the whole word when it
    reads no noun first."""
    end = 0
    for token in tokens:
        if not token.tag.startswith(NOUN_TAGS) or token.start != end:
            break
        end = token.start + token.len
    return end or len(word)


def _given_name_end(word: str) -> int:
    """Where the given name after a word's first syllable (a surname) ends: before the particles that
    follow it (민+일영, 허+영달과, 류+시시의), at most three syllables on; 1 when nothing fits. A name is
    never cut there: no syllables stay glued to its placeholder."""
    for end in range(2, min(4, len(word)) + 1):
        if is_particle_chain(word[end:]):
            return end
    return 1


def _kiwi_vouches_as_nouns(word: str, start: int, end: int) -> bool:
    """Kiwi took ``word[start:end]`` for a proper or unknown noun, but it is a common word (wordfreq
    Zipf >= 4: 구글, 일본어; not two syllables that make a given name, 은지), or Kiwi's morphology also
    vouches for it as common nouns: a reading among its best (within READING_MARGIN of the first)
    that has the stretch as one dictionary noun (살수차/NNP, also 살수차/NNG), or a cut of it into
    words of two syllables or more that ends in a dictionary noun (간호+기록지, 블루투스+이어폰). Never a
    name's shape, nor a word of a person's name in Kiwi's dictionary of people (some nouns are
    also names)."""
    piece = word[start:end]
    if _name_shaped(piece) or vocabulary.is_known_person_name_word(piece) or _organisation_name(piece):
        return False
    if len(piece) >= 2 and vocabulary.is_frequent_korean_word(piece, common=True) \
            and not (len(piece) == 2 and plausible_given(piece)):
        return True  # a common word Kiwi calls a proper noun (구글, 일본어), not a given name (은지)
    best = None
    for tokens, score in kiwi().analyze(word, top_n=READINGS):
        best = score if best is None else best
        if best - score > READING_MARGIN:
            break
        inside = [t for t in tokens if t.start < end and t.start + t.len > start]
        if len(inside) == 1 and inside[0].start == start and inside[0].len == end - start and _dictionary_noun(inside[0]):
            return True
    return len(piece) >= 4 and _cuts_into_nouns(piece)


# The kind of an organisation (해운, 전자, 초등학교, 여고) after words that name it: those words and the kind
# are all common nouns, so Kiwi's readings would vouch for an employer's or a school's name.
ORGANISATION_KINDS = tuple(sorted({*COMPANY_ENDINGS, *(level for level in KO_LEVELS if len(level) >= 2)}, key=len,
                                  reverse=True))


def _organisation_name(piece: str) -> bool:
    return any(piece.endswith(kind) and len(piece) > len(kind) for kind in ORGANISATION_KINDS)


def _dictionary_noun(token) -> bool:
    return token.tag == "NNG" and token.id >= KIWI_FIRST_KNOWN_ID and token.len >= 2


@functools.lru_cache(maxsize=CACHED_WORDS)
def _one_dictionary_noun(text: str) -> bool:
    tokens = kiwi_tokens(text)
    return (len(tokens) == 1 and tokens[0].len == len(text) and _dictionary_noun(tokens[0])
            and not vocabulary.is_known_person_name_word(text))


def _modifier_part(text: str) -> bool:
    """A part before a compound's head: a dictionary noun or an ordinary word (블루투스), not a word
    of a person's name."""
    return _one_dictionary_noun(text) or (vocabulary.is_ordinary_word(text, "ko")
                                          and not vocabulary.is_known_person_name_word(text))


@functools.lru_cache(maxsize=CACHED_WORDS)
def _cuts_into_nouns(text: str, parts: int = 3) -> bool:
    """``text`` is one to ``parts`` words of two syllables or more written together, the last (the head
    of a Korean compound) a dictionary noun, the ones before it dictionary nouns or ordinary words."""
    if _one_dictionary_noun(text):
        return True
    return parts > 1 and any(_modifier_part(text[:cut]) and _cuts_into_nouns(text[cut:], parts - 1)
                             for cut in range(2, len(text) - 1))


@functools.lru_cache(maxsize=CACHED_WORDS)
def word_verdict(word: str) -> tuple[tuple[int, int, bool, str], ...]:
    """(start, end, name_shaped, reason) of each stretch of the Hangul ``word`` that must go."""
    if _safe(word):
        return ()
    tokens = kiwi_tokens(word)
    stem = word[:_stem_end(word, tokens)]
    if _safe(stem):
        return ()
    found = []
    run: list = []

    def close() -> None:
        if run and sum(t.len for t in run) == 1 and len(word) == 1:
            run.clear()  # one syllable alone (만 in 150만, 원) is a unit or particle, not a name
        if run:
            start, end = run[0].start, run[-1].start + run[-1].len
            if end > len(stem) > start:
                end = len(stem)  # Kiwi read a particle into the unknown noun (홍길순이)
            elif end < len(stem) and all(t.len == 1 for t in tokens if end <= t.start < len(stem)):
                end = len(stem)  # ... or cut the noun short (나탈리+아)
            if end - start >= 4 and word[end - 1] in ONE_SYLLABLE_PARTICLES and _name_shaped(word[start:end - 1]):
                end -= 1  # an unknown name read with its particle (홍길순이)
            surname = start == 0 and end == 1 and word[0] in KOREAN_ANY_SURNAMES
            if surname:
                end = _given_name_end(word)  # a surname Kiwi knows, then a given name it reads as words
                if vocabulary.is_ordinary_word(word[:end], "ko") or is_title_word(word[:end]):
                    run.clear()  # 지청장, 주무관: a word or title whose first syllable Kiwi took for a name
                    return
            piece = word[start:end]
            if vocabulary.is_suffixed_compound(piece):
                if _name_shaped(piece):  # 고정술: a compound of a name's shape goes only before a title
                    found.append((start, end, True, NAME_SHAPE_IF_TITLED))
            elif not _safe(piece) and not (_medical_compound(piece) and not vocabulary.is_name_word(piece, "ko")) \
                    and not vocabulary.disease_with_ending(word, start, end) and not _kiwi_vouches_as_nouns(word, start, end):
                reason = LOANWORD_IN_THING_PLACE if is_loanword_shaped(piece) else \
                    "kiwi-nnp" if any(t.tag == "NNP" for t in run) else "kiwi-unknown"
                found.append((start, end, surname or _name_shaped(piece), reason))
            run.clear()

    for token in tokens:
        if _is_suspect(token) and token.start + token.len <= len(word):
            run.append(token)
        else:
            close()
    close()
    if found:
        return tuple(found)
    # A name Kiwi cut into ordinary nouns: surname + given-name shape, one piece a single syllable
    # (최종+민); a derivation (반대+하, 단일+화) or a determiner (이+사회) is not a name.
    if 3 <= len(stem) <= 4 and _name_shaped(stem):
        pieces = [t for t in tokens if t.start < len(stem)]
        nouns = all(t.tag in ("NNG", "NNP", "XR", "NR") for t in pieces)
        if len(pieces) >= 2 and (nouns or all(t.len == 1 for t in pieces)) and any(t.len == 1 for t in pieces) \
                and not _one_dictionary_noun(stem) and not vocabulary.is_suffixed_compound(stem):
            return ((0, len(stem), True, "name-shape"),)
        # Any other reading (한+지원, 이+사회), a stem Kiwi reads alone as one dictionary noun (신인+상을,
        # alone 신인상) or a noun and a suffix (상담+료), is a name only when a title follows: see korean_spans.
        return ((0, len(stem), True, NAME_SHAPE_IF_TITLED),)
    bare = _without_particles(word, tokens) if tokens else word
    # A foreign name of Kiwi's dictionary of people that Kiwi reads as a verb (다+울+니): the whole
    # word, or the word before a particle, three syllables or more that no word list has.
    stem = next((word[:n] for n in range(len(word), 2, -1) if is_particle_chain(word[n:])
                 and vocabulary.is_known_person_name_word(word[:n])), "")
    if stem and not _safe(stem) and not vocabulary.is_ordinary_word(stem, "ko") and _odd_reading(tokens) \
            and stem not in KOREAN_PERSON_TITLES and stem not in KOREAN_ROLE_WORDS:
        return ((0, len(stem), False, "kiwi-person-name"),)
    if len(bare) < 2 or _safe(bare) or vocabulary.is_ordinary_word(bare, "ko"):
        return ()
    # A word of a person's name in Kiwi's dictionary of people that no word list has (a foreign name
    # in Hangul that Kiwi reads as ordinary morphemes, X/MAG+Y/NNG): a name, even of two syllables.
    if vocabulary.is_known_person_name_word(bare) and bare not in KOREAN_PERSON_TITLES and bare not in KOREAN_ROLE_WORDS \
            and _cut_like_a_name([t for t in tokens if t.start < len(bare)]):
        return ((0, len(bare), False, "kiwi-person-name"),)
    if len(bare) < 3:
        return ()
    pieces = kiwi_tokens(bare)
    # A foreign name Kiwi does not know, cut into one-syllable pieces (우+디+엘+런): no word list has it.
    if len(pieces) == len(bare) and all(t.len == 1 and t.tag in FRAGMENT_TAGS for t in pieces):
        return ((0, len(bare), False, "kiwi-fragments"),)
    # A surname, then a given name that is a word (온+소망과, 채+가을은): Kiwi vouches for each piece,
    # nothing vouches for the whole. Not a prefix (고+혈압, 신+제품) nor a common determiner (이+사람).
    if len(bare) == 3 and len(pieces) == 2 and len(word) > 3 and bare[0] in KOREAN_SURNAMES \
            and pieces[0].len == 1 and pieces[0].tag in SURNAME_READINGS \
            and not (pieces[0].tag == "MM" and bare[0] in DETERMINERS) \
            and pieces[1].len == 2 and pieces[1].tag in ("NNG", "NNP") and bare[1:] not in KOREAN_ROLE_WORDS:
        return ((0, len(bare), True, "surname-and-word"),)
    return ()


def _odd_reading(tokens) -> bool:
    """Kiwi's reading of a word is no ordinary word: not dictionary nouns and particles (교통+사고+를),
    no verb stem or ending of two syllables or more (나오+지만, 비롯하+ㄴ); one-syllable pieces
    glued together (다/MAG+울/VV+니/EC) are how it reads a foreign name it does not know."""
    content = [t for t in tokens if not t.tag.startswith("J")]
    if all(_dictionary_noun(t) for t in content):
        return False
    return not any(t.len >= 2 and t.tag.startswith(("V", "E", "XSV", "XSA")) for t in tokens)


def _cut_like_a_name(pieces) -> bool:
    """Kiwi cut the word into pieces ending in a noun, with no verb or ending (키+키, 세/MM+나), and not
    into dictionary nouns of two syllables or more (교통+사고, 감기): how it reads a name it does not know."""
    if not pieces or pieces[-1].tag not in ("NNG", "NNP") or any(t.tag.startswith(("V", "XSV", "XSA", "E")) for t in pieces):
        return False
    return not all(t.tag == "NNG" and t.len >= 2 for t in pieces)


def _without_particles(word: str, tokens) -> str:
    """The word without the particles and copula Kiwi reads at its end (채가을은 -> 채가을, 키키예요 -> 키키)."""
    end = len(tokens)
    while end > 1 and tokens[end - 1].tag.startswith(("J", "VCP", "E")):
        end -= 1
    last = tokens[end - 1]
    return word[:min(len(word), last.start + last.len)]


def _before_disease_word(work: str, words: list, index: int) -> bool:
    """The word ``words[index]``, bare of particles, stands one space before the name of a disease
    (하시모토 갑상선염, 레이노 증후군, 크론 병): the person it is named after, not one of the record."""
    if index + 1 >= len(words) or work[words[index].end():words[index + 1].start()] != " ":
        return False
    following = words[index + 1].group()
    bare = _without_particles(following, kiwi_tokens(following))
    return bare.endswith(DISEASE_ENDINGS) and (bare in DISEASE_ENDINGS or vocabulary.is_korean_disease_name(bare))


def _beside_medical_word(work: str, words: list, index: int) -> bool:
    """The Hangul word before or after ``words[index]`` (one space apart) is medical vocabulary."""
    for other in (index - 1, index + 1):
        if 0 <= other < len(words):
            a, b = sorted((words[index], words[other]), key=lambda m: m.start())
            if work[a.end():b.start()] in (" ", "") and _medical_word(words[other].group()):
                return True
    return False


@functools.lru_cache(maxsize=CACHED_WORDS)
def is_title_word(word: str) -> bool:
    """A title or honorific, with 님 and particles allowed after it (선수가, 지청장님은, 씨예요)."""
    return any(word.startswith(title) and _title_ending(word[len(title):]) for title in TITLES_AFTER)


def _title_ending(rest: str) -> bool:
    """What may follow a title: 님, then particles, also 에 (교육감에 관한, 코치에게는)."""
    rest = rest[1:] if rest.startswith("님") else rest
    return is_particle_chain(rest) or (rest.startswith("에") and is_particle_chain(rest[1:]))


CLAIMED = "\ue000"  # what safe_list puts in place of characters another layer claimed
HANGUL_BEFORE = re.compile(r"[가-힣]+$")
# A capital letter standing for a person before a title (A 경장, B 씨).
LETTER_BEFORE_TITLE = re.compile(r"(?<![A-Za-z0-9])[A-Z](?= [가-힣])")
HANJA_GLOSS = re.compile(r"(?<=[가-힣\ue000]\()([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,5})(?=[)\s.·ㆍ,\d])")
_STAFF = "|".join(sorted(KOREAN_STAFF_TITLES, key=len, reverse=True))
_COPULA_AFTER = r"(?:이고|이구|이에요|이예요|예요|입니다|이라고|라고|이라서|이요|요|고|이)"
NAMED_POSITIONS = (
    (re.compile(r"(?<![가-힣])(?P<name>[가-힣]{2,3})[ \t]+(?:드림|올림|배상)(?![가-힣])"), "signature"),
    (re.compile(rf"(?:성함은|성함이|이름은|이름이|제[ \t]?이름은)[ \t]*(?P<name>[가-힣]{{2,3}}?){_COPULA_AFTER}(?![가-힣])"),
     "name-label"),
    (re.compile(rf"(?:^|[\s,.!?])(?:저는|전)[ \t]+(?P<name>[가-힣]{{2,3}}?)(?:이고|이구|이에요|이예요|예요|입니다|이라고|라고)(?![가-힣])"),
     "self-intro"),
    # not a letter's sign-off after the title (상담실장 드림, 원장 올림)
    (re.compile(rf"(?:{_STAFF})[ \t]+(?!(?:드림|올림|배상)(?![가-힣]))(?P<name>[가-힣]{{2}})(?:이가|이는|이랑|이가요|이요|님|씨|가|는|이|랑|에게|한테)?(?![가-힣])"),
     "after-staff-title"),
    (re.compile(r"(?<![가-힣\ue000])(?P<name>[가-힣]{2})이(?:가|는|를|도|한테|하고|께)(?![가-힣])"), "name-suffix"),
    # the whole word before it, a subject particle allowed (은비가 소개해: 은비, not 비가)
    (re.compile(r"(?<![가-힣\ue000])(?P<name>[가-힣]{2})(?:이가|이|가)?[ \t]*(?:소개로|소개받고|소개해|소개받아|추천으로|추천받고)"),
     "referred-by"),
    (re.compile(rf"(?:성은|성이|성씨는|성씨가)[ \t]*(?P<name>[가-힣]{{1,2}}?)(?:씨|가|이|{_COPULA_AFTER})(?![가-힣])"),
     "surname-said"),
)
NEXT_HANGUL = re.compile(r" ?([가-힣A-Z]+)")


def _titled(work: str, end: int) -> bool:
    """A title follows ``end``, glued (김민수님, 편하루감독이) or as the next word (김 선수, 편하루 작가)."""
    after = NEXT_HANGUL.match(work, end)
    return after is not None and is_title_word(after.group(1))


def _name_stem(word: str) -> bool:
    """Surname + a two-syllable word (편하루, 남궁새벽) that no word list vouches for as a whole."""
    surname = word[:2] if len(word) == 4 and word[:2] in KOREAN_DOUBLE_SURNAMES else word[:1]
    return (surname in KOREAN_ANY_SURNAMES and len(word) - len(surname) == 2 and not _safe(word)
            and not vocabulary.is_ordinary_word(word, "ko") and word not in KOREAN_PERSON_TITLES)


def _occupation_after(work: str, end: int) -> bool:
    """An occupation or office is the next word (코레 감독, 투리 작가), or 씨 (투리 씨는); not 님 (고객 님)."""
    after = NEXT_HANGUL.match(work, end)
    if after is None:
        return False
    word = after.group(1)
    return word.startswith("씨") and _title_ending(word[1:]) or any(
        word.startswith(t) and _title_ending(word[len(t):]) for t in OCCUPATIONS)


@functools.lru_cache(maxsize=CACHED_WORDS)
def _unvouched_short_name(word: str) -> bool:
    """Two syllables that no word list vouches for and that Kiwi does not read as one known word: before
    an occupation they are a short or foreign name (코레 감독, 투리 작가); 축구 감독, 여자 코치 stay."""
    if _safe(word) or vocabulary.is_ordinary_word(word, "ko") or word in KOREAN_PERSON_TITLES \
            or word in KOREAN_RELATION_WORDS or word in KOREAN_ROLE_WORDS or word in DETERMINERS:
        return False
    tokens = kiwi_tokens(word)
    return not (len(tokens) == 1 and tokens[0].id >= KIWI_FIRST_KNOWN_ID and tokens[0].tag != "NNP")


@functools.lru_cache(maxsize=CACHED_WORDS)
def _glued_title_name(word: str) -> int:
    """Length of a name glued to an occupation title (X감독의, X선수가, X아저씨), 0 if none: the part
    before the title is two to four syllables that no word list vouches for and that Kiwi reads as a
    proper or unknown noun or as single syllables (축구감독, 국가대표선수, 영화배우 stay)."""
    for title in GLUED_TITLES:
        at = word.find(title, 2)
        if 2 <= at <= 4 and _title_ending(word[at + len(title):]) and any(t.start == at for t in kiwi_tokens(word)):
            stem = word[:at]
            if _safe(stem) or vocabulary.is_ordinary_word(stem, "ko") or stem in KOREAN_ROLE_WORDS or is_title_word(stem):
                continue
            pieces = kiwi_tokens(stem)  # a name Kiwi does not know, or cuts into syllables
            if any(_is_suspect(t) for t in pieces) or all(t.len == 1 for t in pieces):
                return at
    return 0


def _titled_names(work: str, words: list) -> list[tuple[int, int, str, str]]:
    """Names a title points at: a surname alone (김 선수, 윤 지청장님), a full name whose given name is a
    word (편하루 작가: Kiwi reads surname + word), and the names listed before it (A·B 감독)."""
    spans = [(m.start(), m.end(), "PERSON", "letter-title") for m in LETTER_BEFORE_TITLE.finditer(work)
             if _titled(work, m.end())]
    for index, match in enumerate(words):
        word = match.group()
        glued = _glued_title_name(word)
        if glued:
            spans.append((match.start(), match.start() + glued, "PERSON", "glued-title"))
            continue
        if len(word) > 4 or work[match.end():match.end() + 1] != " " or not _titled(work, match.end()):
            continue
        if word in KOREAN_ANY_SURNAMES and word not in NOT_SURNAMES_BEFORE_TITLE:
            spans.append((match.start(), match.end(), "PERSON", "surname-title"))
        elif len(word) == 2 and _occupation_after(work, match.end()) and _unvouched_short_name(word):
            spans.append((match.start(), match.end(), "PERSON", "short-name-title"))
        elif len(word) >= 3 and _name_stem(word):
            spans.append((match.start(), match.end(), "PERSON", "name-title"))
            back = index - 1
            while back >= 0 and work[words[back].end():words[back + 1].start()] in NAME_LIST_JOINERS:
                name = words[back].group()
                if not (3 <= len(name) <= 4 and _name_stem(name)):
                    break
                spans.append((words[back].start(), words[back].end(), "PERSON", "name-list-title"))
                back -= 1
    return spans


def _hanja_glosses(work: str) -> list[tuple[int, int, str, str]]:
    """A name in Han characters in parentheses right after a Hangul word or a removed name, as Korean
    news writes the original of a Chinese or Japanese name (…(王小明), …(山田花子·47)): after a word
    that goes, or starting with a Chinese or Japanese surname. Other glosses (국유화(國有化)) stay."""
    if "(" not in work:
        return []
    spans = []
    for match in HANJA_GLOSS.finditer(work):
        before = HANGUL_BEFORE.search(work, 0, match.start(1) - 1)
        after_name = work[match.start(1) - 2] == CLAIMED or (before is not None and any(
            reason != NAME_SHAPE_IF_TITLED for *_, reason in word_verdict(before.group())))
        if after_name or starts_with_cjk_surname(match.group(1)):
            spans.append((match.start(1), match.end(1), "PERSON", "hanja-name-gloss"))
    return spans


def _one_known_noun(word: str) -> bool:
    tokens = kiwi_tokens(word)
    return len(tokens) == 1 and tokens[0].tag == "NNG" and tokens[0].id >= KIWI_FIRST_KNOWN_ID


def _not_a_given_name(word: str) -> bool:
    return word in KOREAN_ROLE_WORDS or word in KOREAN_RELATION_WORDS or word in KOREAN_LOOKALIKES or _safe(word)


def _named_positions(work: str) -> list[tuple[int, int, str, str]]:
    """Given names and surnames that their position names, whatever word they also are (보람, 한결, 가을):
    a signature (보람 드림), a label (성함은 가을이고), a self-introduction by a word Kiwi does not read as
    a common noun (저는 한결이고), a staff title before it (실장 나래가), the name suffix 이 before a
    particle only a name takes (가람이가, 가람이는), and a surname said as one (성은 편이고)."""
    spans = []
    for pattern, reason in NAMED_POSITIONS:
        for match in pattern.finditer(work):
            name = match.group("name")
            if name in KOREAN_ROLE_WORDS or name in KOREAN_RELATION_WORDS or \
                    (reason != "name-label" and _not_a_given_name(name)) or (reason == "self-intro" and _one_known_noun(name)):
                continue
            if reason == "name-suffix" and (vocabulary.is_ordinary_word(name + "이", "ko")
                                            or not _has_final_consonant(name[-1])):
                continue  # 고양이가: the 이 belongs to the word
            if reason == "surname-said" and name not in KOREAN_ANY_SURNAMES:
                continue
            spans.append((match.start("name"), match.end("name"), "PERSON", reason))
    return spans


def _has_final_consonant(syllable: str) -> bool:
    return (ord(syllable) - 0xAC00) % 28 != 0


LIST_ITEM = re.compile(rf"{CLAIMED}+[가-힣]*|[가-힣]+")  # a removed name keeps its particles (<PERSON>님, <PERSON>과)
# Between the items of a list: one removed name beside such a joiner is enough (A, B / A·B / A와 B).
LIST_MARKS = (",", ", ", "·", "ㆍ", "ᆞ", "/", " / ")
AND_PARTICLES = ("과", "와", "이랑", "랑", "하고")


def _listable_name(stem: str) -> bool:
    """A surname + given-name shape that no word list vouches for as a word (정말, 이번 stay)."""
    return (_name_shaped(stem) and not _safe(stem) and not vocabulary.is_ordinary_word(stem, "ko")
            and stem not in KOREAN_ROLE_WORDS and stem not in KOREAN_RELATION_WORDS and stem not in KOREAN_PERSON_TITLES
            and not is_title_word(stem))


def _listed_names(work: str, spans: list) -> list[tuple[int, int, str, str]]:
    """Names listed beside names that go (A, B, C / A·B / A와 B / A B C): a word of a name's shape,
    particles allowed after it, next to a removed name across a list mark or 과/와 (one is enough),
    or between two removed names across single spaces."""
    gone = [(s, e) for s, e, kind, _ in spans if kind == "PERSON"]
    items = list(LIST_ITEM.finditer(work))

    def removed(item) -> bool:
        return item.group()[0] == CLAIMED or any(s <= item.start() < e for s, e in gone)

    def joined(left, right) -> str:
        """How two neighbouring items are joined: "mark", "space" or ""."""
        between = work[left.end():right.start()]
        if between in LIST_MARKS:
            return "mark"
        if between == " ":
            tail = left.group()
            after_name = tail.lstrip(CLAIMED) if tail[0] == CLAIMED else next(
                (tail[e - left.start():] for s, e in gone if s <= left.start() < e), "")
            return "mark" if after_name in AND_PARTICLES else "space"
        return ""

    named = [(s, e) for s, e, kind, _ in spans if kind == "NAME"]

    def removed_name(item) -> bool:
        """Removed as a person, or as a name of any kind starting the word (a foreign name in Hangul)."""
        return removed(item) or any(s == item.start() for s, e in named)

    found = []
    for index, item in enumerate(items):
        word = item.group()
        if word[0] == CLAIMED or removed(item):
            continue
        given = _listed_given_name(word, index, items, joined, removed_name)
        if given:
            found.append((item.start(), item.start() + given, "PERSON", "listed-given-name"))
            continue
        length = _listed_name_length(word)
        if not length:
            continue
        before = items[index - 1] if index else None
        # the next item counts when the name ends the word, or when 과/와 joins it to the next (A과 B)
        and_next = word[length:] in AND_PARTICLES
        after = items[index + 1] if index + 1 < len(items) and (length == len(word) or and_next) else None
        after_link = ("mark" if and_next and work[item.end():after.start()] == " " else joined(item, after)) if after else ""
        links = [(joined(before, item), removed(before)) if before else ("", False),
                 (after_link, removed(after)) if after else ("", False)]
        if any(how == "mark" and gone_too for how, gone_too in links) or all(how == "space" and gone_too for how, gone_too in links):
            found.append((item.start(), item.start() + length, "PERSON", "listed-name"))
    return found


@functools.lru_cache(maxsize=CACHED_WORDS)
def _listed_name_length(word: str) -> int:
    """Length of the name a list item may be, whatever stands around it (the word alone decides, so it
    is cached): a listable name's shape before particles, 0 for a word with its particle (정말+로,
    이번+에), a dictionary noun (이모부) or a noun with the copula (학생+이+ㄴ)."""
    stems = [n for n in (2, 3, 4) if n <= len(word) and is_particle_chain(word[n:])]
    if any(_safe(word[:n]) or vocabulary.is_ordinary_word(word[:n], "ko") for n in stems):
        return 0
    length = next((n for n in sorted(stems, key=lambda n: n != 3) if _listable_name(word[:n])), 0)
    if not length or _one_dictionary_noun(word[:length]) or any(t.tag == "VCP" for t in kiwi_tokens(word)):
        return 0
    return length


def _listed_given_name(word: str, index: int, items: list, joined, removed) -> int:
    """Length of a two-syllable given name alone in a list (A, 예나, C / A와 예나가), 0 if none: a
    list mark or 과/와 joins it to a name that goes, and it is a word that could be a given name
    (``name_after_occupation``: no dictionary noun, counter or verb by Kiwi, no frequent word)."""
    stem, suffix = word[:2], word[2:]
    if len(word) < 2 or (suffix and suffix not in NAME_PARTICLES) or not name_after_occupation(stem, word, strict=True):
        return 0
    before = items[index - 1] if index else None
    after = items[index + 1] if index + 1 < len(items) else None
    if before is not None and removed(before) and (joined(before, items[index]) == "mark" or (
            joined(before, items[index]) == "space" and before.group().endswith(AND_PARTICLES))):
        return 2  # A, 예나 / A와 예나가 (the removed name keeps its 과/와)
    if after is not None and removed(after) and (joined(items[index], after) == "mark" or (
            suffix in AND_PARTICLES and after.start() == items[index].end() + 1)):
        return 2
    return 0


# A surname written apart from its given name (김 민수님, 성함은 이 도현입니다), not glued to a number
# (150만 원: a unit) or to a removed span (<OCCUPATION>가: a particle). The word after it is only looked at, so
# it may be the next match's surname (제 이름은 김 도윤). Not the determiners that are
# also surnames and stand before a name as "I am", "my", "that" (전 민수예요, 제 동생).
SPACED_SURNAME = re.compile(r"(?<![가-힣\ue000\d])(?P<surname>[가-힣]) (?P<given>[가-힣]{2}|+)(?P<after>[가-힣]*)(?=(?P<next> ?[가-힣]*))")
NOT_SPACED_SURNAMES = DETERMINERS - frozenset("이 한 신 현 구".split())
# What makes a given name after a lone surname certain even when it is a word (편 하루 님).
HONORIFIC_AFTER = ("님", "씨")


def _spaced_surnames(work: str, spans: list) -> list[tuple[int, int, str, str]]:
    """A surname standing alone before its given name: the surname goes with a given name that went
    (김 <PERSON>), and a two-syllable given name built of given-name syllables goes with it when 님/씨
    follows (편 하루 님), or the copula or a particle and no word list has it (박 서윤입니다, 최 유나가;
    원 예산입니다 stays)."""
    if " " not in work:
        return []
    starts = {s for s, e, kind, _ in spans if kind == "PERSON"}
    found = []
    for match in SPACED_SURNAME.finditer(work):
        surname, given, after = match.group("surname"), match.group("given"), match.group("after")
        if surname not in KOREAN_SURNAMES or surname in NOT_SPACED_SURNAMES:
            continue
        if given[0] == CLAIMED or match.start("given") in starts:
            found.append((match.start("surname"), match.end("surname"), "PERSON", "spaced-surname"))
            continue
        if not plausible_given(given) or given in KOREAN_ROLE_WORDS or given in KOREAN_RELATION_WORDS \
                or given in KOREAN_PERSON_TITLES or surname in DETERMINERS:
            continue
        honorific = after.startswith(HONORIFIC_AFTER) and is_particle_chain(after[1:]) or (
            not after and match.group("next").strip().startswith(HONORIFIC_AFTER)
            and is_particle_chain(match.group("next").strip()[1:]))
        unvouched = not vocabulary.is_ordinary_word(given, "ko") and not _safe(given) and not _one_dictionary_noun(given) \
            and not any(t.tag.startswith("J") for t in kiwi_tokens(given))  # 상+을: a word and its particle
        if honorific or (unvouched and (after.startswith(COPULAS) or is_particle_chain(after))):
            found.append((match.start("surname"), match.end("given"), "PERSON", "spaced-full-name"))
    return found


def korean_spans(work: str) -> list[tuple[int, int, str, str]]:
    words = list(HANGUL_WORD.finditer(work))
    spans = _grammatical(work, _titled_names(work, words) + _hanja_glosses(work) + _named_positions(work))
    if not any(word_verdict(w.group()) for w in words):
        spans = spans + (_grammatical(work, _listed_names(work, spans)) if CLAIMED in work or spans else [])
        return spans + _grammatical(work, _spaced_surnames(work, spans))
    for index, match in enumerate(words):
        verdict = word_verdict(match.group())
        if not verdict or (match.start() and work[match.start() - 1].isdigit()) or vocabulary.is_hangul_count(match.group()):
            continue  # after a number or in Korean numerals: a counter or unit (2주이, 150만원, 삼천모), not a name
        if is_scale_before_grade(work, match.start(), match.end()):
            continue  # 피츠패트릭 3형, 노우드 4단계: a grading scale, named after a person long ago
        whole = all(end == len(match.group()) and not name_shaped for _, end, name_shaped, _ in verdict)
        if whole and (scale_before_grade(work, match.start(), match.end()) or _before_disease_word(work, words, index)):
            continue  # 루드비히 2단계, 하시모토 갑상선염: a scale or disease named after a person long ago
        for start, end, name_shaped, reason in verdict:
            if reason == NAME_SHAPE_IF_TITLED and not _titled(work, match.start() + end):
                continue
            if reason == LOANWORD_IN_THING_PLACE and match.group()[end:] in THING_PARTICLES:
                continue  # 스타벅스에서, 에어프라이어로: a transcribed word where a thing stands, not a person
            if not name_shaped and (_beside_medical_word(work, words, index) or
                                    vocabulary.in_treatment_frame(work, match.start(), match.end()) or
                                    vocabulary.device_named_like_a_person(work, match.start(), match.end())):
                continue  # 콧볼 축소, 레이저 토닝, X 받으러, X 후 멍, 울쎄라랑 스칼렛: a medical phrase or a treatment
            if not name_shaped and start == 0 and not _titled(work, match.start() + end) \
                    and vocabulary.is_drug_in_context(
                    match.group(), work[max(0, match.start() - 48):match.start()], work[match.end():match.end() + 48]):
                continue  # 듀필루맙 300mg, 아픽사반 복용: a drug's stem, with a dose or a word of taking it
            s, e = match.start() + start, match.start() + end
            kind = "PERSON" if name_shaped or _titled(work, e) else "NAME"
            if vouched_not_a_name(work, s, e):
                continue  # 같은 모델의, 만드는 구나라는: a predicate where it stands
            spans.append((s, e, kind, reason))
    spans = spans + _grammatical(work, _listed_names(work, spans))
    return spans + _grammatical(work, _spaced_surnames(work, spans))


def _grammatical(work: str, spans: list) -> list[tuple[int, int, str, str]]:
    """The spans whose word Kiwi does not read as a predicate in its sentence (korean_grammar): a slot
    says a person may stand there, the grammar says whether the word can be one."""
    return [span for span in spans if not vouched_not_a_name(work, span[0], span[1])]
