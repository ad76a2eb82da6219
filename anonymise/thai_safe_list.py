"""The safe-list pass for Thai runs: PyThaiNLP's dictionary segmentation and its name lists.

Thai has no spaces between words and no capitals, so a run is cut into words by PyThaiNLP's
dictionary maximal matching (newmm, over its bundled Thai word list; nothing is downloaded). Then:
- a word the Thai dictionary does not have (nor safe_th.txt) is not vouched for and goes (a
  given name spelled its own way, a brand, a transliterated foreign name);
- a given name of PyThaiNLP's lists that is no dictionary word goes anywhere;
- the word after a name cue goes even when it is a dictionary word, as Thai nicknames usually are
  (น้ำฝน "rain", แพรว "sparkle"): after a title (คุณ, นาย, นางสาว, ด.ช. ...), after ชื่อ/ชื่อเล่น (name,
  nickname), and after a kinship or staff word (เพื่อน, น้อง, พี่, เจ้าหน้าที่) when the word is on a name
  list or is followed by ชื่อ-less speech (a particle or a verb of saying/recommending);
- a family name of PyThaiNLP's list (or no word) one space after a name found by a cue;
- a Thai run alone in parentheses right after a placeholder or a name (its nickname), unless a role
  or relation word (พยาบาล, ล่าม, ลูกสาว);
- with no cue, by role: a listed given name opening a clause before a verb of saying or
  recommending, a short word joined by กับ/และ to a name found already (or a listed given name
  joined to a pronoun: ฉันกับพลอย), a listed name or unknown word brought along (พาพลอยมา), and a
  listed given name introducing itself (พลอยค่ะ opening a line, ดิฉันพลอยค่ะ).
Function words, particles and safe terms always stay.
"""
from __future__ import annotations

import functools
import re

THAI_RUN = re.compile(r"[\u0e00-\u0e7f]+(?:\.[\u0e00-\u0e7f]+\.)?")
THAI_LETTER = re.compile(r"[\u0e01-\u0e2e]")
DIGIT = re.compile(r"\d")
# Titles: whatever follows is a name.
TITLES = ("นางสาว", "นาย", "นาง", "คุณ", "ด.ช.", "ด.ญ.", "ดร.", "น.ส.", "อาจารย์", "นพ.", "พญ.", "ทพ.", "ทญ.", "ภก.",
          "ภญ.", "ผศ.", "รศ.", "ศ.", "อ.")
# Titles also said alone for the person (อาจารย์ "the teacher"): only a listed name or no word after them.
WORD_TITLES = frozenset(("อาจารย์",))
# Those written with a dot, as the tokenizer gives them without it (ทพ|.|ธนกร).
ABBREVIATED_TITLES = frozenset(t[:-1] for t in TITLES if t.endswith(".") and "." not in t[:-1])
# The name follows these directly (ชื่อแพรว, ชื่อเล่นแพรวค่ะ, หนูชื่อ...).
NAME_WORDS = ("ชื่อเล่น", "ชื่อจริง", "ชื่อ")
# Kinship and staff words: a name follows when it is a listed name or speech follows it.
KIN_WORDS = ("เพื่อน", "น้อง", "พี่", "เจ้าหน้าที่", "หมอ", "พยาบาล", "แฟน", "ลูก", "หลาน", "ป้า", "น้า", "ลุง", "อา", "ยาย",
             "ตา", "แม่", "พ่อ")
# Words that follow a name cue without being a name (ชื่อว่า, ชื่ออะไร, พี่สาว, น้องสาว).
NOT_NAMES = frozenset("ว่า อะไร ของ ที่ นี้ นั้น จริง เล่น สาว ชาย คน ผู้ หญิง ทุก ทั้ง ๆ และ กับ ก็ จะ ได้ ไม่ มี เป็น อยู่ "
                      "ไป มา ให้ ด้วย ครับ ค่ะ คะ นะ จ้ะ จ้า ฮะ หนู เรา ผม ฉัน ดิฉัน เขา เธอ ท่าน ของผม ของหนู บ้าน สนิท "
                      "เก่า ใหม่ ร่วม ที่ทำงาน ใน ทาง ช่วย หมอ แม่ พ่อ ลูกค้า พี่ น้อง ป้า ลุง ยาย ครู "
                      # Auxiliaries and verbs that follow a kinship word as its verb (แม่อยากทำ, เพื่อนเคยไป).
                      "อยาก ต้อง ชอบ เคย กำลัง ยัง คง ควร อาจ บอก พา ทำ ดู รู้ คิด เพิ่ง เลย มาก แนะนำ สนใจ ถาม "
                      "โทร ส่ง ซื้อ จอง นัด กลัว แพ้ ปวด เจ็บ".split())
# What may follow a nickname: particles and verbs of saying, recommending, coming along.
AFTER_NAME = ("ค่ะ", "คะ", "ครับ", "นะ", "จ้า", "แนะนำ", "บอก", "พา", "จะ", "ก็", "เคย", "ไป", "มา", "ด้วย", "เป็น", "ทำ",
              "โทร", "ดูแล", "ว่า", "อายุ", "และ", "กับ")
# A nickname may open a clause before these (ฝนบอกว่า, พลอยแนะนำคลินิกนี้).
SPEECH_VERBS = ("บอก", "แนะนำ", "เล่า", "ชวน", "พามา", "รีวิว")
CLAUSE_OPENERS = ("วันนี้", "เมื่อวาน", "แล้ว", "และ", "ซึ่ง", "ตอนนี้", "ส่วน")
FAMILY_NAME = re.compile(r" ([\u0e00-\u0e7f]{2,20})(?![\u0e00-\u0e7f])")
PARENTHESISED = re.compile(r"(?:>|[\u0e00-\u0e7fA-Za-z])\s?\(([\u0e00-\u0e7f]{2,12})\)")
# What a parenthesis after a name says of the person when it is no nickname: their role (สมศรี (พยาบาล)).
PARENTHESISED_ROLES = frozenset("พยาบาล ล่าม หมอ แพทย์ คุณหมอ เจ้าหน้าที่ ผู้ช่วย ผู้ช่วยพยาบาล ผู้ป่วย คนไข้ ลูกค้า ญาติ "
                                "ผู้ปกครอง ผู้จัดการ พนักงาน แอดมิน ที่ปรึกษา".split())


@functools.cache
def thai_lexicon():
    """(Thai dictionary words and safe terms, given names that are no dictionary word, all given names)."""
    from pythainlp.corpus import thai_female_names, thai_male_names, thai_words

    from anonymise import vocabulary

    words = frozenset(thai_words()) | vocabulary.safe_terms("th")
    names = frozenset(thai_female_names() | thai_male_names())
    return words, names - words, names


@functools.cache
def _family_names() -> frozenset[str]:
    from pythainlp.corpus import thai_family_names

    return frozenset(thai_family_names())


def thai_tokens(run: str) -> list[tuple[int, int, str]]:
    from pythainlp.tokenize import word_tokenize

    # The tokenizer's own dictionary trie (built once per process, ~60 MB): a second one with the
    # safe terms added would double that; safe terms are matched over the text instead.
    out, position = [], 0
    for token in word_tokenize(run, engine="newmm", keep_whitespace=True):
        out.append((position, position + len(token), token))
        position += len(token)
    return out


def _safe_positions(work: str) -> set[int]:
    """Positions inside an occurrence of a Thai safe term (the tokenizer may cut one in pieces)."""
    from anonymise import vocabulary

    covered: set[int] = set()
    for term in vocabulary.safe_terms("th"):
        at = work.find(term)
        while at != -1:
            covered.update(range(at, at + len(term)))
            at = work.find(term, at + 1)
    return covered


def _is_safe_term(token: str) -> bool:
    from anonymise import vocabulary

    return vocabulary.is_safe_term(token, "th")


def thai_spans(work: str) -> list[tuple[int, int, str, str]]:
    if not re.search(r"[\u0e00-\u0e7f]", work):
        return []
    from anonymise import vocabulary

    words, names_only, names = thai_lexicon()
    safe = _safe_positions(work)
    spans: list[tuple[int, int, str, str]] = []
    # The whole text at once: cues and names may sit across spaces (ชื่อ แพรว ค่ะ).
    tokens = [(s, e, t) for s, e, t in thai_tokens(work) if t.strip()]
    thai = [(s, e, t) for s, e, t in tokens if THAI_LETTER.search(t)]
    for index, (start, end, token) in enumerate(thai):
        if token in NOT_NAMES or _is_safe_term(token) or _inside_safe_term(work, start, end, safe, words):
            continue
        previous = thai[index - 1][2] if index else ""
        adjacent = index and thai[index - 1][1] >= start - 1
        following = thai[index + 1][2] if index + 1 < len(thai) else ""
        if previous in ("ว่า", "คือ") and index >= 2 and thai[index - 2][2].endswith(NAME_WORDS):
            previous = thai[index - 2][2]  # ชื่อเล่นว่าแป้ง: "is called" between the name word and the name
        if index and previous in ABBREVIATED_TITLES and work[thai[index - 1][1]:start].strip() == ".":
            previous = previous + "."  # ทพ.ธนกร: the tokenizer cuts the title from its dot
        if previous in WORD_TITLES and token in words and token not in names:
            continue  # อาจารย์บอกว่า: the teacher, not a name after the title
        if (adjacent or work[thai[index - 1][1]:start] == " " if index else False) and \
                (_titled(previous, words) or previous.endswith(NAME_WORDS)):
            reason = "th-title" if _titled(previous, words) else "th-name-cue"
            end = _name_end(work, thai, index)
            spans.append((start, end, "PERSON", reason))
            # นางสาวกาญจนา ศรีสุข: a family name of the lists (or no word) one space after the given name.
            after = FAMILY_NAME.match(work, end)
            if after and after.group(1) not in NOT_NAMES and not after.group(1).startswith(AFTER_NAME) and \
                    (after.group(1) in _family_names() or after.group(1) not in words):
                spans.append((after.start(1), after.end(1), "PERSON", "th-family-name"))
        elif adjacent and previous in KIN_WORDS and (token in names or token not in words
                                                      or work.startswith(AFTER_NAME, end) or not following):
            spans.append((start, end, "PERSON", "th-kin-cue"))
        elif adjacent and previous in NAME_TITLES and token not in PRONOUNS and \
                _word_ends(work, _name_end(work, thai, index)):
            # น้อง/พี่ are titles before a nickname too (พี่เมฆ บอกว่า): the word up to a space is one, a word or not.
            spans.append((start, _name_end(work, thai, index), "PERSON", "th-title-nickname"))
        elif token in names_only:
            spans.append((start, end, "PERSON", "th-given-name"))
        elif token not in words and len(token) >= 2 and not token.startswith(("ๆ", "ฯ")):
            spans.append((start, end, "NAME", "th-unknown-word"))
    spans += [(m.start(1), m.end(1), "PERSON", "th-parenthesised") for m in PARENTHESISED.finditer(work)
              if m.group(1) not in PARENTHESISED_ROLES and m.group(1) not in RELATION_WORDS]
    spans += _nickname_then_full_name(work, thai, names, words)
    spans += _names_in_pieces(thai, names_only)
    spans += _labelled_names(work)
    spans += _by_role(work, thai, spans, names, safe, words)
    spans += _after_relation(work, thai, names, words)
    spans += _family_names_after(work, spans, words)
    drugs = vocabulary.thai_drug_stretches(work) if spans else []
    if drugs:
        # ทายาคลินดาไมซิน: pieces of a drug's name by its stem, said as a drug, that the dictionary lacks.
        spans = [span for span in spans if span[3] != "th-unknown-word"
                 or not any(s <= span[0] and span[1] <= e for s, e in drugs)]
    if spans and DIGIT.search(work):
        # 2500 กราฟต์, 300 ยูนิต: a count or currency word after its number, whatever the dictionary lacks.
        units = vocabulary.units_after_numbers(work)
        spans = [span for span in spans if not any(s <= span[0] and span[1] <= e for s, e in units)]
    return _joined(spans, work)


# A relation word a name follows (ลูกสาวหนูน้องข้าวหอม, พี่สาวนิดจะมา, แฟนหนูต้นจะพามา): the possessive
# pronoun and the title น้อง/พี่ between are skipped; the name runs to a particle, verb or space.
RELATION_WORDS = frozenset(KIN_WORDS) | frozenset("ลูกสาว ลูกชาย พี่สาว พี่ชาย น้องสาว น้องชาย สามี ภรรยา เพื่อนสนิท หลานสาว "
                                                  "หลานชาย ลูกพี่ลูกน้อง แม่สามี พ่อสามี".split())
POSSESSIVES = frozenset("หนู ผม ฉัน ดิฉัน เรา ของหนู ของผม ของฉัน ของดิฉัน ของเรา".split())
NAME_TITLES = frozenset("น้อง พี่ คุณ".split())
# Counting and ordering words that follow a relation word (ลูกสาวสองคน, ลูกชายคนโต).
NOT_RELATION_NAMES = frozenset("หนึ่ง สอง สาม สี่ ห้า ทั้งสอง ทั้งหมด คนโต คนเล็ก คนกลาง คนแรก คนที่ อีก".split())


def _after_relation(work: str, thai: list[tuple[int, int, str]], names: frozenset[str],
                    words: frozenset[str]) -> list[tuple[int, int, str, str]]:
    found = []
    for index, (_, end, token) in enumerate(thai):
        if token not in RELATION_WORDS:
            continue
        at = index + 1
        for skip in (POSSESSIVES, NAME_TITLES):
            if at < len(thai) and thai[at][2] in skip and thai[at][0] == thai[at - 1][1]:
                at += 1
        if at >= len(thai) or thai[at][0] - thai[at - 1][1] > 1:
            continue
        first = at
        while at < len(thai) and at - first < 3 and (at == first or thai[at][0] == thai[at - 1][1]):
            piece = thai[at][2]
            if piece in NOT_NAMES or piece in RELATION_WORDS or piece in NOT_RELATION_NAMES or \
                    piece.startswith(AFTER_NAME) or _is_safe_term(piece):
                break
            at += 1
        # A name of several pieces only after a pronoun or title (หนูน้อง|ข้าว|หอม) or when the pieces
        # make a listed name (สม|ศรี); bare, other pieces are a phrase (แม่|ปวดหัว|บ่อย).
        if at - first > 1 and first == index + 1 and work[thai[first][0]:thai[at - 1][1]] not in names:
            at = first + 1
        if at == first:
            continue
        start, stop = thai[first][0], thai[at - 1][1]
        name = work[start:stop]
        ends_there = stop == len(work) or work[stop].isspace() or work.startswith(AFTER_NAME, stop) or \
            (at < len(thai) and thai[at][2] in NOT_NAMES)
        if ends_there and (name in names or name not in words or at - first > 1 or thai[first][2] in names or
                           work.startswith(AFTER_NAME, stop)):
            found.append((start, stop, "PERSON", "th-relation"))
    return found


# "ฝน (ฝนทิพย์ ใจดี)": a word right before a parenthesised given and family name is that person's nickname.
FULL_NAME_IN_PARENTHESES = re.compile(r" ?\(([\u0e00-\u0e7f]{2,20}) ([\u0e00-\u0e7f]{2,20})\)")


def _nickname_then_full_name(work: str, thai: list[tuple[int, int, str]], names: frozenset[str],
                             words: frozenset[str]) -> list[tuple[int, int, str, str]]:
    found = []
    for start, end, token in thai:
        match = FULL_NAME_IN_PARENTHESES.match(work, end)
        if not match or token in NOT_NAMES or token in KIN_WORDS or token in PRONOUNS or _is_safe_term(token):
            continue
        given, family = match.group(1), match.group(2)
        # The parenthesis must read as a name: a listed given or family name, or no dictionary word.
        if given in names or given not in words or family in _family_names() or family not in words:
            found += [(start, end, "PERSON", "th-nickname"), (match.start(1), match.end(2), "PERSON", "th-full-name")]
    return found


def _names_in_pieces(thai: list[tuple[int, int, str]], names_only: frozenset[str]) -> list[tuple[int, int, str, str]]:
    """A given name of the lists that the tokenizer cut into words (ปิยะ|นุช, สม|พงษ์): its touching
    pieces together make the name, which no dictionary word is."""
    found = []
    for index in range(len(thai)):
        for count in (3, 2):
            pieces = thai[index:index + count]
            if len(pieces) < count or any(pieces[i][0] != pieces[i - 1][1] for i in range(1, count)):
                continue
            joined = "".join(t for _, _, t in pieces)
            if len(joined) >= 4 and joined in names_only:
                found.append((pieces[0][0], pieces[-1][1], "PERSON", "th-given-name-pieces"))
                break
    return found


# A name after its label and a colon (ชื่อ-นามสกุล: …, ผู้ป่วย: …) or after จาก opening a line (a signature):
# the given name and a family name one space after it, whatever words they are.
LABEL = (r"(?:ชื่อ-นามสกุล|ชื่อ-สกุล|ชื่อและนามสกุล|ชื่อผู้ป่วย|ชื่อผู้ติดต่อ|ชื่อ|นามสกุล|ผู้ป่วย|ผู้ติดต่อ|ผู้จอง|ผู้ส่ง|"
         r"ผู้แนะนำ)[ \t]*[:：]")
THAI_NAME_PARTS = r"[ \t]*([\u0e00-\u0e7f]{2,20})(?:[ \t]([\u0e00-\u0e7f]{2,20}))?(?![\u0e00-\u0e7f])"
LABELLED_NAME = re.compile(rf"{LABEL}{THAI_NAME_PARTS}|(?m:^)[ \t]*(?:จาก|ลงชื่อ)[ \t]{THAI_NAME_PARTS}[ \t]*$")


def _labelled_names(work: str) -> list[tuple[int, int, str, str]]:
    found = []
    for match in LABELLED_NAME.finditer(work):
        for group in [g for g in range(1, 5) if match.group(g)]:
            part = match.group(group)
            # A name is a word or a few: not a phrase of grammar words (ผู้ป่วย: ไม่มีโรคประจำตัว).
            pieces = [t for _, _, t in thai_tokens(part)]
            if len(pieces) > 3 or any(t in NOT_NAMES or _is_safe_term(t) for t in pieces) or part.startswith(AFTER_NAME):
                break
            found.append((match.start(group), match.end(group), "PERSON", "th-labelled-name"))
    return found


def _word_ends(work: str, end: int) -> bool:
    """Whether a Thai word ends at ``end``: the text ends or no Thai letter follows (a space, a bracket)."""
    return end == len(work) or not "\u0e00" <= work[end] <= "\u0e7f"


def _family_names_after(work: str, spans: list[tuple[int, int, str, str]],
                        words: frozenset[str]) -> list[tuple[int, int, str, str]]:
    """A family name of the lists (or no word) one space after a Thai given name found any way."""
    found = []
    for _, end, kind, _ in spans:
        after = FAMILY_NAME.match(work, end) if kind == "PERSON" else None
        if after and after.group(1) not in NOT_NAMES and not after.group(1).startswith(AFTER_NAME) and \
                (after.group(1) in _family_names() or after.group(1) not in words) and \
                not _is_safe_term(after.group(1)):
            found.append((after.start(1), after.end(1), "PERSON", "th-family-name"))
    return found


def _by_role(work: str, thai: list[tuple[int, int, str]], spans: list[tuple[int, int, str, str]],
             names: frozenset[str], safe: set[int], words: frozenset[str]) -> list[tuple[int, int, str, str]]:
    """Nicknames with no title or name word, by what the sentence does with them: a given name of the
    lists opening a clause before a verb of saying or recommending (ฝนบอกว่า, พลอยแนะนำ), and a short
    word joined by กับ/และ to a name found already (มิ้นท์กับต้นจะไป) before a verb or a particle."""
    found = []
    ends = {e for _, e, _, _ in spans}
    for index, (start, end, token) in enumerate(thai):
        if token in NOT_NAMES or token in KIN_WORDS or _is_safe_term(token) or start in safe:
            continue
        previous = thai[index - 1] if index else None
        opens = previous is None or previous[1] < start or previous[2] in CLAUSE_OPENERS
        if token in names and opens and work.startswith(SPEECH_VERBS, end):
            found.append((start, end, "PERSON", "th-speaker"))
        elif previous and previous[2] in ("กับ", "และ") and (previous[0] in ends or _pronoun_before(thai, index - 1)
                                                             and token in names) and len(token) <= 6 and \
                (work.startswith(AFTER_NAME, end) or end == len(work) or work[end:end + 1].isspace()):
            found.append((start, end, "PERSON", "th-joined-name"))
        elif (previous is None or previous[2] in PRONOUNS or work[previous[1]:start].count("\n")) and \
                token in names and work.startswith(SELF_INTRO_PARTICLES, end):
            found.append((start, end, "PERSON", "th-self-intro"))
        elif previous and previous[2] == "พา" and previous[1] == start and len(token) <= 6 and \
                work.startswith(("มา", "ไป"), end) and token not in words - names:
            found.append((start, end, "PERSON", "th-brought-along"))
    return found


# "พลอยค่ะ" opening a message, "ดิฉันพลอยค่ะ": a name introducing itself.
SELF_INTRO_PARTICLES = ("ค่ะ", "ครับ", "คะ", "จ้า", "นะคะ", "นะครับ")
def _titled(previous: str, words: frozenset[str]) -> bool:
    """A title (คุณ, นาย) is or ends the token before: not a word that only ends like one (ขอบคุณ)."""
    return previous in TITLES or (previous.endswith(TITLES) and previous not in words)


PRONOUNS = ("ฉัน", "ผม", "หนู", "ดิฉัน", "เรา", "เค้า", "เขา", "เธอ")


def _pronoun_before(thai: list[tuple[int, int, str]], index: int) -> bool:
    """Whether a pronoun comes right before token ``index`` (ฉัน|กับ ...)."""
    return index > 0 and thai[index - 1][2] in PRONOUNS and thai[index - 1][1] == thai[index][0]


def _inside_safe_term(work: str, start: int, end: int, safe: set[int], words: frozenset[str]) -> bool:
    """Whether the token work[start:end] is a piece of a safe term (the tokenizer cuts terms it does not
    know: พิโค|เวย์ลด): it begins inside one and what runs past the term is empty or a Thai word. A
    token that only begins like a term (a name starting with กระ or ไทย) is judged on its own."""
    if start not in safe or work[start:end] in words:
        return False
    covered = start
    while covered < end and covered in safe:
        covered += 1
    rest = work[covered:end]
    return not rest or rest in words or all(t in words for _, _, t in thai_tokens(rest))


def _name_end(work: str, thai: list[tuple[int, int, str]], index: int) -> int:
    """Where a name that starts at token ``index`` after a title or ชื่อ ends: the tokenizer cuts names
    it does not know (มาลัย|พร, สม|ศรี), and a Thai name runs to a space, a particle or a verb."""
    end = thai[index][1]
    for start, token_end, token in thai[index + 1:index + 4]:
        if start != end or work.startswith(AFTER_NAME, start) or token in NOT_NAMES or _is_safe_term(token):
            break
        end = token_end
    return end


def _joined(spans: list[tuple[int, int, str, str]], work: str) -> list[tuple[int, int, str, str]]:
    """Touching pieces of one name become one span (สม+ศรี), the first one's type and reason."""
    out: list[tuple[int, int, str, str]] = []
    for span in sorted(set(spans)):
        if out and span[0] <= out[-1][1]:
            last = out[-1]
            out[-1] = (last[0], max(last[1], span[1]), last[2], last[3])
        else:
            out.append(span)
    return out
