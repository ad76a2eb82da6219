"""The four release databases built from a synthetic anonymised staging set (2,000 rows)."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from release_fixtures import max_of_hidden_cells, write_anonymised_staging

from reports.settings import ReleaseSettings
from reports.build import ReleaseBuildError, build_releases
from reports.cell_suppression import one_way_lines, two_way_lines
from reports.dictionary import allowlist
from reports.duckdb_extensions import load_fts

KEY = bytes(range(32))
RUN_INFO = {"run_id": "20261101T000000Z-test", "as_of": "2026-11-01", "policy_hash": "p0l1cy"}
SETTINGS = ReleaseSettings()
ONE_WAY = ("by_region", "by_channel", "by_response_time")
TWO_WAY = {"by_month_area": ("month", "interested_area"), "by_age_sex": ("age_band", "sex")}


@pytest.fixture(scope="module")
def staging(tmp_path_factory) -> Path:
    return write_anonymised_staging(tmp_path_factory.mktemp("anonymised"), n=2000, seed=11)


@pytest.fixture(scope="module")
def releases(staging, tmp_path_factory):
    out = tmp_path_factory.mktemp("release")
    return build_releases(staging, out, SETTINGS, KEY, RUN_INFO)


def connect(summaries, name: str) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(summaries[name].path), read_only=True)


def info(con) -> dict[str, str]:
    return dict(con.execute("SELECT key, value FROM release_info").fetchall())


def test_four_files_and_no_half_built_leftovers(releases):
    folder = releases["faq"].path.parent
    assert sorted(p.name for p in folder.iterdir()) == ["academic.duckdb", "advertiser.duckdb", "faq.duckdb",
                                                        "publishing.duckdb"]
    for summary in releases.values():
        assert summary.bytes == summary.path.stat().st_size > 0


@pytest.mark.parametrize("name", ["faq", "academic", "publishing", "advertiser"])
def test_only_allowlisted_columns_all_documented(releases, name):
    with connect(releases, name) as con:
        columns = con.execute("""
            SELECT schema_name, table_name, column_name, comment FROM duckdb_columns()
            WHERE database_name = current_database() AND NOT internal""").fetchall()
        table_comments = dict(con.execute("""
            SELECT schema_name || '.' || table_name, comment FROM duckdb_tables()
            WHERE database_name = current_database()""").fetchall())
        dictionary = {(t, c) for t, c in con.execute("SELECT table_name, column_name FROM data_dictionary").fetchall()}
        facts = info(con)
    allowed = allowlist()[name]
    for schema, table, column, comment in columns:
        qualified = table if schema == "main" else f"{schema}.{table}"
        assert column in allowed.get(qualified, []), f"{qualified}.{column} is not allowlisted"
        assert comment, f"{qualified}.{column} has no COMMENT"
        assert table_comments[f"{schema}.{table}"], f"{qualified} has no COMMENT"
        assert (qualified, column) in dictionary
    forbidden = {"pseudo_consultation_id", "age", "pii_found", "title", "pub_title", "record_level", "created_month"}
    assert not forbidden & {c for _, _, c, _ in columns}
    assert facts["run_id"] == RUN_INFO["run_id"] and facts["as_of"] == RUN_INFO["as_of"]
    assert facts["policy_hash"] == RUN_INFO["policy_hash"]


def test_academic_is_k_anonymous_by_a_plain_group_by(releases, staging):
    with connect(releases, "academic") as con:
        smallest = con.execute("""SELECT min(n) FROM (SELECT count(*) AS n FROM consultations
                                  GROUP BY age_band, sex, region, interested_area, month)""").fetchone()[0]
        facts = info(con)
        released = con.execute("SELECT count(*) FROM consultations").fetchone()[0]
    assert smallest >= SETTINGS.k_anonymity
    assert int(facts["k_achieved"]) == smallest and int(facts["k_target"]) == SETTINGS.k_anonymity
    record_level = duckdb.sql(f"SELECT count(*) FROM '{staging}/*.parquet' WHERE record_level").fetchone()[0]
    assert float(facts["suppression_rate"]) <= 0.05
    assert released == record_level - int(facts["rows_dropped"])
    assert int(facts["l_diversity"]) >= 1 and facts["level.month"] and facts["level.region"]
    assert releases["academic"].info["k_achieved"] == smallest


def test_academic_holds_no_under_14_and_answers_a_researchers_query(releases, staging):
    with connect(releases, "academic") as con:
        by_area_age = con.execute("""
            SELECT interested_area, age_band, count(*) AS n, median(response_hours) AS median_hours
            FROM consultations WHERE answered GROUP BY ALL ORDER BY n DESC""").fetchall()
        ids = con.execute("SELECT pseudo_id FROM consultations").fetchall()
    assert by_area_age and all(hours is None or hours > 0 for *_, hours in by_area_age)
    staged_ids = {r[0] for r in duckdb.sql(f"SELECT pseudo_consultation_id FROM '{staging}/*.parquet'").fetchall()}
    assert not staged_ids & {i for (i,) in ids}  # re-keyed, not the staging pseudonyms
    assert len(ids) == len(set(ids))


def test_pseudonyms_differ_between_academic_and_publishing(releases):
    with connect(releases, "academic") as a, connect(releases, "publishing") as p:
        academic = {r[0] for r in a.execute("SELECT pseudo_id FROM consultations").fetchall()}
        publishing = {r[0] for r in p.execute("SELECT case_id FROM cases").fetchall()}
    assert academic and publishing and not academic & publishing


def test_same_pseudonyms_when_configured(tmp_path):
    small = write_anonymised_staging(tmp_path / "anonymised", n=300, seed=5, parts=1)
    shared = build_releases(small, tmp_path / "out", ReleaseSettings(same_pseudonyms_across_releases=True), KEY,
                            RUN_INFO)
    with connect(shared, "academic") as a, connect(shared, "publishing") as p:
        academic = {r[0] for r in a.execute("SELECT pseudo_id FROM consultations").fetchall()}
        dropped = int(info(a)["rows_dropped"])
        publishing = {r[0] for r in p.execute("SELECT case_id FROM cases").fetchall()}
    assert len(publishing - academic) <= dropped  # every answered case is an academic row unless dropped


def test_publishing_is_answered_surrogate_text_to_the_year(releases, staging):
    with connect(releases, "publishing") as con:
        rows = con.execute("SELECT year, age_band, question, answer FROM cases").fetchall()
    answered = duckdb.sql(f"SELECT count(*) FROM '{staging}/*.parquet' WHERE record_level AND answered").fetchone()[0]
    assert len(rows) == answered
    assert all(isinstance(year, int) and 2000 < year < 2100 for year, *_ in rows)
    assert all(band is None or band == "80+" or band.endswith("9") for _, band, *_ in rows)  # 10-year bands
    assert not any("<PERSON>" in q or "<PERSON>" in a for *_, q, a in rows)
    assert any("환자 A" in q for *_, q, _ in rows)


def test_faq_entries_are_ranked_clusters_of_answered_questions(releases):
    with connect(releases, "faq") as con:
        entries = con.execute("""SELECT faq_id, question, answer, n_consultations, example_questions,
                                        first_month, last_month FROM faq_entries""").fetchall()
        recommended = con.execute("SELECT interested_area, rank, question, answer FROM recommended_consultations").fetchall()
    counts = [e[3] for e in entries]
    assert counts == sorted(counts, reverse=True) and min(counts) >= 2
    assert all(answer for _, _, answer, *_ in entries)
    assert all(question not in examples and len(examples) <= 3 for _, question, _, _, examples, *_ in entries)
    assert all(first <= last for *_, first, last in entries)
    assert len({e[0] for e in entries}) == len(entries)
    assert recommended and all(1 <= rank <= 10 and q and a for _, rank, q, a in recommended)


def test_full_text_search_finds_a_korean_word_inside_a_word_with_particle(releases):
    with connect(releases, "faq") as con:
        load_fts(con)
        hits = {faq_id for (faq_id,) in con.execute("""
            SELECT faq_id FROM (
                SELECT faq_id, fts_main_faq_entries.match_bm25(faq_id, '쌍꺼풀') AS score FROM faq_entries)
            WHERE score IS NOT NULL""").fetchall()}
        with_particle = {faq_id for (faq_id,) in con.execute(
            "SELECT faq_id FROM faq_entries WHERE question || answer LIKE '%쌍꺼풀은%'").fetchall()}
    assert with_particle and with_particle <= hits


def test_advertiser_answers_a_marketers_query_and_hides_small_cells(releases, staging):
    with connect(releases, "advertiser") as con:
        eyes = con.execute("""SELECT month, consultations FROM by_month_area
                              WHERE interested_area = 'eyes' AND NOT suppressed ORDER BY month""").fetchall()
        tables = {t: con.execute(f"SELECT consultations, suppressed FROM {t}").fetchall()
                  for t in (*ONE_WAY, *TWO_WAY)}
        totals = dict(con.execute("SELECT measure, value FROM totals").fetchall())
        facts = info(con)
        ledger = con.execute("SELECT count(*) FROM dp_budget_ledger").fetchone()[0]
        text_columns = con.execute("""SELECT column_name FROM duckdb_columns() WHERE database_name = current_database()
                                      AND column_name IN ('question', 'answer', 'pseudo_id', 'pseudo_member_id')""").fetchall()
    assert eyes and all(n >= SETTINGS.min_cell_size for _, n in eyes)
    for table, cells in tables.items():
        for n, hidden in cells:
            assert (n is None) == hidden, table
            assert hidden or n >= SETTINGS.min_cell_size, table
    total = duckdb.sql(f"SELECT count(*) FROM '{staging}/*.parquet'").fetchone()[0]  # under-14 included
    assert totals["consultations"] == total and 0 < totals["answered_share"] < 1 and totals["median_response_hours"] > 0
    assert facts["dp_epsilon"] == "off" and int(facts["suppressed_cells"]) > 0 and ledger == 0
    assert not text_columns
    with connect(releases, "advertiser") as con:
        bands = [b for (b,) in con.execute("SELECT response_band FROM by_response_time").fetchall()]
    assert bands == ["under 1h", "1-6h", "6-24h", "1-3 days", "over 3 days", "unanswered"]


def true_cells(staging: Path, table: str) -> dict[tuple, int]:
    sql = {
        "by_region": "SELECT coalesce(region, 'unknown'), count(*) FROM s GROUP BY 1",
        "by_channel": "SELECT coalesce(channel, 'unknown'), count(*) FROM s GROUP BY 1",
        "by_response_time": """SELECT CASE WHEN NOT answered THEN 'unanswered' WHEN response_hours < 1 THEN 'under 1h'
                               WHEN response_hours < 6 THEN '1-6h' WHEN response_hours < 24 THEN '6-24h'
                               WHEN response_hours < 72 THEN '1-3 days' ELSE 'over 3 days' END, count(*) FROM s GROUP BY 1""",
        "by_month_area": "SELECT created_month, interested_area, count(*) FROM s GROUP BY 1, 2",
        "by_age_sex": "SELECT coalesce(age_band, 'unknown'), coalesce(sex, 'unknown'), count(*) FROM s GROUP BY 1, 2",
    }[table]
    con = duckdb.connect()
    con.execute(f"CREATE VIEW s AS SELECT * FROM '{staging}/*.parquet'")
    return {tuple(row[:-1]): row[-1] for row in con.execute(sql).fetchall()}


@pytest.mark.parametrize("table", [*ONE_WAY, *TWO_WAY])
def test_no_suppressed_advertiser_cell_is_recoverable_from_totals(releases, staging, table):
    dims = TWO_WAY.get(table) or ({"by_region": "region", "by_channel": "channel",
                                   "by_response_time": "response_band"}[table],)
    with connect(releases, "advertiser") as con:
        published = con.execute(f"SELECT {', '.join(dims)}, consultations, suppressed FROM {table}").fetchall()
    truth = true_cells(staging, table)
    counts = [truth.get(tuple(row[:len(dims)]), 0) for row in published]
    hidden = [row[-1] for row in published]
    assert [n for n, h in zip(counts, hidden) if not h] == [row[-2] for row in published if not row[-1]]
    lines = (two_way_lines([r[0] for r in published], [r[1] for r in published]) if len(dims) == 2
             else one_way_lines(len(published)))
    for line in lines:
        assert sum(hidden[c] for c in line) != 1, f"{table}: a line with a single suppressed cell"
    small = [i for i, (n, h) in enumerate(zip(counts, hidden)) if h and 0 < n < SETTINGS.min_cell_size]
    for cell, upper in max_of_hidden_cells(counts, hidden, lines, small).items():
        best_possible = min([SETTINGS.min_cell_size] + [sum(counts[c] for c in line) for line in lines if cell in line])
        assert upper >= best_possible, f"{table}: cell {published[cell][:len(dims)]} bounded by {upper}"


def test_missing_staging_column_fails_and_keeps_the_previous_release(staging, tmp_path, releases):
    broken = tmp_path / "broken"
    broken.mkdir()
    duckdb.sql(f"COPY (SELECT * EXCLUDE (region) FROM '{staging}/*.parquet') TO '{broken}/part-0.parquet'")
    out = tmp_path / "out"
    out.mkdir()
    previous = out / "academic.duckdb"
    previous.write_bytes(releases["academic"].path.read_bytes())
    with pytest.raises(ReleaseBuildError, match="region"):
        build_releases(broken, out, SETTINGS, KEY, RUN_INFO)
    assert previous.read_bytes() == releases["academic"].path.read_bytes()
    assert not list(out.glob(".*tmp*"))


def test_no_staging_files_is_an_error(tmp_path):
    with pytest.raises(ReleaseBuildError, match="no anonymised staging"):
        build_releases(tmp_path, tmp_path / "out", SETTINGS, KEY, RUN_INFO)
