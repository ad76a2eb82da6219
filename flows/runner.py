"""Run the flow from Python or the CLI: start Prefect, run the flow under umask 077, clean up after it."""
from __future__ import annotations

import os
from pathlib import Path

from flows.config import Settings
from flows.leftovers import remove_own_scratch
from flows.pipeline import clinic_anon_flow
from flows.prefect_runtime import prefect_api
from flows.sources import strip_password
from flows.workarea import WorkArea


def run_pipeline(source: str, out: Path, settings: Settings, dask_address: str | None = None,
                 dask_workers: int = 0) -> dict:
    """Run the whole flow once. Raises ReleaseBlocked when the leak check blocks the release.

    Runs under umask 077: whatever a library creates is private; release files get their
    published modes explicitly when they are promoted.
    """
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
