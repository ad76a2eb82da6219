"""PERSON, ID and MEMBER_ID by the form label before them (labels: vocabulary/form_labels.tsv).

Copied forms, wristbands, receipts and tables put a value after its label, and the label says what
the value is whatever its letters are:
- after a name label, or a doctor label and its colon, a value written letter-spaced (성명: 김 하 늘,
  氏名：山 田 花 子, Name: J O N  A S) goes whole: single letters one to three spaces apart, to where they
  end (원장 한 번 더 is prose);
- after a doctor label, a Han or Kana name (担当医 鈴木花子, 主治医师：刘志强) with a surname, or a
  capitalised Latin name after a colon (Attending: Dr. Rowan Pike) that is not ordinary words;
- after an identifier label, a number however short (会員番号 4471, 면허번호 제 12345 호, 차트번호 88);
  after a label that may also count or size (No., Room, 병실) only from three digits on (No. 2 syringe
  stays), and never a quantity (a unit after it);
- after a user label, a login-shaped token (printed by u8812, 출력자: kim_h);
- in a table (cells split by tabs or |), a number in a column headed by an identifier, room or bed
  label (not No. or #: that column counts the rows).
The labels themselves stay (vocabulary.is_form_label).
"""
from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult

from anonymise import vocabulary
from anonymise.name_data import LATIN_TITLE
from anonymise.recognizers import gates
from anonymise.recognizers.person_cjk import has_surname, is_name, trim_to_name
from anonymise.vocabulary.form_labels import is_form_label, label_pattern

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々"
KANA = "\u3041-\u3096\u30a1-\u30fa\u30fc"
CJK_LETTER = f"{HAN}{KANA}가-힣"
# A label is a word of its own in its script: not the end of a longer one (電話番号 is no 番号).
LABEL_START = rf"(?<![{CJK_LETTER}])"
COLON = r"[ \t\u3000]*[:：][ \t\u3000]*"
# After a label, a colon or spaces (a Latin label of a person needs the colon: "the name J" is prose).
MARK = rf"(?:{COLON}|[ \t\u3000]+)"
PERSON_LABEL = label_pattern(("name", "doctor"))
SPACED_LETTER = rf"[A-Za-z{CJK_LETTER}]"
SPACED_VALUE = re.compile(rf"{LABEL_START}(?P<label>{PERSON_LABEL})(?P<mark>{MARK})"
                          rf"(?P<value>{SPACED_LETTER}(?:[ \t\u3000]{{1,3}}{SPACED_LETTER}){{2,}})(?![A-Za-z{CJK_LETTER}])")
DOCTOR_LABEL = label_pattern(("doctor",))
HAN_NAME = rf"[{HAN}]{{1,3}}[ \u3000]?[{HAN}]{{1,3}}|[\u30a1-\u30fa\u30fc]{{2,10}}(?:[・ ][\u30a1-\u30fa\u30fc]{{2,10}})?"
DOCTOR_HAN = re.compile(rf"{LABEL_START}(?:{DOCTOR_LABEL}){MARK}(?P<value>{HAN_NAME})")
LATIN_TITLE_BEFORE = rf"(?:{LATIN_TITLE}\.?[ \t]+)?"
DOCTOR_LATIN = re.compile(rf"(?<![A-Za-z])(?:{DOCTOR_LABEL}){COLON}{LATIN_TITLE_BEFORE}"
                          rf"(?P<value>[A-Z][a-z'’-]+(?:[ \t][A-Z][a-z'’-]+){{0,2}})")
ID_LABEL, WEAK_ID_LABEL = label_pattern(("id",)), label_pattern(("weak-id", "room"))
# A number after the label, maybe in 제 … 호 (면허번호 제 12345 호) or after № / #.
NUMBER = r"(?:제[ \t]?)?[#№]?[ \t]?(?P<value>\d(?:-?\d){0,11})(?![\d.,]?\d)"
# What makes the number a quantity, not an identifier (No. 300 units, 병실 3개, 番号 5回).
QUANTITY_AFTER = re.compile(r"[ \t]?(?:회|번|개|차|명|년|월|일|세|살|원|만|시|분|주|개월|cc|ml|mg|mm|cm|kg|g|%|"
                            r"units?|shots?|times?|days?|weeks?|months?|years?|回|個|本|枚|円|元|次|歳|岁|人|年|月|日|時|分)"
                            r"(?![A-Za-z])", re.IGNORECASE)
ID_VALUE = re.compile(rf"{LABEL_START}(?:{ID_LABEL}){MARK}?{NUMBER}")
WEAK_ID_VALUE = re.compile(rf"{LABEL_START}(?:{WEAK_ID_LABEL})(?:{MARK}|\.)?{NUMBER}")
WEAK_ID_DIGITS = 3
# After No./Room a longer number is another recognizer's (driver license no. …): its type wins there.
SHORT_ID_DIGITS = 5
USER_LABEL = label_pattern(("user",))
USER_VALUE = re.compile(rf"{LABEL_START}(?:{USER_LABEL}){MARK}(?P<value>[A-Za-z][A-Za-z0-9._-]{{1,30}}[A-Za-z0-9])"
                        rf"(?![A-Za-z0-9@])")
LOGIN_MARK = re.compile(r"[\d._]")
TABLE_SEPARATOR = re.compile(r"\t|[ \t]*\|[ \t]*")
TABLE_NUMBER = re.compile(r"[#№]?\d{1,12}")
SCORE = 0.85


def _ordinary_latin(words: str) -> bool:
    return all(vocabulary.is_ordinary_word(w, "en") and not vocabulary.is_name_word(w, "en") for w in words.split())


def _spaced(text: str) -> list[tuple[int, int, str]]:
    # A Latin label is also a word of prose (the name I gave), a doctor's may open prose (원장 한 번 더): their colon.
    return [(m.start("value"), m.end("value"), "PERSON") for m in SPACED_VALUE.finditer(text)
            if ":" in m.group("mark") or "：" in m.group("mark") or
            not (m.group("label").isascii() or is_form_label(m.group("label"), ("doctor",)))]


def _doctors(text: str) -> list[tuple[int, int, str]]:
    found = []
    for match in DOCTOR_HAN.finditer(text):
        name = trim_to_name(match.group("value"))
        if is_name(name) and (has_surname(name) or re.fullmatch(f"[{KANA}・ ]+", name)) and \
                not vocabulary.is_safe_term(name):
            found.append((match.start("value"), match.start("value") + len(name), "PERSON"))
    for match in DOCTOR_LATIN.finditer(text):
        if not _ordinary_latin(match.group("value")) and not vocabulary.is_safe_term(match.group("value")):
            found.append((match.start("value"), match.end("value"), "PERSON"))
    return found


def _identifier(text: str, match: re.Match, min_digits: int, max_digits: int = 12) -> bool:
    digits = sum(c.isdigit() for c in match.group("value"))
    return min_digits <= digits <= max_digits and QUANTITY_AFTER.match(text, match.end("value")) is None


def _ids(text: str) -> list[tuple[int, int, str]]:
    found = [(m.start("value"), m.end("value"), "ID") for m in ID_VALUE.finditer(text) if _identifier(text, m, 1)]
    found += [(m.start("value"), m.end("value"), "ID") for m in WEAK_ID_VALUE.finditer(text)
              if _identifier(text, m, WEAK_ID_DIGITS, SHORT_ID_DIGITS)]
    found += [(m.start("value"), m.end("value"), "MEMBER_ID") for m in USER_VALUE.finditer(text)
              if LOGIN_MARK.search(m.group("value")) or not (vocabulary.is_ordinary_word(m.group("value"), "en")
                                                             or vocabulary.is_safe_term(m.group("value")))]
    return found


def _table_columns(text: str) -> list[tuple[int, int, str]]:
    """Numbers in a table's column headed by an identifier, room or bed label (병실 | 구분 / 12 | ...)."""
    found, header, position = [], None, 0
    for line in text.split("\n"):
        cells, at = [], 0
        for sep in TABLE_SEPARATOR.finditer(line):
            cells.append((at, sep.start()))
            at = sep.end()
        cells.append((at, len(line)))
        if len(cells) < 2:
            header = None
        elif header is None:
            header = [is_form_label(line[s:e].strip(), ("id", "room")) for s, e in cells]
        else:
            for column, (s, e) in enumerate(cells):
                cell = line[s:e].strip()
                if column < len(header) and header[column] and TABLE_NUMBER.fullmatch(cell):
                    start = position + s + line[s:e].index(cell)
                    found.append((start, start + len(cell), "ID"))
        position += len(line) + 1
    return found


class FormLabelValueRecognizer(EntityRecognizer):
    """Names and identifiers after the labels of a form, a wristband, a receipt or a table's header."""
    TEXT_GATES = (gates.gate(label_pattern(("name", "doctor", "id", "weak-id", "room", "user"))),)
    ENTITIES = ["PERSON", "ID", "MEMBER_ID"]

    def __init__(self):
        super().__init__(supported_entities=self.ENTITIES, name="FormLabelValueRecognizer", supported_language="ko")

    def load(self) -> None:  # rules and the label list only
        pass

    def analyze(self, text, entities, nlp_artifacts=None):
        wanted = set(entities or self.ENTITIES)
        spans = _spaced(text) + _doctors(text) + _ids(text) + (_table_columns(text) if "\t" in text or "|" in text else [])
        return [RecognizerResult(kind, s, e, SCORE) for s, e, kind in dict.fromkeys(spans) if kind in wanted]


RECOGNIZERS = [FormLabelValueRecognizer]
