"""The frame every step's page shares: a heading, an introduction, and a body."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


def heading_label(text: str, scale: float = 1.6) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    label.setAccessibleName(text)
    return label


def paragraph(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class Page(QWidget):
    """A step of the walkthrough. ``step_id`` matches the check id where there is one."""

    step_id = ""

    def __init__(self, title: str, intro: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = title
        self.setAccessibleName(title)
        self.heading = heading_label(title)
        self.intro = paragraph(intro)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(24, 20, 24, 20)
        self.body.setSpacing(12)
        self.body.addWidget(self.heading)
        self.body.addWidget(self.intro)

    def entered(self) -> None:
        """Called when the page becomes visible (start previews, checks)."""

    def left(self) -> None:
        """Called when the user moves away (stop and release devices)."""
