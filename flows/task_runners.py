"""The anonymise stage's task runner: a process pool on this machine, or a Dask cluster on request."""
from __future__ import annotations

import os

from flows.config import Settings


def make_task_runner(settings: Settings, dask_address: str | None = None, dask_workers: int = 0):
    """The anonymise stage's runner: processes on this machine by default; a Dask cluster (remote,
    or local with N workers) on request."""
    if dask_address or dask_workers:
        from prefect_dask import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": dask_workers, "threads_per_worker": 1,
                                              "processes": True, "dashboard_address": None})
    from flows.stoppable_pool import StoppableProcessPoolTaskRunner

    return StoppableProcessPoolTaskRunner(max_workers=settings.anonymise.workers or os.cpu_count() or 1)
