"""A page's one large main action (the summary's « Rejoindre la séance »).

Marked as a main button, so the organisation's accent colour tints it (branding.py,
whose style sheet then replaces ours). Without an accent it is filled with the theme's
selection colour, which theme.py keeps at 3:1 against the window with its text at 4.5:1.
Its 2-pixel edge is the focus ring, as on tinted buttons: in the window's text colour,
since a ring in the selection colour would not show on a button of that colour.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from readiness.core.accent import HOVER_SHARE, PRESSED_SHARE, accent_colors, hex_color, state_fill
from readiness.ui.theme import rgb

#: The property branding.py looks for (branding.MAIN_BUTTON; not imported: it would
#: bring the logo's decoding along).
MAIN_BUTTON = "main_button"
SCALE = 1.25


class MainButton(QPushButton):
    def __init__(self, text: str, parent: QWidget | None = None, *, scale: float = SCALE):
        super().__init__(text, parent)
        self.setProperty(MAIN_BUTTON, True)
        self._scale = scale
        self._size_font()
        # A larger text chosen in the system while the app runs: the style sheet keeps
        # Qt from passing the new font down to this button, so it is taken here.
        application = QGuiApplication.instance()
        if isinstance(application, QGuiApplication):
            application.fontChanged.connect(self._size_font)
        self._own_sheet = ""
        self._tinting = False
        self._tint()

    def _size_font(self, base: QFont | None = None) -> None:
        font = QFont(base) if base is not None else self.font()
        font.setPointSizeF(font.pointSizeF() * self._scale)
        font.setBold(True)
        self.setFont(font)

    def _tint(self) -> None:
        if self.styleSheet() != self._own_sheet:
            return  # the organisation's accent (branding.tint_button) wins
        # The colours around the button, not its own: a style sheet changes those.
        around = self.parentWidget()
        palette = around.palette() if around is not None else QApplication.palette()
        surfaces = (rgb(palette.window().color()), rgb(palette.base().color()))
        # The selection colour as the theme gives it, moved as little as needed where a
        # system's own falls short (Fusion's white on mid blue: 3.7:1).
        highlight = rgb(palette.highlight().color())
        colors = accent_colors(highlight, rgb(palette.highlightedText().color()), surfaces)
        fill, text = colors.fill, colors.text
        hover = hex_color(state_fill(colors, HOVER_SHARE, surfaces))
        pressed = hex_color(state_fill(colors, PRESSED_SHARE, surfaces))
        disabled = palette.color(palette.ColorGroup.Disabled, palette.ColorRole.Button).name()
        disabled_text = palette.color(
            palette.ColorGroup.Disabled, palette.ColorRole.ButtonText
        ).name()
        sheet = (
            "QPushButton {"
            f" background-color: {hex_color(fill)}; color: {hex_color(text)};"
            " border: 2px solid transparent; background-clip: padding; border-radius: 8px;"
            " padding: 0.5em 1.6em; outline: none; }"
            f"QPushButton:hover {{ background-color: {hover}; }}"
            f"QPushButton:pressed {{ background-color: {pressed}; }}"
            f"QPushButton:focus {{ border-color: {palette.windowText().color().name()}; }}"
            f"QPushButton:disabled {{ background-color: {disabled}; color: {disabled_text}; }}"
        )
        if sheet != self._own_sheet:
            self._own_sheet = sheet
            self._tinting = True  # setting a style sheet changes the palette: no loop
            try:
                self.setStyleSheet(sheet)
            finally:
                self._tinting = False

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        kinds = (QEvent.Type.ApplicationPaletteChange, QEvent.Type.PaletteChange)
        if event.type() in kinds and not self._tinting:
            self._tint()
