"""« Besoin d'aide ? »: whom to call, and what to do when the session drops."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from readiness.ui.help_text import contact_html, interruption_rule
from readiness.ui.link_label import LinkLabel
from readiness.ui.page import paragraph
from readiness.ui.services import Services
from readiness.ui.tasks import TaskRunner


class HelpDialog(QDialog):
    def __init__(self, services: Services, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        config = services.config
        self.setWindowTitle(self.tr("Besoin d'aide ?"))
        intro = QLabel(
            self.tr("Un souci avec votre ordinateur ou la connexion ? Vous pouvez joindre :")
        )
        intro.setWordWrap(True)
        self.contact = LinkLabel(contact_html(config), services.url_opener, tasks, self)
        self.contact.setAccessibleName(self.tr("Contact d'assistance"))
        rule = paragraph(interruption_rule(config))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.contact)
        layout.addSpacing(8)
        layout.addWidget(rule)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
