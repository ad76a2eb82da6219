"""Validation: typed records or short reason codes that never quote a value."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings, strategies as st

from flows.config import SourceSettings
from flows.sources import UnparsedRow
from flows.validation import TableValidator, exclusion_claim

SEOUL = timezone(timedelta(hours=9))
AS_OF = date(2026, 11, 22)  # a fixed as-of day: no test depends on the day it runs
CONSULTATION = {"consultation_id": "V1", "member_id": "tester01", "created_at": "2025-03-01T10:00:00",
                "deleted": "N", "age": "35", "question": "눈매교정 상담 원합니다"}
MEMBER = {"member_id": "tester01", "status": "active", "birth_date": "1990-05-01"}


def consultation(**changes):
    return {**CONSULTATION, **changes}


def check(row, table="consultations", **source_settings):
    return TableValidator(table, SourceSettings(**source_settings), as_of=AS_OF).validate(row)


def test_a_valid_csv_style_row_becomes_typed_values():
    record, reason = check(consultation(sex="f", channel="Kakao", language="", interested_area="eyes"))

    assert reason is None
    assert record["created_at"] == datetime(2025, 3, 1, 10, tzinfo=SEOUL)  # zone-less: Asia/Seoul
    assert record["created_at"].utcoffset() == timedelta(hours=9)
    assert record["deleted"] is False and record["age"] == 35
    assert (record["sex"], record["channel"], record["language"]) == ("F", "kakao", None)


def test_zoned_timestamps_keep_their_instant_and_the_default_zone_is_configurable():
    record, _ = check(consultation(created_at="2025-03-01T01:00:00Z", answered_at="2025-03-01 12:30:00"),
                      timezone="Europe/Paris")

    assert record["created_at"] == datetime(2025, 3, 1, 10, tzinfo=SEOUL)
    assert record["answered_at"].utcoffset() == timedelta(hours=1)


@pytest.mark.parametrize(("raw", "expected"), [
    ("true", True), ("false", False), ("1", True), ("0", False), ("Y", True), ("N", False),
    ("y", True), ("n", False), (True, True), (0, False),
])
def test_booleans_from_csv_strings(raw, expected):
    record, reason = check(consultation(deleted=raw))
    assert reason is None and record["deleted"] is expected


@pytest.mark.parametrize(("changes", "reason"), [
    ({"consultation_id": None}, "missing:consultation_id"),
    ({"consultation_id": "   "}, "missing:consultation_id"),
    ({"deleted": None}, "missing:deleted"),
    ({"deleted": "maybe"}, "invalid:deleted"),
    ({"created_at": "last tuesday"}, "invalid:created_at"),
    ({"created_at": "2025-02-30T10:00:00"}, "invalid:created_at"),
    ({"created_at": "2000000000"}, "invalid:created_at"),     # digits are not seconds since 1970
    ({"created_at": " 1700000000.5 "}, "invalid:created_at"),
    ({"created_at": "2026-11-23T00:00:00"}, "future:created_at"),  # the day after AS_OF
    ({"age": "서른"}, "invalid:age"),
    ({"age": 131}, "invalid:age"),
    ({"sex": "X"}, "invalid:sex"),
    ({"channel": "carrier-pigeon"}, "invalid:channel"),
    ({"language": "fr"}, "invalid:language"),
    ({"interested_area": "teeth"}, "invalid:interested_area"),
    ({"question": "가" * 101}, "too_long:question"),
    ({"title": "코\x00수술"}, "nul_byte:title"),
    ({"question": {"nested": "object"}}, "invalid:question"),
])
def test_bad_values_get_a_short_reason_without_the_value(changes, reason):
    row = consultation(**changes)
    if "consultation_id" in changes and changes["consultation_id"] is None:
        del row["consultation_id"]
    assert check(row, text_max_chars=100) == (None, reason)


def test_member_enums_dates_and_required_fields():
    assert check({**MEMBER, "status": "Withdrawn"}, "members")[0]["status"] == "withdrawn"
    assert check({**MEMBER, "birth_date": "1990-13-01"}, "members") == (None, "invalid:birth_date")
    assert check({**MEMBER, "birth_date": "1890-01-01"}, "members") == (None, "invalid:birth_date")
    assert check({**MEMBER, "status": "paused"}, "members") == (None, "invalid:status")
    assert check({"member_id": "tester01", "birth_date": None}, "members") == (None, "missing:status")
    assert check({**MEMBER, "marketing_consent": "Y"}, "members")[0]["marketing_consent"] is True
    assert check({**MEMBER, "birth_date": "2001-02-03"}, "members")[0]["birth_date"] == date(2001, 2, 3)


def test_control_characters_are_stripped_but_nul_quarantines():
    record, reason = check(consultation(question="코\x07 성형\u200b 문의\x1b", title=" 제목\r\n"))

    assert reason is None
    assert record["question"] == "코 성형 문의"
    assert record["title"] == "제목"
    assert check(consultation(answer="ok\x00"))[1] == "nul_byte:answer"


def test_numbers_in_text_columns_are_kept_as_text():
    record, _ = check(consultation(consultation_id=1024, phone=1012345678))
    assert (record["consultation_id"], record["phone"]) == ("1024", "1012345678")


def test_second_row_with_an_id_is_a_duplicate_and_unknown_columns_are_counted():
    validator = TableValidator("consultations", SourceSettings(), as_of=AS_OF)

    first = validator.validate(consultation(shoe_size="250", referrer="search"))
    second = validator.validate(consultation(question="다른 질문", shoe_size="245"))
    other = validator.validate(consultation(consultation_id="V2"))

    assert first[1] is None and "shoe_size" not in first[0] and "referrer" not in first[0]
    assert second == (None, "duplicate:consultation_id")
    assert other[1] is None
    assert validator.unknown_columns == {"shoe_size": 2, "referrer": 1}


def test_unparsed_rows_keep_their_reason():
    assert check(UnparsedRow("malformed_json", "{oops")) == (None, "malformed_json")


def test_exclusion_claims_of_rejected_rows():
    assert exclusion_claim("members", {"member_id": " tester01 ", "status": "WITHDRAWN"}) == "tester01"
    assert exclusion_claim("members", {"member_id": "tester01", "status": "x", "withdrawn_at": "2024-01-01"}) == "tester01"
    assert exclusion_claim("members", {"member_id": "tester01", "status": "active", "withdrawn_at": ""}) is None
    assert exclusion_claim("consultations", {"consultation_id": "V1", "deleted": " Y"}) == "V1"
    assert exclusion_claim("consultations", {"consultation_id": "V1", "deleted": "N"}) is None
    assert exclusion_claim("consultations", {"consultation_id": None, "deleted": True}) is None
    assert exclusion_claim("consultations", UnparsedRow("malformed_json", '{"deleted": true')) is None


_any_value = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=30),
                       st.dates().map(str), st.datetimes().map(str), st.lists(st.text(max_size=5), max_size=2))


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from(list(CONSULTATION) + ["sex", "channel", "answered_at", "extra"]),
                       _any_value, max_size=8))
def test_any_row_is_accepted_or_given_a_reason_that_quotes_nothing(row):
    record, reason = check(row, text_max_chars=20)

    assert (record is None) != (reason is None)
    if reason is not None:
        code, _, field = reason.partition(":")
        assert code in {"missing", "invalid", "too_long", "nul_byte", "duplicate", "future"}
        assert field in row or field in CONSULTATION or field in {"consultation_id", "created_at", "deleted"}
