"""The camera check's one flow, on real video files and on stand-in cameras a test steers;
and the page and the command line driving it to the same verdict."""

from __future__ import annotations

import json
import threading
import time
from dataclasses import replace
from functools import partial
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QSettings

from camera_media import frames_of, write_variant
from readiness import cli
from readiness.checks.camera import CameraInfo, CameraProblem, camera_title
from readiness.checks.camera_flow import (
    FIRST_FRAME_S,
    FIRST_VERDICT_SAMPLES,
    LOOK_S,
    STALLED_S,
    WINDOW,
    CameraFlow,
    CameraPhase,
    CameraStatus,
    CameraVerdict,
)
from readiness.checks.flow import drive
from readiness.checks.kit import DeviceKit
from readiness.core.result import Status
from readiness.devices.camera import CameraError, Capture
from tests.fakes import FakeTime, ManualClock

WAIT_S = 20.0  # only against a hang


class Updates:
    """A flow's observer: keeps each update, with whether the flow was settled then."""

    def __init__(self, flow: CameraFlow):
        self._flow = flow
        self._changed = threading.Condition()
        self.seen: list[tuple[object, bool]] = []
        self.after_stop: list[object] = []
        self.stopped = False

    def __call__(self, update: object) -> None:
        with self._changed:
            if self.stopped:
                self.after_stop.append(update)
            self.seen.append((update, self._flow.settled()))
            self._changed.notify_all()

    def wait_for(self, wanted) -> object:
        """The first update (from the start) ``wanted`` accepts, waiting for it to come."""
        with self._changed:
            found = self._changed.wait_for(
                lambda: next((u for u, _ in self.seen if wanted(u)), None), WAIT_S
            )
        assert found is not None, f"not sent: {self.updates()}"
        return found

    def wait_until(self, condition) -> None:
        """Waits, woken by each update, until ``condition()``; the condition is asked
        without holding this recorder's lock: the flow calls its observer under its own
        lock, and a condition that asks the flow (``flow.settled``) under ours would
        deadlock with it."""
        deadline = time.monotonic() + WAIT_S
        while not condition():
            assert time.monotonic() < deadline, self.updates()
            with self._changed:
                self._changed.wait(0.05)

    def updates(self) -> list[object]:
        with self._changed:
            return [update for update, _ in self.seen]

    def phases(self) -> list[CameraPhase]:
        return [u.phase for u in self.updates() if isinstance(u, CameraStatus)]


def eventually(condition) -> None:
    deadline = time.monotonic() + WAIT_S
    while not condition():
        assert time.monotonic() < deadline, "never happened"
        time.sleep(0.01)


def phase_is(phase: CameraPhase):
    return lambda update: isinstance(update, CameraStatus) and update.phase is phase


def started(flow: CameraFlow) -> Updates:
    updates = Updates(flow)
    flow.start(updates)
    return updates


def stop(flow: CameraFlow, updates: Updates) -> None:
    flow.stop()
    updates.stopped = True


class StandInCamera:
    """``DeviceKit.open_camera`` for a camera the test steers: it refuses to open, hangs
    while opening, or hangs in a read (a driver that stops giving frames), on cue. Reads
    give ``images`` in turn, a little apart so they do not spin the processor."""

    def __init__(self, images: list[np.ndarray]):
        self.images = images
        self.refusal: CameraProblem | None = None
        self.opening = threading.Event()
        self.opening.set()
        self.reading = threading.Event()
        self.reading.set()
        self.waiting = threading.Event()  # a call is held at one of the gates
        self._lock = threading.Lock()
        self.sources: list[object] = []
        self.open_count = 0
        self.released = 0

    def open(self, source):
        with self._lock:
            self.sources.append(source)
        if not self.opening.is_set():
            self.waiting.set()
            self.opening.wait(WAIT_S)
        if self.refusal is not None:
            raise CameraError(self.refusal, str(source))
        with self._lock:
            self.open_count += 1
        return _StandInCapture(self)

    def release_all(self) -> None:
        """Lets every held call go (the end of a test: no thread left waiting)."""
        self.opening.set()
        self.reading.set()


class _StandInCapture:
    is_file = False

    def __init__(self, camera: StandInCamera):
        self._camera = camera
        self._next = 0

    def read(self) -> np.ndarray:
        camera = self._camera
        if not camera.reading.is_set():
            camera.waiting.set()
            camera.reading.wait(WAIT_S)
        threading.Event().wait(0.02)
        self._next += 1
        return camera.images[self._next % len(camera.images)]

    def release(self) -> None:
        with self._camera._lock:
            self._camera.released += 1


@pytest.fixture
def camera():
    stand_in = StandInCamera(list(frames_of("good", 10)))
    yield stand_in
    stand_in.release_all()


# --- on a real video, on a clock that moves only with its frames -----------------------


def on_fake_time(video: Path, **options) -> CameraFlow:
    clock = FakeTime()
    kit = DeviceKit(open_camera=partial(Capture, clock=clock.monotonic, sleep=clock.sleep))
    return CameraFlow(str(video), kit, clock=clock.monotonic, **options)


def test_it_looks_two_seconds_after_the_first_frame_then_settles(tmp_path: Path) -> None:
    flow = on_fake_time(write_variant(tmp_path, "good"))
    updates = started(flow)
    updates.wait_until(flow.settled)
    stop(flow, updates)
    assert updates.phases()[:2] == [CameraPhase.OPENING, CameraPhase.LIVE]
    verdicts = [(u, settled) for u, settled in updates.seen if isinstance(u, CameraVerdict)]
    # Three samples a second, the first at the first frame: a first verdict on three of
    # them, then one per sample, each on the last WINDOW.
    for number, (verdict, settled) in enumerate(verdicts, start=FIRST_VERDICT_SAMPLES):
        assert verdict.looked_s == pytest.approx((number - 1) / 3, abs=1 / 60)
        assert verdict.observation.samples == min(number, WINDOW)
        assert verdict.result.status is Status.OK
        # Settled from the sample two seconds after the first frame on, not before.
        assert settled is (verdict.looked_s >= LOOK_S - 1 / 60)
    assert any(settled for _, settled in verdicts)
    assert flow.result().measures["fps"] == pytest.approx(30.0, abs=0.1)


def test_the_command_line_gets_the_same_as_the_last_verdict(tmp_path: Path) -> None:
    flow = on_fake_time(write_variant(tmp_path, "dark"))
    result = drive(flow, WAIT_S, title=camera_title)
    assert result.status is Status.WARNING and "trop sombre" in result.summary
    assert result.measures["frames_analysed"] == WINDOW


def test_a_missing_video_file_is_a_problem_at_once(tmp_path: Path) -> None:
    flow = CameraFlow(str(tmp_path / "absent.avi"), DeviceKit())
    updates = started(flow)
    status = updates.wait_for(phase_is(CameraPhase.FAILED))
    stop(flow, updates)
    assert updates.phases()[0] is CameraPhase.OPENING
    assert status.problem is CameraProblem.NOT_FOUND
    assert status.result.status is Status.FAILED
    assert "introuvable" in status.result.summary
    assert flow.settled() and flow.result() == status.result


def test_a_camera_name_no_camera_has_is_not_opened(camera) -> None:
    flow = CameraFlow("Caméra du salon", DeviceKit(open_camera=camera.open, find_camera=dict().get))
    result = drive(flow, WAIT_S, title=camera_title)
    assert result.measures["problem"] == "not_found"
    assert "Aucune caméra" in result.summary
    assert camera.sources == []


# --- on stand-in cameras ------------------------------------------------------------------


def test_a_busy_camera_is_a_problem_and_comes_back_once_free(camera) -> None:
    camera.refusal = CameraProblem.BUSY
    flow = CameraFlow("0", DeviceKit(open_camera=camera.open), retry_s=0.05)
    updates = started(flow)
    status = updates.wait_for(phase_is(CameraPhase.FAILED))
    assert status.problem is CameraProblem.BUSY
    assert "déjà utilisée" in status.result.summary
    assert flow.settled()  # the command line reports it; the page keeps trying
    camera.refusal = None
    updates.wait_for(phase_is(CameraPhase.LIVE))
    assert not flow.settled()
    verdict = updates.wait_for(lambda u: isinstance(u, CameraVerdict))
    stop(flow, updates)
    assert verdict.result.status is Status.OK
    assert camera.sources[0] == 0  # "0" is camera index 0


def test_a_camera_that_stops_giving_frames_is_said_so_until_they_come_again(camera) -> None:
    clock = ManualClock()
    flow = CameraFlow("0", DeviceKit(open_camera=camera.open), clock=clock)
    updates = started(flow)
    updates.wait_for(phase_is(CameraPhase.LIVE))
    camera.reading.clear()  # the driver holds the next read...
    assert camera.waiting.wait(WAIT_S)
    clock.advance(STALLED_S + 0.5)  # ...longer than a camera may pause
    status = updates.wait_for(phase_is(CameraPhase.STALLED))
    assert status.problem is CameraProblem.NO_FRAMES
    assert "aucune image" in status.result.summary
    assert flow.settled() and flow.result() == status.result
    camera.reading.set()
    updates.wait_until(lambda: updates.phases()[-1] is CameraPhase.LIVE)
    stop(flow, updates)
    assert updates.phases() == [
        CameraPhase.OPENING,
        CameraPhase.LIVE,
        CameraPhase.STALLED,
        CameraPhase.LIVE,
    ]


def test_a_first_frame_that_never_comes_is_a_problem(camera) -> None:
    clock = ManualClock()
    camera.opening.clear()  # a driver stuck opening the camera
    flow = CameraFlow("0", DeviceKit(open_camera=camera.open), clock=clock)
    updates = started(flow)
    assert camera.waiting.wait(WAIT_S)
    clock.advance(FIRST_FRAME_S + 0.5)
    status = updates.wait_for(phase_is(CameraPhase.FAILED))
    assert status.problem is CameraProblem.NO_FRAMES
    assert flow.settled()
    camera.opening.set()  # it opens at last: the image is live
    updates.wait_for(phase_is(CameraPhase.LIVE))
    stop(flow, updates)


def test_stopping_lets_the_camera_go_and_ends_the_updates(camera) -> None:
    flow = CameraFlow("0", DeviceKit(open_camera=camera.open))
    updates = started(flow)
    updates.wait_for(lambda u: isinstance(u, CameraVerdict))
    stop(flow, updates)
    eventually(lambda: not flow.capturing)  # at once, unless the machine is very busy
    assert camera.released == camera.open_count == 1
    flow.stop()  # again: nothing more happens
    assert updates.after_stop == []


def test_stopping_before_it_has_begun_opens_nothing(camera) -> None:
    flow = CameraFlow("0", DeviceKit(open_camera=camera.open))
    flow.stop()
    updates = Updates(flow)
    flow.start(updates)
    assert updates.seen == [] and flow.result() is None and not flow.capturing
    assert camera.sources == []


# --- one flow, two drivers ----------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "status", "words"),
    [("good", Status.OK, "Bonne image"), ("dark", Status.WARNING, "trop sombre")],
)
def test_the_page_and_the_command_line_give_the_same_result(
    qtbot, tmp_path: Path, capsys, name: str, status: Status, words: str
) -> None:
    """One stand-in camera "0" (a video file behind it) in one kit: the page shows the
    flow's verdict, and ``readiness check`` reports the same."""
    from readiness.core.config import read_session_file
    from readiness.devices.url_opener import SystemUrlOpener
    from readiness.resources import resource
    from readiness.ui.check_controller import CheckController
    from readiness.ui.page_context import PageContext
    from readiness.ui.pages.camera import CameraPage
    from readiness.ui.preferences import Preferences
    from readiness.ui.services import Services
    from readiness.ui.tasks import TaskRunner

    video = write_variant(tmp_path, name)
    asked: list[object] = []

    def open_camera(source):
        asked.append(source)
        return Capture(str(video))

    kit = DeviceKit(
        list_cameras=lambda: [CameraInfo("0", "Webcam de test")], open_camera=open_camera
    )
    config = read_session_file(resource("session.toml"))
    services = Services(
        config=replace(config, devices=replace(config.devices, camera=None)),
        preferences=Preferences(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat)),
        url_opener=SystemUrlOpener(),
        checks=[],
        kit=kit,
    )
    tasks = TaskRunner()
    controller = CheckController([], tasks)
    page = CameraPage(PageContext(services, controller, tasks))
    qtbot.addWidget(page)
    page.show()
    page.entered()
    try:
        qtbot.waitUntil(lambda: page.flow is not None and page.flow.settled(), timeout=20_000)
        shown = controller.result("camera")
    finally:
        page.left()

    code = cli.main(["check", "--only", "camera", "--json"], kit=kit)
    (reported,) = json.loads(capsys.readouterr().out)["checks"]
    assert shown.status is status and words in shown.summary
    assert (reported["status"], reported["summary"]) == (shown.status.value, shown.summary)
    assert reported["advice"] == list(shown.advice)
    assert page.result_view.summary.text() == reported["summary"]
    assert code == (0 if status is Status.OK else 1)
    assert asked == [0, 0]  # the same camera, once by each
