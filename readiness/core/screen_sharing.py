"""Will Zoom's screen sharing work, which every session uses for shared documents?

Two things decide: the system, and the line.

- macOS lets Zoom share the screen only once allowed under Privacy > Screen
  Recording; whether it is cannot be read from here (the system keeps it to
  itself), so the person is told what to allow and where, before the session.
- Linux under Wayland: Zoom's sharing is limited (depending on the desktop, one
  window at most, or nothing); an X11 session shares as usual.
- Windows asks nothing.

The line must send what Zoom needs to share the screen while the person speaks
(``zoom_needs.ZOOM_NEEDS``: screen sharing plus audio).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import Any

from readiness.core.i18n import decimal, translate
from readiness.core.privacy_settings import PrivacyKind, privacy_measures, settings_steps
from readiness.core.zoom_needs import ZOOM_NEEDS

#: The Zoom check's measure saying what the system allows (a ``SystemSharing`` value).
MEASURE_KEY = "screen_sharing"
#: Upload needed to share the screen while speaking, in Mbit/s.
SHARING_UPLOAD_MBPS = ZOOM_NEEDS["screen_share"].upload_mbps + ZOOM_NEEDS["audio"].upload_mbps


class SystemSharing(StrEnum):
    #: Nothing to allow (Windows, Linux under X11 or a session type not said).
    READY = "ready"
    #: macOS: Zoom must be allowed under Screen Recording.
    NEEDS_PERMISSION = "needs_permission"
    #: Linux under Wayland: Zoom shares little or nothing.
    LIMITED = "limited"


def system_sharing(platform: str, session_type: str | None) -> SystemSharing:
    """``session_type``: ``XDG_SESSION_TYPE`` (``wayland``, ``x11``...), None if unset."""
    if platform == "darwin":
        return SystemSharing.NEEDS_PERMISSION
    if platform.startswith("linux") and (session_type or "").strip().lower() == "wayland":
        return SystemSharing.LIMITED
    return SystemSharing.READY


def line_allows_sharing(upload_mbps: float | None) -> bool | None:
    """None when the line's upload was not measured."""
    if upload_mbps is None:
        return None
    return upload_mbps >= SHARING_UPLOAD_MBPS


def system_advice(system: SystemSharing) -> tuple[str, ...]:
    """What to do before the session for the system to let Zoom share the screen."""
    if system is SystemSharing.NEEDS_PERMISSION:
        return (
            translate(
                "ScreenSharing",
                "Pour partager votre écran pendant la séance, Zoom doit en avoir "
                "l'autorisation sur ce Mac.",
            ),
            *settings_steps(PrivacyKind.SCREEN, "darwin"),
        )
    if system is SystemSharing.LIMITED:
        return (
            translate(
                "ScreenSharing",
                "Votre session de bureau utilise Wayland : Zoom n'y partage l'écran qu'en "
                "partie (parfois une seule fenêtre, parfois rien).",
            ),
            translate(
                "ScreenSharing",
                "Pour partager sans souci, choisissez à l'écran de connexion une session X11 "
                "(par exemple « Ubuntu sur Xorg », sous la roue dentée), ou partagez une "
                "seule fenêtre plutôt que tout l'écran.",
            ),
        )
    return ()


def system_measures(platform: str, session_type: str | None) -> dict[str, Any]:
    """The Zoom check's measures on sharing: what the system allows, and the settings
    page to open on macOS."""
    system = system_sharing(platform, session_type)
    measures: dict[str, Any] = {MEASURE_KEY: str(system)}
    if system is SystemSharing.NEEDS_PERMISSION:
        measures.update(privacy_measures(PrivacyKind.SCREEN, platform))
    return measures


def sharing_sentence(system: SystemSharing | None, upload_mbps: float | None) -> str:
    """One sentence for the summary: does the line, does the system allow sharing?
    ``system`` None: the Zoom check has not run."""
    line_ok = line_allows_sharing(upload_mbps)
    if line_ok is None:
        line = translate("ScreenSharing", "la connexion n'a pas encore été mesurée")
    elif line_ok:
        line = translate("ScreenSharing", "la connexion le permet")
    else:
        line = translate(
            "ScreenSharing", "la connexion envoie trop peu ({upload} Mbit/s, il en faut {need})"
        ).format(upload=decimal(upload_mbps or 0.0, 2), need=decimal(SHARING_UPLOAD_MBPS, 2))
    if system is None:
        computer = translate("ScreenSharing", "l'ordinateur n'a pas encore été vérifié")
    elif system is SystemSharing.NEEDS_PERMISSION:
        computer = translate(
            "ScreenSharing", "sur ce Mac, Zoom doit être autorisé à enregistrer l'écran"
        )
    elif system is SystemSharing.LIMITED:
        computer = translate("ScreenSharing", "sous Wayland, Zoom ne partage l'écran qu'en partie")
    else:
        computer = translate("ScreenSharing", "l'ordinateur le permet")
    return translate("ScreenSharing", "Partage d'écran : {line} ; {computer}.").format(
        line=line, computer=computer
    )


def sharing_in_results(results: Iterable[Any]) -> str:
    """The summary's sentence from the run's results (``CheckResult``s): the Zoom check's
    measure for the system, the network check's upload for the line."""
    by_id: dict[str, Mapping[str, Any]] = {r.check_id: r.measures for r in results}
    system = _parse_system(by_id.get("zoom", {}).get(MEASURE_KEY))
    upload = by_id.get("network", {}).get("upload_mbps")
    return sharing_sentence(system, upload if isinstance(upload, int | float) else None)


def _parse_system(value: object) -> SystemSharing | None:
    try:
        return SystemSharing(str(value)) if value is not None else None
    except ValueError:
        return None
