"""« Ouvrir les réglages de confidentialité »: the button a result offers when the system
may be refusing the camera, the microphone or screen recording.

It shows only for a result that names a settings page (``privacy_settings`` in its
measures) on a system that has one, opens that page off the GUI thread through the
window's link opener, and says what to do by hand when the page did not open.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from readiness.core.privacy_settings import PrivacyKind, parse_kind, settings_steps, settings_uri

if TYPE_CHECKING:
    from readiness.core.open_outcome import OpenOutcome
    from readiness.ui.services import UrlOpener
    from readiness.ui.tasks import Task, TaskRunner


class PrivacyButton(QPushButton):
    """``platform`` as data (tests); the opener and tasks are given with
    ``set_link_opening``, or else the window's (``services.url_opener``, ``tasks``)."""

    def __init__(self, parent: QWidget | None = None, *, platform: str = sys.platform):
        super().__init__(self.tr("Ouvrir les réglages de confidentialité"), parent)
        self.platform = platform
        self.kind: PrivacyKind | None = None
        self._opener: UrlOpener | None = None
        self._tasks: TaskRunner | None = None
        self.setAutoDefault(False)
        self.clicked.connect(self.open_settings)
        self.hide()

    def set_link_opening(self, opener: UrlOpener, tasks: TaskRunner) -> None:
        self._opener, self._tasks = opener, tasks

    @property
    def uri(self) -> str | None:
        return settings_uri(self.kind, self.platform) if self.kind is not None else None

    def offer(self, kind: object) -> None:
        """Shown for a settings kind (a result's ``privacy_settings``) this system can open."""
        self.kind = parse_kind(kind)
        self.setVisible(self.uri is not None)

    def open_settings(self) -> Task | None:
        uri = self.uri
        if uri is None:
            return None
        opener, tasks = self._link_services()
        if opener is None or tasks is None:
            self._tell_unopened()
            return None

        def opened(outcome: OpenOutcome) -> None:
            if not outcome.ok:
                self._tell_unopened()

        return tasks.run(lambda: opener.open(uri), opened, lambda _error: self._tell_unopened())

    def _link_services(self) -> tuple[UrlOpener | None, TaskRunner | None]:
        if self._opener is not None and self._tasks is not None:
            return self._opener, self._tasks
        # The main window holds both; pages that build the result view need not pass them.
        window = self.window()
        services = getattr(window, "services", None)
        return getattr(services, "url_opener", None), getattr(window, "tasks", None)

    def unopened_text(self) -> str:
        steps = settings_steps(self.kind, self.platform) if self.kind is not None else ()
        text = self.tr("Les réglages ne se sont pas ouverts. Ouvrez-les vous-même :")
        return "\n".join((text, *(f"→ {step}" for step in steps)))

    def _tell_unopened(self) -> QMessageBox:
        """A box that does not block the window, its text selectable (as link_opening's)."""
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Les réglages ne se sont pas ouverts"),
            self.unopened_text(),
            QMessageBox.StandardButton.Ok,
            self.window(),
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box
