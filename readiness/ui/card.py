"""A card: a rounded panel on the theme's field colour, its edge and fill tinted by a
status (green, amber, red), so that results stand out from the window's grey."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QFrame, QWidget

from readiness.ui.status_style import BadgeState, card_colors

RADIUS = 10
EDGE_WIDTH = 1.5
#: The room inside the card, around what it holds.
MARGINS = (18, 14, 18, 14)


class Card(QFrame):
    def __init__(self, parent: QWidget | None = None, state: BadgeState | None = None):
        super().__init__(parent)
        self.state = state
        self._tinting = False
        self._retint()

    def set_tint(self, state: BadgeState | None) -> None:
        if state is not self.state:
            self.state = state
            self._retint()

    def colors(self) -> tuple[QColor, QColor]:
        """(fill, edge) as drawn now, from the theme's colours (only Window is ours)."""
        return card_colors(self.state, self.palette())

    def _retint(self) -> None:
        fill, _edge = self.colors()
        # Only the Window role is set: the others still follow the theme (light, dark).
        # What is drawn on the card reads against the card, and the tests check it so.
        palette = QPalette()
        palette.setColor(QPalette.ColorRole.Window, fill)
        self._tinting = True
        try:
            self.setPalette(palette)
        finally:
            self._tinting = False
        self.update()

    def changeEvent(self, event: QEvent) -> None:
        kinds = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)
        if event.type() in kinds and not self._tinting:
            self._retint()
        super().changeEvent(event)

    def paintEvent(self, _event: QPaintEvent) -> None:
        fill, edge = self.colors()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(edge, EDGE_WIDTH))
        painter.setBrush(fill)
        half = EDGE_WIDTH / 2
        rect = QRectF(self.rect()).adjusted(half, half, -half, -half)
        painter.drawRoundedRect(rect, RADIUS, RADIUS)
        painter.end()
