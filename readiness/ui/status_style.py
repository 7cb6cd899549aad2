"""How a status looks: a word, a colour, and an icon whose shape also tells it.

Status is never shown by colour alone: each state has its own glyph and word.
"""

from __future__ import annotations

from enum import Enum
from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygonF,
)

from readiness.core.result import Status, status_word

if TYPE_CHECKING:
    from PySide6.QtGui import QPalette  # in annotations only: importing it builds its enums


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


# At least 3:1 (WCAG 2.2, graphics) on the theme's window and fields, and the glyph
# drawn inside (ON_COLOR) at least 4.5:1 on them; tests/test_contrast.py checks it.
_LIGHT_COLORS = {
    BadgeState.PENDING: "#6e7781",
    BadgeState.RUNNING: "#0969da",
    BadgeState.OK: "#1a7f37",
    BadgeState.WARNING: "#9a6700",
    BadgeState.FAILED: "#cf222e",
    BadgeState.SKIPPED: "#6e7781",
}
_DARK_COLORS = {
    BadgeState.PENDING: "#8b949e",
    BadgeState.RUNNING: "#58a6ff",
    BadgeState.OK: "#3fb950",
    BadgeState.WARNING: "#d29922",
    BadgeState.FAILED: "#f85149",
    BadgeState.SKIPPED: "#8b949e",
}
_ON_COLOR = {False: "#ffffff", True: "#0d1117"}


def is_dark(palette: QPalette) -> bool:
    """A dark theme: light text on a dark window."""
    # The brush accessors rather than QPalette.ColorRole: PySide builds that enum on
    # first use, which the window's first paint would pay for.
    return palette.window().color().lightness() < palette.windowText().color().lightness()


def dark_theme() -> bool:
    """Whether the application's palette is a dark one."""
    return is_dark(QGuiApplication.palette())


def state_color(state: BadgeState, dark: bool | None = None) -> QColor:
    dark = dark_theme() if dark is None else dark
    return QColor((_DARK_COLORS if dark else _LIGHT_COLORS)[state])


def on_color(dark: bool | None = None) -> QColor:
    """The glyph's and the text's colour inside a status-coloured shape."""
    return QColor(_ON_COLOR[dark_theme() if dark is None else dark])


def state_word(state: BadgeState) -> str:
    if state is BadgeState.PENDING:
        return QCoreApplication.translate("Status", "À vérifier")
    if state is BadgeState.RUNNING:
        return QCoreApplication.translate("Status", "Vérification…")
    return status_word(Status(state.value))  # a result's: the same word everywhere


def state_description(state: BadgeState) -> str:
    """What the state means, for screen readers (the word alone can be terse)."""
    descriptions = {
        BadgeState.PENDING: QCoreApplication.translate("Status", "Pas encore vérifié."),
        BadgeState.RUNNING: QCoreApplication.translate("Status", "Vérification en cours."),
        BadgeState.OK: QCoreApplication.translate("Status", "Tout va bien pour ce point."),
        BadgeState.WARNING: QCoreApplication.translate(
            "Status", "Vous pouvez continuer, mais ce point peut être amélioré."
        ),
        BadgeState.FAILED: QCoreApplication.translate(
            "Status", "Ce point peut gêner la séance : suivez les conseils."
        ),
        BadgeState.SKIPPED: QCoreApplication.translate(
            "Status", "Cette vérification n'a pas été faite."
        ),
    }
    return descriptions[state]


def state_pixmap(
    state: BadgeState, size: int = 24, ratio: float = 1.0, dark: bool | None = None
) -> QPixmap:
    dark = dark_theme() if dark is None else dark
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    color = state_color(state, dark)
    s = float(size)
    white = QPen(on_color(dark), s * 0.12, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
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


#: The icon sizes of the list of steps: 24 px, and 48 on a 2x screen.
SIDEBAR_SIZES = (24, 48)


def state_icon(state: BadgeState, backdrop: str | None = None) -> QIcon:
    """In the current theme's colours: call again after a palette change. ``backdrop``:
    the selected row's text colour ("#rrggbb"), the theme's selection text by default."""
    if backdrop is None:
        backdrop = QGuiApplication.palette().highlightedText().color().name()
    return _state_icon(state, dark_theme(), backdrop)


@cache
def _state_icon(state: BadgeState, dark: bool, backdrop: str) -> QIcon:
    """``backdrop``: the selection's text colour, drawn as a disc behind the icon of a
    selected row, so that a red or green icon stays visible on the selection's blue."""
    icon = QIcon()
    for size in (16, 24, 32, 48):
        pixmap = state_pixmap(state, size, dark=dark)
        icon.addPixmap(pixmap)
        if size in SIDEBAR_SIZES:  # only the list of steps shows a selected icon
            icon.addPixmap(_on_disc(pixmap, QColor(backdrop)), QIcon.Mode.Selected)
    return icon


def _on_disc(pixmap: QPixmap, color: QColor) -> QPixmap:
    disc = QPixmap(pixmap.size())
    disc.fill(Qt.GlobalColor.transparent)
    painter = QPainter(disc)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawEllipse(QRectF(disc.rect()))
    inner = pixmap.scaled(
        pixmap.size() * 0.84,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    painter.drawPixmap(
        (disc.width() - inner.width()) // 2, (disc.height() - inner.height()) // 2, inner
    )
    painter.end()
    return disc


#: How much of the status colour tints a card (out of 255): a hint, the badge says it.
_CARD_TINT = {False: 18, True: 34}
_CARD_EDGE = {False: 120, True: 150}


def card_colors(state: BadgeState | None, palette: QPalette) -> tuple[QColor, QColor]:
    """A card's fill and edge: the theme's field colour, tinted by ``state`` (None: the
    theme's own mid tone for the edge). The text on it keeps AA (tests/test_look.py)."""
    from readiness.core.contrast import over

    base = palette.base().color()
    surface = (base.red(), base.green(), base.blue())
    if state is None:
        return QColor(base), QColor(palette.mid().color())
    dark = is_dark(palette)
    color = state_color(state, dark)
    tint = (color.red(), color.green(), color.blue())
    fill = over(tint, _CARD_TINT[dark], surface)
    edge = over(tint, _CARD_EDGE[dark], surface)
    return QColor(*fill), QColor(*edge)
