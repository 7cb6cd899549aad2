"""A crash leaves a trace: the fatal error's traceback in the log, and a note for the next start.

A fatal error in a C extension (a Qt binding's refcount bug, a driver) kills the
process without Python's exception machinery: no excepthook, no dialog. The
windowed build has no stderr either, so ``faulthandler`` writes the traceback of
every thread straight into the log file.

The next start learns that the run before did not end normally from a lock file
held while the window is open (Qt's ``QLockFile``: it records the holder's
process id, and knows a lock whose holder died from one held by a running
instance, on every system). A lock left behind by a dead process means a crash.
"""

from __future__ import annotations

import faulthandler
import logging
from pathlib import Path
from typing import IO

from readiness.user_dirs import PRIVATE_FILE, private_file, private_folder, tighten

log = logging.getLogger(__name__)

LOCK_NAME = "running.lock"

#: The stream faulthandler writes to: it must stay open for the whole process.
_fault_stream: IO[str] | None = None


def write_fatal_errors_to(log_path: Path | None) -> bool:
    """Send fatal errors' tracebacks (all threads) to ``log_path``; False when it cannot."""
    global _fault_stream
    if log_path is None:
        return False
    try:
        private_file(log_path)  # as the log itself: its owner's only (0600)
        # Append mode, as the log handler: both write at the end, never over each other.
        stream = open(log_path, "a", encoding="utf-8")  # noqa: SIM115 - kept for the process
    except OSError as error:
        log.warning("fatal errors will not reach the log: %s", error)
        return False
    faulthandler.enable(file=stream, all_threads=True)
    if _fault_stream is not None:
        _fault_stream.close()
    _fault_stream = stream
    return True


class RunMarker:
    """Held from the window's start to a normal exit; found stale at the next start if not."""

    def __init__(self, folder: Path):
        # Imported here: building QLockFile's bindings is start-up time, and the marker
        # is taken once the window is up.
        from PySide6.QtCore import QLockFile

        self.path = folder / LOCK_NAME
        self._lock = QLockFile(str(self.path))
        # Only a dead holder makes the lock stale, never its age: a session lasts hours.
        self._lock.setStaleLockTime(0)
        self.previous_run_crashed = False
        self.held = False

    def acquire(self) -> bool:
        """Take the marker; ``previous_run_crashed`` then says whether a dead run left it."""
        try:
            private_folder(self.path.parent)  # the log's folder: 0700
            left_behind = self.path.exists()
        except OSError:
            return False
        # tryLock removes a lock whose holder is gone, then takes it. It fails when
        # another instance runs: that one is alive, so nothing crashed.
        self.held = self._lock.tryLock(0)
        if self.held:
            # Qt makes it readable by all; it names this computer and the process.
            tighten(self.path, PRIVATE_FILE)
        self.previous_run_crashed = self.held and left_behind
        if self.previous_run_crashed:
            log.warning("the previous run did not end normally (see the log above)")
        elif not self.held:
            log.info("marker not taken (%s): another instance may be running", self._lock.error())
        return self.held

    def release(self) -> None:
        """A normal end: the next start has nothing to report."""
        if self.held:
            self._lock.unlock()
            self.held = False
