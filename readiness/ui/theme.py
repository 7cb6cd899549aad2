"""Colours everyone can read, in the system's light or dark theme.

The system's palette is kept, except where one of its text/background pairs falls
below WCAG 2.2 AA (Qt's own Fusion palette puts white text on a mid blue for the
selection, at 3.7:1): that colour is then moved just enough. Our own colours (the
status icons, the meter) come in a light-theme and a dark-theme version, picked
from the palette in use.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QColor, QGuiApplication, QPalette

from readiness.core.contrast import RGB, TEXT_MINIMUM, over, readable_on, selection_colors

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

#: Text colours and the surfaces they are drawn on (AA: 4.5:1). Only the text moves:
#: the surfaces stay the system's. Disabled controls are exempt in WCAG (1.4.3), and
#: left as the system draws them.
TEXT_ON = (
    (Role.WindowText, (Role.Window,)),
    (Role.Text, (Role.Base, Role.AlternateBase)),
    (Role.ButtonText, (Role.Button, Role.Window)),
    (Role.ToolTipText, (Role.ToolTipBase,)),
    (Role.PlaceholderText, (Role.Base,)),
    (Role.Link, (Role.Window, Role.Base)),
    (Role.LinkVisited, (Role.Window, Role.Base)),
)
#: The selection and the focus frame are drawn in Highlight on these (3:1).
HIGHLIGHT_ON = (Role.Window, Role.Base)
GROUPS = (Group.Active, Group.Inactive)


def rgb(color: QColor) -> RGB:
    return (color.red(), color.green(), color.blue())


def seen_on(color: QColor, background: QColor) -> RGB:
    """What the eye sees: a translucent colour blended on its background."""
    return over(rgb(color), color.alpha(), rgb(background))


def accessible_palette(palette: QPalette) -> QPalette:
    """``palette`` with each text of TEXT_ON readable on its surfaces, and the selection
    standing out on HIGHLIGHT_ON with its text readable on it."""
    fixed = QPalette(palette)
    for group in GROUPS:
        for text_role, surfaces in TEXT_ON:
            for surface_role in surfaces:
                text = fixed.color(group, text_role)
                surface = fixed.color(group, surface_role)
                seen = seen_on(text, surface)
                readable = readable_on(seen, rgb(surface), TEXT_MINIMUM)
                if readable is not None and readable != seen:
                    fixed.setColor(group, text_role, QColor(*readable))
        highlight = fixed.color(group, Role.Highlight)
        surfaces = tuple(rgb(fixed.color(group, role)) for role in HIGHLIGHT_ON)
        text = seen_on(fixed.color(group, Role.HighlightedText), highlight)
        new_highlight, new_text = selection_colors(rgb(highlight), text, surfaces)
        if new_highlight != rgb(highlight):
            fixed.setColor(group, Role.Highlight, QColor(*new_highlight))
        if new_text != text:
            fixed.setColor(group, Role.HighlightedText, QColor(*new_text))
    return fixed


def apply_accessible_palette(
    app: QGuiApplication, applied: Callable[[], None] = lambda: None
) -> None:
    """Now, and again whenever the user switches between light and dark; ``applied``
    then redraws what is painted from the palette once (icons drawn into pixmaps)."""
    _apply(app, applied)
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: _apply(app, applied, reset=True))


def _apply(app: QGuiApplication, applied: Callable[[], None], reset: bool = False) -> None:
    if reset:
        app.setPalette(QPalette())  # back to the system's: what follows corrects that one
    palette = app.palette()
    fixed = accessible_palette(palette)
    if fixed != palette:
        app.setPalette(fixed)
    applied()
