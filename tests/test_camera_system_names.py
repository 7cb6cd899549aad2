"""Cameras on Windows and macOS: the systems' names, the backend and the timeout.

Neither system exists here: their listers' outputs are recorded files
(tests/data/cameras/README.md says where each comes from, and which were written
from the documented format), the platform is passed as data, and opening a
camera through Windows' backends is done by an honestly named stand-in for
cv2.VideoCapture. Running a lister is a real process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import cv2
from hypothesis import given
from hypothesis import strategies as st

from readiness.devices.camera import CameraInfo, CameraProblem, list_cameras
from readiness.devices.camera.backends import (
    MSMF_HW_TRANSFORMS,
    backends_for,
    opencv_environment,
    prepare_opencv,
    probe_timeout_for,
)
from readiness.devices.camera.capture import _open_device
from readiness.devices.camera.probe import resolve_source
from readiness.devices.camera.system_names import (
    MAX_NAME_CHARS,
    MAX_OUTPUT_BYTES,
    PnpDevice,
    candidate_names,
    clean_name,
    names_for,
    no_window_flags,
    parse_pnp_table,
    parse_system_profiler,
    run_lister,
    windows_candidates,
    windows_lister,
)

DATA = Path(__file__).parent / "data" / "cameras"


def recorded(name: str):
    """A lister that answers with a recorded output, as a real one's bytes decode."""
    text = (DATA / name).read_bytes().decode("utf-8")

    def run(argv, timeout_s):
        run.asked.append(list(argv))
        return text

    run.asked = []
    return run


def cameras_that_open(count: int):
    """Stand-in for opening real webcams: indices below ``count`` open."""
    return lambda index: None if index < count else CameraProblem.NOT_FOUND


# --- Windows' list (Get-PnpDevice) ------------------------------------------------------


def test_a_recorded_windows_list_gives_its_cameras_and_not_other_devices() -> None:
    devices = parse_pnp_table((DATA / "windows_pnp_dasharo_en.txt").read_text())
    assert PnpDevice("OK", "Camera", "Chicony USB2.0 Camera") in devices
    assert PnpDevice("OK", "Bluetooth", "Intel(R) Wireless Bluetooth(R)") in devices
    # The IR (face sign-in) camera may not be one DirectShow opens: both readings.
    assert windows_candidates(devices) == [
        ["Chicony USB2.0 Camera", "IR Camera"],
        ["Chicony USB2.0 Camera"],
    ]


def test_a_french_windows_list_keeps_working_cameras_and_its_accents() -> None:
    devices = parse_pnp_table((DATA / "windows_pnp_fr.txt").read_text(encoding="utf-8"))
    assert [d.name for d in devices][:2] == ["Caméra intégrée", "Caméra infrarouge intégrée"]
    assert windows_candidates(devices) == [
        ["Caméra intégrée", "Caméra infrarouge intégrée"],  # the C270 in error is left out
        ["Caméra intégrée"],
        ["Caméra intégrée", "Caméra infrarouge intégrée", "Canon LiDE 300"],
        ["Caméra intégrée", "Canon LiDE 300"],
    ]


def test_windows_cameras_get_the_systems_names_when_the_counts_agree() -> None:
    def listed(count: int) -> list[tuple[str, str]]:
        lister = recorded("windows_pnp_dasharo_en.txt")
        cameras = list_cameras(
            platform="win32",
            prober=cameras_that_open(count),
            names=lambda: candidate_names("win32", run=lister),
        )
        assert lister.asked == [windows_lister()]
        return [(c.source, c.name) for c in cameras]

    assert listed(1) == [("0", "Chicony USB2.0 Camera")]
    assert listed(2) == [("0", "Chicony USB2.0 Camera"), ("1", "IR Camera")]
    # Three opened, two named: which name goes with which index is unknown.
    assert listed(3) == [("0", "Caméra 1"), ("1", "Caméra 2"), ("2", "Caméra 3")]


def test_without_the_systems_list_cameras_are_numbered() -> None:
    def failing(argv, timeout_s):
        return None  # missing, failed or too slow: run_lister's answer

    def broken():
        raise RuntimeError("the lister's parser met something new")

    for namer in (lambda: candidate_names("win32", run=failing), broken):
        cameras = list_cameras(platform="win32", prober=cameras_that_open(1), names=namer)
        assert [(c.source, c.name) for c in cameras] == [("0", "Caméra 1")]


def test_a_camera_can_be_named_on_windows_and_macos() -> None:
    listed = [CameraInfo("0", "Chicony USB2.0 Camera"), CameraInfo("1", "Caméra 2")]
    for platform in ("win32", "darwin"):
        assert resolve_source("chicony", platform=platform, cameras=lambda: listed) == 0
        assert resolve_source("caméra 2", platform=platform, cameras=lambda: listed) == 1
        assert resolve_source("Logitech", platform=platform, cameras=lambda: listed) == "Logitech"
        assert resolve_source("1", platform=platform, cameras=lambda: listed) == 1


# --- macOS' list (system_profiler) ------------------------------------------------------


def test_recorded_and_french_macos_lists_give_their_names() -> None:
    recorded_json = (DATA / "macos_sp_camera_psychopy.json").read_text()
    assert parse_system_profiler(recorded_json) == ["Live! Cam Sync 1080p"]
    french = (DATA / "macos_sp_camera_fr.json").read_text(encoding="utf-8")
    assert parse_system_profiler(french) == ["Caméra FaceTime HD", "Caméra de l’iPhone de Camille"]


def test_macos_cameras_get_the_systems_names() -> None:
    lister = recorded("macos_sp_camera_fr.json")
    cameras = list_cameras(
        platform="darwin",
        prober=cameras_that_open(2),
        names=lambda: candidate_names("darwin", run=lister),
    )
    assert [c.name for c in cameras] == ["Caméra FaceTime HD", "Caméra de l’iPhone de Camille"]
    assert lister.asked == [["/usr/sbin/system_profiler", "SPCameraDataType", "-json"]]


# --- untrusted output ----------------------------------------------------------------------


def test_hostile_names_are_cleaned_and_shortened() -> None:
    assert clean_name("  HD\x1b[31m camera \u202e\x00 ") == "HD [31m camera"
    long_name = clean_name("Webcam " * 1000)
    assert len(long_name) == MAX_NAME_CHARS and long_name.endswith("…")
    table = "Status Class  FriendlyName\n------ -----  ------------\nOK     Camera " + "x" * 10**5
    assert [len(d.name) for d in parse_pnp_table(table)] == [MAX_NAME_CHARS]


def test_malformed_outputs_give_no_names() -> None:
    for text in ("", "{", "[]", '{"SPCameraDataType": 3}', '{"SPCameraDataType": [1, {}]}'):
        assert parse_system_profiler(text) == []
    assert parse_system_profiler("[" * 100_000) == []  # nested past Python's recursion limit
    for text in ("", "Status Class FriendlyName\n", "------\nOK Camera X", "a\n-- --\n"):
        assert parse_pnp_table(text) == []
    assert names_for(0, [[]]) is None


@given(st.text())
def test_any_output_parses_without_error_into_clean_names(text: str) -> None:
    header = "Status Class  FriendlyName\n------ -----  ------------\n"
    for names in (
        [d.name for d in parse_pnp_table(header + text)],
        [d.name for d in parse_pnp_table(text)],
        parse_system_profiler(text),
    ):
        assert all(name and name.isprintable() and len(name) <= MAX_NAME_CHARS for name in names)


@given(st.lists(st.text(), max_size=5))
def test_any_names_macos_gives_come_back_clean(names: list[str]) -> None:
    text = json.dumps({"SPCameraDataType": [{"_name": name} for name in names]})
    assert parse_system_profiler(text) == [clean_name(n) for n in names if clean_name(n)]


# --- running a lister (real processes) ---------------------------------------------------


def python(code: str) -> list[str]:
    return [sys.executable, "-c", code]


def test_a_lister_is_run_and_its_output_read_as_utf8() -> None:
    out = run_lister(python("import sys; sys.stdout.buffer.write('Caméra'.encode())"), 30)
    assert out == "Caméra"
    huge = run_lister(python("import sys; sys.stdout.write('x' * 3_000_000)"), 30)
    assert huge is not None and len(huge) == MAX_OUTPUT_BYTES


def test_a_lister_that_fails_hangs_or_is_missing_gives_nothing() -> None:
    assert run_lister(python("import sys; print('half'); sys.exit(3)"), 30) is None
    assert run_lister(python("import time; time.sleep(60)"), 0.5) is None
    assert run_lister(["/nonexistent/powershell.exe", "-Command", "x"], 30) is None


def test_the_lister_opens_no_window_and_no_shell_on_windows() -> None:
    assert no_window_flags("win32") == 0x08000000
    assert no_window_flags("darwin") == no_window_flags("linux") == 0
    argv = windows_lister()
    assert argv[0].endswith(r"\System32\WindowsPowerShell\v1.0\powershell.exe")
    assert argv[1:4] == ["-NoProfile", "-NonInteractive", "-Command"]
    assert "FriendlyName" in argv[4] and argv[4].index("FriendlyName") > argv[4].index("Class,")


# --- backend, timeout and environment per system ------------------------------------------


def test_each_system_has_its_backends_and_timeout() -> None:
    assert backends_for("win32") == ("CAP_DSHOW", "CAP_MSMF")
    assert backends_for("darwin") == ("CAP_AVFOUNDATION",)
    assert backends_for("linux") == ("CAP_V4L2",)
    assert backends_for("freebsd14") == ("CAP_ANY",)
    assert probe_timeout_for("win32") > probe_timeout_for("darwin") > probe_timeout_for("linux")
    assert all(hasattr(cv2, name) for p in ("win32", "darwin", "linux") for name in backends_for(p))


def test_media_foundations_slow_start_is_turned_off_on_windows_only() -> None:
    assert opencv_environment("win32") == {MSMF_HW_TRANSFORMS: "0"}
    assert opencv_environment("darwin") == opencv_environment("linux") == {}
    environ: dict[str, str] = {}
    prepare_opencv("win32", environ)
    assert environ == {MSMF_HW_TRANSFORMS: "0"}
    chosen = {MSMF_HW_TRANSFORMS: "1"}
    prepare_opencv("win32", chosen)
    assert chosen == {MSMF_HW_TRANSFORMS: "1"}  # a value set on purpose is kept
    elsewhere: dict[str, str] = {}
    prepare_opencv("darwin", elsewhere)
    assert elsewhere == {}


def test_the_variable_is_set_before_opencv_loads() -> None:
    """In a real interpreter that takes itself for Windows: the camera package, imported
    as the app imports it, sets the variable while cv2 is not loaded yet."""
    code = (
        "import sys; sys.platform = 'win32'\n"
        "import readiness.devices.camera.model\n"
        f"import os; print(os.environ.get('{MSMF_HW_TRANSFORMS}'), 'cv2' in sys.modules)"
    )
    environ = {k: v for k, v in os.environ.items() if k != MSMF_HW_TRANSFORMS}
    done = subprocess.run(
        python(code), capture_output=True, text=True, timeout=60, env=environ, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["0", "False"]


class FakeVideoCapture:
    """Stands in for cv2.VideoCapture on Windows or macOS: opens with the backends it is told."""

    def __init__(self, opens_with: set[int]):
        self.opens_with = opens_with
        self.tried: list[tuple[int, int]] = []
        self.settings: list[tuple[int, float]] = []
        self.released = 0

    def __call__(self, index: int, api: int):
        self.tried.append((index, api))
        self._api = api
        return self

    def isOpened(self) -> bool:
        return self._api in self.opens_with

    def set(self, prop: int, value: float) -> bool:
        self.settings.append((prop, value))
        return True

    def release(self) -> None:
        self.released += 1


def test_windows_opens_with_directshow_first_and_media_foundation_after() -> None:
    fast = FakeVideoCapture(opens_with={cv2.CAP_DSHOW, cv2.CAP_MSMF})
    assert _open_device(1, platform="win32", video_capture=fast).isOpened()
    assert fast.tried == [(1, cv2.CAP_DSHOW)]
    mjpg = cv2.VideoWriter.fourcc(*"MJPG")
    assert fast.settings[0] == (cv2.CAP_PROP_FOURCC, mjpg)

    only_mf = FakeVideoCapture(opens_with={cv2.CAP_MSMF})
    assert _open_device(0, platform="win32", video_capture=only_mf).isOpened()
    assert only_mf.tried == [(0, cv2.CAP_DSHOW), (0, cv2.CAP_MSMF)]
    assert only_mf.released == 1  # the DirectShow attempt was let go
    assert (cv2.CAP_PROP_FOURCC, mjpg) not in only_mf.settings

    none = FakeVideoCapture(opens_with=set())
    assert not _open_device(0, platform="win32", video_capture=none).isOpened()
    assert none.settings == []


def test_macos_opens_with_avfoundation() -> None:
    mac = FakeVideoCapture(opens_with={cv2.CAP_AVFOUNDATION})
    assert _open_device(0, platform="darwin", video_capture=mac).isOpened()
    assert mac.tried == [(0, cv2.CAP_AVFOUNDATION)]
