"""What the app remembers between runs (the display name, device choices)."""

from __future__ import annotations

from contextlib import suppress
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QSettings

from readiness.user_dirs import PRIVATE_FILE, private_file, private_folder, tighten


class Preferences:
    """A thin, typed face on QSettings; tests give it a settings file of their own."""

    def __init__(self, settings: QSettings):
        self._settings = settings
        # An ini file (the only format used here; elsewhere fileName() may name a registry
        # key). It names the person: readable by them only (0600) from its first write, as
        # Qt keeps the permissions of the file it rewrites.
        ini = settings.format() == QSettings.Format.IniFormat
        self._file = Path(settings.fileName()) if ini else None
        if self._file is not None:
            # A read-only home: QSettings then keeps the values for this run only.
            with suppress(OSError):
                private_file(self._file)

    @classmethod
    def for_user(cls) -> Preferences:
        settings = QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, "readiness", "readiness"
        )
        with suppress(OSError):
            private_folder(Path(settings.fileName()).parent)  # our own folder: 0700
        return cls(settings)

    def _sync(self) -> None:
        self._settings.sync()
        if self._file is not None:
            tighten(self._file, PRIVATE_FILE)  # had its folder been missing, Qt made it

    def _text(self, key: str) -> str:
        value = self._settings.value(key, "")
        return value if isinstance(value, str) else ""

    @property
    def display_name(self) -> str:
        return self._text("join/display_name")

    @display_name.setter
    def display_name(self, value: str) -> None:
        self._settings.setValue("join/display_name", value)
        self._sync()

    @property
    def watch_during_session(self) -> bool:
        value = self._settings.value("session/watch", "true")
        return str(value).lower() != "false"

    @watch_during_session.setter
    def watch_during_session(self, value: bool) -> None:
        self._settings.setValue("session/watch", "true" if value else "false")
        self._sync()

    @property
    def session_start(self) -> datetime | None:
        """The session time the user typed in the app, if any."""
        try:
            return datetime.fromisoformat(self._text("session/start"))
        except ValueError:
            return None

    @session_start.setter
    def session_start(self, value: datetime | None) -> None:
        self._settings.setValue("session/start", value.isoformat() if value else "")
        self._sync()

    @property
    def language(self) -> str:
        """The interface language the user chose in the app ("" if never chosen)."""
        return self._text("interface/language")

    @language.setter
    def language(self, value: str) -> None:
        self._settings.setValue("interface/language", value)
        self._sync()

    def device(self, kind: str) -> str:
        """The camera, input or output device the user picked last ("" if none)."""
        return self._text(f"devices/{kind}")

    def set_device(self, kind: str, value: str) -> None:
        self._settings.setValue(f"devices/{kind}", value)
        self._sync()
