"""Withhold, don't stall: real `clinic-anon run`s on a source where some records defeat the anonymiser.

The records "defeat the anonymiser" through the field policy: question and answer are kept as
written (policy ``keep``), as a mis-edited policy or a detector blind spot would leave them, so the
test does not depend on what today's detector misses. Every text is ordinary except in the planted
records, which hold values the anonymiser never sees: a US SSN, an IBAN, a made-up name, a
messenger ID. A few such records are withheld and the run promotes; many block it.

All people and values here are synthetic.
"""
from __future__ import annotations

import json
import random
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
from test_flow import KEY_HEX, latest, read_jsonl, run_cli, write_jsonl

from anonymise.keys import pseudonym
from data_samples.generator import generate

QUESTIONS = ("쌍꺼풀 수술 후 붓기는 보통 얼마나 가나요?", "코 수술 비용이 궁금합니다.", "지방흡입 후 압박복은 얼마나 입어야 하나요?",
             "눈밑지방 재배치 회복 기간이 궁금해요.", "Is the swelling normal after double eyelid surgery?")
ANSWERS = ("보통 2주 정도면 대부분 빠집니다.", "상담 후 정확한 비용을 안내해 드립니다.", "한 달 정도 입으시는 것을 권해 드립니다.",
           "Please visit us for a consultation.")
LEAKS = ("보험 서류에 SSN 536-22-8726 적어 주세요.", "환불은 IBAN DE44 5001 0517 5407 3249 31 로 부탁드려요.",
         "어제 권은진 씨가 소개해 주셨어요.", "카톡 아이디: zeta_hana99 로 연락 주세요.")
N_CONSULTATIONS = 400


def write_source(folder: Path, leaking: int, seed: int = 21) -> list[str]:
    """A generated source with ordinary texts; ``leaking`` eligible-looking consultations get a planted
    value appended to their question. Returns the planted consultation ids."""
    generate(folder, n_consultations=N_CONSULTATIONS, seed=seed)
    rng = random.Random(seed)
    consultations = read_jsonl(folder / "consultations.jsonl")
    for c in consultations:
        c["question"], c["answer"] = rng.choice(QUESTIONS), rng.choice(ANSWERS)
    candidates = [c for c in consultations if not c["deleted"] and c["created_at"] >= "2024"
                  and (c.get("age") or 30) >= 20]
    planted = rng.sample(candidates, leaking)
    for i, c in enumerate(planted):
        c["question"] = f"{c['question']} {LEAKS[i % len(LEAKS)]}"
    write_jsonl(folder / "consultations.jsonl", consultations)
    return [c["consultation_id"] for c in planted]


def kept_text_policy(tmp_path: Path) -> Path:
    policy = Path(__file__).resolve().parent.parent / "anonymise" / "policy.toml"
    kept = tmp_path / "policy.toml"
    kept.write_text(policy.read_text().replace('question = "text"', 'question = "keep"')
                    .replace('answer = "text"', 'answer = "keep"'))
    return kept


def record_level(out: Path, ids: list[str]) -> set[str]:
    """Staging pseudonyms of those of ``ids`` that reached record-level staging in the run."""
    staged = pq.read_table(out / "private" / "staging" / "anonymised" / "current.parquet").to_pylist()
    record_level = {r["pseudo_consultation_id"] for r in staged if r["record_level"]}
    return {p for p in (pseudonym(bytes.fromhex(KEY_HEX), i, "staging") for i in ids) if p in record_level}


def test_a_few_records_that_defeat_the_anonymiser_are_withheld_and_the_run_promotes(tmp_path):
    source = tmp_path / "source"
    planted = write_source(source, leaking=2)  # 2 of ~300 record-level consultations: under 1 %
    out = tmp_path / "out"
    result = run_cli(source, out, tmp_path / "home", CLINIC_ANON_ANONYMISE__POLICY_FILE=str(kept_text_policy(tmp_path)))
    assert result.returncode == 0, result.stderr[-3000:]
    release = latest(out)
    manifest = json.loads((release / "manifest.json").read_text())
    withheld = manifest["check"]["withheld"]
    expected = record_level(out, planted)
    assert expected and withheld["records"] == len(expected)
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


def test_many_such_records_block_the_run(tmp_path):
    source = tmp_path / "source"
    write_source(source, leaking=12)  # 3 % of the source, above the default 1 %
    out = tmp_path / "out"
    result = run_cli(source, out, tmp_path / "home", CLINIC_ANON_ANONYMISE__POLICY_FILE=str(kept_text_policy(tmp_path)))
    assert result.returncode == 1, result.stderr[-3000:]
    assert "BLOCKED" in result.stderr
    assert not (out / "release" / "latest").exists()
    blocked = next((out / "private" / "runs").glob("*/release/manifest.json"))
    check = json.loads(blocked.read_text())["check"]
    assert "would be withheld" in check["blocked_because"]
    assert check["withheld"]["records"] == 0  # nothing was withheld: the run blocked instead
