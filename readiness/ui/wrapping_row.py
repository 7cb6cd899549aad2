"""A row that puts its parts one under the other when the room runs out.

At 200 % text on a small laptop screen, parts that sit side by side at the usual size
(the meeting's identifier beside its passcode, the QR code beside the join button)
would make the page wider than the window, and the person would have to scroll
sideways to read it. This row stays a row while the parts fit, and becomes a column
when they do not; it never asks for more width than its widest part.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QBoxLayout, QWidget

_ROW = QBoxLayout.Direction.LeftToRight
_COLUMN = QBoxLayout.Direction.TopToBottom


class WrappingRow(QBoxLayout):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(_ROW, parent)

    def _widths(self) -> list[int]:
        items = (self.itemAt(i) for i in range(self.count()))
        return [item.minimumSize().width() for item in items if not item.isEmpty()]

    def _side(self) -> int:
        margins = self.contentsMargins()
        return margins.left() + margins.right()

    def width_side_by_side(self) -> int:
        widths = self._widths()
        return sum(widths) + self.spacing() * max(0, len(widths) - 1) + self._side()

    def minimumSize(self) -> QSize:
        # As narrow as the widest part: past that, the parts go one under the other.
        height = super().minimumSize().height()
        return QSize(max(self._widths(), default=0) + self._side(), height)

    def _direction_for(self, width: int) -> QBoxLayout.Direction:
        return _ROW if width >= self.width_side_by_side() else _COLUMN

    def heightForWidth(self, width: int) -> int:
        # Wrapped text inside makes the page ask for its height at a given width: the
        # answer must be the one of the direction this width will give, not the current.
        if self._direction_for(width) == self.direction() or self.direction() == _COLUMN:
            return super().heightForWidth(width)  # a column's is never too short
        margins = self.contentsMargins()
        inner = width - margins.left() - margins.right()
        items = [self.itemAt(i) for i in range(self.count())]
        heights = [
            item.heightForWidth(inner) if item.hasHeightForWidth() else item.sizeHint().height()
            for item in items
            if not item.isEmpty()
        ]
        spacing = self.spacing() * max(0, len(heights) - 1)
        return sum(heights) + spacing + margins.top() + margins.bottom()

    def setGeometry(self, rect: QRect) -> None:
        wanted = self._direction_for(rect.width())
        if self.direction() != wanted:
            self.setDirection(wanted)  # re-laid out: the page grows to the column's height
        super().setGeometry(rect)

    def is_row(self) -> bool:
        return self.direction() == _ROW
