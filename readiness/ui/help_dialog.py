"""« Besoin d'aide ? »: whom to call, and what to do when the session drops."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from readiness.ui.contact_card import ContactCard
from readiness.ui.help_text import interruption_rule
from readiness.ui.page import paragraph
from readiness.ui.services import Services
from readiness.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from readiness.ui.accessibility_dialog import AccessibilityDialog


class HelpDialog(QDialog):
    def __init__(self, services: Services, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._tasks = tasks
        self.accessibility_dialog: AccessibilityDialog | None = None
        config = services.config
        self.setWindowTitle(self.tr("Besoin d'aide ?"))
        intro = paragraph(
            self.tr("Un souci avec votre ordinateur ou la connexion ? Vous pouvez joindre :")
        )
        # The name as text, the phone and the e-mail as buttons named with them: each is
        # read, and Tab reaches each one.
        self.contact = ContactCard(config.support, services.url_opener, tasks)
        rule = paragraph(interruption_rule(config))
        self.accessibility_button = QPushButton(self.tr("Accessibilité et a&daptations"))
        self.accessibility_button.clicked.connect(self.show_accessibility)
        accessibility = QHBoxLayout()
        accessibility.addWidget(self.accessibility_button)
        accessibility.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.contact)
        layout.addSpacing(8)
        layout.addWidget(rule)
        layout.addSpacing(8)
        layout.addWidget(
            paragraph(self.tr("Besoin d'une adaptation (sous-titres, lecteur d'écran…) ?"))
        )
        layout.addLayout(accessibility)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def show_accessibility(self) -> None:
        from readiness.ui.accessibility_dialog import open_accessibility_dialog

        services = self._services
        self.accessibility_dialog = open_accessibility_dialog(
            self,
            services.config,
            services.url_opener,
            self._tasks,
            services.preferences.display_name,
        )
