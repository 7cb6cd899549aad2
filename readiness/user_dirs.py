"""Where this app keeps per-user files, following each OS's convention.

Written out rather than taken from platformdirs: that library alone took longer
to import (about 14 ms) than the whole of this module's job, on a start-up
budget measured in tens of milliseconds.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR_NAME = "readiness"


def _home() -> Path:
    return Path(os.environ.get("HOME") or Path.home())


def user_config_dir(platform: str = sys.platform) -> Path:
    """Windows: %APPDATA%\\readiness; macOS: ~/Library/Application Support/readiness;
    elsewhere: $XDG_CONFIG_HOME/readiness (default ~/.config/readiness)."""
    if platform == "win32":
        base = os.environ.get("APPDATA") or str(_home() / "AppData" / "Roaming")
        return Path(base) / APP_DIR_NAME
    if platform == "darwin":
        return _home() / "Library" / "Application Support" / APP_DIR_NAME
    base = os.environ.get("XDG_CONFIG_HOME") or str(_home() / ".config")
    return Path(base) / APP_DIR_NAME


def user_log_dir(platform: str = sys.platform) -> Path:
    """Windows: %LOCALAPPDATA%\\readiness\\Logs; macOS: ~/Library/Logs/readiness;
    elsewhere: $XDG_STATE_HOME/readiness/log (default ~/.local/state/readiness/log)."""
    if platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(_home() / "AppData" / "Local")
        return Path(base) / APP_DIR_NAME / "Logs"
    if platform == "darwin":
        return _home() / "Library" / "Logs" / APP_DIR_NAME
    base = os.environ.get("XDG_STATE_HOME") or str(_home() / ".local" / "state")
    return Path(base) / APP_DIR_NAME / "log"
