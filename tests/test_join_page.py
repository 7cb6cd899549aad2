"""The join page, clicked through offscreen with real widgets, xdg-mime and a stand-in xdg-open."""

from urllib.parse import parse_qs, urlsplit

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage

from conftest import UrlRecorder


def type_name(page, text: str) -> None:
    # QTest cannot type "é" (it asserts on non-ASCII keys); insert() is what typing does.
    page.name_edit.setFocus()
    page.name_edit.insert(text)


def open_join_page(window):
    window.sidebar.setCurrentRow(len(window.steps) - 1)
    assert window.current_page() is window.join_page
    return window.join_page


def test_meeting_id_and_passcode_are_shown_large(make_window) -> None:
    page = open_join_page(make_window())
    assert page.meeting_id_label.text() == "659 515 5541"
    assert page.passcode_label.text() == "Bienvenue!"
    body = page.font().pointSizeF()
    assert page.meeting_id_label.font().pointSizeF() > 1.5 * body


def test_a_passcode_that_looks_like_html_is_shown_as_written(make_window) -> None:
    from dataclasses import replace

    from readiness.core.config import read_session_file
    from readiness.resources import resource

    config = replace(read_session_file(resource("session.toml")), passcode="x<b>y</b>")
    page = open_join_page(make_window(config=config))
    assert page.passcode_label.textFormat() == Qt.TextFormat.PlainText  # not bold « xy »
    assert page.passcode_label.text() == "x<b>y</b>"


def test_copy_buttons_put_id_and_passcode_on_the_clipboard(make_window, qtbot) -> None:
    page = open_join_page(make_window())
    qtbot.mouseClick(page.copy_id_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "6595155541"
    assert "copié" in page.copy_id_button.text()
    qtbot.mouseClick(page.copy_passcode_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "Bienvenue!"
    qtbot.waitUntil(lambda: page.copy_id_button.text() == "Copier l'&identifiant", timeout=6000)


@pytest.mark.parametrize("name", ["Mélissa", "melissa@exemple.fr", "Mélissa 2"])
def test_a_name_that_is_not_prenom_nom_is_refused_with_the_reason(make_window, qtbot, name) -> None:
    page = open_join_page(make_window())
    page.name_edit.clear()
    type_name(page, name)
    assert not page.join_button.isEnabled()
    assert "prénom et votre nom" in page.name_hint.text()
    qtbot.keyClick(page.name_edit, Qt.Key.Key_Return)  # Enter must not join either
    assert page.joined_at is None


def test_a_full_name_enables_joining(make_window, qtbot) -> None:
    page = open_join_page(make_window())
    type_name(page, "Mélissa Brunet")
    assert page.join_button.isEnabled()
    assert "Parfait" in page.name_hint.text()


def test_joining_with_the_zoom_app_opens_the_zoommtg_link(
    make_window, qtbot, zoom_handler: str, url_recorder: UrlRecorder
) -> None:
    page = open_join_page(make_window())
    assert "application Zoom" in page.mode_text.text()
    type_name(page, "Mélissa Brunet")
    with qtbot.waitSignal(page.joined, timeout=10_000) as joined:
        qtbot.mouseClick(page.join_button, Qt.MouseButton.LeftButton)
    assert joined.args == ["app"]
    (url,) = url_recorder.urls()
    assert url.startswith("zoommtg://zoom.us/join?")
    assert parse_qs(urlsplit(url).query) == {
        "action": ["join"],
        "confno": ["6595155541"],
        "pwd": ["Bienvenue!"],
        "uname": ["Mélissa Brunet"],
    }
    assert "Zoom s'ouvre" in page.join_status.text()
    assert page.joined_at is not None


def test_without_zoom_the_web_link_opens_and_the_passcode_is_copied(
    make_window, qtbot, url_recorder: UrlRecorder
) -> None:
    page = open_join_page(make_window())
    assert "navigateur" in page.mode_text.text()
    assert page.web_button.isHidden()  # the main button already goes to the browser
    type_name(page, "Mélissa Brunet")
    with qtbot.waitSignal(page.joined, timeout=10_000) as joined:
        qtbot.keyClick(page.name_edit, Qt.Key.Key_Return)
    assert joined.args == ["web"]
    assert url_recorder.urls() == ["https://zoom.us/j/6595155541"]
    assert QGuiApplication.clipboard().text() == "Bienvenue!"
    assert "Bienvenue!" in page.join_status.text() and "collez" in page.join_status.text()


def test_the_browser_can_be_chosen_even_with_the_app(
    make_window, qtbot, zoom_handler: str, url_recorder: UrlRecorder
) -> None:
    page = open_join_page(make_window())
    type_name(page, "Mélissa Brunet")
    assert page.web_button.isVisible()
    with qtbot.waitSignal(page.joined, timeout=10_000):
        qtbot.mouseClick(page.web_button, Qt.MouseButton.LeftButton)
    assert url_recorder.urls() == ["https://zoom.us/j/6595155541"]


def test_a_link_that_cannot_open_says_what_to_do_instead(make_window, qtbot, tmp_path, monkeypatch):
    import os

    UrlRecorder(tmp_path / "failing-bin", exit_code=3)
    monkeypatch.setenv("PATH", f"{tmp_path / 'failing-bin'}{os.pathsep}{os.environ['PATH']}")
    page = open_join_page(make_window())
    type_name(page, "Mélissa Brunet")
    qtbot.mouseClick(page.join_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "n'a pas pu s'ouvrir" in page.join_status.text(), timeout=10_000)
    assert page.joined_at is None
    assert page.join_button.isEnabled()  # they can try again


def test_the_name_is_remembered_for_next_time(make_window, qtbot, url_recorder) -> None:
    page = open_join_page(make_window())
    type_name(page, "Mélissa Brunet")
    with qtbot.waitSignal(page.joined, timeout=10_000):
        qtbot.mouseClick(page.join_button, Qt.MouseButton.LeftButton)
    again = open_join_page(make_window())
    assert again.name_edit.text() == "Mélissa Brunet"
    assert again.join_button.isEnabled()


def test_the_qr_code_decodes_to_the_web_link(make_window) -> None:
    import cv2

    page = open_join_page(make_window())
    image = page.qr_code.render_image(300).convertToFormat(QImage.Format.Format_Grayscale8)
    pixels = np.frombuffer(image.constBits(), np.uint8).reshape(
        image.height(), image.bytesPerLine()
    )
    text, _points, _ = cv2.QRCodeDetector().detectAndDecode(pixels[:, : image.width()].copy())
    assert text == "https://zoom.us/j/6595155541"


def test_the_session_rules_and_whom_to_call_are_on_the_page(make_window) -> None:
    page = open_join_page(make_window())
    assert "Sabrina PIDOLOT" in page.contact.who.text()
    urls = [button.url for button in page.contact.buttons()]
    assert urls == ["tel:0620151532", "mailto:contact@optimocoaching.fr"]
    assert "5 minutes" in page.trouble_label.text()
