"""What retiring the anonymise stage's workers costs and saves (flows/recycling_pool.py).

    .venv/bin/python benchmarks/bench_worker_recycling.py [--tasks-per-worker 1 --tasks-per-worker 1000]
        [--chunks 8] [--chunk-records 2000] [--workers 1]

Maps the flow's ``anonymise_chunk`` over the first --chunks chunk files that ``bench_anonymiser.py``
prepares (its sample, ingest, eligibility and chunk plan; prepared once, untimed), on the flow's own
pool (workers forked from the model-loading forkserver), once per --tasks-per-worker value, each in
a fresh pool and forkserver. Prints wall and CPU seconds of the pool (forkserver start included),
the workers started and the peak PSS of the workers (sampled every 0.2 s): the CPU difference per
extra worker start is what a replacement costs (the fork, and the per-process caches filled again).
"""
from __future__ import annotations

import argparse
import resource
import sys
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def _pss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            return next(int(line.split()[1]) * 1024 for line in f if line.startswith("Pss:"))
    except (OSError, StopIteration):
        return 0


def run(job: dict, tasks_per_worker: int, workers: int) -> dict:
    from anonymise.settings import AnonymiseSettings
    from flows.anonymise_stage import anonymise_chunk
    from flows.recycling_pool import RecyclingProcessPool
    from flows.stoppable_pool import model_sharing_context, stop_forkserver

    settings = AnonymiseSettings(workers=workers, chunk_records=job["chunk_records"])
    key = b"\x42" * 32
    me = psutil.Process()
    peak = {"worker": 0, "forkserver": 0}
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            for child in me.children(recursive=True):
                try:
                    role = "forkserver" if child.ppid() == me.pid else "worker"
                except psutil.Error:  # it ended since the listing
                    continue
                peak[role] = max(peak[role], _pss(child.pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    sampler.start()
    pool = RecyclingProcessPool(workers, model_sharing_context(), tasks_per_worker)
    try:
        for future in [pool.submit(anonymise_chunk, chunk, out, settings, key)
                       for chunk, out in zip(job["chunks"], job["outputs"])]:
            future.result()
    finally:
        pool.shutdown(wait=True)
        stop_forkserver()
    wall = time.perf_counter() - started
    done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"tasks_per_worker": tasks_per_worker, "chunks": len(job["chunks"]), "workers_started": pool.started,
            "wall_s": round(wall, 1),
            "cpu_s": round(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, 1),
            "worker_peak_pss_mib": round(peak["worker"] / 2**20), "forkserver_peak_pss_mib": round(peak["forkserver"] / 2**20)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tasks-per-worker", type=int, action="append")
    parser.add_argument("--chunks", type=int, default=8)
    parser.add_argument("--chunk-records", type=int, default=2000)
    parser.add_argument("--consultations", type=int, default=30_000)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--work", type=Path, default=Path("/tmp/bench-anon"))
    args = parser.parse_args()

    import bench_anonymiser

    work = args.work / f"c{args.consultations}-s{args.seed}-r{args.chunk_records}"
    work.mkdir(parents=True, exist_ok=True)
    job = bench_anonymiser.prepare(work, args.consultations, args.seed, args.chunk_records)
    job = {**job, "chunks": job["chunks"][:args.chunks], "outputs": job["outputs"][:args.chunks]}
    Path(job["outputs"][0]).parent.mkdir(parents=True, exist_ok=True)
    print(f"{'tasks/worker':>12} {'chunks':>6} {'started':>7} {'wall s':>7} {'CPU s':>6} {'worker PSS':>10} "
          f"{'server PSS':>10}  load avg")
    for n in args.tasks_per_worker or [1, 1000]:
        load = psutil.getloadavg()[0]
        r = run(job, n, args.workers)
        print(f"{n:>12} {r['chunks']:>6} {r['workers_started']:>7} {r['wall_s']:>7} {r['cpu_s']:>6} "
              f"{r['worker_peak_pss_mib']:>10} {r['forkserver_peak_pss_mib']:>10}  {load:.1f}->{psutil.getloadavg()[0]:.1f}",
              flush=True)


if __name__ == "__main__":
    main()
