"""A planted consultation with an age, a station, an employer, a school and a surgery date, through the
real anonymise stage (Redactor, field policy) and the real release build: the academic release carries
none of them exactly but their generalisations, faq/staging's strictest text none at all, publishing its own
form; and one member with many consultations is counted as one person."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from flows.anonymise_stage import anonymise_chunk
from reports.settings import ReleaseSettings
from flows.config import load_settings
from reports.build import ReleaseRiskExceeded, build_releases

KEY = bytes(range(32))
RUN_INFO = {"run_id": "20261101T000000Z-qi", "as_of": "2026-11-01", "policy_hash": "p"}
PLANTED = ("32살 직장인인데 삼성전자 다니고 강남역 근처 살아요. 연세대 졸업했고 2024년 3월 14일에 코 수술했어요. "
           "재수술 가능한가요?")
EXACT = ("32살", "삼성전자", "강남역", "연세대", "3월 14일", "2024년 3월")


def consultation(i: int, question: str, member_id: str | None = None) -> dict:
    created = datetime(2025, 5, 1 + i % 27, 10, tzinfo=timezone.utc)
    return {"consultation_id": f"c{i:04d}", "member_id": member_id, "name": "한가람", "phone": f"010-5555-{i:04d}",
            "email": None, "sex": "F", "age": 32, "region": "서울 강남구", "interested_area": "nose",
            "preferred_time": None, "channel": "homepage", "language": "ko", "created_at": created,
            "updated_at": created, "ip_address": None, "title": "코 재수술 문의", "question": question,
            "answer": "네, 6개월 이후 재수술 가능합니다.", "answered_by": "의사", "answered_at": created,
            "deleted": False, "exclusion_reason": None, "aggregate_only": False, "age_at_consultation": 32,
            "member": None}


def stage(tmp_path: Path, records: list[dict]) -> Path:
    chunk = tmp_path / "chunk.parquet"
    pq.write_table(pa.Table.from_pylist(records), chunk)
    staging = tmp_path / "anonymised"
    staging.mkdir()
    anonymise_chunk(str(chunk), str(staging / "current.parquet"), load_settings().anonymise, KEY)
    return staging


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("planted")
    fillers = [consultation(i, "코 재수술은 언제부터 가능한가요?") for i in range(1, 12)]
    staging = stage(tmp, [consultation(0, PLANTED)] + fillers)
    releases = build_releases(staging, tmp / "release", ReleaseSettings(), KEY, RUN_INFO)
    return staging, releases


def test_academic_text_carries_none_of_the_planted_facts_exactly(built):
    _, releases = built
    with duckdb.connect(str(releases["academic"].path), read_only=True) as con:
        texts = [q for (q,) in con.execute("SELECT question FROM consultations").fetchall()]
    planted = [t for t in texts if "재수술 가능한가요" in t]
    assert len(planted) == 1
    assert not [part for part in EXACT if part in planted[0]]
    for generalised in ("30대", "<WORKPLACE>", "서울 근처", "대학교 졸업", "2024년 1분기"):
        assert generalised in planted[0]


def test_staging_default_text_removes_every_quasi_identifier_and_publishing_keeps_its_own(built):
    staging, releases = built
    row = pq.read_table(staging / "current.parquet").to_pylist()
    planted = next(r for r in row if "재수술 가능한가요" in (r["question"] or ""))
    for placeholder in ("<AGE>", "<WORKPLACE>", "<PLACE>", "<SCHOOL>", "<DATE>"):
        assert placeholder in planted["question"]
    assert "30대" in planted["pub_question"] and "[직장]" in planted["pub_question"] and "2024년" in planted["pub_question"]
    assert planted["qi_found"] == '{"AGE": 1, "DATE": 1, "PLACE": 1, "SCHOOL": 1, "WORKPLACE": 1}'
    with duckdb.connect(str(releases["publishing"].path), read_only=True) as con:
        texts = " ".join(q for (q,) in con.execute("SELECT question FROM cases").fetchall())
    assert not [part for part in EXACT if part in texts]


def test_k_counts_one_member_with_many_consultations_once(tmp_path):
    # Eleven consultations alike: one member asks seven times, four guests once each = 5 persons.
    records = [consultation(i, "코 재수술은 언제부터 가능한가요?", member_id="frequent") for i in range(7)]
    records += [consultation(10 + i, "코 재수술은 언제부터 가능한가요?") for i in range(4)]
    staging = stage(tmp_path, records)
    one_class = {"max_average": 1.0}  # a single class of 5 persons: average risk 0.2, above the default limit
    releases = build_releases(staging, tmp_path / "k5", ReleaseSettings(k_anonymity=5, risk=one_class), KEY, RUN_INFO)
    info = releases["academic"].info
    assert info["k_achieved"] == 5 and info["risk.k_persons"] == 5 and info["risk.persons"] == 5
    assert info["risk.k_rows"] == 11 and info["risk.prosecutor_highest"] == pytest.approx(0.2)
    # k = 6 cannot hold over persons, though it would over rows: nothing of them is released.
    releases = build_releases(staging, tmp_path / "k6", ReleaseSettings(k_anonymity=6, risk=one_class), KEY, RUN_INFO)
    assert releases["academic"].tables["consultations"] == 0


def test_a_release_above_the_risk_limit_is_not_built(tmp_path):
    records = [consultation(i, "코 재수술은 언제부터 가능한가요?") for i in range(6)]
    staging = stage(tmp_path, records)
    strict = ReleaseSettings(risk={"max_highest": 0.1})  # 6 persons in one class: risk 1/6 > 0.1
    with pytest.raises(ReleaseRiskExceeded, match="highest prosecutor risk"):
        build_releases(staging, tmp_path / "blocked", strict, KEY, RUN_INFO)
    assert not (tmp_path / "blocked" / "academic.duckdb").exists()
