"""Runs blocking work off the GUI thread and hands the outcome back to it.

The worker emits a signal carrying a closure; the signal's receiver lives in the
GUI thread, so Qt queues the call there (MusicBrainz Picard's pattern).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger(__name__)


class TaskRunner(QObject):
    _finished = Signal(object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._finished.connect(self._deliver)

    def run(
        self,
        work: Callable[[], Any],
        on_result: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Call ``work()`` on a daemon thread, then ``on_result`` or ``on_error`` on this thread.

        Daemon threads: a driver call that never returns must not keep the app
        from quitting.
        """

        def target() -> None:
            try:
                value = work()
            except BaseException as exc:
                log.exception("background task failed")
                deliver = partial(on_error, exc) if on_error else None
            else:
                deliver = partial(on_result, value)
            if deliver is None:
                return
            try:
                self._finished.emit(deliver)
            except RuntimeError:  # the window closed while the task ran
                log.debug("task finished after its receiver was deleted")

        threading.Thread(target=target, name="task", daemon=True).start()

    @Slot(object)
    def _deliver(self, deliver: Callable[[], None]) -> None:
        deliver()
