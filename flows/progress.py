"""Per-stage progress for the CLI (rich), with records/s; silent when no one is watching.

The flow reports progress through this module rather than through Prefect parameters, so a
progress bar never needs anything but counts.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

_progress: Progress | None = None


class _Stage:
    def __init__(self, progress: Progress | None, task_id):
        self._progress, self._task_id = progress, task_id

    def advance(self, n: int = 1) -> None:
        if self._progress is not None:
            self._progress.advance(self._task_id, n)

    def total(self, n: int) -> None:
        if self._progress is not None:
            self._progress.update(self._task_id, total=n)


@contextmanager
def show_progress(console: Console | None = None) -> Iterator[None]:
    """Enable progress bars (used by the CLI around a run)."""
    global _progress
    _progress = Progress(TextColumn("{task.description:<12}"), BarColumn(), MofNCompleteColumn(),
                         TextColumn("{task.fields[rate]}"), TimeElapsedColumn(),
                         console=console or Console(stderr=True), transient=False)
    with _progress:
        try:
            yield
        finally:
            _progress = None


@contextmanager
def stage(name: str, total: int | None = None, unit: str = "records") -> Iterator[_Stage]:
    """A progress bar for one stage; completes (with its rate) when the block ends."""
    if _progress is None:
        yield _Stage(None, None)
        return
    task_id = _progress.add_task(name, total=total, rate="")
    bar = _Stage(_progress, task_id)
    try:
        yield bar
    finally:
        task = _progress.tasks[task_id]
        elapsed = task.elapsed or 0.0
        done = task.completed
        rate = f"{done / elapsed:,.0f} {unit}/s" if elapsed > 0 and done >= elapsed else ""
        _progress.update(task_id, total=task.total or done or 1, completed=done or task.total or 1, rate=rate)
        _progress.stop_task(task_id)
