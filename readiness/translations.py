"""The interface's language: our translations and Qt's own, loaded for the app or the CLI.

French is the source language, so French needs none of our files, only Qt's
``qtbase_fr.qm`` (dialog buttons). English needs our ``readiness_en.qm`` (built
from ``resources/translations/readiness_en.ts`` by pyside6-lrelease) and nothing
of Qt's, whose own texts are English.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from readiness.core import i18n

# PySide6 is imported inside the functions: a module importing it at its top costs
# PySide's import hook about half a millisecond of start-up, for each such module.
if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

log = logging.getLogger(__name__)

#: The language's usual locale. By name: PySide builds its big Language and Country
#: enums on first use, which costs start-up time for nothing here.
_LOCALES = {"fr": "fr_FR", "en": "en_GB"}


def translations_dir() -> Path:
    from readiness.resources import resource_dir

    return resource_dir() / "translations"


def system_languages() -> list[str]:
    """The user's interface languages, most preferred first (``fr-FR``, ``en-GB``...)."""
    from PySide6.QtCore import QLocale

    return QLocale.system().uiLanguages()


def pick_language(requested: str | None) -> str:
    return i18n.choose_language(requested, [] if requested else system_languages())


def locale_for(language: str) -> QLocale:
    """The system's own locale when it speaks that language (its date order, its
    country), else the language's usual country."""
    from PySide6.QtCore import QLocale

    system = QLocale.system()
    speaks_it = system.name().split("_")[0] == language
    return system if speaks_it else QLocale(_LOCALES[language])


def our_translator(language: str, parent=None) -> QTranslator | None:
    from PySide6.QtCore import QTranslator

    if language == i18n.SOURCE_LANGUAGE:
        return None
    translator = QTranslator(parent)
    if translator.load(f"readiness_{language}", str(translations_dir())):
        return translator
    log.error("no translation file for %s in %s", language, translations_dir())
    return None


def qt_translator(language: str, parent=None) -> QTranslator | None:
    from PySide6.QtCore import QLibraryInfo, QTranslator

    if language == "en":
        return None
    translator = QTranslator(parent)
    path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{language}", path):
        return translator
    log.info("Qt's translations for %s not found in %s", language, path)
    return None


_installed: list[QTranslator] = []


def install_in_app(app: QCoreApplication, language: str) -> None:
    """Widgets' ``tr()`` and the core's ``translate()`` answer in ``language`` from now on
    (for widgets made from now on: a switch rebuilds the window)."""
    from PySide6.QtCore import QCoreApplication, QLocale

    remove_from_app(app)
    QLocale.setDefault(locale_for(language))
    for translator in (qt_translator(language, app), our_translator(language, app)):
        if translator is not None:
            app.installTranslator(translator)
            _installed.append(translator)
    i18n.install(QCoreApplication.translate, language)
    log.info("interface language: %s", language)


def remove_from_app(app: QCoreApplication) -> None:
    """Back to the source texts (French) and Qt's own (English)."""
    from contextlib import suppress

    while _installed:
        translator = _installed.pop()
        with suppress(RuntimeError):  # already deleted, with the application (tests)
            app.removeTranslator(translator)
            translator.deleteLater()
    i18n.install(None, i18n.SOURCE_LANGUAGE)


def install_without_app(language: str) -> None:
    """For the command line, which has no QCoreApplication: the translator is asked
    directly (it is kept alive by the closure)."""
    translator = our_translator(language)
    if translator is None:
        i18n.install(None, language)
        return

    def translate(context: str, text: str) -> str:
        return translator.translate(context, text) or text

    i18n.install(translate, language)
