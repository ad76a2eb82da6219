"""A process pool that retires each worker after a number of tasks and starts a fresh one in its place.

A worker forked from the model-loading forkserver (flows/worker_models.py) shares the models' pages
copy-on-write, but every shared page it writes into (reference counts, its caches, the allocator's
arenas) becomes its own, so a worker grows through a run (~460 → ~600 MiB PSS over 100k records).
Retiring it after ``tasks_per_worker`` tasks gives those pages back; its successor forks from the
same forkserver with the models loaded. ``ProcessPoolExecutor(max_tasks_per_child=...)`` would do
this, but on Python 3.11.7 it hangs once a worker retires with tasks still queued.

Each worker slot is a thread that takes the next task from one queue, sends it to its process over
a pipe and waits for the answer, so a retiring worker never holds a queued task: a task is handed
to a process only when that process is free, and the slot retires its process between tasks. A
worker that dies mid-task fails that task's future (BrokenProcessPool): the task is not silently
retried or dropped, and the slot's next task gets a new process.
"""
from __future__ import annotations

import queue
import threading
from concurrent.futures import Executor, Future
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.context import BaseContext

_STOP = None  # sent to a worker process (and queued for a slot thread): end after the current task
RETIRE_GRACE_S = 30.0  # a retiring worker that has not exited by then (a thread it left running) is killed


def _serve(conn, initializer, initargs) -> None:
    """A worker process: run tasks from ``conn`` until told to stop, answering (ok, value) for each."""
    if initializer is not None:
        initializer(*initargs)
    while True:
        task = conn.recv()
        if task is _STOP:
            return
        fn, args, kwargs = task
        try:
            answer = (True, fn(*args, **kwargs))
        except BaseException as error:  # noqa: BLE001 - the caller's future carries it, as in ProcessPoolExecutor
            answer = (False, error)
        try:
            conn.send(answer)
        except Exception as error:  # noqa: BLE001 - an unpicklable result or exception: fail the task, say which
            conn.send((False, RuntimeError(f"task result could not be sent back: {type(error).__name__}")))


class RecyclingProcessPool(Executor):
    """``max_workers`` processes from ``mp_context``, each replaced after ``tasks_per_worker`` tasks."""

    def __init__(self, max_workers: int, mp_context: BaseContext, tasks_per_worker: int,
                 initializer=None, initargs: tuple = ()):
        if max_workers < 1 or tasks_per_worker < 1:
            raise ValueError("max_workers and tasks_per_worker must be at least 1")
        self.mp_context = mp_context
        self.tasks_per_worker = tasks_per_worker
        self._initializer, self._initargs = initializer, initargs
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._shutdown = False
        self._processes: dict[int, object] = {}  # slot -> its live process (killed by an interrupted run)
        self.started = 0  # worker processes started so far (each replacement counts)
        # Daemon threads: an interpreter exiting without shutdown() must not wait on an idle queue;
        # the processes are daemonic too, so multiprocessing ends them at exit.
        self._slots = [threading.Thread(target=self._run_slot, args=(slot,), daemon=True,
                                        name=f"RecyclingProcessPool-{slot}") for slot in range(max_workers)]
        for thread in self._slots:
            thread.start()

    def submit(self, fn, /, *args, **kwargs) -> Future:
        with self._lock:
            if self._shutdown:
                raise RuntimeError("cannot submit to a pool that is shut down")
            future: Future = Future()
            self._queue.put((future, fn, args, kwargs))
            return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        with self._lock:
            if not self._shutdown:
                self._shutdown = True
                if cancel_futures:
                    self._cancel_queued()
                for _ in self._slots:  # behind every queued task: the queue drains first
                    self._queue.put(_STOP)
        if wait:
            for thread in self._slots:
                thread.join()

    def kill_workers(self) -> None:
        """Kill the live worker processes (their tasks fail); an interrupted run uses it."""
        for process in list(self._processes.values()):
            process.kill()

    def _cancel_queued(self) -> None:
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                return
            if item is not _STOP:
                item[0].cancel()

    def _start(self, slot: int):
        parent, child = self.mp_context.Pipe()
        process = self.mp_context.Process(target=_serve, args=(child, self._initializer, self._initargs),
                                          daemon=True, name=f"RecyclingProcessPool-worker-{slot}")
        process.start()
        child.close()
        self._processes[slot] = process
        self.started += 1
        return process, parent

    def _retire(self, slot: int, process, conn, stop: bool) -> None:
        if stop:
            try:
                conn.send(_STOP)
            except OSError:
                pass  # it is gone already
        conn.close()
        process.join(RETIRE_GRACE_S)
        if process.is_alive():  # a slot waiting on it for ever would hang the run
            process.kill()
            process.join()
        self._processes.pop(slot, None)

    def _run_slot(self, slot: int) -> None:
        process = conn = None
        done = 0
        while True:
            item = self._queue.get()
            if item is _STOP:
                break
            future, fn, args, kwargs = item
            if not future.set_running_or_notify_cancel():
                continue
            if process is None:
                try:
                    process, conn = self._start(slot)
                except BaseException as error:  # noqa: BLE001 - the task fails with why its process did not start
                    future.set_exception(error)
                    continue
            try:
                conn.send((fn, args, kwargs))
                ok, value = conn.recv()
            except (EOFError, OSError):
                # The process died mid-task (killed, out of memory, a crash in native code): this
                # task fails, closed; the next one gets a new process.
                self._retire(slot, process, conn, stop=False)
                process = conn = None
                done = 0
                future.set_exception(BrokenProcessPool("a worker process ended while running a task"))
                continue
            except BaseException as error:  # noqa: BLE001 - e.g. the task could not be pickled: it fails
                future.set_exception(error)
                continue
            done += 1
            if done >= self.tasks_per_worker:  # before answering: the retired worker's memory goes first
                self._retire(slot, process, conn, stop=True)
                process = conn = None
                done = 0
            if ok:
                future.set_result(value)
            else:
                future.set_exception(value)
        if process is not None:
            self._retire(slot, process, conn, stop=True)
