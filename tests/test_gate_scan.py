"""The leak gate on small real DuckDB releases: a clean release passes, each planted leak is caught
(masked), errors fail closed, and the canary self-test catches every canary.

All people here are invented for these tests.
"""
from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from gate_fixtures import KEY, build_clean_release, plant, write_snapshot

from anonymise.gate import CheckSettings, canary_self_test, check_release, snapshot_needles
from anonymise.gate.scan import ALLOWLIST_FILE


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory) -> Path:
    """The run's accepted snapshot: members.parquet and consultations.parquet, as ingest writes them."""
    folder = tmp_path_factory.mktemp("accepted")
    write_snapshot(folder)
    return folder


@pytest.fixture
def source(snapshot):
    """Fresh needles of the snapshot for one check (the check adds the key to them)."""
    return lambda: snapshot_needles(snapshot)


@pytest.fixture(scope="module")
def allowlist() -> Path:
    """The real contract: reports/release_allowlist.toml."""
    return ALLOWLIST_FILE


@pytest.fixture(scope="module")
def clean_template(tmp_path_factory) -> Path:
    return build_clean_release(tmp_path_factory.mktemp("template") / "release")


@pytest.fixture
def clean(tmp_path, clean_template) -> Callable[[], Path]:
    """A fresh copy of the clean release for one test to plant leaks into."""
    return lambda: Path(shutil.copytree(clean_template, tmp_path / "r1"))


@pytest.fixture
def settings():
    return CheckSettings(k_anonymity=3, min_cell_size=10)


def blocking(report) -> list:
    return [f for f in report.findings if f.severity == "block"]


def test_clean_release_passes(tmp_path, clean, source, settings, allowlist):
    release = clean()
    report = check_release(release, source(), KEY, settings, allowlist=allowlist)
    assert blocking(report) == [], report.to_markdown()
    assert report.passed and report.needles > 20


LEAKS = {
    # name: (db, SQL, expected kind, expected table, expected column, masked, clear value)
    "name in faq text": ("faq", "UPDATE faq_entries SET answer = answer || ' 한도윤 고객님 예약 확인'",
                         "source:name", "faq_entries", "answer", "한*윤", "한도윤"),
    "latin name in faq list": ("faq", "UPDATE faq_entries SET example_questions = ['Hi, this is Clara Whitfield']",
                               "source:name", "faq_entries", "example_questions", "C**** W********", "Clara Whitfield"),
    "phone with other separators in academic": (
        "academic", "UPDATE consultations SET question = '연락처 010 2468.1357 입니다' WHERE pseudo_id = 'a001'",
        "source:phone", "consultations", "question", "010-****-1357", "2468"),
    "+82 phone in academic": ("academic", "UPDATE consultations SET answer = 'call +82 (0)10 9753 8642' "
                                          "WHERE pseudo_id = 'a002'",
                              "source:phone", "consultations", "answer", "010-****-8642", "9753"),
    "e-mail in publishing": ("publishing", "UPDATE cases SET answer = 'mail DOYUN.HAN77@example.org please'",
                             "source:email", "cases", "answer", "d***@e***.org", "doyun.han77"),
    "e-mail local part in publishing": ("publishing", "UPDATE cases SET question = '인스타 jaehee.y 로 DM'",
                                        "source:email_local", "cases", "question", "j*****.y", "jaehee.y"),
    "guardian rrn": ("publishing", "UPDATE cases SET answer = '보호자 주민번호 800101 - 1234568'",
                     "source:rrn", "cases", "answer", "8*****-*******", "1234568"),
    "road address fragment": ("faq", "UPDATE recommended_consultations SET answer = '판교역로 166 근처에 살아요'",
                              "source:address", "recommended_consultations", "answer", "판*** 1**", "판교역로"),
    "ip address": ("academic", "UPDATE consultations SET answer = 'from 203.0.113.45' WHERE pseudo_id = 'a003'",
                   "source:ip", "consultations", "answer", "2**.0.1**.4*", "203.0.113.45"),
    "login id": ("faq", "UPDATE faq_entries SET question = '아이디 dyhan77 입니다'",
                 "source:member_id", "faq_entries", "question", "d******", "dyhan77"),
    "given name with honorific": ("publishing", "UPDATE cases SET answer = '도윤님 회복 잘 되고 있어요'",
                                  "source:given_name", "cases", "answer", "도*", "도윤님"),
    "the answering doctor's name": ("publishing", "UPDATE cases SET answer = '서지훈 원장님이 답변드립니다'",
                                    "source:name", "cases", "answer", "서*훈", "서지훈"),
    "romanised Korean name": ("publishing", "UPDATE cases SET answer = 'Doyun Han visited last week'",
                              "source:name", "cases", "answer", "한*윤", "Doyun"),
    "pinyin of a Chinese name": ("academic", "UPDATE consultations SET answer = 'Thanks, Wang Lihua' "
                                             "WHERE pseudo_id = 'a005'",
                                 "source:name", "consultations", "answer", "王*华", "Lihua"),
    "foreign phone without its country code": ("faq", "UPDATE faq_entries SET answer = 'call 415-555-0134'",
                                               "source:phone", "faq_entries", "answer", "141-****-0134", "555-0134"),
    "small advertiser cell": ("advertiser", "UPDATE by_channel SET consultations = 3 WHERE channel = 'homepage'",
                              "small_cell", "by_channel", "consultations", "n<10", None),
    "forbidden column": ("academic", "ALTER TABLE consultations ADD COLUMN phone VARCHAR",
                         "forbidden_column", "consultations", "phone", "phone", None),
    "forbidden table": ("advertiser", "CREATE TABLE members_copy(x INTEGER)",
                        "forbidden_table", "members_copy", "", "members_copy", None),
    "k violation": ("academic", "UPDATE consultations SET age_band = '40-49' WHERE pseudo_id = 'a000'",
                    "k_anonymity", "consultations", "age_band,sex,region,interested_area,month", "n=1 < k=3", None),
    "suppressed cell derivable from total": ("advertiser", "UPDATE by_channel SET consultations = 10, "
                                                           "suppressed = false WHERE channel = 'email'",
                                             "derivable_suppressed_cell", "by_channel", "consultations",
                                             "one suppressed cell", None),
    "key material in a cell": ("faq", f"UPDATE faq_entries SET answer = '{KEY.hex().upper()}'",
                               "source:key_material", "faq_entries", "answer", "<key material>", KEY.hex()),
    "table comment": ("academic", "COMMENT ON COLUMN consultations.region IS '예: 월드컵북로 45'",
                      "source:address", "(comments)", "comment", "월**** 4*", "월드컵북로"),
}


@pytest.mark.parametrize("leak", list(LEAKS), ids=list(LEAKS))
def test_each_planted_leak_is_caught_and_masked(tmp_path, clean, source, settings, allowlist, leak):
    db, sql, kind, table, column, masked, clear = LEAKS[leak]
    release = clean()
    plant(release, db, sql)
    report = check_release(release, source(), KEY, settings, allowlist=allowlist)
    assert not report.passed
    found = [f for f in blocking(report) if f.kind == kind]
    assert found, report.to_markdown()
    assert (found[0].release, found[0].table, found[0].column, found[0].masked) == (db, table, column, masked)
    assert report.findings_by_kind[kind] >= 1
    if clear is not None:
        assert clear.lower() not in json.dumps(report.to_dict(), ensure_ascii=False).lower()
        assert clear.lower() not in report.to_markdown().lower()


@pytest.mark.parametrize("written", ["1991-07-23", "1991년 7월 23일"])
def test_weak_values_are_reported_but_do_not_block(tmp_path, clean, source, settings, allowlist, written):
    release = clean()
    # A birth date of the source written as a visit date: a date is a safe quantity, the needle is weak.
    plant(release, "publishing", "UPDATE cases SET answer = ?", [f"예약은 {written} 로 잡아 드렸어요."])
    report = check_release(release, source(), KEY, settings, allowlist=allowlist)
    assert report.passed, report.to_markdown()
    assert report.warnings_by_kind.get("source:birth_date") == 1


def test_a_source_value_in_an_xlsx_report_cell_is_caught(tmp_path, clean, source, settings, allowlist):
    from openpyxl import Workbook

    release = clean()
    book = Workbook()
    book.active.title = "by_channel"
    book.active.append(["channel", "consultations"])
    book.active.append(["kakao", "Clara Whitfield"])
    book.save(release / "advertiser_report.xlsx")
    report = check_release(release, source(), KEY, settings, allowlist=allowlist)
    found = {(f.kind, f.row_id) for f in blocking(report) if f.table == "(file) advertiser_report.xlsx"}
    assert ("source:name", "by_channel!B2") in found


def test_a_bare_given_name_blocks_by_the_text_rule_though_its_needle_is_weak(tmp_path, clean, source, settings,
                                                                             allowlist):
    release = clean()
    plant(release, "publishing", "UPDATE cases SET answer = '도윤이 같이 왔어요.'")
    report = check_release(release, source(), KEY, settings, allowlist=allowlist)
    assert "source:given_name" in report.warnings_by_kind
    assert [(f.kind, f.row_id, f.masked) for f in blocking(report)] == [("text:korean_name", "p1", "도*이")]


def test_digits_of_separate_numbers_do_not_join_into_a_phone(tmp_path, clean, source, settings, allowlist):
    release = clean()
    # 010 / 2468 / 1357 far apart in a sentence are not a phone number.
    plant(release, "faq", "UPDATE faq_entries SET answer = '010번 상담실, 2468원 주차비, 1357번 버스'")
    assert check_release(release, source(), KEY, settings, allowlist=allowlist).passed


def test_key_material_in_a_file_is_caught(tmp_path, clean, source, settings, allowlist):
    release = clean()
    (release / "notes.bin").write_bytes(b"x" * 100 + KEY + b"y")
    report = check_release(release, source(), KEY, settings, allowlist=allowlist)
    assert [f.row_id for f in blocking(report) if f.kind == "key_material"] == ["notes.bin"]
    assert KEY.hex() not in json.dumps(report.to_dict())


def test_leak_in_a_report_file_is_caught(tmp_path, clean, source, settings, allowlist):
    release = clean()
    (release / "faq_book.html").write_text("<p>line</p>\n<p>Clara Whitfield</p>\n")
    report = check_release(release, source(), KEY, settings, allowlist=allowlist)
    found = [f for f in blocking(report) if f.kind == "source:name"]
    assert [(f.table, f.row_id) for f in found] == [("(file) faq_book.html", "line 2")]


def test_the_pipelines_own_ids_in_a_report_are_not_record_text_but_a_phone_beside_them_is(tmp_path, clean, source,
                                                                                            settings, allowlist):
    release = clean()
    # A run id's random suffix can be all digits, and a fingerprint can hold a phone-like digit run.
    (release / "manifest.md").write_text("# Run 20261201T233259Z-979695\n\nkey 01012345678abcdef0\n")
    assert check_release(release, source(), KEY, settings, allowlist=allowlist).passed
    (release / "manifest.md").write_text("# Run 20261201T233259Z-979695\n\ncall 010-4821-7730\n")
    found = [f.kind for f in blocking(check_release(release, source(), KEY, settings, allowlist=allowlist))]
    assert "identifier:phone" in found


@pytest.mark.parametrize("breakage", ["unreadable database", "missing release", "no allowlist"])
def test_errors_fail_closed(tmp_path, clean, source, settings, allowlist, breakage):
    release = clean()
    if breakage == "unreadable database":
        (release / "academic.duckdb").write_bytes(b"not a database")
    elif breakage == "missing release":
        (release / "publishing.duckdb").unlink()
    else:
        allowlist = tmp_path / "absent.toml"
    report = check_release(release, source(), KEY, settings, allowlist=allowlist)
    assert not report.passed
    assert set(report.findings_by_kind) <= {"check_error", "missing_release"}


def test_a_missing_snapshot_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        snapshot_needles(tmp_path / "no-snapshot")


def test_canary_self_test_catches_every_canary(tmp_path, clean, source, settings, allowlist):
    release = clean()
    before = {p.name: p.read_bytes() for p in release.iterdir()}
    result = canary_self_test(release, tmp_path / "scratch", source(), KEY, settings, allowlist=allowlist)
    assert result.passed, result.missed_kinds
    assert result.planted == result.caught == 14
    assert {p.name: p.read_bytes() for p in release.iterdir()} == before  # only the copy was touched


def test_canary_self_test_fails_when_a_check_is_broken(tmp_path, clean, source, settings, allowlist, monkeypatch):
    import anonymise.gate.scan as scan

    monkeypatch.setattr(scan, "_check_k", lambda *args: None)
    release = clean()
    result = canary_self_test(release, tmp_path / "scratch", source(), KEY, settings, allowlist=allowlist)
    assert not result.passed and result.missed_kinds == ("k_anonymity",)


def test_weak_path_canaries_fail_when_the_validators_are_off(tmp_path, clean, source, settings, allowlist,
                                                            monkeypatch):
    import anonymise.gate.scan as scan

    monkeypatch.setattr(scan, "find_identifiers", lambda *args: iter(()))
    result = canary_self_test(clean(), tmp_path / "scratch", source(), KEY, settings, allowlist=allowlist)
    assert set(result.missed_kinds) == {"identifier:card", "identifier:ssn", "identifier:phone", "identifier:iban",
                                        "identifier:messenger_id"}


def test_presidio_rescan_when_on_catches_a_phone_that_is_not_in_the_source(tmp_path, clean, source, allowlist):
    release = clean()
    # A residual phone of somebody the source does not know (a friend named in the text).
    plant(release, "academic", "UPDATE consultations SET answer = '친구 번호 010-8642-1098 로 주세요' "
                               "WHERE pseudo_id = 'a004'")
    settings = CheckSettings(k_anonymity=3, presidio_rescan=True)
    report = check_release(release, source(), KEY, settings, allowlist=allowlist)
    found = [f for f in blocking(report) if f.kind == "rescan:PHONE"]
    assert [(f.table, f.column, f.row_id, f.masked) for f in found] == [
        ("consultations", "answer", "a004", "010-****-1098")]
    assert report.cells_rescanned >= 1 and "8642" not in report.to_markdown()


def test_phone_digits_inside_a_hex_pseudonym_are_not_a_leak_but_a_phone_as_id_is(tmp_path, clean, source, settings,
                                                                                  allowlist):
    release = clean()
    plant(release, "academic", "UPDATE consultations SET pseudo_member_id = '9a1024681357e0f4' WHERE pseudo_id = 'a000'")
    assert check_release(release, source(), KEY, settings, allowlist=allowlist).passed
    plant(release, "academic", "UPDATE consultations SET pseudo_member_id = '01024681357' WHERE pseudo_id = 'a001'")
    report = check_release(release, source(), KEY, settings, allowlist=allowlist)
    assert [(f.kind, f.column, f.row_id) for f in blocking(report)] == [("source:phone", "pseudo_member_id", "a001")]


def test_bundled_script_library_is_skipped_but_line_numbers_stay(tmp_path, clean, source, settings, allowlist):
    release = clean()
    library = "var Clara=1;\n" * 5000  # a charting library's code, not release content
    (release / "report.html").write_text(f"<html><script>{library}</script>\n<p>Clara Whitfield</p></html>\n")
    report = check_release(release, source(), KEY, settings, allowlist=allowlist)
    found = [(f.kind, f.row_id) for f in report.findings if f.table == "(file) report.html"]
    assert ("source:name", "line 5002") in found  # the line after </script>
    assert {row for _, row in found} == {"line 5002"}


def test_k_is_checked_over_persons_not_rows(tmp_path, clean, source, settings, allowlist):
    release = clean()
    plant(release, "academic", "UPDATE consultations SET pseudo_member_id = 'm0' WHERE pseudo_id IN ('a000', 'a001')")
    report = check_release(release, source(), KEY, settings, allowlist=allowlist)
    # Three rows of 20-29 but two persons (one member asked twice): below k = 3.
    assert [(f.kind, f.masked) for f in blocking(report)] == [("k_anonymity", "n=2 < k=3")]
