"""Runs a check's flow for a page: its updates arrive on the GUI thread, latest flow only.

A flow sends updates from its own threads; this brings each one to the GUI thread
through a queued signal and hands it to the page. Starting a new flow stops the
one before, and an update the old flow had already sent is dropped on arrival:
a page never shows what a device it let go of said.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from readiness.checks.flow import Flow
from readiness.ui.gui_call import GuiCall


class FlowRunner(QObject):
    #: (update) from the running flow, on the GUI thread.
    updated = Signal(object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._flow: Flow | None = None
        # The flow's threads reach the GUI thread through it: never a runner being
        # destroyed.
        self._gui = GuiCall(self)

    @property
    def flow(self) -> Flow | None:
        """The flow running, or None."""
        return self._flow

    @property
    def running(self) -> bool:
        return self._flow is not None

    def start(self, flow: Flow) -> None:
        """Stops the flow before (if any), then starts ``flow``."""
        self.stop()
        self._flow = flow
        flow.start(lambda update: self._gui.call("_deliver", flow, update))

    def stop(self) -> None:
        """Stops the running flow: it lets its device go, and nothing it sent is shown."""
        flow, self._flow = self._flow, None
        if flow is not None:
            flow.stop()

    def _deliver(self, flow: Flow, update: object) -> None:
        if flow is self._flow:
            self.updated.emit(update)
