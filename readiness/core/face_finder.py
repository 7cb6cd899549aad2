"""Finds faces in a frame with OpenCV's Haar cascade, and judges how a face is framed.

The cascade ships inside opencv-python-headless 4.x (``cv2.data.haarcascades``);
OpenCV 5 wheels dropped it, hence the ``<5`` pin. Faces are given in fractions of
the frame (0-1), so framing rules do not depend on the camera's resolution.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

CASCADE_FILE = "haarcascade_frontalface_default.xml"
#: Smallest face searched, as a share of the (shrunk) frame's width.
MIN_FACE_SHARE = 0.05
#: A face narrower than this share of the frame is too far from the camera.
SMALL_FACE_BELOW = 0.09
#: A face whose centre is further than this from the middle (share of width) is off-centre.
OFF_CENTRE_BEYOND = 0.2
#: A face whose centre is below this height (share, from the top) shows a camera too low.
LOW_FACE_BELOW = 0.62


@dataclass(frozen=True)
class Face:
    """A face's box, in fractions of the frame's width and height."""

    x: float
    y: float
    width: float
    height: float

    @property
    def centre(self) -> tuple[float, float]:
        return self.x + self.width / 2, self.y + self.height / 2


class Framing(StrEnum):
    GOOD = "good"
    TOO_FAR = "too_far"
    OFF_CENTRE = "off_centre"
    TOO_LOW = "too_low"


class FaceFinder:
    """One cascade per finder: OpenCV does not promise a classifier is thread-safe."""

    def __init__(self) -> None:
        import cv2

        self._cascade = cv2.CascadeClassifier(cv2.data.haarcascades + CASCADE_FILE)
        if self._cascade.empty():
            raise RuntimeError(f"OpenCV's {CASCADE_FILE} could not be loaded")

    def find(self, gray: np.ndarray) -> list[Face]:
        """Faces in a (small) grayscale frame, largest first."""
        height, width = gray.shape[:2]
        if not width or not height:
            return []
        smallest = max(24, round(width * MIN_FACE_SHARE))  # 24: the cascade's own window
        # Scale steps of 15 % and 5 neighbours: half the time of OpenCV's usual 10 %,
        # still finding the face in every frame of the test photographs, and without
        # the odd false face in the curtains that would hide the "no face" advice.
        boxes = self._cascade.detectMultiScale(
            gray, scaleFactor=1.15, minNeighbors=5, minSize=(smallest, smallest)
        )
        faces = [
            Face(x / width, y / height, w / width, h / height)
            for x, y, w, h in (tuple(int(v) for v in box) for box in boxes)
        ]
        return sorted(faces, key=lambda face: face.width * face.height, reverse=True)


def face_brightness(gray: np.ndarray, face: Face) -> float:
    """Mean luma inside the face's box (its middle, to leave hair and background out)."""
    height, width = gray.shape[:2]
    left = int((face.x + face.width * 0.2) * width)
    right = int((face.x + face.width * 0.8) * width)
    top = int((face.y + face.height * 0.2) * height)
    bottom = int((face.y + face.height * 0.8) * height)
    region = gray[top : max(bottom, top + 1), left : max(right, left + 1)]
    return float(region.mean()) if region.size else float(gray.mean())


def framing_of(face: Face) -> Framing:
    centre_x, centre_y = face.centre
    if face.width < SMALL_FACE_BELOW:
        return Framing.TOO_FAR
    if abs(centre_x - 0.5) > OFF_CENTRE_BEYOND:
        return Framing.OFF_CENTRE
    if centre_y > LOW_FACE_BELOW:
        return Framing.TOO_LOW
    return Framing.GOOD
