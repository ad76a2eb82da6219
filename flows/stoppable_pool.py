"""Prefect's process pool, but an interrupted run kills its workers instead of waiting for them.

On SIGTERM/SIGINT Prefect cancels the subflow's tasks, and the pool's shutdown waits for the chunks
in flight (seconds each, each worker holding ~1 GB of models). A chunk output is written atomically,
so killing a worker loses nothing a resumed run needs. A module of its own: the runner is pickled by
reference, so the class must be importable by name, and the CLI's supervisor never imports Prefect.
"""
from __future__ import annotations

import sys

from flows.prefect_runtime import set_quiet_offline_env

set_quiet_offline_env()  # before Prefect is imported: it reads its settings then

from prefect.task_runners import ProcessPoolTaskRunner  # noqa: E402


class StoppableProcessPoolTaskRunner(ProcessPoolTaskRunner):
    def cancel_all(self) -> None:
        in_flight = sys.exc_info()[1]
        if in_flight is not None and not isinstance(in_flight, Exception) and self._executor is not None:
            for process in list(getattr(self._executor, "_processes", {}).values()):
                process.kill()
        super().cancel_all()
