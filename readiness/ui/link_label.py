"""A label whose links go through the app's URL opener, off the GUI thread.

Rich text: every value put into its HTML must be escaped (see ``help_text.link_html``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from readiness.ui.services import UrlOpener
from readiness.ui.tasks import TaskRunner


class LinkLabel(QLabel):
    def __init__(
        self, html: str, opener: UrlOpener, tasks: TaskRunner, parent: QWidget | None = None
    ):
        super().__init__(html, parent)
        self._opener = opener
        self._tasks = tasks
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.setOpenExternalLinks(False)
        self.linkActivated.connect(self._open)

    def _open(self, url: str) -> None:
        from readiness.ui.link_opening import open_link

        open_link(self._tasks, self._opener, url, self.window())
