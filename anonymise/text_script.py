"""Which language a text is written in, from the share of each script it uses."""
from __future__ import annotations

import re

LANGUAGES = ("ko", "en", "zh", "ja")

HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
KANA = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff]")
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
# One Hangul/Han character carries about as much text as three Latin letters.
CJK_WEIGHT = 3


def detect_language(text: str) -> str:
    """'ko', 'ja', 'zh' or 'en' from the share of each script (Kana decides Japanese over Han)."""
    hangul = len(HANGUL.findall(text))
    kana = len(KANA.findall(text))
    han = len(HAN.findall(text))
    latin = len(LATIN.findall(text))
    if not (hangul or kana or han):
        return "en"
    if kana and kana + han >= hangul:
        return "ja"
    if hangul >= han:
        return "ko" if hangul * CJK_WEIGHT >= latin else "en"
    return "zh" if han * CJK_WEIGHT >= latin else "en"
