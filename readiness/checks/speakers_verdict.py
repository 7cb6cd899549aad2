"""The speakers' verdicts: was the test sound played, did the microphone hear it, and
what the person says they heard. One set of rules and words for the page and the
command line.

Heard by the microphone proves the speakers work. Not heard proves nothing
(headphones, an echo canceller), so it is never reported as a failure: only a
sound that could not be played is, or a person who says they hear nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from readiness.checks.audio_problems import Resume, problem_result
from readiness.checks.titles import speakers_title
from readiness.core.i18n import translate
from readiness.core.result import CheckResult, Status
from readiness.devices.audio.model import AudioProblem

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger(__name__)

CHECK_ID = "speakers"


def hears_chime(samples: np.ndarray, rate: float) -> bool:
    from readiness.core.chime import detect_chime

    detection = detect_chime(samples, rate)
    log.debug("test sound detection: %s", detection)
    return detection.heard


def speakers_problem(
    problem: AudioProblem,
    wanted: str | None,
    *,
    offered: Sequence[str] = (),
    resume: Resume = "check",
) -> CheckResult:
    """Why the sound cannot be played; ``offered``: the names to suggest instead."""
    return problem_result(
        CHECK_ID,
        speakers_title(),
        problem,
        "output",
        wanted=wanted or "",
        offered=offered if problem is AudioProblem.NOT_FOUND else (),
        resume=resume,
        measures={"played": False, "heard_by_microphone": None},
    )


def headset_advice() -> str:
    return translate(
        "SpeakersCheck",
        "Pendant la séance, un casque ou des écouteurs évitent que les autres "
        "entendent leur propre voix en écho.",
    )


def not_heard_advice() -> tuple[str, ...]:
    """When the person hears nothing: the volume, the output, the headset."""
    return (
        translate(
            "SpeakersCheck",
            "Montez le volume de l'ordinateur, et vérifiez que le son n'est pas coupé.",
        ),
        translate(
            "SpeakersCheck", "Choisissez une autre sortie son dans la liste, puis rejouez le son."
        ),
        translate(
            "SpeakersCheck",
            "Avec un casque : vérifiez qu'il est bien branché, ou connecté en Bluetooth.",
        ),
    )


def judge_playback(
    played: bool, heard: bool | None, device: str, microphone: str | None
) -> CheckResult:
    title = speakers_title()
    measures = {
        "played": played,
        "heard_by_microphone": heard,
        "device": device,
        "microphone": microphone,
    }
    if not played:
        return CheckResult(
            CHECK_ID,
            Status.FAILED,
            title,
            translate("SpeakersCheck", "Le son de test n'a pas pu être joué jusqu'au bout."),
            not_heard_advice(),
            measures,
        )
    if heard:
        return CheckResult(
            CHECK_ID,
            Status.OK,
            title,
            translate(
                "SpeakersCheck",
                "Le son de test a été joué et le micro l'a entendu : les haut-parleurs "
                "fonctionnent.",
            ),
            (headset_advice(),),
            measures,
        )
    if heard is False:
        summary = translate(
            "SpeakersCheck",
            "Le son de test a été joué. Le micro ne l'a pas entendu : c'est normal avec un casque.",
        )
    else:
        summary = translate("SpeakersCheck", "Le son de test a été joué.")
    return CheckResult(CHECK_ID, Status.OK, title, summary, (), measures)


def judge_answer(hears: bool, heard_by_microphone: bool | None, device: str) -> CheckResult:
    """The page's verdict once the person said whether they heard the sound."""
    title = speakers_title()
    measures = {
        "played": True,
        "heard_by_microphone": heard_by_microphone,
        "heard_by_user": hears,
        "device": device,
    }
    if hears:
        advice = (headset_advice(),) if heard_by_microphone else ()
        summary = translate(
            "SpeakersCheck", "Vous entendez le son : vos haut-parleurs fonctionnent."
        )
        return CheckResult(CHECK_ID, Status.OK, title, summary, advice, measures)
    if heard_by_microphone:
        summary = translate(
            "SpeakersCheck",
            "Le son sort bien (le micro l'a entendu), mais trop faiblement pour vous.",
        )
        return CheckResult(CHECK_ID, Status.WARNING, title, summary, not_heard_advice(), measures)
    summary = translate("SpeakersCheck", "Vous n'entendez pas le son de test.")
    return CheckResult(CHECK_ID, Status.FAILED, title, summary, not_heard_advice(), measures)
