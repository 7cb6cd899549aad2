"""The report of a run: what ``readiness check --json`` prints."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from readiness import __version__
from readiness.core.result import CheckResult, verdict


def report_json(
    results: Sequence[CheckResult], started_at: datetime, finished_at: datetime
) -> dict[str, Any]:
    return {
        "verdict": str(verdict(results)),
        "started_at": started_at.isoformat(timespec="seconds"),
        "finished_at": finished_at.isoformat(timespec="seconds"),
        "app_version": __version__,
        "checks": [result.to_json() for result in results],
    }
