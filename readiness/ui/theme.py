"""Colours everyone can read, in the system's light or dark theme.

The system's palette is kept, except where one of its text/background pairs falls
below WCAG 2.2 AA (Qt's own Fusion palette puts white text on a mid blue for the
selection, at 3.7:1): that colour is then moved just enough. Our own colours (the
status icons, the meter) come in a light-theme and a dark-theme version, picked
from the palette in use.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

from readiness.core.contrast import GRAPHIC_MINIMUM, RGB, TEXT_MINIMUM, over, readable_pair

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

#: (foreground, background, minimum): what the widgets draw on what. Disabled
#: controls are exempt in WCAG (1.4.3), and left as the system draws them.
PAIRS = (
    (Role.WindowText, Role.Window, TEXT_MINIMUM),
    (Role.Text, Role.Base, TEXT_MINIMUM),
    (Role.Text, Role.AlternateBase, TEXT_MINIMUM),
    (Role.ButtonText, Role.Button, TEXT_MINIMUM),
    (Role.HighlightedText, Role.Highlight, TEXT_MINIMUM),
    (Role.ToolTipText, Role.ToolTipBase, TEXT_MINIMUM),
    (Role.PlaceholderText, Role.Base, TEXT_MINIMUM),
    (Role.Link, Role.Window, TEXT_MINIMUM),
    (Role.Link, Role.Base, TEXT_MINIMUM),
    (Role.LinkVisited, Role.Base, TEXT_MINIMUM),
    # The selection and the focus frame are drawn in Highlight on the window.
    (Role.Highlight, Role.Window, GRAPHIC_MINIMUM),
    (Role.Highlight, Role.Base, GRAPHIC_MINIMUM),
)
GROUPS = (Group.Active, Group.Inactive)


def rgb(color: QColor) -> RGB:
    return (color.red(), color.green(), color.blue())


def seen_on(color: QColor, background: QColor) -> RGB:
    """What the eye sees: a translucent colour blended on its background."""
    return over(rgb(color), color.alpha(), rgb(background))


def is_dark(palette: QPalette) -> bool:
    return palette.color(Role.Window).lightness() < palette.color(Role.WindowText).lightness()


def accessible_palette(palette: QPalette) -> QPalette:
    """``palette`` with each pair of PAIRS at its minimum contrast, or above."""
    fixed = QPalette(palette)
    for group in GROUPS:
        for foreground_role, background_role, minimum in PAIRS:
            foreground = fixed.color(group, foreground_role)
            background = fixed.color(group, background_role)
            seen = seen_on(foreground, background)
            new_foreground, new_background = readable_pair(seen, rgb(background), minimum)
            if new_foreground != seen:
                fixed.setColor(group, foreground_role, QColor(*new_foreground))
            if new_background != rgb(background):
                fixed.setColor(group, background_role, QColor(*new_background))
    return fixed


def apply_accessible_palette(app: QGuiApplication) -> None:
    """Now, and again whenever the user switches between light and dark."""
    _apply(app)
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: _apply(app, reset=True))


def _apply(app: QGuiApplication, reset: bool = False) -> None:
    if reset:
        app.setPalette(QPalette())  # back to the system's: what follows corrects that one
    palette = app.palette()
    fixed = accessible_palette(palette)
    if fixed != palette:
        app.setPalette(fixed)
