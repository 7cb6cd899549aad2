"""Dark system palettes, rebuilt here because the offscreen platform has no dark theme.

Qt's offscreen platform always hands out Fusion's light palette and ignores
``QStyleHints.setColorScheme``, so the dark themes our users may have are rebuilt
from their published figures: Qt's own Fusion dark palette (what Linux desktops
and a Qt app without a native style get) and one with the figures of Windows 11's
dark mode. They are stand-ins for the systems' palettes, not the palettes themselves.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

Role = QPalette.ColorRole


def _palette(colors: dict[Role, QColor], disabled_text: QColor) -> QPalette:
    palette = QPalette()
    for role, color in colors.items():
        palette.setColor(role, color)
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled_text)
    return palette


def translucent(color: str, alpha: int) -> QColor:
    value = QColor(color)
    value.setAlpha(alpha)
    return value


def fusion_dark() -> QPalette:
    """The figures of qtbase's ``qt_fusionPalette()`` for a dark colour scheme."""
    window = QColor(50, 50, 50)
    text = QColor(240, 240, 240)
    return _palette(
        {
            Role.Window: window,
            Role.WindowText: text,
            Role.Base: window.darker(140),
            Role.AlternateBase: window.darker(110),
            Role.Button: window,
            Role.ButtonText: text,
            Role.Text: text,
            Role.BrightText: QColor(255, 255, 255),
            Role.Light: window.lighter(150),
            Role.Midlight: window.darker(130).lighter(110),
            Role.Mid: window.darker(130),
            Role.Dark: window.darker(150),
            Role.Shadow: window.darker(150).darker(135),
            Role.Highlight: QColor(48, 140, 198),
            Role.HighlightedText: text,
            Role.Link: QColor(48, 140, 198),
            Role.LinkVisited: QColor(255, 0, 255),
            Role.ToolTipBase: QColor(255, 255, 220),
            Role.ToolTipText: QColor(0, 0, 0),
            Role.PlaceholderText: translucent("#f0f0f0", 128),
        },
        QColor(130, 130, 130),
    )


def windows_dark_like() -> QPalette:
    """Windows 11's dark mode figures: near-black window, its blue accent, white text."""
    white = QColor(255, 255, 255)
    return _palette(
        {
            Role.Window: QColor(32, 32, 32),
            Role.WindowText: white,
            Role.Base: QColor(43, 43, 43),
            Role.AlternateBase: QColor(55, 55, 55),
            Role.Button: QColor(55, 55, 55),
            Role.ButtonText: white,
            Role.Text: white,
            Role.BrightText: white,
            Role.Light: QColor(70, 70, 70),
            Role.Midlight: QColor(60, 60, 60),
            Role.Mid: QColor(80, 80, 80),
            Role.Dark: QColor(20, 20, 20),
            Role.Shadow: QColor(0, 0, 0),
            Role.Highlight: QColor(0, 120, 212),
            Role.HighlightedText: white,
            Role.Link: QColor(0, 120, 212),
            Role.LinkVisited: QColor(0, 99, 177),
            Role.ToolTipBase: QColor(43, 43, 43),
            Role.ToolTipText: white,
            Role.PlaceholderText: translucent("#ffffff", 139),
        },
        QColor(120, 120, 120),
    )


DARK_PALETTES = {"fusion-dark": fusion_dark, "windows-dark": windows_dark_like}
