"""The wizard, clicked through offscreen."""

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox

from readiness.ui.help_dialog import HelpDialog
from readiness.ui.status_style import BadgeState


def test_steps_are_welcome_then_checks_then_join(make_window) -> None:
    window = make_window()
    assert [step.step_id for step in window.steps] == ["welcome", "zoom", "summary", "join"]
    assert window.current_page().step_id == "welcome"
    assert "5 minutes" in window.current_page().intro.text()
    assert "Application Zoom" in window.current_page().steps.text()


def test_next_and_back_walk_the_steps(make_window, qtbot) -> None:
    window = make_window()
    assert not window.back_button.isEnabled()
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    assert window.current_page().step_id == "zoom"
    assert window.stack.currentIndex() == 1
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    assert window.current_page().step_id == "summary"
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    assert window.current_page().step_id == "join"
    assert window.next_button.isHidden()  # the join page is the end
    qtbot.mouseClick(window.back_button, Qt.MouseButton.LeftButton)
    assert window.current_page().step_id == "summary"


def test_keyboard_mnemonics_drive_the_wizard(make_window, qtbot) -> None:
    window = make_window()
    window.activateWindow()
    # Through the window, as the platform delivers keys, so the shortcut map sees them.
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.current_page().step_id == "zoom", timeout=5000)
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.current_page().step_id == "welcome", timeout=5000)


def test_space_on_the_focused_button_moves_on(make_window, qtbot) -> None:
    window = make_window()
    window.next_button.setFocus()
    qtbot.keyClick(window.next_button, Qt.Key.Key_Space)
    assert window.current_page().step_id == "zoom"


def test_sidebar_shows_the_zoom_status_with_a_word(make_window, zoom_handler: str) -> None:
    window = make_window()
    assert window.sidebar.state("zoom") is BadgeState.OK
    item = window.sidebar.item(1)
    assert item.text() == "Application Zoom\nBon"
    assert item.data(Qt.ItemDataRole.AccessibleTextRole) == "Application Zoom : Bon"
    assert window.sidebar.state("welcome") is None


def test_zoom_page_without_zoom_offers_the_download(make_window, qtbot, url_recorder) -> None:
    window = make_window()
    window.go_next()
    page = window.current_page()
    assert page.result_view.badge.word() == "À améliorer"
    assert "n'est pas installée" in page.result_view.summary.text()
    assert page.download_button.isVisible()
    qtbot.mouseClick(page.download_button, Qt.MouseButton.LeftButton)
    assert url_recorder.wait_for(1) == ["https://zoom.us/download"]


def test_zoom_page_recheck_sees_a_newly_installed_zoom(
    make_window, qtbot, isolated_user: Path, tmp_path: Path
) -> None:
    window = make_window()
    window.go_next()
    page = window.current_page()
    assert window.sidebar.state("zoom") is BadgeState.WARNING
    # The user installs Zoom while the app is open, then asks to check again.
    launcher = tmp_path / "ZoomLauncher"
    launcher.write_text("#!/bin/sh\n")
    launcher.chmod(0o755)
    (isolated_user / "data" / "applications" / "Zoom.desktop").write_text(
        f"[Desktop Entry]\nType=Application\nName=Zoom\nExec={launcher} %U\n"
        "MimeType=x-scheme-handler/zoommtg;\n"
    )
    qtbot.mouseClick(page.recheck_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.sidebar.state("zoom") is BadgeState.OK, timeout=10_000)
    assert page.download_button.isHidden()
    assert "est installée" in page.result_view.summary.text()


def test_help_dialog_shows_whom_to_call_and_the_five_minute_rule(make_window, qtbot) -> None:
    window = make_window()
    dialog = HelpDialog(window.services, window.tasks, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "Sabrina PIDOLOT" in dialog.contact.who.text()
    urls = [button.url for button in dialog.contact.buttons()]
    assert urls == ["tel:0620151532", "mailto:contact@optimocoaching.fr"]
    labels = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "5 minutes" in labels
    assert "même code d'accès" in labels  # plain text, no HTML entity shown
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert not dialog.isVisible()


def test_help_links_go_to_the_system_opener(make_window, qtbot, url_recorder) -> None:
    window = make_window()
    dialog = HelpDialog(window.services, window.tasks, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.contact.phone_button, Qt.MouseButton.LeftButton)
    assert url_recorder.wait_for(1) == ["tel:0620151532"]
    qtbot.mouseClick(dialog.contact.email_button, Qt.MouseButton.LeftButton)
    assert url_recorder.wait_for(2) == ["tel:0620151532", "mailto:contact@optimocoaching.fr"]


def test_help_button_opens_the_dialog(make_window, qtbot) -> None:
    window = make_window()
    seen = []

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        seen.append(dialog.windowTitle())
        dialog.reject()

    QTimer.singleShot(100, close_it)
    qtbot.mouseClick(window.help_button, Qt.MouseButton.LeftButton)
    assert seen == ["Besoin d'aide ?"]


def test_a_bad_config_is_explained_in_a_dialog(qapp, tmp_path: Path) -> None:
    from readiness.app import load_config_or_explain

    bad = tmp_path / "session.toml"
    bad.write_text("[meeting]\nid = 12\n", encoding="utf-8")
    seen = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.close()

    QTimer.singleShot(100, read_and_close)
    assert load_config_or_explain(bad) is None
    (text,) = seen
    assert str(bad) in text and "section [organisation]" in text


def test_welcome_counts_down_to_a_session_time_chosen_in_the_app(make_window, qtbot) -> None:
    from datetime import datetime, timedelta

    window = make_window()
    page = window.current_page()
    assert page.countdown.isHidden()  # no time known yet: nothing to say
    qtbot.mouseClick(page.time_button, Qt.MouseButton.LeftButton)
    start = (datetime.now() + timedelta(minutes=47)).replace(second=0, microsecond=0)
    # Late in the evening the session falls on the next day, and the text gives the date.
    expected = "5 minutes avant" if start.date() == datetime.now().date() else "prévue le"
    page.time_edit.setDateTime(start)
    assert page.countdown.isVisible()
    assert expected in page.countdown.text()
    assert window.services.preferences.session_start == start
    # Remembered for next time.
    again = make_window().current_page()
    assert expected in again.countdown.text()


def test_enter_presses_the_focused_button_as_space_does(make_window, qtbot) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    window = make_window(start_checks=False)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    welcome = window.page("welcome")
    welcome.time_button.setFocus()
    QTest.keyClick(welcome.time_button, Qt.Key.Key_Return)
    assert welcome.time_edit is not None
    qtbot.waitUntil(welcome.time_edit.isVisible, timeout=2_000)
    window.next_button.setFocus()
    QTest.keyClick(window.next_button, Qt.Key.Key_Enter)
    assert window.current_page().step_id == window.steps[1].step_id


def test_the_summary_checks_again_on_the_step_s_own_page(
    make_window, qtbot, isolated_user: Path, tmp_path: Path
) -> None:
    window = make_window()
    assert window.sidebar.state("zoom") is BadgeState.WARNING
    window.sidebar.setCurrentRow(2)
    summary = window.current_page()
    assert summary.step_id == "summary"
    launcher = tmp_path / "ZoomLauncher"
    launcher.write_text("#!/bin/sh\n")
    launcher.chmod(0o755)
    (isolated_user / "data" / "applications" / "Zoom.desktop").write_text(
        f"[Desktop Entry]\nType=Application\nName=Zoom\nExec={launcher} %U\n"
        "MimeType=x-scheme-handler/zoommtg;\n"
    )
    row = next(row for row in summary.rows if "Zoom" in row.check_button.accessibleName())
    qtbot.mouseClick(row.check_button, Qt.MouseButton.LeftButton)
    # « Vérifier » shows the step's page, where its check runs again from the start.
    assert window.current_page().step_id == "zoom"
    qtbot.waitUntil(lambda: window.sidebar.state("zoom") is BadgeState.OK, timeout=10_000)
    assert "est installée" in window.current_page().result_view.summary.text()
