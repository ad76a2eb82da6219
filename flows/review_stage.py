"""The steward's review sample: N eligible record-level consultations drawn at random each run, anonymised
again with their spans (types and offsets, no original text) onto a private page (reports/review_sample.py).

The draw happens after eligibility, in the flow process (ids only: the drawn raw records go to a
private chunk file); the anonymising happens as one more task of the anonymise subflow, on a worker
that already holds the models, so it costs seconds, not a model load.
"""
from __future__ import annotations

import secrets
from pathlib import Path

import pyarrow.parquet as pq
from prefect import task
from prefect.cache_policies import NO_CACHE

from anonymise.keys import load_or_create_key, pseudonym
from flows.anonymise_stage import STAGING_PURPOSE
from contract.bounded_duckdb import bounded_duckdb
from anonymise.settings import AnonymiseSettings
from flows.config import Settings
from flows.workarea import WorkArea, make_private_dir, open_private

DATA_TASK = {"persist_result": False, "cache_policy": NO_CACHE, "log_prints": False}
REVIEW_DIR = "review"
TEXT_FIELDS = ("title", "question", "answer")


def review_folder(work: WorkArea, run_id: str) -> Path:
    return work.run_scratch(run_id) / REVIEW_DIR


def page_link(run_id: str, promoted: bool) -> str:
    """The page's path relative to the run report: OUT/release/<run-id>/ once promoted, else
    OUT/private/runs/<run-id>/release/ (a blocked release stays there)."""
    return (f"../../private/runs/{run_id}/{REVIEW_DIR}/review_sample.html" if promoted
            else f"../{REVIEW_DIR}/review_sample.html")


@task(name="draw-review-sample", **DATA_TASK)
def draw_review_sample(out: str, run_id: str, size: int) -> str | None:
    """Write the drawn records (raw, with their member) to a private chunk file; its path, or None."""
    if size <= 0:
        return None
    work = WorkArea(Path(out))
    eligible, members = work.eligible / "consultations.parquet", work.accepted / "members.parquet"
    folder = make_private_dir(review_folder(work, run_id))
    chunk = folder / "sample.parquet"
    seed = secrets.randbelow(2**31)   # a new draw every run: the steward sees different records each night
    with bounded_duckdb(work.private) as con:
        con.execute("SET VARIABLE eligible = ?", [str(eligible)])
        con.execute("SET VARIABLE members = ?", [str(members)])
        table = con.execute(f"""
            SELECT t.*, CASE WHEN m.member_id IS NULL THEN NULL ELSE m END AS member
            FROM (SELECT * FROM read_parquet(getvariable('eligible'))
                  WHERE exclusion_reason IS NULL AND NOT aggregate_only) t
            LEFT JOIN read_parquet(getvariable('members')) m ON m.member_id = t.member_id
            USING SAMPLE reservoir({int(size)} ROWS) REPEATABLE ({seed})""").to_arrow_table()
    if not table.num_rows:
        return None
    with open_private(chunk, "wb") as sink:
        pq.write_table(table, sink)
    return str(chunk)


@task(name="review-sample", retries=1, **DATA_TASK)
def review_task(chunk_file: str, out: str, settings_json: str, run_id: str) -> int:
    """Anonymise the drawn records again and write the review page; returns how many records it shows."""
    from anonymise.redactor import Redactor
    from reports.review_sample import write_review_page

    settings = Settings.model_validate_json(settings_json)
    work = WorkArea(Path(out))
    key = load_or_create_key(settings.anonymise.key_file or work.key_file, settings.anonymise.key_env)
    records = pq.read_table(chunk_file).to_pylist()
    members = {r["member_id"]: r["member"] for r in records if r.get("member")}
    redactor = Redactor(AnonymiseSettings.model_validate(settings.anonymise.model_dump()))
    shown = []
    for record, redaction in zip(records, redactor.redact_many(records, members)):
        shown.append({
            "pseudo_consultation_id": pseudonym(key, record["consultation_id"], STAGING_PURPOSE),
            "interested_area": record.get("interested_area"), "language": record.get("language"),
            "fields": {name: {"text": redaction.text.get(name),
                              "spans": [{"type": s.entity_type, "start": s.start, "end": s.end,
                                         "recognizer": s.recognizer, "score": s.score}
                                        for s in redaction.spans.get(name, [])]}
                       for name in TEXT_FIELDS}})
    Path(chunk_file).unlink(missing_ok=True)   # the raw records are not needed once the page is written
    write_review_page(shown, review_folder(work, run_id), run_id, open_private)
    return len(shown)
