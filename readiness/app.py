"""The desktop app: Qt set-up, configuration, and the main window."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from readiness import __version__
from readiness.core import i18n
from readiness.core.config import ConfigError, LoadedConfig, default_locations, load_session
from readiness.logging_setup import setup_logging

log = logging.getLogger(__name__)

EXIT_BAD_CONFIG = 3
MIN_POINT_SIZE = 10.5


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("readiness")
    app.setApplicationVersion(__version__)
    app.setApplicationDisplayName(QCoreApplication.translate("App", "Préparer ma séance"))
    install_translations(app)
    _readable_font(app)
    return app


def _readable_font(app: QApplication) -> None:
    """Many beneficiaries read small text with difficulty: never start below 10.5 pt."""
    font = app.font()
    if 0 < font.pointSizeF() < MIN_POINT_SIZE:
        font.setPointSizeF(MIN_POINT_SIZE)
        app.setFont(font)


def install_translations(app: QApplication) -> None:
    """French by default: Qt's own strings (dialog buttons) follow, via qtbase_fr."""
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    translator = QTranslator(app)
    path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(), "qtbase", "_", path):
        app.installTranslator(translator)
    else:
        log.info("Qt's French translations not found in %s", path)
    # The Qt-free core asks Qt for its translations from now on.
    i18n.install(QCoreApplication.translate)


def load_config_or_explain(config_path: Path | None) -> LoadedConfig | None:
    beside, user = default_locations()
    try:
        return load_session(config_path, beside_program=beside, user_file=user)
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


def run_app(
    config_path: Path | None = None,
    argv: list[str] | None = None,
    on_shown: Callable[[], None] | None = None,
) -> int:
    """Start the GUI; ``on_shown`` runs once the window is on screen (start-up benchmark)."""
    setup_logging()
    app = create_application(argv)
    loaded = load_config_or_explain(config_path)
    if loaded is None:
        return EXIT_BAD_CONFIG
    log.info("configuration from %s (%s)", loaded.path, loaded.origin)

    from readiness.checks import build_checks
    from readiness.devices.url_opener import SystemUrlOpener
    from readiness.ui.main_window import MainWindow
    from readiness.ui.preferences import Preferences
    from readiness.ui.services import Services

    services = Services(
        config=loaded.config,
        preferences=Preferences.for_user(),
        url_opener=SystemUrlOpener(),
        checks=build_checks(devices=loaded.config.devices),
    )
    window = MainWindow(services)
    window.show()
    if on_shown is not None:
        QTimer.singleShot(0, on_shown)
    # Once the window is up: the checks' threads must not slow its first paint.
    QTimer.singleShot(0, window.start_checks)
    return app.exec()
