"""Fakes for what cannot exist on this Linux test machine.

There is no Windows registry and no macOS ``/Applications`` here, so these stand in
for them. Everything that does exist on Linux (xdg-mime, files, subprocesses) is used
for real in the tests instead.
"""

from __future__ import annotations

import plistlib
from collections.abc import Mapping
from pathlib import Path


class FakeWindowsRegistry:
    """Dict-backed stand-in for the Windows registry (the ``Registry`` protocol).

    ``keys`` maps ``(hive, key path)`` to that key's values by name; ``""`` is the
    key's default value. Parent keys exist implicitly, as in the real registry.
    """

    def __init__(self, keys: Mapping[tuple[str, str], Mapping[str, str]] | None = None):
        # Key paths are case-insensitive in the registry; keep the original spelling too.
        self._keys: dict[tuple[str, str], tuple[str, dict[str, str]]] = {}
        for (hive, key), values in (keys or {}).items():
            for name, value in values.items():
                self.set(hive, key, name, value)

    def set(self, hive: str, key: str, name: str, value: str) -> None:
        self._keys.setdefault((hive, key.lower()), (key, {}))[1][name] = value

    def value(self, hive: str, key: str, name: str = "") -> str | None:
        _, values = self._keys.get((hive, key.lower()), (key, {}))
        return next((v for n, v in values.items() if n.lower() == name.lower()), None)

    def subkeys(self, hive: str, key: str) -> list[str]:
        prefix = key.lower() + "\\"
        names = {
            original[len(prefix) :].split("\\")[0]
            for (key_hive, lowered), (original, _) in self._keys.items()
            if key_hive == hive and lowered.startswith(prefix)
        }
        return sorted(names)


def make_fake_mac_zoom_bundle(
    root: Path, version: str | None, declares_scheme: bool = True
) -> Path:
    """A minimal ``zoom.us.app`` under ``root/Applications`` with a real Info.plist."""
    bundle = root / "Applications" / "zoom.us.app"
    (bundle / "Contents" / "MacOS").mkdir(parents=True)
    (bundle / "Contents" / "MacOS" / "zoom.us").write_bytes(b"")
    info: dict[str, object] = {"CFBundleIdentifier": "us.zoom.xos", "CFBundleName": "zoom.us"}
    if version is not None:
        info["CFBundleShortVersionString"] = version
    if declares_scheme:
        info["CFBundleURLTypes"] = [
            {"CFBundleURLName": "Zoom Launcher", "CFBundleURLSchemes": ["zoommtg", "zoomus"]}
        ]
    with (bundle / "Contents" / "Info.plist").open("wb") as stream:
        plistlib.dump(info, stream)
    return bundle
