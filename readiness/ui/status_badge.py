"""A status shown as an icon and a word, announced to screen readers once per change."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from readiness.ui.status_style import BadgeState, state_pixmap, state_word


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
        self._icon.setPixmap(state_pixmap(state, self._size, self.devicePixelRatioF()))
        self._word.setText(state_word(state))
        self.setAccessibleName(self.tr("État : {word}").format(word=state_word(state)))

    def word(self) -> str:
        return self._word.text()
