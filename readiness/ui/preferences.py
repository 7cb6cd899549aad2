"""What the app remembers between runs (the display name, device choices)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QSettings


class Preferences:
    """A thin, typed face on QSettings; tests give it a settings file of their own."""

    def __init__(self, settings: QSettings):
        self._settings = settings

    @classmethod
    def for_user(cls) -> Preferences:
        return cls(
            QSettings(
                QSettings.Format.IniFormat, QSettings.Scope.UserScope, "readiness", "readiness"
            )
        )

    def _text(self, key: str) -> str:
        value = self._settings.value(key, "")
        return value if isinstance(value, str) else ""

    @property
    def display_name(self) -> str:
        return self._text("join/display_name")

    @display_name.setter
    def display_name(self, value: str) -> None:
        self._settings.setValue("join/display_name", value)
        self._settings.sync()

    @property
    def watch_during_session(self) -> bool:
        value = self._settings.value("session/watch", "true")
        return str(value).lower() != "false"

    @watch_during_session.setter
    def watch_during_session(self, value: bool) -> None:
        self._settings.setValue("session/watch", "true" if value else "false")
        self._settings.sync()

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
        self._settings.sync()

    @property
    def language(self) -> str:
        """The interface language the user chose in the app ("" if never chosen)."""
        return self._text("interface/language")

    @language.setter
    def language(self, value: str) -> None:
        self._settings.setValue("interface/language", value)
        self._settings.sync()

    def device(self, kind: str) -> str:
        """The camera, input or output device the user picked last ("" if none)."""
        return self._text(f"devices/{kind}")

    def set_device(self, kind: str, value: str) -> None:
        self._settings.setValue(f"devices/{kind}", value)
        self._settings.sync()
