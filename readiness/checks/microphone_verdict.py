"""The microphone's verdicts: is a voice heard well, too weak, clipping, or not at all,
and is the room quiet? One set of rules and words for the page and the command line.

The flow (``microphone_flow``) measures the room, then listens for a sentence with a
``SpeechTracker``; ``judge_speech`` says what it heard. Without a person (the command
line) the sentence never comes, and the verdict is the one the page gives when its
time is up: the same sound gives the same words.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from enum import StrEnum

from readiness.checks.audio_problems import Resume, problem_result
from readiness.checks.titles import microphone_title
from readiness.core.i18n import translate
from readiness.core.levels import FLOOR_DBFS, BlockLevel, is_noisy, speech_threshold
from readiness.core.privacy_settings import PrivacyKind, privacy_measures, settings_steps
from readiness.core.result import CheckResult, Status
from readiness.devices.audio.model import AudioProblem

CHECK_ID = "microphone"
#: Seconds of speech at a good level that prove the voice is heard.
SPEECH_NEEDED_S = 0.4


def microphone_problem(
    problem: AudioProblem,
    wanted: str | None,
    *,
    offered: Sequence[str] = (),
    resume: Resume = "check",
) -> CheckResult:
    """Why the microphone cannot be used; ``offered``: the names to suggest instead."""
    return problem_result(
        CHECK_ID,
        microphone_title(),
        problem,
        "input",
        wanted=wanted or "",
        offered=offered if problem is AudioProblem.NOT_FOUND else (),
        resume=resume,
    )


# --- advice shared by the check and the page -----------------------------------


def noise_advice() -> tuple[str, ...]:
    """The guide's words on the room and the microphone."""
    return (
        translate(
            "MicrophoneCheck",
            "Installez-vous dans un espace calme et isolé : fermez la fenêtre, "
            "éteignez la télévision ou la radio.",
        ),
        translate(
            "MicrophoneCheck",
            "Pendant la séance, coupez votre micro quand vous ne parlez pas.",
        ),
    )


def _mute_switch_advice() -> str:
    return translate(
        "MicrophoneCheck",
        "Vérifiez que le micro n'est pas coupé : bouton ou touche de sourdine, "
        "sur le casque ou sur le clavier.",
    )


def weak_advice() -> tuple[str, ...]:
    return (
        translate("MicrophoneCheck", "Rapprochez-vous du micro (ou de l'ordinateur)."),
        _mute_switch_advice(),
        translate(
            "MicrophoneCheck",
            "Montez le volume d'entrée du micro dans les réglages du son de l'ordinateur.",
        ),
    )


def silent_advice(platform: str = sys.platform) -> tuple[str, ...]:
    """Exact zeros: what Windows and macOS give an app refused the microphone, so there
    the privacy settings' steps come in full."""
    steps = settings_steps(PrivacyKind.MICROPHONE, platform) if _refusal_silences(platform) else ()
    privacy = steps or (
        translate(
            "MicrophoneCheck",
            "Vérifiez que l'ordinateur autorise l'accès au micro (réglages de confidentialité).",
        ),
    )
    return (
        _mute_switch_advice(),
        *privacy,
        translate("MicrophoneCheck", "Ou choisissez un autre micro dans la liste."),
    )


def _refusal_silences(platform: str) -> bool:
    # A refused microphone still opens there, and gives exact zeros (digital silence).
    return platform in ("win32", "darwin")


def clipping_advice() -> tuple[str, ...]:
    return (
        translate("MicrophoneCheck", "Éloignez-vous un peu du micro, ou parlez un peu moins fort."),
        translate(
            "MicrophoneCheck",
            "Baissez le volume d'entrée du micro dans les réglages du son de l'ordinateur.",
        ),
    )


# --- the page's "say a sentence" --------------------------------------------------


class SpeechVerdict(StrEnum):
    LISTENING = "listening"
    GOOD = "good"
    WEAK = "weak"
    CLIPPED = "clipped"
    SILENT = "silent"


class SpeechTracker:
    """Follows the blocks of sound while the user says a sentence."""

    def __init__(self, noise_floor_dbfs: float, needed_s: float = SPEECH_NEEDED_S):
        self.noise_floor_dbfs = noise_floor_dbfs
        self.threshold_dbfs = speech_threshold(noise_floor_dbfs)
        self.needed_s = needed_s
        self.loud_s = 0.0
        self.heard_s = 0.0
        self.loudest_dbfs = FLOOR_DBFS
        self.peak_dbfs = FLOOR_DBFS
        self.clipped = False
        self.any_sound = False

    def add(self, block: BlockLevel, samplerate: float) -> None:
        duration = block.frames / samplerate
        self.heard_s += duration
        self.loudest_dbfs = max(self.loudest_dbfs, block.rms_dbfs)
        self.peak_dbfs = max(self.peak_dbfs, block.peak_dbfs)
        self.any_sound = self.any_sound or not block.digital_silence
        self.clipped = self.clipped or block.clipping
        if block.rms_dbfs >= self.threshold_dbfs:
            self.loud_s += duration

    def verdict(self, *, timed_out: bool) -> SpeechVerdict:
        if self.clipped:
            return SpeechVerdict.CLIPPED
        if self.loud_s >= self.needed_s:
            return SpeechVerdict.GOOD
        if not timed_out:
            return SpeechVerdict.LISTENING
        return SpeechVerdict.WEAK if self.any_sound else SpeechVerdict.SILENT


def judge_speech(
    tracker: SpeechTracker,
    verdict: SpeechVerdict,
    device: str,
    listen_s: float | None = None,
    *,
    platform: str = sys.platform,
) -> CheckResult:
    """``listen_s``: how long the sentence was waited for (reported with the measures).
    SILENT means only digital silence came (``SpeechTracker.any_sound``)."""
    title = microphone_title()
    noisy = is_noisy(tracker.noise_floor_dbfs)
    measures = {
        "level_dbfs": round(tracker.loudest_dbfs, 1),
        "peak_dbfs": round(tracker.peak_dbfs, 1),
        "noise_floor_dbfs": round(tracker.noise_floor_dbfs, 1),
        "clipping": tracker.clipped,
        "device": device,
    }
    if listen_s is not None:
        measures["listen_s"] = listen_s
    room = noise_advice() if noisy else ()
    if verdict is SpeechVerdict.GOOD:
        if noisy:
            summary = translate(
                "MicrophoneCheck",
                "Nous vous entendons bien, mais il y a du bruit autour de vous : "
                "les autres participants l'entendront.",
            )
            return CheckResult(CHECK_ID, Status.WARNING, title, summary, room, measures)
        summary = translate("MicrophoneCheck", "Nous vous entendons bien.")
        return CheckResult(CHECK_ID, Status.OK, title, summary, (), measures)
    if verdict is SpeechVerdict.CLIPPED:
        summary = translate(
            "MicrophoneCheck", "Votre voix sature : elle arrivera déformée aux autres."
        )
        advice = clipping_advice() + room
    elif verdict is SpeechVerdict.SILENT and _refusal_silences(platform):
        summary = translate(
            "MicrophoneCheck",
            "Nous n'entendons aucun son : le micro est peut-être coupé, ou l'ordinateur "
            "en bloque l'accès dans ses réglages de confidentialité.",
        )
        advice = silent_advice(platform)
        measures.update(privacy_measures(PrivacyKind.MICROPHONE, platform))
    elif verdict is SpeechVerdict.SILENT:
        summary = translate(
            "MicrophoneCheck", "Nous n'entendons aucun son : le micro est peut-être coupé."
        )
        advice = silent_advice(platform)
    else:
        summary = translate("MicrophoneCheck", "Votre voix nous parvient trop faiblement.")
        advice = weak_advice() + room
    return CheckResult(CHECK_ID, Status.WARNING, title, summary, advice, measures)
