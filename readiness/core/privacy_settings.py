"""The system's privacy settings for the camera, the microphone and screen recording.

Windows 10/11 and macOS let each app use the camera and the microphone only once
allowed (macOS asks once, and a refusal sticks); macOS also asks it for screen
recording, which Zoom needs to share the screen. A result that may come from such a
refusal names the settings page in its measures (``MEASURE_KEY``: the kind), so the
window offers a button to it and ``readiness check`` prints its address.

Addresses: Microsoft's "Launch Windows Settings" (the ms-settings: URI scheme);
Apple's System Settings panes under ``com.apple.preference.security``.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from readiness.core.i18n import translate

#: The result's measure naming the settings page that may solve it.
MEASURE_KEY = "privacy_settings"


class PrivacyKind(StrEnum):
    CAMERA = "camera"
    MICROPHONE = "microphone"
    SCREEN = "screen"


_MAC_PANE = "x-apple.systempreferences:com.apple.preference.security?"

_URIS: dict[tuple[str, PrivacyKind], str] = {
    ("win32", PrivacyKind.CAMERA): "ms-settings:privacy-webcam",
    ("win32", PrivacyKind.MICROPHONE): "ms-settings:privacy-microphone",
    # Windows asks nothing for sharing the screen.
    ("darwin", PrivacyKind.CAMERA): _MAC_PANE + "Privacy_Camera",
    ("darwin", PrivacyKind.MICROPHONE): _MAC_PANE + "Privacy_Microphone",
    ("darwin", PrivacyKind.SCREEN): _MAC_PANE + "Privacy_ScreenCapture",
}


def parse_kind(value: object) -> PrivacyKind | None:
    """The kind a result's measures name, or None (absent or unknown)."""
    try:
        return PrivacyKind(str(value)) if value is not None else None
    except ValueError:
        return None


def settings_uri(kind: PrivacyKind | str, platform: str) -> str | None:
    """The address that opens the settings page, or None where the system has none."""
    parsed = parse_kind(kind)
    return _URIS.get((platform, parsed)) if parsed is not None else None


def privacy_measures(kind: PrivacyKind, platform: str) -> dict[str, Any]:
    """The measure to add to a result: only where the system has a settings page."""
    return {MEASURE_KEY: str(kind)} if settings_uri(kind, platform) else {}


def settings_steps(kind: PrivacyKind | str, platform: str) -> tuple[str, ...]:
    """What to do in the settings, in French; () where there is nothing to allow."""
    parsed = parse_kind(kind)
    if parsed is None:
        return ()
    if platform == "darwin":
        return _mac_steps(parsed)
    if platform == "win32":
        return _windows_steps(parsed)
    if parsed is PrivacyKind.CAMERA:
        return (
            translate(
                "CameraCheck",
                "Votre compte n'a pas le droit d'utiliser la caméra : demandez à la personne "
                "qui gère cet ordinateur de vous ajouter au groupe « video ».",
            ),
        )
    return ()


def _mac_steps(kind: PrivacyKind) -> tuple[str, ...]:
    # macOS gives a running app the access it was refused only once it is reopened.
    reopen = translate(
        "PrivacySettings",
        "Ensuite, quittez « Préparer ma séance » et rouvrez-la : macOS ne donne l'accès "
        "qu'à une application rouverte.",
    )
    if kind is PrivacyKind.CAMERA:
        return (
            translate(
                "CameraCheck",
                "Ouvrez Réglages Système > Confidentialité et sécurité > Caméra, "
                "et autorisez « Préparer ma séance ».",
            ),
            reopen,
        )
    if kind is PrivacyKind.MICROPHONE:
        return (
            translate(
                "PrivacySettings",
                "Ouvrez Réglages Système > Confidentialité et sécurité > Micro, "
                "et autorisez « Préparer ma séance ».",
            ),
            reopen,
        )
    return (
        translate(
            "PrivacySettings",
            "Ouvrez Réglages Système > Confidentialité et sécurité > Enregistrement de "
            "l'écran, et autorisez « zoom.us ».",
        ),
        translate(
            "PrivacySettings",
            "macOS propose alors de quitter Zoom et de le rouvrir : acceptez, le partage "
            "d'écran n'est possible qu'après.",
        ),
    )


def _windows_steps(kind: PrivacyKind) -> tuple[str, ...]:
    if kind is PrivacyKind.CAMERA:
        return (
            translate(
                "CameraCheck",
                "Ouvrez Paramètres > Confidentialité et sécurité > Caméra, et activez "
                "« Accès à la caméra » et « Autoriser les applications de bureau à accéder "
                "à votre caméra ».",
            ),
        )
    if kind is PrivacyKind.MICROPHONE:
        return (
            translate(
                "PrivacySettings",
                "Ouvrez Paramètres > Confidentialité et sécurité > Microphone, et activez "
                "« Accès au microphone » et « Autoriser les applications de bureau à "
                "accéder à votre microphone ».",
            ),
        )
    return ()
