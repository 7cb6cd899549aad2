"""Do the speakers play? The test sound is played, and the microphone listens for it.

``readiness check`` drives the very flow the speakers page shows (``speakers_flow``),
playing the sound at once. Nobody answers there, so the verdict is the microphone's:
heard, the speakers work; not heard proves nothing (headphones), so only a sound
that could not be played fails. The rules and words are in ``speakers_verdict``.
"""

from __future__ import annotations

from readiness.checks.flow import FlowCheck
from readiness.checks.kit import DeviceKit
from readiness.checks.speakers_flow import LISTEN_TAIL_S, PLAY_MARGIN_S, SpeakersFlow
from readiness.checks.speakers_verdict import (
    CHECK_ID,
    judge_answer,
    judge_playback,
    speakers_problem,
)
from readiness.checks.titles import speakers_title

__all__ = [
    "CHECK_ID",
    "LISTEN_TAIL_S",
    "PLAY_MARGIN_S",
    "SpeakersCheck",
    "judge_answer",
    "judge_playback",
    "speakers_problem",
]


class SpeakersCheck(FlowCheck):
    """The speakers flow as a check: the sound is played at once; names typed that match
    nothing are not replaced by the default, and a problem is not waited out."""

    def __init__(
        self,
        output_device: str | None = None,
        input_device: str | None = None,
        kit: DeviceKit | None = None,
    ):
        #: ``DeviceChoice.output_device`` / ``input_device``: index or (part of) a name.
        self.output_device = output_device
        self.input_device = input_device
        kit = kit or DeviceKit()
        super().__init__(
            CHECK_ID,
            speakers_title,
            lambda: SpeakersFlow(kit, output_device, input_device, play_at_once=True),
            timeout_s=30.0,
        )
