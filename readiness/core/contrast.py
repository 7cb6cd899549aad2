"""WCAG 2.2 contrast: relative luminance, contrast ratio, and nudging a colour until it
meets a minimum (4.5:1 for text, 3:1 for graphics and focus marks).

Colours are ``(red, green, blue)`` tuples of 0-255 integers, so that this stays free of Qt.
"""

from __future__ import annotations

RGB = tuple[int, int, int]

#: WCAG 2.2 AA, success criterion 1.4.3: normal-size text.
TEXT_MINIMUM = 4.5
#: WCAG 2.2 AA, success criterion 1.4.11: icons, focus marks, parts of a control.
GRAPHIC_MINIMUM = 3.0
BLACK: RGB = (0, 0, 0)
WHITE: RGB = (255, 255, 255)


def _linear(channel: int) -> float:
    value = channel / 255
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def luminance(color: RGB) -> float:
    red, green, blue = color
    return 0.2126 * _linear(red) + 0.7152 * _linear(green) + 0.0722 * _linear(blue)


def ratio(first: RGB, second: RGB) -> float:
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def over(color: RGB, alpha: int, background: RGB) -> RGB:
    """A translucent colour as seen on its background (placeholder text is translucent)."""
    share = alpha / 255
    return tuple(round(c * share + b * (1 - share)) for c, b in zip(color, background, strict=True))


def mix(color: RGB, target: RGB, share: float) -> RGB:
    return tuple(round(c + (t - c) * share) for c, t in zip(color, target, strict=True))


def is_light(color: RGB) -> bool:
    return luminance(color) > 0.18


def towards_contrast(color: RGB, against: RGB, minimum: float, target: RGB) -> RGB | None:
    """``color`` moved towards ``target`` just enough to reach ``minimum`` against
    ``against`` (the least visible change), or None if even ``target`` is not enough."""
    if ratio(color, against) >= minimum:
        return color
    if ratio(target, against) < minimum:
        return None
    low, high = 0.0, 1.0
    for _ in range(20):  # bisection: 1/2**20 of the way is far below one colour step
        middle = (low + high) / 2
        if ratio(mix(color, target, middle), against) >= minimum:
            high = middle
        else:
            low = middle
    found = mix(color, target, high)
    # Rounding to whole channels can land a hair short: one more step towards the target.
    return found if ratio(found, against) >= minimum else mix(color, target, min(1.0, high + 0.01))


def readable_on(foreground: RGB, background: RGB, minimum: float) -> RGB | None:
    """``foreground`` changed as little as possible to reach ``minimum`` on ``background``:
    further its own way first (dark text darker, light text lighter), else the other way."""
    own_side = WHITE if is_light(foreground) else BLACK
    other_side = BLACK if own_side == WHITE else WHITE
    moved = towards_contrast(foreground, background, minimum, own_side)
    if moved is not None:
        return moved
    return towards_contrast(foreground, background, minimum, other_side)


def selection_colors(highlight: RGB, text: RGB, surfaces: tuple[RGB, ...]) -> tuple[RGB, RGB]:
    """A selection's colour and its text's: the highlight stands out 3:1 from the surfaces
    it is drawn on, and its text reads at 4.5:1. The text keeps its side (white text stays
    light) if a highlight allows it; then the least change to ``highlight`` wins."""
    steps = [i / 50 for i in range(51)]
    candidates = sorted(
        ((share, mix(highlight, target, share)) for share in steps for target in (BLACK, WHITE)),
        key=lambda pair: pair[0],
    )
    standing_out = [
        candidate
        for _share, candidate in candidates
        if all(ratio(candidate, surface) >= GRAPHIC_MINIMUM for surface in surfaces)
    ]
    own_side = WHITE if is_light(text) else BLACK
    for candidate in standing_out:
        kept = towards_contrast(text, candidate, TEXT_MINIMUM, own_side)
        if kept is not None:
            return candidate, kept
    for candidate in standing_out:
        readable = readable_on(text, candidate, TEXT_MINIMUM)
        if readable is not None:
            return candidate, readable
    return highlight, readable_on(text, highlight, TEXT_MINIMUM) or text
