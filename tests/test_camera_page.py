"""The camera page, offscreen with real widgets, fed by real video files through OpenCV.

The page shows the camera check's flow (readiness.checks.camera_flow); the cameras it
lists come from the kit it is given, so a webcam on the test machine never takes part.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from camera_media import write_variant, write_video
from readiness.checks.camera import CameraInfo, CameraProblem
from readiness.checks.camera_flow import CameraPhase
from readiness.core.result import Status
from readiness.ui.status_style import BadgeState

pytest_plugins = ["camera_pages"]


def recorded(page):
    return page.controller.result("camera")


def wait_for_status(qtbot, page, status: Status, timeout: int = 10_000):
    qtbot.waitUntil(
        lambda: recorded(page) is not None and recorded(page).status is status, timeout=timeout
    )
    return recorded(page)


# (status, badge word, faces, a word of the summary) for each video.
EXPECTED = {
    "good": (Status.OK, "Bon", 1, "Bonne image"),
    "dark": (Status.WARNING, "À améliorer", 1, "trop sombre"),
    "overexposed": (Status.WARNING, "À améliorer", 0, "trop claire"),
    "backlit": (Status.WARNING, "À améliorer", 1, "contre-jour"),
    "black": (Status.FAILED, "Problème", 0, "noire"),
    "no_face": (Status.WARNING, "À améliorer", 0, "Aucun visage"),
    "frozen": (Status.WARNING, "À améliorer", 1, "ne bouge pas"),
}


@pytest.mark.parametrize("name", list(EXPECTED))
def test_each_video_gives_its_verdict_on_the_page(camera_page, qtbot, tmp_path, name) -> None:
    status, word, faces, words = EXPECTED[name]
    page = camera_page(write_variant(tmp_path, name))
    result = wait_for_status(qtbot, page, status)
    assert words in result.summary
    assert page.result_view.badge.word() == word
    assert words in page.result_view.summary.text()
    measures = result.measures
    assert (measures["width"], measures["height"]) == (640, 360)
    assert measures["faces"] == faces
    # The rate the camera gives, as measured (its pacing is tested on a fake clock).
    assert measures["fps"] > 0
    assert "640 × 360" in page.details.text()
    assert "images par seconde" in page.details.text()
    if status is not Status.OK:
        assert page.result_view.advice.isVisible()
    qtbot.waitUntil(lambda: page.preview.frames_drawn > 5, timeout=10_000)


def test_the_preview_is_mirrored_like_zoom_shows_it(camera_page, qtbot, tmp_path) -> None:
    import numpy as np

    # Left half dark, right half light: mirrored, the preview shows light on the left.
    frame = np.zeros((360, 640, 3), np.uint8)
    frame[:, 320:] = 220
    page = camera_page(write_video(tmp_path / "halves.avi", [frame] * 10))
    qtbot.waitUntil(lambda: page.preview.current_image() is not None, timeout=10_000)
    image = page.preview.current_image()
    left = image.pixelColor(image.width() // 8, image.height() // 2).value()
    right = image.pixelColor(image.width() * 7 // 8, image.height() // 2).value()
    assert left > 180 and right < 40


def test_no_camera_says_so_and_what_to_do(camera_page, qtbot) -> None:
    page = camera_page()
    result = wait_for_status(qtbot, page, Status.FAILED)
    assert result.measures["problem"] == "not_found"
    assert "Aucune caméra" in page.result_view.summary.text()
    assert "Branchez" in page.result_view.advice.text()
    assert page.preview.message() == "Aucune caméra"
    assert "Rechercher les caméras" in page.retry_hint.text()
    assert page.flow is None  # nothing to open
    assert not page.picker.isEnabled()


def test_a_camera_plugged_in_later_is_found_by_searching_again(camera_page, qtbot, tmp_path):
    cameras: list[CameraInfo] = []
    page = camera_page(lister=lambda: list(cameras))
    wait_for_status(qtbot, page, Status.FAILED)
    video = write_variant(tmp_path, "good")
    cameras.append(CameraInfo(str(video), "Webcam USB"))
    qtbot.mouseClick(page.search_button, Qt.MouseButton.LeftButton)
    wait_for_status(qtbot, page, Status.OK)
    assert page.picker.currentText() == "Webcam USB"


def test_the_chosen_camera_is_remembered(camera_page, qtbot, tmp_path) -> None:
    good = write_variant(tmp_path, "good")
    dark = write_variant(tmp_path, "dark")
    cameras = [CameraInfo(str(good), "Caméra 1"), CameraInfo(str(dark), "Caméra 2")]
    page = camera_page(lister=lambda: cameras)
    wait_for_status(qtbot, page, Status.OK)
    assert page.picker.isEnabled() and page.picker.count() == 2
    page.picker.setCurrentIndex(1)
    wait_for_status(qtbot, page, Status.WARNING)
    page.left()
    again = camera_page(lister=lambda: cameras)
    qtbot.waitUntil(lambda: again.picker.count() == 2, timeout=10_000)
    assert again.picker.currentText() == "Caméra 2"
    assert again.selected_source() == str(dark)


def test_the_page_says_frames_stay_in_memory(camera_page) -> None:
    page = camera_page(enter=False)
    text = page.privacy.text()
    assert "rien n'est enregistré ni envoyé" in text


def open_descriptors_to(path: Path) -> list[str]:
    found = []
    for entry in Path("/proc/self/fd").iterdir():
        try:
            if os.readlink(entry) == str(path):
                found.append(entry.name)
        except OSError:
            continue
    return found


def test_leaving_the_page_stops_the_preview_and_frees_the_camera(camera_page, qtbot, tmp_path):
    video = write_variant(tmp_path, "good")
    page = camera_page(video)
    wait_for_status(qtbot, page, Status.OK)
    flow = page.flow
    assert flow is not None and flow.capturing
    assert open_descriptors_to(video), "the video is open while previewed"
    page.left()
    assert page.flow is None
    # Released, free for Zoom (the timeout only stops a test that would hang).
    qtbot.waitUntil(lambda: not flow.capturing and open_descriptors_to(video) == [], timeout=10_000)
    # Nothing more is shown, even a frame whose wake-up was already on its way.
    shown = page.preview.shown_number()
    qtbot.wait(300)
    assert page.preview.shown_number() == shown
    drawn = page.preview.frames_drawn
    page.entered()  # coming back starts it again
    qtbot.waitUntil(lambda: page.preview.frames_drawn > drawn, timeout=10_000)


def test_a_camera_unplugged_during_the_preview_comes_back(camera_page, qtbot, tmp_path) -> None:
    # The file plays on a loop; deleted, it ends like an unplugged camera (as /dev/video0
    # disappears), and written again it comes back like a camera plugged in again.
    video = write_variant(tmp_path, "good", seconds=0.5)
    page = camera_page(video)
    wait_for_status(qtbot, page, Status.OK)
    video.unlink()
    result = wait_for_status(qtbot, page, Status.FAILED)
    assert result.measures["problem"] == "disconnected"
    assert "déconnectée" in page.result_view.summary.text()
    assert page.preview.message() == "Caméra déconnectée"
    assert "d'elle-même" in page.retry_hint.text()
    assert page.flow.phase is CameraPhase.LOST
    write_variant(tmp_path, "good", seconds=0.5)
    wait_for_status(qtbot, page, Status.OK)
    assert page.preview.message() == ""
    assert page.retry_hint.isHidden()


class ThreadLog:
    """Notes the thread each call of a wrapped function runs in."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.threads: set[str] = set()

    def wrap(self, function):
        def logged(*args, **kwargs):
            with self._lock:
                self.threads.add(threading.current_thread().name)
            return function(*args, **kwargs)

        return logged


def test_the_gui_thread_only_paints_during_the_preview(
    camera_page, qtbot, tmp_path, monkeypatch
) -> None:
    """Fitting, mirroring and converting each 1280x720 frame happens on the capture
    thread, judging it on a worker: the GUI thread is left free (its responsiveness,
    timed, is in benchmarks/camera_preview.py)."""
    from readiness.core.frame_analysis import FrameAnalyser
    from readiness.ui.video_preview import PreviewScaler

    prepared, analysed = ThreadLog(), ThreadLog()
    monkeypatch.setattr(PreviewScaler, "__call__", prepared.wrap(PreviewScaler.__call__))
    monkeypatch.setattr(FrameAnalyser, "add", analysed.wrap(FrameAnalyser.add))
    page = camera_page(write_variant(tmp_path, "good", seconds=1.0, size=(1280, 720)))
    wait_for_status(qtbot, page, Status.OK)
    qtbot.waitUntil(lambda: page.preview.frames_drawn > 5, timeout=10_000)
    assert prepared.threads == {"camera-capture"}
    assert analysed.threads and threading.main_thread().name not in analysed.threads
    # What is painted is the prepared frame, as it is: fitted to the preview, not 1280 wide.
    image = page.preview.current_image()
    assert image.width() <= page.preview.width() * image.devicePixelRatio()


def test_the_sidebar_badge_follows_the_page(camera_page, qtbot, tmp_path) -> None:
    page = camera_page(write_variant(tmp_path, "dark"))
    seen: list[Status] = []
    page.controller.finished.connect(lambda result: seen.append(result.status))
    wait_for_status(qtbot, page, Status.WARNING)
    assert BadgeState.of(recorded(page).status) is BadgeState.WARNING
    count = len(seen)
    qtbot.wait(1000)  # the same verdict again and again is not recorded again
    assert len(seen) == count


def test_a_busy_gui_thread_gets_the_newest_frame_not_a_queue(camera_page, qtbot, tmp_path):
    page = camera_page(write_variant(tmp_path, "good"))
    qtbot.waitUntil(lambda: page.preview.frames_drawn > 3, timeout=10_000)
    flow = page.flow
    wakeups = page.preview.wakeups
    # The GUI thread is busy elsewhere (it handles no event) while ten frames come...
    captured = flow.latest().number
    deadline = time.monotonic() + 10  # only against a hang
    while flow.latest().number < captured + 10:
        assert time.monotonic() < deadline, "no frames came"
        time.sleep(0.01)
    # ...then the camera stops, so that nothing comes while it catches up.
    flow.stop()
    while flow.capturing:
        assert time.monotonic() < deadline, "the camera did not stop"
        time.sleep(0.01)
    newest = flow.latest().number
    QApplication.processEvents()
    qtbot.wait(50)
    assert page.preview.wakeups - wakeups == 1  # one wake-up was waiting, not ten
    assert page.preview.shown_number() == newest


def test_a_camera_index_is_opened_and_its_absence_explained(camera_page, qtbot) -> None:
    if Path("/dev/video63").exists():
        pytest.skip("this machine has a 64th camera")
    page = camera_page(lister=lambda: [CameraInfo("63", "Webcam USB")])
    result = wait_for_status(qtbot, page, Status.FAILED)
    assert result.measures["problem"] in {"not_found", "unavailable"}
    assert page.flow.phase is CameraPhase.FAILED
    assert "d'elle-même" in page.retry_hint.text()  # tried again every second


def test_a_camera_held_by_another_application_is_marked_in_the_list(camera_page, qtbot):
    page = camera_page(lister=lambda: [CameraInfo("63", "Webcam USB", CameraProblem.BUSY)])
    qtbot.waitUntil(lambda: page.picker.count() == 1, timeout=10_000)
    assert page.picker.currentText() == "Webcam USB (utilisée par une autre application)"


def test_checking_again_runs_the_flow_from_the_start(camera_page, qtbot, tmp_path) -> None:
    """The summary's « Vérifier »: a fresh flow on the same camera, shown as running, and its
    verdict told again even when it has not changed."""
    page = camera_page(write_variant(tmp_path, "dark"))
    wait_for_status(qtbot, page, Status.WARNING)
    before = page.flow
    started: list[str] = []
    recorded_again = []
    page.controller.started.connect(started.append)
    page.controller.finished.connect(recorded_again.append)
    page.left()
    page.check_again()
    assert started == ["camera"]
    assert page.flow is not None and page.flow is not before
    qtbot.waitUntil(lambda: len(recorded_again) > 1, timeout=10_000)
    # Leaving recorded the latest verdict; checking again found it once more.
    assert [r.status for r in recorded_again] == [Status.WARNING, Status.WARNING]


def test_checking_again_after_no_camera_looks_for_cameras_again(camera_page, qtbot, tmp_path):
    cameras: list[CameraInfo] = []
    page = camera_page(lister=lambda: list(cameras))
    wait_for_status(qtbot, page, Status.FAILED)
    cameras.append(CameraInfo(str(write_variant(tmp_path, "good")), "Webcam USB"))
    page.left()
    page.check_again()
    wait_for_status(qtbot, page, Status.OK)
    assert page.picker.currentText() == "Webcam USB"
