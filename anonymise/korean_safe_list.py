"""The safe-list pass for Hangul words: Kiwi's morphology says what is a proper noun.

A Hangul word (eojeol) is kept when Kiwi reads it as known morphemes with no proper noun (NNP)
and no unknown noun (Kiwi's out-of-vocabulary guesses), or when that noun is a safe term
(safe_ko.txt, also given to Kiwi as user words so it reads them whole). A proper noun or unknown
noun goes: as PERSON when it has the shape of a Korean name (surname + given name) or a title or
honorific follows it, else as NAME (a foreign name in Hangul, a brand, a place below 시/도).
An unknown noun that ends like a medical compound (연장술; endings in safe_ko.txt), or stands
next to a medical word (콧볼 축소), is medical vocabulary unless it has a name's shape.
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
from anonymise.name_data import KOREAN_LOOKALIKES, KOREAN_NAME_TITLES, KOREAN_ROLE_WORDS
from anonymise.recognizers.person_korean import KIWI_FIRST_KNOWN_ID, PLACE_ENDINGS, kiwi

HANGUL_WORD = re.compile(r"[가-힣]+")
# Titles and honorifics after a name, glued or as the next word (김민수님, 민수 씨, 박 감독, 이 의원).
TITLES_AFTER = tuple(sorted(set(KOREAN_NAME_TITLES) | set(
    "감독 대표 의원 교수 회장 선수 기자 장관 대통령 총리 위원장 사장 작가 배우 가수 씨 님 군 양 변호사 박사 원장 실장 "
    "이사 국장 과장 부장 팀장 전무 상무 총장 시장 지사 판사 검사 목사 신부 스님 코치 주무관 소장".split()),
    key=len, reverse=True))
NOUN_TAGS = ("NNG", "NNP", "NNB", "NR", "NP", "XR", "XSN", "SL", "SH")
CACHED_WORDS = 50_000
NAME_SHAPE_IF_TITLED = "name-shape-titled"
ONE_SYLLABLE_PARTICLES = frozenset("이가은는을를의도와과랑")


def _is_suspect(token) -> bool:
    return token.tag == "NNP" or (token.tag.startswith("NN") and token.id < KIWI_FIRST_KNOWN_ID)


def _safe(stem: str) -> bool:
    return vocabulary.is_safe_term(stem, "ko") or stem in KOREAN_LOOKALIKES or stem in KOREAN_ROLE_WORDS


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


@functools.lru_cache(maxsize=CACHED_WORDS)
def word_verdict(word: str) -> tuple[tuple[int, int, bool, str], ...]:
    """(start, end, name_shaped, reason) of each stretch of the Hangul ``word`` that must go."""
    if _safe(word):
        return ()
    tokens = kiwi().tokenize(word)
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
            piece = word[start:end]
            if not _safe(piece) and not (_medical_compound(piece) and not vocabulary.is_name_word(piece, "ko")):
                reason = "kiwi-nnp" if any(t.tag == "NNP" for t in run) else "kiwi-unknown"
                found.append((start, end, _name_shaped(piece), reason))
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
        if len(pieces) >= 2 and (nouns or all(t.len == 1 for t in pieces)) and any(t.len == 1 for t in pieces):
            return ((0, len(stem), True, "name-shape"),)
        # Any other reading (한+지원, 이+사회) is a name only when a title follows: see korean_spans.
        return ((0, len(stem), True, NAME_SHAPE_IF_TITLED),)
    return ()


def _beside_medical_word(work: str, words: list, index: int) -> bool:
    """The Hangul word before or after ``words[index]`` (one space apart) is medical vocabulary."""
    for other in (index - 1, index + 1):
        if 0 <= other < len(words):
            a, b = sorted((words[index], words[other]), key=lambda m: m.start())
            if work[a.end():b.start()] in (" ", "") and _medical_word(words[other].group()):
                return True
    return False


def _titled(work: str, end: int) -> bool:
    after = work[end:end + 6].lstrip(" ")
    return any(after.startswith(t) for t in TITLES_AFTER)


def korean_spans(work: str) -> list[tuple[int, int, str, str]]:
    words = HANGUL_WORD.findall(work)
    if not any(word_verdict(w) for w in words):
        return []  # most texts: every word vouched for, nothing to place
    spans = []
    words = list(HANGUL_WORD.finditer(work))
    for index, match in enumerate(words):
        verdict = word_verdict(match.group())
        if not verdict or (match.start() and work[match.start() - 1].isdigit()):
            continue  # after a number: a counter or unit (2주이, 3회차, 150만원), not a name
        for start, end, name_shaped, reason in verdict:
            if reason == NAME_SHAPE_IF_TITLED and not _titled(work, match.start() + end):
                continue
            if not name_shaped and _beside_medical_word(work, words, index):
                continue  # 콧볼 축소, 레이저 토닝: part of a medical phrase
            s, e = match.start() + start, match.start() + end
            kind = "PERSON" if name_shaped or _titled(work, e) else "NAME"
            spans.append((s, e, kind, reason))
    return spans
