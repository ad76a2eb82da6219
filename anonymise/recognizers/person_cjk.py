"""Chinese and Japanese names written in Han/Kana script, found by the cues around them.

Chinese and Japanese text has no spaces, so a name's extent comes from what surrounds it: a cue
before (我叫, 朋友, 友人の, 私は), an honorific or phrase after (您好, 先生, さん, 様, と申します), or a line
that holds nothing but a surname-led name (a signature). A known surname must start the name
unless an honorific follows it directly. A surname-led name with no cue at all (王思远和我) is left to
the safe-list pass (anonymise/cjk_safe_list.py).
"""
from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from anonymise import vocabulary
from anonymise.cjk_safe_list import FUNCTION_CHARACTERS
from anonymise.name_data import (CHINESE_NAME_CUES_AFTER, CHINESE_NAME_CUES_BEFORE, CHINESE_SURNAME_TITLES,
                                 CHINESE_SURNAMES, CJK_HONORIFICS, CJK_NOT_NAMES, JAPANESE_SURNAMES,
                                 KOREAN_HANJA_SURNAMES, ONE_CHARACTER_SURNAMES)
from anonymise.recognizers import gates
from anonymise.recognizers.person_base import PersonNameRecognizer

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々"
KATAKANA = r"\u30a1-\u30fa\u30fc"
KANA = re.compile(r"[\u3041-\u30fa]")
CUES_BEFORE = "|".join(sorted(map(re.escape, CHINESE_NAME_CUES_BEFORE), key=len, reverse=True))
CUES_AFTER = "|".join(sorted(map(re.escape, CHINESE_NAME_CUES_AFTER), key=len, reverse=True))
# A name is 2-4 Han characters (an optional space between family and given name) or Katakana.
HAN_NAME = rf"[{HAN}]{{1,3}}[ \u3000]?[{HAN}]{{1,2}}"
KANA_NAME = rf"[{KATAKANA}]{{2,10}}(?:[・ ][{KATAKANA}]{{2,10}})?"
# Japanese given names are often in Hiragana after a Kanji surname (中村あゆみ).
MIXED_NAME = (rf"[{HAN}]{{1,3}}[ \u3000]?(?:(?!です|さん|さま|と申|と言)[\u3041-\u3096]){{2,4}}"
              rf"(?=です|さん|様|さま|と申|と言|、|。|\s|$)")
CUE_THEN_NAME = re.compile(rf"(?:{CUES_BEFORE})[ \u3000:：]*({MIXED_NAME}|{HAN_NAME}|{KANA_NAME})")
# A surname alone with a title (刘医生, 王先生, 朴さん, 森様) still points at one person.
# "我姓李": a surname given on its own.
SURNAME_ONLY = re.compile(rf"(?:我姓|姓)([{HAN}])(?=[，,。.、\s]|$)")
SURNAME_TITLE = re.compile(rf"(?<![{HAN}])([{HAN}])(?=%s)" % "|".join(map(re.escape, CHINESE_SURNAME_TITLES)))
NAME_THEN_CUE = re.compile(rf"(?<![{HAN}おご])({MIXED_NAME}|{HAN_NAME}|{KANA_NAME})[ \u3000]?(?={CUES_AFTER})")
# Honorifics only ever follow a person; phrases such as です or 介绍 need a surname to be trusted.
HONORIFIC = re.compile("(?:%s)" % "|".join(map(re.escape, CJK_HONORIFICS)))
SIGNATURE_LINE = re.compile(rf"(?m)^[ \t\u3000]*({HAN_NAME})[ \t\u3000]*$")
# "林恵です。" opening a line: a Japanese self-introduction with the name first.
NAME_DESU = re.compile(rf"(?m)^[ \t\u3000]*({HAN_NAME})(?:です|と申します)(?=[。、.!！\s]|$)")
# An alias or a reading of a name given after its label (通名は金本です, 旧姓：高村, フリガナ：ヤマモト ハナコ,
# 漢字：朴秀妍): whatever the value's words are, the label says they are a name. 漢字 and 読み are also
# ordinary words, so only with a colon; the name labels with は or a space too.
NAME_LABELS = ("通名", "通称", "旧姓", "本名", "旧名", "氏名", "名前", "本名字", "中文名", "汉字名", "漢字名", "微信名",
               "微信昵称", "昵称", "暱稱", "签名", "簽名", "投稿者", "ニックネーム", "ハンドルネーム")
READING_LABELS = ("フリガナ", "ふりがな", "よみがな", "ヨミガナ", "読み仮名", "読みがな", "読み方", "読み", "漢字表記", "漢字",
                  "汉字", "カナ", "かな")
NAME_RUN = rf"[{HAN}{KATAKANA}\u3041-\u3096]{{1,10}}(?:[ \u3000・][{HAN}{KATAKANA}\u3041-\u3096]{{1,10}}){{0,2}}"
LABEL_THEN_NAME = re.compile(
    rf"(?:(?:{'|'.join(NAME_LABELS)})(?:[ \u3000]*(?:[:：]|は)|[ \u3000])|(?:{'|'.join(READING_LABELS)})[ \u3000]*[:：])[ \u3000]*({NAME_RUN})")
# What follows the value without being part of it (です, と申します, で、).
AFTER_LABELLED = re.compile(r"(?:です|でした|でしたが|だった|と申|といい|と言い|になり|でござい|で(?=[、。,.]|$)|と(?=[、。]))")
STRONG, MEDIUM = 0.85, 0.6


def has_surname(name: str) -> bool:
    compact = name.replace(" ", "").replace("\u3000", "")
    return compact[:1] in CHINESE_SURNAMES or compact[:2] in CHINESE_SURNAMES or any(
        compact.startswith(s) for s in JAPANESE_SURNAMES) or compact[:1] in KOREAN_HANJA_SURNAMES or \
        compact[:2] in KOREAN_HANJA_SURNAMES


def trim_to_name(candidate: str) -> str:
    """Cut a run of Han characters before the first cue that follows the name (郑丽华介绍来的 -> 郑丽华)."""
    cut = re.search(CUES_AFTER, candidate[1:])
    return candidate[:cut.start() + 1] if cut else candidate


def cut_before_word(text: str, start: int, name: str) -> str:
    """A Chinese name glued to what follows it cut where a word of two or more characters starts after
    the surname and one given-name character (主治医生张伟已经看过了 -> 张伟): Chinese given names are
    one or two characters, and the sentence goes on with words or grammar (刘建国说 -> 刘建国). Not a
    Japanese name (佐藤健太郎) nor in Japanese text."""
    compact = name.replace(" ", "").replace("\u3000", "")
    if compact != name or KANA.search(text) or any(name.startswith(s) for s in JAPANESE_SURNAMES):
        return name
    surname = 2 if compact[:2] in CHINESE_SURNAMES else 1
    for cut in range(surname + 1, min(len(name), surname + 3)):
        if name[cut] in FUNCTION_CHARACTERS or \
                any(vocabulary.is_ordinary_word(text[start + cut:start + cut + k], "zh") for k in (2, 3)
                    if start + cut + k <= len(text)):  # at the text's end one character is no word after the name
            return name[:cut]
    return name[:surname + 2]


def is_name(name: str) -> bool:
    compact = name.replace(" ", "").replace("\u3000", "")
    return 2 <= len(compact) <= 5 and compact not in CJK_NOT_NAMES and not any(
        compact.endswith(w) or compact.startswith(w) for w in CJK_NOT_NAMES if len(w) >= 2)


class CjkNameRecognizer(PersonNameRecognizer):
    """Chinese and Japanese personal names in Han or Katakana script."""
    TEXT_GATES = (gates.HAN_OR_KANA,)
    LANGUAGE = "zh"

    def find(self, text: str) -> list[RecognizerResult]:
        results = []
        for match in CUE_THEN_NAME.finditer(text):
            name = cut_before_word(text, match.start(1), trim_to_name(match.group(1)))
            katakana = re.fullmatch(KANA_NAME, name) is not None
            if is_name(name) and (katakana or has_surname(name)):
                results.append(RecognizerResult("PERSON", match.start(1), match.start(1) + len(name), STRONG))
        for match in NAME_THEN_CUE.finditer(text):
            name = match.group(1)
            honorific = HONORIFIC.match(text, match.end()) is not None
            if is_name(name) and (has_surname(name) or honorific):
                score = STRONG if has_surname(name) else MEDIUM
                results.append(RecognizerResult("PERSON", match.start(1), match.end(1), score))
        for match in LABEL_THEN_NAME.finditer(text):
            name = match.group(1)
            cut = AFTER_LABELLED.search(name, 1)
            name = name[:cut.start()] if cut else name
            if name and name not in CJK_NOT_NAMES and (len(name) > 1 or name in ONE_CHARACTER_SURNAMES):
                results.append(RecognizerResult("PERSON", match.start(1), match.start(1) + len(name), STRONG))
        for match in SURNAME_ONLY.finditer(text):
            if match.group(1) in CHINESE_SURNAMES:
                results.append(RecognizerResult("PERSON", match.start(1), match.end(1), MEDIUM))
        for match in SURNAME_TITLE.finditer(text):
            if match.group(1) in ONE_CHARACTER_SURNAMES:
                results.append(RecognizerResult("PERSON", match.start(1), match.end(1), MEDIUM))
        for match in NAME_DESU.finditer(text):
            compact = match.group(1).replace(" ", "").replace("\u3000", "")
            if is_name(compact) and any(compact.startswith(s) for s in JAPANESE_SURNAMES):
                results.append(RecognizerResult("PERSON", match.start(1), match.end(1), STRONG))
        for match in SIGNATURE_LINE.finditer(text):
            if is_name(match.group(1)) and has_surname(match.group(1)):
                results.append(RecognizerResult("PERSON", match.start(1), match.end(1), MEDIUM))
        return _clear_of_quantities(text, results)


def _clear_of_quantities(text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
    """Each name without the quantity words it overlaps (3小時陳先生 -> 陳, 50万王建国 -> 王建国), by the
    rule the safe-list pass and the leak gate read (vocabulary.han_name_clear_of_quantities)."""
    quantities = vocabulary.han_quantity_words(text)
    if not quantities:
        return results
    kept = []
    for result in results:
        clear = vocabulary.han_name_clear_of_quantities(text, result.start, result.end, quantities)
        if clear is not None:
            kept.append(RecognizerResult(result.entity_type, *clear, result.score))
    return kept


RECOGNIZERS = [CjkNameRecognizer]
