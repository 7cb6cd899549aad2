"""Finds the Zoom desktop app and what handles ``zoommtg://`` links, on each OS.

Every finder only looks: it never launches Zoom, and it never raises for missing
or malformed files, registry keys or helper programs; it reports what it saw.
"""

from __future__ import annotations

import sys

from readiness.devices.zoom.model import ZoomFinder, ZoomInstall

__all__ = ["ZoomFinder", "ZoomInstall", "zoom_finder_for"]


def zoom_finder_for(platform: str = sys.platform) -> ZoomFinder:
    if platform == "win32":
        from readiness.devices.zoom.windows import WindowsZoomFinder

        return WindowsZoomFinder()
    if platform == "darwin":
        from readiness.devices.zoom.macos import MacZoomFinder

        return MacZoomFinder()
    from readiness.devices.zoom.linux import LinuxZoomFinder

    return LinuxZoomFinder()
