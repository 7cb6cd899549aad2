"""Finds the Zoom desktop app and what handles ``zoommtg://`` links, on each OS.

Every finder only looks: it never launches Zoom, and it never raises for missing
or malformed files, registry keys or helper programs; it reports what it saw.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from readiness.devices.zoom.model import ZoomFinder, ZoomInstall

__all__ = ["SystemZoomFinder", "ZoomFinder", "ZoomInstall", "zoom_finder_for"]

#: Where the Linux and macOS finders see "/" (the command-line tests stand one in a folder).
ROOT_ENV = "READINESS_ZOOM_ROOT"


def zoom_finder_for(platform: str = sys.platform) -> ZoomFinder:
    if platform == "win32":
        from readiness.devices.zoom.windows import WindowsZoomFinder

        return WindowsZoomFinder()
    root = Path(os.environ.get(ROOT_ENV) or "/")
    if platform == "darwin":
        from readiness.devices.zoom.macos import MacZoomFinder

        return MacZoomFinder(root=root)
    from readiness.devices.zoom.linux import LinuxZoomFinder

    return LinuxZoomFinder(root=root)


class SystemZoomFinder:
    """This OS's finder, chosen (and its module imported) on the first ``find``, which runs
    on a worker thread: start-up does not pay for it."""

    def __init__(self) -> None:
        self._finder: ZoomFinder | None = None

    def find(self) -> ZoomInstall:
        if self._finder is None:
            self._finder = zoom_finder_for()
        return self._finder.find()
