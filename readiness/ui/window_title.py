"""The window's title, said once.

Qt appends the application's display name to a window's title (after " — " on Linux,
" - " on Windows; macOS shows the title as it is) unless the title already ends with
it, and a screen reader reads the whole. So the main window's title ends with it:
« OF Optimo Coaching — Préparer ma séance » on every system.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def app_display_name() -> str:
    """The app's name for people, in the interface's language."""
    return QCoreApplication.translate("App", "Préparer ma séance")


def use_display_name(app: QCoreApplication) -> None:
    """Given to Qt at start and after each change of language: an English title must not
    get the French name appended."""
    app.setApplicationDisplayName(app_display_name())


def main_title(organisation: str) -> str:
    # No words of its own to translate: the display name is translated.
    return f"{organisation} — {app_display_name()}"
