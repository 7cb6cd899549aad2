"""WCAG 2.2 AA contrast: the palette the app uses, and its own status and meter colours,
in the light palette Qt gives here and in dark palettes like the systems' own."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette

from readiness.core.contrast import GRAPHIC_MINIMUM, TEXT_MINIMUM, luminance, ratio
from readiness.ui.level_meter import ZONE_TINTS, bar_color, zone_color
from readiness.ui.status_style import BadgeState, is_dark, on_color, state_color, state_pixmap
from readiness.ui.theme import (
    GROUPS,
    HIGHLIGHT_ON,
    TEXT_ON,
    accessible_palette,
    rgb,
    seen_on,
)
from system_palettes import DARK_PALETTES

Role = QPalette.ColorRole


@pytest.fixture(params=["system-light", *DARK_PALETTES])
def palette(request, qapp) -> QPalette:
    """The palette the app ends up with, from the system's: the light one this platform
    gives, or one of the dark ones."""
    system = qapp.palette() if request.param == "system-light" else DARK_PALETTES[request.param]()
    return accessible_palette(system)


def test_the_contrast_formula_matches_wcag() -> None:
    assert ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert ratio((255, 255, 255), (255, 255, 255)) == pytest.approx(1.0)
    # WCAG's worked value: #767676 on white is the lightest grey that passes 4.5:1.
    assert ratio((0x76, 0x76, 0x76), (255, 255, 255)) == pytest.approx(4.54, abs=0.01)
    assert luminance((255, 0, 0)) == pytest.approx(0.2126)


def test_qt_light_palette_fails_and_is_corrected(qapp) -> None:
    """Fusion's white on mid-blue selection is 3.7:1: the app's palette fixes it."""
    system = qapp.palette()
    before = ratio(rgb(system.color(Role.HighlightedText)), rgb(system.color(Role.Highlight)))
    fixed = accessible_palette(system)
    after = ratio(rgb(fixed.color(Role.HighlightedText)), rgb(fixed.color(Role.Highlight)))
    assert before < TEXT_MINIMUM <= after
    assert fixed.color(Role.HighlightedText) == system.color(Role.HighlightedText)  # still white
    assert fixed.color(Role.Window) == system.color(Role.Window)  # surfaces untouched


def test_every_text_pair_of_the_palette_reaches_aa(palette: QPalette) -> None:
    failures = []
    for group in GROUPS:
        for text_role, surfaces in TEXT_ON:
            for surface_role in surfaces:
                surface = palette.color(group, surface_role)
                value = ratio(seen_on(palette.color(group, text_role), surface), rgb(surface))
                if value < TEXT_MINIMUM:
                    failures.append((group.name, text_role.name, surface_role.name, value))
        highlight = palette.color(group, Role.Highlight)
        text = seen_on(palette.color(group, Role.HighlightedText), highlight)
        if ratio(text, rgb(highlight)) < TEXT_MINIMUM:
            failures.append((group.name, "HighlightedText", "Highlight"))
        for surface_role in HIGHLIGHT_ON:
            if ratio(rgb(highlight), rgb(palette.color(group, surface_role))) < GRAPHIC_MINIMUM:
                failures.append((group.name, "Highlight", surface_role.name))
    assert not failures, failures


def test_status_colours_stand_out_and_their_glyph_reads(palette: QPalette) -> None:
    dark = is_dark(palette)
    glyph = rgb(on_color(dark))
    for state in BadgeState:
        color = rgb(state_color(state, dark))
        for surface in (Role.Window, Role.Base):
            assert ratio(color, rgb(palette.color(surface))) >= GRAPHIC_MINIMUM, (state, surface)
        assert ratio(glyph, color) >= TEXT_MINIMUM, state  # the clipping mark's word too


def test_the_icon_drawn_is_in_the_themes_colour(palette: QPalette) -> None:
    dark = is_dark(palette)
    image = state_pixmap(BadgeState.FAILED, 48, dark=dark).toImage()
    assert image.pixelColor(6, 24) == state_color(BadgeState.FAILED, dark)  # the disc's edge
    assert image.pixelColor(1, 1).alpha() == 0  # and nothing around it


def test_the_meter_bar_stands_out_on_every_zone(palette: QPalette) -> None:
    window = palette.color(Role.Window)
    bar = rgb(bar_color(palette))
    for zone in ZONE_TINTS:
        background = zone_color(window, zone)
        assert ratio(bar, rgb(background)) >= GRAPHIC_MINIMUM, zone
        # the zone's name is written under the bar, on the window, in the text colour
        assert ratio(rgb(palette.color(Role.WindowText)), rgb(window)) >= TEXT_MINIMUM


def test_a_translucent_colour_is_judged_as_seen() -> None:
    grey_text = QColor(0, 0, 0, 60)  # faint: what a placeholder can look like
    assert ratio(seen_on(grey_text, QColor("white")), (255, 255, 255)) < TEXT_MINIMUM
    fixed = accessible_palette(_with(Role.PlaceholderText, grey_text))
    placeholder = seen_on(fixed.color(Role.PlaceholderText), fixed.color(Role.Base))
    assert ratio(placeholder, rgb(fixed.color(Role.Base))) >= TEXT_MINIMUM


def _with(role: Role, color: QColor) -> QPalette:
    palette = QPalette(QColor("#efefef"))
    palette.setColor(Role.Base, QColor("white"))
    palette.setColor(role, color)
    return palette


def test_a_switch_between_light_and_dark_is_followed(qapp, qtbot) -> None:
    """The system changes scheme: the palette goes back to the system's, corrected."""
    from PySide6.QtCore import Qt

    from readiness.ui.theme import apply_accessible_palette

    system = qapp.palette()
    expected = accessible_palette(system)
    try:
        redrawn: list[QColor] = []  # what the app redraws (the steps' icons) each time
        apply_accessible_palette(qapp, lambda: redrawn.append(qapp.palette().highlight().color()))
        assert qapp.palette().color(Role.Highlight) == expected.color(Role.Highlight)
        assert redrawn == [expected.color(Role.Highlight)]
        stale = QPalette(expected)
        stale.setColor(Role.Highlight, QColor("#ffff00"))  # what the old scheme left
        qapp.setPalette(stale)
        qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        assert qapp.palette().color(Role.Highlight) == expected.color(Role.Highlight)
        assert redrawn == [expected.color(Role.Highlight)] * 2  # after the new palette
        assert qapp.palette().color(Role.Window) == system.color(Role.Window)
    finally:
        qapp.setPalette(system)
