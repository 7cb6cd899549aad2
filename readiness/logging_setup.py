"""Logs go to a file in the user's log folder, never to stdout (the CLI prints JSON there).

The installed app is windowed: it has no console, so the log file is the only trace of
what happened. Qt's own messages (missing plugins, fonts, display) are routed there too.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from pathlib import Path

from readiness.user_dirs import PRIVATE_FILE, private_file, private_folder, tighten, user_log_dir

_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"
MAX_BYTES = 1_000_000

_installed: logging.Handler | None = None
_log_file: Path | None = None
#: Where print() goes when there is no console; opened once and kept for the process.
_null_stream = None


def _rotate(path: Path) -> None:
    """Keep one previous log: rotating once at start is enough for an app run for minutes,
    and avoids logging.handlers, slow to import."""
    try:
        if path.stat().st_size > MAX_BYTES:
            path.replace(path.with_suffix(".log.1"))
    except OSError:
        pass


def _make_private(folder: Path) -> None:
    """The log names the person and their meeting: the folder 0700, what it holds 0600,
    including files left looser by an earlier version."""
    private_folder(folder)
    for entry in folder.iterdir():
        if entry.is_file() and not entry.is_symlink():
            tighten(entry, PRIVATE_FILE)


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Attach a file handler to the root logger; return the file, or None if unwritable."""
    global _installed, _log_file
    ensure_std_streams()
    root = logging.getLogger()
    root.setLevel(level)
    if _installed is not None:  # called again (tests, re-entry): replace, don't stack
        root.removeHandler(_installed)
        _installed.close()
    path = user_log_dir() / "readiness.log"
    try:
        _make_private(path.parent)
        _rotate(path)
        private_file(path)  # 0600 before the handler (and faulthandler) append to it
        handler: logging.Handler = logging.FileHandler(path, encoding="utf-8", delay=True)
    except OSError:
        # A read-only home must not stop the checks; only the log is lost.
        _installed = logging.NullHandler()
        root.addHandler(_installed)
        _log_file = None
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    _installed = handler
    _log_file = path
    return path


def log_file() -> Path | None:
    """The file the log goes to, or None (not set up yet, or not writable)."""
    return _log_file


def ensure_std_streams() -> None:
    """A windowed build (Windows, macOS) starts with ``sys.stdout`` and ``sys.stderr`` set
    to None: any print, or a library writing there (speedtest-cli), would crash. Both get
    a null stream instead; what matters goes to the log."""
    global _null_stream
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            if _null_stream is None:
                _null_stream = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
            setattr(sys, name, _null_stream)


def loggable_url(url: str) -> str:
    """``url`` as the log may keep it: no query nor fragment (a join link's passcode and
    the person's name, a mail's body), no ``user:password@``, no line breaks.
    ``zoommtg://zoom.us/join?confno=1&pwd=x&uname=A`` gives ``zoommtg://zoom.us/join``."""
    head = re.split(r"[?#]", url, maxsplit=1)[0]
    head = re.sub(r"^([A-Za-z][A-Za-z0-9+.-]*://)[^/]*@", r"\1", head)
    return _printable(head)


def without_url_secrets(text: str, url: str) -> str:
    """``text`` (a program's error message, which may quote ``url``) fit for the log: the
    URL as ``loggable_url`` gives it, as written or decoded, and the values of its query
    (passcode, name) nowhere else either."""
    from urllib.parse import parse_qsl, quote, quote_plus, unquote, unquote_plus, urlsplit

    safe = loggable_url(url)
    for form in sorted({url, unquote(url), unquote_plus(url)}, key=len, reverse=True):
        text = text.replace(form, safe)
    try:
        parts = urlsplit(url)
        pairs = parse_qsl(parts.query) + parse_qsl(parts.fragment)
    except ValueError:
        pairs = []
    values = {
        form
        for _key, value in pairs
        for form in (value, quote(value, safe=""), quote_plus(value, safe=""))
    }
    # Two characters or less would blank out bits of words; a passcode or a name is longer.
    # A value the logged link shows anyway ("join") stays.
    hidden = (v for v in values if len(v) > 2 and v not in safe)
    for value in sorted(hidden, key=len, reverse=True):
        text = text.replace(value, "…")
    # Any other link the message quotes (half decoded, redirected): without its query.
    return _printable(_ANY_QUERY.sub(r"\1", text))


#: A scheme, what follows up to a query or fragment, then that query up to a blank.
_ANY_QUERY = re.compile(r"\b([A-Za-z][A-Za-z0-9+.-]*:[^\s?#]*)[?#]\S*")


def _printable(text: str) -> str:
    """No line break nor control character: one log record stays one line."""
    return "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in text)


_QT_LEVELS = {
    "QtDebugMsg": logging.DEBUG,
    "QtInfoMsg": logging.INFO,
    "QtWarningMsg": logging.WARNING,
    "QtCriticalMsg": logging.ERROR,
    "QtFatalMsg": logging.CRITICAL,
}


def route_qt_messages() -> None:
    """Qt's messages go to the log (logger "qt"), and to the handler there was before
    (the console's default one is then replaced; a test harness's one keeps seeing them)."""
    from PySide6.QtCore import qInstallMessageHandler

    qt_log = logging.getLogger("qt")
    previous = None

    def handler(mode, context, message: str) -> None:
        level = _QT_LEVELS.get(mode.name, logging.WARNING)
        category = context.category if context is not None else None
        if category and category != "default":
            qt_log.log(level, "%s: %s", category, message)
        else:
            qt_log.log(level, "%s", message)
        if previous is not None:
            previous(mode, context, message)

    previous = qInstallMessageHandler(handler)
