"""The page's sheet: the theme's field colour (white in a light theme), beside the
sidebar left in the window's own, so the page reads as one calm surface.

Only the Window role is set, to the theme's Base: what is drawn on the sheet (labels,
cards) reads against the colour really behind it, and the contrast tests check it so.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QWidget

from readiness.ui.borrowed_colors import borrowed_palette


class Sheet(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAutoFillBackground(True)
        self._tinting = False
        self._retint()

    def _retint(self) -> None:
        # Only Window is set: every other role keeps following the window.
        palette = borrowed_palette(self, {QPalette.ColorRole.Window: QPalette.ColorRole.Base})
        self._tinting = True
        try:
            self.setPalette(palette)
        finally:
            self._tinting = False

    def changeEvent(self, event: QEvent) -> None:
        kinds = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)
        if event.type() in kinds and not self._tinting:
            self._retint()
        super().changeEvent(event)
