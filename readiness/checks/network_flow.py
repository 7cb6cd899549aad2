"""The connection test as one flow: the page's progress bar and ``readiness check`` alike.

Started, it measures the line on its own thread (``network.measure_network``) and
sends a ``NetworkProgress`` as each phase moves, then one ``NetworkMeasured`` with
the verdict. ``stop()`` cancels at once: the measuring threads are told to stop
and wind down unheard, without anyone waiting for them (a stuck client included).
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from readiness.checks.network import (
    BUDGET_S,
    UDP_EXTRA_S,
    NetworkFindings,
    NetworkProgress,
    find_network,
)
from readiness.checks.titles import network_title
from readiness.core.device_choice import DEFAULT_STABILITY_S
from readiness.core.i18n import translate
from readiness.core.result import CheckResult, Status
from readiness.devices.network.network_errors import Failure, NetworkError

if TYPE_CHECKING:
    from readiness.checks.flow import Observer
    from readiness.checks.kit import DeviceKit
    from readiness.checks.line_watch import LineWatch
    from readiness.core.device_choice import DeviceChoice

__all__ = ["NetworkFlow", "NetworkMeasured", "NetworkProgress"]

log = logging.getLogger(__name__)


def timeout_s(stability_s: float = DEFAULT_STABILITY_S) -> float:
    """The command line's limit: the bandwidth test's budget, the UDP probe's longest
    time, and time for the verdict."""
    return BUDGET_S + stability_s + UDP_EXTRA_S + 10.0


#: The limit with the default stability time.
TIMEOUT_S = timeout_s()


@dataclass(frozen=True)
class NetworkMeasured:
    """The last update: the verdict (an unexpected error is a verdict too), and what it
    was made from (None after such an error), to judge again as the watch goes on."""

    result: CheckResult
    findings: NetworkFindings | None = None


class NetworkFlow:
    """One connection test. Updates: ``NetworkProgress`` (any number, the bar never
    going back), then one ``NetworkMeasured``; none once ``stop()`` has returned."""

    id = "network"

    def __init__(
        self,
        devices: DeviceChoice,
        kit: DeviceKit,
        *,
        budget_s: float = BUDGET_S,
        clock: Callable[[], float] = time.perf_counter,
        line_watch: LineWatch | None = None,
        fresh_line: bool = False,
    ):
        """``line_watch``: the window's background watch of the line, whose figures stand
        for the UDP probe (``fresh_line``: forgotten first, as after a change); None:
        the line is probed after the bandwidth test (the command line)."""
        self._devices = devices
        self._line_watch = line_watch
        self._fresh_line = fresh_line
        self._kit = kit
        self._budget_s = budget_s
        self._clock = clock
        self._cancel = threading.Event()
        #: Guards the observer: nothing is sent once ``stop`` has returned.
        self._lock = threading.Lock()
        self._observe: Observer | None = None
        self._stopped = False
        self._result: CheckResult | None = None
        self._done = threading.Event()

    def start(self, observe: Observer) -> None:
        self._observe = observe
        threading.Thread(target=self._run, name="network-test", daemon=True).start()

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
        self._cancel.set()  # the measuring threads see it and wind down on their own

    def result(self) -> CheckResult | None:
        return self._result

    def settled(self) -> bool:
        return self._result is not None

    def wait(self, timeout_s: float) -> bool:
        """True once the flow's own thread has ended (tests, benchmarks); its clients'
        threads, told to stop, may still be winding down."""
        return self._done.wait(timeout_s)

    def _run(self) -> None:
        try:
            # Here, off the caller's thread: the first time, that may load modules.
            parts = self._kit.network(self._devices)
            findings = find_network(
                parts,
                self._send,
                self._cancel.is_set,
                budget_s=self._budget_s,
                stability_s=self._devices.stability_s,
                clock=self._clock,
                line_watch=self._line_watch,
                fresh_line=self._fresh_line,
            )
            result = findings.judge()
        except NetworkError as error:
            if error.failure is not Failure.CANCELLED:
                log.exception("network test")
                self._finish(_broken())
        except Exception:
            log.exception("network test")
            self._finish(_broken())
        else:
            self._finish(result, findings)
        finally:
            self._done.set()

    def _finish(self, result: CheckResult, findings: NetworkFindings | None = None) -> None:
        with self._lock:
            if self._stopped:
                return  # the verdict of a test nobody waits for any more is dropped
            self._result = result
            self._tell(NetworkMeasured(result, findings))

    def _send(self, update: NetworkProgress) -> None:
        with self._lock:
            if not self._stopped:
                self._tell(update)

    def _tell(self, update: object) -> None:
        assert self._observe is not None
        # RuntimeError: its window was closed while the test went on, nobody to tell.
        with contextlib.suppress(RuntimeError):
            self._observe(update)


def _broken() -> CheckResult:
    return CheckResult(
        "network",
        Status.FAILED,
        network_title(),
        translate("NetworkCheck", "La mesure s'est interrompue sur une erreur inattendue."),
        (
            translate(
                "NetworkCheck", "Relancez le test. Si cela se reproduit, prévenez votre consultant."
            ),
        ),
    )
