"""The employment and study frames (#13): whatever fills the employer's or the school's slot of a phrase
of working or studying names a workplace or a school, whatever word it is: X에서 근무해요, X 다녀요,
직장은 X, 在X上班, X总部, Xに勤めています, Xの営業, I work at X, Senior Producer, X, работаю в X, أعمل في X,
bekerja di X, and a form's field: 직장: X, Работа: X, Ажил: X, 勤務先：X, ORG:X. A bare famous name (a
tech company, a ministry, a broadcaster) has no company form for
the shape-based detectors (workplaces.py, workplaces_world.py) to read; its place in the sentence says
what it is. The slot fails closed: it goes unless it is a generic word of the frame (회사, 집, 公司,
company), a place, or a word that reads as an ordinary complement (a dictionary noun of a kind of
place, a time, an adverb).

The frames and the generic words are data, one file per language (data/frames_<lang>.tsv); the slot's
extent is the language's grammar, never a list of names: Korean, the word before the frame with its
locative particle (에서, 에) cut off; Chinese, the Han run back to a grammar character (在, 我, 是 …);
Japanese, the Kanji, Katakana and Latin run back to a Hiragana particle (a Hiragana run that opens the
name, あさひ工業, with it); English, Indonesian and Mongolian, the capitalised words (digits and of/&/and
inside); Russian, Vietnamese, Arabic and Thai, the words after the frame up to a punctuation mark or a
word of the file's ``stop`` list. A Latin name's capitalised words written apart before the slot's last
word (Hanmi ICT) are the name's in every script.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from anonymise import vocabulary
from anonymise.kiwi_words import kiwi_tokens
from anonymise.quasi_identifiers.base import QuasiSpan, korean_tail_ok, read_table
from anonymise.quasi_identifiers.places import known_place
from anonymise.quasi_identifiers.schools import sentence_words_before_name
from anonymise.quasi_identifiers.workplaces import own_dot_end
from anonymise.quasi_identifiers.workplaces_world import JA_NOT_ORGS, TH_TYPE, ZH_KIND_END, ZH_NOT_EMPLOYERS, ZH_PLACE_KIND_END
from anonymise.recognizers.person_korean import KIWI_FIRST_KNOWN_ID
from anonymise.regions import province_or_country

NAME = "EmploymentFrame"
WORKPLACE, SCHOOL = "WORKPLACE", "SCHOOL"


@dataclass(frozen=True)
class Frame:
    kind: str       # work, study, either (a school by its ending), attend (a school by its form only), org
    before: bool    # the slot stands before the frame (Korean, Chinese, Japanese, Mongolian) or after it
    pattern: re.Pattern
    named: bool = False  # only a proper noun or a word no dictionary has fills it (카페 X: 카페 라떼 is a drink)


@dataclass(frozen=True)
class Frames:
    frames: tuple[Frame, ...]
    generic: frozenset[str]
    stop: frozenset[str]
    kind_ends: frozenset[str]


@functools.cache
def frames_of(lang: str) -> Frames:
    rows = read_table(f"frames_{lang}.tsv")
    frames = tuple(Frame(kind, side == "before", re.compile(regex), side == "after-named") for tag, kind, side, regex in
                   (r for r in rows if r[0] == "frame"))
    words = {tag: frozenset(w for r in rows if r[0] == tag for w in r[1].split()) for tag in ("generic", "stop", "kind_end")}
    return Frames(frames, words["generic"], words["stop"], words["kind_end"])


class EmploymentFrame:
    name = NAME
    qi_type = WORKPLACE

    def find(self, text: str) -> list[QuasiSpan]:
        spans: list[QuasiSpan] = []
        if re.search(r"[가-힣]", text):
            spans += _korean(text)
        if re.search(r"[\u4e00-\u9fff]", text):
            # 勤務先：青波物産 holds no Kana, but its label is Japanese.
            japanese = re.search(r"[\u3040-\u30ff]", text) or JA_LABEL.search(text)
            spans += _japanese(text) if japanese else _chinese(text)
        if re.search(r"[A-Za-z]", text):
            spans += _capitalised_after(text, "en") + _capitalised_after(text, "id")
        if re.search(r"[\u0400-\u04ff]", text):
            spans += _words_after(text, "ru") + _words_after(text, "mn") + _mongolian(text)
        if re.search(r"[\u0600-\u06ff]", text):
            spans += _words_after(text, "ar", capitalised=False)
        if re.search(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", text, re.IGNORECASE):
            spans += _words_after(text, "vi")
        if re.search(r"[\u0e00-\u0e7f]", text):
            spans += _thai(text)
        return [s for s in spans if s.end > s.start]


def _span(kind: str, start: int, end: int) -> QuasiSpan:
    return QuasiSpan(kind, start, end, NAME)


# --- Korean ----------------------------------------------------------------------------------------
KO_WORD_CHAR = re.compile(r"[가-힣A-Za-z0-9&]")
KO_RUN_AFTER = re.compile(r"[가-힣A-Za-z0-9&]+")
# The particle of place, direction or means between the slot and the frame (카카오에서 근무, 본사로 출근).
KO_SLOT_PARTICLES = ("에서는", "에서도", "에서", "에는", "에도", "에", "으로", "로")
# What follows the slot of an after-frame inside its word (직장은 카카오예요, 회사는 LG고).
KO_AFTER_TAILS = ("입니다", "이에요", "예요", "이고요", "이고", "고요", "고", "인데요", "인데", "이라서", "라서", "이요", "요",
                  "에서", "에", "이었어요", "였어요", "이었고", "였고", "이었는데", "였는데")
# Kiwi's tags a name is made of (nouns, foreign letters, affixes, a root); anything else makes a clause.
KO_NAME_TAGS = frozenset("NNG NNP SL SH SN XPN XSN XR".split())
KO_SCHOOL_ENDS = ("대학교", "대학", "대", "고등학교", "여고", "고", "중학교", "여중", "중", "초등학교", "초", "학교", "유치원", "학원")
# 삼성 아니고 카카오 다녀요: the word contrasted with the slot fills it too.
KO_CONTRAST = re.compile(r"([가-힣A-Za-z0-9&]{2,})(?:이|가)?[ \t]?(?:아니고|아니라|말고|대신)[ \t]$")
# 도담온에서 지금 솔빛상사로 옮겼어요: the employer one moved from fills a slot too.
KO_MOVING = re.compile(r"옮|이직|전직")
KO_MOVED_FROM = re.compile(r"(?<![가-힣A-Za-z0-9&])([가-힣A-Za-z0-9&]{2,})에서[ \t]+(?:(?:지금|이번에|올해|작년에|최근에|요번에|새로)[ \t]+)?$")
# 국토부 김하람입니다 at the start of a letter: the body or company that opens a self-introduction.
KO_LETTER_OPENING = re.compile(r"(?:^|(?<=[\n.!?~]))[ \t]*(?:안녕하세요[.!,~]*[ \t]*)?([가-힣A-Za-z0-9&]{2,12})[ \t]"
                               r"([가-힣]{2,4})(?:입니다|이에요|예요|이라고[ \t]?합니다|라고[ \t]?합니다)")
KO_LATIN_GROUP = re.compile(r"[A-Z]{1,4}$")
LATIN_WORDS_BEFORE = re.compile(r"(?<![A-Za-z0-9&.'’-])(?:[A-Z][A-Za-z0-9&'’-]*[ \t]){1,3}$")
# A form's field after the employer's first word: the next word on the line; one naming a part of an
# organisation (기획과, 마케팅팀, 영업본부, 서울지점) ends it.
KO_NEXT_WORD = re.compile(r"[ \t]+([가-힣A-Za-z0-9&]+)")
KO_ORG_PARTS = ("팀", "과", "부", "실", "본부", "센터", "지점", "지사", "사업부", "연구소")


def _korean(text: str) -> list[QuasiSpan]:
    frames = frames_of("ko")
    spans = []
    for frame in frames.frames:
        for match in frame.pattern.finditer(text):
            if frame.before:
                slot = _korean_slot_before(text, match.start(), match.group().strip(), frames)
            elif frame.named:
                slot = _korean_name_after(text, match.end(), frames)
            else:
                slot = _korean_slot_after(text, match.end(), frames, frame.kind == "study")
            if slot is None:
                continue
            start, end = slot
            kind = _kind(frame.kind, text[start:end], KO_SCHOOL_ENDS)
            spans.append(_span(kind, start, end))
            contrast = KO_CONTRAST.search(text, max(0, start - 20), start) if frame.before else None
            if contrast and _korean_names_one(contrast.group(1), frames, strong=False):
                spans.append(_span(_kind(frame.kind, contrast.group(1), KO_SCHOOL_ENDS), *contrast.span(1)))
            moved = KO_MOVED_FROM.search(text, max(0, start - 30), start) if KO_MOVING.match(match.group().strip()) else None
            if moved and _korean_names_one(moved.group(1), frames, strong=True):
                spans.append(_span(WORKPLACE, *moved.span(1)))
    for match in KO_LETTER_OPENING.finditer(text):
        if _korean_names_one(match.group(1), frames, strong=True) and not _ordinary_ko(match.group(2)):
            spans.append(_span(WORKPLACE, *match.span(1)))
    return spans


def _kind(kind: str, slot: str, school_ends: tuple[str, ...]) -> str:
    if kind == "study" or kind in ("either", "attend") and slot.endswith(school_ends):
        return SCHOOL
    return WORKPLACE


def _korean_slot_before(text: str, end: int, frame_word: str, frames: Frames) -> tuple[int, int] | None:
    """The word right before a frame (its particle cut off) if it names one; else, where it is a generic
    word (다온 본사에서), the word before it."""
    start = end
    while start > 0 and KO_WORD_CHAR.match(text[start - 1]):
        start -= 1
    word = text[start:end]
    particle = next((p for p in KO_SLOT_PARTICLES if word.endswith(p) and len(word) - len(p) >= 2), "")
    stem_end = end - len(particle)
    if word in KO_SLOT_PARTICLES and start >= 3 and text[start - 1] == " " and KO_WORD_CHAR.match(text[start - 2]):
        # 솔빛마트 에서 알바해요: the particle written apart from the slot's word.
        particle, stem_end = word, start - 1
        start = stem_end
        while start > 0 and KO_WORD_CHAR.match(text[start - 1]):
            start -= 1
    stem = text[start:stem_end]
    # Where someone works is said by a locative particle (카카오에서 근무) or by 소속, 재직, 재학: the slot
    # fails closed. Bare before 근무, 다니다 or 학년, or with 로 (간호사로 근무, 야간 근무, 헬스 다녀요), a
    # dictionary noun is how or what, not who: only a proper noun or an unknown word names one there.
    # One moves to an employer (솔빛상사로 옮겼어요): there 로 is as strong as 에.
    strong = particle.startswith("에") or not particle and frame_word.startswith(("소속", "재직", "재학", "휴학")) or \
        particle.endswith("로") and frame_word.startswith(("옮", "이직", "전직"))
    if _korean_names_one(stem, frames, strong):
        return _with_latin_group(text, start), stem_end
    if stem in frames.generic and start >= 2 and text[start - 1] == " ":
        before = start - 1
        first = before
        while first > 0 and KO_WORD_CHAR.match(text[first - 1]):
            first -= 1
        previous = text[first:before]
        # 다온 본사: a word no dictionary has before the generic word, whatever else Kiwi reads it as, unless
        # Kiwi reads a noun in it (삼촌네 식당) or a verb's or an adjective's stem and its modifier ending
        # (작은, 다니던 회사).
        if _korean_names_one(previous, frames, strong=False) or \
                re.fullmatch(r"[가-힣]{2,8}", previous) and not _ordinary_ko(previous) and \
                previous not in frames.generic and not _modifier(previous) and \
                not any(t.tag in ("NNG", "NNB", "NP", "NR") for t in kiwi_tokens(previous)):
            return _with_latin_group(text, first), before
    return None


def _with_latin_group(text: str, start: int) -> int:
    """SK 하이닉스, LG 디스플레이: a group's Latin capitals written apart before the name are part of it;
    Hanmi ICT, Daewoo E&C: so are the capitalised words before a Latin slot's word."""
    start = latin_name_start(text, start)
    group = KO_LATIN_GROUP.search(text, max(0, start - 5), max(0, start - 1))
    if group and text[start - 1:start] == " " and group.end() == start - 1 and \
            (group.start() == 0 or not re.match(r"[A-Za-z0-9]", text[group.start() - 1])):
        return group.start()
    return start


def _korean_slot_after(text: str, start: int, frames: Frames, study: bool) -> tuple[int, int] | None:
    """The word after a frame (직장은 카카오예요, 공무원입니다 (국토부)) up to its ending, if it names one;
    after a form's label (회사: 누리 온 코리아) the name's other words on the line go with it, a department
    after it (직장: 한결테크 기획과) stays."""
    run = KO_RUN_AFTER.match(text, start)
    if not run:
        return None
    word = run.group()
    ends = [n for n in range(2, len(word) + 1) if not word[n:] or word[n:] in KO_AFTER_TAILS or korean_tail_ok(word[n:])]
    field = text[max(0, start - 3):start].rstrip().endswith((":", "："))
    if not ends or not (_korean_names_one(word[:ends[0]], frames, strong=True) or _korean_unknown_compound(word[:ends[0]], frames)):
        return None
    n = ends[0]
    if study and word[n:n + 1] in ("고", "대", "중", "초") and n + 1 in ends:
        n += 1  # 학교: 다솜고: the school's level, not the particle 고
    end = start + n
    if field and n == len(word):
        end = _korean_field_end(text, end)
    return start, end


def _korean_name_after(text: str, start: int, frames: Frames) -> tuple[int, int] | None:
    """The word after a kind of shop (카페 온새미로, 식당 누리온에서) if it is a proper noun or a word no
    dictionary has and no ordinary word (카페 라떼, 카페 창업 stay)."""
    run = KO_RUN_AFTER.match(text, start)
    if not run:
        return None
    word = run.group()
    n = next((n for n in range(2, len(word) + 1) if not word[n:] or word[n:] in KO_AFTER_TAILS or korean_tail_ok(word[n:])), 0)
    stem = word[:n]
    if not n or _ordinary_ko(stem) or vocabulary.is_safe_term(stem, "ko") or not _korean_names_one(stem, frames, strong=False):
        return None
    return start, start + n


def _korean_unknown_compound(word: str, frames: Frames) -> bool:
    """After a frame the employer may be a word no dictionary has as a whole where Kiwi reads an adverb
    in it (한결테크: 한결 + 테크); an ordinary word, a generic one or a place is no name."""
    if len(word) < 2 or word in frames.generic or _ordinary_ko(word) or province_or_country(word) not in (None, "abroad"):
        return False
    tokens = kiwi_tokens(word)
    return bool(tokens) and all(t.tag in KO_NAME_TAGS or t.tag in ("MAG", "MM") for t in tokens)


def _korean_field_end(text: str, end: int) -> int:
    """The end of a form's field after its first word: the nouns no dictionary has after it on the line
    (누리 온 코리아), their ending cut off; an ordinary word, a department (기획과, 마케팅팀) or a word with a
    verb's or an adverb's morpheme ends the name."""
    while word := KO_NEXT_WORD.match(text, end):
        value, tokens = word.group(1), kiwi_tokens(word.group(1))
        # 기획과에, 영업팀입니다: the noun, then only particles and endings.
        n = next((i for i, t in enumerate(tokens) if t.tag not in KO_NAME_TAGS), len(tokens))
        if not n or not all(t.tag.startswith(("J", "E", "VCP")) for t in tokens[n:]):
            break
        stem = value[:tokens[n].start] if n < len(tokens) else value
        if _ordinary_ko(stem) or stem.endswith(KO_ORG_PARTS):
            break  # a department or a team (기획과, 마케팅팀) is a role and stays
        end = word.start(1) + len(stem)
        if n < len(tokens):
            break
    return end


def latin_name_start(text: str, start: int) -> int:
    """Where a Latin name whose last word starts at ``start`` begins: its capitalised words written apart
    before it (Hanmi ICT, Daewoo E&C, Acme Holdings), in a text of any script."""
    if not re.match(r"[A-Za-z]", text[start:start + 1]):
        return start
    words = LATIN_WORDS_BEFORE.search(text, max(0, start - 60), start)
    return words.start() if words else start


def _modifier(word: str) -> bool:
    tags = [t.tag for t in kiwi_tokens(word)]
    return len(tags) >= 2 and tags[0].startswith(("VA", "VV", "VX", "XR")) and tags[-1] == "ETM" and \
        all(tag == "EP" or tag.startswith("XS") for tag in tags[1:-1])


def _ordinary_ko(word: str) -> bool:
    return vocabulary.is_ordinary_word(word, "ko") or vocabulary.is_frequent_korean_word(word, common=True)


@functools.lru_cache(maxsize=20_000)
def _korean_names_one(stem: str, frames: Frames, strong: bool) -> bool:
    """The slot's word names an employer or a school. Never a generic word of the frame, a 시/도 or a
    country, or a word with a verb's, an adverb's or a particle's morpheme (열심히, 같은, 여기서). A proper
    noun, a word Kiwi does not know or Latin letters always; where the frame is strong, also a dictionary
    noun (카카오, 국토교통부, 한국전력공사) unless it is one or two of them ending in a generic word or a kind
    of place (물류센터, 요양병원, 편의점, 가족회사)."""
    if len(stem) < 2 or not re.search(r"[가-힣A-Za-z]", stem) or stem in frames.generic or stem.upper() in frames.generic:
        return False
    if re.fullmatch(r"[A-Za-z&]+", stem):
        return stem.isupper() or not vocabulary.is_ordinary_word(stem.lower(), "en")
    if province_or_country(stem) not in (None, "abroad"):
        return False
    tokens = kiwi_tokens(stem)
    if not tokens or any(t.tag not in KO_NAME_TAGS for t in tokens) or tokens[-1].tag in ("XPN", "SN"):
        return False
    last = tokens[-1].form
    kind_of_place = len(tokens) == 2 and (last in frames.generic or last.endswith(tuple(frames.kind_ends)))
    if kind_of_place and _ordinary_ko(tokens[0].form):
        # 일본어학원에서 일해요, 동네치과 다녀요: a subject or a place before a kind of place. A clinic named
        # so (한빛병원) is read by the clinic detectors, which know the names of that form.
        return False
    if any(t.tag in ("NNP", "SL", "SH") or (t.tag != "SN" and t.id < KIWI_FIRST_KNOWN_ID) for t in tokens):
        return True
    if not strong:
        return False
    return not (kind_of_place or len(tokens) == 1 and last.endswith(tuple(frames.kind_ends)))


# --- Chinese ---------------------------------------------------------------------------------------
HAN = r"\u4e00-\u9fff\u3400-\u4dbf"
ZH_SLOT_CHAR = re.compile(rf"[{HAN}A-Za-z0-9&]")
# Characters that end a slot going left or right: pronouns, particles, verbs and adverbs of the sentence.
ZH_STOP = frozenset("在喺去到是了从從于於做当當我你他她们們的和与與跟也都就要说說给給请請个個这這那读讀念不没沒再又还還才"
                    "刚剛每会會能想得准备備先后後已经經正")
ZH_SCHOOL_ENDS = ("大学", "大學", "中学", "中學", "小学", "小學", "高中", "学院", "學院")


def _chinese(text: str) -> list[QuasiSpan]:
    frames = frames_of("zh")
    spans = []
    for frame in frames.frames:
        for match in frame.pattern.finditer(text):
            if frame.before:
                start = end = match.start()
                while start > 0 and end - start < 12 and ZH_SLOT_CHAR.match(text[start - 1]) and text[start - 1] not in ZH_STOP:
                    start -= 1
                start += sentence_words_before_name(text[start:end])
                start = latin_name_start(text, start)  # 在Hanmi ICT上班
                after_zai = start > 0 and text[start - 1] in "在喺"
            else:
                start = end = match.end()
                while end < len(text) and end - start < 12 and ZH_SLOT_CHAR.match(text[end]) and text[end] not in ZH_STOP and \
                        not any(f.before and f.kind == "work" and f.pattern.match(text, end) for f in frames.frames):
                    end += 1
                after_zai = False
                # 我在星河。: the slot is the whole clause; 我在家休息, 我在北京出差: a generic word begins it.
                if end < len(text) and not re.match(r"[，。,.!！?？、\s]", text[end]) and frame.kind != "org" or \
                        any(text.startswith(g, start) for g in frames.generic):
                    continue
            slot = text[start:end]
            # After 在 (在星河上班), before 总部 or after 单位是, even an ordinary word is the organisation
            # unless it is a kind of place (在健身房, 在加油站); otherwise (星河上班, 我在星河) only a word
            # no dictionary has.
            ordinary = vocabulary.is_ordinary_word(slot, "zh")
            strong = after_zai or frame.kind == "org"
            if len(slot) < 2 or slot in frames.generic or slot in ZH_NOT_EMPLOYERS or vocabulary.is_safe_term(slot, "zh") \
                    or ordinary and (not strong or slot[-1] in ZH_KIND_END + ZH_PLACE_KIND_END):
                continue
            spans.append(_span(_kind(frame.kind, slot, ZH_SCHOOL_ENDS), start, end))
    return spans


# --- Japanese --------------------------------------------------------------------------------------
JA_SLOT_CHAR = re.compile(r"[\u30a1-\u30fa\u30fc\u4e00-\u9fff々A-Za-z0-9&・ー]")
JA_SCHOOL_ENDS = ("大学", "大", "高校", "高", "中学", "学院", "学校")
JA_LEGAL_FORM = re.compile(r"株式会社|有限会社|合同会社")
# A clinic's kind ends a slot that the clinic detectors read (さくら眼科に通って: the name goes, the kind stays).
JA_CLINIC_ENDS = ("科", "医院", "病院", "クリニック")
# A label of a form that only Japanese writes (勤務先：, 勤め先：): its text is read as Japanese even without Kana.
JA_LABEL = re.compile(r"(?:勤務先|勤め先|就職先)[ \t\u3000]*[:：]")
# A name that opens with Hiragana (あさひ工業, みなと精機): the run before its Kanji or Katakana, and, after a
# label, what must follow the name (です, で, 、) where it does.
JA_KANA_RUN_BEFORE = re.compile(r"[\u3041-\u3096]{2,7}$")
JA_KANA_LEAD = re.compile(r"[\u3041-\u3096]{2,6}(?=[\u30a1-\u30fa\u4e00-\u9fff々])")
JA_NAME_END = re.compile(r"$|です|でした|で|に|の|、|。|[ \t\u3000\n,.)）]")
JA_PARTICLE_CHARS = "のはがをにでへともや"


def _japanese(text: str) -> list[QuasiSpan]:
    frames = frames_of("ja")
    spans = []
    for frame in frames.frames:
        for match in frame.pattern.finditer(text):
            if frame.before:
                start = end = match.start()
                while start > 0 and end - start < 16 and JA_SLOT_CHAR.match(text[start - 1]):
                    start -= 1
                start = latin_name_start(text, _japanese_kana_lead_before(text, start, end, frames))
            else:
                start = end = match.end()
                lead = JA_KANA_LEAD.match(text, start)
                if lead and lead.end() < len(text) and JA_SLOT_CHAR.match(text[lead.end()]):
                    end = lead.end()
                while end < len(text) and end - start < 16 and JA_SLOT_CHAR.match(text[end]):
                    end += 1
                if lead and end > lead.end() and not JA_NAME_END.match(text, end):
                    continue  # 勤務先はとても遠い: an adverb before an adjective's stem, no name
            start += sentence_words_before_name(text[start:end])
            # 株式会社ヤマセ精工, ヤマセ精工株式会社: the legal form stays the text's, as the detector of that form has it.
            legal = JA_LEGAL_FORM.search(text, start, end)
            if legal:
                start, end = (legal.end(), end) if legal.start() == start else (start, legal.start())
            slot = text[start:end]
            if len(slot) < 2 or slot in frames.generic or slot in JA_NOT_ORGS or slot.endswith(JA_CLINIC_ENDS) or vocabulary.is_safe_term(slot, "ja") or \
                    re.fullmatch(r"[0-9０-９]+", slot):
                continue
            spans.append(_span(_kind(frame.kind, slot, JA_SCHOOL_ENDS), start, end))
    return spans


def _japanese_kana_lead_before(text: str, start: int, end: int, frames: Frames) -> int:
    """あさひ工業で働いて, 父はみなと精機に勤めて: a name's Hiragana part before its Kanji or Katakana; after a
    Kanji word (父は) the run starts with that word's particle, cut off. A run ending in a particle of the
    sentence (ここの工場) or an ordinary word before a generic one is no part of a name."""
    if start == end:
        return start
    run = JA_KANA_RUN_BEFORE.search(text, max(0, start - 8), start)
    if not run:
        return start
    lead, lead_start = run.group(), run.start()
    if lead_start > 0 and re.match(r"[\u4e00-\u9fff々\u30a1-\u30fa]", text[lead_start - 1]):
        if lead[0] not in JA_PARTICLE_CHARS:
            return start  # the ending of a word before it (新しい)
        lead, lead_start = lead[1:], lead_start + 1
    elif lead_start > 0 and not re.match(r"[\s、。,.!?！？「」（）()]", text[lead_start - 1]):
        return start
    if len(lead) < 2 or lead[-1] in JA_PARTICLE_CHARS.replace("と", "") or \
            text[start:end] in frames.generic and vocabulary.is_ordinary_word(lead, "ja"):
        return start
    return lead_start


# --- English and Indonesian: capitalised words after the frame --------------------------------------
# Capitalised words and numbers (Quillon Radio 4), joined by of, and, &, a dash or, before "and", commas
# (Hale, Morrow and Finch; Kuhn - Stroman).
_LATIN_WORD = r"(?:[A-Z][\w&'’.-]*|[0-9]{1,4}[A-Za-z]{0,2})"
LATIN_NAME = re.compile(rf"[A-Z][\w&'’.-]*(?:,[ \t]+[A-Z][\w&'’.-]*)+,?[ \t]+and[ \t]+[A-Z][\w&'’.-]*|"
                        rf"{_LATIN_WORD}(?:(?:[ \t]+(?:(?:of|and|&|the|de|-|–)[ \t]+)?|-){_LATIN_WORD})*")
EN_SCHOOL_FORM = re.compile(r"(?:University|College|School|Uni|Institute|Academy|Polytechnic|Conservatory)\b|^[A-Z]{3,6}$")


def _capitalised_after(text: str, lang: str) -> list[QuasiSpan]:
    frames = frames_of(lang)
    spans = []
    for frame in frames.frames:
        for match in frame.pattern.finditer(text):
            name = LATIN_NAME.match(text, match.end())
            if not name:
                continue
            # A name ends with its sentence (at Corvane. Then ..., at Brindle Co. We ...), not at an initial
            # or a short title (J.P. Norvell, St. Brennan).
            words = re.split(r"(?<![A-Z.](?=.[.!?]))(?<!\b(?:St|Mt|Ft|Dr))(?<=\w[.!?])[ \t]", name.group(), maxsplit=1)[0]
            words = words.rstrip("'’").split()
            while words and words[-1] in ("of", "and", "&", "the", "de", "-", "–"):
                words.pop()
            if not words or words[0] in frames.generic or all(w in frames.generic or w[0].isdigit() for w in words):
                continue
            slot = " ".join(words)
            if len(words) == 1 and not words[0].isupper() and (vocabulary.is_safe_term(words[0]) or
                                                                _place(words[0])):
                continue  # work at Seoul, work with Botox: where or with what, not who employs
            if frame.kind == "attend" and not EN_SCHOOL_FORM.search(slot):
                continue
            end = match.end() + len(slot)
            if text[match.end():end] != slot:
                continue  # the name held a line break or a double space: the shape-based detectors read it
            end = own_dot_end(text, match.end(), end) if slot.endswith(".") else end
            spans.append(_span(WORKPLACE if frame.kind == "work" else SCHOOL, match.end(), end))
    return spans


def _place(word: str) -> bool:
    return province_or_country(word) not in (None, "abroad")


# --- Russian, Vietnamese, Arabic: words after the frame up to a stop word ----------------------------
WORD_AFTER = re.compile(r"«[^»\n]{1,40}»|\"[^\"\n]{1,40}\"|[\w\u0600-\u06ff&'’-]+")


def _words_after(text: str, lang: str, capitalised: bool = True) -> list[QuasiSpan]:
    """The words after a frame up to a stop word; where the script has capitals (Russian, Vietnamese,
    Mongolian) an organisation's name starts with one or a quote (работаю в офисе is where, not who)."""
    frames = frames_of(lang)
    spans = []
    for frame in (f for f in frames.frames if not f.before):
        for match in frame.pattern.finditer(text):
            pos, end, words = match.end(), match.end(), []
            while len(words) < 5:
                word = WORD_AFTER.match(text, pos)
                if not word or word.group().casefold() in frames.stop or word.group().isdigit():
                    break
                words.append(word.group())
                end = word.end()
                gap = re.match(r"[ \t]+", text[end:])
                if not gap:
                    break
                pos = end + len(gap.group())
            # شركة النور, công ty Sao Mai, компании «Заря»: the type word before the name stays.
            first = match.end()
            while len(words) > 1 and words[0].casefold() in frames.generic:
                first = text.index(words[1], first + len(words[0]))
                words.pop(0)
            slot = " ".join(words)
            if not words or capitalised and not (words[0][0] in "«\"" or words[0][0].isupper()) or \
                    slot.casefold() in frames.generic or words[0].casefold() in frames.generic or \
                    len(words) == 1 and vocabulary.is_safe_term(words[0], lang):
                continue
            spans.append(_span(WORKPLACE if frame.kind == "work" else SCHOOL, first, end))
    return spans


# --- Mongolian: capitalised words before the case ending and the verb ---------------------------------
MN_WORD_BEFORE = re.compile(r"(?:«[^»\n]{1,40}»|\"[^\"\n]{1,40}\"|(?:[А-ЯЁӨҮA-Z][\wӨөҮү&-]*[ \t]){0,3}[А-ЯЁӨҮA-Z][\wӨөҮү&]*?)$")


def _mongolian(text: str) -> list[QuasiSpan]:
    frames = frames_of("mn")
    spans = []
    for frame in (f for f in frames.frames if f.before):
        for match in frame.pattern.finditer(text):
            name = MN_WORD_BEFORE.search(text, max(0, match.start() - 60), match.start())
            if name and name.group().strip("«»\"") not in frames.generic:
                spans.append(_span(WORKPLACE, *name.span()))
    return spans


# --- Thai: tokens after the frame up to a particle --------------------------------------------------
def _thai(text: str) -> list[QuasiSpan]:
    from anonymise.thai_safe_list import thai_tokens

    frames = frames_of("th")
    spans = []
    for frame in frames.frames:
        for match in frame.pattern.finditer(text):
            start = end = match.end()
            line_end = text.find("\n", start)
            for _, token_end, token in thai_tokens(text[start:line_end if line_end != -1 else len(text)])[:6]:
                if token.isspace() or token in frames.stop or not re.match(r"[\u0e00-\u0e7fA-Za-z0-9]", token):
                    break
                end = start + token_end
            slot = text[start:end]
            # ทำงานที่ธนาคารรุ่งโรจน์: after a type word the detector of that form takes the name and keeps the word.
            if slot and slot not in frames.generic and not TH_TYPE.match(text, start) and not vocabulary.is_safe_term(slot, "th"):
                spans.append(_span(WORKPLACE, start, end))
    return spans
