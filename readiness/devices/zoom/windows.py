"""Zoom on Windows: the zoommtg class in the registry, and the usual folders."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from readiness.devices.zoom.model import (
    ZOOM_SCHEME,
    ZoomInstall,
)


class Registry(Protocol):
    """Read-only view of the Windows registry; hives are "HKCU", "HKLM", "HKCR"."""

    def value(self, hive: str, key: str, name: str = "") -> str | None: ...

    def subkeys(self, hive: str, key: str) -> list[str]: ...


_HIVE_NAMES = {
    "HKCU": "HKEY_CURRENT_USER",
    "HKLM": "HKEY_LOCAL_MACHINE",
    "HKCR": "HKEY_CLASSES_ROOT",
}


class WinRegistry:
    """The real registry through ``winreg``, imported on first use so other OSes can build it."""

    def _open(self, hive: str, key: str) -> tuple[Any, Any] | None:
        """(winreg module, open key handle), or None when the key or winreg is missing."""
        try:
            import winreg  # only on Windows; imported here so other OSes can build this
        except ImportError:
            return None
        try:
            handle = winreg.OpenKey(getattr(winreg, _HIVE_NAMES[hive]), key)
        except (OSError, KeyError):
            return None
        return winreg, handle

    def value(self, hive: str, key: str, name: str = "") -> str | None:
        opened = self._open(hive, key)
        if opened is None:
            return None
        winreg, handle = opened
        try:
            with handle:
                data, kind = winreg.QueryValueEx(handle, name)
        except OSError:
            return None
        if not isinstance(data, str):
            return None
        # REG_EXPAND_SZ keeps "%APPDATA%" literally; expand it like the shell does.
        return winreg.ExpandEnvironmentStrings(data) if kind == winreg.REG_EXPAND_SZ else data

    def subkeys(self, hive: str, key: str) -> list[str]:
        opened = self._open(hive, key)
        if opened is None:
            return []
        winreg, handle = opened
        names: list[str] = []
        try:
            with handle:
                for index in range(winreg.QueryInfoKey(handle)[0]):
                    names.append(winreg.EnumKey(handle, index))
        except OSError:
            pass  # keep what was read before the key changed or vanished
        return names


_HANDLER_KEYS = (
    ("HKCU", rf"Software\Classes\{ZOOM_SCHEME}\shell\open\command"),
    ("HKCR", rf"{ZOOM_SCHEME}\shell\open\command"),
)
_UNINSTALL_KEYS = (
    ("HKCU", r"Software\Microsoft\Windows\CurrentVersion\Uninstall"),
    ("HKLM", r"Software\Microsoft\Windows\CurrentVersion\Uninstall"),
    # 32-bit installers on 64-bit Windows register here.
    ("HKLM", r"Software\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall"),
)
_PATH_CANDIDATES = (
    ("APPDATA", "appdata"),
    ("ProgramFiles", "program-files"),
    ("ProgramFiles(x86)", "program-files-x86"),
)


def command_executable(command: str) -> str | None:
    """The program of a shell open command, quoted (``"C:\\a b\\Zoom.exe" ...``) or not."""
    command = command.strip()
    if command.startswith('"'):
        end = command.find('"', 1)
        program = command[1:end] if end > 0 else command[1:]
        return program or None
    # Unquoted paths may hold spaces; cut after ".exe" when there is one.
    match = re.match(r"(.+?\.exe)\b", command, re.IGNORECASE)
    if match:
        return match.group(1)
    return command.split()[0] if command else None


@dataclass(frozen=True)
class _UninstallEntry:
    version: str | None
    install_location: str | None


class WindowsZoomFinder:
    """Reads the zoommtg handler and Zoom's uninstall entry, then checks the usual folders."""

    def __init__(self, *, registry: Registry | None = None, env: Mapping[str, str] | None = None):
        self.registry: Registry = registry if registry is not None else WinRegistry()
        self.env: Mapping[str, str] = os.environ if env is None else env

    def find(self) -> ZoomInstall:
        handler = self._handler_command()
        entry = self._uninstall_entry()
        version = entry.version if entry else None
        program = command_executable(handler) if handler else None
        if program:
            return ZoomInstall(program, version, handler, "registry")
        found = self._existing_path()
        if found is not None:
            return ZoomInstall(found[0], version, handler, found[1])
        if entry and entry.install_location:
            return ZoomInstall(entry.install_location, version, handler, "uninstall")
        if handler is not None:
            return ZoomInstall(None, version, handler, "registry")
        if version is not None:
            return ZoomInstall(None, version, None, "uninstall")
        return ZoomInstall()

    def _handler_command(self) -> str | None:
        for hive, key in _HANDLER_KEYS:
            command = self.registry.value(hive, key)
            if command and command.strip():
                return command.strip()
        return None

    def _existing_path(self) -> tuple[str, str] | None:
        for variable, source in _PATH_CANDIDATES:
            base = self.env.get(variable)
            if not base:
                continue
            exe = Path(base) / "Zoom" / "bin" / "Zoom.exe"
            if exe.is_file():
                return str(exe), source
        return None

    def _uninstall_entry(self) -> _UninstallEntry | None:
        for hive, key in _UNINSTALL_KEYS:
            subkey = self._zoom_subkey(hive, key)
            if subkey is not None:
                return _UninstallEntry(
                    self.registry.value(hive, subkey, "DisplayVersion"),
                    self.registry.value(hive, subkey, "InstallLocation") or None,
                )
        return None

    def _zoom_subkey(self, hive: str, key: str) -> str | None:
        names = self.registry.subkeys(hive, key)
        if "ZoomUMX" in names:
            return rf"{key}\ZoomUMX"
        for name in names:
            display_name = self.registry.value(hive, rf"{key}\{name}", "DisplayName")
            if display_name and display_name.startswith("Zoom"):
                return rf"{key}\{name}"
        return None
