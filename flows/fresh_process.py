"""A call run in a child process spawned for it alone, which has ended when the call returns.

What a step allocates stays with the process that ran it: DuckDB's buffers, Arrow's pool and
Python's heap give little back to the system. Chunk planning (a sort of full rows joined to their
members) and the review sample's draw ran in the run's own process, which kept that memory through
the anonymise stage, beside the workers, where the process tree peaks. Run in a child, it leaves
with the child. The child is spawned (a clean interpreter, not a fork of the flow's threads and
event loop); what it runs imports no Prefect and reports back in its result.
"""
from __future__ import annotations

import multiprocessing
from collections.abc import Callable

from flows.recycling_pool import RecyclingProcessPool


def run_in_fresh_process(fn: Callable, *args):
    """``fn(*args)`` (``fn`` importable by name) in a new spawned process: its result or its error.

    The process is retired after this one task, before the answer is handed back; an interrupted
    run (a signal, an error) kills it rather than wait for it."""
    pool = RecyclingProcessPool(1, multiprocessing.get_context("spawn"), tasks_per_worker=1)
    try:
        return pool.submit(fn, *args).result()
    except BaseException:
        pool.kill_workers()
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
