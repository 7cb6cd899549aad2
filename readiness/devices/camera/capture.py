"""Opening a camera or a video file, reading it like a camera, and saying why it failed."""

from __future__ import annotations

import errno
import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from readiness.devices.camera.backends import backends_for, prepare_opencv, wants_mjpg
from readiness.devices.camera.model import CameraError, CameraProblem

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger(__name__)

#: Zoom sends 720p when it can: ask the camera for it, and measure what it gives.
WANTED_SIZE = (1280, 720)
#: A video file whose frame rate OpenCV cannot read plays at this rate.
DEFAULT_FILE_FPS = 30.0
#: Frames a late reader of a file may still catch up on, as camera drivers keep a few
#: frames (Linux's V4L2 four) for a reader that was held up a moment.
BUFFERED_FRAMES = 4

Source = int | str

# OpenCV takes its copy of the environment when it loads: set before any ``import cv2``
# (this module is imported with the camera package, before any camera is opened).
prepare_opencv()


def parse_source(text: str | None) -> Source:
    """``DeviceChoice.camera`` as OpenCV takes it: an index (``"1"`` -> 1) or a file path."""
    text = (text or "").strip() or "0"
    return int(text) if text.isdigit() else text


def _quiet_opencv() -> None:
    # OpenCV prints a warning for every camera index it fails to open; the app
    # says it better to the user, and the log file gets our own line.
    prepare_opencv()
    import cv2

    cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_ERROR)


def _open_device(index: int, *, platform: str | None = None, video_capture=None):
    """Camera ``index`` through the first of the system's backends that opens it (a
    closed capture when none does). ``video_capture`` stands in for cv2.VideoCapture."""
    import cv2

    video_capture = video_capture or cv2.VideoCapture
    for backend in backends_for(platform or sys.platform):
        capture = video_capture(index, getattr(cv2, backend, cv2.CAP_ANY))
        if capture.isOpened():
            break
        capture.release()
    else:
        return capture
    if wants_mjpg(backend):
        capture.set(cv2.CAP_PROP_FOURCC, cv2.VideoWriter.fourcc(*"MJPG"))
    capture.set(cv2.CAP_PROP_FRAME_WIDTH, WANTED_SIZE[0])
    capture.set(cv2.CAP_PROP_FRAME_HEIGHT, WANTED_SIZE[1])
    return capture


def _open_file(path: str):
    import cv2

    if not Path(path).is_file():
        raise CameraError(CameraProblem.NOT_FOUND, path)
    return cv2.VideoCapture(path)


def classify_open_failure(
    source: Source, *, dev_dir: Path = Path("/dev"), platform: str = sys.platform
) -> CameraProblem:
    """Why OpenCV could not open ``source``, as far as the system lets us tell."""
    if isinstance(source, str):
        return CameraProblem.UNREADABLE if Path(source).is_file() else CameraProblem.NOT_FOUND
    if not platform.startswith("linux"):
        # macOS and Windows answer a refused permission, a busy camera and a missing
        # one alike: the advice covers all three.
        return CameraProblem.UNAVAILABLE
    node = dev_dir / f"video{source}"
    if not node.exists():
        return CameraProblem.NOT_FOUND
    try:
        # Opening the node does not start the camera; it only asks the kernel.
        descriptor = os.open(node, os.O_RDWR | os.O_NONBLOCK)
    except PermissionError:
        return CameraProblem.PERMISSION_DENIED
    except OSError as error:
        if error.errno == errno.EBUSY:
            return CameraProblem.BUSY
        return CameraProblem.NOT_FOUND
    os.close(descriptor)
    # The node is there and ours to open, yet OpenCV could not start it: on Linux
    # that is another application streaming from it.
    return CameraProblem.BUSY


class Capture:
    """An opened camera or video file. ``read()`` returns the next frame (BGR) or None.

    A video file behaves like a camera: frames come at the file's own rate (read
    sleeps to pace them) and it loops by opening the file again at its end, so a
    file deleted meanwhile ends like an unplugged camera. Raises CameraError when
    the source cannot be opened, and from ``read`` when it is gone. A file's pace is
    kept on ``clock`` with ``sleep``.
    """

    def __init__(
        self,
        source: Source,
        *,
        loop: bool = True,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ):
        _quiet_opencv()
        self.source = source
        self.is_file = isinstance(source, str)
        self._loop = loop
        self._clock = clock
        self._sleep = sleep
        self._capture = self._open()
        self.nominal_fps = self._file_fps() if self.is_file else 0.0
        self._due: float | None = None

    def _open(self):
        if isinstance(self.source, str):
            capture = _open_file(self.source)
        else:
            capture = _open_device(self.source)
        if not capture.isOpened():
            capture.release()
            problem = classify_open_failure(self.source)
            log.info("camera %r cannot be opened: %s", self.source, problem)
            raise CameraError(problem, str(self.source))
        return capture

    def _file_fps(self) -> float:
        import cv2

        fps = float(self._capture.get(cv2.CAP_PROP_FPS) or 0.0)
        return fps if 1.0 <= fps <= 240.0 else DEFAULT_FILE_FPS

    def _pace(self) -> None:
        period = 1.0 / self.nominal_fps
        now = self._clock()
        if self._due is None or self._due < now - BUFFERED_FRAMES * period:
            # First frame, or far behind: the frames in between are lost, as a camera
            # drops those its reader did not take.
            self._due = now
        elif self._due > now:
            self._sleep(self._due - now)
        self._due += period

    def read(self) -> np.ndarray | None:
        if self.is_file:
            self._pace()
        ok, frame = self._capture.read()
        if ok:
            return frame
        if self.is_file and self._loop:
            # The next loop opens before this one closes: the source is never let go
            # while previewed, as a camera stays held between two frames.
            ended = self._capture
            try:
                self._capture = self._open()
            except CameraError as error:
                raise CameraError(CameraProblem.DISCONNECTED, error.detail) from None
            finally:
                ended.release()
            ok, frame = self._capture.read()
            return frame if ok else None
        if not self.is_file and sys.platform.startswith("linux"):
            if not Path(f"/dev/video{self.source}").exists():
                raise CameraError(CameraProblem.DISCONNECTED, str(self.source))
        return None

    def release(self) -> None:
        self._capture.release()

    def __enter__(self) -> Capture:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()
