"""Python's garbage collector runs on the GUI thread only.

CPython collects reference cycles in whichever thread allocates when a threshold is
crossed, often a worker (a check, a probe). A cycle that holds a Qt object then
destroys it in that thread: Qt says "Timers cannot be stopped from another thread",
and the process can die of a segmentation fault (seen in the test suite with
PySide6 6.11). So the automatic collector is off, and a timer on the GUI thread
collects the generations whose thresholds were crossed, as CPython would have
(the pattern Anki and other PyQt applications use).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    def __init__(self, interval_ms: int = INTERVAL_MS, parent: QObject | None = None):
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_due)

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()

    def collect_due(self) -> int:
        """Collects the generations over their thresholds; returns what was freed."""
        young, middle, old = gc.get_count()
        freed = 0
        if young > self._thresholds[0]:
            freed += gc.collect(0)
            if middle > self._thresholds[1]:
                freed += gc.collect(1)
                if old > self._thresholds[2]:
                    freed += gc.collect(2)
        return freed
