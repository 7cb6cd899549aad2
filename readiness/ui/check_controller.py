"""Runs the checks for the window and keeps their latest results."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal

from readiness.core.check import Check
from readiness.core.result import CheckResult
from readiness.ui.tasks import TaskRunner


class CheckController(QObject):
    started = Signal(str)  # check id
    finished = Signal(object)  # CheckResult

    def __init__(self, checks: Sequence[Check], tasks: TaskRunner, parent: QObject | None = None):
        super().__init__(parent)
        self._checks = {check.id: check for check in checks}
        self._tasks = tasks
        self._results: dict[str, CheckResult] = {}
        self._running: set[str] = set()

    @property
    def check_ids(self) -> list[str]:
        return list(self._checks)

    def check(self, check_id: str) -> Check:
        return self._checks[check_id]

    def result(self, check_id: str) -> CheckResult | None:
        return self._results.get(check_id)

    def is_running(self, check_id: str) -> bool:
        return check_id in self._running

    def run(self, check_id: str) -> None:
        """Start the check in the background unless it is already running."""
        from readiness.core.runner import run_check  # after the first paint, not before

        if check_id in self._running:
            return
        self._running.add(check_id)
        self.started.emit(check_id)
        self._tasks.run(lambda: run_check(self._checks[check_id]), self._on_finished)

    def announce(self, check_id: str) -> None:
        """A page started measuring by itself: badges show it as running."""
        self.started.emit(check_id)

    def record(self, result: CheckResult) -> None:
        """A result found by a page itself (a live preview, a meter) rather than by ``run``."""
        self._on_finished(result)

    def _on_finished(self, result: CheckResult) -> None:
        self._running.discard(result.check_id)
        self._results[result.check_id] = result
        self.finished.emit(result)
