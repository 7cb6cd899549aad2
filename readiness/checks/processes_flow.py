"""The open applications step as one flow: a scan, and closing what the user agrees to.

Started, it samples what runs on a thread of its own (``kit.scan_processes``) and
sends ``ProcessesScanning``, then ``ProcessesScanned`` with the verdict and the
applications that compete with the session (or ``ProcessesUnreadable``). The page
may then ``close`` an application through ``kit.close_processes``: a
``CloseAnswered`` follows and, once it is closed, a new scan, whose list replaces
the one before (a scan still running is cancelled and never heard).
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from readiness.checks.processes import assess
from readiness.checks.titles import processes_title
from readiness.core.heavy_apps import HeavyProcess, Thresholds
from readiness.core.i18n import translate
from readiness.core.known_apps import KnownApps, load_known_apps
from readiness.core.result import CheckResult, Status
from readiness.devices.processes import CloseOutcome  # psutil loads only when it is used

if TYPE_CHECKING:
    from readiness.checks.flow import Observer
    from readiness.checks.kit import DeviceKit

__all__ = [
    "CloseAnswered",
    "CloseOutcome",
    "ProcessesFlow",
    "ProcessesScanned",
    "ProcessesScanning",
    "ProcessesUnreadable",
]

log = logging.getLogger(__name__)

#: The command line's limit: a scan samples for about a second.
TIMEOUT_S = 15.0

#: A program, as the closer knows it: its pid, and its start time against a reused pid.
Target = tuple[int, float]


@dataclass(frozen=True)
class ProcessesScanning:
    """A scan began: the first, or the one after an application was closed."""


@dataclass(frozen=True)
class ProcessesScanned:
    """The verdict, and the applications that compete with the session."""

    result: CheckResult
    heavy: tuple[HeavyProcess, ...]


@dataclass(frozen=True)
class ProcessesUnreadable:
    """The programs could not be listed; ``result`` is what the command line reports."""

    result: CheckResult


@dataclass(frozen=True)
class CloseAnswered:
    """What became of a ``close(targets, force=...)``."""

    targets: tuple[Target, ...]
    outcome: CloseOutcome
    force: bool


class ProcessesFlow:
    """One look at the open applications, and closing some of them. Updates, from its
    own threads: ``ProcessesScanning``, then ``ProcessesScanned`` or
    ``ProcessesUnreadable``; after each ``close``, a ``CloseAnswered`` (and, once
    closed, a new scan's); none once ``stop()`` has returned."""

    id = "processes"

    def __init__(
        self,
        kit: DeviceKit,
        *,
        known_apps: Callable[[], KnownApps] = load_known_apps,
        thresholds: Thresholds | None = None,
    ):
        self._kit = kit
        self._known_apps = known_apps
        self._thresholds = thresholds or Thresholds()
        #: Guards the observer (nothing is sent once stopped) and which scan is current.
        self._lock = threading.Lock()
        self._observe: Observer | None = None
        self._stopped = False
        self._generation = 0
        self._cancel = threading.Event()  # the current scan's
        self._result: CheckResult | None = None
        self._busy = 0  # scans and closings running
        self._idle = threading.Condition(self._lock)

    def start(self, observe: Observer) -> None:
        self._observe = observe
        self._scan()

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
            self._cancel.set()  # the scan stops sampling; a closing under way goes on

    def result(self) -> CheckResult | None:
        return self._result

    def settled(self) -> bool:
        return self._result is not None

    def close(self, targets: Sequence[Target], *, force: bool = False) -> None:
        """Asks one application's programs to quit (kills them with ``force``), on a
        thread of the flow's; never blocks."""
        self._spawn(self._close, tuple(targets), force, name="processes-close")

    def wait(self, timeout_s: float) -> bool:
        """True once no scan or closing of this flow is running (tests, benchmarks)."""
        with self._idle:
            return self._idle.wait_for(lambda: self._busy == 0, timeout_s)

    # --- its threads ----------------------------------------------------------

    def _scan(self) -> None:
        with self._lock:
            if self._stopped:
                return
            self._generation += 1
            self._cancel.set()  # a newer scan replaces the one still sampling
            self._cancel = threading.Event()
            generation, cancel = self._generation, self._cancel
        self._spawn(self._run_scan, generation, cancel, name="processes-scan")

    def _run_scan(self, generation: int, cancel: threading.Event) -> None:
        self._send(ProcessesScanning(), generation)
        update: ProcessesScanned | ProcessesUnreadable
        try:
            snapshot = self._kit.scan_processes(cancel.is_set)
            result, heavy = assess(snapshot, self._known_apps(), self._thresholds)
            update = ProcessesScanned(result, heavy)
        except Exception:
            log.exception("process scan")
            update = ProcessesUnreadable(_unreadable())
        with self._lock:
            if self._stopped or generation != self._generation:
                return  # its list may show what was just closed: never heard
            self._result = update.result
            self._tell(update)

    def _close(self, targets: tuple[Target, ...], force: bool) -> None:
        try:
            outcome = self._kit.close_processes(targets, force)
        except Exception:
            log.exception("closing %s", targets)
            outcome = CloseOutcome.DENIED
        self._send(CloseAnswered(targets, outcome, force))
        if outcome in (CloseOutcome.CLOSED, CloseOutcome.ALREADY_GONE):
            self._scan()  # what was closed leaves the list

    def _spawn(self, work: Callable[..., None], *args: object, name: str) -> None:
        with self._lock:
            self._busy += 1

        def run() -> None:
            try:
                work(*args)
            finally:
                with self._idle:
                    self._busy -= 1
                    self._idle.notify_all()

        threading.Thread(target=run, name=name, daemon=True).start()

    def _send(self, update: object, generation: int | None = None) -> None:
        with self._lock:
            if self._stopped or generation not in (None, self._generation):
                return
            self._tell(update)

    def _tell(self, update: object) -> None:
        assert self._observe is not None
        # RuntimeError: its window was closed while the flow went on, nobody to tell.
        with contextlib.suppress(RuntimeError):
            self._observe(update)


def _unreadable() -> CheckResult:
    return CheckResult(
        "processes",
        Status.FAILED,
        processes_title(),
        translate(
            "ProcessesCheck",
            "La liste des applications n'a pas pu être lue. Réessayez dans un instant.",
        ),
        (),
    )
