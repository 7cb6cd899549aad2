"""The checks' titles, in a module of their own: the window lists every step at
start-up, before any check's module (and the libraries it pulls in) is loaded."""

from __future__ import annotations

from readiness.core.i18n import translate


def camera_title() -> str:
    return translate("CameraCheck", "Caméra")


def microphone_title() -> str:
    return translate("MicrophoneCheck", "Micro")


def speakers_title() -> str:
    return translate("SpeakersCheck", "Haut-parleurs")


def network_title() -> str:
    return translate("NetworkCheck", "Connexion internet")


def processes_title() -> str:
    return translate("ProcessesCheck", "Applications ouvertes")


def zoom_title() -> str:
    return translate("ZoomCheck", "Application Zoom")
