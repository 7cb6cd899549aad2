"""Shows a check's result in a card tinted by its status: badge, one-line summary and
the advice to act on, with a button to the privacy settings when the system may be
refusing the device (``privacy_button``)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from readiness.core.privacy_settings import MEASURE_KEY
from readiness.core.result import CheckResult, Status
from readiness.ui import card
from readiness.ui.announce import announce
from readiness.ui.page import paragraph
from readiness.ui.privacy_button import PrivacyButton
from readiness.ui.status_badge import StatusBadge
from readiness.ui.status_style import BadgeState

if TYPE_CHECKING:
    from readiness.ui.services import UrlOpener
    from readiness.ui.tasks import TaskRunner


class CheckResultView(card.Card):
    def __init__(self, parent: QWidget | None = None, *, platform: str = sys.platform):
        super().__init__(parent)
        self.badge = StatusBadge(self)
        self.summary = paragraph()
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.summary.setFont(font)
        self.advice = paragraph()  # read as it is: its name is its text
        self.privacy_button = PrivacyButton(self, platform=platform)
        self.setAccessibleName(self.tr("Résultat"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*card.MARGINS)
        layout.setSpacing(8)
        layout.addWidget(self.badge)
        layout.addWidget(self.summary)
        layout.addWidget(self.advice)
        layout.addWidget(self.privacy_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.show_pending()

    def set_link_opening(self, opener: UrlOpener, tasks: TaskRunner) -> None:
        """The opener and tasks the privacy button uses (else the window's)."""
        self.privacy_button.set_link_opening(opener, tasks)

    def _set_state(self, state: BadgeState) -> None:
        self.badge.set_state(state)
        self.set_tint(None if state in (BadgeState.PENDING, BadgeState.RUNNING) else state)

    def show_pending(self) -> None:
        self._set_state(BadgeState.PENDING)
        self.summary.setText("")
        self.advice.hide()
        self.privacy_button.offer(None)
        self.setAccessibleDescription(self.badge.accessibleDescription())

    def show_running(self, text: str) -> None:
        self._set_state(BadgeState.RUNNING)
        self.summary.setText(text)
        self.advice.hide()
        self.privacy_button.offer(None)
        self.setAccessibleDescription(text)

    def show_result(self, result: CheckResult) -> None:
        shown = (self.badge.state, self.summary.text())
        self._set_state(BadgeState.of(result.status))
        self.summary.setText(result.summary)
        self.advice.setText("\n".join(f"→ {line}" for line in result.advice))
        self.advice.setVisible(bool(result.advice))
        self.privacy_button.offer(result.measures.get(MEASURE_KEY))
        self.setAccessibleDescription(result.summary)
        if (self.badge.state, result.summary) != shown and self.isVisible():
            # Once per new result; a page shown later reads it like any other text.
            announce(
                self,
                self.tr("{status} : {summary}").format(
                    status=self.badge.word(), summary=result.summary
                ),
                urgent=result.status is Status.FAILED,
            )
