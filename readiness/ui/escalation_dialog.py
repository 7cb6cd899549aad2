"""Shown when the line has been down longer than the guide allows: whom to call, in large type."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from readiness.ui.contact_card import ContactCard
from readiness.ui.page import heading_label, paragraph
from readiness.ui.services import Services
from readiness.ui.tasks import TaskRunner


class EscalationDialog(QDialog):
    def __init__(self, services: Services, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        config = services.config
        self.setWindowTitle(self.tr("La connexion ne revient pas"))
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint)
        title = heading_label(
            self.tr("La coupure dure depuis plus de {minutes} minutes").format(
                minutes=config.escalate_after_minutes
            ),
            1.4,
        )
        advice = paragraph(
            self.tr(
                "Prévenez {name} dès maintenant. Gardez cette fenêtre : nous vous dirons quand "
                "la connexion revient."
            ).format(name=config.support.name)
        )
        # The number to call is a button named « Téléphone : … »: read, and reached by Tab.
        self.contact = ContactCard(config.support, services.url_opener, tasks)
        font = self.contact.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        self.contact.setFont(font)  # its labels and buttons follow
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(advice)
        layout.addWidget(self.contact)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
