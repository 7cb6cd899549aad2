"""Values from session.toml, the system and the person are shown as written, never as rich
text: in the real window, its dialogs and the notification-area icon, offscreen.

A label shows what a person reads: its text when plain, the text of its HTML when rich
(QLabel's default, AutoText, guesses HTML from the text itself). Every value below looks
like HTML; wherever one appears, the person must read its characters, ``<b>`` included.
"""

from __future__ import annotations

import html
import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from PySide6 import QtGui
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from processes_helpers import StandInScanner
from readiness.checks import build_checks
from readiness.checks.kit import DeviceKit
from readiness.core.config import Contact, SessionConfig, read_session_file
from readiness.core.contact import mailto_url, tel_url
from readiness.core.process_snapshot import ProcessInfo, Snapshot, SystemInfo
from readiness.resources import resource
from readiness.ui.accessibility_dialog import AccessibilityDialog
from readiness.ui.contact_card import LinkButton
from readiness.ui.escalation_dialog import EscalationDialog
from readiness.ui.help_dialog import HelpDialog
from readiness.ui.page import heading_label, paragraph
from tests.fakes import ManualClock, StandInLine, StandInProcessNames

# The offscreen platform has no notification area, and Qt says so when the icon is shown;
# nor window stacking, which it says when the escalation window is raised.
pytestmark = pytest.mark.qt_log_ignore(
    "systemTrayWindowChanged", r"This plugin does not support raise\(\)"
)

ORGANISATION = "<b>Orga</b> R&amp;D"
PASSCODE = "x<b>y</b>"
MEETING_ID = "659<i>515</i>5541"
SUPPORT_NAME = "<i>Alex</i> Dupont"
SUPPORT_ROLE = '<a href="http://evil">clic</a>'
SUPPORT_PHONE = "06 20 15 15 32 <script>"
SUPPORT_EMAIL = 'alex"&amp;<u>x</u>@exemple.fr'
ACCESS_NAME = "<s>Sam</s> Lee"
ACCESS_ROLE = "<img src=x>référent"
ACCESS_PHONE = "<tt>01 02 03 04 05</tt>"
ACCESS_EMAIL = "sam&lt;@exemple.fr"
DISPLAY_NAME = "<b>Emma</b> Martin"
PROCESS_NAME = "<b>calcul</b>"

VALUES = (
    ORGANISATION,
    PASSCODE,
    MEETING_ID,
    SUPPORT_NAME,
    SUPPORT_ROLE,
    SUPPORT_PHONE,
    SUPPORT_EMAIL,
    ACCESS_NAME,
    ACCESS_ROLE,
    ACCESS_PHONE,
    ACCESS_EMAIL,
    DISPLAY_NAME,
    PROCESS_NAME,
)
WAIT_MS = 10_000


def hostile_config(*, accessibility: Contact | None = None) -> SessionConfig:
    """The default session with a value that looks like HTML in every text field; made
    without the file's checks: the window must be safe even if a value slips through."""
    return replace(
        read_session_file(resource("session.toml")),
        organisation=ORGANISATION,
        meeting_id=MEETING_ID,
        passcode=PASSCODE,
        support=Contact(SUPPORT_NAME, SUPPORT_PHONE, SUPPORT_EMAIL, SUPPORT_ROLE, SUPPORT_ROLE),
        accessibility=accessibility or Contact(""),
    )


ACCESS_CONTACT = Contact(ACCESS_NAME, ACCESS_PHONE, ACCESS_EMAIL, ACCESS_ROLE, ACCESS_ROLE)
PHONE_ONLY = Contact(ACCESS_NAME, ACCESS_PHONE, "", ACCESS_ROLE, ACCESS_ROLE)


# --- what a person reads ----------------------------------------------------------


def document(text: str) -> QTextDocument:
    doc = QTextDocument()
    doc.setHtml(text)
    return doc


def is_rich(text: str, text_format: Qt.TextFormat) -> bool:
    if text_format == Qt.TextFormat.AutoText:
        return QtGui.Qt.mightBeRichText(text)  # QLabel's own guess
    return text_format == Qt.TextFormat.RichText


def shown(text: str, text_format: Qt.TextFormat) -> str:
    return document(text).toPlainText() if is_rich(text, text_format) else text


def links(text: str) -> list[str]:
    """The addresses of a rich text's links."""
    doc = document(text)
    cursor = QTextCursor(doc)
    found: list[str] = []
    for position in range(1, doc.characterCount()):
        cursor.setPosition(position)
        href = cursor.charFormat().anchorHref()
        if href and (not found or found[-1] != href):
            found.append(href)
    return found


def button_shown(text: str) -> str:
    """A button's text as drawn: "&&" is one "&", a lone "&" marks a shortcut."""
    return re.sub(r"&(.)", r"\1", text)


def texts_of(root: QWidget) -> list[tuple[str, str, Qt.TextFormat]]:
    """(where, text, format) of every text ``root`` shows: labels, buttons, fields, lists,
    tooltips (which guess HTML as QLabel does) and window titles (always plain)."""
    plain, auto = Qt.TextFormat.PlainText, Qt.TextFormat.AutoText
    widgets = [root, *root.findChildren(QWidget)]
    found = []
    for widget in widgets:
        where = f"{type(widget).__name__} {widget.objectName() or widget.accessibleName()!r}"
        if isinstance(widget, QLabel):
            found.append((where, widget.text(), widget.textFormat()))
        elif isinstance(widget, QAbstractButton):
            found.append((where, button_shown(widget.text()), plain))
        elif isinstance(widget, QLineEdit):
            found.append((where, widget.text(), plain))
        elif isinstance(widget, QComboBox):
            found += [(where, widget.itemText(i), plain) for i in range(widget.count())]
        if widget.toolTip():
            found.append((f"tooltip of {where}", widget.toolTip(), auto))
        if widget.isWindow():
            found.append((f"title of {where}", widget.windowTitle(), plain))
    return found


def check_shown_as_written(texts: list[tuple[str, str, Qt.TextFormat]]) -> set[str]:
    """Fails where a value is in a text but not read as written; returns the values read."""
    problems, seen = [], set()
    for where, text, text_format in texts:
        read = shown(text, text_format)
        for value in VALUES:
            if value in text or html.escape(value) in text:
                if value in read:
                    seen.add(value)
                else:
                    problems.append(f"{where}: {value!r} reads as {read!r}")
    assert problems == []
    return seen


def check_links(root: QWidget, expected: set[str]) -> None:
    """A rich label's links and the link buttons open the address written in the file,
    whatever it holds."""
    for label in root.findChildren(QLabel):
        if is_rich(label.text(), label.textFormat()):
            assert set(links(label.text())) <= expected, label.text()
    for button in root.findChildren(LinkButton):
        assert button.url in expected, button.url


def contact_urls(*contacts: Contact) -> set[str]:
    urls = set()
    for contact in contacts:
        if contact.phone:
            urls.add(tel_url(contact.phone))
        if contact.email:
            urls.add(mailto_url(contact.email))
    return urls


def visit_every_page(window, qtbot) -> set[str]:
    seen = set()
    for row in range(len(window.steps)):
        window.sidebar.setCurrentRow(row)
        qtbot.wait(20)
        seen |= check_shown_as_written(texts_of(window))
    return seen


# --- the window, its dialogs and the icon -------------------------------------------


def test_the_window_shows_every_value_as_written(make_window, qtbot, url_recorder) -> None:
    window = make_window(config=hostile_config())
    seen = visit_every_page(window, qtbot)
    assert {ORGANISATION, PASSCODE, MEETING_ID, SUPPORT_NAME, SUPPORT_ROLE} <= seen
    assert {SUPPORT_PHONE, SUPPORT_EMAIL} <= seen
    page = window.join_page
    assert page.passcode_label.textFormat() == Qt.TextFormat.PlainText
    check_links(window, contact_urls(hostile_config().support))

    page.name_edit.setText(DISPLAY_NAME)  # the person's own name, as typed
    assert DISPLAY_NAME in check_shown_as_written(texts_of(window))

    # Joined in the browser: the passcode is said again, in a sentence.
    page.name_edit.setText("Emma Martin")
    with qtbot.waitSignal(page.joined, timeout=WAIT_MS):
        page.join_button.click()
    assert PASSCODE in page.join_status.text()
    assert PASSCODE in check_shown_as_written(texts_of(window))


def test_the_help_and_escalation_dialogs_show_the_contact_as_written(make_window) -> None:
    window = make_window(start_checks=False, config=hostile_config())
    services, tasks = window.services, window.tasks
    for dialog in (HelpDialog(services, tasks, window), EscalationDialog(services, tasks, window)):
        seen = check_shown_as_written(texts_of(dialog))
        assert {SUPPORT_NAME, SUPPORT_ROLE, SUPPORT_PHONE, SUPPORT_EMAIL} <= seen
        check_links(dialog, contact_urls(services.config.support))
        dialog.deleteLater()


@pytest.mark.parametrize("contact", [ACCESS_CONTACT, PHONE_ONLY], ids=["dedicated", "phone"])
def test_the_accessibility_dialog_shows_the_contact_as_written(
    make_window, qtbot, contact, failing_opener
) -> None:
    window = make_window(start_checks=False, config=hostile_config(accessibility=contact))
    config = window.services.config
    dialog = AccessibilityDialog(
        config, window.services.url_opener, window.tasks, window, display_name=DISPLAY_NAME
    )
    qtbot.addWidget(dialog)
    seen = check_shown_as_written(texts_of(dialog))
    assert {ORGANISATION, ACCESS_NAME, ACCESS_ROLE, ACCESS_PHONE} <= seen
    check_links(dialog, contact_urls(contact))
    if contact.email:
        assert ACCESS_EMAIL in seen
        dialog.write_request()  # no mail app here: the address is written out
        qtbot.waitUntil(lambda: ACCESS_EMAIL in dialog.status.text(), timeout=WAIT_MS)
        assert ACCESS_EMAIL in check_shown_as_written(texts_of(dialog))


def test_the_crash_notice_shows_the_names_as_written(make_window, tmp_path: Path) -> None:
    from readiness.ui.crash_notice import CrashNotice

    window = make_window(start_checks=False, config=hostile_config())
    log_path = tmp_path / ORGANISATION / "readiness.log"  # a folder may be named so, too
    dialog = CrashNotice(window.services, window.tasks, log_path, window)
    assert {SUPPORT_NAME, ORGANISATION} <= check_shown_as_written(texts_of(dialog))
    dialog.deleteLater()


def test_the_session_icon_and_its_escalation_window(make_window, qtbot, url_recorder) -> None:
    window = make_window(config=hostile_config())
    window.sidebar.setCurrentRow(len(window.steps) - 1)
    page = window.join_page
    page.name_edit.setText("Emma Martin")
    with qtbot.waitSignal(page.joined, timeout=WAIT_MS):
        page.join_button.click()
    line, clock = StandInLine(), ManualClock()
    kit = window.services.kit
    window.services.kit = replace(kit, probe_line=line, running_names=StandInProcessNames())
    window.services.watch_interval_ms = 20
    window.start_session_watch(clock=clock, apps_every_ms=40)
    tray = window.session_tray

    def tray_texts() -> list[tuple[str, str, Qt.TextFormat]]:
        texts = [("tray tooltip", tray.icon.toolTip(), Qt.TextFormat.AutoText)]
        for action in tray.icon.contextMenu().actions():
            texts.append(("tray menu", action.text(), Qt.TextFormat.PlainText))
            texts.append(("tray menu tooltip", action.toolTip(), Qt.TextFormat.AutoText))
        for title, text in tray.last_messages:
            texts += [("tray message", t, Qt.TextFormat.AutoText) for t in (title, text)]
        return texts

    check_shown_as_written(tray_texts())
    line.up = False
    qtbot.waitUntil(lambda: len(tray.last_messages) > 0, timeout=WAIT_MS)
    clock.advance(window.services.config.escalate_after_minutes * 60 + 1)
    qtbot.waitUntil(lambda: tray.escalation is not None, timeout=WAIT_MS)
    check_shown_as_written(tray_texts())
    seen = check_shown_as_written(texts_of(tray.escalation))
    assert {SUPPORT_NAME, SUPPORT_PHONE, SUPPORT_EMAIL} <= seen
    tray.stop()


# --- the applications page: a process's own name --------------------------------------


def snapshot_with(name: str) -> Snapshot:
    system = SystemInfo(10, 5, 16000, 8000, None, None, 50_000, 0.1)
    busy = ProcessInfo(500, name, "me", 1000.0, 40.0, 80)
    return Snapshot((busy,), system, 100, 99, "me", 1.0)


def test_a_process_name_is_shown_as_written_in_its_row_and_question(make_window, qtbot) -> None:
    kit = DeviceKit(scan_processes=StandInScanner(snapshot_with(PROCESS_NAME)))
    window = make_window(start_checks=False, checks=build_checks(["processes"], kit=kit), kit=kit)
    window.sidebar.setCurrentRow(1)
    page = window.current_page()
    qtbot.waitUntil(lambda: len(page.rows) == 1, timeout=WAIT_MS)
    assert PROCESS_NAME in check_shown_as_written(texts_of(page))

    asked: list[list[tuple[str, str, Qt.TextFormat]]] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        asked.append(texts_of(box))  # checked once closed: a failure here would hang it
        next(b for b in box.buttons() if b.text() == "Annuler").click()

    QTimer.singleShot(20, answer)
    page.rows[0].close_button.click()
    assert len(asked) == 1
    assert check_shown_as_written(asked[0]) == {PROCESS_NAME}


# --- the label helpers and the contact, for any text ---------------------------------


@given(st.text())
@example("x<b>y</b>")
@example("<img src=x>")
@example('<a href="http://evil">clic</a>')
@example("R&amp;D")
def test_the_label_helpers_show_any_text_as_written(qapp, text: str) -> None:
    for label in (paragraph(text), heading_label(text)):
        assert label.textFormat() == Qt.TextFormat.PlainText
        assert label.text() == text
        label.deleteLater()
