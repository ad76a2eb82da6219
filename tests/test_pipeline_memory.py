"""Memory shape of a real run: the anonymise stage's worker processes (forked from a forkserver
holding the anonymiser's models, ~1 GB, shared) end with that stage, forkserver included, so the
build and leak check do not carry them; the build and the leak check run in a child of their own
(flows/release_process.py), so the run's process never imports a model;
and the DuckDB connections of the flow are memory-limited and spill into the private area.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from data_samples.generator import generate
from contract.bounded_duckdb import MEMORY_LIMIT, bounded_duckdb

# Runs the flow in a fresh interpreter (Prefect reads its settings at import) and reports the pool
# workers alive while chunks complete and when the build starts.
DRIVER = r"""
import contextlib, json, sys
from pathlib import Path
import psutil
import flows.pipeline as pipeline
from flows.config import load_settings
from flows.pipeline import ReleaseBlocked
from flows.runner import run_pipeline

def workers(commands=None):
    alive = []
    for p in psutil.Process().children(recursive=True):
        try:
            cmd = " ".join(p.cmdline())
        except psutil.Error:
            continue
        if "multiprocessing" in cmd and "resource_tracker" not in cmd:
            alive.append(p.pid)
            if commands is not None:
                commands.add(cmd.split(" import ")[0])
    return alive

seen = {"during_anonymise": [], "at_build": None}
commands = set()
real_as_completed, real_release_process = pipeline.as_completed, pipeline.release_process

def watched_as_completed(futures):
    for future in real_as_completed(futures):
        seen["during_anonymise"] += workers(commands)
        yield future

@contextlib.contextmanager
def watched_release_process():  # opened right before the build
    seen["at_build"] = workers()
    with real_release_process():
        yield

pipeline.as_completed, pipeline.release_process = watched_as_completed, watched_release_process
try:
    run_pipeline(sys.argv[1], Path(sys.argv[2]), load_settings(as_of="2026-11-22"))
except ReleaseBlocked:
    pass  # the build and the check ran; what they left in this process is what this test is about
seen["commands"] = sorted(commands)
seen["models_imported"] = sorted({m.split(".")[0] for m in sys.modules} & {"spacy", "presidio_analyzer",
                                                                           "presidio_anonymizer", "kiwipiepy"})
seen["checked"] = (Path(sys.argv[2]) / "private" / "runs").is_dir() and any(
    (Path(sys.argv[2]) / "private" / "runs").glob("*/leak_report.md"))
print("SEEN " + json.dumps(seen))
"""


@pytest.mark.slow
def test_anonymise_workers_end_before_the_build_and_the_run_process_loads_no_model(tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    generate(source, n_consultations=60, seed=11)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "CLINIC_ANON_"))}
    env.update(PREFECT_HOME=str(tmp_path / "prefect-home"), CLINIC_ANON_KEY="5e" * 32, DO_NOT_TRACK="1",
               PREFECT_SERVER_ANALYTICS_ENABLED="false", PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="90",
               CLINIC_ANON_ANONYMISE__WORKERS="1", CLINIC_ANON_ANONYMISE__CHUNK_RECORDS="20")
    result = subprocess.run([sys.executable, "-c", DRIVER, str(source), str(tmp_path / "out")], check=False, env=env,
                            cwd=Path(__file__).resolve().parent.parent, capture_output=True, text=True, timeout=900)
    lines = [line for line in result.stdout.splitlines() if line.startswith("SEEN ")]
    assert lines, result.stdout[-2000:] + result.stderr[-3000:]
    seen = json.loads(lines[-1][5:])
    assert seen["during_anonymise"], "the chunks were not anonymised in a worker process"
    assert seen["at_build"] == [], f"anonymise workers still alive at the build: {seen['at_build']}"
    # Forked from the model-loading forkserver (they share its command line), none spawned fresh.
    assert seen["commands"] and all("multiprocessing.forkserver" in c for c in seen["commands"]), seen["commands"]
    # The run built and checked its releases (Kiwi read their Korean) without loading a model here.
    assert seen["checked"], "the leak check did not run"
    assert seen["models_imported"] == [], seen["models_imported"]


def test_bounded_duckdb_is_limited_and_spills_privately(tmp_path):
    parent = tmp_path / "private"
    parent.mkdir(mode=0o700)
    unlimited = duckdb.connect()
    default_limit = unlimited.execute("SELECT current_setting('memory_limit')").fetchone()[0]
    unlimited.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
    expected_limit = unlimited.execute("SELECT current_setting('memory_limit')").fetchone()[0]
    unlimited.close()
    with bounded_duckdb(parent) as con:
        limit = con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
        spill = Path(con.execute("SELECT current_setting('temp_directory')").fetchone()[0])
        assert con.execute("SELECT current_setting('threads')").fetchone()[0] == 1
        assert spill.parent == parent and spill.stat().st_mode & 0o777 == 0o700
    assert limit == expected_limit != default_limit
    assert not spill.exists()  # removed with the connection: it may have held raw records
