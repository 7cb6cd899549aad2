"""How one step of the sidebar is drawn: roomier than a list row, the selected step
on a rounded pill in the selection colour (the accent's, when there is one).

The system's style still draws the icon, the text and the focus ring; only the square
selection it would paint is replaced by the pill.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

#: Extra height of a row, and the pill's inset and rounding (pixels).
ROW_PADDING = 12
PILL_INSET = 2
PILL_RADIUS = 8

Index = QModelIndex | QPersistentModelIndex


class StepDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + ROW_PADDING)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        if item.state & QStyle.StateFlag.State_Selected:
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(item.palette.highlight())
            pill = QRectF(item.rect).adjusted(PILL_INSET, PILL_INSET, -PILL_INSET, -PILL_INSET)
            painter.drawRoundedRect(pill, PILL_RADIUS, PILL_RADIUS)
            painter.restore()
            # Still selected (its text in the selection's text colour, its focus ring
            # too), but the style's square selection is not painted over the pill.
            for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
                item.palette.setColor(
                    group, QPalette.ColorRole.Highlight, Qt.GlobalColor.transparent
                )
        item.rect = item.rect.adjusted(PILL_INSET + 4, 0, -PILL_INSET, 0)
        widget = item.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
