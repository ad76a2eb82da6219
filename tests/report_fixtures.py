"""Small release folders written from the release-table and manifest contracts, for the report tests.

Synthetic content only. Some values are hostile on purpose (placeholders that look like tags,
script-looking text) because the renderer must show them literally and never run them.
"""
from __future__ import annotations

import json
from pathlib import Path

import duckdb

RUN_ID = "20261122T061500Z-ab12cd"
AS_OF = "2026-11-22"
MIN_CELL = 10
HOSTILE_REGION = '</script><img src="x" onerror="window.__pwned=1">'
HOSTILE_TEXT = '<script>window.__pwned=2</script><img src=x onerror="window.__pwned=3"> <PERSON>님'

# (month, area, count or None when suppressed)
MONTH_AREA = [
    ("2026-07", "eyes", 42), ("2026-07", "nose", 18), ("2026-07", "skin", None),
    ("2026-08", "eyes", 55), ("2026-08", "nose", 21), ("2026-08", "skin", 12),
    ("2026-09", "eyes", 61), ("2026-09", "nose", None), ("2026-09", "skin", 14),
    ("2026-10", "eyes", 47), ("2026-10", "nose", 26), ("2026-10", "skin", 19),
]
AGE_SEX = [
    ("20-24", "F", 64), ("20-24", "M", None), ("25-29", "F", 88), ("25-29", "M", 13),
    ("30-34", "F", 57), ("30-34", "M", 11), ("35-39", "F", 31), ("35-39", "M", None), ("80+", "F", None),
]
REGION = [("서울", 137), ("경기", 88), ("부산", 23), ("US", None), ("CN", None), (HOSTILE_REGION, 11)]
CHANNEL = [("kakao", 121), ("homepage", 96), ("realtime", 44), ("phone", 17), ("email", None), ("fax", None)]
RESPONSE = [("under 1h", 71), ("1-6h", 102), ("6-24h", 63), ("1-3 days", None), ("over 3 days", None),
            ("unanswered", 38)]
TOTAL_CONSULTATIONS = 355

FAQ_ENTRIES = [
    # (faq_id, area, language, question, answer, n, examples, first, last)
    ("faq-001", "eyes", "ko", "쌍꺼풀 수술 후 붓기는 언제 빠지나요?",
     "보통 2주 정도면 큰 붓기가 빠지고, 자연스러워지기까지 3개월 정도 걸립니다.\n냉찜질을 권합니다.", 37,
     ["쌍꺼풀 수술 후 붓기는 언제 빠지나요?", "쌍수 붓기 얼마나 가요?"], "2026-03", "2026-10"),
    ("faq-002", "eyes", "ko", "눈매교정과 쌍꺼풀을 같이 할 수 있나요?",
     "네, 상담 후 함께 진행할 수 있습니다. 회복 기간은 약 1~2주입니다.", 21, [], "2026-04", "2026-10"),
    ("faq-003", "eyes", "ko", f"{HOSTILE_TEXT} 실밥은 언제 푸나요?",
     "수술 후 5~7일에 실밥을 제거합니다. <PERSON>님 담당 원장이 확인합니다.", 12, [], "2026-05", "2026-09"),
    ("faq-004", "eyes", "en", "How long does swelling last after double eyelid surgery?",
     "Most swelling settles within two weeks; the final shape shows after about three months.", 15,
     ["How long does swelling last after double eyelid surgery?", "When can I wear make-up again?"],
     "2026-02", "2026-10"),
    ("faq-005", "nose", "ko", "코끝 성형 후 안경은 언제부터 쓸 수 있나요?",
     "부목 제거 후 4주간은 안경을 피하시는 것이 좋습니다.", 26, [], "2026-01", "2026-10"),
    ("faq-006", "nose", "ko", "실리콘 보형물과 자가 연골의 차이가 있나요?",
     "자가 연골은 염증 위험이 낮고, 실리콘은 높이를 만들기 쉽습니다. 비용은 상담 시 안내합니다.", 19, [],
     "2026-03", "2026-08"),
    ("faq-007", "skin", "zh", "激光治疗后多久可以化妆？", "一般术后三天可以化妆。", 11, [], "2026-06", "2026-10"),
]
RECOMMENDED = [
    ("eyes", 1, "ko", "쌍꺼풀 재수술 상담 받고 싶어요", "이전 수술 기록을 가지고 내원해 주세요."),
    ("nose", 1, "ko", "휜 코 교정도 가능한가요?", "네, 비중격 교정과 함께 진행할 수 있습니다."),
    ("hair", 1, "ko", "모발이식 후 머리를 언제 감을 수 있나요?", "시술 3일 후부터 가볍게 감으실 수 있습니다."),  # no FAQ entry
]


def _release_info(con: duckdb.DuckDBPyConnection, extra: dict[str, str]) -> None:
    con.execute("CREATE TABLE release_info(key VARCHAR, value VARCHAR)")
    con.executemany("INSERT INTO release_info VALUES (?, ?)",
                    list({"run_id": RUN_ID, "as_of": AS_OF, "policy_hash": "0" * 64, **extra}.items()))
    con.execute("CREATE TABLE data_dictionary(table_name VARCHAR, column_name VARCHAR, description VARCHAR)")
    con.execute("INSERT INTO data_dictionary VALUES ('release_info', 'key', 'Name of a release fact')")


def write_advertiser_db(path: Path, *, dp_epsilon: float | None = None) -> Path:
    with duckdb.connect(str(path)) as con:
        cell_tables = {
            "by_month_area": ("month VARCHAR, interested_area VARCHAR", MONTH_AREA),
            "by_age_sex": ("age_band VARCHAR, sex VARCHAR", AGE_SEX),
            "by_region": ("region VARCHAR", REGION),
            "by_channel": ("channel VARCHAR", CHANNEL),
            "by_response_time": ("response_band VARCHAR", RESPONSE),
        }
        for table, (columns, rows) in cell_tables.items():
            con.execute(f"CREATE TABLE {table}({columns}, consultations BIGINT, suppressed BOOLEAN)")
            con.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * (len(rows[0]) + 1))})",
                            [(*r, r[-1] is None) for r in rows])
            con.execute(f"COMMENT ON TABLE {table} IS 'Consultation counts; cells below {MIN_CELL} suppressed'")
        con.execute("CREATE TABLE totals(measure VARCHAR, value DOUBLE)")
        con.executemany("INSERT INTO totals VALUES (?, ?)", [("consultations", TOTAL_CONSULTATIONS),
                                                             ("answered_share", 0.893), ("median_response_hours", 4.5)])
        con.execute("CREATE TABLE dp_budget_ledger(run_id VARCHAR, released_at TIMESTAMP, epsilon DOUBLE, "
                    "mechanism VARCHAR, cumulative_epsilon DOUBLE)")
        if dp_epsilon is not None:
            con.execute("INSERT INTO dp_budget_ledger VALUES ('20261015T061500Z-0f0f0f', '2026-10-15 06:20:00', 1.0, "
                        "'laplace', 1.0), (?, '2026-11-22 06:20:00', ?, 'laplace', ?)",
                        [RUN_ID, dp_epsilon, 1.0 + dp_epsilon])
        suppressed = sum(r[-1] is None for _, rows in cell_tables.values() for r in rows)
        _release_info(con, {"min_cell_size": str(MIN_CELL), "suppressed_cells": str(suppressed),
                            "dp_epsilon": "off" if dp_epsilon is None else str(dp_epsilon),
                            "dp_mechanism": "laplace"})
    return path


def write_faq_db(path: Path) -> Path:
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE faq_entries(faq_id VARCHAR, interested_area VARCHAR, language VARCHAR, "
                    "question VARCHAR, answer VARCHAR, n_consultations INTEGER, example_questions VARCHAR[], "
                    "first_month VARCHAR, last_month VARCHAR, search_text VARCHAR)")
        con.executemany("INSERT INTO faq_entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        [(*e, f"{e[3]} {e[4]}") for e in FAQ_ENTRIES])
        con.execute("CREATE TABLE recommended_consultations(interested_area VARCHAR, rank INTEGER, language VARCHAR, "
                    "question VARCHAR, answer VARCHAR)")
        con.executemany("INSERT INTO recommended_consultations VALUES (?, ?, ?, ?, ?)", RECOMMENDED)
        _release_info(con, {"faq_entries": str(len(FAQ_ENTRIES))})
    return path


def manifest(status: str = "promoted") -> dict:
    passed = status == "promoted"
    findings = [] if passed else [
        {"kind": "source_value", "release": "academic", "table": "consultations", "column": "question",
         "row_id": "c-7f3a9e", "masked": "010-****-5678"},
        {"kind": "presidio:EMAIL_ADDRESS", "release": "faq", "table": "faq_entries", "column": "answer",
         "row_id": "faq-003", "masked": "k***@example.com"},
    ]
    return {
        "run_id": RUN_ID, "as_of": AS_OF, "started_at": "2026-11-22T06:15:00+00:00",
        "finished_at": "2026-11-22T06:19:41+00:00", "status": status,
        "source": {"kind": "files", "description": "folder data_samples/demo", "fingerprint": "a" * 64},
        "policy_hash": "b" * 64, "key_fingerprint": "c0ffee123456",
        "settings": {"releases": {"k_anonymity": 5, "min_cell_size": MIN_CELL, "dp_epsilon": None}},
        "versions": {"clinic-anon": "0.1.0", "python": "3.11.2", "presidio-analyzer": "2.2.366",
                     "prefect": "3.8.8", "duckdb": "1.5.5", "spacy": "3.8.0"},
        "counts": {
            "read": {"members": 212, "consultations": 403}, "accepted": {"members": 209, "consultations": 391},
            "quarantined": {"members": {"bad_birth_date": 3}, "consultations": {"unparseable_created_at": 7,
                                                                              "text_too_long": 5}},
            "unknown_columns": {"utm_source": 403},
            "excluded": {"deleted": 14, "withdrawn": 9, "unknown_member": 4, "retention_expired": 9},
            "due_for_destruction": 9, "aggregate_only": {"under_14": 6}, "eligible": 355, "anonymised": 355,
        },
        "pii_removed": {"PERSON": 518, "PHONE": 231, "EMAIL_ADDRESS": 96, "KR_RRN": 17, "CREDIT_CARD": 4},
        "releases": {
            "faq": {"file": "faq.duckdb", "bytes": 798720, "tables": {"faq_entries": 7, "recommended_consultations": 2},
                    "info": {}},
            "academic": {"file": "academic.duckdb", "bytes": 1310720, "tables": {"consultations": 349},
                         "info": {"k_target": "5", "k_achieved": "7", "suppression_rate": "0.017",
                                  "levels": "age_band=10y, month=quarter", "l_diversity": "2"}},
            "publishing": {"file": "publishing.duckdb", "bytes": 524288, "tables": {"cases": 301}, "info": {}},
            "advertiser": {"file": "advertiser.duckdb", "bytes": 274432,
                           "tables": {"by_month_area": len(MONTH_AREA), "by_region": len(REGION)},
                           "info": {"min_cell_size": str(MIN_CELL), "suppressed_cells": "13", "dp_epsilon": "off"}},
        },
        "check": {"passed": passed, "seconds": 12.4,
                  "findings_by_kind": {} if passed else {"source_value": 1, "presidio:EMAIL_ADDRESS": 1},
                  "findings": findings, "canary": {"planted": 20, "caught": 20, "passed": True}},
        "timings": {"ingest": 3.2, "eligibility": 0.4, "anonymise": 61.7, "build": 5.9, "check": 12.4, "promote": 0.1},
    }


def write_manifest(path: Path, *, status: str = "promoted") -> Path:
    path.write_text(json.dumps(manifest(status), ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def write_release(release_dir: Path, *, status: str = "promoted", dp_epsilon: float | None = None) -> Path:
    """A release folder with advertiser.duckdb, faq.duckdb and manifest.json."""
    release_dir.mkdir(parents=True, exist_ok=True)
    write_advertiser_db(release_dir / "advertiser.duckdb", dp_epsilon=dp_epsilon)
    write_faq_db(release_dir / "faq.duckdb")
    write_manifest(release_dir / "manifest.json", status=status)
    return release_dir
