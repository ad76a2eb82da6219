"""Prefect's process pool, with workers that share the models and an interrupted run that kills them.

Workers fork from a forkserver that has loaded the anonymiser's models (flows/worker_models.py), so
they share those pages copy-on-write and start at once, where Prefect's own pool spawns each worker
fresh (each importing and loading everything itself: ~5 CPU-seconds and ~0.8 GB a worker). The
forkserver is a clean single-threaded process (forking the flow's own process, with Prefect's
threads and event loop, would not be); it is stopped when the pool closes, so the build and leak
check that follow do not carry the models.

On SIGTERM/SIGINT Prefect cancels the subflow's tasks, and the pool's shutdown waits for the chunks
in flight (seconds each). A chunk output is written atomically, so killing a worker loses nothing a
resumed run needs. A module of its own: the runner is pickled by reference, so the class must be
importable by name, and the CLI's supervisor never imports Prefect.
"""
from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver
import sys
from flows.prefect_runtime import set_quiet_offline_env

set_quiet_offline_env()  # before Prefect is imported: it reads its settings then

from prefect.task_runners import ProcessPoolTaskRunner  # noqa: E402

from flows.recycling_pool import RecyclingProcessPool  # noqa: E402

WORKER_PRELOAD = ["flows.worker_models"]
# Chunks a worker anonymises before it is replaced by a fresh fork (flows/recycling_pool.py): its
# copied-on-write pages grow with the chunks it has done; a replacement costs its caches' warm-up.
DEFAULT_TASKS_PER_WORKER = 4


def model_sharing_context() -> multiprocessing.context.BaseContext:
    """The forkserver context whose server preloads the models (started on first use)."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(WORKER_PRELOAD)
    return context


def stop_forkserver() -> None:
    """End the forkserver (and the models it holds); the next pool starts a new one. The standard
    library has no public call for this; ``_stop`` is the one its own tests use."""
    multiprocessing.forkserver._forkserver._stop()


class StoppableProcessPoolTaskRunner(ProcessPoolTaskRunner):
    def __init__(self, *args, tasks_per_worker: int = DEFAULT_TASKS_PER_WORKER, **kwargs):
        super().__init__(*args, **kwargs)
        self.tasks_per_worker = tasks_per_worker

    def duplicate(self):
        copy = super().duplicate()
        copy.tasks_per_worker = self.tasks_per_worker
        return copy

    def __enter__(self):
        super().__enter__()
        # Prefect's pool is built for "spawn" and has started no process yet (they start on the
        # first submit): run the same initializer in workers forked from the model-sharing
        # context, each retired after tasks_per_worker chunks (flows/recycling_pool.py).
        spawn_pool = self._executor
        self._executor = RecyclingProcessPool(self._max_workers, model_sharing_context(), self.tasks_per_worker,
                                              initializer=spawn_pool._initializer, initargs=spawn_pool._initargs)
        spawn_pool.shutdown(wait=False)
        return self

    def __exit__(self, exc_type, exc_value, traceback) -> None:
        try:
            super().__exit__(exc_type, exc_value, traceback)
        finally:
            stop_forkserver()

    def cancel_all(self) -> None:
        in_flight = sys.exc_info()[1]
        if in_flight is not None and not isinstance(in_flight, Exception) and self._executor is not None:
            self._executor.kill_workers()
        super().cancel_all()
