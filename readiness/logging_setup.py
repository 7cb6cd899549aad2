"""Logs go to a file in the user's log folder, never to stdout (the CLI prints JSON there)."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

_installed: logging.Handler | None = None


def log_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_log_dir("readiness", appauthor=False))


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Attach a rotating file handler to the root logger; return the file, or None if unwritable."""
    global _installed
    root = logging.getLogger()
    root.setLevel(level)
    if _installed is not None:  # called again (tests, re-entry): replace, don't stack
        root.removeHandler(_installed)
        _installed.close()
    path = log_dir() / "readiness.log"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        # A read-only home must not stop the checks; only the log is lost.
        _installed = logging.NullHandler()
        root.addHandler(_installed)
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    _installed = handler
    return path
