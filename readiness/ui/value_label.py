"""A value shown beside its title (a measure, the meeting ID), as a screen reader must hear it.

On the accessibility bus a label has no text of its own: its name is all that is read.
A value label's name says both the title and the value, « Réception (téléchargement) :
20,0 Mbit/s », and follows each new value (an explicit name is never refreshed by Qt).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


class ValueLabel(QLabel):
    def __init__(self, title: str, value: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.title = title
        # Values come from session.toml, the network or the person: shown as written.
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(value)

    def setText(self, text: str) -> None:
        super().setText(text)
        # Setting the name tells the bus (NameChanged), as setText alone would not here.
        self.setAccessibleName(self.spoken(text))

    def spoken(self, value: str) -> str:
        if not value:
            return self.title
        return self.tr("{title} : {value}").format(title=self.title, value=value)
