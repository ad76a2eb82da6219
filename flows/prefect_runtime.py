"""Running Prefect quietly and offline, with one API server shared by every worker process.

Prefect's ephemeral mode starts a temporary API server per *process*; with a process pool that
means one more server (and ~10 s) per worker. Starting one server here and exporting its URL
lets worker processes (and a local Dask cluster) inherit it.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from typing import Iterator

QUIET_OFFLINE = {
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
    # Results stay in memory: a task result may never land in Prefect's storage.
    "PREFECT_RESULTS_PERSIST_BY_DEFAULT": "false",
}


def set_quiet_offline_env() -> None:
    for name, value in QUIET_OFFLINE.items():
        os.environ.setdefault(name, value)


@contextmanager
def prefect_api() -> Iterator[str]:
    """Yield the API URL to use: the configured server, or a temporary one started here."""
    set_quiet_offline_env()
    configured = os.environ.get("PREFECT_API_URL")
    if configured:
        yield configured
        return
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()
    # A loaded 2-core machine needs more than Prefect's default 20 s for the first start.
    server.start(timeout=int(os.environ["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"]))
    os.environ["PREFECT_API_URL"] = server.api_url
    interrupted = False
    try:
        yield server.api_url
    except BaseException as exc:
        interrupted = not isinstance(exc, Exception)  # SIGTERM/SIGINT: stop within the supervisor's grace
        raise
    finally:
        from prefect.logging.handlers import APILogWorker

        APILogWorker.drain_all(timeout=1 if interrupted else 5)  # the last log lines, while the server is up
        os.environ.pop("PREFECT_API_URL", None)
        server.stop()
