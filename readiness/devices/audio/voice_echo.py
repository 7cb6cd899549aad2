"""A few seconds of the person's voice, kept in memory to be played back, then forgotten.

The microphone's flow hands each block it drains to a ``VoiceMemory`` (no second input
stream: the one the meter reads is lent). The memory counts the microphone's own
samples, so a busy computer that reads late still keeps the seconds asked for.
Nothing here writes anywhere: the samples live in a list, and ``forget`` drops them.
"""

from __future__ import annotations

import math
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

#: Faded in and out over this much: a sound cut mid-wave clicks.
FADE_S = 0.01


class VoiceMemory:
    """Fills with ``seconds`` of sound from ``add`` (any thread), then ignores the rest."""

    def __init__(self, seconds: float):
        self._seconds = seconds
        self._lock = threading.Lock()
        self._full = threading.Event()
        self._parts: list[np.ndarray] = []
        self._frames = 0
        self._wanted: int | None = None
        self._samplerate = 0.0

    def add(self, samples: np.ndarray, samplerate: float) -> None:
        """The microphone flow's thread: keeps the block (a reference, no maths)."""
        with self._lock:
            if self._full.is_set() or not samples.size:
                return
            if self._wanted is None:
                self._samplerate = samplerate
                self._wanted = max(1, round(self._seconds * samplerate))
            self._parts.append(samples)
            self._frames += samples.size
            if self._frames >= self._wanted:
                self._full.set()

    @property
    def seconds_left(self) -> int:
        """Whole seconds still to come, rounded up (what a countdown shows)."""
        with self._lock:
            if self._wanted is None:
                return math.ceil(self._seconds)
            return math.ceil(max(0, self._wanted - self._frames) / self._samplerate)

    @property
    def full(self) -> bool:
        return self._full.is_set()

    def wait_full(self, timeout_s: float) -> bool:
        return self._full.wait(timeout_s)

    def take(self) -> tuple[np.ndarray, float]:
        """The sound kept (exactly the seconds asked for, once full) and its rate; the
        memory lets go of it."""
        import numpy as np

        with self._lock:
            parts, self._parts = self._parts, []
            wanted, self._frames = self._wanted, 0
            rate = self._samplerate
        if not parts:
            return np.zeros(0, dtype=np.float32), rate
        return np.concatenate(parts)[:wanted], rate

    def forget(self) -> None:
        """Drops whatever is still kept; what comes later is ignored."""
        with self._lock:
            self._parts = []
            self._frames = 0
            self._full.set()


def for_playback(samples: np.ndarray, from_rate: float, to_rate: float) -> np.ndarray:
    """The voice at the output's rate (linear interpolation: enough for a voice, and
    no filter to load), faded in and out so it starts and ends without a click."""
    import numpy as np

    voice = np.asarray(samples, dtype=np.float32)
    if voice.size and from_rate and to_rate and from_rate != to_rate:
        count = max(1, round(voice.size * to_rate / from_rate))
        where = np.arange(count, dtype=np.float64) * (from_rate / to_rate)
        voice = np.interp(where, np.arange(voice.size), voice).astype(np.float32)
    else:
        voice = voice.copy()
    fade = min(voice.size // 2, round(FADE_S * (to_rate or from_rate)))
    if fade > 0:
        ramp = (0.5 - 0.5 * np.cos(np.linspace(0.0, np.pi, fade))).astype(np.float32)
        voice[:fade] *= ramp
        voice[-fade:] *= ramp[::-1]
    return voice
