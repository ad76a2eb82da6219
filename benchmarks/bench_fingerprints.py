"""What change detection by content fingerprints costs the chunk planner (issue #20).

    .venv/bin/python benchmarks/bench_fingerprints.py --n 100000 [--n 1000000] [--repeat 2]

For each N: generates the source once (cached under benchmarks/results/data-N, the same data as
bench_end_to_end.py), ingests it and decides eligibility once (cached under
benchmarks/results/fingerprints-N), then times the plan stage in fresh processes, each measured
for wall time and peak RSS (the planner runs DuckDB in-process, capped at 1 GB):

- first:  nothing staged yet, every eligible consultation planned and written to chunk files;
- again:  everything staged and nothing changed (the nightly case): nothing to do, but every
          record is read and fingerprinted to know it;
- scan:   only the fingerprint pass (the planner's `eligible` table with and without fingerprints).

each with the planner as it was before fingerprints (timestamps against the watermark; git
revision BASELINE) and as it is now. Prints a table and writes benchmarks/results/fingerprints.json.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
BASELINE = "d9c9cc1"  # the planner before content fingerprints
KEY = bytes.fromhex("42" * 32)
sys.path.insert(0, str(ROOT))


def prepared(n: int) -> Path:
    """An OUT with accepted and eligible staging for the N-consultation source (cached)."""
    from bench_end_to_end import source_for

    out = RESULTS / f"fingerprints-{n}"
    if not (out / "prepared").exists():
        shutil.rmtree(out, ignore_errors=True)
        source = source_for(n)
        subprocess.run([sys.executable, __file__, "--phase", "prepare", "--out", str(out), "--source", str(source)],
                       check=True, cwd=ROOT)
        (out / "prepared").write_text("")
    return out


def _planner(which: str):
    if which == "now":
        from flows import anonymise_stage

        return anonymise_stage
    code = subprocess.run(["git", "show", f"{BASELINE}:flows/anonymise_stage.py"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout
    path = Path(tempfile.mkdtemp()) / "baseline_anonymise_stage.py"
    path.write_text(code)
    spec = importlib.util.spec_from_file_location("baseline_anonymise_stage", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


def _watermark(work):
    import duckdb

    path = str(work.eligible / "consultations.parquet")
    return duckdb.sql(f"SELECT max(greatest(created_at, coalesce(updated_at, created_at))) FROM read_parquet('{path}')"
                      ).fetchone()[0]


def phase(name: str, out: Path, source: Path | None) -> dict:
    """One measurement in this (fresh) process."""
    from anonymise.settings import AnonymiseSettings
    from flows.config import Settings
    from flows.workarea import WorkArea

    work = WorkArea(out)
    if name == "prepare":
        from flows.eligibility import apply_eligibility
        from flows.ingest import ingest
        from flows.open_source import open_source

        settings = Settings(as_of="2026-11-22")
        ingest(open_source(str(source), settings.source), work, settings, "bench")
        result = apply_eligibility(work, settings, settings.as_of)
        return {"eligible": result.eligible}
    stage, which = name.split("-")
    planner = _planner(which)
    current = work.anonymised / "current.parquet"
    staged = out / f"staged-{which}.parquet"
    if stage == "again":
        shutil.copy(staged, current)
    else:
        current.unlink(missing_ok=True)
    started = time.perf_counter()
    if stage == "scan":
        result = _scan(planner, work, which)
    else:
        args = (work, f"bench-{name}", KEY, "seed", _watermark(work) if stage == "again" else None, 2000)
        if which == "now":
            args += (planner.fingerprint_key(KEY, AnonymiseSettings()),)
        plan = planner.plan_chunks(*args)
        result = {"todo": plan.todo, "kept": plan.kept}
    seconds = time.perf_counter() - started
    if stage == "first":
        _stage_as_compaction_would(work, plan, staged, which)
    shutil.rmtree(work.private / "runs", ignore_errors=True)
    shutil.rmtree(work.staging / "pending", ignore_errors=True)
    current.unlink(missing_ok=True)
    return {**result, "seconds": round(seconds, 2),
            "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def _scan(planner, work, which: str) -> dict:
    """The planner's first query only: ids (baseline) or ids and fingerprints (now) of every eligible record."""
    from anonymise.settings import AnonymiseSettings

    eligible = planner._sql_str(work.eligible / "consultations.parquet")
    with planner._connect(work, KEY) as con:
        if which == "now":
            planner._add_fingerprint_function(con, planner.fingerprint_key(KEY, AnonymiseSettings()))
            members = planner._member_join(work.accepted / "members.parquet")
            con.execute(f"""CREATE TEMP TABLE eligible AS
                SELECT t.consultation_id, staging_pseudonym(t.consultation_id) AS pid,
                       content_fingerprint(to_json(struct_pack(record := t,
                           member := CASE WHEN m.member_id IS NULL THEN NULL ELSE m END))) AS fp
                FROM read_parquet({eligible}) t {members} WHERE t.exclusion_reason IS NULL""")
        else:
            con.execute(f"""CREATE TEMP TABLE eligible AS
                SELECT consultation_id, created_at, updated_at, staging_pseudonym(consultation_id) AS pid
                FROM read_parquet({eligible}) WHERE exclusion_reason IS NULL""")
        return {"rows": con.execute("SELECT count(*) FROM eligible").fetchone()[0]}


def _stage_as_compaction_would(work, plan, staged: Path, which: str) -> None:
    """current.parquet as compaction leaves it (ids and fingerprints; the text does not matter here)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from anonymise.keys import pseudonym
    from contract.staging import ANONYMISED_CONSULTATIONS

    ids, fps = [], []
    for chunk in plan.chunks:
        table = pq.read_table(chunk, columns=["consultation_id"] + (["content_fingerprint"] if which == "now" else []))
        ids += [pseudonym(KEY, c, "staging") for c in table.column("consultation_id").to_pylist()]
        fps += table.column("content_fingerprint").to_pylist() if which == "now" else [None] * table.num_rows
    columns = {f.name: pa.nulls(len(ids), f.type) for f in ANONYMISED_CONSULTATIONS}
    columns["pseudo_consultation_id"], columns["content_fingerprint"] = pa.array(ids), pa.array(fps, pa.string())
    pq.write_table(pa.table(columns, schema=ANONYMISED_CONSULTATIONS), staged)


def measure(n: int, repeat: int) -> dict:
    out = prepared(n)
    rows = {}
    for name in ("first-baseline", "first-now", "again-baseline", "again-now", "scan-baseline", "scan-now"):
        runs = []
        for _ in range(repeat):
            done = subprocess.run([sys.executable, __file__, "--phase", name, "--out", str(out)], check=True,
                                  cwd=ROOT, capture_output=True, text=True)
            runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
        rows[name] = {**runs[-1], "seconds": [r["seconds"] for r in runs],
                      "peak_rss_mib": max(r["peak_rss_mib"] for r in runs)}
    return {"n": n, "load_average": os.getloadavg(), "phases": rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, action="append", help="consultations (repeatable); default 100000")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each phase (each in a fresh process)")
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--source", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        os.environ.setdefault("CLINIC_ANON_KEY", KEY.hex())
        print(json.dumps(phase(args.phase, args.out, args.source)))
        return
    RESULTS.mkdir(parents=True, exist_ok=True)
    results = [measure(n, args.repeat) for n in (args.n or [100_000])]
    print(f"{'consultations':>13} {'phase':>16} {'seconds':>16} {'peak RSS MiB':>13} {'to do':>8}")
    for result in results:
        for name, row in result["phases"].items():
            seconds = " / ".join(f"{s:.1f}" for s in row["seconds"])
            print(f"{result['n']:>13,} {name:>16} {seconds:>16} {row['peak_rss_mib']:>13} "
                  f"{row.get('todo', row.get('rows', '')):>8}")
        print(f"{'':>13} load average {result['load_average']}")
    (RESULTS / "fingerprints.json").write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
