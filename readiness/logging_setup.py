"""Logs go to a file in the user's log folder, never to stdout (the CLI prints JSON there)."""

from __future__ import annotations

import logging
from pathlib import Path

from readiness.user_dirs import user_log_dir

_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"
MAX_BYTES = 1_000_000

_installed: logging.Handler | None = None


def _rotate(path: Path) -> None:
    """Keep one previous log: rotating once at start is enough for an app run for minutes,
    and avoids logging.handlers, slow to import."""
    try:
        if path.stat().st_size > MAX_BYTES:
            path.replace(path.with_suffix(".log.1"))
    except OSError:
        pass


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Attach a file handler to the root logger; return the file, or None if unwritable."""
    global _installed
    root = logging.getLogger()
    root.setLevel(level)
    if _installed is not None:  # called again (tests, re-entry): replace, don't stack
        root.removeHandler(_installed)
        _installed.close()
    path = user_log_dir() / "readiness.log"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _rotate(path)
        handler: logging.Handler = logging.FileHandler(path, encoding="utf-8", delay=True)
    except OSError:
        # A read-only home must not stop the checks; only the log is lost.
        _installed = logging.NullHandler()
        root.addHandler(_installed)
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    _installed = handler
    return path
