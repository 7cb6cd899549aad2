"""What a screen reader is told, heard where Qt hands it over.

The tests listen at ``QAccessible.updateAccessibility``, which the app calls for real;
``tests/test_screen_reader.py`` hears the same on the real AT-SPI bus. The fixture
``heard`` is loaded for every test by conftest.py.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAccessible


class Heard:
    """The announcements Qt was asked to pass on to a screen reader."""

    def __init__(self) -> None:
        self.said: list[tuple[str, QAccessible.AnnouncementPoliteness]] = []

    def __call__(self, event) -> None:
        if event.type() == QAccessible.Event.Announcement:
            self.said.append((event.message(), event.politeness()))

    def texts(self) -> list[str]:
        return [text for text, _ in self.said]


@pytest.fixture
def heard(monkeypatch: pytest.MonkeyPatch) -> Heard:
    listener = Heard()
    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(listener))
    return listener
