"""A small real release (four DuckDB files, the FTS index included) and the source snapshot it was
built from, for the leak-gate tests. All people here are invented for these tests."""
from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

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
    dict(consultation_id="c2", member_id=None, name="王丽华", phone="+1 415-555-0134", email=None, sex="F", age=33,
         region=None, interested_area="nose", preferred_time=None, channel="email", language="zh",
         created_at="2024-04-02T10:00:00+09:00", updated_at=None, ip_address=None, title="问题", question="鼻子",
         answer="答复", answered_by="서지훈", answered_at="2024-04-02T12:00:00+09:00", deleted=False),
]

# Text a clean release may hold: ordinary words that share syllables with the people above
# (도윤 is not here, but 하람/정민-like syllables and numbers that are not phones are).
CLEAN_QUESTION = "안녕하세요 <PERSON>입니다. 쌍꺼풀 수술 후 붓기는 2주 정도면 빠지나요? 비용은 1,500,000원 선인가요?"
CLEAN_ANSWER = "네, 보통 2-3주면 빠집니다. 2024-03-02 기준 가격이며 <PHONE> 으로 연락 주세요."


def write_snapshot(folder: Path, members: list[dict] | None = None, consultations: list[dict] | None = None) -> Path:
    """members.parquet and consultations.parquet as ingest writes them (the run's accepted snapshot)."""
    members, consultations = members or MEMBERS, consultations or CONSULTATIONS
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in (("members", members), ("consultations", consultations)):
        columns = {c: [None if r.get(c) is None else str(r[c]) for r in rows] for c in rows[0]}
        pq.write_table(pa.table(columns), folder / f"{name}.parquet")
    return folder


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
                        "true, 2.5, ?, ?)", [f"a{i:03d}", f"m{i}", "20-29" if i < 3 else "30-39",
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


def text_findings(tmp_path: Path, template: Path, snapshot: Path, answer: str) -> list[tuple[str, str]]:
    """(kind, masked) of the text-rule findings of a copy of ``template`` whose publishing case answers
    ``answer``, checked against the accepted ``snapshot``."""
    from anonymise.gate import CheckSettings, check_release, snapshot_needles
    from anonymise.gate.scan import ALLOWLIST_FILE

    release = Path(shutil.copytree(template, tmp_path / "r1"))
    plant(release, "publishing", "UPDATE cases SET answer = ?", [answer])
    report = check_release(release, snapshot_needles(snapshot), KEY, CheckSettings(k_anonymity=3, min_cell_size=10),
                           allowlist=ALLOWLIST_FILE)
    return [(f.kind, f.masked) for f in report.findings if f.kind.startswith("text:")]

