"""What a page needs of a check beyond ``run``, and how it reaches the built check.

The window holds LazyChecks, which build the real check (and import its
libraries) on first use. A page that drives its check itself asks for the real
one with ``built``, inside the work it hands to a worker thread: building it
there costs the GUI thread nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, TypeVar, runtime_checkable

from readiness.checks.lazy import LazyCheck

if TYPE_CHECKING:
    from readiness.checks.network import ProgressCallback
    from readiness.checks.processes import ProcessReport
    from readiness.core.check import Check
    from readiness.core.result import CheckResult

#: Polled by long work: True once the task it runs for was cancelled.
Cancelled = Callable[[], bool]


@runtime_checkable
class SupportsMeasure(Protocol):
    """The network page's check: the test with its progress, and a way to stop it."""

    def measure(
        self, progress: ProgressCallback | None = None, cancelled: Cancelled | None = None
    ) -> CheckResult: ...


@runtime_checkable
class SupportsScan(Protocol):
    """The processes page's check: the result and the applications it found."""

    def scan(self, cancelled: Cancelled = ...) -> ProcessReport: ...


T = TypeVar("T")


def built(check: Check, kind: type[T]) -> T:
    """``check`` as a ``kind``: a LazyCheck's real check, built now if need be (so call
    this on a worker thread), or the check itself. TypeError if it is no ``kind``."""
    real = check.real if isinstance(check, LazyCheck) else check
    if not isinstance(real, kind):
        raise TypeError(f"the {check.id} check is no {kind.__name__}")
    return real
