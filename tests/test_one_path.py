"""`clinic-anon redact` and the flow's anonymise stage take one path: same texts out for the same records.

The stage is run as a run runs it (ingest, eligibility, chunk planning, anonymise_chunk on real
Parquet files); redact_file reads the raw JSONL. Records with invisible characters, outer
whitespace and a numeric member_id check that both clean and join records alike.
"""
import json
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from anonymise.keys import pseudonym
from anonymise.redact_io import redact_file
from data_samples.generator import generate
from flows.anonymise_stage import STAGING_PURPOSE, anonymise_chunk, plan_chunks
from flows.config import load_settings
from flows.eligibility import apply_eligibility
from flows.ingest import ingest
from flows.open_source import open_source
from flows.workarea import WorkArea

AS_OF = date(2026, 11, 22)
KEY = bytes(range(32))
# Made-up people: a zero-width space inside the name and the phone, outer blanks, a numeric member id.
EXTRA_MEMBERS = [{"member_id": 4242, "name": "탁서윤", "birth_date": "1990-01-02", "status": "active",
                  "phone": "010-7070-2323"}]
EXTRA_CONSULTATIONS = [
    {"consultation_id": "X-1", "member_id": 4242, "created_at": "2026-05-01T10:00:00+09:00", "deleted": False,
     "age": 36, "title": "  코 재수술 문의  ", "question": "탁\u200b서윤입니다. 010-70\u200b70-2323으로 연락 주세요.\n",
     "answer": "서윤 님, 상담 예약 도와드릴게요."},
    {"consultation_id": "X-2", "member_id": 4242, "created_at": "2026-05-02T10:00:00+09:00", "deleted": False,
     "age": 36, "title": "\u00a0", "question": "My card is 4111 1111 1111 1111 and I'm Seoyun Tak.", "answer": None},
]


def _append_jsonl(path: Path, rows: list[dict]) -> None:
    with open(path, "a", encoding="utf-8") as f:
        f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


@pytest.fixture(scope="module")
def both_paths(tmp_path_factory):
    base = tmp_path_factory.mktemp("one-path")
    source = base / "source"
    generate(source, n_consultations=60, seed=31)
    _append_jsonl(source / "members.jsonl", EXTRA_MEMBERS)
    _append_jsonl(source / "consultations.jsonl", EXTRA_CONSULTATIONS)
    settings = load_settings(as_of=AS_OF)

    work = WorkArea(base / "out")
    ingest(open_source(str(source), settings.source), work, settings, "t")
    apply_eligibility(work, settings, AS_OF)
    plan = plan_chunks(work, "t", KEY, "seed", None, 25)
    staged = []
    for chunk, out in zip(plan.chunks, plan.outputs):
        anonymise_chunk(chunk, out, settings.anonymise, KEY)
        staged += pq.read_table(out).to_pylist()

    redacted = base / "redacted.jsonl"
    redact_file(source / "consultations.jsonl", redacted, source / "members.jsonl", settings=settings.anonymise, key=KEY)
    rows = {r["consultation_id"]: r for r in map(json.loads, redacted.read_text(encoding="utf-8").splitlines())}
    return staged, rows


def test_every_staged_text_is_what_redact_writes(both_paths):
    staged, rows = both_paths
    by_pseudonym = {pseudonym(KEY, cid, STAGING_PURPOSE): row for cid, row in rows.items()}
    compared = 0
    for record in staged:
        if not record["record_level"]:
            continue
        row = by_pseudonym[record["pseudo_consultation_id"]]
        for column in ("title", "question", "answer"):
            assert record[column] == row[column], column
            compared += record[column] is not None
    assert compared > 100


def test_invisible_characters_and_numeric_member_ids_are_handled_alike(both_paths):
    staged, rows = both_paths
    first, second = rows["X-1"], rows["X-2"]
    assert first["title"] == "코 재수술 문의"
    assert first["question"] == "<PERSON>입니다. <PHONE>으로 연락 주세요."
    assert first["answer"].startswith("<PERSON> 님")
    assert second["title"] is None and "<CREDIT_CARD>" in second["question"] and "Tak" not in second["question"]
    staged_x1 = next(r for r in staged if r["pseudo_consultation_id"] == pseudonym(KEY, "X-1", STAGING_PURPOSE))
    assert staged_x1["question"] == first["question"]
