"""Run the flow from Python or the CLI: choose the task runner, start Prefect, map the outcome."""
from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

from flows.config import Settings
from flows.prefect_runtime import prefect_api
from flows.sources import is_database_url


def strip_password(source: str) -> str:
    """Move a password out of a postgresql:// URL into PGPASSWORD, out of a mysql:// URL into MYSQL_PWD.

    The source string becomes a Prefect flow parameter (stored in Prefect's database); a password
    must not. libpq, psycopg and DuckDB's postgres extension all read PGPASSWORD; the MySQL source
    reads MYSQL_PWD.
    """
    if not is_database_url(source):
        return source
    parts = urlsplit(source)
    if parts.password is None:
        return source
    if parts.scheme in ("mysql", "mariadb"):
        os.environ["MYSQL_PWD"] = unquote(parts.password)
    else:
        os.environ["PGPASSWORD"] = parts.password
    netloc = parts.hostname or ""
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    if parts.port:
        netloc = f"{netloc}:{parts.port}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


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


def run_pipeline(source: str, out: Path, settings: Settings, dask_address: str | None = None,
                 dask_workers: int = 0) -> dict:
    """Run the whole flow once. Raises ReleaseBlocked when the leak check blocks the release.

    Runs under umask 077: whatever a library creates is private; release files get their
    published modes explicitly when they are promoted.
    """
    from flows.leftovers import remove_own_scratch
    from flows.pipeline import clinic_anon_flow
    from flows.workarea import WorkArea

    source = strip_password(source)
    out = Path(out).resolve()
    previous_umask = os.umask(0o077)
    try:
        with prefect_api():
            return clinic_anon_flow(source=source, out=str(out), settings_json=settings.model_dump_json(),
                                    as_of=settings.as_of.isoformat() if settings.as_of else None,
                                    dask_address=dask_address, dask_workers=dask_workers)
    finally:
        remove_own_scratch(WorkArea(out))  # raw chunk copies of a failed or interrupted run go now
        os.umask(previous_umask)
