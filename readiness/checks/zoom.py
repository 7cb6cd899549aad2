"""Is the Zoom app installed, and do ``zoommtg://`` links open it?"""

from __future__ import annotations

import os
import sys

from readiness.checks.titles import zoom_title
from readiness.core.i18n import translate
from readiness.core.result import CheckResult, Status
from readiness.core.screen_sharing import system_advice, system_measures, system_sharing
from readiness.devices.zoom import ZoomFinder, ZoomInstall


class ZoomCheck:
    id = "zoom"
    timeout_s = 15.0

    def __init__(
        self,
        finder: ZoomFinder,
        *,
        platform: str = sys.platform,
        session_type: str | None = None,
    ):
        """``session_type``: ``XDG_SESSION_TYPE`` as data; None: read when run."""
        self._finder = finder
        self._platform = platform
        self._session_type = session_type

    def title(self) -> str:
        return zoom_title()

    def run(self) -> CheckResult:
        session_type = self._session_type
        if session_type is None:
            session_type = os.environ.get("XDG_SESSION_TYPE")
        return judge_zoom_install(
            self._finder.find(), self.title(), platform=self._platform, session_type=session_type
        )


def judge_zoom_install(
    install: ZoomInstall,
    title: str,
    *,
    platform: str = sys.platform,
    session_type: str | None = None,
) -> CheckResult:
    """Installed and declared for links, and what the system asks before Zoom can share
    the screen (advice that never lowers the status: it cannot be read from here)."""
    measures = {
        "installed": install.installed,
        "handler_registered": install.handler_registered,
        "location": install.location,
        "version": install.version,
        "handler": install.handler,
        **system_measures(platform, session_type),
    }
    sharing = system_advice(system_sharing(platform, session_type))
    browser_fallback = translate(
        "ZoomCheck",
        "En attendant, le bouton « Rejoindre » ouvrira la réunion dans votre navigateur.",
    )
    if install.installed and install.handler_registered:
        if install.version:
            summary = translate(
                "ZoomCheck", "L'application Zoom est installée (version {version})."
            ).format(version=install.version)
        else:
            summary = translate("ZoomCheck", "L'application Zoom est installée.")
        return CheckResult("zoom", Status.OK, title, summary, sharing, measures)
    if install.installed:
        return CheckResult(
            "zoom",
            Status.WARNING,
            title,
            translate(
                "ZoomCheck", "Zoom est installé, mais les liens de réunion ne l'ouvrent pas encore."
            ),
            (
                translate(
                    "ZoomCheck",
                    "Ouvrez Zoom une fois, puis fermez-le : il se déclare alors pour les liens.",
                ),
                browser_fallback,
                *sharing,
            ),
            measures,
        )
    return CheckResult(
        "zoom",
        Status.WARNING,
        title,
        translate("ZoomCheck", "L'application Zoom n'est pas installée sur cet ordinateur."),
        (
            translate(
                "ZoomCheck",
                "Installez Zoom depuis zoom.us/download : c'est gratuit et prend quelques minutes.",
            ),
            browser_fallback,
            *sharing,
        ),
        measures,
    )
