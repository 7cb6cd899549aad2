"""Does the microphone capture sound, is the room quiet, and is a voice heard well?

``readiness check`` drives the very flow the microphone page shows
(``microphone_flow``): the room measured, then ``listen_s`` seconds for a sentence.
Nobody is asked to speak there, so the verdict is what the page says once its time
is up with the same sound. The rules and words are in ``microphone_verdict``.
"""

from __future__ import annotations

from readiness.checks.flow import FlowCheck
from readiness.checks.kit import DeviceKit
from readiness.checks.microphone_flow import QUIET_S, MicrophoneFlow
from readiness.checks.microphone_verdict import (
    CHECK_ID,
    SpeechTracker,
    SpeechVerdict,
    judge_speech,
    microphone_problem,
    noise_advice,
)
from readiness.checks.titles import microphone_title
from readiness.core.device_choice import DEFAULT_LISTEN_S

__all__ = [
    "CHECK_ID",
    "MicrophoneCheck",
    "SpeechTracker",
    "SpeechVerdict",
    "judge_speech",
    "microphone_problem",
    "noise_advice",
]


class MicrophoneCheck(FlowCheck):
    """The microphone flow as a check: a name typed that matches nothing is the verdict
    (no fallback), and a problem is not waited out (no retry)."""

    def __init__(
        self,
        device: str | None = None,
        listen_s: float = DEFAULT_LISTEN_S,
        kit: DeviceKit | None = None,
    ):
        #: ``DeviceChoice.input_device``: a PortAudio index or (part of) a name; None: default.
        self.device = device
        self.listen_s = listen_s
        kit = kit or DeviceKit()
        super().__init__(
            CHECK_ID,
            microphone_title,
            lambda: MicrophoneFlow(kit, device, quiet_s=QUIET_S, speak_s=listen_s),
            # The first sound may take a few seconds (FIRST_DATA_TIMEOUT_S), then listening.
            timeout_s=QUIET_S + listen_s + 20.0,
        )
