"""Names in Latin script that English NER misses: romanised Korean names and names after cues.

spaCy's small English model (in the engine) finds ordinary English names. It misses what is
typical of this clinic's mail: romanised Korean names (Kim Min-su, Minsu Kim, Chae-eun), a
surname after a title (Ms. Kim, Dr. Park), and a name right after a greeting, a self-introduction,
a relation word or a sign-off (Hi Michele, I'm Mai, my friend Jimin Kim, Best regards,\nAnna Lee).
In text of any language it also finds Vietnamese full names by their surname (Phan Thanh Hương) and
Malay patronymics (Ahmad bin Rashid, Ravi a/l Muthu).
"""
from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from anonymise.name_data import (LATIN_GREETINGS, LATIN_NOT_NAMES, LATIN_RELATIONS, LATIN_SELF_INTRO,
                                 LATIN_SIGN_OFFS, LATIN_TITLES, ROMANISED_KOREAN_SURNAMES, VIETNAMESE_ONLY_SURNAMES,
                                 VIETNAMESE_PLACES, VIETNAMESE_SURNAMES)
from anonymise import vocabulary
from anonymise.recognizers import gates
from anonymise.recognizers.person_base import PersonNameRecognizer

# One romanised Korean syllable (Revised Romanization and the common older spellings).
RR_SYLLABLE = (r"(?:kk|tt|pp|ss|jj|ch|sh|g|k|n|d|t|r|l|m|b|p|s|j|h|w|y)?"
               r"(?:yae|yeo|wae|ae|ya|eo|ye|wa|oe|yo|wo|we|wi|yu|eu|ui|oo|ee|a|e|o|u|i)"
               r"(?:ng|k|n|t|l|m|p|g)?")
RR_ONE = re.compile(rf"{RR_SYLLABLE}", re.IGNORECASE)
RR_TWO = re.compile(rf"{RR_SYLLABLE}{RR_SYLLABLE}", re.IGNORECASE)
NAME_WORD = r"[A-Z][a-z]+(?:[-'][A-Za-z][a-z]+)?"
NAME = rf"{NAME_WORD}(?:[ \t]+{NAME_WORD}){{0,2}}"
HYPHENATED_GIVEN = re.compile(r"\b([A-Z][a-z]{1,5})-([a-z]{1,5})\b")
TITLE_NAME = re.compile(rf"\b(?:{'|'.join(LATIN_TITLES)})\.?[ \t]+({NAME})")
GREETING_NAME = re.compile(rf"\b(?:{'|'.join(LATIN_GREETINGS)}),?[ \t]+({NAME})\s*[,!.:\n]")
SELF_INTRO_NAME = re.compile(rf"(?:{'|'.join(re.escape(c) for c in LATIN_SELF_INTRO)})[ \t]+({NAME})")
# Words that follow a lone first name in a sentence ("my stepmom Odile wants ...").
AFTER_LONE_NAME = ("and who will is has had recommended said told can was at on via wants wanted would also too came "
                   "comes needs got did does loves likes referred suggested might may should just already booked "
                   "visited went plans asked").split()
# A relation word and what may stand between it and the name: "my sister, ", "partner (".
RELATION_CUE = rf"\b(?i:{'|'.join(LATIN_RELATIONS)})[ \t]*[,:(]?[ \t]*"
# Family and staff words take one name word or two; looser cues (contact, referred by) need two.
RELATION_NAME = re.compile(rf"{RELATION_CUE}(?:named[ \t]+|called[ \t]+)?"
                           rf"({NAME_WORD}[ \t]+{NAME_WORD}|{NAME_WORD}(?=[ \t]*[,.()!]|[ \t]+(?:"
                           rf"{'|'.join(AFTER_LONE_NAME)})\b))")
WEAK_CUE_NAME = re.compile(rf"\b(?i:referred[ \t]+(?:me[ \t]+)?by|recommended[ \t]+by|contact|ask[ \t]+for|speak[ \t]+"
                           rf"(?:to|with)|reach|message|text|call)[ \t]+({NAME_WORD}[ \t]+{NAME_WORD})")
# Roles whose next capitalised words are a person, even when they are also words (account holder Rowan
# Ng, Participant Desmond Okafor, everybody calls me Trix).
ROLE_NAME = re.compile(rf"\b(?:[Aa]ccount[ \t]+holder|[Cc]ard[ \t]*holder|[Hh]older|[Pp]articipant|[Aa]pplicant|[Rr]ecipient|"
                       rf"[Bb]eneficiary|[Ss]ubscriber|[Pp]olicy[ \t]*holder|[Oo]wner|[Cc]ustomer|[Gg]uest|[Rr]eceptionist|"
                       rf"[Rr]eferred[ \t]+by|[Cc]alls[ \t]+me|[Cc]all[ \t]+me|[Cc]alled[ \t]+me|[Gg]o(?:es)?[ \t]+by|"
                       rf"[Kk]nown[ \t]+as|[Nn]ickname(?:[ \t]+is)?|[Aa]ka)[ \t]*[:,-]?[ \t]+"
                       rf"({NAME_WORD}(?:[ \t]+{NAME_WORD}){{0,2}})")
# Chat introductions in lower case: "hey its jenna,", "this is mateo here", "im priya btw".
# "my name priya venkataraman, ...": the given name may have its surname after it (name_neighbours takes it).
CHAT_INTRO = re.compile(r"(?i:\b(?:it'?s|it’s|im|i'm|i’m|this[ \t]+is|name'?s|name[ \t]+is|my[ \t]+name(?![ \t]+is\b)|call[ \t]+me|"
                        r"calls[ \t]+me))"
                        r"[ \t]+([a-z][a-z'-]{1,14})(?=(?:[ \t]+[a-z]{3,20})?[ \t]*(?:[,.!?~:;)]|$|\n|[ \t]+(?:here|btw|"
                        r"from|and|again|speaking|lol|haha)\b))")
SIGN_OFF_NAME = re.compile(rf"(?:{'|'.join(LATIN_SIGN_OFFS)})[ \t]*[,.!]?"
                           rf"(?:[ \t]*\n+[ \t]*(?:-+[ \t]*)?|[ \t]+-+[ \t]*)({NAME})")
# "Cheers, Jia" on one line, closing the text or its line.
SIGN_OFF_SAME_LINE = re.compile(rf"(?m)(?:{'|'.join(LATIN_SIGN_OFFS)}),[ \t]+({NAME_WORD}(?:[ \t]+{NAME_WORD})?)"
                                rf"[ \t]*[.!~]?[ \t]*$")
# "Sua here." opening a line or sentence; after hey/hi also in lower case ("hey, ito haruka here").
# Words that stand before "here" as often as names do are not names.
NOT_BEFORE_HERE = frozenset("everything everyone everybody nothing something anything someone anyone nobody somebody "
                            "all it that this same me us we i not still patient".split())
NAME_HERE = re.compile(rf"(?m)(?:^|[.!?][ \t]+)[ \t]*({NAME_WORD}(?:[ \t]+{NAME_WORD})?)[ \t]+here\b[.,!]"
                       rf"|\b(?i:hey|hi|hello),?[ \t]+([a-z]{{2,12}}(?:[ \t]+[a-z]{{2,12}})?)[ \t]+here\b")
# "Gavin Reed told me about your clinic", "이하은 recommended you": a referrer is a person.
REFERRER = re.compile(rf"({NAME_WORD}[ \t]+{NAME_WORD}|[가-힣]{{2,4}}|[\u4e00-\u9fff]{{2,4}})[ \t]+"
                      rf"(?:told me about|recommended (?:you|your|this)|referred me)")
# "my partner, 이하은." / "my friend 王芳 and I": a name in its own script after an English relation word.
RELATION_NATIVE_NAME = re.compile(rf"{RELATION_CUE}"
                                  rf"([가-힣]{{2,4}}|[\u4e00-\u9fff\u3005\u3040-\u30ff]{{2,6}})(?=[ \t]*[,.!)]|[ \t]+(?:and|who|will)\b|$)")
# A Latin name right after a Chinese relation word or an English-name label (我朋友Ah Beng, 同事Coco,
# 英文名：Chan Tsz Yan): the cue is Chinese, the name is not.
HAN_CUE_LATIN_NAME = re.compile(rf"(?:英文名字?|英文姓名|朋友|同事|同學|同学|老公|老婆|男朋友|女朋友|男友|女友|閨蜜|闺蜜|"
                                rf"姐妹|表姐|表妹|室友)[ \t]*(?:[:：]|是|叫|係)?[ \t]*({NAME})")
# A first and last name closing a line after a dash or colon, as in a title or signature
# ("Consultation request - Anna Lee", "- Anna Lee").
DASH_NAME = re.compile(rf"(?m)(?:^|[-–—:|][ \t]+)({NAME_WORD}[ \t]+{NAME_WORD})[ \t]*[.!]?[ \t]*$")
# One name signed after a sentence: "Thanks a lot! - Emma".
DASH_SIGNATURE = re.compile(rf"(?m)[.!?)][ \t]*[-–—~]+[ \t]*({NAME_WORD})[ \t]*$")
# A dash and one name alone on the text's last line ("See you Friday.\n— Rose"): the sign-off position says a
# person even when the name is a word; not the last item of a dashed list (the line before is an item or
# ends in a colon).
DASH_LAST_LINE = re.compile(rf"(?:\A|\n)(?P<before>[^\n]*)\n[ \t]*[-–—]+[ \t]*({NAME_WORD})[ \t]*[.!]?\s*\Z")
# "Kim Minsu", "Minsu Kim": a Korean surname next to a two-syllable romanised given name.
SURNAME_GIVEN = re.compile(rf"\b({NAME_WORD})[ \t]+({NAME_WORD})\b")
# Malay and Indonesian patronymics and Indian-Malaysian ones (Ahmad bin Rashid, Siti Aminah binti Kamal,
# Ravi a/l Muthu): the words on both sides of bin/binti/a/l/a/p are one person's name.
PATRONYMIC = re.compile(rf"\b({NAME_WORD}(?:[ \t]+{NAME_WORD}){{0,2}})[ \t]+(?:bin|binti|bte|bt\.?|a/l|a/p|s/o|d/o)"
                        rf"[ \t]+({NAME_WORD}(?:[ \t]+{NAME_WORD}){{0,2}})")
# Vietnamese full names in any text (Phan Thanh Hương in a Korean sentence): a surname of the list, then
# one to three capitalised syllables; with Vietnamese letters somewhere, or one of the surnames no
# other language spells so, written without them (Nguyen Van An).
VIETNAMESE_SYLLABLE = r"[A-ZĐÀ-Ỹ][a-zà-ỹđ]{0,6}"
VIETNAMESE_NAME = re.compile(rf"(?<![A-Za-zÀ-ỹ])({VIETNAMESE_SYLLABLE})((?:[ \t]+{VIETNAMESE_SYLLABLE}){{1,3}})"
                             rf"(?![A-Za-zÀ-ỹ])")
VIETNAMESE_LETTERS = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯ\u1ea0-\u1ef9]")
AFTER_TITLE_NOT_NAMES = frozenset("and or the team office clinic surgeon doctor who".split())
NOT_KOREAN_GIVEN = frozenset("re-do yo-yo so-so no-no bye-bye ha-ha go-go".split())

# Words after "it's / I'm / this is" that the name lists also hold (its ok, im fine, this is her).
CHAT_NOT_NAMES = frozenset("ok okay fine good great sorry here back done ready sure sunny early late fair free happy "
                           "may june april august summer autumn winter major king rich young long little small big new "
                           "worth well".split())
STRONG, MEDIUM = 0.85, 0.65


def is_romanised_syllables(word: str, count: int) -> bool:
    pattern = RR_ONE if count == 1 else RR_TWO
    return pattern.fullmatch(word) is not None


def is_korean_given(word: str) -> bool:
    """Min-su, Chae-eun, Minsu: one romanised syllable each side of a hyphen, or two run together."""
    if "-" in word:
        left, _, right = word.partition("-")
        return word.lower() not in NOT_KOREAN_GIVEN and is_romanised_syllables(left, 1) \
            and is_romanised_syllables(right, 1)
    return is_romanised_syllables(word, 2)


def is_vietnamese_name(surname: str, given: list[str]) -> bool:
    """A listed Vietnamese surname before capitalised syllables that are no non-name words and no place."""
    words = [surname, *given]
    if surname.casefold() not in VIETNAMESE_SURNAMES or any(w.casefold() in LATIN_NOT_NAMES for w in words):
        return False
    if vocabulary.is_safe_term(" ".join(words[:2])) or " ".join(words).casefold() in VIETNAMESE_PLACES:
        return False
    return VIETNAMESE_LETTERS.search("".join(words)) is not None or surname.casefold() in VIETNAMESE_ONLY_SURNAMES


def trim_name(name: str) -> str:
    """Drop trailing words that are not names ("Michele Thanks" -> "Michele")."""
    words = name.split()
    while words and words[-1].lower() in LATIN_NOT_NAMES:
        words.pop()
    return " ".join(words)


class LatinNameRecognizer(PersonNameRecognizer):
    """Romanised Korean names and Latin names after titles, greetings, self-introductions, relations."""
    # Every cue is English words, whatever the script of the name after it.
    TEXT_GATES = (gates.LATIN,)
    LANGUAGE = "en"

    CUE_PATTERNS = ((GREETING_NAME, STRONG), (SELF_INTRO_NAME, STRONG),
                    (RELATION_NAME, MEDIUM), (WEAK_CUE_NAME, MEDIUM), (SIGN_OFF_NAME, STRONG),
                    (SIGN_OFF_SAME_LINE, MEDIUM), (NAME_HERE, MEDIUM), (REFERRER, MEDIUM),
                    (RELATION_NATIVE_NAME, MEDIUM), (ROLE_NAME, MEDIUM), (HAN_CUE_LATIN_NAME, MEDIUM),
                    (DASH_NAME, MEDIUM), (DASH_SIGNATURE, MEDIUM))

    def find(self, text: str) -> list[RecognizerResult]:
        results = []
        for match in TITLE_NAME.finditer(text):
            # After Mr./Ms./Dr. a capitalised word is a surname even when it is also a word (Dr. Son, Dr. Won).
            words = match.group(1).split()
            name = words[0] + (" " + trim_name(" ".join(words[1:])) if len(words) > 1 else "")
            name = name.strip() if words[0].lower() not in AFTER_TITLE_NOT_NAMES else ""
            if name:
                results.append(RecognizerResult("PERSON", match.start(1), match.start(1) + len(name), STRONG))
        for pattern, score in self.CUE_PATTERNS:
            for match in pattern.finditer(text):
                group = next(g for g in range(1, (match.lastindex or 1) + 1) if match.group(g))
                name = trim_name(match.group(group))
                if pattern is NAME_HERE and name.split()[0].lower() in NOT_BEFORE_HERE:
                    continue
                if name and not any(word.lower() in LATIN_NOT_NAMES for word in name.split()[:1] + name.split()[-1:]):
                    results.append(RecognizerResult("PERSON", match.start(group), match.start(group) + len(name),
                                                    score))
        for match in DASH_LAST_LINE.finditer(text):
            name = match.group(2)
            before = match.group("before")
            if not re.match(r"[ \t]*[-–—*•]", before) and not before.rstrip().endswith(":") and name.lower() not in LATIN_NOT_NAMES and \
                    not vocabulary.is_safe_term(name):
                results.append(RecognizerResult("PERSON", match.start(2), match.end(2), MEDIUM))
        for match in CHAT_INTRO.finditer(text):
            word = match.group(1)
            # A name of the name lists, not a word people write there (its fine, im sorry, this is great).
            if vocabulary.is_name_word(word, "en") and word.lower() not in LATIN_NOT_NAMES and \
                    word.lower() not in CHAT_NOT_NAMES:
                results.append(RecognizerResult("PERSON", match.start(1), match.end(1), MEDIUM))
        for match in HYPHENATED_GIVEN.finditer(text):
            if is_korean_given(match.group()):
                results.append(RecognizerResult("PERSON", match.start(), match.end(), STRONG))
        for match in PATRONYMIC.finditer(text):
            # The words before may begin with a cue (Contact Ravi a/l Muthu): the name starts after it.
            first, second = match.group(1).split(), trim_name(match.group(2))
            while first and (first[0].lower() in LATIN_NOT_NAMES or vocabulary.is_ordinary_word(first[0], "en")
                             and not vocabulary.is_name_word(first[0], "en")):
                first.pop(0)
            if first and second:
                start = match.start(1) + match.group(1).index(first[0])
                results.append(RecognizerResult("PERSON", start, match.start(2) + len(second), STRONG))
        for match in VIETNAMESE_NAME.finditer(text):
            name = match.group()
            if is_vietnamese_name(match.group(1), match.group(2).split()):
                results.append(RecognizerResult("PERSON", match.start(), match.end(), MEDIUM))
        for match in SURNAME_GIVEN.finditer(text):
            first, second = match.group(1), match.group(2)
            if (first.lower() in ROMANISED_KOREAN_SURNAMES and is_korean_given(second)) or \
                    (second.lower() in ROMANISED_KOREAN_SURNAMES and is_korean_given(first)):
                if first.lower() not in LATIN_NOT_NAMES and second.lower() not in LATIN_NOT_NAMES:
                    results.append(RecognizerResult("PERSON", match.start(), match.end(), MEDIUM))
        return results


RECOGNIZERS = [LatinNameRecognizer]
