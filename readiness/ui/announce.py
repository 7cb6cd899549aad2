"""Telling a screen reader something once: a check's new status, the meter's new word.

Labels that change are not read again by screen readers on their own; an
announcement is (NVDA, JAWS, VoiceOver, Orca through Qt 6.8's announcement event).
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget


def announce(widget: QWidget, text: str, *, urgent: bool = False) -> None:
    """Said once, politely (after what is being read) unless ``urgent``."""
    if not text:
        return
    event = QAccessibleAnnouncementEvent(widget, text)
    politeness = QAccessible.AnnouncementPoliteness
    event.setPoliteness(politeness.Assertive if urgent else politeness.Polite)
    QAccessible.updateAccessibility(event)
