"""The list of steps on the left, each with its status icon and word.

It lies on the window's own colour, without a frame, beside the page's sheet (the
theme's field colour): its rows are drawn in the window's text colour to match.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPalette, QPixmap
from PySide6.QtWidgets import QFrame, QListWidget, QListWidgetItem, QWidget

from readiness.ui.borrowed_colors import Borrowed, BorrowsColors
from readiness.ui.status_style import (
    BadgeState,
    state_description,
    state_icon,
    state_word,
)
from readiness.ui.step_delegate import StepDelegate

STEP_ID_ROLE = Qt.ItemDataRole.UserRole
#: Room around the steps (left, top, right, bottom).
MARGINS = (10, 16, 10, 10)


def _blank_icon() -> QIcon:
    pixmap = QPixmap(24, 24)
    pixmap.fill(Qt.GlobalColor.transparent)
    return QIcon(pixmap)


class StepSidebar(BorrowsColors, QListWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(self.tr("Étapes"))
        self.setIconSize(QSize(24, 24))
        self.setSpacing(2)
        # Large text: titles wrap rather than vanish under a scroll bar or an ellipsis.
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(160)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setViewportMargins(*MARGINS)
        self.setItemDelegate(StepDelegate(self))
        self._titles: dict[str, str] = {}
        self._states: dict[str, BadgeState | None] = {}
        self._texts_version = 0
        self._width_for: tuple | None = None
        self._width = 0
        #: The selection's text colour when the accent replaces the theme's selection.
        self._backdrop: str | None = None
        #: The accent's (fill, text) for the selected step; None: the theme's selection.
        self._selection: tuple[QColor, QColor] | None = None
        self.retint()

    def sizeHint(self) -> QSize:
        """As wide as the longest title or status word, in the current font."""
        # Layouts ask often: measured again only when a text or the font changed.
        key = (self._texts_version, self.font().key())
        if self._width_for != key:
            metrics = self.fontMetrics()
            lines = [line for r in range(self.count()) for line in self.item(r).text().split("\n")]
            text = max((metrics.horizontalAdvance(line) for line in lines), default=150)
            chrome = self.iconSize().width() + 6 * self.spacing() + MARGINS[0] + MARGINS[2] + 28
            self._width, self._width_for = text + chrome, key
        # Any height: the list takes the window's (its vertical policy is Expanding).
        return QSize(self._width, 200)

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
        self._texts_version += 1
        item = self._item(step_id)
        title = self._titles[step_id]
        if state is None:
            item.setText(title)
            item.setIcon(_blank_icon())  # keeps titles aligned with the badged ones
            item.setData(Qt.ItemDataRole.AccessibleTextRole, title)
        else:
            word = state_word(state)
            item.setText(f"{title}\n{word}")
            item.setIcon(self._icon(state))
            accessible = self.tr("{title} : {word}").format(title=title, word=word)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, accessible)
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, state_description(state))

    def redraw_icons(self) -> None:
        """In the palette's colours, after it changed (the app calls this: an override
        of changeEvent() would run for every event, and slow the first show)."""
        for step_id, state in self._states.items():
            if state is not None:
                self._item(step_id).setIcon(self._icon(state))

    def set_selection_colors(self, fill: QColor, text: QColor) -> None:
        """The selected step in the organisation's accent colour (readiness.ui.branding
        has made the pair readable), its icons redrawn on a disc of the text's colour."""
        self._selection = (QColor(fill), QColor(text))
        self.retint()
        self._backdrop = text.name()
        self.redraw_icons()

    def borrowed_roles(self) -> Borrowed:
        """The window's colours on the rows, as they come down from the window now (light
        or dark), with the accent's selection when there is one."""
        role = QPalette.ColorRole
        roles: dict = {role.Base: role.Window, role.Text: role.WindowText}
        if self._selection is not None:
            roles[role.Highlight], roles[role.HighlightedText] = self._selection
        return roles

    def _icon(self, state: BadgeState) -> QIcon:
        return state_icon(state, self._backdrop)  # None: the theme's own selection

    def state(self, step_id: str) -> BadgeState | None:
        return self._states[step_id]

    def step_at(self, row: int) -> str:
        return self.item(row).data(STEP_ID_ROLE)
