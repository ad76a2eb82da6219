"""Tie the gate's findings to the consultations behind them, so a bad record is withheld, not the night.

A finding in a record's own text (academic/publishing rows, an FAQ entry's question, answer or
example, a recommended consultation, a search term of an entry) maps through the build's private
row map (reports/row_sources.py) to staging pseudonyms. Anything else is *untied* and blocks the
run: a forbidden table or column, key material, k or cell-size problems, an aggregate or comment
cell, a report file, a check that could not run, a row the map does not know.

For an entry's example questions the finding's evidence (kept in memory, never written) picks the
example(s) it is in; the search index (``fts_main_faq_entries``) maps a term to the entries whose
question and answer it was made from.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa

from anonymise.gate.findings import CheckReport, Finding
from anonymise.gate.text_view import digit_view, fold, normalise

# (release, table) -> column -> roles of the row map that column's text comes from.
TEXT_ROLES: dict[tuple[str, str], dict[str, tuple[str, ...]]] = {
    ("academic", "consultations"): {"question": ("record",), "answer": ("record",)},
    ("publishing", "cases"): {"question": ("record",), "answer": ("record",)},
    ("faq", "faq_entries"): {"question": ("question",), "answer": ("answer",), "example_questions": ("example",),
                             "search_text": ("question", "answer")},
    ("faq", "recommended_consultations"): {"question": ("record",), "answer": ("record",)},
}
FTS_DICT = ("faq", "fts_main_faq_entries.dict", "term")


@dataclass
class Withholding:
    records: dict[str, set[str]] = field(default_factory=dict)   # staging pseudonym -> finding kinds
    untied: list[Finding] = field(default_factory=list)

    def by_reason(self) -> dict[str, int]:
        """Records per finding kind (a record with two kinds of finding counts under both)."""
        counts: Counter = Counter(kind for kinds in self.records.values() for kind in kinds)
        return dict(counts.most_common())


def tie_findings(report: CheckReport, row_sources: Path, release_dir: Path) -> Withholding:
    """Which staging records ``report``'s blocking findings are in, and which findings are in no record."""
    result = Withholding()
    if report.overflow:
        result.untied.append(Finding("too_many_findings", "", "", "", "", f">{len(report.blocking)}"))
    targets: list[tuple] = []   # (finding index, release, table, row key, role, position)
    examples: list[tuple[int, Finding]] = []
    terms: list[tuple[int, Finding]] = []
    for index, finding in enumerate(report.blocking):
        roles = TEXT_ROLES.get((finding.release, finding.table), {}).get(finding.column)
        if (finding.release, finding.table, finding.column) == FTS_DICT:
            terms.append((index, finding))
        elif roles == ("example",):
            examples.append((index, finding))
        elif roles:
            targets += [(index, finding.release, finding.table, finding.row_id, role, None) for role in roles]
        else:
            result.untied.append(finding)
    if examples:
        for index, position in _example_positions(release_dir / "faq.duckdb", examples):
            finding = report.blocking[index]
            targets.append((index, "faq", "faq_entries", finding.row_id, "example", position))
    if terms:
        for index, faq_id in _term_entries(release_dir / "faq.duckdb", terms):
            targets += [(index, "faq", "faq_entries", faq_id, role, None) for role in ("question", "answer")]
    tied = _lookup(row_sources, targets)
    tieable = _tieable()
    for index, finding in enumerate(report.blocking):
        if (finding.release, finding.table, finding.column) not in tieable:
            continue
        pids = tied.get(index)
        if not pids:
            result.untied.append(finding)  # a row the map does not know: nobody to withhold
            continue
        for pid in pids:
            result.records.setdefault(pid, set()).add(finding.kind)
    return result


def _tieable() -> set[tuple[str, str, str]]:
    return {(release, table, column) for (release, table), columns in TEXT_ROLES.items() for column in columns} | {
        FTS_DICT}


_TARGETS = pa.schema([("finding", pa.int64()), ("release", pa.string()), ("table_name", pa.string()),
                      ("row_key", pa.string()), ("role", pa.string()), ("position", pa.int32())])


def _lookup(row_sources: Path, targets: list[tuple]) -> dict[int, set[str]]:
    """finding index -> staging pseudonyms, through the row map."""
    files = sorted(Path(row_sources).glob("*.parquet"))
    if not files or not targets:
        return {}
    table = pa.table({name: [t[i] for t in targets] for i, name in enumerate(_TARGETS.names)}, schema=_TARGETS)
    with duckdb.connect() as con:
        con.execute("SET threads = 1")
        con.register("targets", table)
        con.execute("SET VARIABLE row_source_files = ?", [[str(f) for f in files]])
        rows = con.execute("""
            SELECT t.finding, m.pseudo_consultation_id
            FROM targets t JOIN read_parquet(getvariable('row_source_files')) m
              ON m.release = t.release AND m.table_name = t.table_name AND m.row_key = t.row_key
             AND m.role = t.role AND m.position IS NOT DISTINCT FROM t.position""").fetchall()
    tied: dict[int, set[str]] = {}
    for index, pid in rows:
        tied.setdefault(index, set()).add(pid)
    return tied


def _example_positions(faq_db: Path, examples: list[tuple[int, Finding]]) -> list[tuple[int, int]]:
    """(finding index, 1-based position) of the example questions each finding's evidence is in."""
    wanted = sorted({f.row_id for _, f in examples})
    with duckdb.connect(str(faq_db), read_only=True) as con:
        lists = dict(con.execute("SELECT faq_id, example_questions FROM faq_entries WHERE faq_id IN "
                                 "(SELECT unnest(?))", [wanted]).fetchall())
    found = []
    for index, finding in examples:
        questions = lists.get(finding.row_id) or []
        hits = [i + 1 for i, q in enumerate(questions) if q is not None and _holds(q, finding.evidence)]
        found += [(index, p) for p in hits or range(1, len(questions) + 1)]  # not told apart: all of them
    return found


def _term_entries(faq_db: Path, terms: list[tuple[int, Finding]]) -> list[tuple[int, str]]:
    """(finding index, faq_id) of the entries each flagged search term was indexed from."""
    with duckdb.connect(str(faq_db), read_only=True) as con:
        rows = con.execute("""
            SELECT DISTINCT CAST(t.termid AS VARCHAR), d.name FROM fts_main_faq_entries.terms t
            JOIN fts_main_faq_entries.docs d USING (docid)
            WHERE CAST(t.termid AS VARCHAR) IN (SELECT unnest(?))""", [sorted({f.row_id for _, f in terms})]).fetchall()
    entries: dict[str, list[str]] = {}
    for termid, faq_id in rows:
        entries.setdefault(termid, []).append(faq_id)
    return [(index, faq_id) for index, finding in terms for faq_id in entries.get(finding.row_id, [])]


def _holds(text: str, evidence: str) -> bool:
    view, _, value = evidence.partition(":")
    if not value:
        return False
    normal = normalise(text)
    shown = {"normal": normal, "folded": fold(normal), "digits": digit_view(fold(normal))}.get(view, text)
    return value in shown
