"""How a status looks: a word, a colour, and an icon whose shape also tells it.

Status is never shown by colour alone: each state has its own glyph and word.
"""

from __future__ import annotations

from enum import Enum
from functools import cache

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

from readiness.core.result import Status


class BadgeState(Enum):
    PENDING = "pending"
    RUNNING = "running"
    OK = "ok"
    WARNING = "warning"
    FAILED = "failed"
    SKIPPED = "skipped"

    @classmethod
    def of(cls, status: Status) -> BadgeState:
        return cls(str(status))


# Dark enough for 4.5:1 on white and light enough for 3:1 on a dark window.
_COLORS = {
    BadgeState.PENDING: "#6e7781",
    BadgeState.RUNNING: "#0969da",
    BadgeState.OK: "#1a7f37",
    BadgeState.WARNING: "#9a6700",
    BadgeState.FAILED: "#cf222e",
    BadgeState.SKIPPED: "#6e7781",
}


def state_color(state: BadgeState) -> QColor:
    return QColor(_COLORS[state])


def state_word(state: BadgeState) -> str:
    words = {
        BadgeState.PENDING: QCoreApplication.translate("Status", "À vérifier"),
        BadgeState.RUNNING: QCoreApplication.translate("Status", "Vérification…"),
        BadgeState.OK: QCoreApplication.translate("Status", "Bon"),
        BadgeState.WARNING: QCoreApplication.translate("Status", "À améliorer"),
        BadgeState.FAILED: QCoreApplication.translate("Status", "Problème"),
        BadgeState.SKIPPED: QCoreApplication.translate("Status", "Non vérifié"),
    }
    return words[state]


def state_pixmap(state: BadgeState, size: int = 24, ratio: float = 1.0) -> QPixmap:
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    color = state_color(state)
    s = float(size)
    white = QPen(QColor("white"), s * 0.12, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    if state is BadgeState.WARNING:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawPolygon(
            QPolygonF(
                [QPointF(s / 2, s * 0.04), QPointF(s * 0.98, s * 0.94), QPointF(s * 0.02, s * 0.94)]
            )
        )
        painter.setPen(white)
        painter.drawLine(QPointF(s / 2, s * 0.38), QPointF(s / 2, s * 0.62))
        painter.drawPoint(QPointF(s / 2, s * 0.79))
    elif state is BadgeState.PENDING:
        painter.setPen(QPen(color, s * 0.1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(QRectF(s * 0.1, s * 0.1, s * 0.8, s * 0.8))
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawEllipse(QRectF(s * 0.04, s * 0.04, s * 0.92, s * 0.92))
        painter.setPen(white)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if state is BadgeState.OK:
            path = QPainterPath(QPointF(s * 0.28, s * 0.52))
            path.lineTo(QPointF(s * 0.44, s * 0.68))
            path.lineTo(QPointF(s * 0.73, s * 0.35))
            painter.drawPath(path)
        elif state is BadgeState.FAILED:
            painter.drawLine(QPointF(s * 0.33, s * 0.33), QPointF(s * 0.67, s * 0.67))
            painter.drawLine(QPointF(s * 0.67, s * 0.33), QPointF(s * 0.33, s * 0.67))
        elif state is BadgeState.SKIPPED:
            painter.drawLine(QPointF(s * 0.3, s * 0.5), QPointF(s * 0.7, s * 0.5))
        else:  # RUNNING: three dots
            for x in (0.3, 0.5, 0.7):
                painter.drawPoint(QPointF(s * x, s * 0.5))
    painter.end()
    return pixmap


@cache
def state_icon(state: BadgeState) -> QIcon:
    icon = QIcon()
    for size in (16, 24, 32, 48):
        icon.addPixmap(state_pixmap(state, size))
    return icon
