"""The button to the privacy settings, in the card every page shows a result in.

macOS and Windows cannot run here: the real ``SystemUrlOpener`` is told the platform,
and opens through a stand-in ``open`` first on PATH (macOS's opener, a program) or a
recorded ``os.startfile`` (Windows', a function).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QVBoxLayout, QWidget

from readiness.checks.camera import CameraProblem, judge_problem
from readiness.checks.microphone_verdict import SpeechTracker, SpeechVerdict, judge_speech
from readiness.checks.zoom import ZoomCheck
from readiness.core.levels import FLOOR_DBFS
from readiness.devices.url_opener import SystemUrlOpener
from readiness.devices.zoom.model import ZoomInstall
from readiness.ui.check_controller import CheckController
from readiness.ui.check_result_view import CheckResultView
from readiness.ui.tasks import TaskRunner
from tests.conftest import write_script
from ui_walk import shown_message_box

MAC = "x-apple.systempreferences:com.apple.preference.security?"
BUTTON_TEXT = "Ouvrir les réglages de confidentialité"


class MacOpen:
    """A stand-in for macOS's ``open`` first on PATH, writing down each URL."""

    def __init__(self, bin_dir: Path):
        self.log = bin_dir / "opened.txt"
        write_script(bin_dir / "open", f'printf "%s\\n" "$1" >> "{self.log}"\nexit 0\n')

    def wait_for(self, qtbot) -> list[str]:
        qtbot.waitUntil(self.log.exists, timeout=10_000)
        return self.log.read_text(encoding="utf-8").splitlines()


@pytest.fixture
def mac_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MacOpen:
    opener = MacOpen(tmp_path / "mac-bin")
    monkeypatch.setenv("PATH", f"{opener.log.parent}{os.pathsep}{os.environ['PATH']}")
    return opener


def _host(qtbot, platform: str) -> tuple[QWidget, QPushButton, CheckResultView]:
    """A window with a button before the result card, as on a page."""
    host = QWidget()
    qtbot.addWidget(host)
    before = QPushButton("Avant", host)
    view = CheckResultView(host, platform=platform)
    layout = QVBoxLayout(host)
    layout.addWidget(before)
    layout.addWidget(view)
    host.show()
    qtbot.waitExposed(host)
    return host, before, view


def test_a_refused_camera_on_macos_offers_the_button_tab_reaches_it_and_it_opens(
    qtbot, mac_open: MacOpen
) -> None:
    host, before, view = _host(qtbot, "darwin")
    tasks = TaskRunner(host)
    view.set_link_opening(SystemUrlOpener(platform="darwin"), tasks)
    view.show_result(judge_problem(CameraProblem.PERMISSION_DENIED, platform="darwin"))
    button = view.privacy_button
    assert button.isVisible()
    name = QAccessible.queryAccessibleInterface(button).text(QAccessible.Text.Name)
    assert BUTTON_TEXT in name
    # The keyboard reaches it right after the control before the card.
    host.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is host, timeout=5_000)
    before.setFocus()
    qtbot.waitUntil(before.hasFocus, timeout=2_000)
    QTest.keyClick(before, Qt.Key.Key_Tab)
    qtbot.waitUntil(button.hasFocus, timeout=2_000)
    QTest.keyClick(button, Qt.Key.Key_Space)
    assert mac_open.wait_for(qtbot) == [MAC + "Privacy_Camera"]


def test_a_silent_microphone_on_windows_opens_its_page_through_startfile(qtbot) -> None:
    opened: list[str] = []
    host, _before, view = _host(qtbot, "win32")
    view.set_link_opening(
        SystemUrlOpener(platform="win32", startfile=opened.append), TaskRunner(host)
    )
    tracker = SpeechTracker(noise_floor_dbfs=FLOOR_DBFS)
    view.show_result(judge_speech(tracker, SpeechVerdict.SILENT, "Realtek", platform="win32"))
    assert view.privacy_button.isVisible()
    qtbot.mouseClick(view.privacy_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: opened == ["ms-settings:privacy-microphone"], timeout=10_000)


def test_no_button_where_there_is_no_settings_page(qtbot) -> None:
    _linux, _before, view = _host(qtbot, "linux")
    view.show_result(judge_problem(CameraProblem.PERMISSION_DENIED, platform="linux"))
    assert view.privacy_button.isHidden()
    _other, _before, mac = _host(qtbot, "darwin")
    mac.show_result(judge_problem(CameraProblem.PERMISSION_DENIED, platform="darwin"))
    assert mac.privacy_button.isVisible()
    mac.show_running("Ouverture de la caméra…")  # a new run: no stale button
    assert mac.privacy_button.isHidden()
    mac.show_result(judge_problem(CameraProblem.BUSY, platform="darwin"))
    assert mac.privacy_button.isHidden()


def test_settings_that_do_not_open_say_what_to_do_by_hand(qtbot) -> None:
    def refuse(url: str) -> None:
        raise OSError(1155, "No application is associated with the specified file", url)

    host, _before, view = _host(qtbot, "win32")
    view.set_link_opening(SystemUrlOpener(platform="win32", startfile=refuse), TaskRunner(host))
    view.show_result(judge_problem(CameraProblem.UNAVAILABLE, platform="win32"))
    view.privacy_button.click()
    box = shown_message_box(qtbot)
    assert "Ouvrez-les vous-même" in box.text()
    assert "Paramètres > Confidentialité et sécurité > Caméra" in box.text()
    box.close()


def test_without_an_opener_given_it_uses_the_windows(qtbot, make_window, url_recorder) -> None:
    """Pages that do not pass the opener (the camera's, the microphone's) get the main
    window's (here Linux's ``xdg-open``, a stand-in that writes down the URL)."""
    window = make_window(start_checks=False)
    view = CheckResultView(window.page("zoom"), platform="darwin")
    view.show_result(judge_problem(CameraProblem.PERMISSION_DENIED, platform="darwin"))
    view.privacy_button.click()
    assert url_recorder.wait_for(1) == [MAC + "Privacy_Camera"]


class FixedFinder:
    def __init__(self, install: ZoomInstall):
        self.install = install

    def find(self) -> ZoomInstall:
        return self.install


def test_the_zoom_page_on_macos_offers_screen_recording(qtbot, mac_open: MacOpen) -> None:
    from readiness.ui.pages.zoom import ZoomPage

    host = QWidget()
    qtbot.addWidget(host)
    tasks = TaskRunner(host)
    install = ZoomInstall("/Applications/zoom.us.app", "6.2.1", "zoom.us")
    controller = CheckController([ZoomCheck(FixedFinder(install), platform="darwin")], tasks, host)
    page = ZoomPage(controller, SystemUrlOpener(platform="darwin"), tasks, host)
    page.result_view.privacy_button.platform = "darwin"  # this machine is Linux
    layout = QVBoxLayout(host)
    layout.addWidget(page)
    host.show()
    page.entered()
    qtbot.waitUntil(lambda: controller.result("zoom") is not None, timeout=10_000)
    button = page.result_view.privacy_button
    assert button.isVisible()
    assert "Enregistrement de l'écran" in page.result_view.advice.text()
    button.click()
    assert mac_open.wait_for(qtbot) == [MAC + "Privacy_ScreenCapture"]
