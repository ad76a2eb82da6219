"""End-to-end benchmark: `clinic-anon run` on N synthetic consultations.

    .venv/bin/python benchmarks/bench_end_to_end.py --n 10000 [--n 100000 ...] [--workers 2]

For each N: generates the source once (cached under benchmarks/results/data-N), runs the whole
flow in a fresh output folder, and reports wall time per stage (from the run manifest),
records/s, CPU seconds of the whole process tree, peak RSS of the tree (CLI + Prefect server +
workers, sampled every 0.5 s) and the load average (the machine may be shared). A run the leak
check blocks still has its timings (from the run's private manifest); the table says so.
Prints a table and writes benchmarks/results/end_to_end.json.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
STAGES = ("ingest", "eligibility", "anonymise", "build", "check")


def source_for(n: int) -> Path:
    folder = RESULTS / f"data-{n}"
    if not (folder / "consultations.jsonl").exists():
        from data_samples.generator import generate

        folder.mkdir(parents=True, exist_ok=True)
        generate(folder, n_consultations=n, seed=1234)
    return folder


def tree_rss(proc: psutil.Process) -> int:
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def run_once(n: int, workers: int) -> dict:
    source = source_for(n)
    work = Path(tempfile.mkdtemp(prefix=f"bench-e2e-{n}-"))
    env = {**os.environ, "PREFECT_HOME": str(work / "prefect"), "CLINIC_ANON_ANONYMISE__WORKERS": str(workers),
           "CLINIC_ANON_KEY": "42" * 32}
    cmd = [sys.executable, "-m", "flows.cli", "run", "--source", str(source), "--out", str(work / "out"),
           "--as-of", "2026-11-22", "--no-progress"]
    peak = 0
    load_before = os.getloadavg()
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    watcher = psutil.Process(proc.pid)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss(watcher))
            time.sleep(0.5)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    output, _ = proc.communicate()
    done.set()
    thread.join()
    wall = time.perf_counter() - started
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)  # every waited-for descendant, workers included
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    released = proc.returncode == 0
    # A blocked release leaves its manifest in the run's private folder; its timings are as real.
    manifests = [work / "out" / "release" / "latest" / "manifest.json"] if released else \
        sorted((work / "out" / "private" / "runs").glob("*/release/manifest.json"))
    if not manifests or not manifests[-1].exists():
        raise SystemExit(f"run on {n} failed ({proc.returncode}):\n{output[-3000:]}")
    manifest = json.loads(manifests[-1].read_text())
    shutil.rmtree(work, ignore_errors=True)
    timings = manifest["timings"]
    return {"n": n, "workers": workers, "released": released, "wall_s": round(wall, 1),
            "records_per_s": round(n / wall, 1), "cpu_s": round(cpu, 1), "peak_rss_mib": round(peak / 2**20),
            "eligible": manifest["counts"]["eligible"], "load_average": [load_before, os.getloadavg()],
            "stages_s": {s: round(timings.get(s, 0.0), 1) for s in STAGES}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, action="append", help="consultations (repeatable); default 10000")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    RESULTS.mkdir(parents=True, exist_ok=True)
    rows = [run_once(n, args.workers) for n in (args.n or [10_000])]
    header = f"{'consultations':>13} {'wall s':>8} {'rec/s':>7} {'CPU s':>7} {'peak RSS MiB':>12} " + \
             " ".join(f"{s:>11}" for s in STAGES) + f" {'load avg':>11} released"
    print(header)
    for r in rows:
        load = f"{r['load_average'][0][0]:.1f}->{r['load_average'][1][0]:.1f}"
        print(f"{r['n']:>13,} {r['wall_s']:>8} {r['records_per_s']:>7} {r['cpu_s']:>7} {r['peak_rss_mib']:>12} " +
              " ".join(f"{r['stages_s'][s]:>11}" for s in STAGES) + f" {load:>11} {'yes' if r['released'] else 'BLOCKED'}")
    out = RESULTS / "end_to_end.json"
    # Runs of other sizes from earlier invocations stay (1M is run on its own), newest per size wins.
    earlier = json.loads(out.read_text())["runs"] if out.exists() else []
    runs = {r["n"]: r for r in [*earlier, *rows]}
    out.write_text(json.dumps({"machine": {"cpus": os.cpu_count(), "memory_gib": round(psutil.virtual_memory().total / 2**30)},
                               "runs": [runs[n] for n in sorted(runs)]}, indent=1))
    print(f"written {out}")


if __name__ == "__main__":
    main()
