"""The list of steps on the left, each with its status icon and word."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from readiness.ui.status_style import BadgeState, is_palette_change, state_icon, state_word

STEP_ID_ROLE = Qt.ItemDataRole.UserRole


def _blank_icon() -> QIcon:
    pixmap = QPixmap(24, 24)
    pixmap.fill(Qt.GlobalColor.transparent)
    return QIcon(pixmap)


class StepSidebar(QListWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(self.tr("Étapes"))
        self.setIconSize(QSize(24, 24))
        self.setSpacing(2)
        self.setMinimumWidth(210)
        self.setMaximumWidth(280)
        self._titles: dict[str, str] = {}
        self._states: dict[str, BadgeState | None] = {}

    def add_step(self, step_id: str, title: str, state: BadgeState | None) -> None:
        item = QListWidgetItem()
        item.setData(STEP_ID_ROLE, step_id)
        self.addItem(item)
        self._titles[step_id] = title
        self.set_state(step_id, state)

    def _item(self, step_id: str) -> QListWidgetItem:
        for row in range(self.count()):
            item = self.item(row)
            if item.data(STEP_ID_ROLE) == step_id:
                return item
        raise KeyError(step_id)

    def set_state(self, step_id: str, state: BadgeState | None) -> None:
        """``None`` for steps without a status (welcome, join)."""
        self._states[step_id] = state
        item = self._item(step_id)
        title = self._titles[step_id]
        if state is None:
            item.setText(title)
            item.setIcon(_blank_icon())  # keeps titles aligned with the badged ones
            item.setData(Qt.ItemDataRole.AccessibleTextRole, title)
        else:
            word = state_word(state)
            item.setText(f"{title}\n{word}")
            item.setIcon(state_icon(state))
            accessible = self.tr("{title} : {word}").format(title=title, word=word)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, accessible)

    def changeEvent(self, event: QEvent) -> None:
        # The system switched between light and dark: the icons' colours follow.
        if is_palette_change(event):
            for step_id, state in self._states.items():
                if state is not None:
                    self._item(step_id).setIcon(state_icon(state))
        super().changeEvent(event)

    def state(self, step_id: str) -> BadgeState | None:
        return self._states[step_id]

    def step_at(self, row: int) -> str:
        return self.item(row).data(STEP_ID_ROLE)
