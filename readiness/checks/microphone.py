"""Does the microphone capture sound, is the room quiet, and is a voice heard well?

The headless check listens for a few seconds and reports the level of the
loudest second, the peak, the noise floor (the quietest second) and clipping.
The microphone page adds the part that needs a person (say a sentence) with a
``SpeechTracker``, and judges with the same rules and words.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from readiness.checks.audio_problems import Resume, problem_result
from readiness.checks.titles import microphone_title
from readiness.core.device_choice import DEFAULT_LISTEN_S
from readiness.core.i18n import translate
from readiness.core.levels import (
    FLOOR_DBFS,
    BlockLevel,
    RecordingLevels,
    is_noisy,
    speech_threshold,
)
from readiness.core.result import CheckResult, Status
from readiness.devices.audio.model import AudioDevice, AudioError, AudioProblem, Kind

if TYPE_CHECKING:
    from readiness.devices.audio.streams import Capture

CHECK_ID = "microphone"
#: Seconds of speech at a good level that prove the voice is heard.
SPEECH_NEEDED_S = 0.4


class MicrophoneCheck:
    id = CHECK_ID

    def __init__(
        self,
        device: str | None = None,
        listen_s: float = DEFAULT_LISTEN_S,
        *,
        resolve: Callable[[str | None], AudioDevice] | None = None,
        open_capture: Callable[[AudioDevice], Capture] | None = None,
    ):
        #: ``DeviceChoice.input_device``: a PortAudio index or (part of) a name; None: default.
        self.device = device
        self.listen_s = listen_s
        self._resolve = resolve
        self._open_capture = open_capture
        # The first sound may take a few seconds (FIRST_DATA_TIMEOUT_S), then the listening.
        self.timeout_s = listen_s + 20.0

    def title(self) -> str:
        return microphone_title()

    def run(self) -> CheckResult:
        from readiness.core.levels import summarize_recording
        from readiness.devices.audio import Capture, resolve_device

        resolve = self._resolve or (lambda choice: resolve_device(choice, "input"))
        open_capture = self._open_capture or Capture
        try:
            device = resolve(self.device)
            with open_capture(device) as capture:
                capture.wait_for_sound()
                samples = capture.record(self.listen_s)
                rate = capture.samplerate
        except AudioError as error:
            return microphone_problem(error, self.device)
        levels = summarize_recording(samples, rate)
        return judge_recording(levels, device.name, self.listen_s)


def offered_names(kind: Kind) -> list[str]:
    """The device names to suggest after a name that matched nothing."""
    from readiness.devices.audio import list_devices

    try:
        return [device.name for device in list_devices(kind, fresh=False)]
    except AudioError:
        return []


def microphone_problem(
    error: AudioError, wanted: str | None, *, resume: Resume = "check"
) -> CheckResult:
    offered = offered_names("input") if error.problem is AudioProblem.NOT_FOUND else []
    return problem_result(
        CHECK_ID,
        microphone_title(),
        error.problem,
        "input",
        wanted=wanted or "",
        offered=offered,
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


def silent_advice() -> tuple[str, ...]:
    return (
        _mute_switch_advice(),
        translate(
            "MicrophoneCheck",
            "Vérifiez que l'ordinateur autorise l'accès au micro (réglages de confidentialité).",
        ),
        translate("MicrophoneCheck", "Ou choisissez un autre micro dans la liste."),
    )


def clipping_advice() -> tuple[str, ...]:
    return (
        translate("MicrophoneCheck", "Éloignez-vous un peu du micro, ou parlez un peu moins fort."),
        translate(
            "MicrophoneCheck",
            "Baissez le volume d'entrée du micro dans les réglages du son de l'ordinateur.",
        ),
    )


def _measures(levels: RecordingLevels, device: str, listen_s: float) -> dict[str, Any]:
    return {
        "level_dbfs": levels.level_dbfs,
        "peak_dbfs": levels.peak_dbfs,
        "noise_floor_dbfs": levels.noise_floor_dbfs,
        "clipping": levels.clipping,
        "device": device,
        "listen_s": listen_s,
    }


def judge_recording(levels: RecordingLevels, device: str, listen_s: float) -> CheckResult:
    """The headless verdict: nobody was asked to speak, so only the room and the line count."""
    title = microphone_title()
    measures = _measures(levels, device, listen_s)
    if levels.digital_silence:
        return CheckResult(
            CHECK_ID,
            Status.WARNING,
            title,
            translate("MicrophoneCheck", "Le micro ne capte aucun son : il est peut-être coupé."),
            silent_advice(),
            measures,
        )
    summary = ""
    advice: list[str] = []
    if levels.clipping:
        summary = translate("MicrophoneCheck", "Le son du micro sature : il arrive déformé.")
        advice += clipping_advice()
    if is_noisy(levels.noise_floor_dbfs):
        summary = summary or translate(
            "MicrophoneCheck",
            "Il y a du bruit autour de vous : les autres participants l'entendront.",
        )
        advice += noise_advice()
    if summary:
        return CheckResult(CHECK_ID, Status.WARNING, title, summary, tuple(advice), measures)
    return CheckResult(
        CHECK_ID,
        Status.OK,
        title,
        translate("MicrophoneCheck", "Le micro capte le son, et la pièce est calme."),
        (),
        measures,
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


def judge_speech(tracker: SpeechTracker, verdict: SpeechVerdict, device: str) -> CheckResult:
    title = microphone_title()
    noisy = is_noisy(tracker.noise_floor_dbfs)
    measures = {
        "level_dbfs": round(tracker.loudest_dbfs, 1),
        "peak_dbfs": round(tracker.peak_dbfs, 1),
        "noise_floor_dbfs": round(tracker.noise_floor_dbfs, 1),
        "clipping": tracker.clipped,
        "device": device,
    }
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
    elif verdict is SpeechVerdict.SILENT:
        summary = translate(
            "MicrophoneCheck", "Nous n'entendons aucun son : le micro est peut-être coupé."
        )
        advice = silent_advice()
    else:
        summary = translate("MicrophoneCheck", "Votre voix nous parvient trop faiblement.")
        advice = weak_advice() + room
    return CheckResult(CHECK_ID, Status.WARNING, title, summary, advice, measures)
