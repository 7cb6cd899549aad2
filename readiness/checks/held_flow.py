"""What the sound flows share: the Flow protocol over a DeviceHold and a kept verdict.

A sound flow works on one thread of its own (``_run``), holds its streams in a
``DeviceHold`` (so ``stop`` closes them from any thread, and no update is sent once
it has returned), and keeps its verdict under a lock.
"""

from __future__ import annotations

import threading

from readiness.checks.audio_opening import DeviceHold
from readiness.checks.flow import Observer
from readiness.core.result import CheckResult


class HeldFlow:
    id = ""
    #: The name of the flow's thread (in a crash trace).
    thread_name = "flow"

    def __init__(self) -> None:
        self._hold = DeviceHold()
        self._observe: Observer = lambda _update: None
        self._lock = threading.Lock()
        self._result: CheckResult | None = None
        self._settled = False

    # --- the Flow protocol ---------------------------------------------------------

    def start(self, observe: Observer) -> None:
        self._observe = observe
        threading.Thread(target=self._run, name=self.thread_name, daemon=True).start()

    def stop(self) -> None:
        self._hold.stop()

    def result(self) -> CheckResult | None:
        with self._lock:
            return self._result

    def settled(self) -> bool:
        with self._lock:
            return self._settled

    # --- for the flow's thread -------------------------------------------------------

    def _run(self) -> None:
        raise NotImplementedError

    def _send(self, update: object) -> None:
        self._hold.send(lambda: self._observe(update))

    def _conclude(self, result: CheckResult) -> None:
        with self._lock:
            self._result = result
            self._settled = True
