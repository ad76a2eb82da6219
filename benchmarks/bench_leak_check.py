"""Time the leak check on a synthetic source and release of N consultations (target: 1M in <= 2 min).

    .venv/bin/python benchmarks/bench_leak_check.py --consultations 1000000 --work /tmp/bench-leak

The source (Parquet, the contract's columns) and the four release databases are made directly
in DuckDB, so building them takes seconds: one member per 4 consultations, 30 % guests with their
own name/phone/e-mail, Korean names from random syllables, anonymised-looking text with numbers
(prices, dates, durations) that must not be taken for phones. The source Parquet stands for the
run's accepted snapshot, which the gate reads its needles from. Prints needle count, the time to
read the snapshot into needles, the check itself (source values, identifier validators, the
released-text rule over distinct words), the canary self-test, and the peak memory (RSS) of
reading the needles and checking: the inputs are made in a child process, so the peak is the
check's own (target: flat from 100k to 1M, <= ~700 MB at 1M; the gate <= 2 min at 1M).
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import shutil
import time
from pathlib import Path

import duckdb

SURNAMES = list("김이박최정강조윤장임한오서신권황안송류홍")
SYLLABLES = list("민서지현수영준도윤하은재성우예진호연아채태경승혜유")
CLEAN_TEXT = [
    "안녕하세요 <PERSON>입니다. 쌍꺼풀 수술 후 붓기는 몇 주면 빠지나요? 비용은 ",
    "코끝성형 재수술 가능한가요? 5년 전에 <LOCATION>에서 했어요. 연락처 <PHONE> 견적 ",
    "How long is the recovery after rhinoplasty? I will visit in 3 weeks, budget ",
    "지방흡입 후 압박복은 얼마나 입어야 하나요? 2024-03-02 예약했고 금액은 ",
]
ANSWERS = [
    "보통 2-3주 정도면 대부분 빠집니다. 냉찜질을 권해 드리며 가격은 상담 시 안내해 드립니다: ",
    "네, 가능합니다. <PERSON> 원장님이 직접 진료합니다. 1,500,000원부터이며 회복 기간은 ",
]


def make_source(folder: Path, n: int, seed: int = 7) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect()
    con.execute(f"SELECT setseed({seed / 100})")
    s, y = SURNAMES, SYLLABLES
    name = (f"list_element({s}, (hash(i, 1) % {len(s)})::INT + 1) || list_element({y}, (hash(i, 2) % {len(y)})::INT + 1)"
            f" || list_element({y}, (hash(i, 3) % {len(y)})::INT + 1)")
    phone = "'010-' || lpad(((hash(i, 4) % 9000) + 1000)::VARCHAR, 4, '0') || '-' || lpad((hash(i, 5) % 10000)::VARCHAR, 4, '0')"
    members = n // 4
    con.execute(f"""COPY (SELECT 'user' || i AS member_id, {name} AS name,
        (DATE '1960-01-01' + (hash(i, 6) % 18000)::INT)::VARCHAR AS birth_date, 'F' AS sex, {phone} AS phone,
        'mail' || i || '@example.com' AS email, '서울특별시 강남구 테헤란' || (hash(i, 7) % 99)::VARCHAR || '길 ' || (i % 300)::VARCHAR
        || ' ' || (i % 20 + 101)::VARCHAR || '동 ' || (i % 1500 + 101)::VARCHAR || '호' AS address,
        '2024-01-01T00:00:00+09:00' AS joined_at, 'active' AS status, NULL::VARCHAR AS withdrawn_at,
        true AS marketing_consent, NULL::VARCHAR AS guardian_name, NULL::VARCHAR AS guardian_phone,
        NULL::VARCHAR AS guardian_rrn FROM range({members}) t(i)) TO '{folder}/members.parquet' (FORMAT parquet)""")
    con.execute(f"""COPY (SELECT 'c' || i AS consultation_id,
        CASE WHEN i % 10 < 7 THEN 'user' || (i % {members}) END AS member_id,
        CASE WHEN i % 10 >= 7 THEN {name.replace('(i,', '(i + {0},'.format(n))} END AS name,
        CASE WHEN i % 10 >= 7 THEN {phone.replace('(i,', '(i + {0},'.format(n))} END AS phone,
        CASE WHEN i % 10 >= 7 THEN 'guest' || i || '@example.net' END AS email, 'F' AS sex, 30 AS age,
        '서울' AS region, 'eyes' AS interested_area, NULL AS preferred_time, 'kakao' AS channel, 'ko' AS language,
        '2024-03-02T10:00:00+09:00' AS created_at, NULL AS updated_at,
        '10.' || (i % 250)::VARCHAR || '.' || (i // 250 % 250)::VARCHAR || '.' || (i % 7 + 1)::VARCHAR AS ip_address,
        '문의' AS title, '질문' AS question, '답변' AS answer, '의사' AS answered_by, NULL AS answered_at,
        false AS deleted FROM range({n}) t(i)) TO '{folder}/consultations.parquet' (FORMAT parquet)""")
    con.close()


def make_release(release: Path, n: int) -> None:
    """A clean release of the contract's shape: academic n rows, publishing n/2, faq 1000."""
    shutil.rmtree(release, ignore_errors=True)
    release.mkdir(parents=True)
    question = f"list_element({CLEAN_TEXT}, (hash(i, 8) % {len(CLEAN_TEXT)})::INT + 1) || ((hash(i, 9) % 200) * 10000)::VARCHAR || '원 정도인가요?'"
    answer = f"list_element({ANSWERS}, (hash(i, 10) % {len(ANSWERS)})::INT + 1) || (i % 6 + 1)::VARCHAR || '주입니다.'"
    info = "CREATE TABLE release_info AS SELECT 'run_id' AS key, 'bench' AS value;" \
           "CREATE TABLE data_dictionary(table_name VARCHAR, column_name VARCHAR, description VARCHAR);"
    with duckdb.connect(str(release / "academic.duckdb")) as con:
        con.execute(info + f"""CREATE TABLE consultations AS SELECT md5(i::VARCHAR)[:16] AS pseudo_id,
            md5((i % {n // 4 + 1})::VARCHAR)[:16] AS pseudo_member_id, '30-39' AS age_band, 'F' AS sex,
            '서울' AS region, 'eyes' AS interested_area, 'kakao' AS channel, 'ko' AS language,
            '2024-Q' || (i % 4 + 1)::VARCHAR AS month, true AS answered, (i % 48)::DOUBLE AS response_hours,
            {question} AS question, {answer} AS answer FROM range({n}) t(i)""")
    with duckdb.connect(str(release / "publishing.duckdb")) as con:
        con.execute(info + f"""CREATE TABLE cases AS SELECT 'case-' || i AS case_id, 'eyes' AS interested_area,
            2024 AS year, '30-39' AS age_band, 'F' AS sex, replace({question}, '<PERSON>', '환자 A') AS question,
            {answer} AS answer FROM range({n // 2}) t(i)""")
    with duckdb.connect(str(release / "faq.duckdb")) as con:
        con.execute(info + f"""CREATE TABLE faq_entries AS SELECT 'faq-' || i AS faq_id, 'eyes' AS interested_area,
            'ko' AS language, {question} AS question, {answer} AS answer, 100 - i % 90 AS n_consultations,
            [{question}, {question}] AS example_questions, '2024-01' AS first_month, '2024-06' AS last_month,
            {question} AS search_text FROM range(1000) t(i)""")
    with duckdb.connect(str(release / "advertiser.duckdb")) as con:
        con.execute(info + f"""CREATE TABLE by_channel AS SELECT * FROM (VALUES ('kakao', {n // 2}, false),
            ('homepage', {n - n // 2 - 30}, false), ('fax', NULL, true), ('email', NULL, true))
            t(channel, consultations, suppressed);
            CREATE TABLE totals AS SELECT 'consultations' AS measure, {n}::DOUBLE AS value""")


def make_inputs(work: Path, n: int) -> None:
    make_source(work / "source", n)
    make_release(work / "release", n)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--consultations", type=int, default=100_000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/bench-leak-check"))
    parser.add_argument("--canary", action="store_true", help="also time the canary self-test")
    args = parser.parse_args()
    n, work = args.consultations, args.work

    import os

    from anonymise.gate import CheckSettings, canary_self_test, check_release, snapshot_needles

    settings = CheckSettings()
    key = bytes(range(32))
    t = time.perf_counter()
    child = multiprocessing.get_context("spawn").Process(target=make_inputs, args=(work, n))
    child.start()
    child.join()
    if child.exitcode:
        raise SystemExit(f"making the inputs failed (exit {child.exitcode})")
    built = time.perf_counter() - t

    t, cpu = time.perf_counter(), time.process_time()
    needles = snapshot_needles(work / "source")
    read, read_cpu = time.perf_counter() - t, time.process_time() - cpu
    cpu = time.process_time()
    report = check_release(work / "release", needles, key, settings)
    check_cpu = time.process_time() - cpu  # the machine is shared: CPU time says what wall time cannot
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024  # KiB on Linux
    result = {"consultations": n, "build_inputs_s": round(built, 1), "needles": len(needles),
              "source_to_needles_s": round(read, 1), "source_to_needles_cpu_s": round(read_cpu, 1),
              "check_s": round(report.seconds, 1), "check_cpu_s": round(check_cpu, 1),
              "total_s": round(read + report.seconds, 1), "peak_rss_mb": peak, "passed": report.passed,
              "distinct_words": report.distinct_tokens, "load_avg": os.getloadavg(),
              "findings_by_kind": report.findings_by_kind,
              "warnings_by_kind": report.warnings_by_kind}
    if args.canary:
        t, cpu = time.perf_counter(), time.process_time()
        canary = canary_self_test(work / "release", work / "scratch", needles, key, settings)
        result["canary_s"] = round(time.perf_counter() - t, 1)
        result["canary_cpu_s"] = round(time.process_time() - cpu, 1)
        result["canary"] = f"{canary.caught}/{canary.planted}"
    print(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
