"""The organisation's accent colour, moved as little as needed to stay readable (WCAG AA).

The accent fills the main buttons and the selected step: it must stand out from the
surfaces around it (3:1, as the theme's own selection does) and carry a text that
reads on it (4.5:1). The text is the theme's selection text or, when that costs the
accent less, the other side (black for white); the accent is then mixed towards black
or white only as far as needed.
"""

from __future__ import annotations

from dataclasses import dataclass

from readiness.core.contrast import (
    BLACK,
    GRAPHIC_MINIMUM,
    RGB,
    TEXT_MINIMUM,
    WHITE,
    is_light,
    mix,
    ratio,
)

#: Steps of the mix towards black or white: 1/256 of the way is below one colour step.
_STEPS = 256
#: How far the pressed and hovered buttons move from the fill (away from their text).
HOVER_SHARE = 0.08
PRESSED_SHARE = 0.16


@dataclass(frozen=True)
class AccentColors:
    accent: RGB  # as the organisation wrote it
    fill: RGB  # the colour used
    text: RGB  # the text on it

    @property
    def adjusted(self) -> bool:
        return self.fill != self.accent


def hex_color(color: RGB) -> str:
    return "#{:02X}{:02X}{:02X}".format(*color)


def fits(fill: RGB, text: RGB, surfaces: tuple[RGB, ...]) -> bool:
    """``fill`` stands out 3:1 from each surface, and ``text`` reads 4.5:1 on it."""
    return ratio(text, fill) >= TEXT_MINIMUM and all(
        ratio(fill, surface) >= GRAPHIC_MINIMUM for surface in surfaces
    )


def accent_colors(accent: RGB, text: RGB, surfaces: tuple[RGB, ...]) -> AccentColors:
    """The accent as drawn on ``surfaces`` (the window, the lists) under the theme's
    selection ``text``: the least move towards black or white that makes it fit, with
    that text or with the other side's (the theme's text wins a tie). Unchanged if
    nothing fits (surfaces both very light and very dark, which no theme has)."""
    other = BLACK if is_light(text) else WHITE
    best: tuple[int, int, RGB, RGB] | None = None
    for preference, candidate in enumerate((text, other)):
        for target in (BLACK, WHITE):
            step = _least_step(accent, target, candidate, surfaces)
            if step is None:
                continue
            found = (step, preference, mix(accent, target, step / _STEPS), candidate)
            if best is None or found[:2] < best[:2]:
                best = found
    if best is None:
        return AccentColors(accent, accent, text)
    return AccentColors(accent, best[2], best[3])


def _least_step(accent: RGB, target: RGB, text: RGB, surfaces: tuple[RGB, ...]) -> int | None:
    for step in range(_STEPS + 1):
        if fits(mix(accent, target, step / _STEPS), text, surfaces):
            return step
    return None


def state_fill(colors: AccentColors, share: float, surfaces: tuple[RGB, ...]) -> RGB:
    """The fill of a hovered or pressed button: moved ``share`` away from its text (so
    the text reads better still), or towards it if that keeps everything readable
    where moving away would not; else the fill itself."""
    away = BLACK if is_light(colors.text) else WHITE
    for target in (away, colors.text):
        moved = mix(colors.fill, target, share)
        if fits(moved, colors.text, surfaces):
            return moved
    return colors.fill
