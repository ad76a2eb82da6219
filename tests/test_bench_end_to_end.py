"""benchmarks/bench_end_to_end.py: the gate's outcome printed from the manifest, and --keep-work keeping
the run's folder so its manifest can be read afterwards."""
from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _bench():
    spec = importlib.util.spec_from_file_location("bench_end_to_end", ROOT / "benchmarks" / "bench_end_to_end.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_gate_outcome_promoted_with_withheld_records():
    bench = _bench()
    manifest = {"status": "promoted", "check": {"passed": True, "findings_by_kind": {}, "withheld": {
        "records": 3, "by_reason": {"phone": 2, "name": 1}, "rounds": 1}}}
    gate = bench.gate_outcome(manifest)
    assert gate["status"] == "promoted" and gate["withheld"] == 3
    assert bench.gate_line(gate) == "promoted, 3 records withheld (name 1, phone 2) in 1 rounds"


def test_gate_outcome_blocked_says_why():
    bench = _bench()
    manifest = {"status": "blocked", "check": {"passed": False, "findings_by_kind": {"email": 4},
                                               "blocked_because": "findings remain in records already withheld",
                                               "withheld": {"records": 0, "by_reason": {}, "rounds": 0}}}
    line = bench.gate_line(bench.gate_outcome(manifest))
    assert line.startswith("blocked, 0 records withheld")
    assert "findings remain in records already withheld" in line and "email 4" in line


@pytest.mark.slow
def test_keep_work_keeps_the_run_folder_and_its_manifest(tmp_path, monkeypatch):
    bench = _bench()
    monkeypatch.setattr(bench, "RESULTS", tmp_path)  # the generated source goes here, not into the repo
    row = bench.run_once(200, 1, keep_work=True)
    manifest = json.loads(Path(row["manifest"]).read_text())
    shutil.rmtree(row["work_dir"])
    assert Path(row["manifest"]).is_relative_to(row["work_dir"])
    assert row["gate"] == bench.gate_outcome(manifest)
    assert row["gate"]["status"] in ("promoted", "blocked")
    assert manifest["counts"]["eligible"] == row["eligible"] > 0
