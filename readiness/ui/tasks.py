"""Runs blocking work off the GUI thread and hands the outcome back to it.

A bounded pool of daemon threads does the work; the outcome comes back through a
queued signal whose receiver lives in the GUI thread (MusicBrainz Picard's
pattern). Three rules the callers no longer write themselves:

- an error is never dropped: without an ``on_error``, it goes to ``unhandled``
  (by default ``sys.excepthook``, which the app turns into the log and the French
  "unexpected problem" dialog);
- a task can be cancelled: its outcome is then never delivered, and work that
  polls ``cancelled`` (``run_cancellable``) can stop early;
- a ``key`` keeps only the latest: starting a task with the key of one still
  running cancels that one (a page re-opening a device, a newer scan).
"""

from __future__ import annotations

import logging
import queue
import sys
import threading
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Slot

from readiness.ui.gui_call import GuiCall

log = logging.getLogger(__name__)

#: Enough for every check at once and a few links; a driver call that never returns
#: holds one thread, never the app (the threads are daemons).
MAX_WORKERS = 8


class Task:
    """A handle on submitted work. ``cancel()`` may be called from any thread."""

    def __init__(self, key: str | None = None):
        self.key = key
        self._cancelled = threading.Event()
        self.done = False

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def cancel(self) -> None:
        self._cancelled.set()


class _Pool:
    """Daemon threads, started on demand up to ``size``, taking jobs from one queue."""

    def __init__(self, size: int):
        self._size = size
        self._jobs: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
        self._threads: list[threading.Thread] = []
        self._idle = 0
        self._lock = threading.Lock()

    def submit(self, job: Callable[[], None]) -> None:
        self._jobs.put(job)
        with self._lock:
            # More jobs waiting than idle threads to take them: one more thread, if allowed.
            if self._jobs.qsize() > self._idle and len(self._threads) < self._size:
                thread = threading.Thread(
                    target=self._serve, name=f"task-{len(self._threads) + 1}", daemon=True
                )
                self._threads.append(thread)
                thread.start()

    def _serve(self) -> None:
        while True:
            with self._lock:
                self._idle += 1
            job = self._jobs.get()
            with self._lock:
                self._idle -= 1
            job()

    @property
    def threads(self) -> int:
        return len(self._threads)


class TaskRunner(QObject):
    def __init__(
        self,
        parent: QObject | None = None,
        *,
        max_workers: int = MAX_WORKERS,
        unhandled: Callable[[BaseException], None] | None = None,
    ):
        super().__init__(parent)
        self._pool = _Pool(max_workers)
        self._unhandled = unhandled or _to_excepthook
        self._latest: dict[str, Task] = {}
        #: Workers hand outcomes back through it: a runner destroyed meanwhile (its
        #: window gone) is never touched from their threads.
        self._gui = GuiCall(self)

    def run(
        self,
        work: Callable[[], Any],
        on_result: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
        *,
        key: str | None = None,
    ) -> Task:
        """Call ``work()`` on a worker, then ``on_result`` or ``on_error`` on this thread."""
        return self.run_cancellable(lambda _cancelled: work(), on_result, on_error, key=key)

    def run_cancellable(
        self,
        work: Callable[[Callable[[], bool]], Any],
        on_result: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
        *,
        key: str | None = None,
    ) -> Task:
        """As ``run``; ``work`` gets a function that says whether the task was cancelled."""
        task = Task(key)
        if key is not None:
            previous = self._latest.get(key)
            if previous is not None:
                previous.cancel()
            self._latest[key] = task

        def job() -> None:
            if task.cancelled:  # never started: only its end is told
                self._emit(task, None)
                return
            try:
                value = work(lambda: task.cancelled)
            except BaseException as exc:
                if on_error is None or not _expected(exc):
                    log.exception("background task failed")
                else:  # a missing device, a closed network: one line, not a traceback each time
                    log.info("background task failed: %r", exc)
                deliver = partial(on_error or self._unhandled, exc)
            else:
                deliver = partial(on_result, value)
            self._emit(task, deliver)

        self._pool.submit(job)
        return task

    def _emit(self, task: Task, deliver: Callable[[], None] | None) -> None:
        self._gui.call("_deliver", (task, deliver))

    def cancel(self, key: str) -> None:
        """Cancels the latest task started with ``key``, if it has not delivered yet."""
        task = self._latest.pop(key, None)
        if task is not None:
            task.cancel()

    @property
    def threads(self) -> int:
        """Worker threads started so far (never more than ``max_workers``)."""
        return self._pool.threads

    @Slot(object)
    def _deliver(self, outcome: tuple[Task, Callable[[], None] | None]) -> None:
        task, deliver = outcome
        task.done = True
        if task.key is not None and self._latest.get(task.key) is task:
            del self._latest[task.key]
        if deliver is not None and not task.cancelled:
            deliver()


def _expected(error: BaseException) -> bool:
    """The world's errors, which callers handle: the system's, and the devices' own (each
    carries the ``problem`` or ``failure`` it explains to the person). Anything else is a
    bug, logged with its traceback."""
    return isinstance(error, OSError) or hasattr(error, "problem") or hasattr(error, "failure")


def _to_excepthook(error: BaseException) -> None:
    """The app's hook logs it and shows the French dialog; under pytest-qt, it fails the test."""
    sys.excepthook(type(error), error, error.__traceback__)
