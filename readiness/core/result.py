"""The result every check returns, and the overall verdict derived from results."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from readiness.core.i18n import translate


class Status(StrEnum):
    OK = "ok"
    WARNING = "warning"
    FAILED = "failed"
    SKIPPED = "skipped"


class Verdict(StrEnum):
    READY = "ready"
    WARNINGS = "warnings"
    NOT_READY = "not_ready"

    @property
    def exit_code(self) -> int:
        from readiness.core import exit_codes

        return {
            Verdict.READY: exit_codes.READY,
            Verdict.WARNINGS: exit_codes.WARNINGS,
            Verdict.NOT_READY: exit_codes.NOT_READY,
        }[self]


@dataclass(frozen=True)
class CheckResult:
    """What one check found.

    ``measures`` holds plain JSON values; a unit, when there is one, ends the key
    (``download_mbps``, ``latency_ms``) so the JSON stays flat and self-describing.
    """

    check_id: str
    status: Status
    title: str
    summary: str
    advice: tuple[str, ...] = ()
    measures: Mapping[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.check_id,
            "status": str(self.status),
            "title": self.title,
            "summary": self.summary,
            "advice": list(self.advice),
            "measures": dict(self.measures),
        }


def verdict(results: Iterable[CheckResult]) -> Verdict:
    """A failure outweighs warnings; skipped checks are neutral."""
    statuses = {r.status for r in results}
    if Status.FAILED in statuses:
        return Verdict.NOT_READY
    if Status.WARNING in statuses:
        return Verdict.WARNINGS
    return Verdict.READY


def status_word(status: Status) -> str:
    """A result's status in one word, as the badges, the report and the mail say it."""
    words = {
        Status.OK: translate("Status", "Bon"),
        Status.WARNING: translate("Status", "À améliorer"),
        Status.FAILED: translate("Status", "Problème"),
        Status.SKIPPED: translate("Status", "Non vérifié"),
    }
    return words[status]


def verdict_title(value: Verdict) -> str:
    titles = {
        Verdict.READY: translate("Verdict", "Tout est prêt"),
        Verdict.WARNINGS: translate("Verdict", "Prêt, avec des points à améliorer"),
        Verdict.NOT_READY: translate("Verdict", "Un problème empêche la séance"),
    }
    return titles[value]
