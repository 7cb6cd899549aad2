"""The page's sheet: the theme's field colour (white in a light theme), beside the
sidebar left in the window's own, so the page reads as one calm surface.

Only the Window role is set, to the theme's Base: what is drawn on the sheet (labels,
cards) reads against the colour really behind it, and the contrast tests check it so.
"""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QWidget

from readiness.ui.borrowed_colors import Borrowed, BorrowsColors


class Sheet(BorrowsColors, QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAutoFillBackground(True)
        self.retint()

    def borrowed_roles(self) -> Borrowed:
        # Only Window is set: every other role keeps following the window.
        return {QPalette.ColorRole.Window: QPalette.ColorRole.Base}
