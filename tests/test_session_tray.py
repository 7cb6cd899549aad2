"""The session watch as the window builds it: the real MainWindow, tray, monitor and dialog,
offscreen, with a stand-in line, clock and list of running programs that the test steers."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from conftest import UrlRecorder
from readiness.core.i18n import pick
from readiness.core.known_apps import load_known_apps
from tests.fakes import ManualClock, StandInLine, StandInProcessNames

# The offscreen platform has no notification area, and Qt says so when the icon is shown;
# nor window stacking, which it says when the escalation window is raised.
pytestmark = pytest.mark.qt_log_ignore(
    "systemTrayWindowChanged", r"This plugin does not support raise\(\)"
)

WEB_URL = "https://zoom.us/j/6595155541"
WAIT_MS = 10_000


class Session:
    """A joined meeting with the session watch running, and the test's levers on it."""

    def __init__(self, window, qtbot, line, clock, programs, opened: UrlRecorder):
        self.window = window
        self.qtbot = qtbot
        self.line = line
        self.clock = clock
        self.programs = programs
        self.opened = opened
        self.tray = window.session_tray

    def titles(self) -> list[str]:
        return [title for title, _text in self.tray.last_messages]

    def wait_for_message(self, title: str) -> None:
        self.qtbot.waitUntil(lambda: title in self.titles(), timeout=WAIT_MS)

    def wait_for_probes(self, count: int) -> None:
        """Lets ``count`` more probes go through (behaviour, not time)."""
        target = self.line.calls + count
        self.qtbot.waitUntil(lambda: self.line.calls >= target, timeout=WAIT_MS)

    def drop(self) -> None:
        self.line.up = False
        self.wait_for_message("Connexion perdue")

    def restore(self) -> None:
        self.line.up = True
        self.qtbot.waitUntil(lambda: self.tray.logic.online, timeout=WAIT_MS)


@pytest.fixture
def session(make_window, qtbot, url_recorder: UrlRecorder):
    window = make_window()
    # Join first, as a person does: the meeting's link is what a reconnection reopens.
    window.sidebar.setCurrentRow(len(window.steps) - 1)
    page = window.join_page
    page.name_edit.setFocus()
    page.name_edit.insert("Mélissa Brunet")
    with qtbot.waitSignal(page.joined, timeout=WAIT_MS):
        qtbot.mouseClick(page.join_button, Qt.MouseButton.LeftButton)
    assert url_recorder.urls() == [WEB_URL]

    line, clock = StandInLine(), ManualClock()
    programs = StandInProcessNames({"bash", "Xorg", "onedrive"})
    window.services.kit = replace(window.services.kit, probe_line=line, running_names=programs)
    window.services.watch_interval_ms = 20
    window.start_session_watch(clock=clock, apps_every_ms=40)
    tray = window.session_tray
    assert tray is not None and tray.monitor.running and tray.icon.isVisible()
    qtbot.waitUntil(lambda: programs.calls >= 1 and line.calls >= 1, timeout=WAIT_MS)
    yield Session(window, qtbot, line, clock, programs, url_recorder)
    tray.stop()


def test_the_watch_starts_once_with_its_icon_and_menu(session: Session) -> None:
    tray = session.tray
    assert tray.icon.toolTip() == "Séance en cours\xa0: la connexion est surveillée"
    menu = [action.text() for action in tray.icon.contextMenu().actions()]
    assert menu == ["Se reconnecter à la réunion", "Ouvrir la fenêtre", "Quitter"]
    session.window.start_session_watch()
    assert session.window.session_tray is tray
    session.wait_for_probes(3)
    assert list(tray.last_messages) == []  # a good line says nothing


def test_a_lost_line_is_told_then_its_return(session: Session) -> None:
    session.drop()
    tray = session.tray
    assert tray.icon.toolTip() == "Connexion perdue"
    assert "box ou le Wi-Fi" in tray.last_messages[-1][1]
    session.wait_for_probes(3)
    assert session.titles().count("Connexion perdue") == 1  # once per cut

    session.line.up = True
    session.wait_for_message("Connexion rétablie")
    assert "Se reconnecter à la réunion" in tray.last_messages[-1][1]
    assert tray.icon.toolTip() == "Séance en cours\xa0: la connexion est surveillée"
    assert session.opened.urls() == [WEB_URL]  # nobody asked to reopen


def test_reconnecting_while_online_reopens_the_meeting_now(session: Session, qtbot) -> None:
    session.tray.reconnect_action.trigger()  # the icon's menu
    qtbot.waitUntil(lambda: len(session.opened.urls()) == 2, timeout=WAIT_MS)
    assert session.opened.urls() == [WEB_URL, WEB_URL]


def test_a_reconnection_that_cannot_open_says_so(session: Session, qtbot, failing_opener) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    session.tray.reconnect_action.trigger()

    def told() -> list[QMessageBox]:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]

    qtbot.waitUntil(lambda: any(box.isVisible() for box in told()), timeout=WAIT_MS)
    box = next(box for box in told() if box.isVisible())
    assert WEB_URL in box.text()
    assert failing_opener.urls() == [WEB_URL]
    box.close()


def test_reconnecting_while_offline_reopens_once_when_the_line_is_back(
    session: Session, qtbot
) -> None:
    session.drop()
    session.tray.reconnect_action.trigger()
    assert session.titles()[-1] == "Reconnexion dès que possible"
    session.wait_for_probes(3)
    session.restore()
    qtbot.waitUntil(lambda: len(session.opened.urls()) == 2, timeout=WAIT_MS)
    session.wait_for_probes(5)
    assert session.opened.urls() == [WEB_URL, WEB_URL]
    assert "Connexion rétablie" not in session.titles()  # the meeting reopening says enough


def test_a_long_cut_shows_whom_to_call_until_the_line_is_back(session: Session, qtbot) -> None:
    session.drop()
    tray = session.tray
    session.wait_for_probes(3)
    assert tray.escalation is None  # not yet: the clock has not moved
    minutes = session.window.services.config.escalate_after_minutes
    session.clock.advance(minutes * 60 + 1)
    qtbot.waitUntil(lambda: tray.escalation is not None, timeout=WAIT_MS)
    dialog = tray.escalation
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    assert dialog.windowTitle() == "La connexion ne revient pas"
    assert dialog.contact.phone_button.url.startswith("tel:")
    session.wait_for_probes(3)
    assert tray.escalation is dialog  # one window, however long it lasts

    session.restore()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    session.wait_for_message("Connexion rétablie")


def test_a_known_app_that_starts_during_the_session_is_warned_about_once(
    session: Session, qtbot
) -> None:
    programs = session.programs
    seen = programs.calls
    qtbot.waitUntil(lambda: programs.calls >= seen + 2, timeout=WAIT_MS)
    assert list(session.tray.last_messages) == []  # OneDrive was there from the start

    programs.start("dropbox")
    session.wait_for_message("Dropbox vient de démarrer")
    dropbox = next(app for app in load_known_apps().apps if app.name == "Dropbox")
    assert (
        session.tray.last_messages[-1][1] == pick(dropbox.advice)
        and "synchronisation" in session.tray.last_messages[-1][1]
    )
    seen = programs.calls
    qtbot.waitUntil(lambda: programs.calls >= seen + 3, timeout=WAIT_MS)
    assert session.titles() == ["Dropbox vient de démarrer"]
