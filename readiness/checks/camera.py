"""Is there a camera, does it give an image, and is the face visible and well lit?

The rules: ``judge_camera`` turns what the frames showed into a verdict, and
``judge_problem`` says what to do when there is no image. The flow that opens the
camera and looks at its frames, for the page and the command line alike, is
``readiness.checks.camera_flow``. The camera vocabulary the page needs (the cameras
listed, why one cannot be used) is re-exported here, so the window never imports
the devices.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from readiness.checks.titles import camera_title
from readiness.core.face_finder import Framing
from readiness.core.frame_analysis import CameraObservation
from readiness.core.i18n import translate
from readiness.core.image_quality import Lighting
from readiness.core.privacy_settings import PrivacyKind, privacy_measures, settings_steps
from readiness.core.result import CheckResult, Status
from readiness.devices.camera.model import CameraInfo, CameraProblem
from readiness.devices.camera.probe import looks_like_path

__all__ = [
    "CHECK_ID",
    "CameraInfo",
    "CameraProblem",
    "camera_title",
    "confidentiality_reminder",
    "judge_camera",
    "judge_problem",
    "looks_like_path",
    "observation_measures",
    "permission_advice",
]

CHECK_ID = "camera"


# --- verdicts -------------------------------------------------------------------


def observation_measures(observation: CameraObservation) -> dict[str, Any]:
    face = observation.face
    return {
        "width": observation.width,
        "height": observation.height,
        "fps": round(observation.fps, 1),
        "brightness": round(observation.brightness, 1),
        "contrast": round(observation.contrast, 1),
        "overexposed_pct": round(observation.clipped_share * 100, 1),
        "faces": observation.faces,
        "face_width_pct": round(face.width * 100, 1) if face else None,
        "lighting": str(observation.lighting),
        "framing": str(observation.framing) if observation.framing else None,
        "frozen": observation.frozen,
        "frames_analysed": observation.samples,
    }


def judge_camera(observation: CameraObservation, platform: str = sys.platform) -> CheckResult:
    """The verdict on what the frames showed: failed if black, warnings for light,
    face and frozen image; framing tips and the confidentiality reminder (more than one
    face in view) never lower the status."""
    findings: list[tuple[Status, str, tuple[str, ...]]] = []
    lighting = observation.lighting
    measures = observation_measures(observation)
    if lighting is Lighting.BLACK:
        findings.append((Status.FAILED, *_black(platform)))
        # Some Windows drivers and macOS give black frames to an app refused the camera.
        measures.update(privacy_measures(PrivacyKind.CAMERA, platform))
    elif lighting is not Lighting.GOOD:
        findings.append((Status.WARNING, *_LIGHTING[lighting]()))
    if observation.frozen:
        findings.append((Status.WARNING, *_frozen()))
    if lighting is not Lighting.BLACK and not observation.faces:
        findings.append((Status.WARNING, *_no_face(observation.uniform)))
    tips = _framing_tips(observation.framing)
    if observation.faces > 1:
        tips = (confidentiality_reminder(), *tips)
    title = camera_title()
    if not findings:
        summary = translate(
            "CameraCheck", "Bonne image : votre visage est visible et bien éclairé."
        )
        return CheckResult(CHECK_ID, Status.OK, title, summary, tips, measures)
    status = Status.FAILED if findings[0][0] is Status.FAILED else Status.WARNING
    summary = " ".join(text for _, text, _ in findings[:2])
    advice: list[str] = []
    for _, _, lines in findings:
        advice.extend(line for line in lines if line not in advice)
    return CheckResult(CHECK_ID, status, title, summary, (*advice, *tips), measures)


def _black(platform: str) -> tuple[str, tuple[str, ...]]:
    advice = (
        translate(
            "CameraCheck",
            "Ouvrez le cache de la caméra (le petit volet au-dessus de l'écran) "
            "ou retirez ce qui couvre l'objectif.",
        ),
        translate(
            "CameraCheck",
            "Si votre clavier a une touche avec une caméra barrée, appuyez dessus.",
        ),
    )
    if platform in ("win32", "darwin"):
        advice += (
            translate(
                "CameraCheck",
                "L'image peut aussi être noire quand l'ordinateur bloque l'accès à la "
                "caméra dans ses réglages de confidentialité.",
            ),
            *settings_steps(PrivacyKind.CAMERA, platform),
        )
    return translate("CameraCheck", "L'image est toute noire."), advice


def _dark() -> tuple[str, tuple[str, ...]]:
    return translate("CameraCheck", "L'image est trop sombre."), (
        translate(
            "CameraCheck",
            "Allumez une lampe placée devant vous, derrière l'écran, qui éclaire votre visage.",
        ),
    )


def _overexposed() -> tuple[str, tuple[str, ...]]:
    return translate("CameraCheck", "L'image est trop claire (surexposée)."), (
        translate(
            "CameraCheck",
            "Évitez le soleil direct sur vous ou sur la caméra : fermez un peu le rideau.",
        ),
    )


def _backlit() -> tuple[str, tuple[str, ...]]:
    return translate("CameraCheck", "Vous êtes à contre-jour : votre visage reste sombre."), (
        translate(
            "CameraCheck",
            "Évitez d'avoir une fenêtre derrière vous : tournez-vous vers elle, "
            "ou fermez le rideau et allumez une lampe devant vous.",
        ),
    )


_LIGHTING: dict[Lighting, Callable[[], tuple[str, tuple[str, ...]]]] = {
    Lighting.DARK: _dark,
    Lighting.OVEREXPOSED: _overexposed,
    Lighting.BACKLIT: _backlit,
}


def _frozen() -> tuple[str, tuple[str, ...]]:
    return translate("CameraCheck", "L'image ne bouge pas."), (
        translate(
            "CameraCheck",
            "Une autre application utilise peut-être la caméra (Zoom, Teams, un navigateur) : "
            "fermez-la, puis vérifiez à nouveau.",
        ),
    )


def _no_face(uniform: bool) -> tuple[str, tuple[str, ...]]:
    advice = [
        translate("CameraCheck", "Placez-vous face à la caméra, le visage bien en vue."),
    ]
    if uniform:
        advice.append(
            translate(
                "CameraCheck",
                "Vérifiez que rien ne couvre l'objectif (cache, autocollant, doigt).",
            )
        )
    return translate("CameraCheck", "Aucun visage n'est visible."), tuple(advice)


def confidentiality_reminder() -> str:
    """Said when more than one face is in view: a reminder, never a fault (a poster or a
    photograph can be a face, and nothing is recorded to find out)."""
    return translate(
        "CameraCheck",
        "Plus d'un visage apparaît à l'image (une photo ou une affiche peut aussi "
        "compter). Votre séance est confidentielle : vérifiez que personne d'autre ne "
        "peut la voir ni l'entendre.",
    )


def _framing_tips(framing: Framing | None) -> tuple[str, ...]:
    if framing is Framing.TOO_FAR:
        return (translate("CameraCheck", "Approchez-vous un peu de l'écran."),)
    if framing is Framing.OFF_CENTRE:
        return (translate("CameraCheck", "Placez-vous au milieu de l'image."),)
    if framing is Framing.TOO_LOW:
        return (
            translate(
                "CameraCheck",
                "Surélevez l'ordinateur (sur quelques livres) pour avoir la caméra "
                "à hauteur des yeux.",
            ),
        )
    return ()


# --- when there is no image at all ------------------------------------------------


def judge_problem(
    problem: CameraProblem, *, is_file: bool = False, platform: str = sys.platform
) -> CheckResult:
    """The verdict when the camera gives no image: always failed, with what to do."""
    summary, advice = _problem_text(problem, is_file, platform)
    measures: dict[str, Any] = {"problem": str(problem), "faces": 0}
    if not is_file and _maybe_refused(problem, platform):
        measures.update(privacy_measures(PrivacyKind.CAMERA, platform))
    return CheckResult(CHECK_ID, Status.FAILED, camera_title(), summary, advice, measures)


def _maybe_refused(problem: CameraProblem, platform: str) -> bool:
    """Windows and macOS do not always say a camera was refused: it then cannot be opened."""
    if problem is CameraProblem.PERMISSION_DENIED:
        return True
    return problem is CameraProblem.UNAVAILABLE and platform in ("win32", "darwin")


def _close_others() -> str:
    return translate(
        "CameraCheck",
        "Fermez les applications qui peuvent utiliser la caméra (Zoom, Teams, Skype, "
        "un onglet de navigateur en visio), puis vérifiez à nouveau.",
    )


def permission_advice(platform: str = sys.platform) -> str:
    """The steps to allow the camera, in one text."""
    return " ".join(settings_steps(PrivacyKind.CAMERA, platform))


def _problem_text(
    problem: CameraProblem, is_file: bool, platform: str
) -> tuple[str, tuple[str, ...]]:
    retry = translate(
        "CameraCheck",
        "Sans caméra, vous pourrez suivre la séance, mais votre consultante ne vous verra "
        "pas : prévenez-la.",
    )
    if is_file and problem is CameraProblem.NOT_FOUND:
        return translate("CameraCheck", "Le fichier vidéo est introuvable."), (
            translate("CameraCheck", "Vérifiez le chemin du fichier indiqué."),
        )
    if is_file and problem in (CameraProblem.UNREADABLE, CameraProblem.NO_FRAMES):
        return translate("CameraCheck", "Ce fichier vidéo ne peut pas être lu."), (
            translate("CameraCheck", "Indiquez une vidéo enregistrée en AVI ou MP4."),
        )
    if problem is CameraProblem.NOT_FOUND:
        return translate("CameraCheck", "Aucune caméra n'a été trouvée."), (
            translate(
                "CameraCheck",
                "Branchez votre webcam (ou vérifiez qu'elle est activée), puis vérifiez à nouveau.",
            ),
            retry,
        )
    if problem is CameraProblem.BUSY:
        return translate("CameraCheck", "La caméra est déjà utilisée par une autre application."), (
            _close_others(),
        )
    if problem is CameraProblem.PERMISSION_DENIED:
        return translate("CameraCheck", "L'accès à la caméra est refusé."), settings_steps(
            PrivacyKind.CAMERA, platform
        )
    if problem is CameraProblem.DISCONNECTED:
        return translate("CameraCheck", "La caméra s'est déconnectée."), (
            translate(
                "CameraCheck",
                "Rebranchez-la ou vérifiez son câble : l'image reviendra d'elle-même.",
            ),
        )
    if problem is CameraProblem.NO_FRAMES:
        return translate("CameraCheck", "La caméra ne donne aucune image."), (
            _close_others(),
            translate("CameraCheck", "Si c'est une webcam USB, débranchez-la et rebranchez-la."),
        )
    # UNAVAILABLE: the system did not say whether it is missing, busy or refused.
    if platform in ("win32", "darwin"):
        summary = translate(
            "CameraCheck",
            "La caméra n'a pas pu être ouverte : une autre application l'utilise peut-être, "
            "ou l'ordinateur en bloque l'accès dans ses réglages de confidentialité.",
        )
    else:
        summary = translate("CameraCheck", "La caméra n'a pas pu être ouverte.")
    return summary, (
        _close_others(),
        *settings_steps(PrivacyKind.CAMERA, platform),
        retry,
    )
