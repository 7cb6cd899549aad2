"""A check as one flow, driven alike by its page and by the command line.

A flow is started with an observer, sends updates (from any thread) while it
works, and keeps its latest verdict. The page shows each update as it comes and
leaves the flow running (a live preview, a meter); the command line drives the
same object with ``drive`` until the flow says its verdict is settled, then
stops it. ``FlowCheck`` wraps a flow's maker as a ``Check`` for the runner, the
report and ``readiness check``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Protocol

from readiness.core.i18n import translate
from readiness.core.result import CheckResult, Status

#: What ``FlowCheck`` keeps of the runner's time limit for the flow's ``stop``.
STOP_ALLOWANCE_S = 2.0

#: Receives a flow's updates; called from the flow's own threads.
Observer = Callable[[object], None]


class Flow(Protocol):
    """One run of a live check. Each flow documents the update types it sends."""

    #: The check's id, as in ``--only`` and the report.
    id: str

    def start(self, observe: Observer) -> None:
        """Begins; never blocks (device work runs on the flow's own threads)."""
        ...

    def stop(self) -> None:
        """Ends the run and lets the device go. Idempotent; no update is sent once
        it has returned."""
        ...

    def result(self) -> CheckResult | None:
        """The latest verdict; None before the first."""
        ...

    def settled(self) -> bool:
        """True once the verdict is the one the command line reports."""
        ...


def drive(
    flow: Flow,
    timeout_s: float,
    *,
    title: Callable[[], str],
    clock: Callable[[], float] = time.monotonic,
    observe: Observer | None = None,
) -> CheckResult:
    """Runs ``flow`` without a window until it settles (or ``timeout_s`` passes), then
    stops it: the device is let go even when the verdict never came. ``observe`` sees
    each update too (the command line tells the person what to do as it goes)."""
    changed = threading.Event()

    def note(update: object) -> None:
        if observe is not None:
            observe(update)
        changed.set()

    flow.start(note)
    deadline = clock() + timeout_s
    try:
        while True:
            changed.clear()  # before looking, so an update sent meanwhile wakes the wait
            if flow.settled():
                break
            remaining = deadline - clock()
            if remaining <= 0:
                break
            changed.wait(remaining)
    finally:
        flow.stop()
    result = flow.result()
    if result is not None and flow.settled():
        return result
    return _unsettled(flow.id, title(), timeout_s, result)


def _unsettled(
    check_id: str, title: str, timeout_s: float, last: CheckResult | None
) -> CheckResult:
    if last is not None and last.status is Status.FAILED:
        return last  # a problem already said (no camera, no microphone) is the verdict
    return CheckResult(
        check_id,
        Status.FAILED,
        title,
        translate("Flow", "La vérification n'a pas pu aboutir à temps."),
        (
            translate(
                "Flow",
                "Relancez la vérification. Si cela se reproduit, redémarrez l'ordinateur.",
            ),
        ),
        {"timeout_s": timeout_s},
    )


class FlowCheck:
    """A flow as a ``Check``: ``run`` drives a fresh flow to its verdict."""

    def __init__(
        self,
        check_id: str,
        title: Callable[[], str],
        make_flow: Callable[[], Flow],
        timeout_s: float,
    ):
        self.id = check_id
        self._title = title
        self._make_flow = make_flow
        self.timeout_s = timeout_s
        #: Sees the updates of each run (the command line's instructions); None: nobody.
        self.observe: Observer | None = None

    def title(self) -> str:
        return self._title()

    def flow(self) -> Flow:
        """A fresh flow, as ``run`` drives it."""
        return self._make_flow()

    def run(self) -> CheckResult:
        # Under the runner's own limit by what stopping may take (a camera gets a second
        # to let go), so the flow lets its device go itself and says why.
        return drive(
            self._make_flow(),
            max(1.0, self.timeout_s - STOP_ALLOWANCE_S),
            title=self._title,
            observe=self.observe,
        )
