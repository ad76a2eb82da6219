"""Which staging consultations each released row shows: a private map the leak gate withholds by.

A finding of the gate names a release row; to withhold the consultation behind it, the build
writes, per release, ``<dir>/<release>.parquet`` with one line per (row, consultation):

    release, table_name, row_key, role, position, pseudo_consultation_id

- academic ``consultations`` / publishing ``cases``: the row's id (pseudo_id, case_id), role 'record';
- faq ``faq_entries`` (row key faq_id): role 'question' for the consultations whose core question is
  the entry's question, 'answer' for those whose answer is its answer, 'example' with the 1-based
  ``position`` in example_questions for those whose question is that example;
- faq ``recommended_consultations`` (row key 'area|rank', see anonymise.gate.scan.ROW_KEY_COLUMNS):
  role 'record' for the consultations holding that question and answer.
Rows of aggregates (advertiser) map to nothing: a finding there cannot be one record's.

The map holds staging pseudonyms only and lives in the private area, never in a release.
"""
from __future__ import annotations

import os
from pathlib import Path

import duckdb

MAP_COLUMNS = "release, table_name, row_key, role, position, pseudo_consultation_id"

_SQL = {
    "academic": """
        SELECT 'academic', 'consultations', pseudonym(getvariable('pseudonym_purpose'), pseudo_consultation_id),
               'record', NULL::INTEGER, pseudo_consultation_id
        FROM staging WHERE record_level""",
    "publishing": """
        SELECT 'publishing', 'cases', pseudonym(getvariable('pseudonym_purpose'), pseudo_consultation_id),
               'record', NULL::INTEGER, pseudo_consultation_id
        FROM staging WHERE record_level AND answered AND pub_question IS NOT NULL AND pub_answer IS NOT NULL""",
    "faq": """
        SELECT 'faq', 'faq_entries', e.faq_id, 'question', NULL::INTEGER, m.pseudo_consultation_id
        FROM faq_entry_rows e JOIN faq_members m ON m.cluster_id = e.cluster_id AND m.question = e.question
        UNION ALL
        SELECT 'faq', 'faq_entries', e.faq_id, 'answer', NULL::INTEGER, m.pseudo_consultation_id
        FROM faq_entry_rows e JOIN faq_members m ON m.cluster_id = e.cluster_id AND m.answer = e.answer
        UNION ALL
        SELECT 'faq', 'faq_entries', x.faq_id, 'example', CAST(x.position AS INTEGER), m.pseudo_consultation_id
        FROM (SELECT faq_id, cluster_id, unnest(example_questions) AS question,
                     generate_subscripts(example_questions, 1) AS position FROM faq_entry_rows) x
        JOIN faq_members m ON m.cluster_id = x.cluster_id AND m.question = x.question
        UNION ALL
        SELECT 'faq', 'recommended_consultations', r.interested_area || '|' || CAST(r.rank AS VARCHAR), 'record',
               NULL::INTEGER, m.pseudo_consultation_id
        FROM recommended_consultations r
        JOIN faq_members m ON m.interested_area IS NOT DISTINCT FROM r.interested_area
             AND m.question = r.question AND m.answer = r.answer
             AND m.cluster_size >= getvariable('faq_min_consultations')""",
}


def write_row_sources(con: duckdb.DuckDBPyConnection, release: str, out_dir: Path) -> Path | None:
    """Write ``out_dir/<release>.parquet`` from the build connection (its TEMP tables); None for aggregates."""
    sql = _SQL.get(release)
    if sql is None:
        return None
    out_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = out_dir / f"{release}.parquet"
    con.execute(f"COPY (SELECT * FROM ({sql}) AS t({MAP_COLUMNS})) TO '{_literal(path)}' (FORMAT parquet)")
    os.chmod(path, 0o600)  # staging pseudonyms: private like the staging they point into
    return path


def _literal(path: Path) -> str:
    return str(path).replace("'", "''")
