"""Time the synthetic data generator and measure its peak memory.

    .venv/bin/python benchmarks/bench_generate.py [--n 1000000] [--format jsonl|csv|parquet] [--seed 42]

Prints a small table and writes the numbers as JSON to benchmarks/results/ (gitignored).
The generated files go to a temporary folder that is removed afterwards (use --keep DIR to keep them).
"""
from __future__ import annotations

import argparse
import json
import platform
import resource
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from data_samples.generator import generate  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results"


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def run(n: int, fmt: str, seed: int, out_dir: Path) -> dict:
    rss_before = peak_rss_mib()
    wall0, cpu0 = time.perf_counter(), time.process_time()
    summary = generate(out_dir, n_consultations=n, seed=seed, fmt=fmt)
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    return {
        "n_consultations": n, "n_members": summary.n_members, "n_pii": summary.n_pii, "format": fmt,
        "seed": seed, "wall_s": round(wall, 1), "cpu_s": round(cpu, 1),
        "consultations_per_s": round(n / wall), "peak_rss_mib": round(peak_rss_mib(), 1),
        "rss_before_mib": round(rss_before, 1),
        "bytes": {name: path.stat().st_size for name, path in summary.files.items()},
        "python": platform.python_version(), "at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1_000_000, help="consultations to generate")
    ap.add_argument("--format", default="jsonl", choices=("jsonl", "csv", "parquet"))
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--keep", type=Path, help="write the files here and keep them")
    a = ap.parse_args()
    if a.keep:
        result = run(a.n, a.format, a.seed, a.keep)
    else:
        with tempfile.TemporaryDirectory(prefix="bench-generate-") as tmp:
            result = run(a.n, a.format, a.seed, Path(tmp))
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"generate-{a.n}-{a.format}-{datetime.now(timezone.utc):%Y%m%dT%H%M%S}.json"
    out.write_text(json.dumps(result, indent=1))
    rows = [("consultations", f"{result['n_consultations']:,}"), ("members", f"{result['n_members']:,}"),
            ("personal values", f"{result['n_pii']:,}"), ("format", result["format"]),
            ("wall time", f"{result['wall_s']} s"), ("cpu time", f"{result['cpu_s']} s"),
            ("throughput", f"{result['consultations_per_s']:,} consultations/s"),
            ("peak RSS", f"{result['peak_rss_mib']} MiB (at start {result['rss_before_mib']} MiB)")]
    rows += [(f"{name} size", f"{size / 2**20:,.1f} MiB") for name, size in result["bytes"].items()]
    width = max(len(k) for k, _ in rows)
    for k, v in rows:
        print(f"{k:<{width}}  {v}")
    print(f"written {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
