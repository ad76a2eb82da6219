"""The anonymise stage's pool retires a worker after N tasks (flows/recycling_pool.py): a worker is
replaced after exactly N tasks, every queued task is answered across the replacements, a task's
exception comes back as the task's, and a worker dying mid-task fails that task closed while the
pool carries on with a new worker."""
from __future__ import annotations

import multiprocessing
import os
import threading
import time
from concurrent.futures.process import BrokenProcessPool

import pytest

from flows import recycling_pool
from flows.recycling_pool import RecyclingProcessPool
from flows.stoppable_pool import stop_forkserver


@pytest.fixture(autouse=True, scope="module")
def _own_forkserver():
    # The forkserver is one per process: these tests start it without the models, so stop it after
    # them, or a later pool would fork its workers from a server that never loaded them.
    yield
    stop_forkserver()


def _pid_after(value: int) -> tuple[int, int]:
    return value, os.getpid()


def _fail(message: str) -> None:
    raise ValueError(message)


def _leave_a_thread_running() -> int:
    threading.Thread(target=time.sleep, args=(3600,)).start()  # not a daemon: the process cannot exit
    return os.getpid()


def _die() -> None:
    os._exit(3)  # as a crash in native code or the OOM killer would end it: no answer, no exception


def _pool(workers: int, tasks_per_worker: int) -> RecyclingProcessPool:
    return RecyclingProcessPool(workers, multiprocessing.get_context("forkserver"), tasks_per_worker)


def test_a_worker_is_replaced_after_n_tasks_and_no_queued_task_is_lost():
    pool = _pool(workers=1, tasks_per_worker=3)
    try:
        futures = [pool.submit(_pid_after, i) for i in range(10)]  # all queued before the first retirement
        answers = [f.result(timeout=120) for f in futures]
    finally:
        pool.shutdown(wait=True)
    assert [value for value, _ in answers] == list(range(10))
    pids = [pid for _, pid in answers]
    assert [len(set(pids[i:i + 3])) for i in range(0, 10, 3)] == [1, 1, 1, 1], pids  # each worker did 3 (the last 1)
    assert len(set(pids)) == 4 and pool.started == 4
    assert os.getpid() not in pids


def test_two_workers_answer_every_task_across_replacements():
    pool = _pool(workers=2, tasks_per_worker=2)
    try:
        answers = [f.result(timeout=120) for f in [pool.submit(_pid_after, i) for i in range(9)]]
    finally:
        pool.shutdown(wait=True)
    assert [value for value, _ in answers] == list(range(9))
    assert pool.started >= 5  # 9 tasks, at most 2 per worker
    assert max(sum(1 for _, pid in answers if pid == p) for p in {pid for _, pid in answers}) <= 2


def test_a_task_exception_is_that_tasks_and_the_worker_carries_on():
    pool = _pool(workers=1, tasks_per_worker=5)
    try:
        failed = pool.submit(_fail, "synthetic failure")
        after = pool.submit(_pid_after, 7)
        with pytest.raises(ValueError, match="synthetic failure"):
            failed.result(timeout=120)
        assert after.result(timeout=120)[0] == 7
    finally:
        pool.shutdown(wait=True)
    assert pool.started == 1


def test_a_worker_dying_mid_task_fails_that_task_and_a_new_worker_takes_the_next():
    pool = _pool(workers=1, tasks_per_worker=5)
    try:
        before = pool.submit(_pid_after, 1)
        crashed = pool.submit(_die)
        after = pool.submit(_pid_after, 2)
        first_pid = before.result(timeout=120)[1]
        with pytest.raises(BrokenProcessPool):
            crashed.result(timeout=120)
        value, second_pid = after.result(timeout=120)
    finally:
        pool.shutdown(wait=True)
    assert value == 2 and second_pid != first_pid
    assert pool.started == 2


def test_shutdown_cancels_queued_tasks_when_asked_and_refuses_new_ones():
    pool = _pool(workers=1, tasks_per_worker=5)
    first = pool.submit(_pid_after, 1)
    queued = [pool.submit(_pid_after, i) for i in range(2, 30)]
    first.result(timeout=120)
    pool.shutdown(wait=True, cancel_futures=True)
    assert any(f.cancelled() for f in queued)
    assert all(f.done() for f in queued)
    with pytest.raises(RuntimeError):
        pool.submit(_pid_after, 99)


def test_a_retiring_worker_that_does_not_exit_is_killed_and_the_next_task_still_runs(monkeypatch):
    monkeypatch.setattr(recycling_pool, "RETIRE_GRACE_S", 1.0)
    pool = _pool(workers=1, tasks_per_worker=1)
    try:
        stuck = pool.submit(_leave_a_thread_running).result(timeout=120)
        value, pid = pool.submit(_pid_after, 5).result(timeout=120)
    finally:
        pool.shutdown(wait=True)
    assert value == 5 and pid != stuck
    assert not os.path.exists(f"/proc/{stuck}") or open(f"/proc/{stuck}/stat").read().split()[2] == "Z"
