"""« M'écouter »: a few seconds of the person's voice, played back on the chosen output,
then forgotten.

No second input stream: the microphone's flow, already reading for the meter, lends
its blocks (``VoiceSource.lend``) to a ``VoiceMemory`` until enough came. The voice
is then played on the output the person chose (or the system's default), and the
memory let go: it never leaves this process's memory. While lent, and until the
sound played back has died away (``SETTLE_S`` of the microphone's samples), the
microphone's flow judges nothing: the echo is optional and never changes its verdict.

Every wait has a time limit. A problem (no output, an output busy, a microphone that
sends nothing) is an ``EchoFailed``, never an exception.

Updates, in order: ``Recording``... (the seconds left), ``EchoPlaying``, ``EchoDone``;
or ``EchoFailed`` at any point.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from readiness.checks.audio_opening import (
    AudioDevice,
    AudioError,
    AudioProblem,
    Stopped,
    pick,
)
from readiness.checks.held_flow import HeldFlow
from readiness.checks.kit import DeviceKit
from readiness.checks.speakers_flow import PLAY_MARGIN_S
from readiness.core.levels import dbfs, peak
from readiness.devices.audio.voice_echo import VoiceMemory, for_playback

log = logging.getLogger(__name__)

#: How much of the voice is kept and played back.
RECORD_S = 4.0
#: Beyond its own length, how long the recording may take (a microphone that stalls).
RECORD_MARGIN_S = 4.0
#: After the playback, the microphone's flow judges again once this much of its sound
#: came: what was played may still be on its way to the microphone.
SETTLE_S = 0.5
#: A recording whose loudest sample stays under this heard nothing worth playing.
FAINT_DBFS = -50.0
POLL_S = 0.05


class VoiceSource(Protocol):
    """The microphone's flow, lending its running stream's blocks."""

    def lend(self, memory: VoiceMemory) -> None:
        """Each block drained goes to ``memory`` too, and none is judged."""
        ...

    def give_back(self, memory: VoiceMemory, settle_s: float) -> None:
        """Blocks are judged again after ``settle_s`` of sound."""
        ...


class EchoProblem(StrEnum):
    #: No output to play on (none, the one chosen is gone, it went away).
    NO_OUTPUT = "no_output"
    #: Another application holds the output.
    BUSY = "busy"
    #: The microphone sent nothing in time.
    NO_SOUND = "no_sound"
    #: The playback did not end in time.
    NOT_PLAYED = "not_played"
    #: Anything else (PortAudio missing, a driver's refusal).
    FAILED = "failed"


_PROBLEMS = {
    AudioProblem.NO_DEVICE: EchoProblem.NO_OUTPUT,
    AudioProblem.NOT_FOUND: EchoProblem.NO_OUTPUT,
    AudioProblem.GONE: EchoProblem.NO_OUTPUT,
    AudioProblem.BUSY: EchoProblem.BUSY,
}


@dataclass(frozen=True)
class Recording:
    """Update: the voice is being kept; ``seconds_left`` of it still to come."""

    seconds_left: int


@dataclass(frozen=True)
class EchoPlaying:
    """Update: the voice plays on ``device``."""

    device: AudioDevice


@dataclass(frozen=True)
class EchoDone:
    """Update: the voice was played whole, and is forgotten."""

    #: The microphone heard (almost) nothing: what played was silence.
    faint: bool


@dataclass(frozen=True)
class EchoFailed:
    """Update: the voice could not be kept or played; it is forgotten all the same."""

    problem: EchoProblem


EchoUpdate = Recording | EchoPlaying | EchoDone | EchoFailed


class EchoFlow(HeldFlow):
    thread_name = "echo-flow"

    def __init__(
        self,
        kit: DeviceKit,
        source: VoiceSource,
        output: str | None = None,
        *,
        record_s: float = RECORD_S,
        poll_s: float = POLL_S,
        clock: Callable[[], float] = time.monotonic,
    ):
        """``output``: an index or (part of) a name, None for the default; a remembered
        one that is missing gives way to the default."""
        self._kit = kit
        self._source = source
        self._output = output
        self._record_s = record_s
        self._poll_s = poll_s
        self._clock = clock
        super().__init__()

    def _run(self) -> None:
        memory = VoiceMemory(self._record_s)
        self._source.lend(memory)
        try:
            self._echo(memory)
        except Stopped:
            return
        except AudioError as error:
            log.info("the voice could not be played back: %s", error)
            self._send(EchoFailed(_PROBLEMS.get(error.problem, EchoProblem.FAILED)))
        except Exception as error:  # a driver's surprise must not end silently
            log.error("playing the voice back failed unexpectedly", exc_info=error)
            self._send(EchoFailed(EchoProblem.FAILED))
        finally:
            memory.forget()
            self._source.give_back(memory, SETTLE_S)

    def _echo(self, memory: VoiceMemory) -> None:
        if not self._record(memory):
            self._send(EchoFailed(EchoProblem.NO_SOUND))
            return
        voice, rate = memory.take()
        faint = dbfs(peak(voice)) < FAINT_DBFS
        picked = pick(self._kit, "output", self._output, fall_back=True)
        self._hold.check()  # stopped while listing: nothing to play
        out_rate = picked.device.default_samplerate or rate
        sound = for_playback(voice, rate, out_rate)
        del voice  # the sound to play is the only copy left
        playback = self._hold.hold(self._kit.play_sound(picked.device, sound, out_rate))
        del sound
        try:
            self._send(EchoPlaying(picked.device))
            deadline = self._clock() + playback.duration_s + PLAY_MARGIN_S
            while not playback.finished and self._clock() < deadline:
                self._hold.pause(self._poll_s)
            played = playback.played
        finally:
            self._hold.let_go(playback)
        self._send(EchoDone(faint) if played else EchoFailed(EchoProblem.NOT_PLAYED))

    def _record(self, memory: VoiceMemory) -> bool:
        """Sends the countdown until the memory is full; False when the sound stopped coming."""
        deadline = self._clock() + self._record_s + RECORD_MARGIN_S
        shown = None
        while not memory.full:
            left = memory.seconds_left
            if left != shown:
                shown = left
                self._send(Recording(left))
            if self._clock() > deadline:
                return False
            self._hold.pause(self._poll_s)
        return True
