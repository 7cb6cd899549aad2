"""Test videos for the camera step, written with OpenCV's VideoWriter.

The face is a real photograph that ships inside scikit-image's wheel (the
astronaut Eileen Collins, NASA, public domain), read from the installed package:
nothing is downloaded. Each "live" frame gets its own sensor-like noise, as a
real camera's frames do; a frozen video repeats one frame exactly.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable
from pathlib import Path

import cv2
import numpy as np

SIZE = (640, 360)  # width, height: 16:9 like a webcam, small enough to write fast
FPS = 30.0


def face_photo_path() -> Path:
    spec = importlib.util.find_spec("skimage")
    assert spec is not None and spec.submodule_search_locations, "scikit-image is not installed"
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "astronaut.png"
    assert path.is_file(), f"{path} is not in the scikit-image package"
    return path


def face_photo(size: tuple[int, int] = SIZE) -> np.ndarray:
    """The photograph as a webcam would frame it: head and shoulders, filling a 16:9 frame."""
    photo = cv2.imread(str(face_photo_path()), cv2.IMREAD_COLOR)
    assert photo is not None
    width, height = size
    square = cv2.resize(photo, (width, width), interpolation=cv2.INTER_AREA)
    return np.ascontiguousarray(square[:height])  # the top: the face and the shoulders


def half_photo(width: int, height: int) -> np.ndarray:
    """The photograph as tall as the frame, its middle ``width`` pixels: one of two
    people sitting side by side."""
    photo = cv2.imread(str(face_photo_path()), cv2.IMREAD_COLOR)
    assert photo is not None
    square = cv2.resize(photo, (height, height), interpolation=cv2.INTER_AREA)
    left = max(0, (height - width) // 2)
    return square[:, left : left + width]


def two_faces(size: tuple[int, int] = SIZE) -> np.ndarray:
    """Two people side by side, the second one turned the other way."""
    width, height = size
    left = half_photo(width // 2, height)
    right = cv2.flip(half_photo(width - width // 2, height), 1)
    return np.ascontiguousarray(np.hstack([left, right]))


def with_noise(image: np.ndarray, rng: np.random.Generator, sigma: float = 3.0) -> np.ndarray:
    noise = rng.normal(0.0, sigma, image.shape)
    return np.clip(image.astype(np.float32) + noise, 0, 255).astype(np.uint8)


def scaled(image: np.ndarray, gain: float, offset: float = 0.0) -> np.ndarray:
    return np.clip(image.astype(np.float32) * gain + offset, 0, 255).astype(np.uint8)


def variant(name: str, size: tuple[int, int] = SIZE) -> np.ndarray:
    """The still picture behind each test video."""
    width, height = size
    if name in ("good", "frozen"):
        return face_photo(size)
    if name == "dark":
        return scaled(face_photo(size), 0.22)
    if name == "overexposed":
        return scaled(face_photo(size), 1.8, 90)
    if name == "backlit":  # a dim face beside a bright window
        image = scaled(face_photo(size), 0.3)
        image[:, round(width * 0.68) :] = 255
        return image
    if name == "two_faces":
        return two_faces(size)
    if name == "black":
        return np.zeros((height, width, 3), np.uint8)
    if name == "no_face":  # a plain wall, evenly lit
        return np.full((height, width, 3), (150, 160, 170), np.uint8)
    raise ValueError(name)


def frames_of(name: str, count: int, size: tuple[int, int] = SIZE, seed: int = 7):
    still = variant(name, size)
    rng = np.random.default_rng(seed)
    for _ in range(count):
        if name == "frozen":
            yield still  # the very same picture, as a stuck driver repeats it
        elif name == "black":
            yield with_noise(still, rng, 1.0)  # a closed shutter still has a little noise
        else:
            yield with_noise(still, rng)


def write_video(
    path: Path, frames: Iterable[np.ndarray], fps: float = FPS, fourcc: str = "MJPG"
) -> Path:
    frames = iter(frames)
    first = next(frames)
    height, width = first.shape[:2]
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*fourcc), fps, (width, height))
    assert writer.isOpened(), f"OpenCV cannot write {fourcc} videos here"
    try:
        writer.write(first)
        for frame in frames:
            writer.write(frame)
    finally:
        writer.release()
    return path


def write_variant(
    folder: Path,
    name: str,
    seconds: float | None = None,
    size: tuple[int, int] = SIZE,
    fps: float = FPS,
) -> Path:
    """One second of video, looped by the reader like a camera. A frozen video lasts
    longer: OpenCV's MJPG writer makes its first two frames slightly different, and a
    loop would bring them back every second."""
    if seconds is None:
        seconds = 4.0 if name == "frozen" else 1.0
    return write_video(
        folder / f"{name}.avi", frames_of(name, max(2, round(seconds * fps)), size), fps
    )
