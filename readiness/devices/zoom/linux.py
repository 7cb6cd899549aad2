"""Zoom on Linux: /opt, flatpak, snap, and the handler that xdg-mime names."""

from __future__ import annotations

import os
import re
import shlex
from collections.abc import Iterator, Mapping
from pathlib import Path
from xml.etree import ElementTree

from readiness.devices.zoom.model import (
    FLATPAK_APP_ID,
    ZOOM_SCHEME,
    Runner,
    ZoomInstall,
    read_text_or_none,
    run_command,
    under_root,
)


def _first_line(text: str) -> str | None:
    return next((line.strip() for line in text.splitlines() if line.strip()), None)


def _snap_version(snap_yaml: str) -> str | None:
    # snap.yaml's top-level "version:" is one plain line; no YAML library needed for it.
    match = re.search(r"^version:\s*(.+?)\s*$", snap_yaml, re.MULTILINE)
    return match.group(1).strip("'\"") if match else None


def _metainfo_version(path: Path) -> str | None:
    """The newest ``<release version=...>`` of an AppStream file (flatpaks ship one)."""
    try:
        tree = ElementTree.parse(path)
    except (OSError, ElementTree.ParseError):
        return None
    release = tree.getroot().find("releases/release")
    return release.get("version") if release is not None else None


def _desktop_entry_exec(text: str) -> str | None:
    """The ``Exec=`` value of the ``[Desktop Entry]`` group (actions have their own)."""
    in_entry = False
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("["):
            in_entry = line == "[Desktop Entry]"
        elif in_entry and line.startswith("Exec="):
            return line.removeprefix("Exec=").strip() or None
    return None


def _exec_program(exec_value: str) -> str | None:
    """The program of an Exec line; field codes such as ``%U`` only come after it."""
    try:
        words = shlex.split(exec_value)
    except ValueError:  # unbalanced quotes: a plain split is the best guess
        words = exec_value.split()
    return words[0] if words else None


class LinuxZoomFinder:
    """Looks in the usual install places, and asks ``xdg-mime`` who handles zoommtg://."""

    def __init__(
        self,
        *,
        root: Path = Path("/"),
        home: Path | None = None,
        env: Mapping[str, str] | None = None,
        run: Runner = run_command,
        timeout_s: float = 5.0,
    ):
        self.root = root
        self.env: Mapping[str, str] = os.environ if env is None else env
        self.home = home if home is not None else Path(self.env.get("HOME") or Path.home())
        self._run = run
        self.timeout_s = timeout_s

    def find(self) -> ZoomInstall:
        handler = self._query_handler()
        install = next(self._installs(), None)
        if install is not None:
            location, version, source = install
            return ZoomInstall(location, version, handler, source)
        desktop_program = self._desktop_file_program(handler) if handler else None
        if desktop_program is not None:
            return ZoomInstall(desktop_program, None, handler, "desktop-file")
        if handler is not None:
            return ZoomInstall(None, None, handler, "xdg-mime")
        return ZoomInstall()

    def _query_handler(self) -> str | None:
        argv = ["xdg-mime", "query", "default", f"x-scheme-handler/{ZOOM_SCHEME}"]
        output = self._run(argv, self.timeout_s, self.env)
        return (output or "").strip() or None

    def _installs(self) -> Iterator[tuple[str, str | None, str]]:
        """(location, version, source) of each install found, best-known first."""
        opt_binary = under_root(self.root, "/opt/zoom/zoom")
        if opt_binary.is_file():
            text = read_text_or_none(opt_binary.parent / "version.txt")
            yield str(opt_binary), _first_line(text) if text else None, "opt"
        for flatpak in (
            under_root(self.root, f"/var/lib/flatpak/app/{FLATPAK_APP_ID}"),
            self.home / ".local/share/flatpak/app" / FLATPAK_APP_ID,
        ):
            if flatpak.is_dir():
                yield str(flatpak), self._flatpak_version(flatpak), "flatpak"
        snap = under_root(self.root, "/snap/zoom-client/current")
        if snap.is_dir():
            text = read_text_or_none(snap / "meta/snap.yaml")
            yield str(snap), _snap_version(text) if text else None, "snap"

    @staticmethod
    def _flatpak_version(app_dir: Path) -> str | None:
        # The flatpak metadata file has no version; the app's AppStream file does.
        share = app_dir / "current/active/files/share"
        for candidate in (
            share / f"metainfo/{FLATPAK_APP_ID}.metainfo.xml",
            share / f"appdata/{FLATPAK_APP_ID}.appdata.xml",
        ):
            if candidate.is_file():
                return _metainfo_version(candidate)
        return None

    def _application_dirs(self) -> list[Path]:
        data_home = self.env.get("XDG_DATA_HOME")
        data_dirs = self.env.get("XDG_DATA_DIRS") or "/usr/local/share:/usr/share"
        first = Path(data_home) if data_home else self.home / ".local/share"
        rest = [under_root(self.root, entry) for entry in data_dirs.split(":") if entry]
        return [directory / "applications" for directory in [first, *rest]]

    def _desktop_file_program(self, desktop_name: str) -> str | None:
        if not desktop_name.endswith(".desktop"):
            return None
        for directory in self._application_dirs():
            text = read_text_or_none(directory / desktop_name)
            if text is None:
                continue
            exec_value = _desktop_entry_exec(text)
            return _exec_program(exec_value) if exec_value else None
        return None
