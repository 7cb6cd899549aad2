"""Translation hook for the Qt-free code.

User-facing text outside the Qt widgets is written in French and passed through
``translate(context, text)``. The name and signature match
``QCoreApplication.translate`` so that pyside6-lupdate collects these strings
into the same ``.ts`` files as the widgets' ``tr()`` calls. The entry points
install Qt's translator as the backend; until then the French text is returned
as it is, which keeps this module (and the core) free of Qt.
"""

from __future__ import annotations

from collections.abc import Callable

Backend = Callable[[str, str], str]

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


def translate(context: str, text: str) -> str:
    if _backend is None:
        return text
    return _backend(context, text)
