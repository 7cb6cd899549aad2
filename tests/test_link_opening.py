"""Buttons and links that open something say so when the computer could not open it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from readiness.ui.link_opening import unopened_link_text
from ui_walk import shown_message_box


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("tel:+33620151532", "Appelez le +33620151532 depuis votre téléphone"),
        ("mailto:contact@exemple.fr?subject=Bonjour", "Écrivez à contact@exemple.fr depuis"),
        ("mailto:jos%C3%A9@exemple.fr", "Écrivez à josé@exemple.fr"),
        (
            "https://zoom.us/download",
            "Ouvrez vous-même cette adresse\u00a0: https://zoom.us/download",
        ),
        ("zoommtg://zoom.us/join?confno=1", "ne s'est pas ouvert sur cet ordinateur"),
    ],
)
def test_what_to_do_instead(url: str, expected: str) -> None:
    assert expected in unopened_link_text(url)


def test_the_report_mail_that_cannot_open_says_whom_to_write(
    qtbot, make_window, failing_opener
) -> None:
    window = make_window()
    summary = window.page("summary")
    summary.mail_button.click()
    box = shown_message_box(qtbot)
    assert "contact@optimocoaching.fr" in box.text()
    assert failing_opener.urls()[0].startswith("mailto:contact@optimocoaching.fr?")
    box.close()


def test_the_help_phone_link_that_cannot_open_says_to_call(
    qtbot, make_window, failing_opener
) -> None:
    from readiness.ui.help_dialog import HelpDialog

    window = make_window()
    dialog = HelpDialog(window.services, window.tasks, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.contact.phone_button, Qt.MouseButton.LeftButton)
    box = shown_message_box(qtbot)
    assert "Appelez le 0620151532 depuis votre téléphone" in box.text()
    box.close()


def test_the_zoom_download_that_cannot_open_gives_the_address(
    qtbot, make_window, failing_opener
) -> None:
    window = make_window()
    page = window.page("zoom")
    page.download_button.click()
    box = shown_message_box(qtbot)
    assert "https://" in box.text() and "zoom" in box.text()
    box.close()


def test_a_link_that_opens_says_nothing(qtbot, make_window, url_recorder) -> None:
    window = make_window()
    window.page("zoom").download_button.click()
    assert url_recorder.wait_for(1)
    qtbot.wait(50)  # the outcome's delivery
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
