"""Translation hook for the Qt-free code.

User-facing text outside the Qt widgets is written in French and passed through
``translate(context, text)``. The name and signature match
``QCoreApplication.translate`` so that pyside6-lupdate collects these strings
into the same ``.ts`` files as the widgets' ``tr()`` calls. The entry points
install Qt's translator as the backend; until then the French text is returned
as it is, which keeps this module (and the core) free of Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

Backend = Callable[[str, str], str]

#: French is the source language (the texts in the code); English comes from a .qm file.
SOURCE_LANGUAGE = "fr"
LANGUAGES = ("fr", "en")

_backend: Backend | None = None
_language = "fr"


def install(backend: Backend | None, language: str = "fr") -> None:
    """Route every later ``translate`` call through ``backend`` (None: identity).

    ``language`` picks the version of texts that come from data files
    (known_apps.toml) rather than from the code.
    """
    global _backend, _language
    _backend = backend
    _language = language


def language() -> str:
    return _language


def pick(texts: dict[str, str]) -> str:
    """The text in the interface's language, else the French one (the source language)."""
    return texts.get(_language) or texts.get("fr") or next(iter(texts.values()), "")


def choose_language(requested: str | None, preferred: Iterable[str]) -> str:
    """The interface's language: the one asked for (``--lang``), else the first of the
    user's preferred languages (``fr-FR``, ``en_GB``...) that the app has, else French."""
    if requested:
        return requested
    for tag in preferred:
        code = tag.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return SOURCE_LANGUAGE


def decimal(value: float, digits: int = 1) -> str:
    """A number as the interface's language writes it: ``4,5`` in French, ``4.5`` in English."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if _language == "fr" else text


def percent_number(value: float) -> str:
    """A share in % as the page says it: ``0``, ``0,4``, ``4``, ``4,5``, ``15``."""
    if value >= 10 or round(value, 1) == round(value):
        return decimal(value, 0)
    return decimal(value, 1)


def translate(context: str, text: str) -> str:
    if _backend is None:
        return text
    return _backend(context, text)
