"""Runs checks with a timeout each, turning crashes and hangs into readable results."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from readiness.core.check import Check
from readiness.core.i18n import translate
from readiness.core.result import CheckResult, Status

log = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int, Check, CheckResult | None], None]


@dataclass
class _Outcome:
    result: CheckResult | None = None
    error: BaseException | None = None


def run_check(check: Check) -> CheckResult:
    """Run one check in a daemon thread and wait at most ``check.timeout_s``.

    A daemon thread, not a pool: a check stuck in a driver call must not keep
    the process alive at exit, and Python cannot kill a thread.
    """
    outcome = _Outcome()

    def target() -> None:
        try:
            outcome.result = check.run()
        except BaseException as exc:  # a check must never take the app down
            outcome.error = exc

    worker = threading.Thread(target=target, name=f"check-{check.id}", daemon=True)
    worker.start()
    worker.join(check.timeout_s)
    if worker.is_alive():
        log.warning("check %s timed out after %.1f s", check.id, check.timeout_s)
        return CheckResult(
            check_id=check.id,
            status=Status.FAILED,
            title=check.title(),
            summary=translate("Runner", "La vérification n'a pas répondu à temps."),
            advice=(
                translate(
                    "Runner",
                    "Relancez la vérification. Si cela se reproduit, redémarrez l'ordinateur.",
                ),
            ),
            measures={"timeout_s": check.timeout_s},
        )
    if outcome.error is not None:
        log.error("check %s crashed", check.id, exc_info=outcome.error)
        return CheckResult(
            check_id=check.id,
            status=Status.FAILED,
            title=check.title(),
            summary=translate(
                "Runner", "La vérification s'est interrompue sur une erreur inattendue."
            ),
            advice=(
                translate(
                    "Runner",
                    "Relancez la vérification. Si cela se reproduit, prévenez votre consultant.",
                ),
            ),
            measures={"error": f"{type(outcome.error).__name__}: {outcome.error}"},
        )
    assert outcome.result is not None
    return outcome.result


def run_checks(
    checks: Sequence[Check], on_progress: ProgressCallback | None = None
) -> list[CheckResult]:
    """Run checks one after another (they compete for the same line and CPU).

    ``on_progress(index, total, check, result)`` is called before each check with
    ``result=None`` and after it with its result.
    """
    results: list[CheckResult] = []
    total = len(checks)
    for index, check in enumerate(checks):
        if on_progress:
            on_progress(index, total, check, None)
        result = run_check(check)
        results.append(result)
        if on_progress:
            on_progress(index, total, check, result)
    return results
