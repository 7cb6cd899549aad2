"""Garbage cycles that hold Qt objects are collected on the GUI thread, never in a worker."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QObject, QThread, QTimer

from readiness.ui.gui_thread_gc import GuiThreadCollector


class _Cyclic(QObject):
    """A Qt object with a running timer, caught in a reference cycle (as a closure
    connected to its own signal makes one)."""

    def __init__(self):
        super().__init__()
        self.timer = QTimer(self)
        self.timer.start(10_000)
        self.me = self


def _allocate_in_a_worker() -> list:
    """Allocates, in another thread, far more objects than generation 0's threshold:
    CPython would collect there if it were allowed to. They are kept (freed objects
    do not count towards a collection)."""
    kept: list = []

    def churn() -> None:
        kept.extend([index] for index in range(20 * gc.get_threshold()[0]))

    worker = threading.Thread(target=churn)
    worker.start()
    worker.join()
    return kept


def test_cycles_wait_for_the_gui_thread(qapp) -> None:
    collector = GuiThreadCollector(interval_ms=60_000)
    collector.start()
    try:
        assert not gc.isenabled()
        cyclic = _Cyclic()
        gone = weakref.ref(cyclic)
        del cyclic
        kept = _allocate_in_a_worker()
        assert gone() is not None  # the worker did not collect it
        assert QThread.currentThread() is qapp.thread()
        assert collector.collect_due() > 0
        assert gone() is None  # collected here, on the GUI thread, without a Qt warning
        del kept
    finally:
        collector.stop()
    assert gc.isenabled()
    gc.disable()  # the test session's own policy (conftest.collect_on_the_main_thread)


def test_nothing_is_collected_below_the_thresholds(qapp) -> None:
    gc.collect()
    collector = GuiThreadCollector()
    collector.start()
    try:
        assert collector.collect_due() == 0
    finally:
        collector.stop()
        gc.disable()
