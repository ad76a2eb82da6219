"""The leak gate on small real DuckDB releases: a clean release passes, each planted leak is caught
(masked), errors fail closed, and the canary self-test catches every canary.

All people here are invented for these tests.
"""
from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

import pyarrow as pa
import pyarrow.parquet as pq

from anonymise.gate import CheckSettings, canary_self_test, check_release, snapshot_needles
from anonymise.gate.scan import ALLOWLIST_FILE
from reports.duckdb_extensions import load_fts

KEY = bytes.fromhex("5f3c9a0e7b2d4c6a8e1f3b5d7c9a0e2f4b6d8c0a1e3f5b7d9c2a4e6f8b0d1c3e")

MEMBERS = [
    dict(member_id="dyhan77", name="한도윤", birth_date="1991-07-23", sex="M", phone="010-2468-1357",
         email="doyun.han77@example.org", address="서울특별시 마포구 월드컵북로 45 302동 1104호",
         joined_at="2023-01-05T10:00:00+09:00", status="active", withdrawn_at=None, marketing_consent=True,
         guardian_name=None, guardian_phone=None, guardian_rrn=None),
    dict(member_id="clarawhitfield", name="Clara Whitfield", birth_date="1988-02-11", sex="F",
         phone="+82 10-9753-8642", email="clara.w@example.net", address="12 Birch Lane, Springfield",
         joined_at="2023-03-01T09:00:00+09:00", status="active", withdrawn_at=None, marketing_consent=False,
         guardian_name=None, guardian_phone=None, guardian_rrn=None),
    dict(member_id="haram_oh", name="오하람", birth_date="2014-05-30", sex="F", phone=None, email=None,
         address="부산광역시 해운대구 센텀중앙로 78", joined_at="2024-02-02T12:00:00+09:00", status="active",
         withdrawn_at=None, marketing_consent=False, guardian_name="오정민", guardian_phone="010-5550-0198",
         guardian_rrn="800101-1234568"),
]
CONSULTATIONS = [
    dict(consultation_id="c1", member_id=None, name="윤재희", phone="031-777-2020", email="jaehee.y@example.com",
         sex="F", age=29, region="경기도 성남시 분당구 판교역로 166", interested_area="eyes", preferred_time=None,
         channel="homepage", language="ko", created_at="2024-03-02T10:00:00+09:00", updated_at=None,
         ip_address="203.0.113.45", title="문의", question="쌍꺼풀 문의", answer="답변", answered_by="의사",
         answered_at="2024-03-02T12:00:00+09:00", deleted=False),
]

# Text a clean release may hold: ordinary words that share syllables with the people above
# (도윤 is not here, but 하람/정민-like syllables and numbers that are not phones are).
CLEAN_QUESTION = "안녕하세요 <PERSON>입니다. 쌍꺼풀 수술 후 붓기는 2주 정도면 빠지나요? 비용은 1,500,000원 선인가요?"
CLEAN_ANSWER = "네, 보통 2-3주면 빠집니다. 2024-03-02 기준 가격이며 <PHONE> 으로 연락 주세요."


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory) -> Path:
    """The run's accepted snapshot: members.parquet and consultations.parquet, as ingest writes them."""
    folder = tmp_path_factory.mktemp("accepted")
    write_snapshot(folder, MEMBERS, CONSULTATIONS)
    return folder


def write_snapshot(folder: Path, members: list[dict], consultations: list[dict]) -> None:
    for name, rows in (("members", members), ("consultations", consultations)):
        columns = {c: [None if r.get(c) is None else str(r[c]) for r in rows] for c in rows[0]}
        pq.write_table(pa.table(columns), folder / f"{name}.parquet")


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


def build_clean_release(release: Path) -> Path:
    release.mkdir(parents=True, exist_ok=True)
    info = "CREATE TABLE release_info(key VARCHAR, value VARCHAR); INSERT INTO release_info VALUES ('run_id', 'r1');" \
           "CREATE TABLE data_dictionary(table_name VARCHAR, column_name VARCHAR, description VARCHAR);"
    with duckdb.connect(str(release / "faq.duckdb")) as con:
        con.execute(info + "CREATE TABLE faq_entries(faq_id VARCHAR, interested_area VARCHAR, language VARCHAR, "
                    "question VARCHAR, answer VARCHAR, n_consultations INTEGER, example_questions VARCHAR[], "
                    "first_month VARCHAR, last_month VARCHAR, search_text VARCHAR)")
        con.execute("INSERT INTO faq_entries VALUES ('f1', 'eyes', 'ko', ?, ?, 12, [?, '눈매교정 가능한가요?'], "
                    "'2024-01', '2024-06', '쌍꺼풀 은 회복 기간')", [CLEAN_QUESTION, CLEAN_ANSWER, CLEAN_QUESTION])
        load_fts(con)  # the real index: its tables (fts_main_faq_entries.*) are part of the release
        con.execute("PRAGMA create_fts_index('faq_entries', 'faq_id', 'search_text')")
        con.execute("COMMENT ON TABLE faq_entries IS 'FAQ per interested area'")
        con.execute("CREATE TABLE recommended_consultations(interested_area VARCHAR, rank INTEGER, language VARCHAR,"
                    " question VARCHAR, answer VARCHAR)")
        con.execute("INSERT INTO recommended_consultations VALUES ('eyes', 1, 'ko', ?, ?)",
                    [CLEAN_QUESTION, CLEAN_ANSWER])
    with duckdb.connect(str(release / "academic.duckdb")) as con:
        con.execute(info + "CREATE TABLE consultations(pseudo_id VARCHAR, pseudo_member_id VARCHAR, age_band VARCHAR,"
                    " sex VARCHAR, region VARCHAR, interested_area VARCHAR, channel VARCHAR, language VARCHAR, "
                    "month VARCHAR, answered BOOLEAN, response_hours DOUBLE, question VARCHAR, answer VARCHAR)")
        for i in range(6):
            con.execute("INSERT INTO consultations VALUES (?, ?, ?, 'F', '서울', 'eyes', 'kakao', 'ko', '2024-Q1', "
                        "true, 2.5, ?, ?)", [f"a{i:03d}", f"m{i % 2}", "20-29" if i < 3 else "30-39",
                                             CLEAN_QUESTION, CLEAN_ANSWER])
    with duckdb.connect(str(release / "publishing.duckdb")) as con:
        con.execute(info + "CREATE TABLE cases(case_id VARCHAR, interested_area VARCHAR, year INTEGER, "
                    "age_band VARCHAR, sex VARCHAR, question VARCHAR, answer VARCHAR)")
        con.execute("INSERT INTO cases VALUES ('p1', 'eyes', 2024, '20-29', 'F', '환자 A: 쌍꺼풀 문의합니다', "
                    "'환자 A님, 회복은 2주입니다.')")
    with duckdb.connect(str(release / "advertiser.duckdb")) as con:
        con.execute(info + "CREATE TABLE by_channel(channel VARCHAR, consultations BIGINT, suppressed BOOLEAN);"
                    "INSERT INTO by_channel VALUES ('kakao', 40, false), ('homepage', 25, false), "
                    "('fax', NULL, true), ('email', NULL, true);"
                    "CREATE TABLE by_age_sex(age_band VARCHAR, sex VARCHAR, consultations BIGINT, suppressed BOOLEAN);"
                    "INSERT INTO by_age_sex VALUES ('20-29', 'F', 30, false), ('20-29', 'M', 12, false), "
                    "('30-39', 'F', 11, false), ('30-39', 'M', 10, false);"
                    "CREATE TABLE totals(measure VARCHAR, value DOUBLE); INSERT INTO totals VALUES ('consultations', 75)")
    (release / "manifest.md").write_text("# run r1\n\nno findings\n")
    return release


def plant(release: Path, db: str, sql: str, params=()) -> None:
    with duckdb.connect(str(release / f"{db}.duckdb")) as con:
        con.execute(sql, list(params))


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


def test_weak_values_are_reported_but_do_not_block(tmp_path, clean, source, settings, allowlist):
    release = clean()
    # A given name without an honorific, a romanised common surname, a birth date as a visit date.
    plant(release, "publishing", "UPDATE cases SET answer = '도윤이 같이 왔어요. Dr. Kim said 1991-07-23 works.'")
    report = check_release(release, source(), KEY, settings, allowlist=allowlist)
    assert report.passed, report.to_markdown()
    assert {"source:given_name", "source:birth_date"} <= set(report.warnings_by_kind)


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
    assert found == [("source:name", "line 5002")]  # the line after </script>
