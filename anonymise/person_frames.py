"""PERSON by the frame a name fills: the words that introduce or address a person, per language.

A name is told by its place more than by its letters: ``名前は…です``, ``Xさん``, ``我叫X``, ``คุณ X``,
``call me X``, ``em tên X``, a chat line's speaker before its colon. Each language's frames are
data (``vocabulary/frames_<lang>.txt``, one a line: the words before the slot ``{X}``, the words
after it). What fills the slot goes, failing closed, unless it is a generic word of the frames
(a pronoun, a kinship word, a role, a label: the ``=`` lines); a frame of the ``word`` kind may
also hold an ordinary word (姉の結婚式, im fine), which then stays; one of the ``chat`` kind too, except
that on a transcript (two lines or more open with a word and a colon) a speaker's shape goes, one Han
character or a hiragana word (翔：, ゆき：), however ordinary. Marks in a frame:

    ^           the frame opens a line            <sp>      spaces, maybe none
    <start>     the frame opens the text          <age>     an age in parentheses, (12歳), (35)
    <time>      a clock time (14:05, 下午2:05)     <date>    a date (2024-03-05, 3/5, 3月5日)
    <colon>     a colon, half- or full-width      <sep>     punctuation or spaces, maybe none
    <eol>       the end of the line               <greeting>, <particle>   a word of that list
    a space     one or more spaces

The slot's extent comes from its script: Han, Kana, Thai or Latin letters up to what cannot
continue a name (a particle, punctuation, a space, a title). A name found so names the same
person wherever it stands again as a word of its own in the text (a chat's speaker in another
line). The spans are offsets into the text the safe-list pass works on (claimed characters are
its mark, which no slot holds).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from anonymise import vocabulary
from anonymise.japanese_names import is_compound_of_words, is_function_word
from anonymise.name_data import (CHINESE_TITLES, JAPANESE_HONORIFICS, JAPANESE_SURNAMES, PERSON_FRAME_LANGUAGES,
                                 PERSON_FRAME_LINES, PERSON_FRAME_LISTS, ROMANISED_CHINESE_SURNAMES)
from anonymise.thai_safe_list import thai_lexicon, thai_tokens
from anonymise.vocabulary.packed import word_sets

LANGUAGES = PERSON_FRAME_LANGUAGES
CLAIMED = "\ue000"
GENITIVE = "の"

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々"
HIRAGANA = "\u3041-\u3096"
KATAKANA = "\u30a1-\u30fa\u30fc"
THAI = "\u0e00-\u0e7f"
LATIN = "A-Za-zÀ-ÖØ-öø-ÿ\u0100-\u024f\u1e00-\u1eff"
JA_PARTICLES = "がはのをにともでへや"
# Characters that end a Chinese given name going right (婉婷|也想, 子轩|说): grammar and the words that follow a name.
ZH_NAME_END = re.escape("".join(PERSON_FRAME_LISTS["zh"]["function"] + PERSON_FRAME_LISTS["zh"]["name-end"]))

SLOTS = {
    # One to four kanji, a Katakana name (maybe two joined by ・), two to five hiragana, a Latin nickname.
    "ja": rf"[{HAN}]{{1,4}}|[{KATAKANA}]{{2,10}}(?:・[{KATAKANA}]{{2,10}})?|[{HIRAGANA}ー]{{2,5}}|[A-Za-z]{{2,12}}",
    # One to three Han characters; one that also ends a name going on (明, 一) only as the last, before no Han.
    "zh": rf"(?![{ZH_NAME_END}])[{HAN}](?:(?![{ZH_NAME_END}])[{HAN}]|[{HAN}](?![{HAN}])){{0,2}}|[A-Za-z]{{2,12}}",
    "th": rf"[{THAI}]{{2,20}}",
    "en": rf"[A-Z][a-z'’-]{{1,14}}(?:[ \t]+[A-Z][a-z'’-]{{1,14}}){{0,2}}|[a-z][a-z'’-]{{1,14}}",
    # Vietnamese syllables; which of them are the name is told by their capitals (_trimmed).
    "vi": rf"[{LATIN}]{{1,8}}(?:[ \t]+[{LATIN}]{{1,8}}){{0,3}}",
}
# What may follow a slot that the frame does not close: where a name cannot go on.
SLOT_END = {
    "ja": rf"(?=[{JA_PARTICLES}]|です|でした|さん|様|さま|ちゃん|くん|君|と申|[、。，,.!！?？\s（()）「」『』：:]|$)",
    "zh": rf"(?=[{ZH_NAME_END}]|{'|'.join(CHINESE_TITLES)}|[^{HAN}]|$)",
    "th": r"(?=[ \t\n]|ค่ะ|ครับ|คะ|นะ|จ้า|จ้ะ|[^\u0e00-\u0e7f]|$)",
    "en": r"(?=[ \t]*(?:[,.!?~:;)]|$)|[ \t]*\n|[ \t]+(?:here|btw|from|and|but|again|speaking|lol|haha|told|said|who|"
          r"recommended|is|was|will|wants|came|too|also|pls|please|ok|okay|thanks|thx)\b)",
    "vi": r"(?=[ \t]*(?:[,.!?~:;)]|$)|[ \t]*\n|[ \t]+(?:ạ|a|nha|nhé|nhe|ne|nè|đây|day|và|va|ơi|oi)\b)",
}
# Before a slot that only what follows it marks (Xさん, X你好), the name starts where its script does.
SLOT_START = {
    "ja": rf"(?:(?<![{HAN}{KATAKANA}{HIRAGANA}])|(?<=[{JA_PARTICLES}])(?=[{HIRAGANA}])|(?<=[{HIRAGANA}])(?=[{HAN}{KATAKANA}])"
          rf"|(?<=[{HAN}{HIRAGANA}])(?=[{KATAKANA}])|(?<=[{KATAKANA}])(?=[{HAN}]))",
    "zh": rf"(?<![{HAN}])",
    "th": r"(?<![\u0e00-\u0e7f])",
    "en": r"(?<![A-Za-z'’-])",
    "vi": rf"(?<![{LATIN}])",
}
STAMP_DATE = r"(?:\d{2,4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{1,2}[-/.月]\d{1,2}日?)"
STAMP_TIME = r"(?:[上下]午|午前|午後|早上|晚上)?[ \t]?\d{1,2}[:：]\d{2}(?::\d{2})?(?:[ \t]?[AaPp][Mm])?"
MARKS = {
    "<time>": rf"\[?(?:(?:{STAMP_DATE}|{CLAIMED}+)[ \t,]*)?(?:{STAMP_TIME}|{CLAIMED}+)\]?",
    "<date>": rf"(?:{STAMP_DATE}|{CLAIMED}+)",
    "<colon>": r"[ \t]*[:：]",
    "<sep>": r"[、。,.!！?？~〜 \t\u3000\n]*",
    "<sp>": r"[ \t\u3000]*",
    "<eol>": r"[ \t\u3000]*(?=\n|$)",
    "<start>": r"\A[ \t\u3000]*",
    "<age>": r"[ \t\u3000]?[(（]\d{1,3}[ \t]?(?:歳|才|岁|歲|세|y/?o|yrs?)?[)）]",
}
MARK = re.compile(r"<[a-z]+>|\^| ")
# Lines of one text that open with a short word and a colon (X：message) for it to be a transcript.
CHAT_LINES = 2
CHAT_LINE = re.compile(r"(?m)^[ \t\u3000]*[^\s:：]{1,12}[ \t]*[:：]")


def _transcript(work: str) -> bool:
    return len(CHAT_LINE.findall(work)) >= CHAT_LINES


def _speaker_shape(slot: str) -> bool:
    """One Han character or a hiragana word: on a transcript's line a speaker (翔：, ゆき：), however
    ordinary; a compound or a Katakana word there may still be a form's label (希望日：, メモ：)."""
    return re.fullmatch(f"[{HAN}]|[{HIRAGANA}ー]{{2,5}}", slot) is not None


@dataclass(frozen=True)
class Frame:
    pattern: re.Pattern
    lang: str
    kind: str           # "name", "word", or "chat": a word, but a speaker's shape on a transcript's lines
    suffix_only: bool   # only what follows marks the slot (Xさん, X你好)
    after: str          # the frame's text after the slot, as written
    needles: tuple[str, ...]  # one of them is in any text the frame matches: a cheap test first
    han_label: bool     # a form's label in kanji before a colon (予約者：X): read in kana-less text too


@dataclass(frozen=True)
class Frames:
    frames: tuple[Frame, ...]
    generic: frozenset[str]
    lead: tuple[str, ...]   # words that go on with the cue before the name (ชื่อ|เล่น|ว่า|แป้ง)


def _compile(line: str, lang: str, lists: dict[str, tuple[str, ...]]) -> re.Pattern:
    before, after = line.split("{X}")

    def literal(part: str) -> str:
        out, position = [], 0
        for mark in MARK.finditer(part):
            out.append(re.escape(part[position:mark.start()]))
            token = mark.group()
            if token == "^":
                out.append(r"(?m:^)[ \t\u3000]*")
            elif token == " ":
                out.append(r"[ \t\u3000]+")
            elif token[1:-1] in lists:
                out.append("(?:" + "|".join(map(re.escape, sorted(lists[token[1:-1]], key=len, reverse=True))) + ")")
            else:
                out.append(MARKS[token])
            position = mark.end()
        return "".join(out) + re.escape(part[position:])

    # Cue words are matched in any case in Latin script (Call me, I'm), the slot keeps its case.
    head = literal(before)
    head = f"(?i:{head})" if lang in ("en", "vi") and head else head
    start = "" if before.strip() else SLOT_START[lang]
    end = f"(?={literal(after)})" if after else SLOT_END[lang]
    slot = SLOTS[lang]
    if lang == "th" and after:
        slot = rf"[{THAI}]{{2,20}}?"  # the particle after it ends a Thai name: the shortest run to it
    # A cue is a word of its own: not the end of a longer one (ขอบคุณ is no คุณ, dim is no im).
    boundary = {"en": "(?<![A-Za-z])", "vi": f"(?<![{LATIN}])", "th": f"(?<![{THAI}])"}.get(lang, "") \
        if before[:1].isalpha() else ""
    return re.compile(f"{boundary}{head}{start}(?P<slot>{slot}){end}")


# What a text holds wherever a mark matches (a clock time and a colon have a colon; an age a parenthesis).
MARK_NEEDLES = {"<colon>": (":", "："), "<time>": (":", "："), "<age>": ("(", "（")}


def _needles(frame: str, lists: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """Strings one of which any text the frame matches holds: its longest literal piece, else what a
    mark or a listed word needs; none (always run) for a frame of marks that need nothing."""
    pieces = [p for p in MARK.split(frame.replace("{X}", " ")) if p]
    if pieces:
        return (max(pieces, key=len).casefold(),)
    for mark in MARK.findall(frame):
        if mark in MARK_NEEDLES:
            return MARK_NEEDLES[mark]
        if mark[1:-1] in lists:
            return tuple(lists[mark[1:-1]])
    return ()


HAN_LABEL = re.compile(rf"[{HAN}]+<colon>(?:<sp>)?\{{X\}}")


@functools.cache
def frames(lang: str) -> Frames:
    """The frames and generic words of ``lang`` (frames_<lang>.txt)."""
    lists = PERSON_FRAME_LISTS[lang]
    generic = {w.casefold() for raw in PERSON_FRAME_LINES[lang] if raw.startswith("= ") for w in raw[2:].split()}
    lines = [raw for raw in PERSON_FRAME_LINES[lang] if "{X}" in raw]
    out = []
    for raw in lines:
        frame, _, kind = raw.partition("\t")
        out.append(Frame(_compile(frame, lang, lists), lang, kind.strip() or "name", frame.startswith("{X}"),
                         frame.split("{X}")[1], _needles(frame, lists), HAN_LABEL.fullmatch(frame) is not None))
    lead = tuple(sorted(lists.get("lead", ()), key=len, reverse=True))
    return Frames(tuple(out), frozenset(generic), lead)


KANA_LETTER = re.compile(f"[{HIRAGANA}{KATAKANA}]")
HAN_LETTER = re.compile(f"[{HAN}]")
THAI_LETTER = re.compile(f"[{THAI}]")
LATIN_LETTER = re.compile("[A-Za-z]")


def _languages(work: str) -> list[str]:
    langs = []
    if KANA_LETTER.search(work):
        langs.append("ja")
    elif HAN_LETTER.search(work):
        langs.append("zh")
    if THAI_LETTER.search(work):
        langs.append("th")
    if LATIN_LETTER.search(work):
        langs += ["en", "vi"]
    return langs


# The tokenizer cuts a Thai name it does not know into at most this many dictionary words (ธนา|ธร).
THAI_NAME_PIECES = 3
THAI_PARTICLES = ("นะครับ", "นะคะ", "ครับ", "ค่ะ", "คะ", "ค่า", "จ้า", "จ้ะ", "นะ")
# What a greedy kana slot may have run into after the name (さくらです, ゆきさん).
JA_AFTER_NAME = ("でした", "です", "さん", "さま", "ちゃん", "くん", "と申")
ENDS = {"zh": tuple(sorted(CHINESE_TITLES, key=len, reverse=True)), "th": THAI_PARTICLES, "ja": JA_AFTER_NAME}


def _trimmed(slot: str, lang: str) -> str:
    """The slot without a title glued after the name (王医生 -> 王), the particle or copula a Thai or
    kana name ran into, and in Vietnamese the capitalised syllables only (Lan | ạ) or one lower-case word."""
    if lang == "vi":
        words = slot.split()
        if not words[0][:1].isupper():
            return words[0]
        kept = [w for w in words[:next((i for i, w in enumerate(words) if not w[:1].isupper()), len(words))]]
        return " ".join(kept)
    ends = ENDS.get(lang, ())
    for end in ends:
        if slot.endswith(end):
            return slot[:-len(end)]
    return slot


def _generic(slot: str, lang: str, generic: frozenset[str]) -> bool:
    folded = slot.casefold()
    if folded in generic or vocabulary.is_safe_term(folded, lang) or vocabulary.is_safe_term(folded):
        return True
    if lang in ("ja", "zh") and len(slot) > 1 and vocabulary.is_form_label(slot):
        return True  # 既往歴：, 工作单位：: a form's label before its colon, not a speaker
    if lang in ("en", "vi"):
        return folded.split()[0] in generic
    if lang == "th":
        # A phrase runs to the particle as well (ผม|อยากทำจมูก|ครับ): it opens with a generic word, or
        # is more words of the dictionary than a name is cut into.
        words, _, _ = thai_lexicon()
        pieces = [t for _, _, t in thai_tokens(slot) if t.strip()]
        return pieces[0] in generic or (len(pieces) > THAI_NAME_PIECES and all(p in words for p in pieces))
    return False


def _ordinary(slot: str, lang: str) -> bool:
    """An ordinary word fills a ``word`` slot: a frequent word that is no name's shape."""
    if lang == "ja":
        if any(slot.startswith(s) for s in JAPANESE_SURNAMES if len(s) >= 2):
            return False
        if re.fullmatch(f"[{KATAKANA}]+", slot):
            # Foreign given names are frequent Katakana words (マリア): only a frequent or a long one stays.
            return slot in word_sets()["common_ja"] or (len(slot) > 4 and vocabulary.is_katakana_loanword(slot))
        if re.fullmatch(f"[{HIRAGANA}]+", slot):
            return vocabulary.is_ordinary_word(slot, "ja")
        return slot in word_sets()["common_ja"] or is_compound_of_words(slot)
    if lang == "zh":
        return any(vocabulary.is_ordinary_word(slot[:n], "zh") for n in range(2, len(slot) + 1)) and \
            slot not in word_sets()["chinese_person_names"]
    if lang == "en":
        return all(vocabulary.is_ordinary_word(w, "en") and not vocabulary.is_name_word(w, "en") for w in slot.split())
    if lang == "vi":
        return slot[:1].islower() and vocabulary.is_ordinary_word(slot, "vi")
    if lang == "th":
        words, _, names = thai_lexicon()
        return slot not in names and all(t in words for _, _, t in thai_tokens(slot) if t.strip())
    return False


def frame_spans(work: str) -> list[tuple[int, int, str, str]]:
    """(start, end, "PERSON", reason) of each name in a frame of ``work`` and of its echoes."""
    found: list[tuple[int, int, str, str]] = []
    folded = work.casefold()
    langs = _languages(work)
    for lang in langs + (["ja"] if "zh" in langs else []):
        table = frames(lang)
        # A Japanese form's lines may hold no kana (予約者：山田花子): its kanji labels count in Han text.
        kanji_only = lang == "ja" and "ja" not in langs
        for frame in table.frames:
            if (frame.needles and not any(n in folded for n in frame.needles)) or (kanji_only and not frame.han_label):
                continue
            # A transcript fills a chat frame line after line: there the slot is a speaker, not a label.
            transcript = frame.kind == "chat" and _transcript(work)
            for match in frame.pattern.finditer(work):
                span = _filler(work, match, frame, table, transcript)
                if span:
                    found.append((*span, "PERSON", f"frame-{lang}"))
    found += _two_scripts(work)
    return found + _echoes(work, found)


def _filler(work: str, match: re.Match, frame: Frame, table: Frames, transcript: bool) -> tuple[int, int] | None:
    """(start, end) of the name filling ``frame``'s slot in ``match``; None when a generic word (or, in
    a frame of the word kind, an ordinary word) fills it."""
    lang = frame.lang
    slot, start = match.group("slot"), match.start("slot")
    while slot.startswith(table.lead):
        cut = len(next(w for w in table.lead if slot.startswith(w)))
        slot, start = slot[cut:], start + cut
    if lang == "ja" and slot[:1] == GENITIVE and len(slot) > 2 and start \
            and re.match(f"[{HAN}{KATAKANA}]", work[start - 1]):
        slot, start = slot[1:], start + 1  # 担当|の|ちひろさん: a noun's genitive, then the name
    slot = _trimmed(slot, lang)
    end = start + len(slot)
    if not slot.strip() or _generic(slot, lang, table.generic) or _ja_word_with_honorific(work, start, end, frame) \
            or _zh_word_with_title(work, start, end, frame) or _japanese_label(slot, frame):
        return None
    if frame.kind != "name" and not (transcript and _speaker_shape(slot)) and \
            (_ordinary(slot, lang) or _one_character(slot, match.group("slot"), lang)):
        return None
    return start, end


# A name written twice, in Han and in Latin letters, one of them in parentheses: 林可晴 (Lam Hoi Ching),
# 梁语诺（Liang Yunuo）, Tanaka Rin (田中凛). The frame is the pair: Latin words that are romanised
# syllables, beside Han characters, are one person's name in both scripts.
ROMAN_WORD = r"[A-Z][a-z]{0,9}"
ROMAN_WORDS = rf"{ROMAN_WORD}(?:[ \t-]+{ROMAN_WORD}){{0,3}}"
HAN_THEN_ROMAN = re.compile(rf"([{HAN}]{{1,12}})[ \t\u3000]?[(（]({ROMAN_WORDS})[)）]")
ROMAN_THEN_HAN = re.compile(rf"(?<![A-Za-z])({ROMAN_WORDS})[ \t\u3000]?[(（]([{HAN}]{{2,4}})[)）]")
# Tan Mei Ling, Wong Ka Wai: in Chinese text, Latin words in parentheses right after Han characters, each
# of a syllable's length, the first or the last a romanised surname (frames_zh.txt). A word another layer
# took already shows as the claimed mark.
ROMANISED_WORD = rf"(?:[A-Z][a-z]{{0,6}}|{CLAIMED}{{1,7}})"
ROMANISED_AFTER_HAN = re.compile(rf"(?<=[{HAN}{CLAIMED}])[ \t]?[(（]({ROMANISED_WORD}(?:[ \t-]{ROMANISED_WORD}){{1,3}})[)）]")
# One syllable of pinyin, Jyutping-like Cantonese, Hokkien or Japanese romanisation (zh-a-ng, ch-i-ng,
# h-oi, y-u, ta), or a syllabic nasal (Ng, M) and Cantonese's vowel-less tsz/sz.
SYLLABLE = re.compile(r"tsz|sz|ng|m|(?:[bcdfghjklmnpqrstvwxyz]{0,3}(?:[aeiouy]{1,3})(?:ng|n|m|k|p|t|h)?)", re.IGNORECASE)


def _syllables(word: str) -> int:
    """How many romanised syllables make ``word`` (Yunuo: 2), 0 when it is no such word (Clinic)."""
    best = {0: 0}
    for position in range(len(word)):
        if position not in best:
            continue
        for length in range(1, min(7, len(word) - position) + 1):
            if SYLLABLE.fullmatch(word, position, position + length):
                end = position + length
                best[end] = min(best.get(end, 99), best[position] + 1)
    return best.get(len(word), 0)


def _romanised(words: list[str]) -> int:
    """The syllable count of a name in Latin letters, 0 when a word is no romanised syllables or a
    term, or when every word is an ordinary English word that is no name (Hot Stone; Lam and Ching
    are words too, but not all of a name is)."""
    counts = [_syllables(word) for word in words]
    if not all(0 < c <= 3 for c in counts) or any(vocabulary.is_safe_term(w) for w in words) or \
            all(vocabulary.is_ordinary_word(w, "en") and not vocabulary.is_name_word(w, "en") for w in words):
        return 0
    return sum(counts)


def _han_name(han: str, lang: str) -> bool:
    """Han characters that may be a name: no term, and no ordinary word unless a name's shape."""
    if vocabulary.is_safe_term(han) or vocabulary.is_safe_term(han, lang):
        return False
    return vocabulary.is_name_word(han, "zh") or not (vocabulary.is_ordinary_word(han, "zh") or
                                                       vocabulary.is_ordinary_word(han, "ja"))


def _two_scripts(work: str) -> list[tuple[int, int, str, str]]:
    found = []
    if "(" not in work and "（" not in work:
        return found
    japanese = re.search(f"[{HIRAGANA}{KATAKANA}]", work) is not None
    for match in HAN_THEN_ROMAN.finditer(work):
        words = re.findall(r"[A-Za-z]+", match.group(2))
        count = _romanised(words)
        run = match.group(1)
        # A Chinese name has a character per syllable: the romanisation says how many of the Han
        # characters before it are the name (我朋友|林可晴). Japanese readings do not count so.
        length = len(run) if japanese else count
        if count < 2 or len(run) < length or (japanese and len(run) > 4) or not _han_name(run[-length:], "ja" if japanese else "zh"):
            continue
        found += [(match.end(1) - length, match.end(1), "PERSON", "frame-two-scripts"),
                  (match.start(2), match.end(2), "PERSON", "frame-two-scripts")]
    for match in ROMANISED_AFTER_HAN.finditer(work) if not japanese else ():
        words = list(re.finditer(r"[A-Za-z]+", match.group(1)))
        if words and {words[0].group().casefold(), words[-1].group().casefold()} & ROMANISED_CHINESE_SURNAMES:
            # Word by word: the Latin pass may have taken one of them already (Mei as a given name).
            found += [(match.start(1) + w.start(), match.start(1) + w.end(), "PERSON", "frame-two-scripts") for w in words]
    for match in ROMAN_THEN_HAN.finditer(work):
        words = re.findall(r"[A-Za-z]+", match.group(1))
        if _romanised(words) >= 2 and _han_name(match.group(2), "ja" if japanese else "zh"):
            found += [(match.start(1), match.end(1), "PERSON", "frame-two-scripts"),
                      (match.start(2), match.end(2), "PERSON", "frame-two-scripts")]
    return found


def _one_character(slot: str, matched: str, lang: str) -> bool:
    """A single Han character in a Chinese ``word`` slot is a word's first character (我是第|一次), unless
    a title followed it (主刀王医生)."""
    return lang == "zh" and len(slot) == 1 and slot == matched


def _ja_word_with_honorific(work: str, start: int, end: int, frame: Frame) -> bool:
    """An honorific that is part of a word with what is before or after it (模様, 同様, 氏名, 様子; お客様,
    ご主人様), or a function word before it (その様な)."""
    if frame.lang != "ja" or not frame.suffix_only:
        return False
    if start and work[start - 1] in "おご":
        return True
    after = work[end + len(frame.after):end + len(frame.after) + 1]
    if len(frame.after) == 1 and re.match(f"[{HAN}]", after or " "):
        return True
    slot = work[start:end]
    if re.fullmatch(f"[{HIRAGANA}]+", slot) and is_function_word(slot):
        return True
    return any(vocabulary.is_ordinary_word(work[end - n:end + k], "ja") for n in (1, 2) for k in (1, 2) if end - n >= start)


def _japanese_label(slot: str, frame: Frame) -> bool:
    """A Japanese form's label in kanji before a colon in kana-less text (予約者：, 担当医：): no speaker."""
    return frame.lang == "zh" and frame.kind == "chat" and len(slot) > 1 and slot in frames("ja").generic


def _zh_word_with_title(work: str, start: int, end: int, frame: Frame) -> bool:
    """A word the slot's end makes with the title of address after it (老太太, 大小姐), or the slot a word
    of its own before it (各位|女士): no surname there."""
    if frame.lang != "zh" or not frame.after.startswith("<addressed>"):
        return False
    return vocabulary.is_ordinary_word(work[start:end], "zh") and end - start > 1 or \
        any(vocabulary.is_ordinary_word(work[end - n:end + k], "zh") for n in (1, 2) for k in (1, 2) if end - n >= start)


def _echoes(work: str, found: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """The names found by a frame wherever else they stand as a word of their own, a kana name also in
    the other kana script (ユキ for ゆき) and by its first two kana before an honorific (ゆきこ: ゆきちゃん)."""
    spans = []
    folded = work.casefold()
    for name in {work[s:e] for s, e, _, _ in found if e - s >= 2}:
        latin = re.fullmatch(f"[{LATIN} '’-]+", name) is not None
        forms = {name.casefold()} if latin else {name, _other_kana(name)}
        for form in forms - {""}:
            at = (folded if latin else work).find(form)
            while at != -1:
                stop = at + len(form)
                if _stands_alone(work, at, stop, form) and not any(s <= at < e for s, e, _, _ in found):
                    spans.append((at, stop, "PERSON", "frame-echo"))
                at = (folded if latin else work).find(form, at + 1)
        if re.fullmatch(f"[{HIRAGANA}{KATAKANA}]{{3,}}", name):
            for form in {name[:2], _other_kana(name[:2])}:
                spans += [(m.start(), m.start() + 2, "PERSON", "frame-echo")
                          for m in re.finditer(rf"(?<![{HIRAGANA}{KATAKANA}]){re.escape(form)}(?=ちゃん|さん|くん|たん|っち)", work)]
    return spans


def _other_kana(word: str) -> str:
    """The word in the other kana script (ゆき <-> ユキ); "" when it holds anything but kana."""
    if re.fullmatch(f"[{HIRAGANA}]+", word):
        return "".join(chr(ord(c) + 0x60) for c in word)
    if re.fullmatch(r"[\u30a1-\u30f6]+", word):
        return "".join(chr(ord(c) - 0x60) for c in word)
    return ""


def _script(char: str) -> str:
    for name, letters in (("han", HAN), ("kana", HIRAGANA + KATAKANA), ("thai", THAI), ("latin", LATIN)):
        if re.match(f"[{letters}]", char):
            return name
    return ""


def _stands_alone(work: str, start: int, end: int, name: str) -> bool:
    """Whether work[start:end] is a word of its own: no letter of its script glued on either side
    (a Japanese particle or honorific may follow a kana name; Thai words are not spaced, so a Thai
    name needs a space or the end on both sides)."""
    first, last = _script(name[0]), _script(name[-1])
    before = work[start - 1] if start else ""
    after = work[end] if end < len(work) else ""
    if before and _script(before) == first:
        return False
    if after and _script(after) == last:
        return last == "kana" and (after in JA_PARTICLES or work.startswith(JAPANESE_HONORIFICS + ("です",), end))
    return True
