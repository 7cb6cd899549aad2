"""The keyboard focus is easy to see: a 2-pixel ring in the palette's Highlight colour
(kept at 3:1 against the window by the theme) around the control that has it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from readiness.ui.focus_style import FocusStyle
from readiness.ui.page import RING_WIDTH, PageArea


@pytest.fixture
def focus_style(qapp) -> Iterator[None]:
    before = qapp.style().name()
    qapp.setStyle(FocusStyle())
    try:
        yield
    finally:
        qapp.setStyle(before)


def ring_pixels(widget: QWidget) -> int:
    """Pixels of the Highlight colour on the widget's outer two-pixel border."""
    image = widget.grab().toImage()
    highlight = widget.palette().color(QPalette.ColorRole.Highlight)
    width, height = image.width(), image.height()
    border = [
        (x, y)
        for x in range(width)
        for y in range(height)
        if min(x, y, width - 1 - x, height - 1 - y) < RING_WIDTH
    ]
    return sum(image.pixelColor(x, y) == highlight for x, y in border)


def focus(qtbot, widget: QWidget) -> None:
    widget.window().activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget.window(), timeout=5_000)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus, timeout=2_000)


@pytest.mark.parametrize("kind", [QPushButton, QLineEdit])
def test_a_focused_control_has_a_ring_all_around(focus_style, qtbot, kind) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    control = kind("Suivant") if kind is QPushButton else kind()
    other = QPushButton("Autre")
    layout.addWidget(control)
    layout.addWidget(other)
    window.show()
    focus(qtbot, other)
    without = ring_pixels(control)
    focus(qtbot, control)
    with_ring = ring_pixels(control)
    perimeter = 2 * (control.width() + control.height())
    assert with_ring >= 0.9 * RING_WIDTH * perimeter - 16, (with_ring, perimeter)
    assert without < 0.2 * perimeter, without


def test_the_page_shows_when_it_has_the_focus_for_scrolling(focus_style, qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    area = PageArea("Bienvenue")
    area.setWidget(QLabel("Une page"))
    button = QPushButton("Suivant")
    layout = QVBoxLayout(window)
    layout.addWidget(area)
    layout.addWidget(button)
    window.resize(400, 300)
    window.show()
    focus(qtbot, button)
    assert not area.ring.isVisible()
    focus(qtbot, area)
    assert area.ring.isVisible() and area.ring.geometry() == area.rect()
    assert ring_pixels(area) >= 0.9 * RING_WIDTH * 2 * (area.width() + area.height()) - 16
