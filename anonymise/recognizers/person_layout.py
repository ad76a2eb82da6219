"""PERSON by where a text's layout puts a name, whatever its letters are.

- A chat transcript's speaker column: two lines or more that open with a time stamp, then the
  speaker, then a tab or a colon (``19:40<TAB>name<TAB>message``, ``[2024/3/5, 21:10] name: message``).
  The cell is the speaker: a rare kanji surname and a given name with a space between, a Latin
  nickname; and the speaker named again in the messages is the same person (each of its words of two
  letters or more, the Han cell also without its space).
- A Hangul name written letter-spaced (``김 하 늘`` on a business card read by an app, ``김 도 윤 이요`` in a
  voice note's transcript): a surname and given-name syllables, one a token, alone on their line, before a
  title or the copula written apart, or after a name label.
- A name in parentheses after a staff role (``(담당 Rowan)``, ``（担当 林小雨）``), and a Han or Latin name
  between a Korean staff role and an honorific (``코디 林小雨 선생님``).
A cell or name that is a term, or a generic word of the frames (a role, a pronoun, a label), stays.
"""
from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from anonymise import vocabulary
from anonymise.name_data import (KOREAN_DOUBLE_SURNAMES, KOREAN_GIVEN_SYLLABLES, KOREAN_NAME_LABELS, KOREAN_PERSON_TITLES,
                                 KOREAN_SELF_INTRO_AFTER, KOREAN_SURNAMES, LATIN_NOT_NAMES)
from anonymise.name_neighbours import name_shaped
from anonymise.person_frames import LANGUAGES, STAMP_DATE, STAMP_TIME, frames
from anonymise.recognizers import gates
from anonymise.recognizers.person_base import PersonNameRecognizer

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々"
KANA = "\u3041-\u3096\u30a1-\u30fa\u30fc"
LETTERS = r"[^\W\d_]"
# A stamp opening a transcript's line: bracketed ([2024/3/5, 21:10]) or a date and a clock time.
STAMP = rf"(?:\[[^\]\n]{{1,40}}\]|(?:{STAMP_DATE}[ \t,]*)?{STAMP_TIME})"
# A speaker: one to three words of letters (a word may hold ' - .), 30 characters at most.
SPEAKER = rf"{LETTERS}[\w'’.-]*(?:[ \u3000]{LETTERS}[\w'’.-]*){{0,2}}"
LAYOUTS = (re.compile(rf"(?m)^[ \t]*{STAMP}[ \t]*\t[ \t]*(?P<cell>{SPEAKER})[ \t]*\t"),
           re.compile(rf"(?m)^[ \t]*{STAMP}[ \t]*(?:-[ \t]*)?(?P<cell>{SPEAKER})[ \t]*[:：]"))
TRANSCRIPT_LINES = 2
CELL_MAX = 30
# Letter-spaced Hangul: three or four one-syllable tokens, one space (or a dot) apart; a voice note read
# by speech-to-text spells a name so (김 도 윤 이요, 김.도.윤 입니다).
SPACED_HANGUL = re.compile(r"(?<![가-힣])[가-힣](?:[ .·][가-힣]){2,3}(?![가-힣])")
LETTER_SEPARATOR = re.compile(r"[ .·]")
# The copula or a particle written apart after a spelled-out name, and a name label before it on its line.
SPELLED_NAME_ENDINGS = frozenset(KOREAN_SELF_INTRO_AFTER) | frozenset("이요 요 이고 이구요 이라고 라고 이고요 인데 이구".split())
NAME_LABEL_BEFORE = re.compile(rf"(?:{'|'.join(sorted(KOREAN_NAME_LABELS | {'이름이', '저는', '전'}, key=len, reverse=True))})"
                               r"[ \t]*[:：]?[ \t]*$")
STAFF_ROLES = ("담당자", "담당", "코디", "실장", "상담사", "매니저", "担当者", "担当", "负责人", "負責人", "客服", "顾问",
               "顧問", "contact", "coordinator")
ROLE_IN_PARENTHESES = re.compile(rf"[(（](?:{'|'.join(STAFF_ROLES)})[ \t\u3000:：]*([^()（）\n]{{1,24}}?)[ \t\u3000]*[)）]",
                                 re.IGNORECASE)
KOREAN_ROLE_THEN_NAME = re.compile(rf"(?:{'|'.join(r for r in STAFF_ROLES if re.match('[가-힣]', r))})[ \t]+"
                                   rf"([{HAN}]{{2,4}}|[A-Z][a-z]+(?: [A-Z][a-z]+)?)[ \t]*(?=선생님|님|씨|쌤)")
LATIN_NAME = re.compile(r"[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){0,2}")
SCORE = 0.6


def _generic(cell: str) -> bool:
    folded = cell.casefold()
    return vocabulary.is_safe_term(folded) or folded in LATIN_NOT_NAMES or \
        any(folded in frames(lang).generic or folded.split()[0] in frames(lang).generic for lang in LANGUAGES)


def _ordinary(cell: str) -> bool:
    return any(vocabulary.is_ordinary_word(cell, lang) for lang in ("ko", "zh", "ja")) or \
        all(vocabulary.is_ordinary_word(w, "en") and not vocabulary.is_name_word(w, "en") for w in cell.split())


def _speakers(text: str) -> list[tuple[int, int]]:
    """The speaker cells of a transcript's lines. A column of ordinary words only (상담, 시술) is a
    schedule's; one cell that is no word makes it a column of speakers, and then every cell goes
    (ゆき, Kip: given names that are words too)."""
    for layout in LAYOUTS:
        rows = [m for m in layout.finditer(text) if len(m.group("cell")) <= CELL_MAX and not _generic(m.group("cell"))]
        if len(rows) >= TRANSCRIPT_LINES and not all(_ordinary(m.group("cell")) for m in rows):
            return [(m.start("cell"), m.end("cell")) for m in rows]
    return []


def _echo_forms(cell: str) -> set[str]:
    """The speaker as it may be named in a message: whole, a Han name without its space, its words."""
    forms = {cell, cell.replace(" ", "").replace("\u3000", "")}
    forms.update(w for w in re.split(r"[ \u3000]", cell) if len(w) >= 2)
    return {f for f in forms if len(f) >= 2 and not _generic(f)}


def _echoes(text: str, speakers: list[tuple[int, int]]) -> list[tuple[int, int]]:
    found = []
    for form in set().union(*(_echo_forms(text[s:e]) for s, e in speakers)):
        # A word of its own: no letter of the same script glued before it, nor after a Latin one.
        latin = re.fullmatch(r"[A-Za-zÀ-ÿ'’.-]+", form) is not None
        before = r"(?<![A-Za-zÀ-ÿ])" if latin else rf"(?<![{HAN}{KANA}가-힣])"
        after = r"(?![A-Za-zÀ-ÿ])" if latin else ""
        found += [(m.start(), m.end()) for m in re.finditer(before + re.escape(form) + after, text)]
    return found


def _letter_spaced(text: str) -> list[tuple[int, int]]:
    found = []
    for match in SPACED_HANGUL.finditer(text):
        syllables = LETTER_SEPARATOR.split(match.group())
        surname = 2 if "".join(syllables[:2]) in KOREAN_DOUBLE_SURNAMES else 1
        given = syllables[surname:]
        if (surname == 1 and syllables[0] not in KOREAN_SURNAMES) or not 2 <= len(given) <= 2 or \
                not all(s in KOREAN_GIVEN_SYLLABLES for s in given):
            continue
        line_end = text.find("\n", match.end())
        rest = text[match.end():len(text) if line_end == -1 else line_end].strip()
        line_start = text.rfind("\n", 0, match.start()) + 1
        alone = not text[line_start:match.start()].strip() and not rest
        next_word = rest.split(" ")[0].rstrip(".,!?~")
        if alone or next_word.removesuffix("님") in KOREAN_PERSON_TITLES or next_word in SPELLED_NAME_ENDINGS or \
                NAME_LABEL_BEFORE.search(text, line_start, match.start()):
            found.append((match.start(), match.end()))
    return found


def _after_roles(text: str) -> list[tuple[int, int]]:
    # After the role a capitalised Latin word is the person even when it is also a word (Rowan, Kestrel).
    found = [(m.start(1), m.end(1)) for m in ROLE_IN_PARENTHESES.finditer(text)
             if (name_shaped(m.group(1)) or LATIN_NAME.fullmatch(m.group(1))) and not _generic(m.group(1))]
    found += [(m.start(1), m.end(1)) for m in KOREAN_ROLE_THEN_NAME.finditer(text)
              if not _generic(m.group(1)) and (m.group(1)[0].isupper() or name_shaped(m.group(1)) or
                                                not vocabulary.is_ordinary_word(m.group(1), "zh"))]
    return found


class LayoutNameRecognizer(PersonNameRecognizer):
    """Speakers of a transcript and their echoes, letter-spaced Hangul names, names after a staff role."""
    TEXT_GATES = (gates.gate(r"[:：\t(（]| [가-힣] |[가-힣][.·][가-힣][.·]|코디|실장|담당|상담사|매니저"),)
    LANGUAGE = "ko"

    def find(self, text: str) -> list[RecognizerResult]:
        speakers = _speakers(text)
        spans = speakers + (_echoes(text, speakers) if speakers else []) + _letter_spaced(text) + _after_roles(text)
        return [RecognizerResult("PERSON", s, e, SCORE) for s, e in dict.fromkeys(spans)]


RECOGNIZERS = [LayoutNameRecognizer]
