"""What a check is: an id, a title, a time budget, and a ``run`` that returns a result."""

from __future__ import annotations

from typing import Protocol

from readiness.core.result import CheckResult


class Check(Protocol):
    #: Stable identifier used by ``--only`` and in the JSON report.
    id: str
    #: Seconds the runner waits before declaring the check unresponsive.
    timeout_s: float

    def title(self) -> str:
        """The check's French title, as shown in the sidebar and the report."""
        ...

    def run(self) -> CheckResult:
        """Do the work (may block: it never runs on the GUI thread)."""
        ...
