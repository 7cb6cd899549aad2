"""A widget's own colours, taken from those that come down to it from the window.

The sheet takes the field colour as its background, the steps list the window's colours
for its rows: set as roles of the widget's own palette, from the inherited one as it is
now (light or dark), so that everything drawn on the widget reads against the colour
really behind it. Only the roles named are set; the others keep following the window.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

GROUPS = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)

#: A role to set, and where its colour comes from: an inherited role, or a colour.
Borrowed = Mapping[QPalette.ColorRole, "QPalette.ColorRole | QColor"]


def borrowed_palette(widget: QWidget, roles: Borrowed) -> QPalette:
    around = widget.palette()
    palette = QPalette()  # nothing resolved: what is not set here is still inherited
    for group in GROUPS:
        for role, source in roles.items():
            color = source if isinstance(source, QColor) else around.color(group, source)
            palette.setColor(group, role, color)
    return palette


_CHANGES = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)


class BorrowsColors:
    """For a QWidget subclass (listed before it): its ``borrowed_roles()`` set on it now
    and again whenever the colours coming down change (light to dark, say)."""

    _tinting = False

    def borrowed_roles(self) -> Borrowed:
        raise NotImplementedError

    def retint(self) -> None:
        palette = borrowed_palette(self, self.borrowed_roles())  # type: ignore[arg-type]
        self._tinting = True  # setting our own palette is a palette change too: no loop
        try:
            self.setPalette(palette)  # type: ignore[attr-defined]
        finally:
            self._tinting = False

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in _CHANGES and not self._tinting:
            self.retint()
        super().changeEvent(event)  # type: ignore[misc]
