"""The privacy settings a refused camera or microphone calls for, per system (as data).

Windows 10/11 and macOS block the camera and the microphone per app; the result then
says so in plain French and names the settings page (``privacy_settings`` in its
measures), which the window opens with a button and the command line prints.
"""

from __future__ import annotations

import numpy as np
import pytest

from readiness.checks.camera import CameraProblem, judge_camera, judge_problem
from readiness.checks.microphone_verdict import SpeechTracker, SpeechVerdict, judge_speech
from readiness.cli import _print_summary
from readiness.core.frame_analysis import FrameAnalyser
from readiness.core.image_quality import Lighting
from readiness.core.levels import FLOOR_DBFS, measure_block
from readiness.core.privacy_settings import (
    MEASURE_KEY,
    PrivacyKind,
    settings_steps,
    settings_uri,
)
from readiness.core.result import Status

MAC = "x-apple.systempreferences:com.apple.preference.security?"


@pytest.mark.parametrize(
    ("kind", "platform", "uri"),
    [
        ("camera", "win32", "ms-settings:privacy-webcam"),
        ("microphone", "win32", "ms-settings:privacy-microphone"),
        ("screen", "win32", None),  # Windows asks nothing for sharing the screen
        ("camera", "darwin", MAC + "Privacy_Camera"),
        ("microphone", "darwin", MAC + "Privacy_Microphone"),
        ("screen", "darwin", MAC + "Privacy_ScreenCapture"),
        ("camera", "linux", None),
        ("microphone", "linux", None),
        ("screen", "linux", None),
        ("printer", "darwin", None),  # an unknown kind opens nothing
    ],
)
def test_the_settings_page_of_each_kind_on_each_system(kind, platform, uri) -> None:
    assert settings_uri(kind, platform) == uri


def test_on_macos_the_steps_say_to_quit_and_reopen() -> None:
    for kind in PrivacyKind:
        text = " ".join(settings_steps(kind, "darwin"))
        assert "Réglages Système > Confidentialité et sécurité" in text
        assert "rouvr" in text  # rouvrez-la, de le rouvrir
    assert "zoom.us" in " ".join(settings_steps(PrivacyKind.SCREEN, "darwin"))
    assert "Micro," in settings_steps(PrivacyKind.MICROPHONE, "darwin")[0]


def test_on_windows_the_steps_name_both_switches() -> None:
    (microphone,) = settings_steps(PrivacyKind.MICROPHONE, "win32")
    assert "Accès au microphone" in microphone
    assert "applications de bureau" in microphone
    (camera,) = settings_steps(PrivacyKind.CAMERA, "win32")
    assert "Accès à la caméra" in camera
    assert settings_steps(PrivacyKind.SCREEN, "win32") == ()


# --- the camera -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("problem", "platform", "kind"),
    [
        (CameraProblem.PERMISSION_DENIED, "win32", "camera"),
        (CameraProblem.PERMISSION_DENIED, "darwin", "camera"),
        (CameraProblem.PERMISSION_DENIED, "linux", None),  # no settings page: the group
        (CameraProblem.UNAVAILABLE, "win32", "camera"),
        (CameraProblem.UNAVAILABLE, "darwin", "camera"),
        (CameraProblem.UNAVAILABLE, "linux", None),
        (CameraProblem.BUSY, "darwin", None),
        (CameraProblem.NOT_FOUND, "win32", None),
    ],
)
def test_a_camera_that_may_be_refused_names_the_settings(problem, platform, kind) -> None:
    result = judge_problem(problem, platform=platform)
    assert result.status is Status.FAILED
    assert result.measures.get(MEASURE_KEY) == kind
    assert result.to_json()["measures"].get(MEASURE_KEY) == kind  # `check --json` says it
    if kind is not None:
        text = result.summary + " ".join(result.advice)
        assert "Confidentialité et sécurité > Caméra" in text


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_an_unavailable_camera_says_the_system_may_block_it(platform) -> None:
    result = judge_problem(CameraProblem.UNAVAILABLE, platform=platform)
    assert "réglages de confidentialité" in result.summary
    assert any("Zoom" in line for line in result.advice)  # still maybe busy


def test_a_video_file_never_points_to_the_privacy_settings() -> None:
    result = judge_problem(CameraProblem.UNAVAILABLE, is_file=True, platform="darwin")
    assert MEASURE_KEY not in result.measures


def _black_observation():
    """What the analysis makes of a camera giving only black frames."""
    analyser = FrameAnalyser(window=6)
    for _ in range(4):
        analyser.add(np.zeros((360, 640, 3), dtype=np.uint8))
    observation = analyser.observation(30.0)
    assert observation.lighting is Lighting.BLACK
    return observation


@pytest.mark.parametrize(
    ("platform", "kind", "words"),
    [
        ("win32", "camera", "Paramètres > Confidentialité et sécurité > Caméra"),
        ("darwin", "camera", "Réglages Système > Confidentialité et sécurité > Caméra"),
        ("linux", None, None),
    ],
)
def test_black_frames_may_be_a_refusal_on_windows_and_macos(platform, kind, words) -> None:
    result = judge_camera(_black_observation(), platform=platform)
    assert result.status is Status.FAILED
    assert any("cache" in line for line in result.advice)  # the shutter comes first
    assert result.measures.get(MEASURE_KEY) == kind
    privacy = [line for line in result.advice if "réglages de confidentialité" in line]
    if words is None:
        assert not privacy
    else:
        assert privacy and any(words in line for line in result.advice)


# --- the microphone ---------------------------------------------------------------------


def _silent_tracker() -> SpeechTracker:
    tracker = SpeechTracker(noise_floor_dbfs=FLOOR_DBFS)
    zeros = np.zeros(1920, dtype=np.float32)  # what macOS gives an app refused the mic
    for _ in range(25):
        tracker.add(measure_block(zeros), 48_000)
    assert tracker.verdict(timed_out=True) is SpeechVerdict.SILENT
    return tracker


def test_a_silent_microphone_on_macos_points_to_its_privacy_settings() -> None:
    result = judge_speech(_silent_tracker(), SpeechVerdict.SILENT, "MacBook", platform="darwin")
    assert result.status is Status.WARNING
    assert "réglages de confidentialité" in result.summary
    assert result.measures[MEASURE_KEY] == "microphone"
    text = " ".join(result.advice)
    assert "Réglages Système > Confidentialité et sécurité > Micro" in text
    assert "sourdine" in text  # the mute switch is still the first thing to look at


def test_a_silent_microphone_on_windows_names_its_switches() -> None:
    result = judge_speech(_silent_tracker(), SpeechVerdict.SILENT, "Realtek", platform="win32")
    assert result.measures[MEASURE_KEY] == "microphone"
    assert any("Accès au microphone" in line for line in result.advice)


def test_a_silent_microphone_on_linux_has_no_settings_page() -> None:
    result = judge_speech(_silent_tracker(), SpeechVerdict.SILENT, "Built-in", platform="linux")
    assert MEASURE_KEY not in result.measures
    assert any("réglages de confidentialité" in line for line in result.advice)


# --- the command line -------------------------------------------------------------------


def test_the_text_output_prints_the_settings_address_for_it_support(capsys) -> None:
    refused = judge_problem(CameraProblem.PERMISSION_DENIED, platform="darwin")
    _print_summary([refused], platform="darwin")
    assert f"Réglages à ouvrir\u00a0: {MAC}Privacy_Camera" in capsys.readouterr().out
    _print_summary([judge_problem(CameraProblem.PERMISSION_DENIED, platform="win32")], "win32")
    assert "ms-settings:privacy-webcam" in capsys.readouterr().out
