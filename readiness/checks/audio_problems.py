"""What to tell the user when a microphone or speakers cannot be used.

Shared by the microphone and speakers checks and their pages, so the command
line and the window say the same thing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from readiness.core.i18n import translate
from readiness.core.result import CheckResult, Status
from readiness.devices.audio.model import AudioProblem, Kind


def problem_summary(problem: AudioProblem, kind: Kind, wanted: str = "") -> str:
    microphone = kind == "input"
    if problem is AudioProblem.NO_PORTAUDIO:
        return translate(
            "AudioProblem",
            "Le composant qui donne accès au son (PortAudio) manque sur cet ordinateur.",
        )
    if problem is AudioProblem.NO_DEVICE:
        if microphone:
            return translate("AudioProblem", "Aucun micro n'a été trouvé.")
        return translate(
            "AudioProblem", "Aucune sortie son (haut-parleurs, casque) n'a été trouvée."
        )
    if problem is AudioProblem.NOT_FOUND:
        if microphone:
            return translate("AudioProblem", "Le micro « {name} » n'a pas été trouvé.").format(
                name=wanted
            )
        return translate("AudioProblem", "La sortie son « {name} » n'a pas été trouvée.").format(
            name=wanted
        )
    if problem is AudioProblem.BUSY:
        if microphone:
            return translate("AudioProblem", "Le micro est déjà utilisé par une autre application.")
        return translate(
            "AudioProblem", "La sortie son est déjà utilisée par une autre application."
        )
    if problem is AudioProblem.GONE:
        if microphone:
            return translate("AudioProblem", "Le micro a été débranché ou ne répond plus.")
        return translate("AudioProblem", "La sortie son a été débranchée ou ne répond plus.")
    if microphone:
        return translate("AudioProblem", "Le micro n'a pas pu être ouvert.")
    return translate("AudioProblem", "La sortie son n'a pas pu être ouverte.")


#: How the user gets going again: "check" (run the headless check again), "auto" (the
#: page tries again by itself), "button" (the page's own button tries again).
Resume = Literal["check", "auto", "button"]


def problem_advice(
    problem: AudioProblem, kind: Kind, *, resume: Resume = "check", offered: Sequence[str] = ()
) -> tuple[str, ...]:
    """What to do, in the order to do it."""
    microphone = kind == "input"
    if problem is AudioProblem.NO_PORTAUDIO:
        return (
            translate(
                "AudioProblem",
                "Sous Linux, installez le paquet « libportaudio2 » "
                "(sudo apt install libportaudio2), puis relancez l'application.",
            ),
            translate("AudioProblem", "Si vous ne savez pas le faire, prévenez votre consultante."),
        )
    if problem is AudioProblem.NO_DEVICE:
        plug = (
            translate("AudioProblem", "Branchez un micro ou un casque avec micro.")
            if microphone
            else translate("AudioProblem", "Branchez un casque ou des haut-parleurs.")
        )
        system = translate(
            "AudioProblem",
            "Vérifiez que le son fonctionne sur l'ordinateur (essayez une vidéo) ; "
            "au besoin, redémarrez-le.",
        )
        return (plug, then(resume, kind), system)
    if problem is AudioProblem.NOT_FOUND:
        advice = [
            translate("AudioProblem", "Vérifiez qu'il est bien branché, ou choisissez-en un autre.")
            if microphone
            else translate(
                "AudioProblem",
                "Vérifiez que l'appareil est bien branché, ou choisissez une autre sortie son.",
            )
        ]
        if offered:
            advice.append(
                translate("AudioProblem", "Disponibles : {names}.").format(names=", ".join(offered))
            )
        return tuple(advice)
    if problem is AudioProblem.BUSY:
        return (
            translate(
                "AudioProblem",
                "Fermez les applications qui peuvent l'utiliser (Zoom, Teams, Skype, "
                "votre navigateur).",
            ),
            then(resume, kind),
        )
    if problem is AudioProblem.GONE:
        return (
            translate("AudioProblem", "Rebranchez-le (ou reconnectez votre casque Bluetooth).")
            if microphone
            else translate(
                "AudioProblem",
                "Rebranchez votre casque ou vos haut-parleurs (ou reconnectez-les en Bluetooth).",
            ),
            then(resume, kind),
        )
    return (
        translate("AudioProblem", "Choisissez-en un autre dans la liste, puis réessayez.")
        if microphone
        else translate(
            "AudioProblem", "Choisissez une autre sortie son dans la liste, puis réessayez."
        ),
        translate("AudioProblem", "Si cela continue, redémarrez l'ordinateur."),
    )


def then(resume: Resume, kind: Kind) -> str:
    """The last step: how things get going again."""
    if resume == "auto" and kind == "input":
        return translate(
            "AudioProblem", "La mesure reprendra d'elle-même dès que le micro sera disponible."
        )
    if resume == "auto":
        return translate(
            "AudioProblem", "Cette page le verra d'elle-même dès qu'une sortie son sera disponible."
        )
    if resume == "button":
        return translate("AudioProblem", "Puis cliquez à nouveau sur « Jouer le son de test ».")
    return translate("AudioProblem", "Puis relancez la vérification.")


def problem_result(
    check_id: str,
    title: str,
    problem: AudioProblem,
    kind: Kind,
    *,
    wanted: str = "",
    offered: Sequence[str] = (),
    resume: Resume = "check",
    measures: dict | None = None,
) -> CheckResult:
    return CheckResult(
        check_id,
        Status.FAILED,
        title,
        problem_summary(problem, kind, wanted),
        problem_advice(problem, kind, resume=resume, offered=offered),
        {"problem": str(problem), **(measures or {})},
    )
