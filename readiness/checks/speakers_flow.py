"""The speakers check as one flow: find the output, play the test sound, let the microphone
listen for it.

The page and the command line drive the same ``SpeakersFlow``. Its thread finds the
output and says so (``OutputFound``); then, at each ``play()`` (at once with
``play_at_once``, the command line), it opens the microphone (``audio_opening``: the
same opening as the microphone check), gives it a moment to start, plays the sound
and drains the microphone while it plays and a little after. The recording is then
searched for the sound: ``Played`` carries the verdict. Heard by the microphone: the
speakers work. Not heard proves nothing (headphones), so the page then asks the
person, whose ``answer`` gives the final verdict.

An output that is missing or went away is a ``DeviceProblem``; with ``retry_s`` the
flow looks for one again by itself. A microphone that cannot listen is no problem:
the sound is played without it (``heard_by_microphone`` is then None).

Updates: ``OutputFound``, then for each play ``Playing`` and ``Played``; or
``DeviceProblem``.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from readiness.checks.audio_opening import (
    ABSENT,
    AudioDevice,
    AudioError,
    AudioProblem,
    DeviceProblem,
    NotFound,
    Stopped,
    first_sound,
    open_microphone,
    pick,
)
from readiness.checks.held_flow import HeldFlow
from readiness.checks.kit import DeviceKit
from readiness.checks.speakers_verdict import (
    CHECK_ID,
    hears_chime,
    judge_answer,
    judge_playback,
    speakers_problem,
)
from readiness.core.result import CheckResult

if TYPE_CHECKING:
    import numpy as np

    from readiness.devices.audio.streams import Capture

log = logging.getLogger(__name__)

#: After the sound ends, the microphone keeps listening this long (latency, echo):
#: that much of its sound, however late a busy computer reads it.
LISTEN_TAIL_S = 0.6
#: Extra time the playback may take beyond the sound's own length.
PLAY_MARGIN_S = 5.0
#: How long the microphone may take to start before the sound plays without waiting more.
MIC_START_S = 1.5
POLL_S = 0.02
#: How often the thread waiting for a click looks whether it was stopped meanwhile.
IDLE_S = 0.2


@dataclass(frozen=True)
class OutputFound:
    """Update: an output is there; the sound can be played."""

    devices: tuple[AudioDevice, ...]
    device: AudioDevice


@dataclass(frozen=True)
class Playing:
    """Update: the test sound started on ``device`` (the microphone listens, if any)."""

    devices: tuple[AudioDevice, ...]
    device: AudioDevice


@dataclass(frozen=True)
class Played:
    """Update: the sound is over. ``result`` is the verdict without the person's answer."""

    result: CheckResult
    #: The whole sound went to the device.
    played: bool
    #: The microphone heard it; None without a microphone.
    heard_by_microphone: bool | None


SpeakersUpdate = OutputFound | Playing | Played | DeviceProblem


class SpeakersFlow(HeldFlow):
    id = CHECK_ID
    thread_name = "speakers-flow"

    def __init__(
        self,
        kit: DeviceKit,
        output: str | None = None,
        microphone: str | None = None,
        *,
        fall_back: bool = False,
        play_at_once: bool = False,
        retry_s: float | None = None,
        mic_start_s: float = MIC_START_S,
        poll_s: float = POLL_S,
        clock: Callable[[], float] = time.monotonic,
    ):
        """``output``, ``microphone``: an index or (part of) a name, None for the default.
        ``fall_back``: a missing one gives way to the default (a remembered choice).
        ``retry_s``: look for an output again this often while there is none (None: the
        problem is the verdict)."""
        self._kit = kit
        self._output = output
        self._microphone = microphone
        self._fall_back = fall_back
        self._play_at_once = play_at_once
        self._retry_s = retry_s
        self._mic_start_s = mic_start_s
        self._poll_s = poll_s
        self._clock = clock
        super().__init__()
        self._play = threading.Event()
        #: The last problem said: the same one again adds nothing.
        self._problem: AudioProblem | None = None
        self._heard: bool | None = None
        self._played_on = ""

    # --- what the page asks ----------------------------------------------------------

    def play(self) -> None:
        """Plays the test sound once the output is found (a click while it plays: ignored)."""
        self._play.set()

    def use_output(self, output: str | None) -> None:
        """The output the next sound plays on (the person chose another one)."""
        with self._lock:
            self._output = output

    def answer(self, hears: bool) -> CheckResult:
        """The person says whether they heard the sound: the verdict, returned at once
        (it is the click's own effect, shown by the page right away)."""
        with self._lock:
            heard, device = self._heard, self._played_on
        result = judge_answer(hears, heard, device)
        self._conclude(result)
        return result

    # --- the flow's thread ------------------------------------------------------------

    def _wanted_output(self) -> str | None:
        with self._lock:
            return self._output

    def _run(self) -> None:
        with contextlib.suppress(Stopped):  # stopped: the thread ends without a word
            self._loop()

    def _loop(self) -> None:
        if self._play_at_once:
            self._play.set()
        found = False
        while True:
            if not found:
                problem = self._attempt(self._find)
                if problem is None:
                    found = True
                elif problem in ABSENT and self._retry_s is not None:
                    self._hold.pause(self._retry_s)  # a headset may be plugged in
                    continue
                else:
                    return  # no output to play on, and waiting will not bring one
            self._wait_for_play()
            problem = self._attempt(self._trial)
            if problem is None:
                continue
            if self._retry_s is None or problem is AudioProblem.NO_PORTAUDIO:
                return
            found = problem not in ABSENT  # gone: look for an output again

    def _attempt(self, step: Callable[[], None]) -> AudioProblem | None:
        try:
            step()
        except AudioError as error:
            self._report(error)
            return error.problem
        except Stopped:
            raise
        except Exception as error:  # a driver's surprise must not end silently
            log.error("the speakers test failed unexpectedly", exc_info=error)
            self._report(AudioError(AudioProblem.FAILED, str(error)))
            return AudioProblem.FAILED
        return None

    def _report(self, error: AudioError) -> None:
        if error.problem is self._problem:
            return
        self._problem = error.problem
        if self._retry_s is None or error.problem is AudioProblem.NO_PORTAUDIO:
            resume = "check"
        else:
            resume = "auto" if error.problem in ABSENT else "button"
        result = speakers_problem(
            error.problem,
            self._wanted_output(),
            offered=error.offered if isinstance(error, NotFound) else (),
            resume=resume,
        )
        self._conclude(result)
        self._send(DeviceProblem(result, error.problem))

    def _find(self) -> None:
        picked = pick(self._kit, "output", self._wanted_output(), fall_back=self._fall_back)
        self._problem = None
        self._send(OutputFound(picked.devices, picked.device))

    def _wait_for_play(self) -> None:
        while not self._play.wait(IDLE_S):
            self._hold.check()
        self._hold.check()
        self._play.clear()

    def _trial(self) -> None:
        from readiness.core.chime import chime

        self._problem = None
        picked = pick(self._kit, "output", self._wanted_output(), fall_back=self._fall_back)
        output = picked.device
        capture, microphone = self._listener()
        try:
            rate = output.default_samplerate or 48000.0
            playback = self._hold.hold(self._kit.play_sound(output, chime(rate), rate))
            self._send(Playing(picked.devices, output))
            try:
                samples = listen_during(
                    playback,
                    capture,
                    poll_s=self._poll_s,
                    clock=self._clock,
                    pause=self._hold.pause,
                )
                played = playback.played
            finally:
                self._hold.let_go(playback)
        finally:
            self._hold.let_go(capture)
        heard = None
        if capture is not None and samples is not None:
            heard = hears_chime(samples, capture.samplerate)
        result = judge_playback(played, heard, output.name, microphone)
        with self._lock:
            self._heard, self._played_on = heard, output.name
        self._conclude(result)
        self._send(Played(result, played, heard))

    def _listener(self) -> tuple[Capture | None, str | None]:
        """The microphone, listening, and its name; (None, None) when there is none
        (the speakers can still play)."""
        try:
            opened = open_microphone(
                self._kit, self._hold, self._microphone, fall_back=self._fall_back
            )
        except AudioError as error:
            log.info("no microphone to listen for the test sound: %s", error)
            return None, None
        try:
            first_sound(opened.capture, self._hold, limit_s=self._mic_start_s, clock=self._clock)
        except AudioError as error:
            log.info("the microphone gives no sound: %s", error)
            self._hold.let_go(opened.capture)
            return None, None
        return opened.capture, opened.picked.device.name


def listen_during(
    playback,
    capture: Capture | None,
    *,
    poll_s: float = POLL_S,
    clock: Callable[[], float] = time.monotonic,
    pause: Callable[[float], None] = time.sleep,
) -> np.ndarray | None:
    """Records while ``playback`` plays, and a little after; None without a working mic.

    The "little after" is counted in the microphone's own samples, not in wall time:
    a busy computer reads them late, but they still come, the end of the sound too.
    The sound is given up ``PLAY_MARGIN_S`` after its own length (a driver that hangs).
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
        pause(poll_s)
    if capture is None:
        return None
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.float32)


def _heard_so_far(parts: list, capture: Capture) -> bool:
    import numpy as np

    return bool(parts) and hears_chime(np.concatenate(parts), capture.samplerate)
