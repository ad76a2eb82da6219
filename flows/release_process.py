"""The build and the leak check run in one child process of the run, which ends once the reports are checked.

They load Kiwi (the FAQ's search text, the released-text rule), fill DuckDB's buffers and hold the
source's personal values (the needles, ~50 B each). In the run's own process all of that stayed
until the run ended (the allocator keeps what was freed): ~1.5 GiB in the report stage at 100k. In
a child started for the build and stopped after the reports' check it leaves with the child, and
the run's process never imports a model. The child is spawned (a clean interpreter, not a fork of
the flow's threads and event loop) and imports no Prefect: what it runs reports back in its result.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from flows.fresh_process import spawned_child
from flows.recycling_pool import RecyclingProcessPool

_current: list[RecyclingProcessPool] = []  # the run's release process, while the stage is open
_NEVER_RETIRED = 2**31  # one process for the whole stage: the needles it read stay until the end


@contextmanager
def release_process() -> Iterator[None]:
    """Open the stage: calls made through ``run_in_release_process`` go to one child until it closes.

    An interrupted run (a signal, an error) kills the child rather than wait for its task."""
    if _current:
        raise RuntimeError("the release process is already open")
    with spawned_child(_NEVER_RETIRED) as pool:
        _current.append(pool)
        try:
            yield
        finally:
            _current.clear()


def run_in_release_process(fn: Callable, *args):
    """``fn(*args)`` in the open release process (``fn`` importable by name); its result or its error."""
    if not _current:
        raise RuntimeError("the release process is not open: the build and the leak check run only inside it")
    return _current[0].submit(fn, *args).result()
