"""Findings map back to the staging records behind them, through the build's private row map.

Real releases built from synthetic staging (reports.build with ``row_sources``), leaks planted into
them, the real check, then ``tie_findings``: a record-level row maps to its consultation, an FAQ
example to the consultations asking that question, a search term to the entry's question and
answer; aggregates and project tables map to nobody. A rebuild with ``withheld`` drops them.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from gate_fixtures import write_snapshot
from release_fixtures import write_anonymised_staging

from anonymise.gate import CheckSettings, check_release, snapshot_needles, tie_findings
from reports.settings import ReleaseSettings
from reports.build import build_releases

KEY = bytes(range(32))
RUN_INFO = {"run_id": "r1", "as_of": "2026-11-22", "policy_hash": "p"}
SSN = "SSN 536-22-8726 입니다"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("built")
    staging = write_anonymised_staging(base / "staging", n=600, seed=3)
    release = base / "release"
    build_releases(staging, release, ReleaseSettings(k_anonymity=2), KEY, RUN_INFO, row_sources=base / "map")
    return base, staging, release, base / "map", write_snapshot(base / "accepted")


def row_map(folder: Path) -> list[dict]:
    return [r for p in sorted(folder.glob("*.parquet")) for r in pq.read_table(p).to_pylist()]


def check(release: Path, snapshot: Path):
    return check_release(release, snapshot_needles(snapshot), KEY, CheckSettings(k_anonymity=2))


def copy(release: Path, to: Path) -> Path:
    to.mkdir()
    for p in release.iterdir():
        (to / p.name).write_bytes(p.read_bytes())
    return to


def test_the_built_release_is_clean_and_its_map_covers_every_text_row(built):
    _, _, release, sources, snapshot = built
    assert check(release, snapshot).passed
    mapped = {(r["release"], r["table_name"], r["row_key"]) for r in row_map(sources)}
    with duckdb.connect(str(release / "academic.duckdb"), read_only=True) as con:
        ids = {i for (i,) in con.execute("SELECT pseudo_id FROM consultations").fetchall()}
    assert {("academic", "consultations", i) for i in ids} <= mapped
    with duckdb.connect(str(release / "faq.duckdb"), read_only=True) as con:
        entries = {i for (i,) in con.execute("SELECT faq_id FROM faq_entries").fetchall()}
        recommended = {f"{a}|{r}" for a, r in con.execute(
            "SELECT interested_area, rank FROM recommended_consultations").fetchall()}
    assert entries and {("faq", "faq_entries", i) for i in entries} <= mapped
    assert {("faq", "recommended_consultations", k) for k in recommended} <= mapped


def test_an_academic_finding_withholds_its_one_consultation(built, tmp_path):
    _, _, release, sources, snapshot = built
    target = next(r for r in row_map(sources) if r["release"] == "academic")
    leaking = copy(release, tmp_path / "r")
    with duckdb.connect(str(leaking / "academic.duckdb")) as con:
        con.execute("UPDATE consultations SET question = ? WHERE pseudo_id = ?", [SSN, target["row_key"]])
    tie = tie_findings(check(leaking, snapshot), sources, leaking)
    assert tie.untied == []
    assert tie.records == {target["pseudo_consultation_id"]: {"identifier:ssn", "text:digits"}}


def test_an_faq_example_withholds_the_consultations_asking_it(built, tmp_path):
    _, _, release, sources, snapshot = built
    examples = [r for r in row_map(sources) if r["role"] == "example" and r["position"] == 2]
    faq_id = examples[0]["row_key"]
    askers = {r["pseudo_consultation_id"] for r in examples if r["row_key"] == faq_id}
    leaking = copy(release, tmp_path / "r")
    with duckdb.connect(str(leaking / "faq.duckdb")) as con:
        con.execute("UPDATE faq_entries SET example_questions = list_transform(generate_series(1, "
                    "len(example_questions)), i -> CASE WHEN i = 2 THEN ? ELSE example_questions[i] END) "
                    "WHERE faq_id = ?", [SSN, faq_id])
    tie = tie_findings(check(leaking, snapshot), sources, leaking)
    assert tie.untied == []
    assert set(tie.records) == askers  # the askers of example 2 only, not of examples 1 and 3


def test_findings_outside_records_are_untied(built, tmp_path):
    _, _, release, sources, snapshot = built
    leaking = copy(release, tmp_path / "r")
    with duckdb.connect(str(leaking / "advertiser.duckdb")) as con:
        con.execute("INSERT INTO release_info VALUES ('note', ?)", [SSN])
    with duckdb.connect(str(leaking / "academic.duckdb")) as con:
        con.execute("ALTER TABLE consultations ADD COLUMN phone VARCHAR")
    tie = tie_findings(check(leaking, snapshot), sources, leaking)
    assert tie.records == {}
    assert {f.kind for f in tie.untied} == {"identifier:ssn", "forbidden_column"}


def test_a_rebuild_leaves_the_withheld_records_out_of_every_release(built, tmp_path):
    _, staging, release, sources, _ = built
    withheld = sorted({r["pseudo_consultation_id"] for r in row_map(sources) if r["release"] == "academic"})[:5]
    rebuilt = tmp_path / "rebuilt"
    build_releases(staging, rebuilt, ReleaseSettings(k_anonymity=2), KEY, RUN_INFO, row_sources=tmp_path / "map",
                   withheld=withheld)
    assert not {r["pseudo_consultation_id"] for r in row_map(tmp_path / "map")} & set(withheld)
    with duckdb.connect(str(release / "advertiser.duckdb"), read_only=True) as before, \
            duckdb.connect(str(rebuilt / "advertiser.duckdb"), read_only=True) as after:
        total = "SELECT value FROM totals WHERE measure = 'consultations'"
        assert after.execute(total).fetchone()[0] == before.execute(total).fetchone()[0] - len(withheld)


def test_the_gate_loads_neither_spacy_nor_presidio(built):
    _, _, release, _, snapshot = built
    code = ("import sys; from pathlib import Path; from anonymise.gate import CheckSettings, check_release, "
            "snapshot_needles; r = check_release(Path(sys.argv[1]), snapshot_needles(Path(sys.argv[2])), bytes(range(32)), "
            "CheckSettings(k_anonymity=2)); assert r.passed, r.findings_by_kind; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'presidio_analyzer', "
            "'presidio_anonymizer', 'flows', 'prefect') or m == 'anonymise.engine'))")
    result = subprocess.run([sys.executable, "-c", code, str(release), str(snapshot)], capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "[]"
