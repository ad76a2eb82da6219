"""Withhold, don't stall: real `clinic-anon run`s where some records defeat the anonymiser.

The records "defeat the anonymiser" through staging: after a clean first run, values the anonymiser
never saw (a US SSN, an IBAN, a made-up name, a messenger ID) are written into the anonymised text
of some staged records, as a detector blind spot or a tampered file would leave them; the source is
unchanged, so the next run reuses those rows as they are, and the test does not depend on what
today's detector misses. A few such records are withheld and the run promotes; many block it.

All people and values here are synthetic.
"""
from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from test_flow import latest, read_jsonl, run_cli, write_jsonl

from data_samples.generator import generate

QUESTIONS = ("쌍꺼풀 수술 후 붓기는 보통 얼마나 가나요?", "코 수술 비용이 궁금합니다.", "지방흡입 후 압박복은 얼마나 입어야 하나요?",
             "눈밑지방 재배치 회복 기간이 궁금해요.", "Is the swelling normal after double eyelid surgery?")
ANSWERS = ("보통 2주 정도면 대부분 빠집니다.", "상담 후 정확한 비용을 안내해 드립니다.", "한 달 정도 입으시는 것을 권해 드립니다.",
           "Please visit us for a consultation.")
LEAKS = ("보험 서류에 SSN 536-22-8726 적어 주세요.", "환불은 IBAN DE44 5001 0517 5407 3249 31 로 부탁드려요.",
         "어제 권은진 씨가 소개해 주셨어요.", "카톡 아이디: zeta_hana99 로 연락 주세요.")
pytestmark = pytest.mark.slow  # two whole runs and their rebuilds

N_CONSULTATIONS = 400
TEXT_FORMS = ("question", "academic_question", "pub_question")


def write_source(folder: Path, seed: int = 21) -> None:
    """A generated source whose texts are all ordinary (nothing for the anonymiser to remove)."""
    generate(folder, n_consultations=N_CONSULTATIONS, seed=seed)
    rng = random.Random(seed)
    consultations = read_jsonl(folder / "consultations.jsonl")
    for c in consultations:
        c["question"], c["answer"] = rng.choice(QUESTIONS), rng.choice(ANSWERS)
    write_jsonl(folder / "consultations.jsonl", consultations)


@pytest.fixture(scope="module")
def first_run(tmp_path_factory):
    base = tmp_path_factory.mktemp("gate_flow")
    write_source(base / "source")
    result = run_cli(base / "source", base / "out", base / "home")
    assert result.returncode == 0, result.stderr[-3000:]
    return base / "source", base / "out"


def plant_in_staging(out: Path, leaking: int, seed: int = 21) -> set[str]:
    """Append a planted value to the anonymised question of ``leaking`` record-level staged rows (in
    every text form the releases read); their staging pseudonyms."""
    current = out / "private" / "staging" / "anonymised" / "current.parquet"
    rows = pq.read_table(current).to_pylist()
    planted = random.Random(seed).sample([r for r in rows if r["record_level"] and r["question"]], leaking)
    for i, row in enumerate(planted):
        for form in TEXT_FORMS:
            row[form] = f"{row[form]} {LEAKS[i % len(LEAKS)]}"
    pq.write_table(pa.Table.from_pylist(rows, schema=pq.read_schema(current)), current)
    return {r["pseudo_consultation_id"] for r in planted}


def second_run(first_run, tmp_path: Path, leaking: int):
    source, first_out = first_run
    out = tmp_path / "out"
    shutil.copytree(first_out, out, symlinks=True)
    planted = plant_in_staging(out, leaking)
    return out, planted, run_cli(source, out, tmp_path / "home")


def test_a_few_records_that_defeat_the_anonymiser_are_withheld_and_the_run_promotes(first_run, tmp_path):
    out, expected, result = second_run(first_run, tmp_path, leaking=2)  # 2 of ~300 record-level: under 1 %
    assert result.returncode == 0, result.stderr[-3000:]
    release = latest(out)
    manifest = json.loads((release / "manifest.json").read_text())
    withheld = manifest["check"]["withheld"]
    assert withheld["records"] == len(expected)
    assert withheld["rounds"] >= 1 and sum(withheld["by_reason"].values()) >= len(expected)
    # The steward's list: pseudonymous ids and reasons, in the private area; no value anywhere.
    listed = read_jsonl(out / "private" / "runs" / manifest["run_id"] / "withheld.jsonl")
    assert {r["pseudo_consultation_id"] for r in listed} == expected
    assert all(set(r) == {"pseudo_consultation_id", "reasons"} for r in listed)
    # The releases were rebuilt without them: no planted value is in any file of the release.
    files = b"".join(p.read_bytes() for p in release.iterdir() if p.is_file())
    for value in ("536-22-8726", "5407 3249", "권은진", "zeta_hana99"):
        assert value.encode() not in files
    with duckdb.connect(str(release / "academic.duckdb"), read_only=True) as con:
        released = con.execute("SELECT count(*) FROM consultations").fetchone()[0]
    assert released <= withheld["record_level_consultations"] - len(expected)
    assert "withheld" in (release / "manifest.md").read_text()
    report = (release / "run_report.html").read_text()
    assert 'id="withheld"' in report and "withheld.jsonl" in report
    # The steward's review sample: private, linked from the run report by a path that resolves.
    review = manifest["review_sample"]
    page = (release / review["page"]).resolve()
    assert page.is_file() and page.is_relative_to((out / "private").resolve()) and page.stat().st_mode & 0o077 == 0
    assert f'href="{review["page"]}"' in report and "private area" in report
    shown = read_jsonl(page.with_suffix(".jsonl"))
    assert len(shown) == review["records"] == 50
    assert all(set(r["fields"]) == {"title", "question", "answer"} for r in shown)
    spans = [s for r in shown for f in r["fields"].values() for s in f["spans"]]
    assert all(set(s) == {"type", "start", "end", "recognizer", "score"} for s in spans)


def test_many_such_records_block_the_run(first_run, tmp_path):
    out, _, result = second_run(first_run, tmp_path, leaking=12)  # 4 % of ~300 record-level, above the default 1 %
    assert result.returncode == 1, result.stderr[-3000:]
    assert "BLOCKED" in result.stderr
    before = first_run[1]
    assert latest(out).name == latest(before).name  # the previous release stays
    blocked = next(p for p in (out / "private" / "runs").glob("*/release/manifest.json")
                   if json.loads(p.read_text())["status"] == "blocked")
    check = json.loads(blocked.read_text())["check"]
    assert "would be withheld" in check["blocked_because"]
    assert check["withheld"]["records"] == 0  # nothing was withheld: the run blocked instead
