"""« Accessibilité et adaptations », clicked through offscreen with real widgets and a
stand-in xdg-open that records what it is asked to open."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QLabel

from conftest import UrlRecorder
from readiness.core.adaptation_request import (
    adaptation_contact,
    request_body,
    request_mailto,
    request_subject,
)
from readiness.core.config import Contact, read_session_file
from readiness.devices.url_opener import SystemUrlOpener
from readiness.ui.accessibility_dialog import AccessibilityDialog
from readiness.ui.help_dialog import HelpDialog
from readiness.ui.tasks import TaskRunner
from readiness.ui.theme import accessible_palette
from system_palettes import DARK_PALETTES
from ui_walk import (
    accessible_name,
    clipped,
    contrast_failures,
    describe,
    mnemonic_clashes,
    tab_cycle,
    tab_stops,
)

SESSION = """
[organisation]
name = "OF Optimo Coaching"
[meeting]
id = "659 515 5541"
passcode = "Bienvenue!"
[support]
name = "Sabrina PIDOLOT"
role = "votre consultante référente"
phone = "06 20 15 15 32"
email = "contact@optimocoaching.fr"
[accessibility]
{accessibility}
"""

DEDICATED = """name = "Claire Martin"
role = "référente handicap"
phone = "01 23 45 67 89"
email = "handicap@optimocoaching.fr"
"""


def session(tmp_path: Path, accessibility: str = "", start: str = ""):
    path = tmp_path / "session.toml"
    text = SESSION.format(accessibility=accessibility)
    if start:
        text += f"[session]\nstart = {start}\n"
    path.write_text(text, encoding="utf-8")
    return read_session_file(path)


@pytest.fixture
def make_dialog(qtbot):
    def make(config, *, display_name: str = "") -> AccessibilityDialog:
        tasks = TaskRunner()
        dialog = AccessibilityDialog(config, SystemUrlOpener(), tasks, display_name=display_name)
        tasks.setParent(dialog)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return make


def mail_parts(url: str) -> tuple[str, dict[str, list[str]]]:
    parts = urlsplit(url)
    assert parts.scheme == "mailto"
    return unquote(parts.path), parse_qs(parts.query)


# --- whom to write to, and what (Qt-free) -------------------------------------------


def test_the_request_goes_to_the_accessibility_contact_when_there_is_one(tmp_path) -> None:
    config = session(tmp_path, DEDICATED)
    assert adaptation_contact(config).name == "Claire Martin"
    to, query = mail_parts(request_mailto(config, "Mélissa Brunet"))
    assert to == "handicap@optimocoaching.fr"
    assert query["subject"] == ["Demande d'adaptation pour ma séance avec OF Optimo Coaching"]
    (body,) = query["body"]
    assert body.startswith("Bonjour,\n\nJe participe prochainement à une séance avec OF Optimo")
    assert "j'aurais besoin de l'adaptation suivante :\n\n\n" in body  # room to write
    assert body.endswith("Merci,\nMélissa Brunet\n")


def test_a_name_alone_is_not_a_contact_the_support_one_is_used(tmp_path) -> None:
    config = session(tmp_path, 'name = "Claire Martin"\n')
    assert adaptation_contact(config).name == "Sabrina PIDOLOT"
    to, _ = mail_parts(request_mailto(config))
    assert to == "contact@optimocoaching.fr"


def test_the_session_date_is_in_the_letter_when_known(tmp_path) -> None:
    config = session(tmp_path, start="2026-12-01T14:00:00")
    assert "Ma séance est prévue le 01/12/2026 à 14:00." in request_body(config)
    assert "prévue" not in request_body(session(tmp_path))


def test_a_phone_only_contact_has_no_mailto(tmp_path) -> None:
    config = session(tmp_path, 'name = "Claire Martin"\nphone = "01 23 45 67 89"\n')
    assert adaptation_contact(config).phone == "01 23 45 67 89"
    assert request_mailto(config) is None


# --- the dialog ----------------------------------------------------------------------


def test_the_button_mails_the_accessibility_contact(
    tmp_path, make_dialog, qtbot, url_recorder: UrlRecorder
) -> None:
    dialog = make_dialog(session(tmp_path, DEDICATED), display_name="Mélissa Brunet")
    assert "Claire Martin" in dialog.contact.who.text()
    urls = [button.url for button in dialog.contact.buttons()]
    assert urls == ["tel:0123456789", "mailto:handicap@optimocoaching.fr"]
    assert "référent handicap" in " ".join(label.text() for label in dialog.findChildren(QLabel))
    qtbot.mouseClick(dialog.mail_button, Qt.MouseButton.LeftButton)
    (url,) = url_recorder.wait_for(1)
    to, query = mail_parts(url)
    assert to == "handicap@optimocoaching.fr"
    assert query["subject"] == [request_subject(dialog._config)]
    assert "l'adaptation suivante" in query["body"][0]
    assert query["body"][0].endswith("Mélissa Brunet\n")
    qtbot.waitUntil(lambda: "messagerie s'ouvre" in dialog.status.text(), timeout=10_000)
    assert dialog.status.isVisible()
    assert dialog.mail_button.isEnabled()
    assert dialog.copy_button.isHidden()


def test_without_an_accessibility_contact_the_support_one_is_asked(
    tmp_path, make_dialog, qtbot, url_recorder: UrlRecorder
) -> None:
    dialog = make_dialog(session(tmp_path, 'name = ""\nemail = ""\nphone = ""\n'))
    assert dialog.contact.who.text() == "Sabrina PIDOLOT, votre consultante référente"
    qtbot.mouseClick(dialog.mail_button, Qt.MouseButton.LeftButton)
    (url,) = url_recorder.wait_for(1)
    assert mail_parts(url)[0] == "contact@optimocoaching.fr"


def test_a_phone_only_contact_is_called_not_mailed(tmp_path, make_dialog) -> None:
    dialog = make_dialog(session(tmp_path, 'name = "Claire Martin"\nphone = "01 23 45 67 89"\n'))
    assert dialog.mail_button.isHidden()
    (call,) = dialog.contact.buttons()  # no e-mail button
    assert call.url == "tel:0123456789"
    assert call.accessibleName() == "Appelez le 01 23 45 67 89"
    assert call.lead_in.text() == "Appelez le"


def test_when_the_mail_app_cannot_open_the_address_is_given(
    tmp_path, make_dialog, qtbot, monkeypatch
) -> None:
    failing = UrlRecorder(tmp_path / "failing-bin", exit_code=3)
    monkeypatch.setenv("PATH", f"{tmp_path / 'failing-bin'}{os.pathsep}{os.environ['PATH']}")
    dialog = make_dialog(session(tmp_path))
    qtbot.mouseClick(dialog.mail_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "n'a pas pu s'ouvrir" in dialog.status.text(), timeout=10_000)
    assert len(failing.urls()) == 1  # it was tried, through the system's opener
    assert "contact@optimocoaching.fr" in dialog.status.text()
    assert "06 20 15 15 32" in dialog.status.text()
    assert dialog.mail_button.isEnabled()  # they can try again
    assert dialog.copy_button.isVisible()
    assert mnemonic_clashes(dialog) == []
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "contact@optimocoaching.fr"


def test_escape_closes_the_dialog(tmp_path, make_dialog, qtbot) -> None:
    dialog = make_dialog(session(tmp_path))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert not dialog.isVisible()


def test_every_control_is_named_and_reached_with_tab(tmp_path, make_dialog, qtbot) -> None:
    dialog = make_dialog(session(tmp_path, DEDICATED))
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5_000)
    stops = tab_stops(dialog)
    assert dialog.mail_button in stops and dialog.scroll in stops
    assert set(dialog.contact.buttons()) <= set(stops)
    unnamed = [describe(w) for w in stops if not accessible_name(w)]
    assert not unnamed
    cycle = tab_cycle(dialog)
    assert [describe(w) for w in stops if w not in cycle] == []


def test_the_shortcuts_are_spoken_row_by_row(tmp_path, make_dialog) -> None:
    dialog = make_dialog(session(tmp_path))
    spoken = dialog.shortcuts.accessibleDescription()
    assert "Couper ou rallumer le micro : Alt+A sur Windows, Cmd+Maj+A sur Mac." in spoken
    assert spoken.index("micro") < spoken.index("caméra") < spoken.index("Lever la main")
    assert "Option+Y" in dialog.shortcuts.text()


def test_large_text_fits_a_small_screen_or_scrolls(tmp_path, qtbot, qapp) -> None:
    font = qapp.font()
    large = qapp.font()
    large.setPointSizeF(font.pointSizeF() * 2)
    qapp.setFont(large)
    try:
        tasks = TaskRunner()
        dialog = AccessibilityDialog(session(tmp_path, DEDICATED), SystemUrlOpener(), tasks)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        screen = dialog.screen().availableGeometry()
        assert dialog.width() <= screen.width() and dialog.height() <= screen.height()
        content = dialog.scroll.widget()
        # Nothing cut on the right: lines wrap; what is too tall scrolls.
        assert content.width() <= dialog.scroll.viewport().width()
        assert dialog.scroll.horizontalScrollBar().maximum() == 0
        assert clipped(dialog) == []
    finally:
        qapp.setFont(font)


# --- where it opens from -----------------------------------------------------------


def test_the_welcome_page_button_opens_it(make_window, qtbot, url_recorder) -> None:
    window = make_window(start_checks=False)
    page = window.current_page()
    assert page.step_id == "welcome"
    assert page.accessibility_button.isVisible()
    qtbot.mouseClick(page.accessibility_button, Qt.MouseButton.LeftButton)
    dialog = page.accessibility_dialog
    assert isinstance(dialog, AccessibilityDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    assert dialog.windowTitle() == "Accessibilité et adaptations"
    qtbot.mouseClick(dialog.mail_button, Qt.MouseButton.LeftButton)
    (url,) = url_recorder.wait_for(1)
    assert mail_parts(url)[0] == "contact@optimocoaching.fr"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_the_help_dialog_button_opens_it(make_window, qtbot) -> None:
    window = make_window(start_checks=False)
    help_dialog = HelpDialog(window.services, window.tasks, window)
    qtbot.addWidget(help_dialog)
    help_dialog.show()
    qtbot.mouseClick(help_dialog.accessibility_button, Qt.MouseButton.LeftButton)
    dialog = help_dialog.accessibility_dialog
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible(), timeout=5_000)
    assert "Sabrina PIDOLOT" in dialog.contact.who.text()


def test_readable_in_the_light_and_dark_themes(tmp_path, make_dialog, qapp) -> None:
    dialog = make_dialog(session(tmp_path, DEDICATED))
    system = qapp.palette()
    problems = []
    try:
        for name, palette in [("light", lambda: system), *DARK_PALETTES.items()]:
            qapp.setPalette(accessible_palette(palette()))
            QApplication.processEvents()
            problems += [f"{name}: {p}" for p in contrast_failures(dialog)]
    finally:
        qapp.setPalette(system)
    assert not problems


def test_with_no_contact_at_all_it_still_says_what_to_do(tmp_path, make_dialog) -> None:
    # A valid file always has a support phone or e-mail; a config built in code may not.
    config = replace(session(tmp_path), support=Contact(name="Sabrina PIDOLOT"))
    assert adaptation_contact(config) is None and request_mailto(config) is None
    dialog = make_dialog(config)
    assert dialog.mail_button.isHidden() and dialog.contact.isHidden()
    labels = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "la personne qui vous a invité" in labels
