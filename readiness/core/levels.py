"""Sound level maths: RMS, peak, dBFS with a floor, peak-hold ballistics, clipping.

Levels are in dBFS against a full scale of 1.0 (float samples), RMS taken as
is: a full-scale sine reads 0 dBFS peak and -3 dBFS RMS. numpy is imported
inside the functions that need it, so the thresholds and the ballistics can be
imported by light modules (the checks) without it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import numpy as np

#: The quietest level we report: digital silence reads this instead of minus infinity.
FLOOR_DBFS = -100.0
#: A sample this close to full scale (-0.09 dBFS) counts as clipped...
CLIP_THRESHOLD = 0.99
#: ...and this many of them in one block make the block clip (one can be a legitimate peak).
CLIP_MIN_SAMPLES = 3

#: Ambient noise (RMS over the quietest second) above this is heard by the others.
NOISY_ROOM_DBFS = -45.0
#: Speech whose short-block RMS reaches this is comfortably heard in a meeting.
SPEECH_GOOD_DBFS = -38.0
#: Speech must also stand this far above the room's noise (else it is the noise we hear).
SPEECH_OVER_NOISE_DB = 10.0


def dbfs(amplitude: float, floor: float = FLOOR_DBFS) -> float:
    """An amplitude (RMS or peak, full scale 1.0) in dBFS, never below ``floor``."""
    if amplitude <= 0.0 or not math.isfinite(amplitude):
        return floor
    return max(floor, 20.0 * math.log10(amplitude))


def amplitude(level_dbfs: float) -> float:
    """The inverse of :func:`dbfs` (for making test signals at a known level)."""
    return 10.0 ** (level_dbfs / 20.0)


def rms(samples: np.ndarray) -> float:
    if samples.size == 0:
        return 0.0
    import numpy as np

    values = samples.astype(np.float64, copy=False)
    return float(np.sqrt(np.mean(values * values)))


def peak(samples: np.ndarray) -> float:
    if samples.size == 0:
        return 0.0
    import numpy as np

    return float(np.max(np.abs(samples)))


def clipped_samples(samples: np.ndarray, threshold: float = CLIP_THRESHOLD) -> int:
    if samples.size == 0:
        return 0
    import numpy as np

    return int(np.count_nonzero(np.abs(samples) >= threshold))


def is_clipping(
    samples: np.ndarray, threshold: float = CLIP_THRESHOLD, min_samples: int = CLIP_MIN_SAMPLES
) -> bool:
    return clipped_samples(samples, threshold) >= min_samples


class BlockLevel(NamedTuple):
    """One block of samples (what a meter tick drains), measured.

    A named tuple: made 25 times a second, and a tuple is the cheapest to make.
    """

    rms_dbfs: float
    peak_dbfs: float
    clipping: bool
    #: Every sample exactly zero: a muted or blocked microphone, not a quiet room.
    digital_silence: bool
    frames: int
    #: Kept so longer spans can be averaged exactly (sum of squares / frames).
    mean_square: float


def measure_block(samples: np.ndarray) -> BlockLevel:
    """All of a block's levels in three passes over it: this runs 25 times a second."""
    if samples.size == 0:
        return BlockLevel(FLOOR_DBFS, FLOOR_DBFS, False, False, 0, 0.0)
    import numpy as np

    values = samples.astype(np.float32, copy=False)
    magnitudes = np.abs(values)
    top = float(magnitudes.max())
    mean_square = float(np.dot(values, values)) / values.size
    # Counting clipped samples only when one is near full scale: the usual block is not.
    clipping = top >= CLIP_THRESHOLD and is_clipping(values)
    return BlockLevel(
        dbfs(math.sqrt(mean_square)), dbfs(top), clipping, top == 0.0, values.size, mean_square
    )


def windowed_rms(samples: np.ndarray, rate: float, window_s: float = 1.0, hop_s: float = 0.1):
    """RMS of every ``window_s`` window (sliding by ``hop_s``) as a numpy array.

    A recording shorter than one window is one window.
    """
    import numpy as np

    values = samples.astype(np.float64, copy=False)
    window = max(1, round(window_s * rate))
    if values.size <= window:
        return np.array([rms(values)])
    hop = max(1, round(hop_s * rate))
    # Cumulative sums of squares give every window's energy in one pass.
    energy = np.concatenate(([0.0], np.cumsum(values * values)))
    starts = np.arange(0, values.size - window + 1, hop)
    return np.sqrt(np.maximum(energy[starts + window] - energy[starts], 0.0) / window)


@dataclass(frozen=True)
class RecordingLevels:
    """A few seconds of microphone sound, summarised."""

    #: RMS over the loudest second.
    level_dbfs: float
    peak_dbfs: float
    #: RMS over the quietest second: the room's background noise.
    noise_floor_dbfs: float
    clipping: bool
    digital_silence: bool


def summarize_recording(samples: np.ndarray, rate: float) -> RecordingLevels:
    windows = windowed_rms(samples, rate)
    return RecordingLevels(
        level_dbfs=round(dbfs(float(windows.max())), 1),
        peak_dbfs=round(dbfs(peak(samples)), 1),
        noise_floor_dbfs=round(dbfs(float(windows.min())), 1),
        clipping=is_clipping(samples),
        digital_silence=bool(samples.size) and not samples.any(),
    )


def quietest_span_dbfs(blocks: Sequence[BlockLevel], span_frames: int) -> float:
    """RMS (dBFS) of the quietest run of consecutive blocks lasting ``span_frames``.

    What the meter drained, block by block, is enough: no need to keep the samples.
    Fewer frames than the span in all: the RMS of everything.
    """
    total_frames = sum(block.frames for block in blocks)
    if total_frames == 0:
        return FLOOR_DBFS
    if total_frames <= span_frames:
        energy = sum(block.mean_square * block.frames for block in blocks)
        return dbfs(math.sqrt(energy / total_frames))
    quietest = math.inf
    end = 0
    frames = 0
    energy = 0.0
    for first in blocks:
        while end < len(blocks) and frames < span_frames:
            frames += blocks[end].frames
            energy += blocks[end].mean_square * blocks[end].frames
            end += 1
        if frames < span_frames:
            break
        quietest = min(quietest, energy / frames)
        frames -= first.frames
        energy -= first.mean_square * first.frames
    return dbfs(math.sqrt(max(0.0, quietest)))


def is_noisy(noise_floor_dbfs: float) -> bool:
    return noise_floor_dbfs > NOISY_ROOM_DBFS


def speech_threshold(noise_floor_dbfs: float) -> float:
    """The level speech must reach to count as heard, given the room's noise."""
    return max(SPEECH_GOOD_DBFS, noise_floor_dbfs + SPEECH_OVER_NOISE_DB)


class PeakHold:
    """A peak marker that holds the highest peak for ``hold_s``, then falls steadily.

    Time is given by the caller (seconds, any monotonic origin), so it is testable.
    """

    def __init__(self, hold_s: float = 1.5, fall_db_per_s: float = 20.0, floor: float = FLOOR_DBFS):
        self.hold_s = hold_s
        self.fall_db_per_s = fall_db_per_s
        self.floor = floor
        self.value = floor
        self._held_at = 0.0

    def update(self, peak_dbfs: float, now_s: float) -> float:
        if peak_dbfs >= self.value:
            self.value = peak_dbfs
            self._held_at = now_s
            return self.value
        falling_for = now_s - self._held_at - self.hold_s
        if falling_for > 0:
            # Fall from the held value, not step by step: independent of the tick rate.
            fallen = self.value - self.fall_db_per_s * falling_for
            if fallen <= peak_dbfs:
                self.value = peak_dbfs
                self._held_at = now_s
            else:
                self.value = max(self.floor, fallen)
                self._held_at = now_s - self.hold_s
        return self.value

    def reset(self) -> None:
        self.value = self.floor
        self._held_at = 0.0


def released(previous_dbfs: float, new_dbfs: float, dt_s: float, fall_db_per_s: float) -> float:
    """Meter ballistics: rise at once, fall at most ``fall_db_per_s`` (no flicker)."""
    return max(new_dbfs, previous_dbfs - fall_db_per_s * max(0.0, dt_s))
