"""The headless camera check on real video files: a photograph of a face and its variants.

The command line drives the camera's flow (readiness.checks.camera_flow) until it has
looked two seconds after the first frame; the flow's own tests are in test_camera_flow.
"""

from __future__ import annotations

import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path

import pytest

from camera_media import write_variant, write_video
from readiness.checks import build_checks
from readiness.checks.camera import CameraProblem, camera_title, judge_problem
from readiness.checks.camera_flow import WINDOW, CameraFlow
from readiness.checks.flow import drive
from readiness.checks.kit import DeviceKit
from readiness.core.device_choice import DeviceChoice
from readiness.core.result import CheckResult, Status
from readiness.devices.camera import Capture
from tests.fakes import FakeTime

# (status, lighting, faces, frozen, brightness range, words of the advice) for each video.
EXPECTED = {
    "good": (Status.OK, "good", 1, False, (110, 170), []),
    "dark": (Status.WARNING, "dark", 1, False, (15, 45), ["lampe"]),
    "overexposed": (Status.WARNING, "overexposed", 0, False, (200, 255), ["rideau"]),
    "backlit": (Status.WARNING, "backlit", 1, False, (80, 130), ["fenêtre derrière vous"]),
    "black": (Status.FAILED, "black", 0, False, (0, 12), ["cache", "caméra barrée"]),
    # A plain image: nobody there, or something covers the lens.
    "no_face": (Status.WARNING, "good", 0, False, (140, 180), ["face à la caméra", "objectif"]),
    "frozen": (Status.WARNING, "good", 1, True, (110, 170), ["Zoom", "Teams"]),
}


def on_fake_time(video: Path, **options) -> CheckResult:
    """The check's flow with its own clock: the file is paced, and looked at, on that clock,
    so what it measures does not depend on how busy this machine is."""
    clock = FakeTime()
    kit = DeviceKit(open_camera=partial(Capture, clock=clock.monotonic, sleep=clock.sleep))
    flow = CameraFlow(str(video), kit, clock=clock.monotonic, **options)
    return drive(flow, 60, title=camera_title)  # the time limit only stops a hang


def checked(camera: str) -> CheckResult:
    """As ``readiness check --camera <camera>`` runs it."""
    (check,) = build_checks(["camera"], DeviceChoice(camera=camera))
    return check.run()


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, CheckResult]:
    """Each video checked once, side by side."""
    folder = tmp_path_factory.mktemp("videos")
    videos = {name: write_variant(folder, name) for name in EXPECTED}

    def check(name: str) -> CheckResult:
        # A frozen picture needs four samples; the others are clear sooner.
        return on_fake_time(videos[name], look_s=1.5 if name == "frozen" else 1.0)

    with ThreadPoolExecutor(2) as pool:
        return dict(zip(EXPECTED, pool.map(check, EXPECTED), strict=True))


@pytest.mark.parametrize("name", list(EXPECTED))
def test_each_video_gives_its_status_measures_and_advice(results, name: str) -> None:
    status, lighting, faces, frozen, (low, high), words = EXPECTED[name]
    result = results[name]
    measures = result.measures
    assert result.status is status, result.summary
    assert (measures["width"], measures["height"]) == (640, 360)
    assert measures["fps"] == pytest.approx(30.0, abs=0.1)  # the file's own rate
    assert low <= measures["brightness"] <= high
    assert measures["faces"] == faces
    assert measures["lighting"] == lighting
    assert measures["frozen"] is frozen
    assert result.check_id == "camera" and result.title == "Caméra"
    advice = " ".join(result.advice)
    for word in words:
        assert word in advice
    assert bool(result.advice) is (status is not Status.OK)


def test_a_good_picture_is_judged_on_the_last_two_seconds(tmp_path: Path) -> None:
    result = on_fake_time(write_variant(tmp_path, "good"))
    assert result.status is Status.OK
    # Three frames a second are analysed, not every one of the 60: the verdict rests on
    # the last two seconds' samples (when it stops looking: test_camera_flow).
    assert result.measures["frames_analysed"] == WINDOW


def test_a_short_video_loops_like_a_camera_that_never_ends(tmp_path: Path) -> None:
    result = on_fake_time(write_variant(tmp_path, "good", seconds=0.3), look_s=1.0)
    assert result.status is Status.OK
    assert result.measures["fps"] == pytest.approx(30.0, abs=0.1)  # no pause at each loop


def test_a_missing_video_file_is_a_failure_with_a_reason(tmp_path: Path) -> None:
    result = checked(str(tmp_path / "absent.avi"))
    assert result.status is Status.FAILED
    assert result.measures["problem"] == "not_found"
    assert "introuvable" in result.summary


def test_a_file_that_is_not_a_video_cannot_be_read(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.avi"
    bogus.write_bytes(b"not a video at all" * 100)
    result = checked(str(bogus))
    assert result.status is Status.FAILED
    assert result.measures["problem"] == "unreadable"


def test_a_camera_index_with_no_camera_says_none_was_found() -> None:
    if Path("/dev/video63").exists():
        pytest.skip("this machine has a 64th camera")
    result = checked("63")
    if sys.platform.startswith("linux"):
        assert result.measures["problem"] == "not_found"
        assert "Aucune caméra" in result.summary
    assert result.status is Status.FAILED
    assert result.advice


def test_a_camera_name_that_matches_no_camera_says_none_was_found() -> None:
    result = checked("Caméra du salon")
    assert result.status is Status.FAILED
    assert "Aucune caméra" in result.summary


@pytest.mark.parametrize(
    ("problem", "platform", "words"),
    [
        (CameraProblem.BUSY, "linux", ["Zoom", "Teams", "navigateur"]),
        (CameraProblem.PERMISSION_DENIED, "darwin", ["Réglages Système", "Caméra"]),
        (CameraProblem.PERMISSION_DENIED, "win32", ["Paramètres", "applications de bureau"]),
        (CameraProblem.PERMISSION_DENIED, "linux", ["groupe « video »"]),
        (CameraProblem.UNAVAILABLE, "darwin", ["Zoom", "Réglages Système"]),
        (CameraProblem.DISCONNECTED, "linux", ["Rebranchez"]),
        (CameraProblem.NO_FRAMES, "win32", ["Zoom", "rebranchez"]),
    ],
)
def test_each_problem_says_what_to_do(problem, platform, words) -> None:
    result = judge_problem(problem, platform=platform)
    assert result.status is Status.FAILED
    text = " ".join(result.advice)
    for word in words:
        assert word in text


def test_the_json_report_of_the_command_line(tmp_path: Path) -> None:
    video = write_variant(tmp_path, "dark")
    done = subprocess.run(
        [
            str(Path(sys.executable).parent / "readiness"),  # the installed console script
            "check",
            "--only",
            "camera",
            "--camera",
            str(video),
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    report = json.loads(done.stdout)
    (camera,) = report["checks"]
    assert camera["status"] == "warning"
    assert done.returncode == 1
    for key in ("width", "height", "fps", "brightness", "faces"):
        assert key in camera["measures"]
    assert camera["measures"]["brightness"] < 60


def test_an_mp4_video_goes_through_the_same_code(tmp_path: Path) -> None:
    from camera_media import frames_of

    video = write_video(tmp_path / "good.mp4", frames_of("good", 30), fourcc="mp4v")
    result = checked(str(video))
    assert result.status is Status.OK
    assert result.measures["faces"] == 1
