"""The scroll area around each page: it scrolls with the keys, and shows when it has
the keyboard focus (a ring, as focus_style.py draws around controls)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFocusEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

from readiness.ui.focus_style import RING_WIDTH, draw_ring


class _Ring(QWidget):
    """Drawn over the area (its own paint: the area's paintEvent is its viewport's)."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        draw_ring(painter, self.rect(), self.palette(), False)
        painter.end()


class PageArea(QScrollArea):
    def __init__(self, title: str):
        super().__init__()
        self.setAccessibleName(title)  # it takes the focus, to scroll with the keys
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Large text or a small screen must never hide a button off the window.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        # Room for the ring, which the page would otherwise cover.
        self.setViewportMargins(RING_WIDTH, RING_WIDTH, RING_WIDTH, RING_WIDTH)
        self.ring = _Ring(self)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.ring.setGeometry(self.rect())
        self.ring.raise_()
        self.ring.show()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.ring.hide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.ring.setGeometry(self.rect())
