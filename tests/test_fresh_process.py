"""A step run in a fresh process (flows/fresh_process.py) runs in a child that has ended when the call
returns, its error comes back as its own, and the chunk plan it makes is the plan the run's own process
would make: the same chunks, the same rows in them, the same output names (so a resumed run skips the
same chunks)."""
from __future__ import annotations

import os
from datetime import date

import psutil
import pyarrow.parquet as pq
import pytest

from data_samples.generator import generate
from flows.anonymise_stage import plan_run_chunks
from flows.config import load_settings
from flows.eligibility import apply_eligibility
from flows.fresh_process import run_in_fresh_process
from flows.ingest import ingest
from flows.open_source import open_source
from flows.workarea import WorkArea

AS_OF = date(2026, 11, 22)


def _pid() -> int:
    return os.getpid()


def _refuse(why: str) -> None:
    raise ValueError(why)


def test_the_call_runs_in_a_child_that_has_ended_when_it_returns():
    pid = run_in_fresh_process(_pid)
    assert pid != os.getpid()
    assert not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    assert pid not in {child.pid for child in psutil.Process().children(recursive=True)}


def test_the_calls_error_comes_back_as_its_own():
    with pytest.raises(ValueError, match="no such thing"):
        run_in_fresh_process(_refuse, "no such thing")


def test_the_chunk_plan_made_in_a_fresh_process_is_the_one_made_here(tmp_path, monkeypatch):
    monkeypatch.setenv("CLINIC_ANON_KEY", "3c" * 32)
    source = tmp_path / "source"
    generate(source, n_consultations=80, seed=23)
    settings = load_settings(as_of=AS_OF)
    work = WorkArea(tmp_path / "out")
    ingest(open_source(str(source), settings.source), work, settings, "t")
    apply_eligibility(work, settings, AS_OF)
    settings_json = settings.model_copy(update={"anonymise": settings.anonymise.model_copy(
        update={"chunk_records": 15})}).model_dump_json()

    there = run_in_fresh_process(plan_run_chunks, str(work.out), "there", settings_json, "seed", None)
    here = plan_run_chunks(str(work.out), "here", settings_json, "seed", None)

    assert len(here["chunks"]) >= 3 and here["todo"] > 0
    assert {k: v for k, v in there.items() if k != "chunks"} == {k: v for k, v in here.items() if k != "chunks"}
    for mine, theirs in zip(here["chunks"], there["chunks"], strict=True):
        assert mine != theirs and pq.read_table(theirs).equals(pq.read_table(mine))
