"""A status shown as an icon and a word, announced to screen readers once per change."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from readiness.ui.status_style import (
    BadgeState,
    state_description,
    state_pixmap,
    state_word,
)


class StatusBadge(QWidget):
    def __init__(self, parent: QWidget | None = None, size: int = 28):
        super().__init__(parent)
        self._size = size
        self._icon = QLabel(self)
        self._word = QLabel(self)
        font = self._word.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self._word.setFont(font)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._icon)
        layout.addWidget(self._word)
        layout.addStretch(1)
        self.state: BadgeState | None = None
        self.set_state(BadgeState.PENDING)

    def set_state(self, state: BadgeState) -> None:
        if state is self.state:
            return
        self.state = state
        self._draw_icon()
        self._word.setText(state_word(state))
        self.setAccessibleName(self.tr("État : {word}").format(word=state_word(state)))
        self.setAccessibleDescription(state_description(state))

    def _draw_icon(self) -> None:
        assert self.state is not None
        self._icon.setPixmap(state_pixmap(self.state, self._size, self.devicePixelRatioF()))

    def changeEvent(self, event: QEvent) -> None:
        # The system switched between light and dark: the icon's colours follow.
        palette_changed = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)
        if event.type() in palette_changed and self.state is not None:
            self._draw_icon()
        super().changeEvent(event)

    def word(self) -> str:
        return self._word.text()
