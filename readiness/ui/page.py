"""The frame every step's page shares: a heading, an introduction, and a body, in a
scroll area that shows when it has the keyboard focus.

The focus ring, which focus_style.py also draws around controls, lives here rather
than beside the style: this module is needed for the first page, and PySide builds
QStyle's big enums on first use (and each module importing PySide costs its import
hook), which would delay the first paint."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

if TYPE_CHECKING:
    # Only named in annotations, or used when painting: importing a Qt class builds
    # its bindings (and QPalette its enums), which the first page would wait for.
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QFocusEvent, QPainter, QPaintEvent, QPalette, QResizeEvent


# Labels are plain text unless asked otherwise: they show values from session.toml,
# the network or the person (a passcode ``x<b>y</b>``), and QLabel's default format
# guesses HTML from the text itself.


#: Room around and between what a page shows: calm, not crowded.
PAGE_MARGINS = (36, 28, 36, 28)
PAGE_SPACING = 18


def heading_label(text: str, scale: float = 1.6) -> QLabel:
    # No accessible name of its own: a label's name is its text, on the bus the only
    # text a screen reader gets, and Qt keeps it in step with setText only so.
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    enlarge(label, scale)
    label.setWordWrap(True)
    return label


def enlarge(label: QLabel, scale: float) -> None:
    """Bold, ``scale`` times the body's size."""
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)


def paragraph(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def rich_label(html: str) -> QLabel:
    """The exception, for the app's own markup (bold, lists): every value put into
    ``html`` must have gone through ``html.escape``."""
    label = QLabel(html)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


class Page(QWidget):
    """A step of the walkthrough. ``step_id`` matches the check id where there is one."""

    step_id = ""

    def __init__(self, title: str, intro: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = title
        self.setAccessibleName(title)
        self.heading = heading_label(title)
        self.intro = paragraph(intro)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(*PAGE_MARGINS)
        self.body.setSpacing(PAGE_SPACING)
        self.body.addWidget(self.heading)
        self.body.addWidget(self.intro)

    def entered(self) -> None:
        """Called when the page becomes visible (start previews, checks)."""

    def left(self) -> None:
        """Called when the user moves away (stop and release devices)."""

    def check_again(self) -> None:
        """Called instead of ``entered`` when the page is shown by the summary's
        « Vérifier »: the page's own check, from the start, whatever it found before."""
        self.entered()

    def measure_early(self) -> None:
        """Called before the page is ever shown, for a check that needs nobody
        (``services.early_checks``): its measure, in the background. Only such pages
        have one."""
        raise NotImplementedError(f"{type(self).__name__} measures nothing in the background")


RING_WIDTH = 2


def draw_ring(painter: QPainter, rect: QRect, palette: QPalette, on_selection: bool) -> None:
    """A ring inside ``rect``; on a selected item, in the selection's text colour (a ring
    in the selection's own colour would not show)."""
    from PySide6.QtGui import QPainter, QPen

    brush = palette.highlightedText() if on_selection else palette.highlight()
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    pen = QPen(brush.color(), RING_WIDTH)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    half = RING_WIDTH // 2
    painter.drawRect(rect.adjusted(half, half, -half, -half))
    painter.restore()


class _Ring(QWidget):
    """Drawn over the area (its own paint: the area's paintEvent is its viewport's)."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()

    def paintEvent(self, _event: QPaintEvent) -> None:
        from PySide6.QtGui import QPainter

        painter = QPainter(self)
        draw_ring(painter, self.rect(), self.palette(), False)
        painter.end()


class PageArea(QScrollArea):
    def __init__(self, title: str):
        super().__init__()
        self.setAccessibleName(title)  # it takes the focus, to scroll with the keys
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Large text or a small screen must never hide a button off the window.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        # Room for the ring, which the page would otherwise cover.
        self.setViewportMargins(RING_WIDTH, RING_WIDTH, RING_WIDTH, RING_WIDTH)
        self.ring = _Ring(self)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.ring.setGeometry(self.rect())
        self.ring.raise_()
        self.ring.show()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.ring.hide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.ring.setGeometry(self.rect())
