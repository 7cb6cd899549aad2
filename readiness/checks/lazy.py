"""A check that is built on first use, so that start-up does not import its libraries."""

from __future__ import annotations

import threading
from collections.abc import Callable

from readiness.core.check import Check
from readiness.core.result import CheckResult


class LazyCheck:
    """Knows the check's id and title at once; builds the real check (importing its
    module, OpenCV, PortAudio, psutil…) the first time it is run or asked for its
    time limit. It is only a ``Check``: a page drives its own flow, made from the
    window's device kit, and never reaches in here."""

    def __init__(self, check_id: str, title: Callable[[], str], build: Callable[[], Check]):
        self.id = check_id
        self._title = title
        self._build = build
        self._real: Check | None = None
        self._lock = threading.Lock()  # built once even if two threads ask together

    def _check(self) -> Check:
        with self._lock:
            if self._real is None:
                self._real = self._build()
            return self._real

    @property
    def timeout_s(self) -> float:
        return self._check().timeout_s

    def title(self) -> str:
        return self._title()

    def run(self) -> CheckResult:
        return self._check().run()
