"""Probes the line every few seconds off the GUI thread and says when it drops or returns."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from readiness.core.connection_watch import ConnectionWatch, WatchEvent
from readiness.ui.tasks import TaskRunner


class ConnectionMonitor(QObject):
    lost = Signal()
    back = Signal()
    escalate = Signal()

    def __init__(
        self,
        probe: Callable[[], bool],
        tasks: TaskRunner,
        interval_ms: int = 3000,
        watch: ConnectionWatch | None = None,
        parent: QObject | None = None,
        *,
        clock: Callable[[], float] | None = None,
    ):
        super().__init__(parent)
        self._probe = probe
        self._tasks = tasks
        self.watch = watch or ConnectionWatch()
        # The watch's clock by default: one time line for "lost since" and "stuck since".
        self._clock = clock or self.watch.clock
        self._in_flight_since: float | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        self._timer.start()
        self._tick()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        if self._in_flight_since is not None:
            # A probe stuck in DNS counts as a failure; it is not started twice.
            if self._clock() - self._in_flight_since > 2 * self._timer.interval() / 1000:
                self._feed(False)
            return
        self._in_flight_since = self._clock()
        self._tasks.run(self._probe, self._on_probe, lambda _error: self._on_probe(False))

    def _on_probe(self, reachable: bool) -> None:
        self._in_flight_since = None
        if self.running:
            self._feed(bool(reachable))

    def _feed(self, reachable: bool) -> None:
        signals = {
            WatchEvent.LOST: self.lost,
            WatchEvent.BACK: self.back,
            WatchEvent.ESCALATE: self.escalate,
        }
        for event in self.watch.observe(reachable):
            signals[event].emit()
