"""Every page, as a keyboard user, a screen reader user and a reader of English meet it:
each control named and reachable with Tab, every text readable in the light and dark
themes, and nothing left in French when the interface is in English."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QWidget

from camera_media import write_variant
from readiness.checks import CHECK_IDS, build_checks
from readiness.core import i18n
from readiness.core.config import read_session_file
from readiness.core.device_choice import DeviceChoice
from readiness.translations import install_in_app
from readiness.ui.help_dialog import HelpDialog
from readiness.ui.theme import accessible_palette
from speed_server import SpeedServer
from system_palettes import DARK_PALETTES
from ui_walk import (
    accessible_name,
    contrast_failures,
    describe,
    french_traces,
    tab_cycle,
    tab_stops,
    texts,
)

pytest_plugins = ["pulse_server"]

ENGLISH_SESSION = """
[organisation]
name = "Example Learning"
[meeting]
id = "659 515 5541"
passcode = "Tr41n1ng"
[support]
name = "Alex Martin"
role = "votre consultant"
role_en = "your consultant"
phone = "06 20 15 15 32"
email = "alex@example.com"
[accessibility]
name = "Sam Lee"
email = "access@example.com"
"""


@pytest.fixture
def walked_window(make_window, qtbot, tmp_path: Path, pulse):
    """The window with every real check on stand-in devices (a video for the camera, the
    test's PulseAudio, a throttled speed server), every check done."""

    def make(config=None):
        video = write_variant(tmp_path, "good")
        server = SpeedServer(down_mbps=20, latency_ms=10)
        server.__enter__()
        servers.append(server)
        devices = DeviceChoice(camera=str(video), speedtest_server=server.url, listen_s=1.0)
        checks = [c for c in build_checks(devices=devices) if c.id != "zoom"]
        window = make_window(checks=checks, config=config)
        for check_id in CHECK_IDS:
            if window.controller.result(check_id) is None:
                window.controller.run(check_id)
        qtbot.waitUntil(
            lambda: all(window.controller.result(i) is not None for i in CHECK_IDS),
            timeout=60_000,
        )
        return window

    servers: list[SpeedServer] = []
    yield make
    for server in servers:
        server.__exit__(None, None, None)


def visit_each_page(window, qtbot) -> Iterator[str]:
    for row, step in enumerate(window.steps):
        window.sidebar.setCurrentRow(row)
        qtbot.wait(150)  # the page's first results and layout
        yield step.step_id
    window.sidebar.setCurrentRow(0)


def keyboard_and_names(window: QWidget, qtbot) -> list[str]:
    problems = []
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    stops = tab_stops(window)
    for widget in stops:
        if not accessible_name(widget):
            problems.append(f"no accessible name: {describe(widget)}")
    window.sidebar.setFocus()
    QApplication.processEvents()
    cycle = tab_cycle(window)
    for widget in stops:
        if widget not in cycle:
            problems.append(f"Tab never reaches {describe(widget)}")
    return problems


def test_every_page_is_named_reachable_and_readable_light_and_dark(
    walked_window, qtbot, qapp
) -> None:
    window = walked_window()
    system_light = qapp.palette()
    light = accessible_palette(system_light)  # what the app does with the system's
    problems: list[str] = []
    try:
        for step_id in visit_each_page(window, qtbot):
            found = keyboard_and_names(window, qtbot)
            qapp.setPalette(light)
            QApplication.processEvents()
            found += [f"light: {p}" for p in contrast_failures(window)]
            for name, dark in DARK_PALETTES.items():
                qapp.setPalette(accessible_palette(dark()))
                QApplication.processEvents()
                found += [f"{name}: {p}" for p in contrast_failures(window)]
            qapp.setPalette(system_light)
            problems += [f"[{step_id}] {p}" for p in found]
    finally:
        qapp.setPalette(system_light)
    assert not problems, "\n".join(problems)


@pytest.fixture
def english(qapp) -> Iterator[None]:
    """The interface in English, as ``--lang en`` gives it; French again afterwards."""
    before = set(qapp.findChildren(QTranslator))
    install_in_app(qapp, "en")
    try:
        yield
    finally:
        for translator in set(qapp.findChildren(QTranslator)) - before:
            qapp.removeTranslator(translator)
            translator.deleteLater()
        i18n.install(None, "fr")
        QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))


def test_in_english_no_page_says_anything_in_french(
    english, walked_window, qtbot, tmp_path: Path
) -> None:
    session = tmp_path / "session.toml"
    session.write_text(ENGLISH_SESSION, encoding="utf-8")
    window = walked_window(read_session_file(session))
    found: list[str] = []
    for step_id in visit_each_page(window, qtbot):
        for widget, text in texts(window):
            traces = french_traces(text)
            if traces:
                found.append(f"[{step_id}] {describe(widget)}: {text!r} {traces}")
    help_dialog = HelpDialog(window.services, window.tasks, window)
    help_dialog.show()
    for widget, text in texts(help_dialog):
        if french_traces(text):
            found.append(f"[help] {describe(widget)}: {text!r}")
    help_dialog.close()
    assert window.windowTitle().startswith("Get ready for my session")
    assert not found, "\n".join(dict.fromkeys(found))
