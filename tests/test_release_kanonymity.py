"""Generalisation hierarchies and the k-anonymity search, on small hand-made tables in DuckDB."""
from pathlib import Path

import duckdb
import pytest

from anonymise.regions import PROVINCES
from reports.kanonymity import choose_levels, measured_k

MACROS = Path(__file__).resolve().parent.parent / "reports" / "sql" / "academic" / "generalise_macros.sql"


@pytest.fixture
def con():
    connection = duckdb.connect()
    connection.execute(MACROS.read_text(encoding="utf-8"))
    yield connection
    connection.close()


@pytest.mark.parametrize(("band", "level", "expected"), [
    ("35-39", 0, "35-39"), ("35-39", 1, "30-39"), ("35-39", 2, "20-39"), ("15-19", 2, "0-19"),
    ("80+", 2, "80+"), (None, 1, None), ("35-39", 3, "*")])
def test_age_hierarchy(con, band, level, expected):
    assert con.execute("SELECT generalise_age(?, ?)", [band, level]).fetchone()[0] == expected


@pytest.mark.parametrize(("month", "level", "expected"), [
    ("2025-01", 1, "2025-Q1"), ("2025-03", 1, "2025-Q1"), ("2025-04", 1, "2025-Q2"), ("2025-12", 1, "2025-Q4"),
    ("2025-12", 2, "2025"), ("2025-12", 3, "*")])
def test_month_hierarchy(con, month, level, expected):
    assert con.execute("SELECT generalise_month(?, ?)", [month, level]).fetchone()[0] == expected


def test_every_province_the_anonymiser_emits_has_a_macro_region(con):
    macro = {p: con.execute("SELECT generalise_region(?, 1)", [p]).fetchone()[0] for p in PROVINCES}
    assert set(macro.values()) == {"수도권", "충청", "호남", "영남", "강원", "제주"}
    assert macro["세종"] == "충청" and macro["광주"] == "호남" and macro["울산"] == "영남"
    assert [con.execute("SELECT generalise_region(?, 1)", [r]).fetchone()[0] for r in ("US", "abroad", "화성")] \
        == ["abroad", "abroad", "*"]
    assert con.execute("SELECT generalise_region('부산', 2), generalise_region('JP', 2)").fetchone() == ("domestic",
                                                                                                      "abroad")


def make_table(con, rows):
    """Rows of (age_band, sex, region, interested_area, month[, person]); without a person each row is its own."""
    con.execute("CREATE TABLE t (age_band VARCHAR, sex VARCHAR, region VARCHAR, interested_area VARCHAR, month VARCHAR, "
                "pseudo_person_id VARCHAR)")
    con.executemany("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)",
                    [(*row[:5], row[5] if len(row) > 5 else f"p{i}") for i, row in enumerate(rows)])


def test_search_takes_the_cheapest_level_that_fits(con):
    # 3 consultations per month of 2025, otherwise identical: months fail k=5, quarters (9 each) pass.
    make_table(con, [("30-34", "F", "서울", "eyes", f"2025-{m:02d}") for m in range(1, 13) for _ in range(3)])
    chosen, measured = choose_levels(con, "t", k=5, max_suppression=0.05)
    assert chosen.levels == {"age_band": 0, "sex": 0, "region": 0, "month": 1}
    assert chosen.suppressed_rows == 0 and measured > 1


def test_outliers_are_suppressed_rather_than_generalising_everyone(con):
    # 200 rows in one class and 2 outliers: suppressing 1 % beats any generalisation.
    make_table(con, [("30-34", "F", "서울", "eyes", "2025-01")] * 200
               + [("60-64", "M", "제주", "eyes", "2025-01"), ("70-74", "M", "US", "eyes", "2025-07")])
    chosen, _ = choose_levels(con, "t", k=5, max_suppression=0.05)
    assert chosen.levels == {"age_band": 0, "sex": 0, "region": 0, "month": 0}
    assert chosen.suppressed_rows == 2


def test_when_nothing_fits_the_least_suppressing_candidate_wins(con):
    make_table(con, [("30-34", "F", "서울", area, "2025-01") for area in ("eyes", "nose", "skin")])
    chosen, measured = choose_levels(con, "t", k=5, max_suppression=0.05)
    assert chosen.suppression_rate == 1.0 and measured == 4 * 2 * 4 * 4  # the whole lattice was measured


def test_measured_k_counts_persons(con):
    make_table(con, [("30-39", "F", "수도권", "eyes", "2025")] * 5 + [("30-39", "F", "수도권", "nose", "2025")] * 6
               + [("40-49", "M", "영남", "skin", "2025")] * 7)
    assert measured_k(con, "t") == 5


def test_one_member_with_many_consultations_is_one_person_in_the_search(con):
    # Four people ask once, one member asks six times, all alike: 10 rows but 5 persons, so k=5 holds
    # and k=6 does not; counted by rows both would seem to hold.
    rows = [("30-34", "F", "서울", "eyes", "2025-01", f"p{i}") for i in range(4)]
    rows += [("30-34", "F", "서울", "eyes", "2025-01", "frequent")] * 6
    make_table(con, rows)
    assert measured_k(con, "t") == 5
    fits, _ = choose_levels(con, "t", k=5, max_suppression=0.0)
    assert fits.suppressed_rows == 0 and fits.levels == dict.fromkeys(fits.levels, 0)
    too_few, _ = choose_levels(con, "t", k=6, max_suppression=0.0)
    assert too_few.suppressed_rows == 10  # no level merges them with anyone: one class of 5 persons stays below 6
