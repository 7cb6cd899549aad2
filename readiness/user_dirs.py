"""Where this app keeps per-user files, following each OS's convention, readable by
their owner only.

Written out rather than taken from platformdirs: that library alone took longer
to import (about 14 ms) than the whole of this module's job, on a start-up
budget measured in tens of milliseconds.
"""

from __future__ import annotations

import os
import stat
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


# The log and the settings name the person (and the log may hold a meeting's details):
# readable by their owner only. POSIX permissions only: on Windows the folders under the
# user's profile are already private to them, and chmod there can only set "read-only".
PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600


def private_folder(folder: Path) -> Path:
    """``folder``, made if missing. The app's own folders on the way (from the last one
    named ``readiness`` down, or ``folder`` alone) are created 0700 and tightened to it if
    looser; the folders above are the system's and left as they are. Raises OSError."""
    parts = folder.parts
    ours = [i for i, part in enumerate(parts) if part == APP_DIR_NAME]
    start = ours[-1] if ours else len(parts) - 1
    Path(*parts[:start]).mkdir(parents=True, exist_ok=True)
    for end in range(start + 1, len(parts) + 1):
        current = Path(*parts[:end])
        try:
            # Private from the start: no moment when another user could open it.
            current.mkdir(mode=PRIVATE_FOLDER)
            _set_mode(current, PRIVATE_FOLDER)  # a umask can only have removed bits
        except FileExistsError:
            if not current.is_dir():
                raise NotADirectoryError(f"not a folder: {current}") from None
            tighten(current, PRIVATE_FOLDER)
    return folder


def private_file(path: Path) -> Path:
    """``path``, created empty and 0600 if missing (its content is kept otherwise), and
    tightened to 0600 if looser. Raises OSError."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        if path.is_dir():
            raise IsADirectoryError(f"a folder, not a file: {path}") from None
        tighten(path, PRIVATE_FILE)
        return path
    os.close(descriptor)
    _set_mode(path, PRIVATE_FILE)  # whatever the umask: read and write for its owner
    return path


def tighten(path: Path, mode: int) -> None:
    """Takes from ``path`` the permissions ``mode`` does not give; never adds any.
    Quietly does nothing where it cannot (someone else's file, Windows)."""
    if os.name != "posix":
        return
    try:
        current = stat.S_IMODE(path.stat().st_mode)
        if current & ~mode:
            path.chmod(current & mode)
    except OSError:
        pass  # not ours to change: the rest of the app must still work


def _set_mode(path: Path, mode: int) -> None:
    if os.name == "posix":
        path.chmod(mode)
