"""Rare occupations and titles (아나운서, 승무원, 국회의원, I'm a flight attendant): few people hold them, so
naming one narrows a patient down. Coarser form ``category``: the broader group (방송인, 항공 종사자,
정치인 / broadcaster ...), from data/occupations.tsv.

A Korean term counts when Kiwi reads it as a noun of its own (배우 "actor", not 배우고 "learning");
an English one only after a cue that it is the writer's or a person's job (I'm a, as a, work as,
former), since "pilot study" or "a judge of" are not jobs.
"""
from __future__ import annotations

import functools
import re

from anonymise.kiwi_model import shared_kiwi
from anonymise.quasi_identifiers.base import HANGUL, QuasiSpan, alternation, hangul_rest, korean_tail_ok, read_table

NAME = "RareOccupation"
TYPE = "OCCUPATION"

EN_CUE = re.compile(r"(?i)(?:\bI'm|\bI am|\bI was|\bas|\bwork(?:ing)? as|\bjob as|\bformer|\bretired|\bprofessional|"
                    r"\bmy (?:job|work) is|\bshe's|\bhe's|\bshe is|\bhe is)\s(?:an?\s)?(?:former\s)?$")


@functools.cache
def _terms() -> tuple[re.Pattern, re.Pattern, dict[str, tuple[str, str]]]:
    """(Korean pattern, English pattern, term -> (category ko, category en))."""
    table = {term: (ko, en) for term, ko, en in read_table("occupations.tsv")}
    korean = [t for t in table if HANGUL.search(t) or t == "BJ"]
    english = [t for t in table if t not in korean]
    return (re.compile(rf"(?<![가-힣])(?:{alternation(korean)})"),
            re.compile(rf"(?i)\b(?:{alternation(english)})s?\b"), table)


@functools.lru_cache(maxsize=50_000)
def _kiwi_reads_noun(word: str, term: str) -> bool:
    """Kiwi tokenises ``word`` with ``term`` as one noun (아나운서라서 -> 아나운서/NNG + …)."""
    joined = ""
    for token in shared_kiwi().tokenize(word):  # 국회의원 may come as 국회 + 의원: nouns that add up to it
        if token.tag not in ("NNG", "NNP", "SL") or not term.startswith(joined + token.form):
            break
        joined += token.form
        if joined == term:
            return True
    return False


class RareOccupation:
    name = NAME
    qi_type = TYPE

    def find(self, text: str) -> list[QuasiSpan]:
        korean, english, table = _terms()
        spans = []
        for match in korean.finditer(text):
            term, rest = match.group(0), hangul_rest(text, match.end())
            if rest and not korean_tail_ok(rest) and not rest.startswith(("님", "분", "이었", "였", "출신", "활동")):
                continue
            if HANGUL.match(term) and not _kiwi_reads_noun(term + rest, term):
                continue
            ko, en = table[term]
            spans.append(QuasiSpan(TYPE, *match.span(), NAME, {"category": ko}))
        for match in english.finditer(text):
            if not EN_CUE.search(text[max(0, match.start() - 30):match.start()]):
                continue
            key = next((t for t in table if t.lower() == match.group(0).lower().rstrip("s")
                        or t.lower() == match.group(0).lower()), None)
            if key is None:
                continue
            spans.append(QuasiSpan(TYPE, *match.span(), NAME, {"category": table[key][1]}))
        return spans
