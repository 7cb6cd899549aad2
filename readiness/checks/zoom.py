"""Is the Zoom app installed, and do ``zoommtg://`` links open it?"""

from __future__ import annotations

from readiness.checks.titles import zoom_title
from readiness.core.i18n import translate
from readiness.core.result import CheckResult, Status
from readiness.devices.zoom import ZoomFinder, ZoomInstall


class ZoomCheck:
    id = "zoom"
    timeout_s = 15.0

    def __init__(self, finder: ZoomFinder):
        self._finder = finder

    def title(self) -> str:
        return zoom_title()

    def run(self) -> CheckResult:
        return judge_zoom_install(self._finder.find(), self.title())


def judge_zoom_install(install: ZoomInstall, title: str) -> CheckResult:
    measures = {
        "installed": install.installed,
        "handler_registered": install.handler_registered,
        "location": install.location,
        "version": install.version,
        "handler": install.handler,
    }
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
        return CheckResult("zoom", Status.OK, title, summary, (), measures)
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
        ),
        measures,
    )
