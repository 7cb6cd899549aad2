"""Do the speakers play? The test sound is played, and the microphone listens for it.

Heard by the microphone proves the speakers work. Not heard proves nothing
(headphones, an echo canceller), so it is never reported as a failure: only a
sound that could not be played is. The speakers page adds the person's own
answer ("J'entends le son" / "Je n'entends rien").
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from readiness.checks.audio_problems import Resume, problem_result
from readiness.checks.titles import speakers_title
from readiness.core.i18n import translate
from readiness.core.result import CheckResult, Status
from readiness.devices.audio.model import AudioDevice, AudioError, AudioProblem

if TYPE_CHECKING:
    import numpy as np

    from readiness.devices.audio.streams import Capture

log = logging.getLogger(__name__)

CHECK_ID = "speakers"
#: After the sound ends, the microphone keeps listening this long (latency, echo):
#: that much of its sound, however late a busy computer reads it.
LISTEN_TAIL_S = 0.6
#: Extra time the playback may take beyond the sound's own length.
PLAY_MARGIN_S = 5.0


class SpeakersCheck:
    id = CHECK_ID
    timeout_s = 30.0

    def __init__(
        self,
        output_device: str | None = None,
        input_device: str | None = None,
        *,
        resolve: Callable[[str | None, str], AudioDevice] | None = None,
    ):
        #: ``DeviceChoice.output_device`` / ``input_device``: index or (part of) a name.
        self.output_device = output_device
        self.input_device = input_device
        self._resolve = resolve

    def title(self) -> str:
        return speakers_title()

    def run(self) -> CheckResult:
        from readiness.core.chime import chime
        from readiness.devices.audio import Capture, Playback, resolve_device

        resolve = self._resolve or resolve_device
        try:
            output = resolve(self.output_device, "output")
        except AudioError as error:
            return speakers_problem(error, self.output_device)
        capture = open_listener(lambda: resolve(self.input_device, "input"), Capture)
        try:
            rate = output.default_samplerate or 48000.0
            try:
                playback = Playback(output, chime(rate), rate)
            except AudioError as error:
                return speakers_problem(error, self.output_device)
            with playback:
                heard_samples = listen_during(playback, capture)
                played = playback.played
        finally:
            if capture is not None:
                capture.close()
        heard = (
            None
            if capture is None or heard_samples is None
            else hears_chime(heard_samples, capture.samplerate)
        )
        return judge_playback(
            played,
            heard,
            output.name,
            capture.device.name if capture is not None else None,
        )


def open_listener(
    resolve_input: Callable[[], AudioDevice], open_capture: Callable[[AudioDevice], Capture]
) -> Capture | None:
    """The microphone, listening; None when there is none (the speakers can still play)."""
    try:
        capture = open_capture(resolve_input())
    except AudioError as error:
        log.info("no microphone to listen for the test sound: %s", error)
        return None
    try:
        capture.wait_for_sound()
    except AudioError as error:
        log.info("the microphone gives no sound: %s", error)
        capture.close()
        return None
    return capture


def listen_during(
    playback,
    capture: Capture | None,
    *,
    poll_s: float = 0.02,
    clock: Callable[[], float] = time.monotonic,
):
    """Records while ``playback`` plays, and a little after; None without a working mic.

    The "little after" is counted in the microphone's own samples, not in wall time:
    a busy computer reads them late, but they still come, the end of the sound too.
    """
    import numpy as np

    parts: list[np.ndarray] = []
    deadline = clock() + playback.duration_s + PLAY_MARGIN_S
    tail_frames: int | None = None
    while True:
        frames = 0
        if capture is not None:
            try:
                samples = capture.read()
            except AudioError as error:
                log.info("the microphone stopped while listening: %s", error)
                capture = None
                parts = []
            else:
                parts.append(samples)
                frames = samples.size
        if tail_frames is None:
            if playback.finished or clock() > deadline:
                rate = capture.samplerate if capture is not None else 0.0
                tail_frames = round(LISTEN_TAIL_S * rate)
        else:
            tail_frames -= frames
        # Once the sound is over: stop at the end of the tail, or as soon as it is heard.
        if tail_frames is not None and (
            capture is None or tail_frames <= 0 or _heard_so_far(parts, capture)
        ):
            break
        time.sleep(poll_s)
    if capture is None:
        return None
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.float32)


def _heard_so_far(parts: list, capture: Capture) -> bool:
    import numpy as np

    return bool(parts) and hears_chime(np.concatenate(parts), capture.samplerate)


def hears_chime(samples: np.ndarray, rate: float) -> bool:
    from readiness.core.chime import detect_chime

    detection = detect_chime(samples, rate)
    log.debug("test sound detection: %s", detection)
    return detection.heard


def speakers_problem(
    error: AudioError, wanted: str | None, *, resume: Resume = "check"
) -> CheckResult:
    from readiness.checks.microphone import offered_names

    offered = offered_names("output") if error.problem is AudioProblem.NOT_FOUND else []
    return problem_result(
        CHECK_ID,
        speakers_title(),
        error.problem,
        "output",
        wanted=wanted or "",
        offered=offered,
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
