"""A QR code drawn from segno's module matrix, black on white whatever the theme."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

QUIET_ZONE = 4  # modules of white around the code, as the standard asks


class QrCodeWidget(QWidget):
    def __init__(self, parent: QWidget | None = None, side: int = 180):
        super().__init__(parent)
        self._side = side
        self._matrix: list[list[bool]] = []
        self.text = ""
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_text(self, text: str) -> None:
        import segno  # imported on first use: not needed at start-up

        self.text = text
        code = segno.make(text, error="m", micro=False)
        self._matrix = [[bool(v) for v in row] for row in code.matrix]
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(self._side, self._side)

    def render_image(self, side: int | None = None) -> QImage:
        side = side or self._side
        image = QImage(side, side, QImage.Format.Format_RGB32)
        painter = QPainter(image)
        self._paint(painter, side)
        painter.end()
        return image

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        self._paint(painter, min(self.width(), self.height()))
        painter.end()

    def _paint(self, painter: QPainter, side: int) -> None:
        painter.fillRect(QRectF(0, 0, side, side), QColor("white"))
        if not self._matrix:
            return
        count = len(self._matrix) + 2 * QUIET_ZONE
        module = side / count
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("black"))
        for y, row in enumerate(self._matrix):
            for x, dark in enumerate(row):
                if dark:
                    # A hair wider than a module, so neighbours merge without seams.
                    painter.drawRect(
                        QRectF(
                            (x + QUIET_ZONE) * module,
                            (y + QUIET_ZONE) * module,
                            module + 0.5,
                            module + 0.5,
                        )
                    )
