"""The real flow, end to end: `clinic-anon run` in a subprocess with its own PREFECT_HOME and a real
ephemeral Prefect server, on generated synthetic data.

One module-scoped first run feeds several assertions; the incremental, erasure, Dask and
blocked-release scenarios each run the flow again.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from anonymise.keys import pseudonym
from data_samples.generator import generate

KEY_HEX = "5e" * 32
AS_OF = "2026-11-22"
N_CONSULTATIONS = 160
DATA_TABLES = {"faq": ["faq_entries"], "academic": ["consultations"], "publishing": ["cases"],
               "advertiser": ["by_month_area", "by_age_sex", "by_region", "by_channel", "by_response_time", "totals"]}


def _env(prefect_home: Path, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "CLINIC_ANON_"))}
    env.update(PREFECT_HOME=str(prefect_home), CLINIC_ANON_KEY=KEY_HEX, DO_NOT_TRACK="1",
               PREFECT_SERVER_ANALYTICS_ENABLED="false", PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="90",
               CLINIC_ANON_ANONYMISE__WORKERS="1", **extra)
    return env


def run_cli(source: Path, out: Path, prefect_home: Path, *args: str, **env) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "flows.cli", "run", "--source", str(source), "--out", str(out),
                           "--as-of", AS_OF, "--no-progress", *args],
                          env=_env(prefect_home, **env), capture_output=True, text=True, timeout=900)


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def write_jsonl(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def latest(out: Path) -> Path:
    return (out / "release" / "latest").resolve()


def manifest(release: Path) -> dict:
    return json.loads((release / "manifest.json").read_text())


def table_rows(db: Path, table: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return sorted(con.execute(f"SELECT * FROM {table}").fetchall(), key=repr)


def personal_values(source: Path) -> set[str]:
    """Every personal value of the source, as it would be written in clear."""
    values: set[str] = set()
    for c in read_jsonl(source / "consultations.jsonl"):
        values.update(v for v in (c.get("name"), c.get("phone"), c.get("email"), c.get("ip_address")) if v)
    for m in read_jsonl(source / "members.jsonl"):
        values.update(v for v in (m.get("name"), m.get("phone"), m.get("email"), m.get("address"),
                                  m.get("guardian_name"), m.get("guardian_phone"), m.get("guardian_rrn")) if v)
    for g in read_jsonl(source / "gold.jsonl"):
        values.update(e["value"] for e in g["pii"] if len(e["value"]) >= 4)
    return values


@pytest.fixture(scope="module")
def source(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("source")
    generate(folder, n_consultations=N_CONSULTATIONS, seed=11)
    return folder


@pytest.fixture(scope="module")
def first_run(source, tmp_path_factory):
    base = tmp_path_factory.mktemp("first")
    out, home = base / "out", base / "prefect-home"
    result = run_cli(source, out, home)
    assert result.returncode == 0, result.stderr[-3000:]
    return out, home, result


def test_first_run_promotes_every_release(first_run):
    out, _, result = first_run
    release = latest(out)
    assert release.parent == out / "release" and release.name != "latest"
    for name in ("faq", "academic", "publishing", "advertiser"):
        assert (release / f"{name}.duckdb").stat().st_size > 0
        assert f"{name}.duckdb" in result.stdout
    m = manifest(release)
    assert m["status"] == "promoted" and m["check"]["passed"] and m["check"]["canary"]["passed"]
    for table in ("members", "consultations"):
        quarantined = sum(m["counts"]["quarantined"].get(table, {}).values())
        assert m["counts"]["read"][table] == m["counts"]["accepted"][table] + quarantined
    assert sum(m["pii_removed"].values()) > 0


def test_private_area_is_private(first_run):
    out, _, _ = first_run
    for folder in [out / "private", *[p for p in (out / "private").rglob("*") if p.is_dir()]]:
        assert folder.stat().st_mode & 0o077 == 0, folder
    assert (out / "private" / "keys").exists() and not any((out / "release").rglob("*.key"))


def test_no_personal_value_reaches_prefect_home_or_the_release(first_run, source):
    out, home, result = first_run
    files = [p for p in home.rglob("*") if p.is_file()]
    assert any(p.suffix == ".db" for p in files), "the Prefect database should live under PREFECT_HOME"
    blobs = [p.read_bytes() for p in files] + [(result.stdout + result.stderr).encode()]
    release_text = [p.read_bytes() for p in latest(out).iterdir() if p.suffix in (".json", ".md", ".html")]
    leaked = [v for v in personal_values(source) if any(v.encode() in b for b in blobs + release_text)]
    assert leaked == []
    assert KEY_HEX.encode() not in b"".join(blobs + release_text)


@pytest.mark.slow
def test_incremental_run_processes_only_new_records_and_propagates_erasure(source, tmp_path):
    consultations = read_jsonl(source / "consultations.jsonl")
    members = read_jsonl(source / "members.jsonl")
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(source / "members.jsonl", src / "members.jsonl")
    write_jsonl(src / "consultations.jsonl", consultations[:120])
    out, home = tmp_path / "out", tmp_path / "home"
    assert run_cli(src, out, home).returncode == 0
    first = manifest(latest(out))

    write_jsonl(src / "consultations.jsonl", consultations)  # 40 new consultations
    second = run_cli(src, out, home)
    assert second.returncode == 0, second.stderr[-3000:]
    m2 = manifest(latest(out))
    new_eligible = m2["counts"]["eligible"] - first["counts"]["eligible"]
    assert m2["counts"]["anonymised"] == new_eligible > 0
    assert m2["counts"]["kept_from_previous_runs"] == first["counts"]["eligible"]

    with duckdb.connect(str(latest(out) / "academic.duckdb"), read_only=True) as con:
        before = con.execute("SELECT count(*) FROM consultations").fetchone()[0]

    # The user deletes one consultation and a member withdraws: both vanish from the next release.
    staged = pq.read_table(out / "private" / "staging" / "anonymised" / "current.parquet")
    staged_ids = set(staged.column("pseudo_consultation_id").to_pylist())
    key = bytes.fromhex(KEY_HEX)
    record_level = [c for c in consultations if pseudonym(key, c["consultation_id"], "staging") in staged_ids
                    and c.get("member_id")]
    deleted, withdrawer = record_level[0], record_level[-1]
    for c in consultations:
        if c["consultation_id"] == deleted["consultation_id"]:
            c["deleted"] = True
    for mem in members:
        if mem["member_id"] == withdrawer["member_id"]:
            mem["status"], mem["withdrawn_at"] = "withdrawn", "2026-11-01T10:00:00+09:00"
    write_jsonl(src / "consultations.jsonl", consultations)
    write_jsonl(src / "members.jsonl", members)
    third = run_cli(src, out, home)
    assert third.returncode == 0, third.stderr[-3000:]
    m3 = manifest(latest(out))
    gone = {c["consultation_id"] for c in consultations
            if c["consultation_id"] == deleted["consultation_id"] or c.get("member_id") == withdrawer["member_id"]}
    assert m3["counts"]["erased_from_staging"] >= 2
    after = set(pq.read_table(out / "private" / "staging" / "anonymised" / "current.parquet")
                .column("pseudo_consultation_id").to_pylist())
    assert not {pseudonym(key, cid, "staging") for cid in gone} & after
    with duckdb.connect(str(latest(out) / "academic.duckdb"), read_only=True) as con:
        released = con.execute("SELECT count(*) FROM consultations").fetchone()[0]
    assert released < before
    # The older releases held the erased records: they are gone too (tests/test_lifecycle.py has the details).
    assert not (out / "release" / m2["run_id"]).exists() and not (out / "release" / first["run_id"]).exists()


@pytest.mark.slow
def test_local_dask_cluster_gives_the_same_releases(first_run, source, tmp_path):
    out, _, _ = first_run
    dask_out = tmp_path / "out"
    result = run_cli(source, dask_out, tmp_path / "home", "--dask-workers", "2")
    assert result.returncode == 0, result.stderr[-3000:]
    for release, tables in DATA_TABLES.items():
        for table in tables:
            assert table_rows(latest(dask_out) / f"{release}.duckdb", table) == \
                table_rows(latest(out) / f"{release}.duckdb", table), f"{release}.{table}"


def test_leaking_release_is_blocked_and_latest_is_kept(first_run, source, tmp_path):
    out, _, _ = first_run
    work = tmp_path / "out"
    shutil.copytree(out, work, symlinks=True)
    before = os.readlink(work / "release" / "latest")
    # Staging holds a personal value in clear (a corrupted or tampered file; the policy refuses free
    # text kept as written, so no setting can do this). The next run reuses the unchanged rows, and
    # the leak check must stop the release built from them.
    current = work / "private" / "staging" / "anonymised" / "current.parquet"
    rows = pq.read_table(current).to_pylist()
    phone = next(c["phone"] for c in read_jsonl(source / "consultations.jsonl") if c.get("phone"))
    # In every record-level row: far more than the gate may withhold (gate.withhold_max_share), so the
    # run blocks instead of promoting without them (tests/test_gate_flow.py has the withholding).
    for staged in (r for r in rows if r["record_level"] and r["question"]):
        staged["question"] = staged["academic_question"] = staged["pub_question"] = f"연락처 {phone} 로 주세요"
    pq.write_table(pa.Table.from_pylist(rows, schema=pq.read_schema(current)), current)
    result = run_cli(source, work, tmp_path / "home")
    assert result.returncode == 1, result.stderr[-3000:]
    assert "BLOCKED" in result.stderr
    assert os.readlink(work / "release" / "latest") == before
    released = {p.name for p in (work / "release").iterdir()}
    assert released == {p.name for p in (out / "release").iterdir()}  # nothing new was published
    reports = list((work / "private" / "runs").glob("*/leak_report.md"))
    assert reports
    leaked = personal_values(source)
    for report in reports:
        text = report.read_text()
        assert not any(v in text for v in leaked if len(v) >= 6)
