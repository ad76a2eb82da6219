"""The FAQ book's content: faq.duckdb's entries grouped by interested area and language, most asked first.

The HTML page is templates/faq.html; this module loads the entries and writes the Markdown copy.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import duckdb

# Contract order of the source codes; codes outside it follow alphabetically, unknown (NULL) last.
AREA_ORDER = ["eyes", "nose", "face_contour", "breast", "body", "lifting", "skin", "hair", "other"]
LANGUAGE_ORDER = ["ko", "en", "zh", "ja"]

ENTRIES_SQL = """
SELECT faq_id, interested_area, language, question, answer, n_consultations, example_questions,
       first_month, last_month
FROM faq_entries
ORDER BY coalesce(list_position($areas, interested_area), 1000), interested_area NULLS LAST,
         coalesce(list_position($languages, language), 1000), language NULLS LAST,
         n_consultations DESC, faq_id
"""
RECOMMENDED_SQL = """
SELECT interested_area, rank, language, question, answer
FROM recommended_consultations
ORDER BY coalesce(list_position($areas, interested_area), 1000), interested_area NULLS LAST, rank
"""


@dataclass(frozen=True)
class FaqBook:
    info: dict[str, str]
    # area -> language -> entries (dicts with the faq_entries columns), in reading order
    groups: dict[str | None, dict[str | None, list[dict]]]
    recommended: dict[str | None, list[dict]]

    @property
    def areas(self) -> list[str | None]:
        """Areas with entries, then any area that only has recommended consultations."""
        return list(self.groups) + [area for area in self.recommended if area not in self.groups]

    @property
    def areas_too_small(self) -> list[str]:
        """Interested areas of the contract with no entry: too few similar questions to show one."""
        return [area for area in AREA_ORDER if area not in self.areas]

    @property
    def n_entries(self) -> int:
        return sum(len(entries) for by_language in self.groups.values() for entries in by_language.values())


def _dicts(cursor) -> list[dict]:
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]


def load(db_path: Path) -> FaqBook:
    order = {"areas": AREA_ORDER, "languages": LANGUAGE_ORDER}
    with duckdb.connect(str(db_path), read_only=True) as con:
        entries = _dicts(con.execute(ENTRIES_SQL, order))
        recommended_rows = _dicts(con.execute(RECOMMENDED_SQL, {"areas": AREA_ORDER}))
        info = dict(con.execute("SELECT key, value FROM release_info").fetchall())
    groups: dict = {}
    for entry in entries:
        groups.setdefault(entry["interested_area"], {}).setdefault(entry["language"], []).append(entry)
    recommended: dict = {}
    for row in recommended_rows:
        recommended.setdefault(row["interested_area"], []).append(row)
    return FaqBook(info, groups, recommended)


# Characters that change meaning anywhere in Markdown (`<PERSON>` would otherwise vanish as an HTML tag).
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
# ... and at the start of a line (headings, lists, quotes, numbered lists).
_LINE_START_SPECIAL = re.compile(r"^(\s*)([#+\->]|\d+[.)])", re.MULTILINE)


def md_escape(text: str | None) -> str:
    if text is None:
        return ""
    escaped = _INLINE_SPECIAL.sub(r"\\\1", text)
    return _LINE_START_SPECIAL.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)


def _md_block(text: str | None) -> str:
    """Multi-line text as Markdown with its line breaks kept."""
    return "  \n".join(md_escape(line) for line in (text or "").splitlines()) or "—"


def markdown(book: FaqBook, label: Callable[[str, str | None], str]) -> str:
    lines = ["# FAQ", ""]
    if book.info.get("as_of"):
        lines += [f"As of {md_escape(book.info['as_of'])} · run {md_escape(book.info.get('run_id', ''))} · "
                  f"{book.n_entries} entries, most asked first.", ""]
    for area in book.areas:
        lines += [f"## {md_escape(label('interested_area', area))}", ""]
        for language, entries in book.groups.get(area, {}).items():
            lines += [f"### {md_escape(label('language', language))}", ""]
            for rank, e in enumerate(entries, 1):
                lines += [f"#### {rank}. {md_escape(e['question'])}", "",
                          f"*{e['n_consultations']:,} consultations · {md_escape(e['first_month'])} – "
                          f"{md_escape(e['last_month'])} · {md_escape(e['faq_id'])}*", "",
                          _md_block(e["answer"]), ""]
                examples = [q for q in (e["example_questions"] or []) if q != e["question"]]
                if examples:
                    lines += ["Also asked as:", ""] + [f"- {md_escape(q)}" for q in examples] + [""]
        if book.recommended.get(area):
            lines += [f"### Recommended consultations · {md_escape(label('interested_area', area))}", ""]
            for r in book.recommended[area]:
                language = md_escape(label("language", r["language"]))
                lines += [f"{r['rank']}\\. **{md_escape(r['question'])}** ({language})", "", _md_block(r["answer"]), ""]
    return "\n".join(lines)
