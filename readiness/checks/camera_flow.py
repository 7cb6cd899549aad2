"""The camera check as one flow: open the camera, keep its newest frame, judge a few a second.

``CameraFlow`` opens the camera through the kit in a FrameGrabber (a capture thread
that keeps only the newest frame and tries a camera that fails or goes away again
every second), and samples that frame ``SAMPLES_PER_S`` times a second on a thread
of its own, which analyses the last ``WINDOW`` samples and judges them with
``judge_camera``. The camera page keeps it running while shown and paints its
frames (``latest``, ``prepare``, ``on_frame``); the command line drives it until
``settled``: it has looked ``look_s`` seconds after the first frame, or the camera
gives no image.

Updates, sent from the flow's threads:

- ``CameraStatus``: the camera's phase changed (opening, live, or a problem with
  its verdict); sent once per change.
- ``CameraVerdict``: a new verdict on the image, with the observation it rests on
  (a few times a second while live).

Sampling goes by the frames' own timestamps, on the flow's clock (the grabber's,
and the camera's pace for a video file), so a test's clock that moves only with the
frames gets exactly the samples a real camera would.
"""

from __future__ import annotations

import atexit
import logging
import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from readiness.checks.camera import CHECK_ID, judge_camera, judge_problem
from readiness.checks.flow import Observer
from readiness.core.frame_analysis import SAMPLES_PER_S, CameraObservation, FrameAnalyser
from readiness.core.result import CheckResult
from readiness.devices.camera.grabber import RETRY_S, FrameGrabber, GrabberState, GrabberStatus
from readiness.devices.camera.model import CameraProblem

if TYPE_CHECKING:
    import numpy as np

    from readiness.checks.kit import DeviceKit
    from readiness.devices.camera.grabber import Frame

log = logging.getLogger(__name__)

#: Seconds of image looked at, from the first frame, before the command line's verdict.
LOOK_S = 2.0
#: Seconds the first frame may take (some cameras need a moment to start).
FIRST_FRAME_S = 6.0
#: A live camera that gave no frame for this long has stopped.
STALLED_S = 4.0
#: Samples a verdict rests on: the last two seconds, so turning a lamp on shows quickly.
WINDOW = 6
#: Samples needed before a first verdict (under a second).
FIRST_VERDICT_SAMPLES = 3
#: How long stopping waits for the camera to be released; a driver stuck in a read
#: lets it go from its daemon thread whenever it returns.
STOP_WAIT_S = 0.5
#: Seconds of the flow's clock the capture waits for the analysis to take the previous
#: sample before replacing it. On a real clock a short, rare hold (an analysis takes
#: milliseconds, samples come a third of a second apart); on a test's clock that only
#: the frames move, it keeps every sample in order.
HOLD_S = 0.05
#: How often (real seconds) an idle flow looks at the time: a stalled camera, a late
#: first frame.
TICK_S = 1.0 / SAMPLES_PER_S
#: Timestamps within this of each other count as the same moment (float rounding).
EPSILON_S = 1e-3


#: The flows started and not yet stopped. A daemon thread still inside OpenCV when the
#: interpreter ends aborts the process ("FATAL: exception not rethrown"), so whatever is
#: still running at exit (a command line interrupted, a test's leftover run) is stopped.
_RUNNING: weakref.WeakSet[CameraFlow] = weakref.WeakSet()
_RUNNING_LOCK = threading.Lock()


@atexit.register
def _stop_running_flows() -> None:
    with _RUNNING_LOCK:
        flows = list(_RUNNING)
    for flow in flows:
        flow.stop()


class CameraPhase(StrEnum):
    OPENING = "opening"
    LIVE = "live"
    #: It gives no image (``problem`` says why); the flow keeps trying every second.
    FAILED = "failed"
    #: It was live and went away (unplugged); the flow keeps trying, and goes live again.
    LOST = "lost"
    #: It was live, then gave no frame for ``STALLED_S``.
    STALLED = "stalled"


#: The phases in which the camera gives no image: their verdict is ``judge_problem``'s.
PROBLEM_PHASES = frozenset({CameraPhase.FAILED, CameraPhase.LOST, CameraPhase.STALLED})


@dataclass(frozen=True)
class CameraStatus:
    """The camera's phase changed."""

    phase: CameraPhase
    #: Why there is no image (in the problem phases).
    problem: CameraProblem | None = None
    #: The verdict on that problem (in the problem phases).
    result: CheckResult | None = None


@dataclass(frozen=True)
class CameraVerdict:
    """A verdict on the live image."""

    result: CheckResult
    #: What the samples showed (size, rate, light, faces): the page's details.
    observation: CameraObservation
    #: Seconds of image from the first frame to the latest sample.
    looked_s: float


@dataclass(frozen=True)
class _Sample:
    image: np.ndarray
    fps: float
    captured_at: float
    #: The stretch of live image it belongs to (a problem starts a new one).
    stretch: int


class CameraFlow:
    """One run of the camera check on ``source`` (``DeviceChoice.camera``: an index, a
    video file, or a camera's name), through ``kit``'s camera adapters.

    ``on_frame`` is called on the capture thread for each new frame (the preview's
    wake-up: it must only hand over); ``prepare``, set any time, makes each frame
    screen-ready on that thread (the preview's scaler).
    """

    id = CHECK_ID

    def __init__(
        self,
        source: str | None,
        kit: DeviceKit,
        *,
        on_frame: Callable[[], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
        look_s: float = LOOK_S,
        first_frame_s: float = FIRST_FRAME_S,
        stalled_s: float = STALLED_S,
        retry_s: float = RETRY_S,
        stop_wait_s: float = STOP_WAIT_S,
    ):
        self.source = source or "0"
        self._kit = kit
        self._on_frame = on_frame
        self._clock = clock
        self._look_s = look_s
        self._first_frame_s = first_frame_s
        self._stalled_s = stalled_s
        self._retry_s = retry_s
        self._stop_wait_s = stop_wait_s
        #: Turns a captured frame into a screen-ready one, on the capture thread.
        self.prepare: Callable[[np.ndarray], np.ndarray | None] | None = None
        # One lock for the state, the sample slot and the sending: nothing is sent
        # once ``stop`` has taken it.
        self._lock = threading.Condition()
        self._observe: Observer | None = None
        self._started = False
        self._stopped = False
        self._grabber: FrameGrabber | None = None
        self._thread: threading.Thread | None = None
        self._is_file = False
        self._started_at = 0.0
        self._phase: CameraPhase | None = None
        self._problem: CameraProblem | None = None
        self._result: CheckResult | None = None
        self._stretch = 0
        self._first_at: float | None = None
        self._next_sample = float("-inf")
        self._slot: _Sample | None = None
        self._looked_s: float | None = None  # behind the latest image verdict

    # --- the flow protocol ----------------------------------------------------------

    def start(self, observe: Observer) -> None:
        with self._lock:
            if self._started or self._stopped:
                return
            self._started = True
            self._observe = observe
            with _RUNNING_LOCK:
                _RUNNING.add(self)
            self._started_at = self._clock()
            self._thread = threading.Thread(target=self._run, name="camera-analysis", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        with self._lock:
            if self._stopped:
                return
            self._stopped = True
            self._slot = None
            grabber, thread = self._grabber, self._thread
            self._lock.notify_all()  # the analysis and a held capture stop waiting
        if grabber is not None:
            grabber.stop(timeout_s=self._stop_wait_s)
        if thread is not None and thread is not threading.current_thread():
            # A sample being analysed ends within milliseconds; waiting for it means no
            # OpenCV call is left running when the command line's process exits.
            thread.join(self._stop_wait_s)
        with _RUNNING_LOCK:
            _RUNNING.discard(self)

    def result(self) -> CheckResult | None:
        with self._lock:
            return self._result

    def settled(self) -> bool:
        with self._lock:
            if self._phase in PROBLEM_PHASES:
                return self._result is not None
            return (
                self._phase is CameraPhase.LIVE
                and self._looked_s is not None
                and self._looked_s + EPSILON_S >= self._look_s
            )

    # --- for the page ------------------------------------------------------------------

    @property
    def phase(self) -> CameraPhase | None:
        """The camera's phase (None before the flow has begun)."""
        with self._lock:
            return self._phase

    def latest(self) -> Frame | None:
        """The newest frame (with ``display``, what ``prepare`` made of it), or None."""
        grabber = self._grabber
        return grabber.latest() if grabber is not None else None

    @property
    def capturing(self) -> bool:
        """True while the capture thread runs (and so may hold the camera)."""
        grabber = self._grabber
        return grabber is not None and grabber.running

    # --- the flow's own thread ------------------------------------------------------------

    def _run(self) -> None:
        with self._lock:
            self._enter(CameraPhase.OPENING)
        try:
            source = self._kit.find_camera(self.source)
        except Exception:  # a system listing that fails must not end the flow silently
            log.exception("looking for camera %r failed", self.source)
            source = None
        with self._lock:
            if source is None:
                self._fail(CameraPhase.FAILED, CameraProblem.NOT_FOUND)
                return
            if self._stopped:
                return
            self._is_file = isinstance(source, str)
            self._grabber = FrameGrabber(
                source,
                on_frame=self._frame_came,
                on_status=self._status_came,
                retry_s=self._retry_s,
                open_capture=self._kit.open_camera,
                clock=self._clock,
            )
            self._grabber.prepare = self._prepare
            self._grabber.start()
        self._analyse()

    def _analyse(self) -> None:
        analyser: FrameAnalyser | None = None
        stretch = -1
        while True:
            with self._lock:
                if self._slot is None and not self._stopped:
                    self._lock.wait(TICK_S)
                if self._stopped:
                    return
                sample, self._slot = self._slot, None
                self._lock.notify_all()  # a capture held for the slot may go on
            if sample is None:
                self._look_at_the_time()
                continue
            try:
                if analyser is None:
                    # Made here, not on the caller's thread: loading the cascade takes a
                    # moment, and one per flow is never shared between threads.
                    from readiness.core.face_finder import FaceFinder

                    analyser = FrameAnalyser(FaceFinder(), window=WINDOW)
                if sample.stretch != stretch:
                    analyser.reset()  # the camera came back: judge it afresh
                    stretch = sample.stretch
                analyser.add(sample.image)
                observation = analyser.observation(sample.fps)
            except Exception:  # one frame that cannot be analysed: the next one will be
                log.exception("analysing a camera frame failed")
                continue
            self._judged(sample, observation)

    def _judged(self, sample: _Sample, observation: CameraObservation | None) -> None:
        with self._lock:
            if self._stopped or sample.stretch != self._stretch or self._first_at is None:
                return  # of an image since gone
            if observation is None or observation.samples < FIRST_VERDICT_SAMPLES:
                return
            result = judge_camera(observation)
            self._result = result
            self._looked_s = sample.captured_at - self._first_at
            self._send(CameraVerdict(result, observation, self._looked_s))

    def _look_at_the_time(self) -> None:
        """While no sample comes: a live camera that stopped, or a first frame that never
        came (a driver stuck opening)."""
        grabber = self._grabber
        latest = grabber.latest() if grabber is not None else None
        with self._lock:
            if self._stopped:
                return
            now = self._clock()
            stalled = latest is not None and now - latest.captured_at > self._stalled_s
            late = latest is None and now - self._started_at > self._first_frame_s
            if self._phase is CameraPhase.LIVE and stalled:
                self._fail(CameraPhase.STALLED, CameraProblem.NO_FRAMES)
            elif self._phase is CameraPhase.OPENING and late:
                self._fail(CameraPhase.FAILED, self._no_image())

    # --- the capture thread ----------------------------------------------------------

    def _prepare(self, image: np.ndarray) -> np.ndarray | None:
        prepare = self.prepare
        return prepare(image) if prepare is not None else None

    def _status_came(self, status: GrabberStatus) -> None:
        with self._lock:
            if self._stopped:
                return
            if status.state is GrabberState.OPENING:
                self._enter(CameraPhase.OPENING)
            elif status.state is GrabberState.LIVE:
                self._enter(CameraPhase.LIVE)
            elif status.state is GrabberState.FAILED:
                problem = status.problem or CameraProblem.UNAVAILABLE
                if problem is CameraProblem.NO_FRAMES:
                    problem = self._no_image()
                self._fail(CameraPhase.FAILED, problem)
            elif status.state is GrabberState.LOST:
                self._fail(CameraPhase.LOST, status.problem or CameraProblem.DISCONNECTED)

    def _frame_came(self) -> None:
        if self._on_frame is not None:
            self._on_frame()  # the preview's wake-up first: a hold below must not delay it
        grabber = self._grabber
        frame = grabber.latest() if grabber is not None else None
        if grabber is None or frame is None:
            return
        with self._lock:
            if self._stopped:
                return
            self._enter(CameraPhase.LIVE)  # back after a stall, or after a late first frame
            if self._first_at is None:
                self._first_at = frame.captured_at
            if frame.captured_at + EPSILON_S < self._next_sample:
                return
            held_since = self._clock()
            while (
                self._slot is not None and not self._stopped and self._clock() - held_since < HOLD_S
            ):
                self._lock.wait(0.01)
            if self._stopped:
                return
            self._slot = _Sample(frame.image, grabber.fps(), frame.captured_at, self._stretch)
            self._next_sample = frame.captured_at + 1.0 / SAMPLES_PER_S
            self._lock.notify_all()

    # --- state (with the lock held) -----------------------------------------------------

    def _no_image(self) -> CameraProblem:
        # A video file that opens but gives no frame is not a video OpenCV can read.
        return CameraProblem.UNREADABLE if self._is_file else CameraProblem.NO_FRAMES

    def _enter(self, phase: CameraPhase) -> None:
        if phase is self._phase:
            return
        self._phase, self._problem = phase, None
        self._send(CameraStatus(phase))

    def _fail(self, phase: CameraPhase, problem: CameraProblem) -> None:
        if (phase, problem) == (self._phase, self._problem):
            return
        # What was seen so far is of an image now gone: the next stretch starts afresh.
        self._stretch += 1
        self._slot = None
        self._first_at = None
        self._next_sample = float("-inf")
        self._looked_s = None
        self._phase, self._problem = phase, problem
        self._result = judge_problem(problem, is_file=self._is_file)
        self._send(CameraStatus(phase, problem, self._result))

    def _send(self, update: object) -> None:
        if not self._stopped and self._observe is not None:
            self._observe(update)
