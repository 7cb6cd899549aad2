"""The desktop app: Qt set-up, configuration, and the main window."""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt, QThread, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from readiness import __version__
from readiness.core import exit_codes
from readiness.core.config import (
    ConfigError,
    LoadedConfig,
    SessionConfig,
    default_locations,
    load_session,
)
from readiness.crash_trace import RunMarker, write_fatal_errors_to
from readiness.logging_setup import route_qt_messages, setup_logging
from readiness.user_dirs import user_log_dir

if TYPE_CHECKING:
    from readiness.checks.kit import DeviceKit
    from readiness.ui.branding import Branding

log = logging.getLogger(__name__)

#: The base text size: never smaller, a larger system size is kept.
MIN_POINT_SIZE = 12.0
#: Installer smoke tests (packaging/linux/ci_check_deb.sh) set this to a number of
#: milliseconds: the window then closes that long after it is shown, as if the user
#: closed it, and the app exits normally.
CLOSE_AFTER_ENV = "READINESS_CLOSE_AFTER_MS"
MAX_WINDOW_ICON = 256


def create_application(argv: list[str] | None = None, language: str | None = None) -> QApplication:
    """``language``: "fr" or "en"; None follows the system's languages (French otherwise).
    run_app passes the language chosen with --lang, else the one chosen in the app."""
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("readiness")
    app.setApplicationVersion(__version__)
    # Wayland and the desktop entry (readiness.desktop) match windows to the icon by it.
    app.setDesktopFileName("readiness")
    from readiness.translations import install_in_app, pick_language
    from readiness.ui.window_title import use_display_name

    install_in_app(app, pick_language(language))
    use_display_name(app)  # in the language just installed; window titles end with it
    _readable_font(app)
    return app


def apply_theme(app: QApplication, applied: Callable[[], None] = lambda: None) -> None:
    """Readable colours (WCAG AA) from the system's palette, and a visible focus ring.
    In run_app this runs just after the window's first paint, which it would delay.
    ``applied`` runs after each change of palette (see theme.apply_accessible_palette)."""
    from readiness.ui.focus_style import FocusStyle
    from readiness.ui.theme import apply_accessible_palette

    # The style first: setting one resets the palette to the style's.
    app.setStyle(FocusStyle())
    apply_accessible_palette(app, applied)


def _readable_font(app: QApplication) -> None:
    """Many beneficiaries read small text with difficulty: never start below 12 pt."""
    font = app.font()
    if 0 < font.pointSizeF() < MIN_POINT_SIZE:
        font.setPointSizeF(MIN_POINT_SIZE)
        app.setFont(font)


def app_icon() -> QIcon:
    """The app's icon at every size shipped (resources/icons/readiness-<size>.png); each
    file is read only when that size is drawn."""
    from readiness.resources import resource_dir

    icon = QIcon()
    try:
        files = sorted((resource_dir() / "icons").glob("readiness-*.png"))
    except OSError:
        return icon
    for path in files:
        size = path.stem.rpartition("-")[2]
        # 512 px is for the installers; X11 would read every size given when showing.
        if size.isdigit() and int(size) <= MAX_WINDOW_ICON:
            icon.addFile(str(path), QSize(int(size), int(size)))
    return icon


def load_config_or_explain(config_path: Path | None) -> LoadedConfig | None:
    beside, user = default_locations()
    try:
        loaded = load_session(config_path, beside_program=beside, user_file=user)
        _check_logo(loaded)
    except ConfigError as error:
        log.error("bad configuration: %s", error.message())
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            QCoreApplication.translate("App", "Configuration à corriger"),
            error.message(),
            QMessageBox.StandardButton.Close,
        )
        box.exec()
        return None
    for warning in loaded.warnings:
        # Escaped: one line in the log, whatever the file or its name holds.
        shown = "".join(
            c if c.isprintable() or c in "\u00a0\u202f" else f"\\u{ord(c):04x}" for c in warning
        )
        log.warning("configuration: %s", shown)
    return loaded


def _check_logo(loaded: LoadedConfig) -> None:
    """A logo whose file passed the core's checks but that Qt cannot draw is refused
    like any wrong value: said once, at start, rather than shown broken."""
    if loaded.config.logo is not None:
        from readiness.ui.branding import logo_error

        error = logo_error(loaded.config, loaded.path)
        if error is not None:
            raise error


def _branding(config: SessionConfig) -> Branding | None:
    """The organisation's logo and accent colour, when its session file has either:
    the module is imported only then (the first paint does not wait for it)."""
    if config.logo is None and config.accent_color is None:
        return None
    from readiness.ui.branding import Branding

    return Branding(config)


def run_app(
    config_path: Path | None = None,
    argv: list[str] | None = None,
    on_shown: Callable[[], None] | None = None,
    language: str | None = None,
    kit: DeviceKit | None = None,
) -> int:
    """Start the GUI; ``on_shown`` runs once the window is on screen (start-up benchmark).
    ``kit``: the devices (the soak tests' local stand-ins); by default this computer's."""
    log_path = setup_logging()
    write_fatal_errors_to(log_path)
    route_qt_messages()
    install_error_dialog(log_path)
    from readiness.ui.preferences import Preferences

    preferences = Preferences.for_user()  # QSettings: no QApplication needed yet
    # --lang, else what the user chose in the app last time, else the system's.
    app = create_application(argv, language or preferences.language or None)
    loaded = load_config_or_explain(config_path)
    if loaded is None:
        return exit_codes.BAD_INPUT
    log.info("configuration from %s (%s)", loaded.path, loaded.origin)

    from readiness.checks import build_checks
    from readiness.checks.early import early_checks
    from readiness.checks.kit import DeviceKit
    from readiness.devices.url_opener import SystemUrlOpener
    from readiness.ui.language_switch import WindowKeeper
    from readiness.ui.main_window import MainWindow
    from readiness.ui.services import Services

    kit = kit or DeviceKit()
    services = Services(
        config=loaded.config,
        preferences=preferences,
        url_opener=SystemUrlOpener(),
        checks=build_checks(devices=loaded.config.devices, kit=kit),
        kit=kit,
        line_watch=kit.watch_line(loaded.config.devices),
        early_checks=early_checks(loaded.config.devices),
    )
    branding = _branding(loaded.config)

    def new_window() -> MainWindow:
        # The organisation's logo and accent colour, on each window (the language switch
        # builds a new one).
        window = MainWindow(services)
        return branding.apply(window) if branding is not None else window

    keeper = WindowKeeper(new_window, services.preferences)
    window = keeper.show_first()
    log.info("window shown")
    _close_later_if_asked(window)
    if on_shown is not None:
        QTimer.singleShot(0, on_shown)

    def themed() -> None:
        # The status icons are pixmaps: drawn again in the corrected palette's colours;
        # the accent is fitted to that palette (light or dark).
        keeper.window.sidebar.redraw_icons()
        if branding is not None:
            branding.retint(keeper.window)

    QTimer.singleShot(0, lambda: apply_theme(app, themed))
    # Once the window is up: the checks' threads must not slow its first paint.
    QTimer.singleShot(0, window.start_checks)
    # The icon's images are read once the window is up: they would delay its first show.
    QTimer.singleShot(0, lambda: app.setWindowIcon(app_icon()))
    # Once the window is up (nothing here may delay its first paint): garbage collection
    # on the GUI thread only, and the marker that tells the next start about a crash.
    after_show = _AfterShow(app)
    QTimer.singleShot(0, lambda: after_show.start(keeper, log_path))
    try:
        return app.exec()
    finally:
        after_show.stop()


class _AfterShow:
    """What starts just after the first paint and ends with the app."""

    def __init__(self, app: QApplication):
        self._app = app
        self._collector = None
        self._marker: RunMarker | None = None

    def start(self, keeper, log_path: Path | None) -> None:
        from readiness.ui.gui_thread_gc import GuiThreadCollector

        self._collector = GuiThreadCollector(parent=self._app)
        self._collector.start()
        self._marker = RunMarker(user_log_dir())
        self._marker.acquire()
        if self._marker.previous_run_crashed and log_path is not None:
            _tell_about_crash(keeper.window, log_path)

    def stop(self) -> None:
        if self._collector is not None:
            self._collector.stop()
        if self._marker is not None:
            self._marker.release()


def _tell_about_crash(window, log_path: Path) -> None:
    from readiness.ui.crash_notice import CrashNotice

    notice = CrashNotice(window.services, window.tasks, log_path, window)
    notice.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    notice.open()  # window-modal, not blocking: the app goes on behind it


def _close_later_if_asked(window) -> None:
    delay = os.environ.get(CLOSE_AFTER_ENV, "")
    if delay.isdigit():
        log.info("closing the window in %s ms (%s)", delay, CLOSE_AFTER_ENV)
        QTimer.singleShot(int(delay), window.close)


# --- unexpected errors ---------------------------------------------------------------

_dialog_open = False


def unexpected_error_text(log_path: Path | None) -> str:
    text = QCoreApplication.translate(
        "App",
        "L'application a rencontré un problème inattendu. Vous n'y êtes pour rien.\n\n"
        "Vous pouvez continuer. Si l'application ne répond plus, fermez-la puis rouvrez-la.",
    )
    if log_path is None:
        return (
            text
            + "\n\n"
            + QCoreApplication.translate(
                "App",
                "Les détails n'ont pas pu être notés : le dossier du journal est inaccessible.",
            )
        )
    return (
        text
        + "\n\n"
        + QCoreApplication.translate(
            "App",
            "Si le problème revient, envoyez ce fichier à la personne qui vous accompagne, "
            "il contient les détails :\n{path}",
        ).format(path=log_path)
    )


def show_unexpected_error(log_path: Path | None) -> None:
    """The French dialog, on the GUI thread only, and one at a time."""
    global _dialog_open
    app = QApplication.instance()
    if _dialog_open or not isinstance(app, QApplication):
        return
    if QThread.currentThread() is not app.thread():
        return
    _dialog_open = True
    try:
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            QCoreApplication.translate("App", "Un problème inattendu"),
            unexpected_error_text(log_path),
            QMessageBox.StandardButton.Close,
        )
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.exec()
    finally:
        _dialog_open = False


def install_error_dialog(log_path: Path | None) -> None:
    """An unexpected exception (uncaught, or raised in a Qt slot, which PySide hands to
    ``sys.excepthook``) is logged and explained in a dialog, instead of the app vanishing
    without a word; one in a worker thread is logged."""

    def on_error(
        kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        log.critical("unexpected error", exc_info=(kind, error, trace))
        show_unexpected_error(log_path)

    def on_thread_error(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread is not None else "?"
        log.error(
            "unexpected error in thread %s",
            name,
            exc_info=(args.exc_type, args.exc_value, args.exc_traceback),  # type: ignore[arg-type]
        )

    sys.excepthook = on_error
    threading.excepthook = on_thread_error
