"""A call run in a child process spawned for it alone, which has ended when the call returns.

What a step allocates stays with the process that ran it: DuckDB's buffers, Arrow's pool and
Python's heap give little back to the system. Chunk planning (a sort of full rows joined to their
members) ran in the run's own process, which kept that memory through the anonymise stage, beside
the workers, where the process tree peaks. Run in a child, it leaves with the child; the build and
the leak check's child (release_process.py) is the same kind of pool, kept open for its stage. The child is spawned (a clean interpreter, not a fork of the flow's threads and
event loop); what it runs imports no Prefect and reports back in its result.
"""
from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from flows.recycling_pool import RecyclingProcessPool


@contextmanager
def spawned_child(tasks_per_worker: int) -> Iterator[RecyclingProcessPool]:
    """A pool of one spawned process, retired after ``tasks_per_worker`` tasks, shut down on leaving;
    an interrupted run (a signal, an error) kills it rather than wait for its task."""
    pool = RecyclingProcessPool(1, multiprocessing.get_context("spawn"), tasks_per_worker=tasks_per_worker)
    try:
        yield pool
    except BaseException:
        pool.kill_workers()
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def run_in_fresh_process(fn: Callable, *args):
    """``fn(*args)`` (``fn`` importable by name) in a new spawned process: its result or its error.

    The process is retired after this one task, before the answer is handed back."""
    with spawned_child(tasks_per_worker=1) as pool:
        return pool.submit(fn, *args).result()
