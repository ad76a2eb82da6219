"""The leak check: a release folder passes only if nothing in it identifies a person. Fails closed.

What it checks, release by release (each finding names kind, release, table, column, row id and
a *masked* value, never the value in clear):
1. ``source:<kind>`` — every personal value of the run's source snapshot (anonymise.gate.needles)
   in any cell of any table (all schemas, all columns cast to text, the FTS index tables
   included), in table and column comments, and in the files of the folder (manifest, HTML,
   Markdown, xlsx reports). Aho–Corasick over batches of rows, so the cost is one pass over the
   text whatever the number of needles. Weak values (a given name without honorific, a birth
   date ...) are warnings; digits inside a hex pseudonym are not a phone. In HTML reports a
   bundled script library (>= 50,000 characters) is skipped: it is code, not release content.
2. ``identifier:<kind>`` — anything that validates as an identifier anywhere in released text,
   whatever the source says (anonymise.gate.identifiers: phones of any region, RRN/FRN, Luhn
   cards, IBAN, US SSN, e-mail, URLs with a path, @handles, messenger IDs after their label).
3. ``text:<reason>`` — released text outside the rule of anonymise.gate.released_text: every word
   must be a placeholder or surrogate, an ordinary word, safe vocabulary or a safe quantity.
   Judged once per distinct word of the whole release, so the cost does not grow with repeats.
4. ``rescan:<ENTITY>`` — only when ``CheckSettings.presidio_rescan`` is on: the anonymiser's own
   Presidio analyzer on cells holding a run of >= 9 digits or an '@'.
5. ``forbidden_table`` / ``forbidden_column`` — any table, view or column not in
   reports/release_allowlist.toml; ``missing_release`` / ``unknown_release`` for database files.
6. ``k_anonymity``, ``small_cell``, ``suppression_inconsistent``, ``derivable_suppressed_cell``.
7. ``key_material`` — the pseudonym key (raw bytes, hex either case, base64) in any cell or in
   the bytes of any file of the folder, the .duckdb files included.
Any error while checking is a ``check_error`` finding: a check that could not run never passes.

Nothing here imports spaCy, Presidio or the anonymiser's engine unless the re-scan is on.
"""
from __future__ import annotations

import base64
import re
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

import duckdb

from anonymise.entity_types import STRUCTURED
from anonymise.gate.findings import MAX_LISTED_PER_KIND, CheckReport, Finding
from anonymise.gate.identifiers import find_identifiers
from anonymise.gate.masking import mask
from anonymise.gate.matching import CELL, ROW, Haystack, WordBatch
from anonymise.gate.needles import Needle, NeedleSet, add_key, digits_of
from anonymise.gate.project_text import ProjectShapes, is_project_token
from anonymise.gate.released_text import (TextRule, birth_dates_in_words, blank_anonymiser_output, refused_in_context,
                                          titled_cjk_names, titled_korean_names, unsafe_numbers, unsafe_thai,
                                          vouchable_alone, vouched_in_context, vouched_in_sentence)
from anonymise.gate.text_view import normalise
from anonymise.gate.release_files import TEXT_FILE_SUFFIXES, WORKBOOK_SUFFIXES, raw_lines, visible_text
from anonymise.gate.settings import CheckSettings

ALLOWLIST_FILE = Path(__file__).resolve().parents[2] / "reports" / "release_allowlist.toml"
ACADEMIC_QUASI_IDENTIFIERS = ("age_band", "sex", "region", "interested_area", "month")
DIGIT_RULES = ("digits", "digits_bounded")
ROW_ID_COLUMNS = ("faq_id", "pseudo_id", "case_id", "key", "docid", "termid", "name")
# Tables whose rows have no id column: a key made of columns that are unique together.
ROW_KEY_COLUMNS = {"recommended_consultations": ("interested_area", "rank")}
ROW_KEY_SEPARATOR = "|"
# Files and tables that hold only what the project writes (counts, settings, hashes, run ids, column
# descriptions, DuckDB's own stopword list) and masked values, never record text: source values and
# identifiers are searched in them, the released-text rule (made for record text) is not.
RUN_EVIDENCE_FILES = frozenset({"manifest.json", "manifest.md", "run_report.html"})
# Columns of closed vocabularies (the field policy keeps or generalises them): a single code there is the
# policy's value; anything longer is judged as text.
CLOSED_COLUMNS = frozenset({"interested_area", "channel", "language", "sex", "age_band", "region", "month",
                            "first_month", "last_month", "response_band", "measure", "mechanism", "field"})
# Columns of words taken out of their sentences (the FAQ search index: morphemes of question and
# answer): each word is judged on its own; context (a sentence start, a title after a name) was
# judged in the question and answer they come from.
WORD_LIST_COLUMNS = frozenset({"search_text", "term"})
PROJECT_TABLES = frozenset({"release_info", "data_dictionary", "fts_main_faq_entries.stopwords",
                            "fts_main_faq_entries.fields"})
BATCH_ROWS = 20_000
# Hex pseudonyms hold digit runs too: a run inside hex letters is not a candidate.
_RESCAN_CANDIDATE = re.compile(r"(?<![0-9a-f])\d{9,}(?![0-9a-f])|@\w")
_LONG_RUN, _AT_WORD = re.compile(r"\d{9,}"), re.compile(r"@\w")


@dataclass
class _Context:
    settings: CheckSettings
    needles: NeedleSet
    matchers: tuple
    key: bytes
    report: CheckReport
    text_rule: TextRule
    analyze: object = None  # anonymise.engine.analyze_text, imported only for the re-scan


def check_release(release_dir: Path, needles: NeedleSet, key: bytes, settings: CheckSettings = CheckSettings(),
                  *, allowlist: Path = ALLOWLIST_FILE, files_only: bool = False,
                  text_rule: TextRule | None = None) -> CheckReport:
    """Check every file of ``release_dir`` against the source's needles and the release rules.

    ``needles``: the personal values of the source snapshot the run read (anonymise.gate.snapshot);
    the key's hex form is added to them. ``files_only`` skips the databases: the flow uses it for
    the manifest and reports rendered after the databases were checked.
    """
    started = time.perf_counter()
    report = CheckReport()
    release_dir = Path(release_dir)
    try:
        add_key(needles, key)
        allowed = _load_allowlist(allowlist)
        rule = text_rule or TextRule.default()
        analyze = None
        if settings.presidio_rescan:
            from anonymise.engine import analyze_text as analyze
    except Exception as exc:  # noqa: BLE001 - fail closed, and name only the exception type (no data)
        report.add(Finding("check_error", "", "", "", "", type(exc).__name__))
        report.seconds = time.perf_counter() - started
        return report
    report.needles = len(needles)
    ctx = _Context(settings, needles, needles.matchers(), key, report, rule, analyze)
    present = {p.stem: p for p in release_dir.glob("*.duckdb")} if release_dir.is_dir() else {}
    for release in [] if files_only else sorted(set(allowed) | set(present)):
        if release not in allowed:
            report.add(Finding("unknown_release", release, "", "", "", present[release].name))
        elif release not in present:
            report.add(Finding("missing_release", release, "", "", "", f"{release}.duckdb"))
        else:
            _guarded(ctx, release, "", lambda r=release: _check_database(ctx, r, present[r], allowed[r]))
    _guarded(ctx, "", "(files)", lambda: _check_files(ctx, release_dir))
    report.distinct_tokens = rule.judged
    report.seconds = time.perf_counter() - started
    return report


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
        text_columns: dict[tuple[str, str], list[str]] = {}
        lists: set[tuple[str, str, str]] = set()
        for schema, table, column, data_type in con.execute(
                "SELECT schema_name, table_name, column_name, data_type FROM duckdb_columns() "
                "WHERE database_name = current_database() ORDER BY column_index").fetchall():
            all_columns.setdefault((schema, table), []).append(column)
            if data_type == "VARCHAR[]":
                lists.add((schema, table, column))
            name = table if schema == "main" else f"{schema}.{table}"
            if data_type.startswith("VARCHAR") and not _is_identifier(column) and name not in PROJECT_TABLES:
                text_columns.setdefault((schema, table), []).append(column)
        for schema, table in tables:
            name = table if schema == "main" else f"{schema}.{table}"
            columns = all_columns.get((schema, table), [])
            if name in allowed:
                for column in columns:
                    if column not in allowed[name]:
                        ctx.report.add(Finding("forbidden_column", release, name, column, "", column))
            else:
                ctx.report.add(Finding("forbidden_table", release, name, "", "", name))
            _guarded(ctx, release, name, lambda: _scan_table(
                ctx, con, release, schema, table, columns, text_columns.get((schema, table), []),
                {c for s, t, c in lists if (s, t) == (schema, table)}))
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


def row_key_sql(table: str, columns: list[str]) -> str:
    """The SQL of a table's row id as findings name it (anonymise.gate.withhold maps it back)."""
    id_column = next((c for c in ROW_ID_COLUMNS if c in columns), None)
    if id_column:
        return f"CAST({_q(id_column)} AS VARCHAR)"
    key = ROW_KEY_COLUMNS.get(table)
    if key and set(key) <= set(columns):
        return f" || '{ROW_KEY_SEPARATOR}' || ".join(f"coalesce(CAST({_q(c)} AS VARCHAR), '')" for c in key)
    return "CAST(rowid AS VARCHAR)"


def _scan_table(ctx: _Context, con, release: str, schema: str, table: str, columns: list[str],
                text_columns: list[str], lists: set[str] = frozenset()) -> None:
    """Every cell for source values and identifiers; the text cells (VARCHAR, not ids) for the text rule.

    A list of texts (example_questions) is read one element a line: each element starts a sentence."""
    if not columns:
        return
    name = table if schema == "main" else f"{schema}.{table}"

    def text(c: str) -> str:
        cast = f"array_to_string({_q(c)}, chr(10))" if c in lists else f"CAST({_q(c)} AS VARCHAR)"
        return f"coalesce({cast}, '')"

    cells = " || chr(1) || ".join(text(c) for c in columns)
    texts = " || chr(1) || ".join(text(c) for c in text_columns) or "''"
    reader = con.execute(f"SELECT {row_key_sql(table, columns)}, {cells}, {texts} "
                         f"FROM {_q(schema)}.{_q(table)}").to_arrow_reader(BATCH_ROWS)
    for batch in reader:
        ids, rows = batch.column(0).to_pylist(), batch.column(1).to_pylist()
        _scan_rows(ctx, release, name, columns, ids, rows, rescan=True, text_rule=False)
        if text_columns:
            _apply_text_rule(ctx, WordBatch(batch.column(2).to_pylist(), blank_anonymiser_output), release, name,
                             text_columns, ids)


def _scan_rows(ctx: _Context, release: str, table: str, columns: list[str], ids: list, rows: list[str],
               *, rescan: bool, text_rule: bool = True) -> None:
    haystack = Haystack(rows)
    _find_needles(ctx, haystack, release, table, columns, ids)
    _find_identifiers(ctx, haystack, release, table, columns, ids)
    if text_rule:
        _apply_text_rule(ctx, WordBatch(rows, blank_anonymiser_output), release, table, columns, ids)
    if rescan and ctx.analyze is not None:
        _rescan(ctx, haystack, release, table, columns, ids)


def _find_needles(ctx: _Context, haystack: Haystack, release: str, table: str, columns: list[str], ids: list) -> None:
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
        view = "digits" if hit.view is haystack.digits else "folded"
        finding = Finding(kind, release, table, columns[cell], str(ids[row]), mask(needle.kind, needle.value),
                          "block" if hit.strength == "strong" else "warn",
                          evidence=f"{view}:{hit.view[hit.start:hit.end]}")
        if finding not in seen:
            seen.add(finding)
            ctx.report.add(finding)


def _find_identifiers(ctx: _Context, haystack: Haystack, release: str, table: str, columns: list[str],
                      ids: list, *, report_file: bool = False) -> None:
    seen: set = set()
    view = haystack.normal
    project = ProjectShapes(view) if report_file else None
    for kind, start, end in find_identifiers(view, ctx.text_rule.is_word, haystack.folded):
        row, cell = haystack.locate(view, start)
        if _is_identifier(columns[cell]) or (project and project.covers(start, end)):
            continue  # pseudonyms and the pipeline's own hashes: hex, checked for source values above
        value = view[start:end]
        finding = Finding(f"identifier:{kind}", release, table, columns[cell], str(ids[row]), mask(kind, value),
                          evidence=f"normal:{value}")
        if finding not in seen:
            seen.add(finding)
            ctx.report.add(finding)


def _apply_text_rule(ctx: _Context, batch: WordBatch, release: str, table: str, columns: list[str],
                     ids: list, *, report_file: bool = False) -> None:
    """Words outside the released-text rule, judged once per distinct word, then located in the batch.

    In a report file the project's own words and shapes (anonymise.gate.project_text) are not judged."""
    text, vocabulary = batch.text, ctx.text_rule.vocabulary
    tokens = set(text.replace(ROW, " ").replace(CELL, " ").split())
    if report_file:
        tokens = {t for t in tokens if not is_project_token(t)}
    project = ProjectShapes(text) if report_file else None
    spans: list[tuple[int, int, str]] = [(s, e, "digits") for s, e in unsafe_numbers(text)
                                         if not (project and (is_project_token(text[s:e]) or project.covers(s, e)))]
    in_context = [(s, e, "thai_name") for s, e in unsafe_thai(text)]
    in_context += [(s, e, "korean_name") for s, e in titled_korean_names(text, vocabulary)]
    in_context += [(s, e, "cjk_name") for s, e in titled_cjk_names(text, vocabulary)]
    in_context += [(s, e, "birth_date") for s, e in birth_dates_in_words(text)]
    spans += [span for span in in_context if columns[batch.locate(text, span[0])[1]] not in WORD_LIST_COLUMNS]
    flagged = ctx.text_rule.flagged(tokens)
    if flagged:
        pattern = re.compile(r"(?<![^\s\x00\x01])(?:%s)(?![^\s\x00\x01])"
                             % "|".join(re.escape(t) for t in sorted(flagged, key=len, reverse=True)))
        for m in pattern.finditer(text):
            reason = flagged[m.group()]
            if vouched_in_context(text, m.start(), m.end()):
                continue  # Hashimoto's, ICD-10 K21.9, Ward 6B: its neighbours make it no name or code
            row, cell = batch.locate(text, m.start())
            if columns[cell] in WORD_LIST_COLUMNS and (reason == "name_if_mid_sentence" or vouchable_alone(m.group())):
                continue  # the word was judged in its sentence, in the column it was taken from
            if columns[cell] not in WORD_LIST_COLUMNS and vouched_in_sentence(text, m.start(), m.end()):
                continue  # Hashimoto thyroiditis, Swan-Ganz catheter: a listed eponym by its head noun
            if reason == "name_if_mid_sentence":
                if not refused_in_context(text, m.start()):
                    continue
                reason = "name"
            spans.append((m.start(), m.end(), reason))
    seen: set = set()
    for start, end, reason in spans:
        row, cell = batch.locate(text, start)
        column = columns[cell]
        word = text[start:end]
        if column in CLOSED_COLUMNS and " " not in batch.rows[row].split(CELL)[cell].strip():
            continue  # one code of a closed vocabulary (face_contour, 2024-Q1): the policy's, not a record's
        finding = Finding(f"text:{reason}", release, table, column, str(ids[row]),
                          mask("name" if "name" in reason else "", word), evidence=f"normal:{normalise(word)}")
        if finding not in seen:
            seen.add(finding)
            ctx.report.add(finding)


def _rescan(ctx: _Context, haystack: Haystack, release: str, table: str, columns: list[str], ids: list) -> None:
    view = haystack.digits
    starts = [m.start() for run in _LONG_RUN.finditer(view)
              for m in _RESCAN_CANDIDATE.finditer(view, run.start(), run.end() + 1)]
    if "@" in view:
        starts += [m.start() for m in _AT_WORD.finditer(view)]
    for row, cell in sorted({haystack.locate(view, start) for start in starts}):
        if _is_identifier(columns[cell]):
            continue
        ctx.report.cells_rescanned += 1
        text = haystack.cell_text(row, cell)
        for result in ctx.analyze(text, score_threshold=ctx.settings.score_threshold):
            blocking = result.entity_type in STRUCTURED
            kind = "phone" if "PHONE" in result.entity_type else "email" if "EMAIL" in result.entity_type else ""
            value = text[result.start:result.end]
            ctx.report.add(Finding(f"rescan:{result.entity_type}", release, table, columns[cell], str(ids[row]),
                                   mask(kind, value), "block" if blocking else "warn", evidence=f"raw:{value}"))


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
        # Comments are the project's descriptions (reports/dictionary.toml): no word rule, values and ids only.
        _scan_rows(ctx, release, "(comments)", ["comment"], [f"{t}.{c}".rstrip(".") for t, c, _ in rows],
                   [comment for _, _, comment in rows], rescan=True, text_rule=False)


def _check_k(ctx: _Context, con, release: str, present: list[str]) -> None:
    k = ctx.settings.k_anonymity
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
    minimum = ctx.settings.min_cell_size
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
        suffix = path.suffix.lower()
        table = f"(file) {relative}"
        if suffix in TEXT_FILE_SUFFIXES:
            # Markup and chart data: source values only (identifiers and words are judged on what is shown).
            lines = raw_lines(path)
            _scan_rows(ctx, "", table, ["text"], [f"line {i + 1}" for i in range(len(lines))],
                       [_plain(line) for line in lines], rescan=False, text_rule=False)
        if suffix in TEXT_FILE_SUFFIXES or suffix in WORKBOOK_SUFFIXES:
            shown = list(visible_text(path))
            if shown:
                _scan_shown(ctx, table, shown, text_rule=path.name not in RUN_EVIDENCE_FILES,
                            needles=suffix in WORKBOOK_SUFFIXES)


def _scan_shown(ctx: _Context, table: str, shown: list[tuple[str, str]], *, text_rule: bool, needles: bool) -> None:
    ids, rows = [row_id for row_id, _ in shown], [_plain(text) for _, text in shown]
    for start in range(0, len(rows), BATCH_ROWS):
        haystack = Haystack(rows[start:start + BATCH_ROWS])
        batch_ids = ids[start:start + BATCH_ROWS]
        if needles:
            _find_needles(ctx, haystack, "", table, ["text"], batch_ids)
        _find_identifiers(ctx, haystack, "", table, ["text"], batch_ids, report_file=True)
        if text_rule:
            _apply_text_rule(ctx, WordBatch(rows[start:start + BATCH_ROWS], blank_anonymiser_output), "", table,
                             ["text"], batch_ids, report_file=True)


def _plain(line: str) -> str:
    return line.replace(ROW, " ").replace(CELL, " ")


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
