"""The safe-list pass for Chinese and Japanese runs: dictionary segmentation and surname tables.

Chinese and Japanese have no spaces and no capitals, so a run of Han/Kana is cut into the longest
ordinary words (wordfreq's lists with person names subtracted, plus safe_zh/safe_ja terms) from
the left. What that leaves says where a name is:
- a Chinese person name of the jieba dictionary, whole (known names);
- a surname standing as a one-character piece followed by one or two one-character pieces that
  no word explains (王+丽+华), unless a numeral or demonstrative before it makes it a measure word,
  a common word of the jieba dictionary covers them all (黄疸, 叶酸), or one of them is a character
  of a procedure that no given name uses (全切, 冷敷; procedure_characters_zh.txt);
- a Japanese surname of the table followed by an honorific, or by one or two kanji before one, or
  by a space and a kana given name (山田 ひまりです; not 田中 また来ます);
- a Japanese given or family name that IPADIC (Janome) tags as one (japanese_names.py);
- a Katakana word before an honorific or joined by a middle dot (マリア・ロペス); any other short
  Katakana word that is neither ordinary Japanese, nor a loanword of wordfreq's large list, nor a
  safe term (a foreign given name, a rare brand); longer ones are loanwords;
- a Japanese given name in kana (2-5 kana, often an ordinary word: さくら, ひかり) by its place:
  before an honorific, after a name cue (名前は, 友達の, スタッフの, 担当の) or before と申します,
  ending where a particle starts; a kana reading with a space inside parentheses (すずき あやか);
- two or three kanji after such a cue, before a particle, that are no frequent word (娘の美咲が;
  not 友達の紹介で): kanji given names are in wordfreq's list, but rarer than the nouns said there;
- a Chinese given name or nickname by its place: 2-3 characters after a name cue (我叫, 名字,
  表妹, 朋友, 同宿舍的 ...) or before a title (老师, 主任, 同学 ...), a surname before a title, a
  nickname 小X / 阿X / XX that no word explains, and a short run opening a chat line (X 20:15).
The cue and word lists are the frames' (vocabulary/frames_ja.txt, frames_zh.txt: cue, kin-cue,
self-intro, name-end ...), read by name_data's loader; the chat line's time stamp is the frames' mark.
"""
from __future__ import annotations

import re

from anonymise import vocabulary
from anonymise.japanese_names import is_function_word, is_name_like_noun, japanese_name_spans
from anonymise.name_data import (CHINESE_PROCEDURE_CHARACTERS, CHINESE_SURNAMES, CHINESE_TITLES, JAPANESE_HONORIFICS,
                                 JAPANESE_NAME_TITLES, JAPANESE_SURNAMES, PERSON_FRAME_LISTS)
from anonymise.person_frames import STAMP_DATE, STAMP_TIME, frames
from anonymise.vocabulary.packed import word_sets

CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々]+")
KANA = re.compile(r"[\u3040-\u30ff]")
KATAKANA_WORD = re.compile(r"[\u30a1-\u30fa\u30fc]{2,}")
# Katakana words longer than this without an honorific are loanwords (イソトレチノイン), not given names.
KATAKANA_NAME_MAX = 5
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々]")
MAX_WORD = 4
DIGIT = re.compile(r"\d")
# The cue and word lists live with the frames (vocabulary/frames_<lang>.txt), one home for name cues.
JA_LISTS, ZH_LISTS = PERSON_FRAME_LISTS["ja"], PERSON_FRAME_LISTS["zh"]
FUNCTION_CHARACTERS = frozenset(ZH_LISTS["function"])
NUMERAL_BEFORE = frozenset("一二三四五六七八九十两几每这那哪某各多半零百千万0123456789")
# Conjunctions that are also surnames (和, 與, 同 in Cantonese): right after a word of two characters or more
# or a pronoun they join two things (隆鼻與墊下巴, 肉毒同埋玻尿酸, 我和林雅婷: the name starts after them); after
# other single characters they may belong to a name (金正和).
CONJUNCTIONS = frozenset("和与與及同跟或")
# What follows a Japanese name: an honorific or a self-introduction (田中さん, 田村あかねです).
HONORIFICS = JAPANESE_NAME_TITLES + ("です", "と申", "といい", "と言")
# The honorifics that make a Katakana word before them a foreign name (マリアさん).
KATAKANA_NAME_HONORIFICS = tuple(t for t in JAPANESE_NAME_TITLES if t in JAPANESE_HONORIFICS)
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
        if end - start >= 2 and _known_name(piece) and not vocabulary.is_safe_term(piece, "zh"):
            found.append((start, end, "zh-name-list"))
            continue
        previous = run[start - 1] if start else before
        if end - start != 1 or piece not in CHINESE_SURNAMES or previous in NUMERAL_BEFORE \
                or (piece in CONJUNCTIONS and index and (pieces[index - 1][1] - pieces[index - 1][0] >= 2
                                                         or run[start - 1] in FUNCTION_CHARACTERS)):
            continue
        given = []
        for s, e in pieces[index + 1:index + 3]:
            if len(given) == 1 and e - s == 2 and run[s + 1] in ZH_VERBS_AFTER_NAME and HAN.match(run[s]) and \
                    run[s] not in FUNCTION_CHARACTERS and run[s] not in ZH_VERBS_AFTER_NAME:
                given.append(s + 1)  # 王|晓|明说: the segmenter glued the name's last character to the verb
                break
            if e - s != 1 or run[s] in FUNCTION_CHARACTERS or not HAN.match(run[s]) or \
                    (given and run[s] in ZH_VERBS_AFTER_NAME):
                break  # 张伟|有糖尿病, 李娜|想做: the sentence's verb after a one-character given name
            given.append(e)
        if any(run[e - 1] in CHINESE_PROCEDURE_CHARACTERS for e in given):
            continue  # 全切, 冷敷: a procedure compound led by a surname-like character, not a name
        if given and not _surname_initial_word(run, start, given[-1]):
            found.append((start, given[-1], "zh-surname"))
    return found


def _surname_initial_word(run: str, start: int, end: int) -> bool:
    """A common word of the jieba dictionary covers the surname and what follows it (黄疸, 叶酸): a word."""
    words = word_sets()["surname_initial_words_zh"]
    return any(run[start:start + n] in words for n in range(end - start, MAX_WORD + 1) if start + n <= len(run))


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


def _japanese_names(run: str, work: str = "", offset: int = 0) -> list[tuple[int, int, str]]:
    """Names in the Han/Kana run ``run``, which starts at ``offset`` of ``work`` (the text around it)."""
    found = []
    safe = _safe_positions(run, "ja") if KATAKANA_WORD.search(run) else set()
    for match in KATAKANA_WORD.finditer(run):
        word = match.group()
        # Most Katakana words are loanwords (フェイスリフト, ケタミン); a foreign name shows itself by
        # an honorific after it or a middle dot joining it to another Katakana word (マリア・ロペス).
        person = run[match.end():].startswith(KATAKANA_NAME_HONORIFICS) or run[match.end():match.end() + 1] == "・" \
            or (match.start() and run[match.start() - 1] == "・")
        if person and match.start() not in safe and not vocabulary.is_safe_term(word, "ja"):
            found.append((match.start(), match.end(), "ja-katakana-name"))
        elif not person and match.start() not in safe and not vocabulary.is_ordinary_word(word, "ja") and \
                not vocabulary.is_safe_term(word, "ja") and not vocabulary.is_katakana_loanword(word) and \
                not vocabulary.is_katakana_treatment(word) and \
                len(word) <= KATAKANA_NAME_MAX and not vocabulary.is_drug_in_context(
                    word, work[max(0, offset + match.start() - 48):offset + match.start()],
                    work[offset + match.end():offset + match.end() + 48]):
            found.append((match.start(), match.end(), "ja-katakana"))  # not a drug by its stem (ケタゾール 飲む)
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


KANA_CHARS = r"\u3041-\u3096\u30a1-\u30fa\u30fc"
# Particles and copulas that may follow a name (かおりと, みずほです, ゆうきが).
JA_PARTICLES = ("です", "でした", "と", "が", "は", "も", "に", "の", "を", "へ", "から", "って", "より", "や", "で", "さん",
                "様", "さま", "ちゃん", "くん", "君")
JA_PARTICLE_CHARS = "がはのをにともでへや"
JA_NAME_CUES = JA_LISTS["cue"]
JA_BEFORE_SELF_INTRO = JA_LISTS["self-intro"]
JA_NOT_NAMES = frozenset(JA_LISTS["not-name"])
JA_KANA_NAME_THEN_HONORIFIC = re.compile(r"(?<![\u3041-\u3096])([\u3041-\u3096]{2,8})(?=%s)" % "|".join(JAPANESE_HONORIFICS))
JA_READING = re.compile(rf"[（(]([{KANA_CHARS}]{{1,8}}[ \u3000][{KANA_CHARS}]{{1,8}})[)）]")
JA_CUE = re.compile("|".join(map(re.escape, sorted(JA_NAME_CUES, key=len, reverse=True))))
JA_SELF_INTRO = re.compile(rf"([{KANA_CHARS}]{{2,7}})(?:{'|'.join(map(re.escape, JA_BEFORE_SELF_INTRO))})")


JA_KANJI_NAME = re.compile(r"([\u4e00-\u9fff々]{2,3})(?=が|と|は|も|に|を|の|です|から|、|。|\s|さん|ちゃん|くん)")


def _known_word_start(kanji: str) -> bool:
    """Whether the kanji begin with a frequent two-character word (紹介者, 予約日): a noun, not a name."""
    return len(kanji) == 3 and kanji[:2] in word_sets()["common_ja"]


def _boundary(char: str) -> bool:
    """A character no word continues over: punctuation, a space, Latin, a digit."""
    return not re.match(rf"[{KANA_CHARS}\u3400-\u4dbf\u4e00-\u9fff々]", char)


def _kana_name_after(work: str, at: int, strict: bool) -> int:
    """End of a 2-5 kana name starting at ``at``: the longest reading after which a particle, an
    honorific, punctuation or the end follows; ``at`` when there is none (or it is a function word)."""
    run = re.match(rf"[{KANA_CHARS}]{{1,12}}", work[at:])
    if not run:
        return at
    text = run.group()
    for length in range(min(5, len(text)), 1, -1):
        rest = work[at + length:]
        name = text[:length]
        if not (rest[:1] == "" or not re.match(rf"[{KANA_CHARS}\u4e00-\u9fff]", rest[:1]) or rest.startswith(JA_PARTICLES)):
            continue
        if name in JA_NOT_NAMES or (strict and vocabulary.is_ordinary_word(name, "ja")):
            return at
        return at + length
    return at


def _japanese_kana_names(work: str) -> list[tuple[int, int, str]]:
    found = [(m.start(1), m.end(1), "ja-kana-reading") for m in JA_READING.finditer(work)]
    for match in JA_KANA_NAME_THEN_HONORIFIC.finditer(work):
        start, end = match.start(1), match.end(1)
        # Inside a longer kana run a particle ends what came before (スタッフの|ゆうきさん, これは|みずほさん).
        cuts = [i + 1 for i in range(start, end - 2) if work[i] in JA_PARTICLE_CHARS and (i > start or start and
                                                                                         not _boundary(work[start - 1]))]
        if cuts:
            start = cuts[-1]
        if end - start > 5:
            continue
        if start and work[start - 1] in "おご" and (start < 2 or _boundary(work[start - 2])):
            continue  # お客さま, ご主人さま: an honorific prefix, not a name
        name = work[start:end]
        if name in JA_NOT_NAMES or work[start - 1:end] in JA_NOT_NAMES or vocabulary.is_ordinary_word(
                work[start:end + 2], "ja") or vocabulary.is_safe_term(name, "ja"):
            continue
        found.append((start, end, "ja-kana-honorific"))
    for match in JA_CUE.finditer(work):
        at = match.end() + len(re.match(r"[、,：: \u3000]*", work[match.end():]).group())
        end = _kana_name_after(work, at, strict=not match.group().endswith(("の", "は", "が", "：", ":")))
        if end > at:
            found.append((at, end, "ja-kana-cue"))
    for match in JA_CUE.finditer(work):
        # 娘の美咲が, 友人の玲奈と: two or three kanji that no word explains, then a particle.
        kanji = JA_KANJI_NAME.match(work, match.end())
        if kanji and kanji.group(1) not in word_sets()["common_ja"] and \
                not vocabulary.is_safe_term(kanji.group(1), "ja") and not _known_word_start(kanji.group(1)):
            found.append((kanji.start(1), kanji.end(1), "ja-kanji-cue"))
    for match in CHAT_LINE.finditer(work):
        if not vocabulary.is_safe_term(match.group(1), "ja") and not vocabulary.is_katakana_loanword(match.group(1)) \
                and not _field_label(match):
            found.append((match.start(1), match.end(1), "ja-chat-speaker"))
    for match in CHAT_LINE_ONE_KANJI.finditer(work):
        found.append((match.start(1), match.end(1), "ja-chat-speaker"))
    if CHAT_LINE.search(work) or CHAT_LINE_ONE_KANJI.search(work):
        for match in JA_VOCATIVE.finditer(work):
            word, glued = match.group(1), match.group(2) is not None
            # Glued to 本気 (しょう本気？) any kana word but a function word (それ本気？); before a comma a noun.
            if (is_name_like_noun(word) or glued and not is_function_word(word)) and \
                    not vocabulary.is_safe_term(word, "ja"):
                found.append((match.start(1), match.end(1), "ja-chat-vocative"))
    for match in JA_KATAKANA_INTRO.finditer(work):
        word = match.group(1)
        # Frequent Katakana words include given names (リナ): opening a line, only a term stays.
        line_start = match.start(1) == 0 or work[match.start(1) - 1] == "\n"
        if not (vocabulary.is_safe_term(word, "ja") or (vocabulary.is_ordinary_word(word, "ja") and
                                                         not (line_start and len(word) <= 4))):
            found.append((match.start(1), match.end(1), "ja-katakana-intro"))
    for match in JA_SURNAME_SPACE_KANA.finditer(work):
        # 山田 ひまりです: a listed surname, a space, a kana given name; not a function word (田中 また来ます).
        given = match.group(2)
        if match.group(1) in JAPANESE_SURNAMES and given not in JA_NOT_NAMES and not given.startswith(JA_COPULAS) and \
                not is_function_word(given) and \
                not vocabulary.is_safe_term(given, "ja"):
            found += [(match.start(1), match.end(1), "ja-surname-space-kana"), (match.start(2), match.end(2), "ja-surname-space-kana")]
    for match in JA_SELF_INTRO.finditer(work):
        start, end = match.start(1), match.end(1)
        particle = max((i for i in range(start, end - 2) if work[i] in "はがも"), default=None)
        if particle is not None:
            start = particle + 1
        if work[start:end] not in JA_NOT_NAMES:
            # 西園寺れいかと申します: the kanji right before the kana name is its family name.
            while start and HAN.match(work[start - 1]) and end - start < 9:
                start -= 1
            found.append((start, end, "ja-kana-self-intro"))
    return found


HAN_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
ZH_NAME_CUES = ZH_LISTS["cue"] + ZH_LISTS["kin-cue"]
# After these a name begins with a surname (我爸爸有高血压 is no name), and no word starts there.
ZH_KIN_CUES = frozenset(ZH_LISTS["kin-cue"])
ZH_CUE = re.compile("|".join(map(re.escape, sorted(ZH_NAME_CUES, key=len, reverse=True))))
TITLED_RUN = 4  # Han characters before a title that may hold the name (the gate reads as many)
ZH_TITLE_AFTER = re.compile(rf"(?=({'|'.join(CHINESE_TITLES)}))")
# 思琪说…, 是雅婷介绍的, 梓涵妈妈: two characters that are no word, opening a clause, before a verb of
# saying or recommending or a parent word (a parent named after the child) are a given name.
ZH_GIVEN_BEFORE_VERB = re.compile(rf"(?:^|(?<=[，。！？,.!?\s：:、；;是和跟与]))([{HAN_CLASS}]{{2}})"
                                  rf"(?=说|說|介绍|介紹|推荐|推薦|告诉|告訴|妈妈|媽媽|爸爸)")
ZH_NAMING_CUES = frozenset(ZH_LISTS["naming-cue"])
ZH_QUESTION_WORDS = frozenset(ZH_LISTS["question"])
# Verbs that open what follows a kin word (我爸爸有…, 我妈妈在…): no given name starts with them.
ZH_VERB_STARTS = frozenset("有在是")
# Verbs that follow a name and rarely end a given name (张伟有, 李娜想做): a third character so is the verb's.
ZH_VERBS_AFTER_NAME = frozenset(ZH_LISTS["verb-after-name"])
ZH_NAME_END = FUNCTION_CHARACTERS | frozenset(ZH_LISTS["name-end"])
ZH_DOUBLED_WORDS = frozenset(ZH_LISTS["doubled-word"])
# A forwarded chat line: the speaker's short name, then a time, a date and time, or a colon
# (小美 21:14, 婷婷 2024-03-05 21:14, 阿强 3/5 下午9:14); or the stamp first ([2024/3/5 21:14] 小美:), its date
# maybe taken by another layer already (the claimed mark).
CHAT_STAMP, CHAT_TIME = STAMP_DATE, STAMP_TIME  # the frames' date and clock-time marks
CHAT_LINE = re.compile(rf"(?m)^[ \t]*(?:\[?(?:{CHAT_STAMP}|\ue000+)?[ \t]*{CHAT_TIME}\]?[ \t]*)?"
                       rf"([{HAN_CLASS}\u3041-\u3096\u30a1-\u30fa\u30fc]{{2,6}})[ \t]*"
                       rf"(?:[ \t](?:{CHAT_STAMP}[ \t]+)?{CHAT_TIME}|[ \t]{CHAT_STAMP}(?=[ \t]*$)|[:：])")
# A one-kanji given name as the speaker after the time stamp (14:05 翔：): the stamp vouches for the position.
CHAT_LINE_ONE_KANJI = re.compile(rf"(?m)^[ \t]*\[?(?:{CHAT_STAMP}[ \t]*)?{CHAT_TIME}\]?[ \t]*"
                                 rf"([{HAN_CLASS}])[ \t]*[:：]")
# In a forwarded chat, a kana word opening a message before a comma or 本気/マジ is whom it is said to
# (ゆき、明日行く？ / しょう本気？); うん、でも、あれ are no nouns or no one (see the loop's condition).
JA_VOCATIVE = re.compile(rf"(?m)(?:[:：]|^)[ \t]*([\u3041-\u3096]{{2,4}})(?=[、,]|[ \t]?(本気|マジ|まじ))")
ZH_CALLED_END = r"[就吧好即便，。,.!！?？、\s]|$"
# 朋友都叫我Coco, 叫我小雨就好: the nickname someone is called by. A Latin word or 小X/阿X after any
# 叫我; other Han only after who calls (朋友, 大家 ...) and before an ending (医生叫我吃药 is an order).
ZH_CALLED = re.compile(rf"(?P<who>朋友|大家|家人|同事|同学|同學|们|們|都)?(?:叫我|喊我|稱呼我|称呼我)(?:做|作|為|为)?[ \t]?"
                       rf"(?:([A-Za-z][A-Za-z'-]{{1,15}})|([小阿][{HAN_CLASS}]{{1,2}}?)(?={ZH_CALLED_END})|"
                       rf"([{HAN_CLASS}]{{1,2}}?)(?={ZH_CALLED_END}))")
# リナです！ / マイクと申します: a short Katakana word introducing itself at a sentence start.
# A Japanese surname and a kana given name with a space between, ending where a name does; a copula
# after the space is the sentence going on (山本 ですか).
JA_COPULAS = ("です", "でし", "だっ", "じゃ", "でしょ")
JA_SURNAME_SPACE_KANA = re.compile(r"(?<![\u3400-\u4dbf\u4e00-\u9fff々])([\u4e00-\u9fff々]{1,3})[ \u3000]"
                                   r"([\u3041-\u3096]{2,4}?|[\u30a1-\u30fa\u30fc]{2,6})"
                                   r"(?=です|でした|さん|様|さま|ちゃん|くん|と申|といい|[がはもをにと、。，,.!！?？\s）)]|$)")
JA_KATAKANA_INTRO = re.compile(r"(?:^|(?<=[。！？!?、\s]))([\u30a1-\u30fa\u30fc]{2,6})(?=です[。！!、\s]|と申|といい|と言い|って言い)")


def _zh_given_after(work: str, at: int, cue: str) -> int:
    """End of a 2-3 character given name after a name cue at ``at`` (``at`` when none is there)."""
    chars = work[at:at + 4]
    if len(chars) < 2 or not all(HAN.match(c) for c in chars[:2]) or chars[0] in ZH_NAME_END:
        return at
    if cue.endswith("的") and not _acts_next(chars[2:]):
        return at  # 我朋友的脸型很好: after X的 a thing of theirs is as likely as a person, who acts next
    two = chars[:2]
    if vocabulary.is_safe_term(two, "zh") or chars[:3] and any(vocabulary.is_safe_term(chars[:n], "zh") for n in (3, 4)):
        return at
    ends_after_two = len(chars) == 2 or not HAN.match(chars[2]) or chars[2] in ZH_NAME_END
    if vocabulary.is_ordinary_word(two, "zh") and two not in word_sets()["chinese_person_names"]:
        # 我是第一次, 朋友推荐: a word, not a name; 我是 needs a surname to be a self-introduction. After
        # 我叫 / 名字是 the word standing alone is the name however ordinary (我叫小雨，).
        if cue in ZH_NAMING_CUES and ends_after_two and two not in ZH_QUESTION_WORDS:
            return at + 2
        return at
    if cue == "我是" and chars[0] not in CHINESE_SURNAMES:
        return at
    if cue in ZH_KIN_CUES and chars[0] not in CHINESE_SURNAMES:
        # 我女儿欣怡今年: a given name alone after a kin word, when the two characters are no word, the
        # second begins none (我爸爸有|高血压) and the name ends there.
        starts_word = any(vocabulary.is_ordinary_word(chars[1:1 + n], "zh") for n in (2, 3))
        return at + 2 if ends_after_two and not starts_word and chars[0] not in ZH_VERB_STARTS else at
    if cue in ZH_KIN_CUES and any(vocabulary.is_ordinary_word(chars[:n], "zh") for n in (3, 4)):
        return at
    third = chars[2:3]
    if third and HAN.match(third) and third not in ZH_NAME_END and chars[0] in CHINESE_SURNAMES and \
            not vocabulary.is_ordinary_word(chars[2:4], "zh"):
        return at + 3
    return at + 2


# What follows a person named after a relation word and 的 (我同事的思彤说, 朋友的雅婷推荐的): a verb, or the clause ends.
ZH_ACTING = ("推荐", "推薦", "介绍", "介紹", "告诉", "告訴")


def _acts_next(rest: str) -> bool:
    return not rest or not HAN.match(rest[0]) or rest[0] in ZH_VERBS_AFTER_NAME or rest.startswith(ZH_ACTING)


def _chinese_place_names(work: str) -> list[tuple[int, int, str]]:
    found = []
    for match in ZH_CUE.finditer(work):
        end = _zh_given_after(work, match.end(), match.group())
        if end > match.end():
            found.append((match.end(), end, "zh-name-cue"))
    for match in ZH_TITLE_AFTER.finditer(work):
        at = match.start()
        title = match.group(1)
        if at == 0 or not HAN.match(work[at - 1]):
            continue
        if len(title) == 1 and vocabulary.is_ordinary_word(work[at - 1:at + 1], "zh"):
            continue  # 总是, 大哥: a word
        # A surname and given name before the title (介紹人是陳小明先生), by the rule the gate checks.
        run_start = at
        while run_start > max(0, at - TITLED_RUN) and HAN.match(work[run_start - 1]):
            run_start -= 1
        name_start = vocabulary.han_name_before_title(work[run_start:at])
        while name_start is not None and vocabulary.is_ordinary_word(work[run_start + name_start:run_start + name_start + 2], "zh"):
            run_start += name_start + 1  # 高兴|王老师: the run opens with a word, the name is after it
            name_start = vocabulary.han_name_before_title(work[run_start:at])
        if name_start is not None and at - (run_start + name_start) > 2:
            found.append((run_start + name_start, at, "zh-titled-name"))
            continue
        # A surname alone before the title (王主任, 问了张老师), or a 2-character given name (晓雯老师).
        one = work[at - 1]
        two = work[at - 2:at] if at >= 2 and HAN.match(work[at - 2]) else ""
        if two and two[0] not in ZH_NAME_END and not vocabulary.is_ordinary_word(two, "zh") and \
                not vocabulary.is_safe_term(two, "zh") and not inside_word(work, at - 2, at) and \
                (len(title) > 1 or two[0] in CHINESE_SURNAMES):
            found.append((at - 2, at, "zh-before-title"))
        elif one in CHINESE_SURNAMES and not inside_word(work, at - 1, at):
            found.append((at - 1, at, "zh-surname-title"))
    safe = _safe_positions(work, "zh")
    for match in re.finditer(rf"[小阿]([{HAN_CLASS}])", work):
        nickname = match.group()
        if vocabulary.is_ordinary_word(nickname, "zh") or match.start() in safe or \
                match.group(1) in ZH_NAME_END or inside_word(work, match.start(), match.end()):
            continue
        found.append((match.start(), match.end(), "zh-nickname"))
    for match in re.finditer(rf"([{HAN_CLASS}])\1", work):
        doubled = match.group()
        alone = (match.start() == 0 or _boundary(work[match.start() - 1])) and \
            (match.end() == len(work) or _boundary(work[match.end()]))
        if match.start() in safe or match.group(1) in ZH_NAME_END or doubled in ZH_DOUBLED_WORDS or \
                (vocabulary.is_ordinary_word(doubled, "zh") and not alone):
            continue
        found.append((match.start(), match.end(), "zh-doubled-nickname"))
    for match in ZH_GIVEN_BEFORE_VERB.finditer(work):
        given = match.group(1)
        if given[0] not in ZH_NAME_END and given[1] not in ZH_NAME_END and given[0] not in ZH_VERB_STARTS and \
                not vocabulary.is_ordinary_word(given, "zh") and not vocabulary.is_safe_term(given, "zh") and \
                match.start(1) not in safe:
            found.append((match.start(1), match.end(1), "zh-given-before-verb"))
    for match in CHAT_LINE.finditer(work):
        if not vocabulary.is_safe_term(match.group(1), "zh") and not _field_label(match):
            found.append((match.start(1), match.end(1), "zh-chat-speaker"))
    for match in ZH_CALLED.finditer(work):
        group = next(g for g in (2, 3, 4) if match.group(g))
        if (group < 4 or match.group("who")) and not vocabulary.is_safe_term(match.group(group), "zh"):
            found.append((match.start(group), match.end(group), "zh-called"))
    return found


def _field_label(match: re.Match) -> bool:
    """A form's field label (电话：, 备注：, 住所：, 予約者：), not a speaker: an ordinary word or a generic
    word of the frames before the colon with no time stamp on the line. With a time (小美 21:14, 14:05 翔：) the line is a chat's."""
    word = match.group(1)
    if DIGIT.search(match.group()):
        return False
    if vocabulary.is_form_label(word):
        return True  # 既往歴：, 既往史：: a listed label (form_labels.tsv) whatever the segmenter makes of it
    # 希望日：, 来院日：: a compound opening with a word of two characters or more is a label too.
    compound = len(word) > 2 and not _known_name(word) and \
        any(vocabulary.is_ordinary_word(word[:n], lang) for n in range(2, len(word)) for lang in ("zh", "ja"))
    return compound or any(vocabulary.is_ordinary_word(word, lang) or word in frames(lang).generic for lang in ("zh", "ja"))


def inside_word(work: str, start: int, end: int) -> bool:
    """Whether an ordinary word of 2-4 characters crosses the edge of work[start:end] (皮肤|科主任)."""
    for a in range(max(0, start - 3), end):
        for b in range(max(a + 2, start + 1), min(len(work), a + 4) + 1):
            if (a < start < b or a < end < b) and vocabulary.is_ordinary_word(work[a:b], "zh"):
                return True
    return False


def cjk_spans(work: str) -> list[tuple[int, int, str, str]]:
    japanese = KANA.search(work) is not None
    spans = []
    if CJK_RUN.search(work):
        places = _japanese_kana_names(work) + japanese_name_spans(work) if japanese else _chinese_place_names(work)
        spans += [(s, e, "PERSON", reason) for s, e, reason in places if e > s]
    for match in CJK_RUN.finditer(work):
        run = match.group()
        before = work[match.start() - 1] if match.start() else ""
        names = _japanese_names(run, work, match.start()) if japanese else _chinese_names(run, before)
        spans += [(match.start() + s, match.start() + e, "NAME" if reason == "ja-katakana" else "PERSON", reason)
                  for s, e, reason in names]
    if spans:
        # 韩币5万, 30萬韓圜, 3小時: a currency, unit or duration word beside its number, not a surname's name;
        # a name overlapping one is what is left of it outside (2小時嗎: none; 30分钟小明老师: 小明).
        quantities = vocabulary.han_quantity_words(work)
        kept = []
        for span_start, span_end, kind, reason in spans:
            clear = vocabulary.han_name_clear_of_quantities(work, span_start, span_end, quantities)
            if clear is not None:
                kept.append((*clear, kind, reason))
        spans = kept
    if spans and re.search(r"[A-Za-z]", work):
        # Safe terms that mix scripts (异维A酸) are cut by the Han runs: match them over the whole text.
        safe = _safe_positions(work.casefold(), "ja" if japanese else "zh")
        spans = [span for span in spans if not any(p in safe for p in range(span[0], span[1]))]
    return spans
