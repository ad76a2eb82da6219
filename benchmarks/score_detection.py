"""Detection quality on every evaluation set: `clinic-anon redact` each set, score it, one row per set.

    .venv/bin/python benchmarks/score_detection.py [SET ...] [--clinic-anon .venv/bin/clinic-anon]
                                                   [--score ../shared/eval/score.py]

SET is a folder with consultations.jsonl, members.jsonl and gold.jsonl. Default: ../shared/eval/dev,
../shared/eval/klue_ner_dev and every folder of benchmarks/eval_sets that holds a gold.jsonl.
For each set: `clinic-anon redact SET/consultations.jsonl OUT --members SET/members.jsonl` into a
temporary folder (timed, wall seconds), then `score.py eval --split SET --pred OUT --report R`.
Prints records, personal values, recall, strict recall, clean records, keep-rate and redact seconds
per set, then per set the weakest types and languages with n >= 20. Writes the numbers to
benchmarks/results/detection-<time>.json.

Only aggregates are printed or written: no leaked value, no anonymised text (the redacted output
is deleted with its temporary folder), and redact's own output is not echoed.
The sets under benchmarks/eval_sets are held out: whoever works on the detector runs this script
and reads its numbers, never the files of those sets.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
EVAL_SETS = ROOT / "benchmarks" / "eval_sets"
MIN_N = 20


def default_sets() -> list[Path]:
    shared = ROOT.parent / "shared" / "eval"
    sets = [shared / "dev", shared / "klue_ner_dev"]
    sets += sorted(p for p in EVAL_SETS.iterdir() if (p / "gold.jsonl").exists()) if EVAL_SETS.exists() else []
    return sets


def run_set(folder: Path, clinic_anon: str, score: Path, python: str) -> dict:
    with tempfile.TemporaryDirectory(prefix="score-detection-") as tmp:
        out, report = Path(tmp, "redacted.jsonl"), Path(tmp, "report.json")
        cmd = [clinic_anon, "redact", str(folder / "consultations.jsonl"), str(out)]
        if (folder / "members.jsonl").exists():
            cmd += ["--members", str(folder / "members.jsonl")]
        env = {**os.environ, "DO_NOT_TRACK": "1", "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
        t0 = time.perf_counter()
        done = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        seconds = time.perf_counter() - t0
        if done.returncode != 0:  # its messages are not shown: they are the detector's, not ours to vet
            return {"set": folder.name, "path": str(folder), "error": f"redact exited {done.returncode}"}
        scored = subprocess.run([python, str(score), "eval", "--split", str(folder), "--pred", str(out),
                                 "--report", str(report)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if scored.returncode != 0:
            return {"set": folder.name, "path": str(folder), "error": f"score.py exited {scored.returncode}"}
        rep = json.loads(report.read_text(encoding="utf-8"))
    keys = ("records", "missing_records", "pii_values", "recall", "strict_recall", "clean_records", "keep_rate",
            "keep_values")
    row = {"set": folder.name, "path": str(folder), **{k: rep.get(k) for k in keys}, "redact_seconds": round(seconds, 1)}
    for key in ("by_type", "strict_by_type", "by_lang", "by_role", "by_src", "by_field", "keep_by_kind",
                "keep_by_lang"):
        row[key] = rep.get(key)
    return row


def weakest(table: dict | None, metric: str, k: int = 5) -> list[tuple[str, float, int]]:
    items = [(name, v[metric], v["n"]) for name, v in (table or {}).items() if v["n"] >= MIN_N]
    return sorted(items, key=lambda x: (x[1], -x[2]))[:k]


def fmt(v, digits=3):
    return "—" if v is None else f"{v:.{digits}f}"


def print_table(rows: list[dict]) -> None:
    head = ["set", "records", "pii values", "recall", "strict", "clean records", "keep-rate", "redact s"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for r in rows:
        if "error" in r:
            print(f"| {r['set']} | {r['error']} |" + " |" * (len(head) - 2))
            continue
        missing = f" ({r['missing_records']} missing)" if r["missing_records"] else ""
        print(f"| {r['set']} | {r['records']:,}{missing} | {r['pii_values']:,} | {fmt(r['recall'])} | "
              f"{fmt(r['strict_recall'])} | {fmt(r['clean_records'])} | {fmt(r['keep_rate'])} | "
              f"{r['redact_seconds']:.1f} |")
    print()
    for r in rows:
        if "error" in r:
            continue
        types = ", ".join(f"{t} {x:.3f} (n={n})" for t, x, n in weakest(r["by_type"], "recall"))
        langs = ", ".join(f"{t} {x:.3f} (n={n})" for t, x, n in weakest(r["by_lang"], "recall", 3))
        kinds = ", ".join(f"{t} {x:.3f} (n={n})" for t, x, n in weakest(r["keep_by_kind"], "keep_rate", 3))
        print(f"{r['set']}: weakest types {types or '—'}; weakest languages {langs or '—'}; "
              f"keep kinds {kinds or '—'}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sets", nargs="*", type=Path)
    ap.add_argument("--clinic-anon", default=str(ROOT / ".venv" / "bin" / "clinic-anon"))
    ap.add_argument("--score", type=Path, default=ROOT.parent / "shared" / "eval" / "score.py")
    ap.add_argument("--python", default=sys.executable, help="interpreter for score.py")
    a = ap.parse_args()
    sets = a.sets or default_sets()
    rows = []
    for folder in sets:
        if not (folder / "gold.jsonl").exists():
            print(f"skipping {folder}: no gold.jsonl", file=sys.stderr)
            continue
        print(f"scoring {folder.name} ...", file=sys.stderr)
        rows.append(run_set(folder, a.clinic_anon, a.score, a.python))
    print_table(rows)
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    path = RESULTS / f"detection-{stamp}.json"
    path.write_text(json.dumps({"time": stamp, "load_average": os.getloadavg(), "clinic_anon": a.clinic_anon,
                                "sets": rows}, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"\nwrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
