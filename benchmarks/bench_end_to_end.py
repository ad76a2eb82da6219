"""End-to-end benchmark: `clinic-anon run` on N synthetic consultations.

    .venv/bin/python benchmarks/bench_end_to_end.py --n 10000 [--n 100000 ...] [--workers 2] [--keep-work]

For each N: generates the source once (cached under benchmarks/results/data-N), runs the whole
flow in a fresh output folder, and reports wall time per stage (from the run manifest),
records/s, CPU seconds of the whole process tree, memory and the load average (the machine may be
shared). Memory is sampled every 0.5 s over the tree (CLI + Prefect server + workers): peak RSS
(sums shared pages once per process, so it overstates) and peak PSS (shared pages split between the
processes sharing them: what the tree really costs), the peak of each process by role, and the tree
peaks per stage (the stage is followed from the run's log lines). A run the leak check blocks still
has its timings (from the run's private manifest); the table says so, with the gate's outcome:
promoted or blocked, the records the leak check withheld and, when blocked, why. With --keep-work
the run's folder (its output, private area and manifest, Prefect's home) is kept and its path printed,
so the manifest, the withheld list and the leak report can be read afterwards; else it is removed.
Prints tables and writes benchmarks/results/end_to_end.json.
"""
from __future__ import annotations

import argparse
import json
import os
import re
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


# A task run's "Finished" line (or the flow's own log line) ends one stage and starts the next.
STAGE_AFTER = [(re.compile(p), stage) for p, stage in (
    (r"Task run 'ingest-", "eligibility"), (r"Task run 'eligibility-", "plan"),
    (r"Task run 'plan-chunks-", "anonymise"), (r"anonymise: \d+ to process", "anonymise"),
    (r"Task run 'anonymise-chunk-", "anonymise"), (r"Task run 'compact-staging-", "build"),
    (r"Task run 'build-releases-", "check"), (r"Task run 'leak-check-reports-", "promote"),
    (r"Task run 'leak-check-", "report"))]


def _pss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _role(proc: psutil.Process, root: int) -> str:
    if proc.pid == root:
        return "supervisor"  # the process started: it runs the flow as a child in its own group
    try:
        cmd = " ".join(proc.cmdline())
    except psutil.Error:
        return "other"
    if "--in-run-group" in cmd:
        return "cli"
    if "uvicorn" in cmd or "prefect.server" in cmd or "prefect server" in cmd:
        return "prefect-server"
    if "multiprocessing.forkserver" in cmd:  # its command line also names resource_tracker (a -W option)
        return "worker"  # the anonymise stage's forkserver and the workers forked from it
    if "spawn_main" in cmd:  # before resource_tracker: a -W option of its command line may name it
        return "child"  # a spawned child of the run: ingest's, the plan's (flows/fresh_process.py), the build and check's
    if "resource_tracker" in cmd:
        return "other"
    if "multiprocessing" in cmd or "dask" in cmd or "distributed" in cmd:
        return "worker"
    return "other"


class MemorySampler:
    """Samples the process tree: tree RSS/PSS peaks overall and per stage, and each process's peaks."""

    def __init__(self, root: psutil.Process):
        self.root = root
        self.stage = "start"
        self.tree = {"rss": 0, "pss": 0}
        self.by_stage: dict[str, dict] = {}
        self.procs: dict[int, dict] = {}

    def sample(self) -> None:
        rss = pss = 0
        role_pss: dict[str, int] = {}
        try:
            tree = [self.root, *self.root.children(recursive=True)]
        except psutil.Error:
            return
        for p in tree:
            try:
                r = p.memory_info().rss
            except psutil.Error:
                continue
            s = _pss(p.pid)
            rss, pss = rss + r, pss + s
            info = self.procs.setdefault(p.pid, {"role": _role(p, self.root.pid), "rss": 0, "pss": 0, "stages": set()})
            info["rss"], info["pss"] = max(info["rss"], r), max(info["pss"], s)
            info["stages"].add(self.stage)
            role_pss[info["role"]] = role_pss.get(info["role"], 0) + s
        self.tree = {"rss": max(self.tree["rss"], rss), "pss": max(self.tree["pss"], pss)}
        at = self.by_stage.setdefault(self.stage, {"rss": 0, "pss": 0, "processes": 0, "roles": {}})
        at["rss"], at["pss"] = max(at["rss"], rss), max(at["pss"], pss)
        at["processes"] = max(at["processes"], len(tree))
        for role, value in role_pss.items():
            at["roles"][role] = max(at["roles"].get(role, 0), value)

    def follow(self, line: str) -> None:
        for pattern, stage in STAGE_AFTER:
            if pattern.search(line):
                self.stage = stage
                return

    def summary(self) -> dict:
        def mib(b: int) -> int:
            return round(b / 2**20)

        roles: dict[str, dict] = {}
        for info in self.procs.values():
            r = roles.setdefault(info["role"], {"processes": 0, "peak_rss_mib": 0, "peak_pss_mib": 0, "stages": set()})
            r["processes"] += 1
            r["peak_rss_mib"] = max(r["peak_rss_mib"], mib(info["rss"]))
            r["peak_pss_mib"] = max(r["peak_pss_mib"], mib(info["pss"]))
            r["stages"] |= info["stages"]
        for r in roles.values():
            r["alive_in_stages"] = sorted(r.pop("stages"))
        return {"peak_rss_mib": mib(self.tree["rss"]), "peak_pss_mib": mib(self.tree["pss"]),
                "per_role": roles,
                "per_stage": {s: {"rss_mib": mib(v["rss"]), "pss_mib": mib(v["pss"]), "processes": v["processes"],
                                  "pss_mib_by_role": {r: mib(b) for r, b in v["roles"].items()}}
                              for s, v in self.by_stage.items()}}


def gate_outcome(manifest: dict) -> dict:
    """What the leak gate decided for a run, from its manifest: status, records withheld, why blocked."""
    check = manifest.get("check", {})
    withheld = check.get("withheld", {})
    return {"status": manifest["status"], "withheld": withheld.get("records", 0),
            "withheld_by_reason": withheld.get("by_reason", {}), "withhold_rounds": withheld.get("rounds", 0),
            "findings_by_kind": check.get("findings_by_kind", {}), "blocked_because": check.get("blocked_because")}


def run_once(n: int, workers: int, keep_work: bool = False) -> dict:
    source = source_for(n)
    work = Path(tempfile.mkdtemp(prefix=f"bench-e2e-{n}-"))
    env = {**os.environ, "PREFECT_HOME": str(work / "prefect"), "CLINIC_ANON_ANONYMISE__WORKERS": str(workers),
           "CLINIC_ANON_KEY": "42" * 32}
    cmd = [sys.executable, "-m", "flows.cli", "run", "--source", str(source), "--out", str(work / "out"),
           "--as-of", "2026-11-22", "--no-progress"]
    load_before = os.getloadavg()
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    memory = MemorySampler(psutil.Process(proc.pid))
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            memory.sample()
            time.sleep(0.5)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    lines = []
    for line in proc.stdout:
        lines.append(line)
        memory.follow(line)
    proc.wait()
    output = "".join(lines[-200:])
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
    if not keep_work:
        shutil.rmtree(work, ignore_errors=True)
    timings = manifest["timings"]
    kept = {"work_dir": str(work), "manifest": str(manifests[-1])} if keep_work else {}
    return {"n": n, "workers": workers, "released": released, "gate": gate_outcome(manifest), **kept,
            "wall_s": round(wall, 1),
            "records_per_s": round(n / wall, 1), "cpu_s": round(cpu, 1), **memory.summary(),
            "eligible": manifest["counts"]["eligible"], "load_average": [load_before, os.getloadavg()],
            "stages_s": {s: round(timings.get(s, 0.0), 1) for s in STAGES}}


def gate_line(gate: dict) -> str:
    """One line on the gate: promoted or blocked, records withheld (by reason, rounds), why blocked."""
    reasons = ", ".join(f"{kind} {n}" for kind, n in sorted(gate["withheld_by_reason"].items()))
    line = f"{gate['status']}, {gate['withheld']} records withheld" + (f" ({reasons})" if reasons else "")
    if gate["withhold_rounds"]:
        line += f" in {gate['withhold_rounds']} rounds"
    if gate["status"] != "promoted":
        kinds = ", ".join(f"{kind} {n}" for kind, n in sorted(gate["findings_by_kind"].items()))
        line += f"; blocked: {gate['blocked_because'] or 'findings remain'}" + (f" (findings: {kinds})" if kinds else "")
    return line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, action="append", help="consultations (repeatable); default 10000")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--keep-work", action="store_true",
                        help="keep each run's folder (output, private area, manifest) and print where it is")
    args = parser.parse_args()
    RESULTS.mkdir(parents=True, exist_ok=True)
    rows = [run_once(n, args.workers, args.keep_work) for n in (args.n or [10_000])]
    header = f"{'consultations':>13} {'wall s':>8} {'rec/s':>7} {'CPU s':>7} {'RSS MiB':>8} {'PSS MiB':>8} " + \
             " ".join(f"{s:>11}" for s in STAGES) + f" {'load avg':>11} released"
    print(header)
    for r in rows:
        load = f"{r['load_average'][0][0]:.1f}->{r['load_average'][1][0]:.1f}"
        print(f"{r['n']:>13,} {r['wall_s']:>8} {r['records_per_s']:>7} {r['cpu_s']:>7} {r['peak_rss_mib']:>8} "
              f"{r['peak_pss_mib']:>8} " + " ".join(f"{r['stages_s'][s]:>11}" for s in STAGES) +
              f" {load:>11} {'yes' if r['released'] else 'BLOCKED'}")
    for r in rows:
        print(f"\n{r['n']:,} consultations: {gate_line(r['gate'])}")
        if "work_dir" in r:
            print(f"  kept: {r['work_dir']} (manifest {r['manifest']})")
    for r in rows:
        print(f"\n{r['n']:,} consultations, peak per process (MiB) by role:")
        for role, v in sorted(r["per_role"].items()):
            print(f"  {role:>15} x{v['processes']:<3} RSS {v['peak_rss_mib']:>6} PSS {v['peak_pss_mib']:>6}  "
                  f"alive in: {', '.join(v['alive_in_stages'])}")
        print("  tree peak per stage, MiB RSS/PSS (peak PSS of each role's processes together):")
        for s, v in r["per_stage"].items():
            roles = ", ".join(f"{role} {m}" for role, m in sorted(v["pss_mib_by_role"].items()))
            print(f"  {s:>11} {v['rss_mib']:>6}/{v['pss_mib']:<6} {v['processes']} processes ({roles})")
    out = RESULTS / "end_to_end.json"
    # Runs of other sizes from earlier invocations stay (1M is run on its own), newest per size wins.
    earlier = json.loads(out.read_text())["runs"] if out.exists() else []
    runs = {r["n"]: r for r in [*earlier, *rows]}
    out.write_text(json.dumps({"machine": {"cpus": os.cpu_count(), "memory_gib": round(psutil.virtual_memory().total / 2**30)},
                               "runs": [runs[n] for n in sorted(runs)]}, indent=1))
    print(f"written {out}")


if __name__ == "__main__":
    main()
