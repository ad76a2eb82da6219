"""The asking part of a consultation, for FAQ entries.

A consultation wraps its question in greetings, who is writing, where to send papers and how to
call back ("<PERSON>인데요, 문의 좀 드릴게요. … 택배는 <ADDRESS>로 보내주세요."). A content writer
wants the question itself, and clustering works better on it too. Sentences that ask something
and mention nobody are kept; when none do, the sentences without a placeholder; failing that, the
text as it was.
"""
from __future__ import annotations

import re

SENTENCE = re.compile(r"[^.?!。？！\n]+[.?!。？！]*")
PLACEHOLDER = re.compile(r"<[A-Z_]+>")
# Korean interrogative endings, Chinese/Japanese question particles, English question openers.
ASKS = re.compile(
    r"[?？]|(?:나요|까요|가요|인가요|는지요|을지|는지|ㄹ지|되죠|하죠|있죠|맞죠|궁금해요|궁금합니다|궁금하네요|알려주세요|"
    r"알고 싶어요|알고 싶습니다|문의드려요|문의드립니다)\s*[.!~]*$|吗|呢|ですか|ますか|でしょうか|"
    r"^\s*(?:how|what|when|where|which|why|who|can|could|is|are|do|does|did|will|would|should|may|shall)\b",
    re.IGNORECASE)


def core_question(text: str | None) -> str | None:
    if text is None:
        return None
    sentences = [s.strip() for s in SENTENCE.findall(text) if s.strip()]
    clean = [s for s in sentences if not PLACEHOLDER.search(s)]
    asking = [s for s in clean if ASKS.search(s)]
    chosen = asking or clean
    return " ".join(chosen) if chosen else text.strip()
