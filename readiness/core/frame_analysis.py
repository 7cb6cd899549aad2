"""Turns a few sampled frames into one observation: size, light, faces, frozen or black.

The headless check feeds it about two seconds of frames; the page feeds it
continuously and keeps a short window, so that turning a lamp on shows within
seconds. Each sample costs a few milliseconds (shrunk frame, Haar cascade), so
callers sample a few frames per second, never every frame.
"""

from __future__ import annotations

import statistics
from collections import Counter, deque
from dataclasses import dataclass
from typing import TYPE_CHECKING

from readiness.core.face_finder import Face, FaceFinder, Framing, face_brightness, framing_of
from readiness.core.image_quality import (
    FrameStats,
    Lighting,
    difference,
    frame_stats,
    gray_of,
    is_black,
    is_frozen,
    is_uniform,
    lighting_of,
    shrink,
)

if TYPE_CHECKING:
    import numpy as np

#: Samples per second the callers aim for: enough to follow a change, cheap on CPU.
SAMPLES_PER_S = 3.0


@dataclass(frozen=True)
class FrameSample:
    stats: FrameStats
    black: bool
    faces: tuple[Face, ...]
    face_brightness: float | None
    #: Mean luma difference with the previous sample (None for the first).
    difference: float | None


@dataclass(frozen=True)
class CameraObservation:
    width: int
    height: int
    fps: float
    samples: int
    brightness: float
    contrast: float
    clipped_share: float
    #: How many faces are in view, over the samples (``faces_in_view``).
    faces: int
    #: The largest face of the latest sample that had one.
    face: Face | None
    lighting: Lighting
    framing: Framing | None
    all_black: bool
    frozen: bool
    uniform: bool


class FrameAnalyser:
    """Accumulates samples; ``window`` keeps only the latest ones (None: all of them)."""

    def __init__(self, finder: FaceFinder | None = None, window: int | None = None):
        self._finder = finder or FaceFinder()
        self._samples: deque[FrameSample] = deque(maxlen=window)
        self._previous_gray: np.ndarray | None = None
        self.width = 0
        self.height = 0

    @property
    def sample_count(self) -> int:
        return len(self._samples)

    def reset(self) -> None:
        self._samples.clear()
        self._previous_gray = None

    def add(self, frame_bgr: np.ndarray) -> FrameSample:
        self.height, self.width = frame_bgr.shape[:2]
        gray = gray_of(frame_bgr)
        change = None
        if self._previous_gray is not None:
            change = difference(self._previous_gray, gray)
        self._previous_gray = gray
        small = shrink(gray)
        stats = frame_stats(small)
        black = is_black(stats)
        faces = () if black else tuple(self._finder.find(small))
        sample = FrameSample(
            stats=stats,
            black=black,
            faces=faces,
            face_brightness=face_brightness(small, faces[0]) if faces else None,
            difference=change,
        )
        self._samples.append(sample)
        return sample

    def observation(self, fps: float) -> CameraObservation | None:
        samples = list(self._samples)
        if not samples:
            return None
        median = FrameStats(
            brightness=statistics.median(s.stats.brightness for s in samples),
            contrast=statistics.median(s.stats.contrast for s in samples),
            clipped_share=statistics.median(s.stats.clipped_share for s in samples),
            dark_share=statistics.median(s.stats.dark_share for s in samples),
        )
        lit_faces = [s.face_brightness for s in samples if s.face_brightness is not None]
        all_black = all(s.black for s in samples)
        face = next((s.faces[0] for s in reversed(samples) if s.faces), None)
        faces = faces_in_view([len(s.faces) for s in samples])
        changes = [s.difference for s in samples[1:] if s.difference is not None]
        return CameraObservation(
            width=self.width,
            height=self.height,
            fps=fps,
            samples=len(samples),
            brightness=median.brightness,
            contrast=median.contrast,
            clipped_share=median.clipped_share,
            faces=faces,
            face=face if faces else None,
            lighting=Lighting.BLACK
            if all_black
            else lighting_of(median, statistics.median(lit_faces) if faces and lit_faces else None),
            framing=framing_of(face) if faces and face else None,
            all_black=all_black,
            frozen=not all_black and is_frozen(changes),
            uniform=is_uniform(median),
        )


def faces_in_view(counts: list[int]) -> int:
    """How many faces the samples show. 0 unless a face was seen in at least a quarter
    of them: people move, and the cascade misses a face now and then. Then the count seen
    most often among those samples, the smaller on a tie: one noisy sample (a face seen
    in the curtains, a face missed) does not change it."""
    seen = Counter(count for count in counts if count > 0)
    if not seen or seen.total() < 0.25 * len(counts):
        return 0
    return max(seen, key=lambda count: (seen[count], -count))
