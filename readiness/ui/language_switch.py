"""Changing the interface's language from the app.

Qt widgets keep the texts they were built with, so the choice is remembered and the
window is built again in the new language, where the old one was. The switch is
offered on the welcome page, before anything has been measured.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from readiness.translations import install_in_app

# No PySide import at the top: this module is loaded at start-up, and each module
# importing PySide costs its import hook there.
if TYPE_CHECKING:
    from readiness.ui.main_window import MainWindow
    from readiness.ui.preferences import Preferences


class WindowKeeper:
    """Holds the main window, and replaces it when the user picks another language."""

    def __init__(self, make_window: Callable[[], MainWindow], preferences: Preferences):
        self._make_window = make_window
        self._preferences = preferences
        self.window: MainWindow | None = None

    def show_first(self) -> MainWindow:
        self.window = self._new_window()
        self.window.show()
        return self.window

    def switch(self, language: str) -> None:
        from PySide6.QtWidgets import QApplication

        from readiness.ui.window_title import use_display_name

        self._preferences.language = language  # and at the next start
        app = QApplication.instance()
        install_in_app(app, language)
        use_display_name(app)
        old, new = self.window, self._new_window()
        if old is not None:
            new.setGeometry(old.geometry())
            new.setWindowState(old.windowState())  # maximised stays maximised
        new.show()
        new.activateWindow()
        self.window = new
        if old is not None:
            old.close()  # releases its devices (pages' left())
            old.deleteLater()
        new.start_checks()

    def _new_window(self) -> MainWindow:
        window = self._make_window()
        window.language_requested.connect(self.switch)
        return window
