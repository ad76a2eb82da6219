"""The rule for released text, checked on the finished files by code of the gate's own.

Every word of every text cell and rendered report must be a placeholder or surrogate, an ordinary
word, safe vocabulary or a safe quantity: the invariant specified in anonymise/vocabulary/README.md.
The vocabulary (project terms, ordinary-word and name lists) is shared *data*; the judgement here
is written independently of the anonymiser's safe-list pass, so the gate does not repeat its
blind spots. Per the spec, a word is a run of one kind (digits, Latin/Cyrillic letters, Hangul,
Han/Kana, Thai) inside a whitespace-separated token, and may only be:

1. digits: a run of fewer than six digits, or a safe quantity (a date or clock time not after a
   birth word; an amount with thousands separators or a currency/dose/count unit, then also grouped
   by spaces or dots (1 500 000 вон) or a range whose unit follows it, never starting with 0;
   a dilution 1:100,000);
   runs that span spaces are judged on the batch (``unsafe_numbers``);
2. no letter-digit code (``AB12345``, ``kim1990``) unless a number with a unit (``10cc``, ``0.5mL``,
   ``1064nm``, ``10J/cm2``), dosing notation (``x2``, ``q4h``, ``SPF50``) or a safe term (``CO2``); a
   code after a code word is judged in context below (ICD-11 ED80, CPT 0479T, HCPCS J0585);
3. no identifier shape: e-mail, URL, @handle, words joined by ``_`` or ``.`` (``jisoo.kim``);
4. Latin letters: a safe term, or in lower case anything but a given name no dictionary has
   (vocabulary.is_lower_case_name); a capitalised word must be an ordinary word that is not only a
   name (a sentence start), and elsewhere (a proper noun) an ordinary word that is no name at all;
5. Hangul: Kiwi's morphemes of the word hold no proper noun (NNP) and no unknown word, unless the
   stem is a safe term, and the word is no surname + given-name shape Kiwi cannot read as words;
6. Han/Kana: no Katakana word that ordinary Japanese words and safe terms do not make up, no
   surname-led word before a title (王小明先生); the jieba person-name list is not used (see _cjk_reason);
7. Thai: no word right after a personal title;
8. Arabic letters: a word of the reviewed Arabic vocabulary (safe_ar.txt, an attached particle or
   article allowed; a unit only right after its number, judged in context below).
Beyond the spec, in context: a Hangul word of surname + given-name shape right before a title or
honorific (권은진 씨, 이지은 실장님) is a name even where Kiwi reads it as words (권 + 은 + 진); a date with a
month word or in numeral words next to a birth word (родилась 7 марта 1985, 칠십이년 삼월 구일생) is a date
of birth; and a word
the token rule refuses is vouched for by its neighbours (``vouched_in_context``) only as a listed
eponym in the possessive with no personal title before it (Hashimoto's, Bell's palsy; not Dr. Graves's),
a code of ICD's shape right after an ICD word (ICD-10 K21.9, ICD-11 ED80), a procedure code of CPT
category II/III or HCPCS level II shape right after its word (CPT 0479T, HCPCS J0585), a ward/bed label with its
word (Ward 6B) or a Vietnamese month after "tháng" (tháng Mười Hai); in a sentence, an eponym by its head
noun, if listed (``vouched_in_sentence``: Hashimoto thyroiditis, Swan-Ganz catheter; not Jessica grade 3).

Cost: every distinct whitespace token of the whole release is judged once (``flagged``), Kiwi
only on distinct Hangul words, so 1M consultations cost a few hundred thousand judgements.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from anonymise.name_data import (CJK_PERSON_TITLES, EPONYMOUS_CONDITIONS, KOREAN_NAME_TITLES, KOREAN_PARTICLES,
                                 LATIN_EPONYM_TITLES, SCALE_GRADE_AFTER, VIETNAMESE_MONTH_WORDS,
                                 VIETNAMESE_ONLY_SURNAMES)
from anonymise.eponyms import eponym_by_head, is_russian_eponym, scale_before_grade
from anonymise.vocabulary.birth_dates import (BIRTH_WORD_BEFORE_DIGITS, birth_answers, numeral_birth_dates,
                                              worded_birth_dates)
from anonymise.surrogate_labels import ENTITY_LABELS, ROLE_LABELS
from anonymise.vocabulary import DISEASE_ENDINGS

# Kiwi's score of a one-morpheme noun it only guesses: names it has never seen come out near -21 to
# -28 (한도윤 -23.6, 황시우 -20.7), nouns of its dictionary above -15 (상담실 -13.1, 예약금 -14.8).
KIWI_GUESS_SCORE = -18.0
MAX_REMEMBERED = 4_000_000   # verdicts kept per process (a long-lived server checks night after night)
# Placeholders (<PERSON>) and surrogates (환자 A, [전화번호], Patient B) are the anonymiser's output.
_PLACEHOLDER = re.compile(r"<[A-Z][A-Z_]*>")
_LABELS = sorted({label for pair in ENTITY_LABELS.values() for label in pair}, key=len, reverse=True)
_SURROGATE_LABEL = re.compile(r"\[(?:%s)\]" % "|".join(re.escape(label) for label in _LABELS))
_ROLE_LETTER = re.compile(r"(?:%s) [A-Z]{1,2}(?![A-Za-z])"
                          % "|".join(re.escape(label) for pair in ROLE_LABELS.values() for label in pair))
_ANONYMISER_OUTPUT = re.compile("|".join(p.pattern for p in (_PLACEHOLDER, _SURROGATE_LABEL, _ROLE_LETTER)))
_MASKED = re.compile(r"\S*\*{2,}\S*")   # a masked value in the run's own evidence (k***@n***.com)
# A word: one script's run inside a token.
_PIECE = re.compile(r"(?P<digits>\d+(?:[.,:/]\d+)*)|(?P<latin>[A-Za-z\u00c0-\u024f\u1e00-\u1eff\u0400-\u04ff]+(?:['’-][A-Za-z\u00c0-\u024f\u1e00-\u1eff"
                    r"\u0400-\u04ff]+)*)|(?P<hangul>[\uac00-\ud7a3\u3131-\u318e]+)|(?P<cjk>[\u3040-\u30ff\u31f0-\u31ff"
                    r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々ー]+)|(?P<thai>[\u0e00-\u0e7f]+)|"
                    r"(?P<arabic>[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f]+)")
_LETTER_DIGIT = re.compile(r"(?i)(?=[a-z0-9]*[a-z])(?=[a-z0-9]*\d)[a-z0-9]{2,}")
# A run of Latin letters, digits and hyphens: a safe term so written (HbA1c, SpO2, CA19-9) is judged whole,
# a particle glued after it or not (HbA1c가), as the anonymiser reads it; cut into pieces, HbA reads as a name.
_LATIN_CODE_RUN = re.compile(r"(?<![A-Za-z0-9\-])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*(?![A-Za-z0-9])")
_ID_SHAPE = re.compile(r"[A-Za-z0-9]+(?:[._][A-Za-z0-9]+)+")
_EMAIL_OR_HANDLE = re.compile(r"\S@\S|^@\w")
_URL = re.compile(r"(?i)https?://|www\.")
_NUMBER_UNIT = re.compile(r"(?i)\d+(?:[.,]\d+)?(?:cc|ml|mg|mcg|µg|ug|ng|pg|g|kg|l|dl|cm[23]?|mm[23]?|m|km|nm|µm|um|kcal|"
                          r"iu|u|units?|am|pm|st|nd|rd|th|x|h|hr|hrs|min|mins|sec|s|ms|d|wk|wks|mo|yr|yrs|k|won|usd|"
                          r"krw|lbs?|kw|v|w|mw|j|mj|kj|hz|khz|mhz|mmol|meq|mmhg|bpm|gy|fr|d|cc)")
# Beside a number with its unit: a unit with a power (J/cm2), dosing notation (x2, q4h, SPF50).
_UNIT_OR_DOSING = re.compile(r"(?i)(?:cm|mm|m|dm)[23]|x\d{1,2}|q\d{1,2}h|spf\d{1,3}|pa\d|"
                             r"\d{1,2}x\d{1,3}(?:u|iu|units?|cc|ml|mg)?")
_DECIMAL_WITH_UNIT = re.compile(r"\d+\.(?P<rest>\d+[A-Za-zµ]+)")
# 1:100,000: a dilution, one to a round number.
_DILUTION = re.compile(r"1\s?:\s?[1-9]\d{0,2}(?:,?000)+")
_TITLE_CASE_LINE = re.compile(r"^(?:[A-Z][\w'-]*\s+){2,}[A-Z][\w'-]*$")
_THAI_TITLE = ("คุณ", "นาย", "นางสาว", "นาง", "ด.ช.", "ด.ญ.")
_KATAKANA = re.compile(r"[\u30a0-\u30ff]{2,}")
_HAN = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")
_THAI = re.compile(r"[\u0e00-\u0e7f]")
# Digit runs (digits joined by up to three of " .-/:~()" or one comma) of six or more digits.
_LONG_NUMBER = re.compile(r"\d(?:(?:[ .\-/:~()]{1,3}|,)?\d){5,}")
_PIECE_GAP = re.compile(r"\s*~\s*|\s+-\s+|\s+")
_RANGE_MARK = re.compile(r"\s*[~\-]\s*")
_DATE = re.compile(r"(?:19|20)\d\d[-./](?:0?[1-9]|1[0-2])(?:[-./](?:0?[1-9]|[12]\d|3[01]))?\.?")  # or a month
_QUARTER = re.compile(r"(?:19|20)\d\d-Q[1-4]")   # the academic release's generalised month
# A diagnosis code with its decimal part (L30.9, E11.65, 습진(L30.9)) is a classification, not a person's
# code: the anonymiser keeps it, and refusing it would withhold every record a doctor coded.
_ICD10_WITH_DECIMAL = re.compile(r"(?<![A-Za-z0-9])[A-TV-Z]\d{2}\.\d{1,3}(?![A-Za-z0-9]|\.\d)")
_KOREAN_DATE = re.compile(r"(?:19|20)\d\d년\s?(?:0?[1-9]|1[0-2])월(?:\s?(?:0?[1-9]|[12]\d|3[01])일)?")
_DIGIT = re.compile(r"\d")
_TIME = re.compile(r"(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?")
_GROUPED = re.compile(r"[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?")
_PLAIN = re.compile(r"[1-9]\d*(?:\.\d+)?")
_LOOSE_GROUPED = re.compile(r"[1-9]\d*(?:,\d{3})+")   # 2800,000원: a price, grouped oddly, with its unit
_UNIT_AFTER = re.compile(r"\s?(?:원|만원|천원|억|won|krw|usd|달러|dollars?|엔|円|yen|위안|元|rmb|cny|vnd|đ|바트|baht|thb|eur|"
                         r"euros?|루블|руб|rub|iu|units?|유닛|cc|ml|mg|mcg|kcal)(?![A-Za-z])", re.IGNORECASE)
_UNIT_BEFORE = re.compile(r"(?:[₩$¥€£]|krw|usd|us\$|rmb|cny|jpy|vnd|thb|eur)\s?$", re.IGNORECASE)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n\"'(\[\-–—•·]|\x00|\x01)\s*$")


@dataclass
class TextRule:
    """Judges distinct words once; remembers the verdicts (bounded by the release's vocabulary)."""
    vocabulary: object                      # the anonymise.vocabulary module (or a stand-in with its API)
    kiwi: object = None                     # built on the first Hangul word
    ok: set[str] = field(default_factory=set)
    bad: dict[str, str] = field(default_factory=dict)
    capital_names: set[str] = field(default_factory=set)   # fine only at a sentence start (Will, Grace)

    @classmethod
    def default(cls) -> "TextRule":
        """The process's rule on the project vocabulary: verdicts depend on the word alone, so they are
        shared by every check of the process (and Kiwi is loaded once)."""
        global _DEFAULT
        if _DEFAULT is None or _DEFAULT.judged > MAX_REMEMBERED:
            import anonymise.vocabulary as vocabulary

            _DEFAULT = cls(vocabulary, kiwi=_DEFAULT.kiwi if _DEFAULT else None)
        return _DEFAULT

    @property
    def judged(self) -> int:
        return len(self.ok) + len(self.bad) + len(self.capital_names)

    # ------------------------------------------------------------------ the batch interface
    def flagged(self, tokens: Iterable[str]) -> dict[str, str]:
        """token -> reason for each of ``tokens`` (whitespace-separated) the rule refuses anywhere.

        Tokens holding a name-like capitalised word are returned with reason ``"name_if_mid_sentence"``:
        the caller decides by the text before each occurrence (``refused_in_context``).
        """
        out: dict[str, str] = {}
        new = [t for t in tokens if t not in self.ok and t not in self.bad and t not in self.capital_names]
        self._judge_hangul_words({m.group() for t in new for m in _PIECE.finditer(t) if m.lastgroup == "hangul"})
        for token in new:
            reason = self._token_reason(token)
            if reason is None:
                self.ok.add(token)
            elif reason == "name_if_mid_sentence":
                self.capital_names.add(token)
            else:
                self.bad[token] = reason
        for token in tokens:
            if token in self.bad:
                out[token] = self.bad[token]
            elif token in self.capital_names:
                out[token] = "name_if_mid_sentence"
        return out

    def is_word(self, word: str) -> bool:
        """An ordinary word or safe term of any language (for the identifier validators)."""
        v = self.vocabulary
        return v.is_safe_term(word) or ((self._english_word(word) or v.is_ordinary_word(word, "ko"))
                                        and not v.is_only_a_name(word))

    # ------------------------------------------------------------------ one token
    def _token_reason(self, token: str) -> str | None:
        if _MASKED.fullmatch(token):
            return None
        stripped = token.strip(".,;:!?()[]{}\"'“”‘’«»…·•-–—~/|*#،؛؟")
        if not stripped:
            return None
        if _URL.search(stripped) or _EMAIL_OR_HANDLE.search(stripped):
            return "identifier_shape"
        stripped = _ICD10_WITH_DECIMAL.sub(" ", stripped)
        stripped = _LATIN_CODE_RUN.sub(lambda m: " " if self._safe_term(m.group()) else m.group(), stripped)
        glued = self.vocabulary.GLUED_PRICE.fullmatch(stripped)
        if glued and self.vocabulary.is_currency_code_of_amount(glued.group(1), "", stripped[glued.end(1):]):
            return None  # RM1,250, Rp3.500.000: a price as the anonymiser keeps it; its digits are judged in context
        for shape in _ID_SHAPE.finditer(stripped):
            word = shape.group()
            decimal = _DECIMAL_WITH_UNIT.fullmatch(word)
            if decimal and _NUMBER_UNIT.fullmatch(decimal.group("rest")):
                continue  # 0.5mL, 2.5mg
            if any(c.isalpha() for c in word) and not self._safe_term(word) and not self._words_joined(word):
                return "identifier_shape"
        if _QUARTER.fullmatch(stripped):
            return None
        for code in _LETTER_DIGIT.finditer(stripped):
            word = code.group()
            rough = self.vocabulary.without_approximation(word)  # 350ccish: judged without its "ish"
            if not (_NUMBER_UNIT.fullmatch(rough) or rough.isdigit() or _UNIT_OR_DOSING.fullmatch(word) or self._safe_term(word)
                    or self._counted_safe_term(word, stripped[code.end():code.end() + 2])
                    or self.vocabulary.is_dose_then_quantity(word, stripped[code.end():code.end() + 8])):
                return "code"
        reasons = [self._piece_reason(m, stripped) for m in _PIECE.finditer(stripped)]
        for reason in ("name", "korean_name", "cjk_name", "unknown_word", "digits"):
            if reason in reasons:
                return reason
        if "name_if_mid_sentence" in reasons:
            return "name_if_mid_sentence"
        return None

    def _counted_safe_term(self, code: str, after: str) -> bool:
        """IPL2회: a listed treatment and its session count glued on, as the anonymiser keeps it."""
        term = self.vocabulary.counted_term(code, after)
        return term is not None and self._safe_term(term)

    def _english_word(self, word: str) -> bool:
        """An ordinary English word, inflected or not (weeks, totals, studies, asked): word lists
        hold base forms, and a name list's Weeks must not hide the plural of week."""
        lower = word.lower()
        forms = [lower] + [lower[:-len(end)] + new for end, new in _INFLECTIONS
                           if lower.endswith(end) and len(lower) > len(end) + 2]
        return any(self.vocabulary.is_ordinary_word(form, "en") for form in forms)

    def _words_joined(self, shape: str) -> bool:
        """A shape joined by '_' or '.' of ordinary words, safe terms and numbers (interested_area,
        face_contour, faq.html) is vocabulary; one with a name or a code in it (jisoo.kim) is an ID."""
        v = self.vocabulary
        return all(part.isdigit() or len(part) <= 2 or self._safe_term(part)
                   or (self._english_word(part) and not v.is_only_a_name(part))
                   for part in re.split(r"[._]", shape) if part)

    def _piece_reason(self, m: re.Match, token: str) -> str | None:
        kind, word = m.lastgroup, m.group()
        if kind == "digits":
            return None  # runs are judged with their neighbours across spaces (unsafe_numbers)
        if kind == "latin":
            return self._latin_reason(word)
        if kind == "hangul":
            return self.bad.get(word)
        if kind == "cjk":
            return self._cjk_reason(word)
        if kind == "arabic":  # only the reviewed Arabic vocabulary may stay (safe_ar.txt); a unit in context
            return None if self.vocabulary.is_arabic_safe_word(word) else "unknown_word"
        return None  # Thai: judged in context (unsafe_thai)

    def _safe_term(self, word: str) -> bool:
        return self.vocabulary.is_safe_term(word)

    def _latin_reason(self, word: str) -> str | None:
        v = self.vocabulary
        if len(word) == 1 or self._safe_term(word):
            return None
        cyrillic = any("\u0400" <= c <= "\u04ff" for c in word)
        if word[:1].isupper() and _without_marks(word) in VIETNAMESE_ONLY_SURNAMES:
            return "name"  # Nguyễn, Trần: a surname only Vietnamese writes, an ordinary word of its dictionary too
        if cyrillic and v.is_russian_safe_form(word):
            return None  # a case form of a safe stem (Блефаропластику, Москвы), as the spec reads safe_ru.txt
        lang = "ru" if cyrillic else "en"
        if word.islower():
            return "name" if v.is_lower_case_name(word, lang) else None
        if word.isupper() and len(word) <= 5 and not cyrillic:
            return None  # an acronym (PRP, HIFU, ASAP): initials of a name are at most one word
        ordinary = self._english_word(word) or v.is_ordinary_word(word, "vi") if lang == "en" \
            else v.is_ordinary_word(word, lang)
        if not ordinary:
            # Words of a sentence start the anonymiser keeps (Berapa, Маргааш, Подскажите): fine only there.
            opener = (v.is_ordinary_word(word, "mn") or v.is_russian_imperative(word.casefold())) if cyrillic \
                else v.is_ordinary_word(word, "id")
            # a listed Mongolian word is no Russian surname by its ending (хамрын: the genitive -ын)
            return "name_if_mid_sentence" if opener and (not v.is_name_word(word, lang) or cyrillic and
                                                         v.is_ordinary_word(word, "mn")) else "name"
        if cyrillic and v.is_name_word(word, "ru"):
            return "name"
        if v.is_name_word(word, lang):
            return "name" if v.is_only_a_name(word) else "name_if_mid_sentence"
        return None

    def _plain_korean(self, word: str) -> bool:
        v = self.vocabulary
        if v.is_ordinary_word(word, "ko") or self._safe_term(word) or v.is_form_label(word):
            return True  # a form's label (출력자, 수진자) as the anonymiser keeps it
        stem = _without_particle(word)
        return stem != word and (v.is_ordinary_word(stem, "ko") or self._safe_term(stem) or v.is_form_label(stem))

    def _cjk_reason(self, word: str) -> str | None:
        """A Katakana word no ordinary Japanese words make up (a foreign name: マリア); Han names are
        found before their title (titled_cjk_names). The jieba dictionary's person-name tags are not
        used: they cover everyday words too (谢谢, 多少钱, 时间够吗, 布洛芬)."""
        v = self.vocabulary
        if self._safe_term(word) or v.is_ordinary_word(word, "zh") or v.is_ordinary_word(word, "ja") or v.is_form_label(word):
            return None
        for katakana in _KATAKANA.finditer(word):
            if not self._katakana_words(katakana.group()) and not v.is_drug_in_context(
                    katakana.group(), word[:katakana.start()], word[katakana.end():]):
                return "cjk_name"  # a drug by its stem said as one in the same word run (ケタゾールを飲む) stays
        return None

    def _katakana_words(self, run: str) -> bool:
        """Whether ordinary Japanese words or safe terms make up the whole Katakana run (カウンセリング+チーム)."""
        v = self.vocabulary
        ok = [True] + [False] * len(run)
        for end in range(1, len(run) + 1):
            ok[end] = any(ok[begin] and (v.is_ordinary_word(piece, "ja") or v.is_katakana_loanword(piece)
                                         or self._safe_term(piece))
                          for begin in range(max(0, end - 12), end - 1) if end - begin >= 2
                          for piece in (run[begin:end],))
        return ok[len(run)] or len(run) <= 2 or v.is_katakana_treatment(run)  # ミラピール: a treatment's name

    def _judge_hangul_words(self, words: set[str]) -> None:
        """Kiwi on each new distinct Hangul word; the verdict goes into ok/bad under the word itself.

        A word that is an ordinary word or safe term, alone or with one particle (수술은, 쌍꺼풀이), is
        ordinary without asking Kiwi: Kiwi costs ~30 µs a word, and a 1M-consultation release has
        hundreds of thousands of distinct words. Names are not ordinary words (the vocabulary
        subtracts name shapes), so 김민수가 still goes to Kiwi."""
        todo = []
        for word in sorted(w for w in words if w not in self.ok and w not in self.bad):
            if self._plain_korean(word):
                self.ok.add(word)
            else:
                todo.append(word)
        if not todo:
            return
        if self.kiwi is None:  # Kiwi knowing the Korean safe terms as nouns, as the spec says to read words
            from anonymise.kiwi_model import kiwi_with_safe_terms

            self.kiwi = kiwi_with_safe_terms()
        v = self.vocabulary
        for word, tokens in zip(todo, self.kiwi.tokenize(todo)):
            reason = None
            compound = v.is_suffixed_compound(_leading_nouns(word, tokens))  # 섬유화, 고정술: a noun and its suffix
            for t in tokens:
                if t.tag in ("NNP", "UN") and not self._safe_term(t.form) and not v.is_ordinary_word(t.form, "ko") \
                        and not v.is_safe_place_station(t.form) and not v.is_province_compound(t.form) \
                        and not v.disease_with_ending(word, t.start, t.start + t.len) and not compound:
                    reason = "korean_name" if v.is_name_word(t.form, "ko") else "unknown_word"
                    break
            stem = tokens[0] if tokens else None
            if reason is None and stem is not None and stem.tag.startswith("NN") and stem.score < KIWI_GUESS_SCORE \
                    and v.is_name_word(stem.form, "ko") and not v.is_ordinary_word(stem.form, "ko") and not compound:
                reason = "korean_name"  # a name Kiwi does not know, guessed as a noun (한도윤/NNG)
            if reason == "unknown_word" and v.is_loanword_before_thing_particle(word):
                reason = None  # 스타벅스에서: a loanword's shape where a thing stands, as the anonymiser keeps it
            if reason is None:
                self.ok.add(word)
            else:
                self.bad[word] = reason


_DEFAULT: TextRule | None = None
_PARTICLES = tuple(sorted(KOREAN_PARTICLES, key=len, reverse=True))
_INFLECTIONS = (("ies", "y"), ("es", ""), ("es", "e"), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"),
                ("ers", ""), ("er", ""), ("ly", ""))


def _without_marks(word: str) -> str:
    """The word folded without its Vietnamese marks (Trần -> tran), as the surname lists hold it."""
    return "".join(c for c in unicodedata.normalize("NFD", word.casefold().replace("đ", "d"))
                   if not unicodedata.combining(c))


def blank_anonymiser_output(text: str) -> str:
    """``text`` with placeholders (<PERSON>) and surrogates (환자 A, [전화번호], Patient B) blanked out,
    offsets kept: they are the anonymiser's own output, not words of the record."""
    return _ANONYMISER_OUTPUT.sub(lambda m: " " * len(m.group()), text)


def refused_in_context(text: str, start: int) -> bool:
    """A name-like capitalised word at ``start`` of ``text`` is refused unless a sentence starts there."""
    while start < len(text) and not text[start].isalpha():
        start += 1  # 'Good in a list of questions: the sentence starts at the quote
    line_start = max(text.rfind("\n", 0, start), text.rfind("\x00", 0, start), text.rfind("\x01", 0, start)) + 1
    line_end = min([i for i in (text.find("\n", start), text.find("\x00", start), text.find("\x01", start))
                    if i >= 0] or [len(text)])
    if _TITLE_CASE_LINE.match(text[line_start:line_end].strip()):
        return False
    return not _SENTENCE_START.search(text[max(line_start, start - 4):start])


# ------------------------------------------------------------------ words their neighbours vouch for

_EDGE_PUNCTUATION = ".,;:!?()[]{}\"“”«»…،؛؟"   # not the apostrophe: it makes the possessive
_TITLE_BEFORE = re.compile(r"\b(?:%s)\.?\s+$" % "|".join(map(re.escape, LATIN_EPONYM_TITLES)))
_ICD_WORD_BEFORE = re.compile(r"(?i)\bICD(?:-?(?:9|10|11))?(?:-?(?:CM|PCS))?(?:\s+codes?)?\s?[:#]?\s+$")
_ICD10_CODE = re.compile(r"[A-TV-Z]\d{2}(?:\.[0-9A-Z]{1,4})?")
_ICD11_CODE = re.compile(r"[1-9A-HJ-NP-Z][A-HJ-NP-Z]\d[0-9A-HJ-NP-Z](?:\.[0-9A-HJ-NP-Z]{1,2})?")
# Procedure codes with a letter: CPT category II/III (0001F, 0479T) and HCPCS level II (J0585). Only
# after their own word: alone the shape is any product or member code. CPT category I is five digits,
# which rule 1 lets through anyway.
_PROCEDURE_WORD_BEFORE = re.compile(r"(?i)\b(?:CPT|HCPCS)(?:[ -]?(?:II|III|2|3))?(?:\s+codes?)?\s?[:#]?\s+$")
_PROCEDURE_CODE = re.compile(r"[A-V]\d{4}|\d{4}[FTU]")
_LOCATION_WORD = r"(?i:ward|bed|bay|theatre|theater|pod)"
_LOCATION_LABEL = r"(?:\d{1,3}[A-Z]?|[A-Z]{1,2}\d{1,3}[A-Z]?)"   # 6B, 12, C3, ICU2: always a digit
_LOCATION_BEFORE = re.compile(r"\b%s\s+$" % _LOCATION_WORD)
_LABEL_AFTER = re.compile(r"\s+%s(?=[\s\x00\x01.,;:)]|$)" % _LOCATION_LABEL)
# A grade after a scale's name (Fitzpatrick III, Norwood 4, Glogau type II, 피츠패트릭 3형, 노우드 4단계).
_GRADE_AFTER = SCALE_GRADE_AFTER  # the shared data's reading (Fitzpatrick skin type IV, Fitzpatrick V-VI)
_KOREAN_GRADE_AFTER = re.compile(r"[ \t]?(?:타입|유형|type|grade|stage)?[ \t]?(?:[IV]{1,3}|VI|[\u2160-\u2165]|[1-7])(?![\dA-Za-z])")
_MONTH_BEFORE = re.compile(r"(?i)\btháng\s+(?:mười\s+)?$")
_HANGUL_WORD_AFTER = re.compile(r" ([\uac00-\ud7a3]+)")


def vouched_in_context(text: str, start: int, end: int) -> bool:
    """Whether the token text[start:end], refused on its own, is vouched for by its neighbours: a listed
    eponym in the possessive and after no personal title, an ICD code after an ICD word, a CPT/HCPCS code
    after its word, a drug's name by
    its stem beside a dose or a word of taking it and with no title (Rosuvastatin 10mg; the vocabulary's
    is_drug_in_context), a listed scale before its grade (Fitzpatrick III, 피츠패트릭 3형), a ward/bed
    label and its word, a device's model code after the device (Ultherapy S3), a Vietnamese month after "tháng", a listed eponym in Hangul with its disease word
    (가와사키병, 하시모토 갑상선염) or in Cyrillic in the genitive after its head noun (болезнь Бехтерева). Nothing else: Mirelka's cyst, a bare K21 and
    Ward Hale stay findings (a code with its decimal part, K21.9, is vouched for alone; J0585 without
    its word is not)."""
    core = text[start:end].strip(_EDGE_PUNCTUATION)
    offset = text.find(core, start)
    before = text[max(0, offset - 24):offset]
    if core[:1].isupper() and not _TITLE_BEFORE.search(before):
        bare = core[:-2] if core.endswith(("'s", "’s")) else core[:-1] if core.endswith(("s'", "s’")) else None
        if bare and bare.casefold() in EPONYMOUS_CONDITIONS:
            return True
    if (_ICD10_CODE.fullmatch(core) or _ICD11_CODE.fullmatch(core)) and _ICD_WORD_BEFORE.search(before):
        return True
    if _PROCEDURE_CODE.fullmatch(core) and _PROCEDURE_WORD_BEFORE.search(before):
        return True
    if _device_model(core, before):
        return True  # Ultherapy S3: a device's model code right after the device, as the anonymiser keeps it
    if _undotted_diagnosis_code(core, before, text[offset + len(core):offset + len(core) + 16]):
        return True
    if _ARABIC_WORD.fullmatch(core) and _arabic_safe(core, before):
        return True  # 3 ليال: a unit of the Arabic vocabulary right after its number
    if core.casefold() in EPONYMOUS_CONDITIONS and not _TITLE_BEFORE.search(before) and \
            (_GRADE_AFTER.match(text, offset + len(core)) or _KOREAN_GRADE_AFTER.match(text, offset + len(core))):
        return True  # Fitzpatrick III, 피츠패트릭 3형: a scale before its grade
    if scale_before_grade(text, offset, offset + len(core)):
        return True  # 로젠탈 4단계, Velmarsh grade 3: an unlisted scale before a grade word, as the anonymiser keeps it
    after = text[offset + len(core):offset + len(core) + 48]
    if not _TITLE_BEFORE.search(before) and not _KOREAN_TITLE.match(after.lstrip(" ")) and \
            _drug_in_context(core, text[max(0, offset - 48):offset], after):
        return True
    if _korean_eponymous_disease(core, text, offset + len(core)):
        return True
    if is_russian_eponym(text, offset, offset + len(core)):
        return True  # болезнь Бехтерева: a listed eponym in the genitive after its head noun
    if _HANGUL_ONLY.fullmatch(core) and _treatment_frame(text, offset, offset + len(core)):
        return True  # X 받으러, X 후 멍: a treatment or device by its sentence, as the anonymiser keeps it
    if _KATAKANA.search(core) and _katakana_drugs_in_context(text, offset, core):
        return True  # ケタゾール 250mg: a Katakana drug by its stem, its dose outside the token
    if re.fullmatch(_LOCATION_LABEL, core) and _LOCATION_BEFORE.search(before):
        return True
    if re.fullmatch(_LOCATION_WORD, core) and _LABEL_AFTER.match(text, offset + len(core)):
        return True
    return core.casefold() in VIETNAMESE_MONTH_WORDS and _MONTH_BEFORE.search(before) is not None


def vouched_in_sentence(text: str, start: int, end: int) -> bool:
    """Whether the token text[start:end] is an eponym by the head noun beside it in its sentence (Hashimoto
    thyroiditis, Swan-Ganz catheter, nevus of Ota; eponyms.eponym_by_head), as the anonymiser keeps it. Not
    in a column of words taken out of their sentences, where the word beside it is no head of it."""
    core = text[start:end].strip(_EDGE_PUNCTUATION)
    offset = text.find(core, start)
    return eponym_by_head(text, offset, offset + len(core))


# An ICD-10 code without its dot (L700, K219) after a diagnosis label or beside a disease word, as the
# anonymiser keeps it (진단명 L700, 건선(L400), 여드름[L700], 痤疮(L700), K219 위염); a bare "code" vouches for nothing here.
_UNDOTTED_ICD = re.compile(r"(?P<word>[\uac00-\ud7a3\u4e00-\u9fff]*)[(\[]?(?P<code>[A-TV-Z]\d{2,3})[)\]]?"
                          r"(?P<rest>[\uac00-\ud7a3\u4e00-\u9fff\u3000-\u303f\uff01-\uff1f]*)")
_DIAGNOSIS_LABEL_BEFORE = re.compile(r"(?:(?i:\b(?:ICD(?:-?(?:10|11))?(?:-?CM)?|dx|diagnos[ie]s))|(?<![\uac00-\ud7a3])"
                                     r"(?:KCD|진단명|진단코드|진단|상병코드|상병명|상병|질병코드|질병분류코드|질병분류|병명)"
                                     r"(?:은|는|이|가)?)\s?[:#]?\s?$")
_DISEASE_WORD = re.compile(r"[\uac00-\ud7a3]*(?:염|증|병|증후군|여드름|건선|습진|탈모|골절)|[\u4e00-\u9fff]+[炎症病疮瘡]")
_DISEASE_PARTICLES = ("", "이", "가", "은", "는", "을", "를", "으로", "로", "입니다", "이에요", "예요", "이고", "과", "와")


def _undotted_diagnosis_code(core: str, before: str, after: str) -> bool:
    m = _UNDOTTED_ICD.fullmatch(core)
    if m is None:
        return False
    if not m.group("word") and _DIAGNOSIS_LABEL_BEFORE.search(before):
        return True
    if m.group("word") and _DISEASE_WORD.fullmatch(m.group("word")):
        return True  # 건선(L400)
    previous = before.rstrip(" ([").rsplit(" ", 1)[-1]
    following = m.group("rest") or after.lstrip(" )]").split(" ", 1)[0].rstrip(".,;:!?)]")
    return (not m.group("word") and _DISEASE_WORD.fullmatch(previous) is not None) or any(
        following.endswith(p) and _DISEASE_WORD.fullmatch(following[:len(following) - len(p)])
        for p in _DISEASE_PARTICLES)


def _leading_nouns(word: str, tokens) -> str:
    """The nouns and noun suffixes Kiwi reads at the start of ``word``, before its particles (섬유화가 -> 섬유화)."""
    end = 0
    for t in tokens:
        if t.start != end or not t.tag.startswith(("NN", "XSN", "XPN")):
            break
        end = t.start + t.len
    return word[:end]


def _without_particle(word: str) -> str:
    return next((word[:-len(p)] for p in _PARTICLES if word.endswith(p) and len(word) > len(p)), word)


def _korean_eponymous_disease(core: str, text: str, end: int) -> bool:
    """A listed eponym in Hangul named with its disease word, glued (가와사키병이) or one space before it
    (하시모토 갑상선염): the disease, not a person. An unlisted one (the anonymiser keeps it by its
    shape) stays a finding."""
    for word in {core, _without_particle(core)}:
        head = next((word[:-len(e)] for e in DISEASE_ENDINGS if word.endswith(e) and len(word) > len(e)), None)
        if head in EPONYMOUS_CONDITIONS:
            return True
    following = _HANGUL_WORD_AFTER.match(text, end)
    return core in EPONYMOUS_CONDITIONS and following is not None and \
        _without_particle(following.group(1)).endswith(DISEASE_ENDINGS)


_ARABIC_WORD = re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f]+")


def _arabic_safe(word: str, before: str) -> bool:
    from anonymise.vocabulary import is_arabic_safe_word

    return is_arabic_safe_word(word, before)


_HANGUL_ONLY = re.compile(r"[\uac00-\ud7a3]+")


def _treatment_frame(text: str, start: int, end: int) -> bool:
    from anonymise.vocabulary import in_treatment_frame  # the shared data's rule (medical_frames.py)

    return in_treatment_frame(text, start, end)


def _katakana_drugs_in_context(text: str, offset: int, core: str) -> bool:
    """Every Katakana run of ``core`` (at ``offset`` of ``text``) that ordinary words do not make up is a
    drug's name by its stem, said as a drug in the text around it."""
    rule = TextRule.default()
    runs = [m for m in _KATAKANA.finditer(core) if not rule._katakana_words(m.group())]
    return bool(runs) and all(_drug_in_context(m.group(), text[max(0, offset + m.start() - 48):offset + m.start()],
                                               text[offset + m.end():offset + m.end() + 48]) for m in runs)


def _device_model(code: str, before: str) -> bool:
    from anonymise.vocabulary import is_device_model  # the shared data's rule (device_models.py)

    return is_device_model(code, before)


def _drug_in_context(word: str, before: str, after: str) -> bool:
    from anonymise.vocabulary import is_drug_in_context  # the shared data's rule (drug_stems.txt)

    return is_drug_in_context(word, before, after)


def _drug_shaped(word: str) -> bool:
    from anonymise.vocabulary import is_drug_shaped

    return is_drug_shaped(word)


def vouchable_alone(word: str) -> bool:
    """Whether ``word``, taken out of its sentence (the FAQ search index's morphemes, lower-cased by the
    full-text index), is a word ``vouched_in_context`` may vouch for: a listed eponym, an ICD-shaped
    or procedure-code-shaped code, a drug-shaped word, a ward/bed word or label, a Vietnamese month. Such a column's words come from the question and
    answer beside them, where their context is judged: an unvouched one is a finding there."""
    core = word.strip(_EDGE_PUNCTUATION)
    bare = core[:-2] if core.endswith(("'s", "’s")) else core.rstrip("'’")
    upper = core.upper()
    return bare.casefold() in EPONYMOUS_CONDITIONS or core.casefold() in VIETNAMESE_MONTH_WORDS or _drug_shaped(core) \
        or bool(_ICD10_CODE.fullmatch(upper) or _ICD11_CODE.fullmatch(upper) or _PROCEDURE_CODE.fullmatch(upper)
                or re.fullmatch(_LOCATION_LABEL, upper)
                or re.fullmatch(_LOCATION_WORD, core))


# ------------------------------------------------------------------ digits across spaces, Thai

def unsafe_numbers(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every digit run of six or more digits in ``text`` that is not a safe quantity."""
    for match in _LONG_NUMBER.finditer(text):
        start, end = match.span()
        if (start and text[start - 1].isascii() and text[start - 1].isalpha()) or \
                (end < len(text) and text[end].isascii() and text[end].isalpha()):
            continue  # inside a code (20261201T..., AB123456): judged as a word (rule 2)
        if not is_safe_quantity(match.group(), text[max(0, start - 24):start], text[end:end + 32]):
            yield start, end


@lru_cache(maxsize=1 << 16)   # prices and dates repeat, with the words around them
def is_safe_quantity(run: str, before: str, after: str) -> bool:
    """A date, a clock time or an amount (rule 1)."""
    if _DILUTION.fullmatch(run):
        return True
    pieces = [p for p in _PIECE_GAP.split(run) if p]
    if pieces and all(_DATE.fullmatch(p) or _TIME.fullmatch(p) for p in pieces):
        return BIRTH_WORD_BEFORE_DIGITS.search(before) is None
    if _KOREAN_DATE.match(run + after):
        return BIRTH_WORD_BEFORE_DIGITS.search(before) is None
    numbers = _RANGE_MARK.split(run.strip())
    if len(numbers) > 2 or not all(numbers):
        return False
    if all(_GROUPED.fullmatch(n) for n in numbers):
        return True
    unit = _UNIT_AFTER.match(after) is not None or _UNIT_BEFORE.search(before) is not None
    if unit and all(_GROUPED.fullmatch(n) or _PLAIN.fullmatch(n) or _LOOSE_GROUPED.fullmatch(n) for n in numbers):
        return True
    return _amount_with_unit(run, before, after)


def _amount_with_unit(run: str, before: str, after: str) -> bool:
    """An amount grouped by spaces or dots, or a count, beside a currency or count word of the shared
    data (1 500 000 вон, 2500-3000 grafts, 3000~4000모; vocabulary.quantities)."""
    from anonymise.vocabulary.quantities import is_amount_with_unit

    return is_amount_with_unit(run, before, after)


_KOREAN_TITLE = re.compile("|".join(sorted(map(re.escape, KOREAN_NAME_TITLES), key=len, reverse=True)))
_WORD_BEFORE = re.compile(r"(?<![\uac00-\ud7a3])([\uac00-\ud7a3]{3,4}) ?$")
_HANGUL_AFTER = re.compile(r"[\uac00-\ud7a3]{2}")


def titled_korean_names(text: str, vocabulary) -> Iterator[tuple[int, int]]:
    """(start, end) of each name-shaped Hangul word right before a title or honorific (김민수 씨).
    The titles are found first (a few per text), then the word before each."""
    for title in _KOREAN_TITLE.finditer(text):
        if _HANGUL_AFTER.match(text, title.end()):
            continue  # the title starts a longer word (씨앗, 님비)
        m = _WORD_BEFORE.search(text, max(0, title.start() - 6), title.start())
        if m and vocabulary.is_name_word(m.group(1), "ko") and not vocabulary.is_safe_term(m.group(1)):
            yield m.start(1), m.end(1)


# Titles and greetings that follow a person's name (not 的咨询 or 介绍, which follow anything).
_TITLED_CJK = re.compile(r"([\u4e00-\u9fff\u3400-\u4dbf]{2,4}) ?(?:%s)" % "|".join(
    sorted(map(re.escape, CJK_PERSON_TITLES), key=len, reverse=True)))


def titled_cjk_names(text: str, vocabulary) -> Iterator[tuple[int, int]]:
    """(start, end) of a surname-led Han word right before a personal title (王小明先生, 山田さん)."""
    if not _HAN.search(text):
        return
    quantities = None
    for m in _TITLED_CJK.finditer(text):
        start = vocabulary.han_name_before_title(m.group(1))  # the name is the end of the run: 请问王小明先生
        if start is None:
            continue
        if quantities is None:
            quantities = vocabulary.han_quantity_words(text)
        # 3小時, 韩币5万: a quantity beside its number, cut off the name as the anonymiser cuts it
        clear = vocabulary.han_name_clear_of_quantities(text, m.start(1) + start, m.end(1), quantities)
        if clear is not None:
            yield clear


def birth_dates_in_words(text: str) -> list[tuple[int, int]]:
    """(start, end) of each date written with a month word or in numeral words next to a birth word
    (родилась 7 марта 1985, lahir 5 Januari 1993, 칠십이년 삼월 구일생), and each date that is the whole answer
    on the line after a birth question (Q: Date of birth? / A: 4/11/87): its digits are short runs rule 1
    lets through and its words ordinary ones, so the date of birth is found by the shared reading of
    month, numeral and birth words (rule 1, in context). ``text`` has the anonymiser's output blanked
    (blank_anonymiser_output)."""
    worded = worded_birth_dates(text, blanked=True) if _DIGIT.search(text) else []
    return worded + numeral_birth_dates(text) + birth_answers(text)


def unsafe_thai(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each Thai word right after a personal title (rule 7)."""
    if not _THAI.search(text):
        return
    for title in _THAI_TITLE:
        for m in re.finditer(re.escape(title) + r"\s?([\u0e00-\u0e7f]+)", text):
            yield m.start(1), m.end(1)

