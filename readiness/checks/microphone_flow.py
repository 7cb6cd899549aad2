"""The microphone check as one flow: open it, measure the room, then listen for a sentence.

The page and the command line drive the same ``MicrophoneFlow``. Its own thread opens
the microphone (``audio_opening``), then drains it about 25 times a second: each block
is measured there (numpy stays off the GUI thread) and sent as a ``Level``. The first
``quiet_s`` of the microphone's own samples measure the room (its quietest second is
the noise floor); then the flow listens for a sentence for ``speak_s`` of samples, and
says whether the voice is heard well, too weak, clipping or not at all. Counting
samples, not wall time, makes a busy computer that reads late judge the same sound.

Without a person (the command line) no sentence comes: the verdict is the one the
page gives when its time is up, for the same sound. After the verdict the flow keeps
sending levels (the page's meter stays live) until stopped.

A microphone that is missing, busy or unplugged is a ``DeviceProblem``; with
``retry_s`` the flow looks for it again by itself and starts over when it is back.

« M'écouter » (``echo_flow``) borrows the running stream rather than opening a second
one: ``lend`` a memory and each block goes there too; until it is given back, and
then until the sound played back has died away, no block is judged (the room's
measure and the wait for a sentence simply pause), so the echo never sways the verdict.

Updates, in order: ``Opening``, ``Listening``, ``Level``..., ``RoomMeasured``,
``Level``..., ``Heard``, ``Level``...; or ``DeviceProblem`` at any point.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from readiness.checks.audio_opening import (
    AudioDevice,
    AudioError,
    AudioProblem,
    DeviceProblem,
    NotFound,
    Stopped,
    first_sound,
    open_microphone,
)
from readiness.checks.held_flow import HeldFlow
from readiness.checks.kit import DeviceKit
from readiness.checks.microphone_verdict import (
    CHECK_ID,
    SpeechTracker,
    SpeechVerdict,
    judge_speech,
    microphone_problem,
)
from readiness.core.levels import BlockLevel, is_noisy, measure_block, quietest_span_dbfs
from readiness.core.result import CheckResult

if TYPE_CHECKING:
    from readiness.devices.audio.voice_echo import VoiceMemory

log = logging.getLogger(__name__)

#: The room is measured on this much of the microphone's sound.
QUIET_S = 2.0
#: How long a sentence is waited for before the voice is said too weak.
SPEAK_TIMEOUT_S = 8.0
#: The drain's pace: 25 times a second, smooth for a meter, cheap for the CPU.
POLL_S = 0.04


@dataclass(frozen=True)
class Opening:
    """Update: the microphone is being looked for and opened (again, after a problem)."""


@dataclass(frozen=True)
class Listening:
    """Update: the microphone is open and gives sound; the room is being measured."""

    devices: tuple[AudioDevice, ...]
    device: AudioDevice
    #: The microphone asked for is missing: the default one is used.
    fell_back: bool


@dataclass(frozen=True)
class Level:
    """Update: one block of sound drained from the microphone, measured."""

    block: BlockLevel


@dataclass(frozen=True)
class RoomMeasured:
    """Update: the room's noise is known; now a sentence is listened for."""

    noise_floor_dbfs: float
    noisy: bool


@dataclass(frozen=True)
class Heard:
    """Update: the verdict on the voice (heard well, too weak, clipping, silent)."""

    result: CheckResult


MicrophoneUpdate = Opening | Listening | Level | RoomMeasured | Heard | DeviceProblem


class MicrophoneFlow(HeldFlow):
    id = CHECK_ID
    thread_name = "microphone-flow"

    def __init__(
        self,
        kit: DeviceKit,
        wanted: str | None = None,
        *,
        fall_back: bool = False,
        quiet_s: float = QUIET_S,
        speak_s: float = SPEAK_TIMEOUT_S,
        retry_s: float | None = None,
        poll_s: float = POLL_S,
        clock: Callable[[], float] = time.monotonic,
    ):
        """``wanted``: an index or (part of) a name, None for the default. ``fall_back``:
        a missing ``wanted`` gives way to the default (a remembered choice) instead of
        being the verdict (a name just typed). ``retry_s``: look again this often while
        the microphone cannot be used (None: the problem is the verdict)."""
        self._kit = kit
        self._wanted = wanted
        self._fall_back = fall_back
        self._quiet_s = quiet_s
        self._speak_s = speak_s
        self._retry_s = retry_s
        self._poll_s = poll_s
        self._clock = clock
        super().__init__()
        #: A problem is on show: the failed attempts to reopen add nothing to it.
        self._in_problem = False
        self._lent_lock = threading.Lock()
        #: The memory « M'écouter » fills; None when nothing is lent.
        self._lent_to: VoiceMemory | None = None
        #: Sound still not to judge after a memory was given back (the echo dying away).
        self._settle_s = 0.0

    # --- what « M'écouter » asks (any thread) ---------------------------------------

    def lend(self, memory: VoiceMemory) -> None:
        """Each block drained goes to ``memory`` too, and none is judged until given back."""
        with self._lent_lock:
            self._lent_to = memory

    def give_back(self, memory: VoiceMemory, settle_s: float) -> None:
        """Blocks are judged again once ``settle_s`` more of the microphone's sound came."""
        with self._lent_lock:
            if self._lent_to is memory:
                self._lent_to = None
                self._settle_s = settle_s

    def _lent(self, samples, rate: float) -> bool:
        """True when this block is not to be judged: lent, or the echo dying away."""
        with self._lent_lock:
            memory = self._lent_to
            if memory is None:
                if self._settle_s <= 0:
                    return False
                self._settle_s -= samples.size / rate
                return True
        memory.add(samples, rate)
        return True

    # --- the flow's thread ------------------------------------------------------------

    def _run(self) -> None:
        try:
            while True:
                try:
                    self._listen()  # returns only by raising
                except AudioError as error:
                    problem = error.problem
                    self._problem(error)
                except Stopped:
                    raise
                except Exception as error:  # a driver's surprise must not end silently
                    log.error("the microphone failed unexpectedly", exc_info=error)
                    problem = AudioProblem.FAILED
                    self._problem(AudioError(problem, str(error)))
                if self._retry_s is None or problem is AudioProblem.NO_PORTAUDIO:
                    return  # the command line, or waiting will not bring PortAudio back
                self._hold.pause(self._retry_s)
        except Stopped:
            return

    def _listen(self) -> None:
        self._send(Opening())
        opened = open_microphone(self._kit, self._hold, self._wanted, fall_back=self._fall_back)
        capture = opened.capture
        try:
            samples = first_sound(capture, self._hold, clock=self._clock)
            self._in_problem = False
            picked = opened.picked
            self._send(Listening(picked.devices, picked.device, picked.fell_back))
            self._measure(capture, samples, picked.device.name)
        finally:
            self._hold.let_go(capture)

    def _measure(self, capture, samples, device: str) -> None:
        """The room, then the sentence, then levels only; returns only by raising."""
        rate = capture.samplerate
        quiet: list[BlockLevel] = []
        tracker: SpeechTracker | None = None
        judged = False
        while True:
            if samples.size:
                block = measure_block(samples)
                self._send(Level(block))
                if self._lent(samples, rate):
                    pass  # the meter shows it; the verdict does not hear it
                elif tracker is None:
                    quiet.append(block)
                    if sum(b.frames for b in quiet) >= self._quiet_s * rate:
                        tracker = self._room_measured(quiet, rate)
                elif not judged:
                    tracker.add(block, rate)
                    timed_out = tracker.heard_s >= self._speak_s
                    verdict = tracker.verdict(timed_out=timed_out)
                    if verdict is not SpeechVerdict.LISTENING:
                        result = judge_speech(tracker, verdict, device, self._speak_s)
                        self._conclude(result)
                        self._send(Heard(result))
                        judged = True
            self._hold.pause(self._poll_s)
            samples = capture.read()

    def _room_measured(self, quiet: list[BlockLevel], rate: float) -> SpeechTracker:
        # The quietest second: a cough during the measure is not the room's noise.
        floor = quietest_span_dbfs(quiet, round(min(1.0, self._quiet_s) * rate))
        self._send(RoomMeasured(floor, is_noisy(floor)))
        return SpeechTracker(floor)

    def _problem(self, error: AudioError) -> None:
        live = self._retry_s is not None and error.problem is not AudioProblem.NO_PORTAUDIO
        if self._in_problem and live:
            # An attempt to reopen failed: the first message (unplugged, busy…) says best
            # what happened, and stays until the microphone works again.
            return
        self._in_problem = True
        result = microphone_problem(
            error.problem,
            self._wanted,
            offered=error.offered if isinstance(error, NotFound) else (),
            resume="auto" if live else "check",
        )
        self._conclude(result)
        self._send(DeviceProblem(result, error.problem))
