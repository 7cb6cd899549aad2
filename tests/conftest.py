"""Shared fixtures: an isolated user environment, and real stand-ins on PATH."""

from __future__ import annotations

import gc
import inspect
import os
import shutil
import stat
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before any Qt import: the tests' widgets are real, but drawn off screen.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
# The interface follows the system's language: the tests, and the command lines they run,
# expect French whatever the machine's locale. Tests of English set it themselves.
os.environ["LANGUAGE"] = "fr"

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}

# Fixtures of their own modules, for every test (after the environment above: Qt).
from heard import heard  # noqa: E402, F401


def require_program(name: str) -> str:
    """The path of a system program the test needs: in CI its absence fails, elsewhere skips."""
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed (see README: system packages for the tests)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return path


def write_script(path: Path, body: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\n" + body, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


@pytest.fixture(scope="session", autouse=True)
def collect_on_the_main_thread() -> Iterator[None]:
    """As in the app (readiness.ui.gui_thread_gc): no automatic garbage collection,
    which would run in whichever thread allocates and destroy a test's leftover Qt
    objects there (Qt: "Timers cannot be stopped from another thread", then a crash)."""
    gc.disable()
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def collect_after_each_test() -> Iterator[None]:
    yield
    gc.collect()  # on the main thread, which owns the Qt objects


@pytest.fixture(autouse=True)
def isolated_user(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Every test gets its own home, XDG folders and runtime dir: nothing of the host leaks in
    (no user session.toml, no remembered name, no Zoom handler), and nothing is left behind."""
    base = tmp_path_factory.mktemp("user")
    names = {
        "HOME": "home",
        "XDG_CONFIG_HOME": "config",
        "XDG_DATA_HOME": "data",
        "XDG_STATE_HOME": "state",
        "XDG_CACHE_HOME": "cache",
        "XDG_CONFIG_DIRS": "config-dirs",
        "XDG_DATA_DIRS": "data-dirs",
        "XDG_RUNTIME_DIR": "runtime",
    }
    for variable, name in names.items():
        path = base / name
        path.mkdir()
        monkeypatch.setenv(variable, str(path))
    (base / "runtime").chmod(0o700)
    (base / "data" / "applications").mkdir()
    # A desktop name can make xdg-mime ask the desktop's own tools instead of the files.
    monkeypatch.delenv("XDG_CURRENT_DESKTOP", raising=False)
    monkeypatch.delenv("DESKTOP_SESSION", raising=False)
    return base


def finish_every_check(window, qtbot, timeout_ms: int = 60_000) -> None:
    """Runs each of the window's checks not yet done, and waits until all have a result."""
    from readiness.checks import CHECK_IDS

    for check_id in CHECK_IDS:
        if window.controller.result(check_id) is None:
            window.controller.run(check_id)
    qtbot.waitUntil(
        lambda: all(window.controller.result(i) is not None for i in CHECK_IDS),
        timeout=timeout_ms,
    )


@pytest.fixture
def back_to_french(qapp) -> Iterator[None]:
    """For tests that install a language: afterwards, the source texts (French) again,
    as every other test expects."""
    yield
    from PySide6.QtCore import QLocale

    from readiness.translations import remove_from_app

    remove_from_app(qapp)
    QLocale.setDefault(QLocale("fr_FR"))


class UrlRecorder:
    """A stand-in ``xdg-open`` first on PATH that writes down each URL it is asked to open."""

    def __init__(self, bin_dir: Path, exit_code: int = 0):
        self.log = bin_dir / "opened.txt"
        write_script(
            bin_dir / "xdg-open",
            f'printf "%s\\n" "$1" >> "{self.log}"\n'
            + ('echo "xdg-open: no method available" >&2\n' if exit_code else "")
            + f"exit {exit_code}\n",
        )

    def urls(self) -> list[str]:
        if not self.log.exists():
            return []
        return self.log.read_text(encoding="utf-8").splitlines()

    def wait_for(self, count: int = 1, timeout_s: float = 5.0) -> list[str]:
        deadline = time.monotonic() + timeout_s
        while len(self.urls()) < count and time.monotonic() < deadline:
            time.sleep(0.02)
        return self.urls()


@pytest.fixture
def url_recorder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> UrlRecorder:
    bin_dir = tmp_path / "stand-in-bin"
    recorder = UrlRecorder(bin_dir)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    return recorder


@pytest.fixture
def failing_opener(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> UrlRecorder:
    """A stand-in ``xdg-open`` that fails, as on a computer with no mail, phone or browser
    app; first on PATH from when it is requested (after any fixture listed before it)."""
    recorder = UrlRecorder(tmp_path / "failing-bin", exit_code=3)
    monkeypatch.setenv("PATH", f"{recorder.log.parent}{os.pathsep}{os.environ['PATH']}")
    return recorder


@pytest.fixture
def zoom_handler(isolated_user: Path, tmp_path: Path) -> Iterator[str]:
    """Declares a stand-in Zoom as the ``zoommtg`` handler in the test's own XDG folders,
    the way the Zoom installer does, so the real ``xdg-mime`` finds it."""
    require_program("xdg-mime")
    launcher = write_script(tmp_path / "zoom" / "ZoomLauncher", "exit 0\n")
    desktop = isolated_user / "data" / "applications" / "Zoom.desktop"
    desktop.write_text(
        "[Desktop Entry]\nName=Zoom\nType=Application\n"
        f"Exec={launcher} %U\nMimeType=x-scheme-handler/zoommtg;\n",
        encoding="utf-8",
    )
    (isolated_user / "config" / "mimeapps.list").write_text(
        "[Default Applications]\nx-scheme-handler/zoommtg=Zoom.desktop\n", encoding="utf-8"
    )
    yield "Zoom.desktop"


@pytest.fixture
def make_window(qtbot, tmp_path: Path):
    """Builds the real main window around the default session and real checks, offscreen."""
    from PySide6.QtCore import QSettings

    from readiness.checks.kit import DeviceKit
    from readiness.checks.zoom import ZoomCheck
    from readiness.core.config import read_session_file
    from readiness.devices.url_opener import SystemUrlOpener
    from readiness.devices.zoom.linux import LinuxZoomFinder
    from readiness.resources import resource
    from readiness.ui.main_window import MainWindow
    from readiness.ui.preferences import Preferences
    from readiness.ui.services import Services

    settings_file = tmp_path / "preferences.ini"
    empty_root = tmp_path / "root"  # no /opt/zoom, snap or flatpak: only xdg-mime can tell
    empty_root.mkdir(exist_ok=True)

    windows: list[MainWindow] = []  # a test may keep only a page: keep its window alive

    def make(
        *,
        start_checks: bool = True,
        config=None,
        checks=None,
        kit=None,
        line_watch=None,
        early_checks=None,
    ) -> MainWindow:
        services = Services(
            config=config or read_session_file(resource("session.toml")),
            preferences=Preferences(QSettings(str(settings_file), QSettings.Format.IniFormat)),
            url_opener=SystemUrlOpener(),
            checks=[*(checks or []), ZoomCheck(LinuxZoomFinder(root=empty_root))],
            kit=kit or DeviceKit(),
            line_watch=line_watch,
            early_checks=early_checks or {},
        )
        window = MainWindow(services)
        windows.append(window)
        qtbot.addWidget(window)
        window.show()
        if start_checks:
            window.start_checks()
            qtbot.waitUntil(lambda: window.controller.result("zoom") is not None, timeout=10_000)
        return window

    return make


# --- linux_only: what only this project's Linux CI has ------------------------------------
# Set from what a test uses, so that a new test is marked without anyone thinking of it;
# on Linux the marker changes nothing, on Windows and macOS the test skips with the reason.

#: Fixtures (also when reached through another fixture) and what they need.
LINUX_ONLY_FIXTURES = {
    "pulse_session": "PulseAudio (the tests' server with a null sink)",
    "own_pulse": "PulseAudio (the tests' server with a null sink)",
    "no_sound_server": "PulseAudio's client settings (no server reachable)",
    "sound_page_context": "PulseAudio (the tests' server with a null sink)",
    "open_desk": "Xvfb, a D-Bus session bus and AT-SPI (what Orca reads)",
    "zoom_handler": "xdg-mime and a .desktop handler (how Linux finds Zoom)",
    "xdg": "xdg-mime and the XDG folders (how Linux finds Zoom)",
    "url_recorder": "a stand-in xdg-open, a POSIX shell script on PATH",
    "failing_opener": "a stand-in xdg-open, a POSIX shell script on PATH",
    "spawn": "stand-in processes named through POSIX symlinks",
    "soaks": "PulseAudio (the soak runs' sound server)",
}
#: Text in a test (or a helper of its module that it calls) and what it needs.
LINUX_ONLY_TEXT = {
    "PulseServer(": "PulseAudio (the tests' server with a null sink)",
    "require_pulseaudio(": "PulseAudio (the tests' server with a null sink)",
    "/proc/": "Linux's /proc (open files, routes)",
    '"/sys/': "Linux's /sys (the kernel's devices)",
    'require_program("pdftotext")': "poppler-utils' pdftotext (installed by .ci/run)",
    'require_program("pdfimages")': "poppler-utils' pdfimages (installed by .ci/run)",
    "write_script(": "a stand-in program written as a POSIX shell script",
    "#!/bin/sh": "a stand-in program written as a POSIX shell script",
}


def linux_only_reason(item: pytest.Item) -> str | None:
    """Why a test needs Linux, or None."""
    for fixture in getattr(item, "fixturenames", ()):
        if fixture in LINUX_ONLY_FIXTURES:
            return LINUX_ONLY_FIXTURES[fixture]
    source = _source_with_helpers(item)
    for text, reason in LINUX_ONLY_TEXT.items():
        if text in source:
            return reason
    return None


def _source_with_helpers(item: pytest.Item) -> str:
    function = getattr(item, "function", None)
    if function is None:
        return ""
    module = inspect.getmodule(function)
    parts = [function]
    for name in function.__code__.co_names:  # the module's own helpers it calls, one level
        helper = getattr(module, name, None)
        if inspect.isfunction(helper) and inspect.getmodule(helper) is module:
            parts.append(helper)
    try:
        return "\n".join(inspect.getsource(part) for part in parts)
    except (OSError, TypeError):
        return ""


def _test_platform() -> str:
    # READINESS_TEST_PLATFORM: to see on Linux what Windows or macOS would skip.
    return os.environ.get("READINESS_TEST_PLATFORM") or sys.platform


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    on_linux = _test_platform().startswith("linux")
    for item in items:
        reason = linux_only_reason(item)
        if reason is None:
            continue
        item.add_marker(pytest.mark.linux_only(reason=reason))
        if not on_linux:
            item.add_marker(pytest.mark.skip(reason=f"Linux only: {reason}"))


def _hypothesis_profile() -> None:
    """Property-based tests: no per-example time limit (the suite must pass on a busy
    machine), and in CI the same examples every run, so a failure is reproducible."""
    from hypothesis import HealthCheck, settings

    settings.register_profile(
        "readiness",
        deadline=None,
        derandomize=IN_CI,
        suppress_health_check=[HealthCheck.too_slow],
    )
    settings.load_profile("readiness")


_hypothesis_profile()
