"""The safe-list pass for Chinese and Japanese runs: dictionary segmentation and surname tables.

Chinese and Japanese have no spaces and no capitals, so a run of Han/Kana is cut into the longest
ordinary words (wordfreq's lists with person names subtracted, plus safe_zh/safe_ja terms) from
the left. What that leaves says where a name is:
- a Chinese person name of the jieba dictionary, whole (known names);
- a surname standing as a one-character piece followed by one or two one-character pieces that
  no word explains (王+丽+华), unless a numeral or demonstrative before it makes it a measure word;
- a Japanese surname of the table followed by an honorific, or by one or two kanji before one;
- a Katakana word before an honorific or joined by a middle dot (マリア・ロペス); any other short
  Katakana word that is neither ordinary Japanese, nor a loanword of wordfreq's large list, nor a
  safe term (a foreign given name, a rare brand); longer ones are loanwords.
"""
from __future__ import annotations

import re

from anonymise import vocabulary
from anonymise.name_data import CHINESE_SURNAMES, JAPANESE_SURNAMES
from anonymise.vocabulary.packed import word_sets

CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々]+")
KANA = re.compile(r"[\u3040-\u30ff]")
KATAKANA_WORD = re.compile(r"[\u30a1-\u30fa\u30fc]{2,}")
# Katakana words longer than this without an honorific are loanwords (イソトレチノイン), not given names.
KATAKANA_NAME_MAX = 5
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々]")
MAX_WORD = 4
# Characters that are grammar, not a given name, after a surname-like character.
FUNCTION_CHARACTERS = frozenset("的了是在和与我你他她它们个这那也都就要会说给跟请吗呢吧啊被把从对向到为而及或很太")
NUMERAL_BEFORE = frozenset("一二三四五六七八九十两几每这那哪某各多半零百千万0123456789")
# What follows a Japanese name: an honorific or a self-introduction (田中さん, 田村あかねです).
HONORIFICS = ("さん", "様", "さま", "先生", "氏", "くん", "君", "ちゃん", "医師", "院長", "です", "と申", "といい", "と言")
# A given name after the surname: up to two kanji, or two to four hiragana (明日香, あかね).
GIVEN_NAME = re.compile(r"[\u3041-\u3096]{2,4}|[\u3400-\u4dbf\u4e00-\u9fff々]{0,2}")


def _segments(run: str, lang: str) -> list[tuple[int, int]]:
    """Greedy longest-match words of ``run`` (single characters where no word fits)."""
    pieces, position = [], 0
    while position < len(run):
        for length in range(min(MAX_WORD, len(run) - position), 0, -1):
            piece = run[position:position + length]
            if length == 1 or vocabulary.is_ordinary_word(piece, lang) or vocabulary.is_safe_term(piece, lang):
                pieces.append((position, position + length))
                position += length
                break
    return pieces


def _chinese_names(run: str, before: str) -> list[tuple[int, int, str]]:
    """Names in the Han run ``run``; ``before`` is the character before it (520万: a numeral)."""
    found = []
    pieces = _segments(run, "zh")
    for index, (start, end) in enumerate(pieces):
        piece = run[start:end]
        if end - start >= 2 and _known_name(piece):
            found.append((start, end, "zh-name-list"))
            continue
        previous = run[start - 1] if start else before
        if end - start != 1 or piece not in CHINESE_SURNAMES or previous in NUMERAL_BEFORE:
            continue
        given = []
        for s, e in pieces[index + 1:index + 3]:
            if e - s != 1 or run[s] in FUNCTION_CHARACTERS or not HAN.match(run[s]):
                break
            given.append(e)
        if given:
            found.append((start, given[-1], "zh-surname"))
    return found


def _known_name(piece: str) -> bool:
    return piece in word_sets()["chinese_person_names"]


def _safe_positions(run: str, lang: str) -> set[int]:
    """Positions of ``run`` inside an occurrence of a safe term (ヒアルロン in ヒアルロン酸)."""
    covered = set()
    for term in vocabulary.safe_terms(lang):
        at = run.find(term)
        while at != -1:
            covered.update(range(at, at + len(term)))
            at = run.find(term, at + 1)
    return covered


def _japanese_names(run: str) -> list[tuple[int, int, str]]:
    found = []
    safe = _safe_positions(run, "ja") if KATAKANA_WORD.search(run) else set()
    for match in KATAKANA_WORD.finditer(run):
        word = match.group()
        # Most Katakana words are loanwords (フェイスリフト, ケタミン); a foreign name shows itself by
        # an honorific after it or a middle dot joining it to another Katakana word (マリア・ロペス).
        person = run[match.end():].startswith(HONORIFICS[:8]) or run[match.end():match.end() + 1] == "・" \
            or (match.start() and run[match.start() - 1] == "・")
        if person and match.start() not in safe and not vocabulary.is_safe_term(word, "ja"):
            found.append((match.start(), match.end(), "ja-katakana-name"))
        elif not person and match.start() not in safe and not vocabulary.is_ordinary_word(word, "ja") and \
                not vocabulary.is_safe_term(word, "ja") and not vocabulary.is_katakana_loanword(word) and \
                len(word) <= KATAKANA_NAME_MAX:
            found.append((match.start(), match.end(), "ja-katakana"))
    for start in range(len(run)):
        for length in (3, 2):
            surname = run[start:start + length]
            if len(surname) < length or surname not in JAPANESE_SURNAMES:
                continue
            rest = run[start + length:]
            given = GIVEN_NAME.match(rest).group()
            for cut in range(len(given), -1, -1):
                if rest[cut:].startswith(HONORIFICS) or (cut and not rest[cut:]):
                    found.append((start, start + length + cut, "ja-surname"))
                    break
            break
    return found


def cjk_spans(work: str) -> list[tuple[int, int, str, str]]:
    japanese = KANA.search(work) is not None
    spans = []
    for match in CJK_RUN.finditer(work):
        run = match.group()
        before = work[match.start() - 1] if match.start() else ""
        names = _japanese_names(run) if japanese else _chinese_names(run, before)
        spans += [(match.start() + s, match.start() + e, "NAME" if reason == "ja-katakana" else "PERSON", reason)
                  for s, e, reason in names]
    return spans
