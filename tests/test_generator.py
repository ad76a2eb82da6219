"""The synthetic data generator: contract columns and types, determinism, gold correctness,
identifier check digits, eligibility phenomena, and the three file formats."""
from __future__ import annotations

import csv
import json
import random
import re
import unicodedata
from datetime import date, datetime, timedelta

import duckdb
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from stdnum import luhn

from anonymise.kr_check_digits import brn_ok, registration_number_ok
from data_samples import identifiers as ids
from data_samples import writers
from data_samples.generator import DEFAULT_AS_OF, generate
from flows.cli import main

N = 200
MEMBER_COLUMNS = ["member_id", "name", "birth_date", "sex", "phone", "email", "address", "joined_at", "status",
                  "withdrawn_at", "marketing_consent", "guardian_name", "guardian_phone", "guardian_rrn"]
CONSULTATION_COLUMNS = ["consultation_id", "member_id", "name", "phone", "email", "sex", "age", "region",
                        "interested_area", "preferred_time", "channel", "language", "created_at", "updated_at",
                        "ip_address", "title", "question", "answer", "answered_by", "answered_at", "deleted"]
ENTITY_TYPES = {"PERSON", "PHONE", "RRN", "FRN", "PASSPORT", "DRIVER_LICENSE", "BRN", "BANK_ACCOUNT", "CREDIT_CARD",
                "EMAIL", "URL", "IP_ADDRESS", "MESSENGER_ID", "SOCIAL_HANDLE", "MEMBER_ID", "ADDRESS", "DOB",
                "CHART_NO", "VEHICLE_NO"}
TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00$")


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def norm(s: str) -> str:
    return unicodedata.normalize("NFKC", s).casefold()


def ts(value: str) -> datetime:
    return datetime.fromisoformat(value)


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    out = tmp_path_factory.mktemp("sample")
    summary = generate(out, N, seed=7)
    return summary, read_jsonl(summary.files["members"]), read_jsonl(summary.files["consultations"]), \
        read_jsonl(summary.files["gold"])


def test_summary_counts_match_files(sample):
    summary, members, consultations, gold = sample
    assert summary.n_consultations == len(consultations) == len(gold) == N
    assert summary.n_members == len(members)
    assert summary.n_pii == sum(len(g["pii"]) for g in gold) > 0


def test_columns_follow_the_contract(sample):
    _, members, consultations, _ = sample
    assert all(list(m) == MEMBER_COLUMNS for m in members)
    assert all(list(c) == CONSULTATION_COLUMNS for c in consultations)


def test_member_values_have_contract_types(sample):
    _, members, _, _ = sample
    assert len({m["member_id"] for m in members}) == len(members)
    for m in members:
        assert TIMESTAMP.match(m["joined_at"])
        assert m["status"] in ("active", "withdrawn")
        assert (m["status"] == "withdrawn") == (m["withdrawn_at"] is not None)
        if m["withdrawn_at"]:
            assert TIMESTAMP.match(m["withdrawn_at"]) and ts(m["withdrawn_at"]) >= ts(m["joined_at"])
        assert isinstance(m["marketing_consent"], bool)
        assert m["sex"] in ("F", "M", None)
        child = m["birth_date"] is not None and date.fromisoformat(m["birth_date"]) > DEFAULT_AS_OF.replace(
            year=DEFAULT_AS_OF.year - 14)
        # guardian columns are filled exactly for members under 14
        assert all((m[k] is not None) == child for k in ("guardian_name", "guardian_phone", "guardian_rrn"))


def test_consultation_values_have_contract_types(sample):
    _, members, consultations, _ = sample
    member_ids = {m["member_id"] for m in members}
    withdrawn_at = {m["member_id"]: m["withdrawn_at"] for m in members if m["withdrawn_at"]}
    for c in consultations:
        assert c["member_id"] is None or c["member_id"] in member_ids
        assert TIMESTAMP.match(c["created_at"]) and TIMESTAMP.match(c["updated_at"])
        assert ts(c["updated_at"]) >= ts(c["created_at"])
        assert isinstance(c["deleted"], bool)
        assert c["age"] is None or isinstance(c["age"], int)
        assert c["sex"] in ("F", "M", None)
        assert c["language"] in ("ko", "en", "zh", "ja", None)
        assert c["interested_area"] in ("eyes", "nose", "face_contour", "breast", "body", "lifting", "skin",
                                        "hair", "other")
        assert c["channel"] in ("homepage", "kakao", "phone", "realtime", "email", "fax", "board")
        answered = [c[k] is not None for k in ("answer", "answered_by", "answered_at")]
        assert all(answered) or not any(answered)
        if c["answered_at"]:
            assert TIMESTAMP.match(c["answered_at"])
            assert ts(c["created_at"]) <= ts(c["answered_at"]) <= ts(c["updated_at"])
        assert ts(c["created_at"]).date() <= DEFAULT_AS_OF and ts(c["updated_at"]).date() <= DEFAULT_AS_OF
        if c["member_id"] in withdrawn_at:
            assert ts(c["created_at"]) <= ts(withdrawn_at[c["member_id"]])
        assert c["title"] and c["question"]


def test_same_seed_gives_identical_files_and_another_seed_does_not(tmp_path):
    a = generate(tmp_path / "a", 60, seed=3)
    b = generate(tmp_path / "b", 60, seed=3)
    c = generate(tmp_path / "c", 60, seed=4)
    for name in ("members", "consultations", "gold"):
        assert a.files[name].read_bytes() == b.files[name].read_bytes()
        assert a.files[name].read_bytes() != c.files[name].read_bytes()


def test_gold_lines_have_the_evaluation_format(sample):
    _, _, consultations, gold = sample
    assert [g["consultation_id"] for g in gold] == [c["consultation_id"] for c in consultations]
    for g in gold:
        assert set(g) == {"consultation_id", "lang", "pii", "keep"}
        assert g["lang"] in ("ko", "en", "zh", "ja", "mixed")
        for e in g["pii"]:
            assert set(e) - {"fragments"} == {"field", "type", "value", "role", "src"}
            assert e["type"] in ENTITY_TYPES
            assert e["role"] in ("patient", "doctor", "staff", "other")
            assert e["src"] in ("text_only", "structured_exact", "structured_reformatted", "structured_variant")
        for k in g["keep"]:
            assert set(k) == {"field", "value", "kind"}


def test_every_gold_value_occurs_in_its_field(sample):
    _, _, consultations, gold = sample
    for c, g in zip(consultations, gold):
        for e in g["pii"]:
            assert norm(e["value"]) in norm(c[e["field"]]), e
            for fragment in e.get("fragments", ()):
                assert norm(fragment) in norm(e["value"])
        for k in g["keep"]:
            assert norm(k["value"]) in norm(c[k["field"]]), k


def test_gold_structured_sources_are_the_records_own_values(sample):
    _, members, consultations, gold = sample
    by_id = {m["member_id"]: m for m in members}
    digits = lambda s: re.sub(r"\D", "", unicodedata.normalize("NFKC", s))  # noqa: E731
    for c, g in zip(consultations, gold):
        m = by_id.get(c["member_id"], {})
        structured = {c[k] for k in ("name", "phone", "email", "member_id", "ip_address", "answered_by")}
        structured |= {m.get(k) for k in ("address", "birth_date", "guardian_name", "guardian_phone")}
        for e in g["pii"]:
            if e["src"] == "structured_exact":
                assert e["value"] in structured, e
            if e["src"] == "structured_reformatted" and e["type"] == "PHONE":
                assert digits(e["value"]).endswith(digits(c["phone"])[-8:])
            if e["type"] == "MEMBER_ID":
                assert e["value"] == c["member_id"]
            if e["type"] == "ADDRESS" and e["src"] == "structured_exact":
                assert e["value"] == by_id[c["member_id"]]["address"]
            if e["type"] == "PERSON" and e["role"] == "doctor" and e["src"] == "structured_exact":
                assert e["value"] == c["answered_by"]


def test_gold_covers_every_entity_type_and_source(sample):
    _, _, _, gold = sample
    types = {e["type"] for g in gold for e in g["pii"]}
    assert types == ENTITY_TYPES
    assert {e["src"] for g in gold for e in g["pii"]} == {"text_only", "structured_exact", "structured_reformatted",
                                                           "structured_variant"}
    kinds = {k["kind"] for g in gold for k in g["keep"]}
    assert {"procedure", "duration", "drug", "tricky", "term", "body", "price", "dose", "role"} <= kinds


def test_phones_come_in_many_formats(sample):
    _, _, _, gold = sample
    phones = [e["value"] for g in gold for e in g["pii"] if e["type"] == "PHONE"]
    shapes = {re.sub(r"\d", "9", unicodedata.normalize("NFKC", p)) for p in phones}
    assert len(shapes) >= 10
    assert any(p.startswith("+82") for p in phones) and any(re.match(r"0(2|[3-6]\d)-", p) for p in phones)


def rrn_birth(number: str) -> date:
    d = re.sub(r"\D", "", number)
    century = {"1": 1900, "2": 1900, "5": 1900, "6": 1900, "3": 2000, "4": 2000, "7": 2000, "8": 2000}[d[6]]
    return date(century + int(d[:2]), int(d[2:4]), int(d[4:6]))


def check_digit_ok(number: str) -> bool:
    return registration_number_ok(re.sub(r"\D", "", number))


def test_registration_numbers_in_the_sample_follow_the_checksum_rule(sample):
    _, members, _, gold = sample
    numbers = [(e["type"], e["value"]) for g in gold for e in g["pii"] if e["type"] in ("RRN", "FRN")]
    numbers += [("RRN", m["guardian_rrn"]) for m in members if m["guardian_rrn"]]
    assert numbers
    for kind, number in numbers:
        gender = re.sub(r"\D", "", number)[6]
        assert gender in ("1234" if kind == "RRN" else "5678")
        assert rrn_birth(number) <= DEFAULT_AS_OF
        if "*" not in number:
            assert check_digit_ok(number) == (rrn_birth(number) < ids.RRN_RANDOM_SINCE), number


@pytest.mark.parametrize("foreigner", [False, True])
def test_registration_number_checksum_valid_before_oct_2020_only(foreigner):
    rng = random.Random(11)
    for day in (date(1958, 3, 2), date(1999, 12, 31), date(2004, 7, 9), date(2020, 9, 30)):
        for sex in "FM":
            n = ids.registration_number(rng, day, sex, foreigner)
            assert rrn_birth(n) == day and check_digit_ok(n)
    for day in (date(2020, 10, 1), date(2022, 5, 17)):
        for _ in range(20):
            n = ids.registration_number(rng, day, rng.choice("FM"), foreigner, hyphen=False)
            assert len(n) == 13 and n[6] in ("78" if foreigner else "34") and not check_digit_ok(n)


def test_card_and_business_numbers_carry_valid_check_digits(sample):
    _, _, _, gold = sample
    cards = [e["value"] for g in gold for e in g["pii"] if e["type"] == "CREDIT_CARD"]
    brns = [e["value"] for g in gold for e in g["pii"] if e["type"] == "BRN"]
    assert cards and brns
    assert all(luhn.is_valid(re.sub(r"\D", "", c)) for c in cards)
    assert all(brn_ok(b) for b in brns)
    assert not luhn.is_valid("4111111111111112")  # the checker itself can fail


def test_records_exercise_the_eligibility_rules(sample):
    _, members, consultations, gold = sample
    assert any(c["deleted"] for c in consultations)
    assert sum(c["deleted"] for c in consultations) < N * 0.08
    withdrawn = {m["member_id"] for m in members if m["status"] == "withdrawn"}
    assert withdrawn and any(c["member_id"] in withdrawn for c in consultations)
    children = {m["member_id"] for m in members if m["guardian_name"]}
    assert children and any(c["member_id"] in children for c in consultations)
    cutoff = datetime(DEFAULT_AS_OF.year - 5, DEFAULT_AS_OF.month, DEFAULT_AS_OF.day).date()
    created = [ts(c["created_at"]).date() for c in consultations]
    assert min(created) < cutoff < max(created) <= DEFAULT_AS_OF + timedelta(days=1)
    assert any(c["member_id"] is None for c in consultations) and any(c["member_id"] for c in consultations)
    assert any(c["answer"] is None for c in consultations) and any(c["answer"] for c in consultations)
    assert {c["channel"] for c in consultations} == {"homepage", "kakao", "phone", "realtime", "email", "fax",
                                                     "board"}
    assert {c["language"] for c in consultations} == {"ko", "en", "zh", "ja", None}
    assert {g["lang"] for g in gold} == {"ko", "en", "zh", "ja", "mixed"}


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_csv_and_parquet_hold_the_same_rows_as_jsonl(tmp_path, fmt, monkeypatch):
    monkeypatch.setattr(writers, "ROW_GROUP_ROWS", 16)  # several row groups even for a small file
    ref = generate(tmp_path / "jsonl", 40, seed=5)
    other = generate(tmp_path / fmt, 40, seed=5, fmt=fmt)
    assert other.files["gold"].read_bytes() == ref.files["gold"].read_bytes()
    for name in ("members", "consultations"):
        expected = read_jsonl(ref.files[name])
        if fmt == "parquet":
            assert pq.ParquetFile(other.files[name]).metadata.num_row_groups > 1
            rows = duckdb.sql(f"SELECT * FROM read_parquet('{other.files[name]}')").fetchall()
            cols = [d[0] for d in duckdb.sql(f"DESCRIBE SELECT * FROM read_parquet('{other.files[name]}')").fetchall()]
            assert cols == list(expected[0])
            assert [dict(zip(cols, r)) for r in rows] == expected
        else:
            with open(other.files[name], encoding="utf-8", newline="") as f:
                rows = list(csv.DictReader(f))
            as_text = [{k: "" if v is None else ("true" if v else "false") if isinstance(v, bool) else str(v)
                        for k, v in r.items()} for r in expected]
            assert rows == as_text


def test_cli_sample_command_writes_the_files(tmp_path):
    result = CliRunner().invoke(main, ["sample", "--consultations", "30", "--seed", "9", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "30 consultations" in result.output
    assert len(read_jsonl(tmp_path / "consultations.jsonl")) == 30
