"""The known applications that compete with a session, read from ``known_apps.toml``."""

from __future__ import annotations

import fnmatch
import sys
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REASONS = ("cpu", "memory", "bandwidth", "camera_or_microphone")

_OS_KEYS = {"win32": "windows", "darwin": "macos"}


def os_key(platform: str = sys.platform) -> str:
    return _OS_KEYS.get(platform, "linux")


@dataclass(frozen=True)
class KnownApp:
    name: str
    category: str
    reason: str  # "bandwidth" or "camera_or_microphone"
    patterns: tuple[str, ...]  # for this OS
    advice: Mapping[str, str]  # language -> text


@dataclass(frozen=True)
class KnownApps:
    apps: tuple[KnownApp, ...]
    protected: tuple[str, ...]  # process-name patterns never offered for closing

    def match(self, process_name: str) -> KnownApp | None:
        return next((app for app in self.apps if _matches(process_name, app.patterns)), None)

    def is_protected(self, process_name: str) -> bool:
        return _matches(process_name, self.protected)


def _matches(name: str, patterns: Sequence[str]) -> bool:
    lowered = name.lower()
    return any(fnmatch.fnmatchcase(lowered, pattern.lower()) for pattern in patterns)


class KnownAppsError(ValueError):
    """The data file is malformed: a packaging bug, reported with the file and the entry."""


def parse_known_apps(data: Mapping[str, Any], platform: str = sys.platform) -> KnownApps:
    key = os_key(platform)
    categories = data.get("categories", {})
    apps = []
    for index, entry in enumerate(data.get("app", [])):
        name = entry.get("name")
        category = categories.get(entry.get("category"))
        if not isinstance(name, str) or not isinstance(category, Mapping):
            raise KnownAppsError(f"app #{index + 1}: needs a name and a known category")
        reason = category.get("reason")
        if reason not in REASONS:
            raise KnownAppsError(f"category {entry.get('category')}: unknown reason {reason!r}")
        patterns = entry.get(key, [])
        advice = entry.get("advice") or category.get("advice") or {}
        if not isinstance(patterns, list) or not isinstance(advice, Mapping):
            raise KnownAppsError(f"app {name}: {key} must be a list and advice a table")
        apps.append(KnownApp(name, entry["category"], reason, tuple(patterns), dict(advice)))
    protected = data.get("protected", {}).get(key, [])
    return KnownApps(tuple(apps), tuple(protected))


def load_known_apps(path: Path | None = None, platform: str = sys.platform) -> KnownApps:
    if path is None:
        from readiness.resources import resource

        path = resource("known_apps.toml")
    with path.open("rb") as stream:
        data = tomllib.load(stream)
    try:
        return parse_known_apps(data, platform)
    except KnownAppsError as error:
        raise KnownAppsError(f"{path}: {error}") from None
