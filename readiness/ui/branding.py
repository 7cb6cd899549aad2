"""The organisation's face in the window: its logo decoded (welcome page, window icon,
report), and its accent colour on the main buttons and the selected step.

The core has read and checked the logo file (readiness.core.config_branding); Qt
decodes it here. Without a logo nor an accent colour nothing here changes anything.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Protocol

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QEvent,
    QIODevice,
    QObject,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QImage,
    QImageReader,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import QPushButton, QStackedWidget, QWidget

from readiness.core.accent import (
    HOVER_SHARE,
    PRESSED_SHARE,
    AccentColors,
    accent_colors,
    hex_color,
    state_fill,
)
from readiness.core.config import ConfigError, SessionConfig
from readiness.core.config_branding import Logo
from readiness.ui.sidebar import StepSidebar
from readiness.ui.theme import rgb


class MainWindow(Protocol):
    """What the branding touches in the main window (a protocol: this module is imported
    by pages the window builds, and must not import the window back)."""

    stack: QStackedWidget
    sidebar: StepSidebar
    next_button: QPushButton

    def setWindowIcon(self, icon: QIcon) -> None: ...


log = logging.getLogger(__name__)

#: Set on a button to give it the accent colour (the main action of its page).
MAIN_BUTTON = "main_button"
#: A logo as wide as this many times its height, or less, makes a window icon.
ICON_MAX_ASPECT = 2.0
ICON_SIZE = 256
#: The image put in the report: sharp at print resolution, shown about 17 mm high.
REPORT_LOGO_SIZE = QSize(1024, 256)

Role = QPalette.ColorRole
Group = QPalette.ColorGroup


class LogoUnreadable(Exception):
    """The logo file passed the checks but Qt cannot draw it; ``str()`` is French."""


def logo_image(logo: Logo, box: QSize) -> QImage:
    """The logo fitting ``box`` (pixels), never enlarged unless it is a drawing (SVG).
    Raises LogoUnreadable."""
    image = _decoded(logo, box.width(), box.height())
    if image.isNull():
        raise LogoUnreadable(
            QCoreApplication.translate(
                "Branding",
                "L'image « {path} » n'a pas pu être affichée : son contenu est abîmé ou "
                "d'une variante que l'application ne sait pas lire. Enregistrez le logo au "
                "format PNG, par exemple « logo.png ».",
            ).format(path=logo.path)
        )
    return image


@lru_cache(maxsize=8)
def _decoded(logo: Logo, width: int, height: int) -> QImage:
    buffer = QBuffer()
    buffer.setData(QByteArray(logo.data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, logo.kind.encode("ascii"))
    reader.setDecideFormatFromContent(False)
    natural = reader.size()
    if logo.kind == "svg" and natural.isValid() and not natural.isEmpty():
        reader.setScaledSize(natural.scaled(width, height, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    buffer.close()
    if image.isNull():
        log.warning("the logo %s cannot be decoded: %s", logo.path, reader.errorString())
        return image
    if image.width() > width or image.height() > height:
        image = image.scaled(
            width,
            height,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    return image


def logo_error(config: SessionConfig, path) -> ConfigError | None:
    """The configuration message (key and line) if the configured logo cannot be drawn:
    checked once at start, so that the window never shows a broken one."""
    if config.logo is None:
        return None
    try:
        logo_image(config.logo, QSize(ICON_SIZE, ICON_SIZE))
    except LogoUnreadable as error:
        return ConfigError(path, str(error), key="organisation.logo", line=config.logo.line)
    return None


def logo_pixmap(logo: Logo | None, box: QSize, ratio: float) -> QPixmap | None:
    """The logo to show in ``box`` (logical pixels) on a screen of ``ratio``; None
    without a logo or when it cannot be drawn (said in the log)."""
    if logo is None:
        return None
    try:
        image = logo_image(logo, box * ratio)
    except LogoUnreadable:
        return None
    pixmap = QPixmap.fromImage(image)
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


def report_logo(logo: Logo | None) -> QImage | None:
    """The logo for the PDF report; raises LogoUnreadable."""
    return None if logo is None else logo_image(logo, REPORT_LOGO_SIZE)


def logo_icon(logo: Logo | None) -> QIcon | None:
    """The logo as a window icon, centred on a transparent square; None when there is
    none, or when it is too wide to be recognised at an icon's size."""
    if logo is None:
        return None
    try:
        image = logo_image(logo, QSize(ICON_SIZE, ICON_SIZE))
    except LogoUnreadable:
        return None
    aspect = max(image.width(), image.height()) / max(1, min(image.width(), image.height()))
    if aspect > ICON_MAX_ASPECT:
        log.info("the logo (%dx%d) is too wide for a window icon", image.width(), image.height())
        return None
    side = max(image.width(), image.height())
    square = QPixmap(side, side)
    square.fill(Qt.GlobalColor.transparent)
    painter = QPainter(square)
    painter.drawImage((side - image.width()) // 2, (side - image.height()) // 2, image)
    painter.end()
    return QIcon(square)


class Branding:
    """The organisation's logo and accent colour, put on each main window (the language
    switch builds a new one) and again after each change of palette (light and dark)."""

    def __init__(self, config: SessionConfig):
        self.logo = config.logo
        self.accent = config.accent_color
        self._said: tuple | None = None

    def apply(self, window: MainWindow) -> MainWindow:
        icon = logo_icon(self.logo)
        if icon is not None:
            window.setWindowIcon(icon)
        if self.accent is not None:
            self.retint(window)
            # Pages are built on first visit: their main buttons are tinted as they come.
            window.stack.installEventFilter(_PagesWatch(self, window))
        return window

    def colors(self, palette: QPalette) -> AccentColors | None:
        """The accent as drawn under ``palette`` (light or dark): logged when moved."""
        if self.accent is None:
            return None
        surfaces = (rgb(palette.color(Role.Window)), rgb(palette.color(Role.Base)))
        colors = accent_colors(self.accent, rgb(palette.color(Role.HighlightedText)), surfaces)
        said = (colors, surfaces)
        if colors.adjusted and said != self._said:
            log.info(
                "accent colour %s adjusted to %s (text %s) for AA contrast on %s",
                hex_color(colors.accent),
                hex_color(colors.fill),
                hex_color(colors.text),
                " and ".join(hex_color(s) for s in surfaces),
            )
        self._said = said
        return colors

    def retint(self, window: MainWindow | None) -> None:
        """The accent on ``window``'s selected step and main buttons, in the colours
        of the palette now in use."""
        if window is None or self.accent is None:
            return
        # The application's: the window's own follows it only once the events are handled.
        palette = QGuiApplication.palette()
        colors = self.colors(palette)
        assert colors is not None
        window.sidebar.set_selection_colors(QColor(*colors.fill), QColor(*colors.text))
        for button in [window.next_button, *main_buttons(window.stack)]:
            tint_button(button, colors, palette)


def main_buttons(root: QWidget) -> list[QPushButton]:
    """The pages' main actions in ``root``: a page's default button (« Rejoindre la
    réunion Zoom »), or one marked MAIN_BUTTON. « Suivant » is the window's own."""
    return [b for b in root.findChildren(QPushButton) if b.property(MAIN_BUTTON) or b.isDefault()]


def tint_button(button: QPushButton, colors: AccentColors, palette: QPalette) -> None:
    """The button filled with the accent. Unfocused, its 2-pixel edge is transparent (the
    window shows through); focused, it is the focus ring, in the theme's selection colour
    (3:1 against the window), as theme.py and focus_style.py make it everywhere else."""
    surfaces = (rgb(palette.color(Role.Window)), rgb(palette.color(Role.Base)))
    disabled_fill = palette.color(Group.Disabled, Role.Button).name()
    disabled_text = palette.color(Group.Disabled, Role.ButtonText).name()
    button.setProperty(MAIN_BUTTON, True)
    button.setStyleSheet(
        "QPushButton {"
        f" background-color: {hex_color(colors.fill)}; color: {hex_color(colors.text)};"
        " border: 2px solid transparent; background-clip: padding; border-radius: 6px;"
        # The ring is the edge: no second frame around the text.
        " padding: 0.4em 1.2em; outline: none; }"
        "QPushButton:hover {"
        f" background-color: {hex_color(state_fill(colors, HOVER_SHARE, surfaces))}; }}"
        "QPushButton:pressed {"
        f" background-color: {hex_color(state_fill(colors, PRESSED_SHARE, surfaces))}; }}"
        f"QPushButton:focus {{ border-color: {palette.color(Role.Highlight).name()}; }}"
        f"QPushButton:disabled {{ background-color: {disabled_fill}; color: {disabled_text}; }}"
    )


class _PagesWatch(QObject):
    """Tints the main buttons of each page as it is put in the window's stack."""

    def __init__(self, branding: Branding, window: MainWindow):
        super().__init__(window)
        self._branding = branding
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ChildAdded:
            child = event.child()
            if isinstance(child, QWidget) and main_buttons(child):
                self._branding.retint(self._window)
        return False
