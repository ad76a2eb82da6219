"""Risk per person (reports/reidentification_risk.py) and information loss per column
(reports/information_loss.py) against figures computed by hand on small tables in DuckDB."""
from __future__ import annotations

import math
from pathlib import Path

import duckdb
import pytest

from reports.information_loss import per_column
from reports.reidentification_risk import exceeded, measure

MACROS = Path(__file__).resolve().parent.parent / "reports" / "sql" / "academic" / "generalise_macros.sql"
COLUMNS = "pseudo_id VARCHAR, pseudo_person_id VARCHAR, age_band VARCHAR, sex VARCHAR, region VARCHAR, " \
          "interested_area VARCHAR, month VARCHAR"


def table(con, name: str, rows: list[tuple]) -> None:
    con.execute(f"CREATE TABLE {name} ({COLUMNS})")
    con.executemany(f"INSERT INTO {name} VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [(f"{name}{i}", *row) for i, row in enumerate(rows)])


A = ("30-39", "F", "수도권", "eyes", "2025")
B = ("40-49", "M", "영남", "nose", "2025")
C = ("*", "*", "*", "breast", "*")
D = ("30-39", "F", "수도권", "nose", "2025")


@pytest.fixture
def con():
    connection = duckdb.connect()
    # Released: A = p1..p5 (p1 asks three times), B = p6..p15, C (suppressed) = p16..p20, D = p23..p27.
    released = ([("p1", *A)] * 3 + [(f"p{i}", *A) for i in range(2, 6)] + [(f"p{i}", *B) for i in range(6, 16)]
                + [(f"p{i}", *C) for i in range(16, 21)] + [(f"p{i}", *D) for i in range(23, 28)])
    table(connection, "released", released)
    # Population = released classes as generalised before suppression, plus one more person in A
    # (p21, dropped) and one more breast consultation (p22) that a starred class matches.
    population = [r for r in released if r[1] != "*"] + [(f"p{i}", "20-29", "F", "서울", "breast", "2025")
                                                       for i in range(16, 21)]
    population += [("p21", *A), ("p22", "50-59", "F", "부산", "breast", "2024")]
    table(connection, "population", population)
    yield connection
    connection.close()


def test_risk_matches_the_hand_computed_figures(con):
    r = measure(con, "released", "population", threshold=0.1)
    # 4 classes of f = 5, 10, 5, 5 persons: 25 person-classes; F = 6, 10, 6, 5.
    assert (r.k_persons, r.k_rows, r.classes, r.persons, r.person_classes) == (5, 5, 4, 25, 25)
    assert r.prosecutor_highest == pytest.approx(1 / 5)
    assert r.prosecutor_average == pytest.approx(4 / 25)
    assert r.prosecutor_at_risk == pytest.approx(15 / 25)        # A, C, D have 1/f = 0.2 > 0.1; B 0.1 is not above
    assert r.journalist_highest == pytest.approx(1 / 5)           # D: nobody outside the release matches it
    journalist = (5 / 6 + 10 / 10 + 5 / 6 + 5 / 5) / 25
    assert r.journalist_average == pytest.approx(journalist)
    assert r.marketer_average == pytest.approx(journalist)        # sum(f/F)/sum(f): the same sum
    assert r.journalist_at_risk == pytest.approx(15 / 25)
    # l over (age, sex, region, month): {eyes, nose} for 30-39/F/수도권/2025, one area for B and for C.
    assert r.l_diversity == 1 and r.entropy_l_diversity == pytest.approx(1.0)
    assert r.single_area_share == pytest.approx(15 / 25)
    assert r.facts()["risk.k_persons"] == 5


def test_a_member_asking_many_times_does_not_raise_k(con):
    con.execute("DELETE FROM released WHERE pseudo_person_id IN ('p2', 'p3')")  # A: p1 x3, p4, p5 = 3 persons
    r = measure(con, "released", "population", threshold=0.1)
    assert r.k_persons == 3 and r.k_rows == 5


def test_limits_name_what_is_exceeded(con):
    r = measure(con, "released", "population", threshold=0.1)
    assert exceeded(r, max_highest=0.2, max_average=0.2, max_at_risk=1.0, min_l=1) == []
    broken = exceeded(r, max_highest=0.1, max_average=0.1, max_at_risk=0.5, min_l=2)
    assert [b.split(" ")[0] + " " + b.split(" ")[1] for b in broken] == [
        "highest prosecutor", "average prosecutor", "person-classes at", "l-diversity of"]


def test_information_loss_per_column_by_hand():
    con = duckdb.connect()
    con.execute(MACROS.read_text(encoding="utf-8"))
    # Staged: four rows, ages 30-34, 30-34, 35-39, 60-64. Released at 10-year bands with the 60-64 row starred.
    table(con, "base", [("p1", "30-34", "F", "서울", "eyes", "2025-01"), ("p2", "30-34", "F", "서울", "eyes", "2025-01"),
                        ("p3", "35-39", "F", "서울", "eyes", "2025-01"), ("p4", "60-64", "F", "서울", "eyes", "2025-01")])
    con.execute("CREATE TABLE rel AS SELECT pseudo_id, CASE WHEN age_band = '60-64' THEN '*' "
                "ELSE generalise_age(age_band, 1) END AS age_band, sex, region, interested_area, month FROM base")
    loss = per_column(con, "base", "rel", {"age_band": 1, "sex": 0, "region": 0, "month": 0})
    # -log2 P(staged | released): 30-34 in 30-39 is 2/3 (twice), 35-39 in 30-39 1/3, the starred 60-64 1/4;
    # the whole column suppressed would cost 2*log2(4/2) + log2(4) + log2(4) = 6 bits.
    expected = (2 * math.log2(3 / 2) + math.log2(3) + math.log2(4)) / 6
    assert loss["age_band"]["entropy"] == pytest.approx(expected, abs=1e-6)
    assert loss["age_band"]["suppressed"] == 0.25 and loss["age_band"]["height"] == pytest.approx(1 / 3, abs=1e-4)
    assert loss["sex"] == {"suppressed": 0.0, "height": 0.0, "entropy": 0.0}


def test_a_column_starred_for_everyone_matches_exactly(con):
    before = measure(con, "released", "population", threshold=0.1)
    for name in ("released", "population"):
        con.execute(f"UPDATE {name} SET region = '*'")  # region generalised away for the whole release
    after = measure(con, "released", "population", threshold=0.1)
    assert after.facts() == before.facts()
