"""Hands a URL to the system's opener: xdg-open, macOS ``open``, or Windows' shell."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable

from readiness.core.open_outcome import OpenOutcome
from readiness.logging_setup import loggable_url, without_url_secrets

__all__ = ["OpenOutcome", "SystemUrlOpener"]

log = logging.getLogger(__name__)

#: How long to wait for the opener to report a failure. Some openers only
#: return when the handler exits, so still running after this means it launched.
LAUNCH_WAIT_S = 5.0


class SystemUrlOpener:
    """Opens URLs the way the desktop does. ``platform`` is injectable for tests."""

    def __init__(
        self,
        platform: str = sys.platform,
        startfile: Callable[[str], None] | None = None,
        launch_wait_s: float = LAUNCH_WAIT_S,
    ):
        self.platform = platform
        self._startfile = startfile
        self.launch_wait_s = launch_wait_s

    def open(self, url: str) -> OpenOutcome:
        if self.platform == "win32":
            return self._open_windows(url)
        program = "open" if self.platform == "darwin" else "xdg-open"
        return self._run_opener([program, url], url)

    def _open_windows(self, url: str) -> OpenOutcome:
        startfile = self._startfile or getattr(os, "startfile", None)
        if startfile is None:
            return OpenOutcome(False, "os.startfile unavailable")
        try:
            startfile(url)
        except OSError as exc:
            # The log keeps no passcode nor name: the link without its query.
            log.warning(
                "startfile(%s) failed: %s", loggable_url(url), without_url_secrets(str(exc), url)
            )
            return OpenOutcome(False, str(exc))
        return OpenOutcome(True)

    def _run_opener(self, argv: list[str], url: str) -> OpenOutcome:
        import subprocess  # imported on first use, not during start-up
        import tempfile
        import threading

        # stderr goes to a file, not a pipe: a handler that outlives the wait
        # must not block, or die of SIGPIPE, on a pipe nobody reads any more.
        with tempfile.TemporaryFile() as errors:
            try:
                process = subprocess.Popen(
                    argv,
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    stderr=errors,
                    start_new_session=True,  # the handler must outlive this app
                )
            except OSError as exc:
                log.warning("cannot run %s: %s", argv[0], without_url_secrets(str(exc), url))
                return OpenOutcome(False, f"{argv[0]}: {exc}")
            try:
                returncode = process.wait(timeout=self.launch_wait_s)
            except subprocess.TimeoutExpired:
                # Launched and still going: reap it whenever it ends, never a zombie.
                threading.Thread(target=process.wait, name="reap-opener", daemon=True).start()
                return OpenOutcome(True, "still running")
            if returncode != 0:
                errors.seek(0)
                message = errors.read().decode(errors="replace").strip()
                # The opener's message often quotes the link: its query stays out of the log.
                log.warning(
                    "%s exited with %s for %s: %s",
                    argv[0],
                    returncode,
                    loggable_url(url),
                    without_url_secrets(message, url),
                )
                return OpenOutcome(False, message or f"exit code {returncode}")
        return OpenOutcome(True)
