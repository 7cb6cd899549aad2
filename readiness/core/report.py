"""The report of a run: what ``readiness check --json`` prints."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from readiness import __version__
from readiness.core.result import CheckResult, verdict
from readiness.core.screen_sharing import sharing_in_results


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


def quality_report(
    results: Sequence[CheckResult],
    started_at: datetime,
    finished_at: datetime,
    *,
    organisation: str,
    display_name: str,
    operating_system: str,
    joined_at: datetime | None = None,
    room: Mapping[str, bool] | None = None,
) -> dict[str, Any]:
    """The report for the quality file (Qualiopi): the ``check --json`` format, plus who,
    where, and when the join button was used. No image and no sound, by construction.

    ``room``: the room checklist's answers (``RoomChecklist.answers``), each item confirmed
    or not; None where it was not offered (the command line)."""
    report = report_json(results, started_at, finished_at)
    report.update(
        organisation=organisation,
        display_name=display_name,
        operating_system=operating_system,
        joined_at=joined_at.isoformat(timespec="seconds") if joined_at else None,
        room=dict(room) if room is not None else None,
        # What the summary said: do the line and the system allow screen sharing?
        screen_sharing=sharing_in_results(results),
    )
    return report


def describe_os() -> str:
    """ "Windows 11 (10.0.22631)", "macOS 14.5", "Linux 6.1 (Debian GNU/Linux 12)"."""
    import platform

    system = platform.system()
    if system == "Darwin":
        return f"macOS {platform.mac_ver()[0]}".strip()
    if system == "Windows":
        return f"Windows {platform.release()} ({platform.version()})"
    try:
        pretty = platform.freedesktop_os_release().get("PRETTY_NAME", "")
    except OSError:
        pretty = ""
    release = platform.release().split("-")[0]
    return f"{system} {release}" + (f" ({pretty})" if pretty else "")
