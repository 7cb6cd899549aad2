"""The organisation's own face: its logo on the welcome page, in the window's icon and at
the top of the report; its accent colour on the main buttons and the selected step,
readable (WCAG AA) in the light and dark themes, and said in the log when it is moved."""

from __future__ import annotations

import logging
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, QRect, QTimer
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
from test_config_branding import SESSION, check, png_bytes

from conftest import require_program
from readiness.core.accent import accent_colors, fits, hex_color
from readiness.core.config import SessionConfig, read_session_file
from readiness.core.contrast import GRAPHIC_MINIMUM, TEXT_MINIMUM, ratio
from readiness.resources import resource
from readiness.ui.branding import Branding, logo_error
from readiness.ui.theme import accessible_palette, rgb
from system_palettes import DARK_PALETTES
from ui_walk import clipped, contrast_failures, heard

Role = QPalette.ColorRole
LOGO_COLOR = (200, 30, 60)
BLUE = "#1F6FB2"  # readable as it is on the light theme
PALE = "#FFE680"  # too light for any text on a light window
SQUARE_SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
    b'<circle cx="5" cy="5" r="5" fill="#c81e3c"/></svg>'
)
ZERO_SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="0" height="0"></svg>'


def branded(
    folder: Path, *, accent: str | None = None, logo: bytes | None = None, name="logo.png"
) -> SessionConfig:
    lines = []
    if logo is not None:
        (folder / name).write_bytes(logo)
        lines.append(f'logo = "{name}"')
    if accent is not None:
        lines.append(f'accent_color = "{accent}"')
    path = folder / "session.toml"
    path.write_text(SESSION.format(branding="\n".join(lines) + "\n"), encoding="utf-8")
    return read_session_file(path)


def drawn(widget: QWidget) -> QImage:
    """``widget`` as the window draws it (its own grab() would fill its background in its
    palette's colour, where the window shows through)."""
    if not widget.isVisible():  # on a page not shown: its own drawing, the fill is right
        return widget.grab().toImage()
    window = widget.window()
    return window.grab(QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())).toImage()


def color_at(widget: QWidget, x: int, y: int) -> tuple[int, int, int]:
    image = drawn(widget)
    ratio_ = image.devicePixelRatio()
    return rgb(image.pixelColor(round(x * ratio_), round(y * ratio_)))


def colors_in(widget: QWidget) -> set[tuple[int, int, int]]:
    image = drawn(widget)
    return {
        rgb(image.pixelColor(x, y)) for x in range(image.width()) for y in range(image.height())
    }


# --- the logo ------------------------------------------------------------------------


SVG_LOGO = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100">'
    b'<rect width="300" height="100" fill="#c81e3c"/></svg>'
)


@pytest.mark.parametrize(
    "logo, name", [(png_bytes(240, 80, LOGO_COLOR), "logo.png"), (SVG_LOGO, "logo.svg")]
)
def test_the_welcome_page_shows_the_logo_described_for_screen_readers(
    make_window, tmp_path: Path, logo: bytes, name: str
) -> None:
    window = make_window(start_checks=False, config=branded(tmp_path, logo=logo, name=name))
    welcome = window.page("welcome")
    label = welcome.logo
    assert label is not None and label.isVisible()
    assert welcome.body.itemAt(0).widget() is label  # at the top, above the title
    pixmap = label.pixmap()
    assert not pixmap.isNull()
    size = pixmap.deviceIndependentSize()
    assert 0 < size.height() <= 96 and size.width() <= 360  # never pushes the text away
    middle = pixmap.toImage().pixelColor(pixmap.width() // 2, pixmap.height() // 2)
    assert rgb(middle) == LOGO_COLOR
    # Described, never named: a label's name is its text (none here) on the bus.
    assert label.accessibleName() == ""
    assert label.accessibleDescription() == "Logo de Cabinet Exemple"
    assert "Logo de Cabinet Exemple" in heard(label)


@pytest.mark.parametrize(
    "logo, name", [(png_bytes(900, 90, LOGO_COLOR), "logo.png"), (SQUARE_SVG, "logo.svg")]
)
def test_at_double_text_size_the_welcome_page_with_a_logo_fits_a_small_laptop_screen(
    make_window, tmp_path: Path, qapp, logo: bytes, name: str
) -> None:
    font = qapp.font()
    bigger = qapp.font()
    bigger.setPointSizeF(font.pointSizeF() * 2)
    qapp.setFont(bigger)
    try:
        config = branded(tmp_path, logo=logo, name=name, accent=PALE)
        window = Branding(config).apply(make_window(start_checks=False, config=config))
        window.resize(1366, 728)
        QApplication.processEvents()
        hint = window.minimumSizeHint()
        assert hint.width() <= 1366 and hint.height() <= 728
        assert not window.stack.currentWidget().horizontalScrollBar().isVisible()
        assert clipped(window) == []
        button = window.next_button
        assert window.rect().contains(button.mapTo(window, button.rect().bottomRight()))
    finally:
        qapp.setFont(font)


def test_without_logo_nor_accent_the_window_looks_as_before(make_window, qapp) -> None:
    from readiness.app import _branding

    config = read_session_file(resource("session.toml"))
    assert _branding(config) is None  # the app does not even load the module
    window = make_window(start_checks=False, config=config)
    icon = window.windowIcon().cacheKey()
    Branding(config).apply(window)
    assert window.page("welcome").logo is None
    assert window.windowIcon().cacheKey() == icon
    # The main buttons (« Suivant », « Rejoindre la réunion Zoom ») are in the theme's
    # selection colour, no accent's.
    highlight = qapp.palette().color(Role.Highlight).name()
    for button in (window.next_button, window.page("join").join_button):
        assert f"background-color: {highlight};" in button.styleSheet().casefold()
    assert window.sidebar.palette().color(Role.Highlight) == qapp.palette().color(Role.Highlight)


def test_the_window_icon_is_the_logo_when_it_fits(make_window, tmp_path: Path) -> None:
    square = tmp_path / "square"
    square.mkdir()
    window = make_window(start_checks=False)
    Branding(branded(square, logo=png_bytes(64, 64, LOGO_COLOR))).apply(window)
    pixmap = window.windowIcon().pixmap(64, 64)
    assert rgb(pixmap.toImage().pixelColor(32, 32)) == LOGO_COLOR

    wide = tmp_path / "wide"  # a banner: unrecognisable at 32 px, the app's icon stays
    wide.mkdir()
    other = make_window(start_checks=False)
    before = other.windowIcon().cacheKey()
    Branding(branded(wide, logo=png_bytes(400, 60, LOGO_COLOR))).apply(other)
    assert other.windowIcon().cacheKey() == before


def images_in(pdf: Path) -> list[list[str]]:
    """The images of ``pdf`` as poppler lists them (type, width, height...), masks aside."""
    done = subprocess.run(
        [require_program("pdfimages"), "-list", str(pdf)],
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    )
    rows = [line.split() for line in done.stdout.splitlines()[2:]]
    return [row for row in rows if row[2] == "image"]


def test_the_saved_report_has_the_logo_on_top(make_window, tmp_path: Path) -> None:
    config = branded(tmp_path, logo=png_bytes(240, 80, LOGO_COLOR))
    window = make_window(start_checks=False, config=config)
    pdf = window.report.save_to(tmp_path / "rapport.pdf")
    ((_page, _number, _kind, width, height, *_rest),) = images_in(pdf)
    assert (width, height) == ("240", "80")

    plain = make_window(start_checks=False)  # the embedded session: no logo, no image
    assert images_in(plain.report.save_to(tmp_path / "neutre.pdf")) == []


def test_the_command_lines_report_has_the_logo_on_top(tmp_path: Path) -> None:
    config = tmp_path / "session.toml"
    branded(tmp_path, logo=png_bytes(240, 80, LOGO_COLOR))
    pdf = tmp_path / "rapport.pdf"
    done = check(config, "--pdf", str(pdf))
    assert done.returncode in (0, 1), done.stderr  # the verdict's, as without a logo
    ((_page, _number, _kind, width, height, *_rest),) = images_in(pdf)
    assert (width, height) == ("240", "80")


def test_a_logo_qt_cannot_draw_is_refused_at_start_and_left_out_of_a_report(
    tmp_path: Path, qtbot
) -> None:
    """The file passes the core's checks (well-formed SVG) but draws nothing."""
    from readiness.app import load_config_or_explain

    config = branded(tmp_path, logo=ZERO_SVG, name="logo.svg")
    error = logo_error(config, tmp_path / "session.toml")
    assert error is not None and (error.key, error.line) == ("organisation.logo", 3)
    assert "n'a pas pu être affichée" in error.message()

    said: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, read_and_close)
            return
        said.append(box.text())
        box.close()

    QTimer.singleShot(0, read_and_close)
    assert load_config_or_explain(tmp_path / "session.toml") is None  # the app exits 3
    assert "clé « organisation.logo »" in said[0].replace("\u00a0", " ")

    pdf = tmp_path / "rapport.pdf"
    done = check(tmp_path / "session.toml", "--pdf", str(pdf))
    assert "enregistré sans logo" in done.stderr.replace("\u00a0", " ")
    assert pdf.exists() and images_in(pdf) == []


# --- the accent colour ---------------------------------------------------------------


@pytest.fixture(params=["light", *DARK_PALETTES])
def theme(request, qapp) -> Iterator[QPalette]:
    """The application's palette as the app makes it: the light one Qt gives here, or one
    of the dark ones, made AA by theme.py."""
    system = qapp.palette()
    light = request.param == "light"
    palette = accessible_palette(system if light else DARK_PALETTES[request.param]())
    qapp.setPalette(palette)
    try:
        yield palette
    finally:
        qapp.setPalette(system)


def surfaces(palette: QPalette) -> tuple:
    return (rgb(palette.color(Role.Window)), rgb(palette.color(Role.Base)))


def assert_tinted(button: QPushButton, fill: tuple, text: tuple, palette: QPalette) -> None:
    """``button`` drawn filled with ``fill``, its text in ``text``, both readable."""
    assert color_at(button, button.width() // 2, 4) == fill, button.text()
    assert text in colors_in(button), button.text()
    assert ratio(text, fill) >= TEXT_MINIMUM
    assert all(ratio(fill, surface) >= GRAPHIC_MINIMUM for surface in surfaces(palette))


@pytest.mark.parametrize("accent", [BLUE, PALE, "#1B2A4A", "#3FB950"])
def test_the_accent_fills_the_main_buttons_and_the_selected_step(
    make_window, tmp_path: Path, theme: QPalette, accent: str
) -> None:
    config = branded(tmp_path, accent=accent)
    window = make_window(start_checks=False, config=config)
    branding = Branding(config)
    branding.apply(window)
    colors = branding.colors(theme)
    assert colors is not None and fits(colors.fill, colors.text, surfaces(theme))
    assert_tinted(window.next_button, colors.fill, colors.text, theme)
    join = window.page("join")  # built after the branding, as the person gets there
    join.name_edit.setText("Mélissa Brunet")  # the button waits for a full name
    assert join.join_button.isEnabled()
    assert_tinted(join.join_button, colors.fill, colors.text, theme)
    sidebar = window.sidebar
    selected = sidebar.visualItemRect(sidebar.item(0))  # the welcome step
    assert color_at(sidebar.viewport(), selected.right() - 4, selected.center().y()) == (
        colors.fill
    )
    text = sidebar.palette().color(Role.HighlightedText)
    assert rgb(text) == colors.text
    assert contrast_failures(window) == []


@pytest.fixture
def light(qapp) -> Iterator[QPalette]:
    """The light palette as the app makes it; the system's again afterwards."""
    system = qapp.palette()
    palette = accessible_palette(system)
    qapp.setPalette(palette)
    try:
        yield palette
    finally:
        qapp.setPalette(system)


def test_a_too_light_accent_is_adjusted_and_logged(
    make_window, tmp_path: Path, light: QPalette, caplog
) -> None:
    palette = light
    caplog.set_level(logging.INFO, logger="readiness.ui.branding")
    config = branded(tmp_path, accent=PALE)
    window = make_window(start_checks=False, config=config)
    Branding(config).apply(window)
    fill = rgb(window.sidebar.palette().color(Role.Highlight))
    assert fill != (0xFF, 0xE6, 0x80)
    (record,) = [r for r in caplog.records if "accent colour" in r.getMessage()]
    assert record.levelno == logging.INFO
    assert PALE in record.getMessage() and hex_color(fill) in record.getMessage()
    # Moved only as far as needed: the next step towards the accent would fail.
    readable = Branding(config).colors(palette)
    assert readable is not None and readable.fill == fill

    caplog.clear()  # a readable accent is kept as it is, and nothing is said
    blue = tmp_path / "blue"
    blue.mkdir()
    config = branded(blue, accent=BLUE)
    Branding(config).apply(make_window(start_checks=False, config=config))
    assert [r for r in caplog.records if "accent colour" in r.getMessage()] == []


def test_the_accent_follows_a_switch_between_light_and_dark(
    make_window, tmp_path: Path, qapp
) -> None:
    system = qapp.palette()
    light, dark = accessible_palette(system), accessible_palette(DARK_PALETTES["fusion-dark"]())
    config = branded(tmp_path, accent="#1B2A4A")  # navy: fine on light, lost on dark
    branding = Branding(config)
    try:
        qapp.setPalette(light)
        window = branding.apply(make_window(start_checks=False, config=config))
        assert color_at(window.next_button, window.next_button.width() // 2, 4) == (27, 42, 74)
        qapp.setPalette(dark)
        branding.retint(window)  # what the app does on the system's colorSchemeChanged
        colors = branding.colors(dark)
        assert colors is not None and colors.adjusted
        x = window.next_button.width() // 2
        assert color_at(window.next_button, x, 4) == colors.fill
        assert rgb(window.sidebar.palette().color(Role.Highlight)) == colors.fill
    finally:
        qapp.setPalette(system)


def test_a_tinted_button_shows_the_focus_ring(
    make_window, tmp_path: Path, qtbot, light: QPalette
) -> None:
    palette = light
    config = branded(tmp_path, accent=BLUE)
    window = Branding(config).apply(make_window(start_checks=False, config=config))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    button = window.next_button
    button.setFocus()
    qtbot.waitUntil(button.hasFocus, timeout=5_000)
    ring = rgb(palette.color(Role.Highlight))
    edge = [color_at(button, button.width() // 2, y) for y in (0, 1)]
    assert edge == [ring, ring]
    window.sidebar.setFocus()
    qtbot.waitUntil(lambda: not button.hasFocus(), timeout=5_000)
    # Unfocused, the ring's place shows what is behind (the page's sheet): the ring
    # itself changes 3:1.
    unfocused = color_at(button, button.width() // 2, 0)
    assert unfocused == rgb(palette.color(Role.Base))
    assert ratio(ring, unfocused) >= GRAPHIC_MINIMUM


THEMES = {
    "light": ((255, 255, 255), ((239, 239, 239), (255, 255, 255))),
    "fusion-dark": ((240, 240, 240), ((50, 50, 50), (35, 35, 35))),
    "windows-dark": ((255, 255, 255), ((32, 32, 32), (43, 43, 43))),
}
channels = st.integers(min_value=0, max_value=255)


@given(accent=st.tuples(channels, channels, channels), theme=st.sampled_from(sorted(THEMES)))
def test_any_accent_becomes_readable_and_a_readable_one_is_kept(accent, theme: str) -> None:
    text, around = THEMES[theme]
    colors = accent_colors(accent, text, around)
    assert fits(colors.fill, colors.text, around)
    if fits(accent, text, around):
        assert (colors.fill, colors.text) == (accent, text)


def test_the_pale_accent_moves_as_little_as_needed() -> None:
    """One colour step less of the move and it would not be readable."""
    from readiness.core.contrast import mix

    text, around = THEMES["light"]
    pale = QColor(PALE)
    accent = (pale.red(), pale.green(), pale.blue())
    colors = accent_colors(accent, text, around)
    assert colors.adjusted
    share = next(s / 256 for s in range(257) if mix(accent, (0, 0, 0), s / 256) == colors.fill)
    assert not fits(mix(accent, (0, 0, 0), share - 1 / 256), colors.text, around)


def test_the_command_line_and_window_share_the_image_decoding(tmp_path: Path) -> None:
    """The report's logo is Qt's decoding of the checked bytes, not the file read again:
    a file replaced after the start does not change what the report shows."""
    from readiness.ui.branding import report_logo

    config = branded(tmp_path, logo=png_bytes(50, 20, LOGO_COLOR))
    (tmp_path / "logo.png").write_bytes(b"replaced")
    image = report_logo(config.logo)
    assert isinstance(image, QImage) and (image.width(), image.height()) == (50, 20)
