"""Zoom on macOS: zoom.us.app and the URL schemes its Info.plist declares."""

from __future__ import annotations

import logging
import plistlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from readiness.devices.zoom.model import (
    MAC_BUNDLE_NAME,
    ZOOM_SCHEME,
    ZoomInstall,
    under_root,
)

log = logging.getLogger(__name__)


def _read_plist(path: Path) -> dict[str, Any] | None:
    try:
        with path.open("rb") as stream:
            data = plistlib.load(stream)
    except Exception as exc:  # plistlib has no single error type (expat, struct, ...)
        log.info("cannot read %s: %s", path, exc)
        return None
    return data if isinstance(data, dict) else None


def _declares_scheme(info: Mapping[str, Any], scheme: str) -> bool:
    url_types = info.get("CFBundleURLTypes")
    if not isinstance(url_types, list):
        return False
    for url_type in url_types:
        schemes = url_type.get("CFBundleURLSchemes") if isinstance(url_type, dict) else None
        if isinstance(schemes, list) and scheme in schemes:
            return True
    return False


class MacZoomFinder:
    """Looks for zoom.us.app; Launch Services registers the URL schemes a bundle declares."""

    def __init__(self, *, root: Path = Path("/"), home: Path | None = None):
        self.root = root
        self.home = home if home is not None else Path.home()

    def find(self) -> ZoomInstall:
        for bundle, source in (
            (under_root(self.root, f"/Applications/{MAC_BUNDLE_NAME}"), "applications"),
            (self.home / "Applications" / MAC_BUNDLE_NAME, "user-applications"),
        ):
            if bundle.is_dir():
                return self._describe(bundle, source)
        return ZoomInstall()

    @staticmethod
    def _describe(bundle: Path, source: str) -> ZoomInstall:
        info = _read_plist(bundle / "Contents/Info.plist")
        if info is None:
            # Every Zoom build declares zoommtg, so an unreadable plist still means a handler.
            return ZoomInstall(str(bundle), None, str(bundle), source)
        version = info.get("CFBundleShortVersionString")
        if not isinstance(version, str):
            version = None
        handler = str(bundle) if _declares_scheme(info, ZOOM_SCHEME) else None
        return ZoomInstall(str(bundle), version, handler, source)
