"""The test sound (a soft three-note chime) and how to recognise it in a recording.

The chime rises C6, E6, G6: three bell-like notes, each faded in over a few
milliseconds (no click) and dying away, the whole faded out, peaking at a
moderate -10 dBFS. It is recognised by Goertzel-style single-frequency DFTs
at the three notes' frequencies over short windows: each note must stand out
of its window's sound, loud enough, and the three must come in order.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

#: C6, E6, G6: clear on laptop speakers, far from the hum and most of a voice's energy.
NOTES_HZ = (1046.5, 1318.5, 1568.0)
NOTE_SPACING_S = 0.2
NOTE_DECAY_S = 0.35
DURATION_S = 1.4
PEAK = 0.32  # about -10 dBFS: clearly audible, never startling
FADE_IN_S = 0.008
FADE_OUT_S = 0.1
#: Weight of each note's octave partial, for a bell's colour rather than a beep.
OCTAVE_PARTIAL = 0.25

#: Detection: analysis window and hop.
WINDOW_S = 0.05
HOP_S = 0.025
#: A note is present when its sine carries this share of its window's RMS...
MIN_DOMINANCE = 0.5
#: ...and is at least this loud (dBFS RMS): quantisation noise does not count.
MIN_NOTE_DBFS = -70.0


def chime(rate: float) -> np.ndarray:
    """The chime as mono float32 samples at ``rate``."""
    import numpy as np

    total = round(DURATION_S * rate)
    t = np.arange(total) / rate
    sound = np.zeros(total)
    fade_in = round(FADE_IN_S * rate)
    for index, frequency in enumerate(NOTES_HZ):
        onset = round(index * NOTE_SPACING_S * rate)
        local = t[: total - onset]
        note = np.sin(2 * np.pi * frequency * local)
        note += OCTAVE_PARTIAL * np.sin(2 * np.pi * 2 * frequency * local)
        note *= np.exp(-local / NOTE_DECAY_S)
        # Raised-cosine attack: a sine that starts at full height clicks.
        note[:fade_in] *= 0.5 - 0.5 * np.cos(np.pi * np.arange(fade_in) / fade_in)
        sound[onset:] += note
    fade_out = round(FADE_OUT_S * rate)
    sound[-fade_out:] *= 0.5 + 0.5 * np.cos(np.pi * np.arange(fade_out) / fade_out)
    sound *= PEAK / np.max(np.abs(sound))
    return sound.astype(np.float32)


@dataclass(frozen=True)
class ChimeDetection:
    heard: bool
    #: How many of the three notes stood out (in any order).
    notes_found: int
    #: Each note's best share of its window's RMS (0 to about 1).
    dominance: tuple[float, ...]
    #: Seconds from the recording's start to each note's first window (None if absent).
    times_s: tuple[float | None, ...]


def note_dominance(samples: np.ndarray, rate: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per window: each note's sine RMS estimate, and the window's RMS.

    Returns (window start times in s, note RMS [windows x notes], window RMS [windows]).
    """
    import numpy as np

    size = max(16, round(WINDOW_S * rate))
    hop = max(1, round(HOP_S * rate))
    values = samples.astype(np.float64, copy=False)
    if values.size < size:
        values = np.pad(values, (0, size - values.size))
    count = 1 + (values.size - size) // hop
    frames = np.lib.stride_tricks.sliding_window_view(values, size)[::hop][:count]
    taper = np.hanning(size)
    n = np.arange(size)
    # The DFT at each exact note frequency (what the Goertzel recursion computes).
    basis = np.exp(-2j * np.pi * np.outer(n, NOTES_HZ) / rate) * taper[:, None]
    spectrum = frames @ basis
    # A sine of amplitude A gives |X| = A * sum(taper) / 2; its RMS is A / sqrt(2).
    note_rms = np.abs(spectrum) * 2.0 / taper.sum() / math.sqrt(2.0)
    window_rms = np.sqrt(np.mean(frames * frames, axis=1))
    starts = np.arange(count) * hop / rate
    return starts, note_rms, window_rms


def detect_chime(samples: np.ndarray, rate: float) -> ChimeDetection:
    import numpy as np

    starts, note_rms, window_rms = note_dominance(samples, rate)
    loud_enough = note_rms >= 10.0 ** (MIN_NOTE_DBFS / 20.0)
    share = np.where(loud_enough, note_rms / np.maximum(window_rms[:, None], 1e-12), 0.0)
    best = share.max(axis=0)
    found = best >= MIN_DOMINANCE
    times: list[float | None] = []
    for index in range(len(NOTES_HZ)):
        # Onsets, not loudest moments: each note is loudest at its start but lingers.
        present = np.flatnonzero(share[:, index] >= MIN_DOMINANCE)
        times.append(float(starts[present[0]]) if present.size else None)
    in_order = all(found) and all(
        0.5 * NOTE_SPACING_S <= later - earlier <= 2.0 * NOTE_SPACING_S
        for earlier, later in itertools.pairwise(times)
        if earlier is not None and later is not None
    )
    return ChimeDetection(
        heard=bool(in_order),
        notes_found=int(found.sum()),
        dominance=tuple(round(float(value), 3) for value in best),
        times_s=tuple(times),
    )
