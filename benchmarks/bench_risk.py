"""Cost of the academic release's risk per person and information loss at N rows (DuckDB, one thread).

    .venv/bin/python benchmarks/bench_risk.py --n 100000 [--n 1000000]

Builds a synthetic academic_base of N consultations by N/2.5 persons (ages, sexes, regions, areas,
months like the generated sources), runs the real generalisation search, suppression SQL, risk and
information-loss measures, and prints seconds and peak RSS per step (JSON to benchmarks/results/).
pycanon is measured too when it is importable (it pins numpy/pandas versions this project does not
use, so it is not a dependency: install it in a separate environment to compare).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import tempfile
import time
from pathlib import Path

import duckdb

from reports import information_loss, kanonymity, reidentification_risk

SQL = Path(__file__).resolve().parent.parent / "reports" / "sql" / "academic"


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(n: int) -> dict:
    con = duckdb.connect()
    spill = Path(tempfile.mkdtemp(prefix="bench-risk-"))
    # As the release build: one thread, 512 MB, spilling to disk (reports/build.py BUILD_MEMORY_LIMIT).
    con.execute(f"SET threads = 1; SET memory_limit = '512MB'; SET temp_directory = '{spill}'")
    con.execute((SQL / "generalise_macros.sql").read_text(encoding="utf-8"))
    con.execute(f"""
        CREATE TEMP TABLE academic_base AS
        SELECT 'c' || i AS pseudo_id, 'm' || (hash(i) % {max(n * 2 // 5, 1)}) AS pseudo_member_id,
               'm' || (hash(i) % {max(n * 2 // 5, 1)}) AS pseudo_person_id,
               CAST(a // 5 * 5 AS VARCHAR) || '-' || CAST(a // 5 * 5 + 4 AS VARCHAR) AS age_band,
               CASE WHEN hash(i + 1) % 4 = 0 THEN 'M' ELSE 'F' END AS sex,
               ['서울', '경기', '인천', '부산', '대구', '광주', '대전', '제주', 'US', 'CN'][CAST(1 + hash(i + 2) % 10 AS INTEGER)] AS region,
               ['eyes', 'nose', 'face_contour', 'breast', 'body', 'lifting', 'skin', 'hair', 'other'][CAST(1 + hash(i + 3) % 9 AS INTEGER)]
                   AS interested_area,
               'ch' AS channel, 'ko' AS language,
               CAST(2021 + hash(i + 4) % 5 AS VARCHAR) || '-' || lpad(CAST(1 + hash(i + 5) % 12 AS VARCHAR), 2, '0') AS month,
               true AS answered, 1.0 AS response_hours, 'q' AS question, 'a' AS answer
        FROM (SELECT i, 18 + CAST(hash(i + 6) % 50 AS INTEGER) AS a FROM range({n}) t(i))""")
    out = {"n": n, "load_avg": os.getloadavg()[0]}
    t = time.perf_counter()
    chosen, measured = kanonymity.choose_levels(con, "academic_base", 5, 0.05)
    out["search_s"], out["candidates"] = round(time.perf_counter() - t, 2), measured
    for qi, level in chosen.levels.items():
        con.execute(f"SET VARIABLE level_{qi} = {level}")
    con.execute("SET VARIABLE k = 5")
    t = time.perf_counter()
    con.execute((SQL / "consultations.sql").read_text(encoding="utf-8"))
    out["suppress_s"] = round(time.perf_counter() - t, 2)
    t = time.perf_counter()
    report = reidentification_risk.measure(con, "academic_released", "academic_population", 0.1)
    out["risk_s"] = round(time.perf_counter() - t, 2)
    t = time.perf_counter()
    information_loss.per_column(con, "academic_base", "academic_released", chosen.levels)
    out["loss_s"] = round(time.perf_counter() - t, 2)
    out |= {"generalisation": chosen.describe(), "k_persons": report.k_persons, "k_rows": report.k_rows,
            "prosecutor_highest": report.prosecutor_highest, "prosecutor_average": round(report.prosecutor_average, 4),
            "peak_rss_mb": round(peak_mb(), 1)}
    try:
        from pycanon import anonymity
    except ImportError:
        out["pycanon"] = "not installed"
    else:
        frame = con.execute("SELECT DISTINCT pseudo_person_id, age_band, sex, region, interested_area, month "
                            "FROM academic_released").df()
        t = time.perf_counter()
        out["pycanon_k"] = anonymity.k_anonymity(frame, list(reidentification_risk.QUASI_IDENTIFIERS))
        out["pycanon_s"] = round(time.perf_counter() - t, 2)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, action="append")
    args = parser.parse_args()
    results = [run(n) for n in (args.n or [100_000])]
    for r in results:
        print(" | ".join(f"{k}={v}" for k, v in r.items()))
    folder = Path(__file__).resolve().parent / "results"
    folder.mkdir(exist_ok=True)
    (folder / "bench_risk.json").write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
