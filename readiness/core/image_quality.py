"""How bright, how contrasted, and how well exposed one camera frame is.

Pure functions over numpy arrays (numpy is imported lazily by the callers' arrays;
only ``gray_of`` needs OpenCV). Thresholds are on the 0-255 luma scale that
webcams deliver; they were set on real photographs darkened and brightened, and
are named here so the tests and the advice share them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

#: Mean luma under which the image is black: a closed shutter or a covered lens.
BLACK_BELOW = 12.0
#: ... provided nothing in it stands out (a dark room still shows some contrast).
BLACK_CONTRAST_BELOW = 8.0
#: Mean luma under which the face is hard to see.
DARK_BELOW = 60.0
#: Mean luma above which the image is washed out.
BRIGHT_ABOVE = 200.0
#: Share of burnt-out pixels (luma >= CLIPPED_LUMA) that makes an image over-exposed.
CLIPPED_LUMA = 250
CLIPPED_SHARE = 0.25
#: A face this much darker than the whole image stands against the light.
BACKLIT_FACE_GAP = 40.0
#: Without a face: this much burnt-out sky and this much shadow at once is backlight.
BACKLIT_CLIPPED_SHARE = 0.12
BACKLIT_DARK_LUMA = 50
BACKLIT_DARK_SHARE = 0.35
#: Under this RMS contrast an image is uniform: a wall, a cover, a lens cap.
UNIFORM_CONTRAST_BELOW = 12.0
#: Mean absolute difference (luma) under which two frames are the same picture.
#: Real sensors always add some noise, so only a repeated frame gets this low.
FROZEN_DIFFERENCE_BELOW = 0.05

#: Width frames are brought down to before they are analysed: the cascade's 24-pixel
#: window then finds faces from 6 % of the width, in about 25 ms of CPU.
ANALYSIS_WIDTH = 400


class Lighting(StrEnum):
    GOOD = "good"
    BLACK = "black"
    DARK = "dark"
    OVEREXPOSED = "overexposed"
    BACKLIT = "backlit"


@dataclass(frozen=True)
class FrameStats:
    brightness: float  # mean luma, 0-255
    contrast: float  # RMS contrast: standard deviation of luma
    clipped_share: float  # share of pixels at CLIPPED_LUMA or more
    dark_share: float  # share of pixels under BACKLIT_DARK_LUMA


def gray_of(frame_bgr: np.ndarray) -> np.ndarray:
    """The frame's luma at full size."""
    import cv2

    return cv2.cvtColor(frame_bgr, cv2.COLOR_BGR2GRAY) if frame_bgr.ndim == 3 else frame_bgr


def shrink(gray: np.ndarray, width: int = ANALYSIS_WIDTH) -> np.ndarray:
    """``gray`` brought down to ``width`` pixels wide (averaging, not skipping pixels)."""
    import cv2

    height, full_width = gray.shape[:2]
    if full_width <= width:
        return gray
    size = (width, max(1, round(height * width / full_width)))
    return cv2.resize(gray, size, interpolation=cv2.INTER_AREA)


def frame_stats(gray: np.ndarray) -> FrameStats:
    pixels = gray.size or 1
    return FrameStats(
        brightness=float(gray.mean()),
        contrast=float(gray.std()),
        clipped_share=float((gray >= CLIPPED_LUMA).sum()) / pixels,
        dark_share=float((gray < BACKLIT_DARK_LUMA).sum()) / pixels,
    )


def is_black(stats: FrameStats) -> bool:
    return stats.brightness < BLACK_BELOW and stats.contrast < BLACK_CONTRAST_BELOW


def is_uniform(stats: FrameStats) -> bool:
    return stats.contrast < UNIFORM_CONTRAST_BELOW


def lighting_of(stats: FrameStats, face_brightness: float | None = None) -> Lighting:
    """The lighting verdict; ``face_brightness`` (mean luma of the face) sharpens backlight."""
    if is_black(stats):
        return Lighting.BLACK
    if (
        face_brightness is not None
        and face_brightness < DARK_BELOW <= stats.brightness
        and stats.brightness - face_brightness >= BACKLIT_FACE_GAP
    ):
        return Lighting.BACKLIT  # the room is lit but the face is not: light behind the person
    if stats.brightness < DARK_BELOW:
        return Lighting.DARK
    if stats.brightness > BRIGHT_ABOVE or stats.clipped_share >= CLIPPED_SHARE:
        return Lighting.OVEREXPOSED
    if face_brightness is not None:
        if stats.brightness - face_brightness >= BACKLIT_FACE_GAP:
            return Lighting.BACKLIT
    elif stats.clipped_share >= BACKLIT_CLIPPED_SHARE and stats.dark_share >= BACKLIT_DARK_SHARE:
        return Lighting.BACKLIT
    return Lighting.GOOD


def difference(previous: np.ndarray, current: np.ndarray) -> float:
    """Mean absolute luma difference between two full-size frames.

    Full size, because shrinking averages the sensor noise away, and that noise is
    what tells a live camera from a repeated frame.
    """
    import cv2

    if previous.shape != current.shape:
        return float("inf")
    return float(cv2.absdiff(previous, current).mean())


def is_frozen(differences: list[float]) -> bool:
    """Frozen: the last two comparisons (three samples, over half a second) found the
    very same picture. Only the latest ones: an image may freeze after a moment, and
    a stuck driver may hand a few different frames before it repeats one.
    """
    return len(differences) >= 2 and max(differences[-2:]) < FROZEN_DIFFERENCE_BELOW
