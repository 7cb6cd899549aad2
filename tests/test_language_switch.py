"""Switching the interface's language from the welcome page: the window is built again
in the other language, where it was, and the choice is remembered for the next start."""

from __future__ import annotations

from pathlib import Path

from readiness.core import i18n
from readiness.ui.language_switch import WindowKeeper
from readiness.ui.main_window import MainWindow


def test_the_welcome_page_switches_to_english_and_back(make_window, qtbot, back_to_french) -> None:
    services = make_window(start_checks=False).services
    keeper = WindowKeeper(lambda: MainWindow(services), services.preferences)
    first = keeper.show_first()  # the keeper deletes the windows it replaces
    first.setGeometry(40, 50, 900, 640)
    first_place = first.geometry().topLeft()
    button = first.page("welcome").language_button
    assert button.text() == "English"
    assert button.accessibleDescription() == "Afficher l'application en anglais"

    button.click()
    english = keeper.window
    assert english is not first and english.isVisible()
    assert english.windowTitle().endswith(" — Get ready for my session")
    assert english.next_button.text() == "&Next"
    assert english.geometry().topLeft() == first_place
    assert i18n.language() == "en" and services.preferences.language == "en"
    back = english.page("welcome").language_button
    assert back.text() == "Français" and back.accessibleDescription() == "Show the app in French"
    qtbot.waitUntil(lambda: english.controller.result("zoom") is not None, timeout=10_000)

    back.click()
    french = keeper.window
    assert french.windowTitle().endswith(" — Préparer ma séance")
    assert services.preferences.language == "fr"
    french.close()


def test_the_chosen_language_is_used_at_the_next_start(tmp_path) -> None:
    """The real app, started as a double-click starts it, after the user chose English."""
    import os
    import subprocess
    import sys

    # Where QSettings keeps the app's preferences on Linux, in the test's own home.
    ini = Path(os.environ["XDG_CONFIG_HOME"]) / "readiness" / "readiness.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    ini.write_text("[interface]\nlanguage=en\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "readiness.cli"],
        env={**os.environ, "READINESS_CLOSE_AFTER_MS": "300", "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    log = Path(os.environ["XDG_STATE_HOME"]) / "readiness" / "log" / "readiness.log"
    assert "interface language: en" in log.read_text(encoding="utf-8")
