"""What the app remembers between runs (the display name, device choices)."""

from __future__ import annotations

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

    def device(self, kind: str) -> str:
        """The camera, input or output device the user picked last ("" if none)."""
        return self._text(f"devices/{kind}")

    def set_device(self, kind: str, value: str) -> None:
        self._settings.setValue(f"devices/{kind}", value)
        self._settings.sync()
