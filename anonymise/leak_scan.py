"""The leak check: a release folder passes only if nothing in it identifies a person. Fails closed.

What it checks, release by release (each finding names kind, release, table, column, row id and
a *masked* value, never the value in clear):
1. ``source:<kind>`` — every personal value of the source (anonymise.needles) in any cell of any
   table (all schemas, all columns cast to text, the FTS index tables included), in table and
   column comments, and in the text files of the folder (manifest, HTML/Markdown reports).
   Aho–Corasick (on needle prefixes, anonymise.needles.Matcher) over batches of rows, so the
   cost is one pass over the text whatever the number of needles. Weak values (see
   anonymise.needles: a given name without honorific, a birth date ...) are warnings; digits
   inside a hex pseudonym are not a phone. In HTML reports a bundled script library
   (>= 50,000 characters) is skipped: it is code, not release content.
2. ``rescan:<ENTITY>`` — the anonymiser's own Presidio analyzer re-run on every cell that still
   holds a run of >= 9 digits (after joining separators) or an '@': that is where a phone, RRN,
   card, account or e-mail can hide, and it keeps the re-scan cheap on 1M rows. A structured
   entity (phone, RRN, e-mail, card ...) at or above the anonymiser's threshold blocks: the
   anonymiser would have removed it. Other entities (PERSON from NER on anonymised text is
   noise-prone) are warnings. Placeholders (<PHONE>) and surrogates (환자 A) hold no digits
   and no '@', so they are never re-scanned.
3. ``forbidden_table`` / ``forbidden_column`` — any table, view or column not in
   reports/release_allowlist.toml (tables outside ``main``, such as the FTS index, are listed
   there schema-qualified); ``missing_release`` / ``unknown_release`` for database files.
4. ``k_anonymity`` (academic groups over the quasi-identifiers below k), ``small_cell``
   (advertiser counts below the minimum), ``suppression_inconsistent`` (a suppressed cell with
   a count) and ``derivable_suppressed_cell`` (a table, row or column with exactly one
   suppressed cell: the published totals give it away).
5. ``key_material`` — the pseudonym key (raw bytes, hex either case, base64) in any cell or in
   the bytes of any file of the folder, the .duckdb files included.
Any error while checking (unreadable database, unknown structure, unreadable source) is a
``check_error`` finding: a check that could not run never passes.
"""
from __future__ import annotations

import base64
import bisect
import os
import re
import time
import tomllib
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Literal

import duckdb

from anonymise.entity_types import STRUCTURED
from anonymise.masking import mask
from anonymise.needles import (COMMON_ROMANISED_SURNAMES, HONORIFICS, Needle, NeedleSet, add_key, build_needles,
                               digit_view, digits_of, fold, normalise)
from flows.config import Settings
from flows.sources import UnparsedRow, open_source

ALLOWLIST_FILE = Path(__file__).resolve().parent.parent / "reports" / "release_allowlist.toml"
ACADEMIC_QUASI_IDENTIFIERS = ("age_band", "sex", "region", "interested_area", "month")
DIGIT_RULES = ("digits", "digits_bounded")
ROW_ID_COLUMNS = ("faq_id", "pseudo_id", "case_id", "key", "docid", "termid", "name")
TEXT_FILE_SUFFIXES = {".md", ".json", ".html", ".htm", ".txt", ".csv", ".toml", ".yaml", ".yml", ".xml", ".svg"}
EMBEDDED_LIBRARY_CHARS = 50_000
_EMBEDDED_LIBRARY = re.compile(r"<(script|style)\b[^>]*>(.*?)</\1\s*>", re.IGNORECASE | re.DOTALL)
MAX_LISTED_PER_KIND = 200   # every finding is counted; the report lists this many per kind
BATCH_ROWS = 20_000
NEEDLE_CHUNK_ROWS = 5_000
# Hex pseudonyms hold digit runs too: a run inside hex letters is not a candidate.
_RESCAN_CANDIDATE = re.compile(r"(?<![0-9a-f])\d{9,}(?![0-9a-f])|@\w")
# The same, found faster (its lookbehind at every character made it a third of the check at 1M):
# runs of 9+ digits first, the exact pattern only around them, and '@' only when there is one.
_LONG_RUN, _AT_WORD = re.compile(r"\d{9,}"), re.compile(r"@\w")
_ROW, _CELL = "\x00", "\x01"

Severity = Literal["block", "warn"]


@dataclass(frozen=True)
class Finding:
    kind: str
    release: str
    table: str
    column: str
    row_id: str
    masked: str
    severity: Severity = "block"


@dataclass
class CheckReport:
    findings: list[Finding] = field(default_factory=list)
    findings_by_kind: dict[str, int] = field(default_factory=dict)   # blocking findings
    warnings_by_kind: dict[str, int] = field(default_factory=dict)   # weak, non-blocking
    seconds: float = 0.0
    needles: int = 0
    cells_rescanned: int = 0

    @property
    def passed(self) -> bool:
        return not self.findings_by_kind

    def add(self, finding: Finding) -> None:
        counts = self.findings_by_kind if finding.severity == "block" else self.warnings_by_kind
        counts[finding.kind] = counts.get(finding.kind, 0) + 1
        if counts[finding.kind] <= MAX_LISTED_PER_KIND:
            self.findings.append(finding)

    def to_dict(self) -> dict:
        return {"passed": self.passed, "seconds": round(self.seconds, 3),
                "findings_by_kind": dict(self.findings_by_kind), "warnings_by_kind": dict(self.warnings_by_kind),
                "needles": self.needles, "cells_rescanned": self.cells_rescanned,
                "findings": [asdict(f) for f in self.findings]}

    def to_markdown(self) -> str:
        lines = [f"# Leak check: {'PASSED' if self.passed else 'BLOCKED'}", "",
                 f"{self.needles} source values searched, {self.cells_rescanned} cells re-scanned with Presidio, "
                 f"{self.seconds:.1f} s.", ""]
        for title, counts in (("Blocking findings", self.findings_by_kind), ("Warnings (not blocking)",
                                                                              self.warnings_by_kind)):
            lines += [f"## {title}", ""]
            lines += [f"- {kind}: {n}" for kind, n in sorted(counts.items())] or ["none"]
            lines.append("")
        if self.findings:
            lines += ["## Findings (masked; at most %d listed per kind)" % MAX_LISTED_PER_KIND, "",
                      "| severity | kind | release | table | column | row | value |", "|---|---|---|---|---|---|---|"]
            lines += [f"| {f.severity} | {f.kind} | {f.release} | {f.table} | {f.column} | {_md(f.row_id)} | "
                      f"{_md(f.masked)} |" for f in self.findings]
        return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


# ------------------------------------------------------------------ matching text against needles

@dataclass(frozen=True)
class Hit:
    view: str        # the searched view of the batch (normalised or digit view); locate() maps back
    start: int
    needle: Needle
    strength: str


class Haystack:
    """A batch of rows (cells joined by \\x01, rows by \\x00) in the views the needles are matched in."""

    def __init__(self, rows: list[str]):
        self.rows = rows
        self.normal = normalise(_ROW.join(rows))
        self.folded = fold(self.normal)
        self.digits = digit_view(self.folded)
        self._row_starts: dict[int, list[int]] = {}

    def locate(self, view: str, pos: int) -> tuple[int, int]:
        """(row, cell) of offset ``pos`` in ``view``."""
        starts = self._row_starts.get(id(view))
        if starts is None:
            starts = self._row_starts[id(view)] = [m.end() for m in re.finditer(_ROW, view)]
        row = bisect.bisect_right(starts, pos)
        row_start = starts[row - 1] if row else 0
        return row, view.count(_CELL, row_start, pos)

    def hits(self, text_matcher, digit_matcher) -> Iterator[Hit]:
        """Verified hits; a hit inside a longer one (Clara in Clara Whitfield) is left to the longer."""
        for matcher, view in ((text_matcher, self.folded), (digit_matcher, self.digits)):
            if matcher is None:
                continue
            spans = []
            for start, end, needle in matcher.find(view):
                strength = self._verify(needle, view, start, end)
                if strength:
                    spans.append((start, end, needle, strength))
            reach = -1
            for start, end, needle, strength in sorted(spans, key=lambda s: (s[0], -s[1])):
                if end <= reach:
                    continue
                reach = end
                yield Hit(view, start, needle, strength)

    def _verify(self, needle: Needle, view: str, start: int, end: int) -> str | None:
        """The hit's strength, or None when the match is part of a longer word or number."""
        before = view[start - 1] if start else " "
        after = view[end] if end < len(view) else " "
        rule = needle.rule
        if rule in ("ascii_word", "latin_name") and (_ascii_alnum(before) or _ascii_alnum(after)):
            return None
        if rule == "digits_bounded" and (before.isdigit() or after.isdigit()):
            return None
        if rule == "latin_name":
            capitalised = self.normal[start].isupper()
            common = view[start:end] in COMMON_ROMANISED_SURNAMES
            return "strong" if capitalised and not common else "weak"
        if rule == "given_name":
            following = view[end:end + 4].lstrip(" ")
            return "strong" if following.startswith(HONORIFICS) else "weak"
        return needle.strength

    def rescan_candidates(self) -> set[tuple[int, int]]:
        view = self.digits
        starts = [m.start() for run in _LONG_RUN.finditer(view)
                  for m in _RESCAN_CANDIDATE.finditer(view, run.start(), run.end() + 1)]
        if "@" in view:
            starts += [m.start() for m in _AT_WORD.finditer(view)]
        return {self.locate(view, start) for start in starts}

    def cell_text(self, row: int, cell: int) -> str:
        return self.rows[row].split(_CELL)[cell]


def _ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


# ------------------------------------------------------------------ the check

@dataclass
class _Context:
    settings: Settings
    needles: NeedleSet
    matchers: tuple
    key: bytes
    report: CheckReport
    analyze: object  # anonymise.engine.analyze_text, imported once


def check_release(source_spec: str, release_dir: Path, settings: Settings, key: bytes | None = None,
                  *, needles: NeedleSet | None = None, allowlist: Path = ALLOWLIST_FILE,
                  files_only: bool = False) -> CheckReport:
    """Check every file of ``release_dir`` against the source's personal values and the release rules.

    ``needles`` may be passed to reuse the source's needles (the canary self-test does); the key's
    hex form is added to them. ``key`` defaults to the pseudonym key of ``settings`` (environment, then key file).
    ``files_only`` skips the databases: the flow uses it for the manifest and reports rendered
    after the databases were checked.
    """
    started = time.perf_counter()
    report = CheckReport()
    release_dir = Path(release_dir)
    try:
        key = key if key is not None else resolve_key(settings)
        if needles is None:
            needles = source_needles(source_spec, settings)
        add_key(needles, key)
        allowed = _load_allowlist(allowlist)
        from anonymise.engine import analyze_text
    except Exception as exc:  # noqa: BLE001 - fail closed, and name only the exception type (no data)
        report.add(Finding("check_error", "", "", "", "", type(exc).__name__))
        report.seconds = time.perf_counter() - started
        return report
    report.needles = len(needles)
    ctx = _Context(settings, needles, needles.matchers(), key, report, analyze_text)
    present = {p.stem: p for p in release_dir.glob("*.duckdb")} if release_dir.is_dir() else {}
    for release in [] if files_only else sorted(set(allowed) | set(present)):
        if release not in allowed:
            report.add(Finding("unknown_release", release, "", "", "", present[release].name))
        elif release not in present:
            report.add(Finding("missing_release", release, "", "", "", f"{release}.duckdb"))
        else:
            _guarded(ctx, release, "", lambda r=release: _check_database(ctx, r, present[r], allowed[r]))
    _guarded(ctx, "", "(files)", lambda: _check_files(ctx, release_dir))
    report.seconds = time.perf_counter() - started
    return report


def resolve_key(settings: Settings) -> bytes:
    """The pseudonym key from the environment variable or key file named in settings; never created here."""
    from_env = os.environ.get(settings.anonymise.key_env)
    if from_env:
        return bytes.fromhex(from_env.strip())
    key_file = settings.anonymise.key_file
    if key_file is not None and key_file.exists():
        return bytes.fromhex(key_file.read_text().strip())
    raise LookupError("no pseudonym key available to search for")


def source_needles(source_spec: str, settings: Settings) -> NeedleSet:
    # Rows arrive as dicts with their question and answer text, of which a few columns are used:
    # small chunks keep that transient small (memory flat with the source, see NeedleIndex).
    source = open_source(source_spec, settings.source.model_copy(
        update={"chunk_rows": min(settings.source.chunk_rows, NEEDLE_CHUNK_ROWS)}))
    chunks = {table: (_parsed(chunk) for chunk in source.iter_chunks(table)) for table in ("members", "consultations")}
    return build_needles(chunks)


def _parsed(chunk: list[dict]) -> list[dict]:
    # An unparseable line is quarantined, never released; its raw text is not a column value.
    return [row for row in chunk if not isinstance(row, UnparsedRow)]


def _guarded(ctx: _Context, release: str, table: str, check) -> None:
    try:
        check()
    except Exception as exc:  # noqa: BLE001 - fail closed; the type name carries no data
        ctx.report.add(Finding("check_error", release, table, "", "", type(exc).__name__))


def _load_allowlist(path: Path) -> dict[str, dict[str, list[str]]]:
    with open(path, "rb") as f:
        allowed = tomllib.load(f)
    return {release: {table: list(columns) for table, columns in tables.items()} for release, tables in allowed.items()}


def _check_database(ctx: _Context, release: str, path: Path, allowed: dict[str, list[str]]) -> None:
    con = duckdb.connect(str(path), read_only=True)
    try:
        tables = con.execute(
            "SELECT schema_name, table_name FROM duckdb_tables() WHERE database_name = current_database() "
            "UNION ALL SELECT schema_name, view_name FROM duckdb_views() "
            "WHERE database_name = current_database() AND NOT internal ORDER BY 1, 2").fetchall()
        all_columns: dict[tuple[str, str], list[str]] = {}
        for schema, table, column in con.execute(
                "SELECT schema_name, table_name, column_name FROM duckdb_columns() "
                "WHERE database_name = current_database() ORDER BY column_index").fetchall():
            all_columns.setdefault((schema, table), []).append(column)
        for schema, table in tables:
            name = table if schema == "main" else f"{schema}.{table}"
            columns = all_columns.get((schema, table), [])
            if name in allowed:
                for column in columns:
                    if column not in allowed[name]:
                        ctx.report.add(Finding("forbidden_column", release, name, column, "", column))
            else:
                ctx.report.add(Finding("forbidden_table", release, name, "", "", name))
            _guarded(ctx, release, name, lambda: _scan_table(ctx, con, release, schema, table, columns))
        _guarded(ctx, release, "(comments)", lambda: _scan_comments(ctx, con, release))
        if release == "academic":
            _guarded(ctx, release, "consultations",
                     lambda: _check_k(ctx, con, release, all_columns.get(("main", "consultations"), [])))
        if release == "advertiser":
            for (schema, table), columns in all_columns.items():
                if schema == "main" and {"consultations", "suppressed"} <= set(columns):
                    _guarded(ctx, release, table, lambda t=table, c=columns: _check_cells(ctx, con, release, t, c))
    finally:
        con.close()


def _q(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def _scan_table(ctx: _Context, con, release: str, schema: str, table: str, columns: list[str]) -> None:
    if not columns:
        return
    name = table if schema == "main" else f"{schema}.{table}"
    id_column = next((c for c in ROW_ID_COLUMNS if c in columns), None)
    row_id = f"CAST({_q(id_column)} AS VARCHAR)" if id_column else "CAST(rowid AS VARCHAR)"
    cells = " || chr(1) || ".join(f"coalesce(CAST({_q(c)} AS VARCHAR), '')" for c in columns)
    reader = con.execute(f"SELECT {row_id}, {cells} FROM {_q(schema)}.{_q(table)}").to_arrow_reader(BATCH_ROWS)
    for batch in reader:
        ids, rows = batch.column(0).to_pylist(), batch.column(1).to_pylist()
        _scan_rows(ctx, release, name, columns, ids, rows)


def _scan_rows(ctx: _Context, release: str, table: str, columns: list[str], ids: list, rows: list[str],
               rescan: bool = True) -> None:
    haystack = Haystack(rows)
    seen: set = set()
    warnings = ctx.report.warnings_by_kind
    for hit in haystack.hits(*ctx.matchers):
        needle = hit.needle
        kind = f"source:{needle.kind}"
        if hit.strength == "weak" and needle.rule not in DIGIT_RULES and warnings.get(kind, 0) >= MAX_LISTED_PER_KIND:
            warnings[kind] += 1  # counted, no longer listed: not worth locating (common words at 1M rows)
            continue
        row, cell = haystack.locate(hit.view, hit.start)
        if needle.rule in DIGIT_RULES and _is_identifier(columns[cell]) and \
                not _is_the_number(haystack.cell_text(row, cell), needle):
            continue  # digits inside a hex pseudonym; a phone used *as* the id is still found
        finding = Finding(kind, release, table, columns[cell], str(ids[row]), mask(needle.kind, needle.value),
                          "block" if hit.strength == "strong" else "warn")
        if finding not in seen:
            seen.add(finding)
            ctx.report.add(finding)
    for row, cell in sorted(haystack.rescan_candidates()) if rescan else ():
        if _is_identifier(columns[cell]):
            continue  # hex pseudonyms hold digit runs; a source value in them is still found above
        ctx.report.cells_rescanned += 1
        text = haystack.cell_text(row, cell)
        for result in ctx.analyze(text, score_threshold=ctx.settings.anonymise.score_threshold):
            blocking = result.entity_type in STRUCTURED
            kind = "phone" if "PHONE" in result.entity_type else "email" if "EMAIL" in result.entity_type else ""
            ctx.report.add(Finding(f"rescan:{result.entity_type}", release, table, columns[cell], str(ids[row]),
                                   mask(kind, text[result.start:result.end]), "block" if blocking else "warn"))


def _is_the_number(cell: str, needle: Needle) -> bool:
    """The cell holds just this number (formatted, maybe with +82), not a longer code around it."""
    return not any(c.isalpha() for c in cell) and len(digits_of(cell)) <= len(needle.value) + 2


def _is_identifier(column: str) -> bool:
    return column in ROW_ID_COLUMNS or column.endswith("_id") or column.startswith("pseudo_")


def _scan_comments(ctx: _Context, con, release: str) -> None:
    rows = con.execute(
        "SELECT table_name, '', comment FROM duckdb_tables() WHERE database_name = current_database() "
        "AND comment IS NOT NULL UNION ALL SELECT table_name, column_name, comment FROM duckdb_columns() "
        "WHERE database_name = current_database() AND comment IS NOT NULL").fetchall()
    if rows:
        _scan_rows(ctx, release, "(comments)", ["comment"], [f"{t}.{c}".rstrip(".") for t, c, _ in rows],
                   [comment for _, _, comment in rows])


def _check_k(ctx: _Context, con, release: str, present: list[str]) -> None:
    k = ctx.settings.releases.k_anonymity
    qis = [c for c in ACADEMIC_QUASI_IDENTIFIERS if c in present]
    if not qis:
        raise LookupError("academic consultations has no quasi-identifier column")
    cols = ", ".join(_q(c) for c in qis)
    # k is over persons: a member's rows count once (a guest's row is a person of its own here; the build
    # also links guests by phone/e-mail, which only makes its classes hold fewer persons than this counts).
    person = ("count(DISTINCT coalesce(pseudo_member_id, pseudo_id))"
              if {"pseudo_member_id", "pseudo_id"} <= set(present) else "count(*)")
    groups = con.execute(f"SELECT {cols}, {person} AS n FROM consultations GROUP BY ALL HAVING {person} < ? "
                         f"ORDER BY n", [k]).fetchall()
    for *values, n in groups:
        group = " | ".join("NULL" if v is None else str(v) for v in values)
        ctx.report.add(Finding("k_anonymity", release, "consultations", ",".join(qis), group, f"n={n} < k={k}"))


def _check_cells(ctx: _Context, con, release: str, table: str, columns: list[str]) -> None:
    minimum = ctx.settings.releases.min_cell_size
    dims = [c for c in columns if c not in ("consultations", "suppressed")]
    label = " || ' | ' || ".join(f"coalesce(CAST({_q(d)} AS VARCHAR), 'NULL')" for d in dims) or "'total'"
    t = _q(table)
    for cell, n in con.execute(f"SELECT {label}, consultations FROM {t} WHERE consultations IS NOT NULL "
                               f"AND consultations < ?", [minimum]).fetchall():
        ctx.report.add(Finding("small_cell", release, table, "consultations", cell, f"n<{minimum}"))
    for (cell,) in con.execute(f"SELECT {label} FROM {t} WHERE suppressed AND consultations IS NOT NULL").fetchall():
        ctx.report.add(Finding("suppression_inconsistent", release, table, "consultations", cell, "suppressed"))
    # Totals are published, so a table, row or column with one suppressed cell gives that cell away.
    margins = [("", [])] + ([(d, [d]) for d in dims] if len(dims) > 1 else [])
    for name, group in margins:
        by = ", ".join(_q(g) for g in group)
        select = f"SELECT {by + ', ' if by else ''}count(*) FILTER (WHERE suppressed) AS s FROM {t}"
        for *values, _ in con.execute(f"{select} {'GROUP BY ' + by if by else ''} HAVING s = 1").fetchall():
            where = f"{name} = {values[0]}" if name else "whole table"
            ctx.report.add(Finding("derivable_suppressed_cell", release, table, "consultations", where,
                                   "one suppressed cell"))


def _check_files(ctx: _Context, release_dir: Path) -> None:
    patterns = [ctx.key, ctx.key.hex().encode(), ctx.key.hex().upper().encode(), base64.b64encode(ctx.key)]
    for path in sorted(p for p in release_dir.rglob("*") if p.is_file()):
        relative = str(path.relative_to(release_dir))
        if _file_contains(path, patterns):
            ctx.report.add(Finding("key_material", "", "(files)", "", relative, mask("key_material", "")))
        if path.suffix.lower() in TEXT_FILE_SUFFIXES:
            text = _EMBEDDED_LIBRARY.sub(_blank_library, path.read_text(encoding="utf-8", errors="replace"))
            lines = text.splitlines()
            # Reports are rendered from the databases checked above: the source values are searched
            # again here, the Presidio re-scan (noise on markup) is not.
            _scan_rows(ctx, "", f"(file) {relative}", ["text"], [f"line {i + 1}" for i in range(len(lines))],
                       [line.replace(_ROW, " ").replace(_CELL, " ") for line in lines], rescan=False)


def _blank_library(match: re.Match) -> str:
    """A bundled script library (plotly.js is megabytes of code) is not release content; chart data is kept."""
    if len(match.group(2)) < EMBEDDED_LIBRARY_CHARS:
        return match.group(0)
    return "\n" * match.group(0).count("\n")  # line numbers of what follows stay right


def _file_contains(path: Path, patterns: list[bytes], block: int = 16 << 20) -> bool:
    overlap = max(len(p) for p in patterns) - 1
    tail = b""
    with open(path, "rb") as f:
        while chunk := f.read(block):
            data = tail + chunk
            if any(p in data for p in patterns):
                return True
            tail = data[-overlap:]
    return False

