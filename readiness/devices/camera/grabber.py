"""A capture thread that keeps only the newest frame, and reopens a camera that went away.

The thread reads as fast as the camera gives frames and overwrites a single slot:
whoever draws or analyses takes the newest frame when it is ready for one, so a
slow reader drops frames instead of queueing them. ``on_frame`` and ``on_status``
are called on the capture thread; they must only hand over (set a flag, emit a
signal), never draw.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from readiness.devices.camera.capture import Capture, Source
from readiness.devices.camera.model import CameraError, CameraProblem

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger(__name__)

#: Failed reads in a row after which the camera is taken as gone.
FAILED_READS = 3
#: Seconds between two attempts to open a camera that failed or went away.
RETRY_S = 1.0


class GrabberState(StrEnum):
    OPENING = "opening"
    LIVE = "live"
    #: It could not be opened (``problem`` says why); the grabber keeps trying.
    FAILED = "failed"
    #: It was live and went away; the grabber keeps trying, and goes live again.
    LOST = "lost"
    STOPPED = "stopped"


@dataclass(frozen=True)
class GrabberStatus:
    state: GrabberState
    problem: CameraProblem | None = None


@dataclass(frozen=True)
class Frame:
    #: As captured (BGR, the camera's full size).
    image: np.ndarray
    #: What ``prepare`` made of it for the screen (None without a ``prepare``).
    display: np.ndarray | None
    number: int
    captured_at: float


class FrameGrabber:
    def __init__(
        self,
        source: Source,
        *,
        on_frame: Callable[[], None] | None = None,
        on_status: Callable[[GrabberStatus], None] | None = None,
        retry_s: float = RETRY_S,
        open_capture: Callable[[Source], Capture] = Capture,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.source = source
        self._on_frame = on_frame
        self._on_status = on_status
        self._retry_s = retry_s
        self._open_capture = open_capture
        self._clock = clock  # frames are stamped on it: the rate and the age are read on it
        #: Set by the preview: turns a captured frame into a screen-ready one, on this thread,
        #: so the GUI thread only paints.
        self.prepare: Callable[[np.ndarray], np.ndarray | None] | None = None
        self._latest: Frame | None = None
        self._stamps: deque[float] = deque(maxlen=31)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.status = GrabberStatus(GrabberState.STOPPED)
        self.frames_captured = 0

    # --- for the GUI (any thread) ----------------------------------------------

    def start(self) -> None:
        """Starts capturing; a grabber runs once (make a new one to start again)."""
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="camera-capture", daemon=True)
        self._thread.start()

    def stop(self, timeout_s: float = 3.0) -> bool:
        """Stop and release the camera; True when the thread has ended within ``timeout_s``.

        A daemon thread: a driver call that never returns must not keep the app alive.
        """
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is None:
            return True
        thread.join(timeout_s)
        if thread.is_alive():
            log.warning("the camera thread did not stop within %.1f s", timeout_s)
            return False
        return True

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def latest(self) -> Frame | None:
        return self._latest

    def fps(self) -> float:
        """Frames delivered per second, over the last 30 frames."""
        stamps = list(self._stamps)
        if len(stamps) < 2 or stamps[-1] <= stamps[0]:
            return 0.0
        return (len(stamps) - 1) / (stamps[-1] - stamps[0])

    def frame_age(self) -> float | None:
        """Seconds since the last frame arrived (None before the first)."""
        latest = self._latest
        return None if latest is None else self._clock() - latest.captured_at

    # --- the capture thread --------------------------------------------------------

    def _set_status(self, state: GrabberState, problem: CameraProblem | None = None) -> None:
        status = GrabberStatus(state, problem)
        if status == self.status:
            return
        self.status = status
        if self._on_status is not None and not self._stop.is_set():
            self._notify(self._on_status, status)

    @staticmethod
    def _notify(callback: Callable[..., None], *args: object) -> None:
        try:
            callback(*args)
        except Exception:  # e.g. its window is gone: that must not end the capture
            log.exception("a camera callback failed")

    def _run(self) -> None:
        was_live = False
        self._set_status(GrabberState.OPENING)
        while not self._stop.is_set():
            try:
                capture = self._open_capture(self.source)
            except CameraError as error:
                if was_live:
                    self._set_status(GrabberState.LOST, CameraProblem.DISCONNECTED)
                else:
                    self._set_status(GrabberState.FAILED, error.problem)
                self._stop.wait(self._retry_s)
                continue
            except Exception:  # a driver error must not end the page's camera for good
                log.exception("opening camera %r failed", self.source)
                self._set_status(GrabberState.FAILED, CameraProblem.UNAVAILABLE)
                self._stop.wait(self._retry_s)
                continue
            try:
                delivered = self._read_until_gone(capture)
            finally:
                capture.release()
            was_live = was_live or delivered
            if self._stop.is_set():
                break
            if was_live:
                log.info("camera %r went away; waiting for it to come back", self.source)
                self._set_status(GrabberState.LOST, CameraProblem.DISCONNECTED)
            else:
                self._set_status(GrabberState.FAILED, CameraProblem.NO_FRAMES)
            self._stop.wait(self._retry_s)
        self.status = GrabberStatus(GrabberState.STOPPED)

    def _prepared(self, image: np.ndarray) -> np.ndarray | None:
        prepare = self.prepare
        if prepare is None:
            return None
        try:
            return prepare(image)
        except Exception:  # a bad frame must not end the capture
            log.exception("preparing a frame for the screen failed")
            return None

    def _read_until_gone(self, capture: Capture) -> bool:
        """Reads until stopped or the camera is gone; True if any frame came."""
        delivered = False
        failures = 0
        self._stamps.clear()
        while not self._stop.is_set():
            try:
                image = capture.read()
            except CameraError:
                return delivered
            if image is None:
                failures += 1
                if failures >= FAILED_READS:
                    return delivered
                self._stop.wait(0.05)
                continue
            failures = 0
            delivered = True
            display = self._prepared(image)
            now = self._clock()
            self.frames_captured += 1
            self._stamps.append(now)
            self._latest = Frame(image, display, self.frames_captured, now)
            self._set_status(GrabberState.LIVE)
            if self._on_frame is not None:
                self._notify(self._on_frame)
        return delivered
