"""Told at start when the run before ended abruptly: not the person's fault, and what helps.

It never blocks: the window is already usable behind it, and « Continuer » closes it.
The log's folder can be opened, or the consultant written to (the mail app cannot
attach a file through a link, so the mail says where the file is).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QVBoxLayout, QWidget

from readiness.core.contact import mailto_url
from readiness.core.open_outcome import OpenOutcome
from readiness.ui.page import heading_label, paragraph
from readiness.ui.services import Services
from readiness.ui.tasks import TaskRunner


class CrashNotice(QDialog):
    def __init__(
        self,
        services: Services,
        tasks: TaskRunner,
        log_path: Path,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._services = services
        self._tasks = tasks
        self._log_path = log_path
        self.setWindowTitle(self.tr("L'application s'était fermée"))
        title = heading_label(
            self.tr("La dernière fois, l'application s'est fermée brusquement"), 1.3
        )
        text = self.tr(
            "Vous n'y êtes pour rien, et vous pouvez continuer normalement. "
            "Si cela se reproduit, envoyez le journal de l'application à {name} : "
            "il contient les détails qui aident à corriger le problème."
        ).format(name=services.config.support.name)
        # Their text is their name (on the bus, all a screen reader gets), kept in step.
        self.explanation = paragraph(text)
        where = self.tr("Le journal est ici : {path}").format(path=log_path)
        self.location = paragraph(where)
        self.location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = paragraph()
        self.status.hide()

        buttons = QDialogButtonBox(self)
        self.folder_button = QPushButton(self.tr("&Ouvrir le dossier du journal"))
        self.folder_button.clicked.connect(self.open_folder)
        buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.mail_button: QPushButton | None = None
        if services.config.support.email:
            self.mail_button = QPushButton(self.tr("&Écrire à mon consultant"))
            self.mail_button.clicked.connect(self.write_mail)
            buttons.addButton(self.mail_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.continue_button = QPushButton(self.tr("&Continuer"))
        self.continue_button.setDefault(True)
        self.continue_button.clicked.connect(self.accept)
        buttons.addButton(self.continue_button, QDialogButtonBox.ButtonRole.AcceptRole)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.explanation)
        layout.addWidget(self.location)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def mail_url(self) -> str:
        subject = self.tr("Préparer ma séance : fermeture inattendue")
        body = self.tr(
            "Bonjour,\n\nL'application « Préparer ma séance » s'est fermée brusquement. "
            "Je joins son journal, qui se trouve ici :\n{path}\n\nMerci."
        ).format(path=self._log_path)
        return mailto_url(self._services.config.support.email, subject=subject, body=body)

    def open_folder(self) -> None:
        self._open(QUrl.fromLocalFile(str(self._log_path.parent)).toString())

    def write_mail(self) -> None:
        self._open(self.mail_url())

    def _open(self, url: str) -> None:
        opener = self._services.url_opener
        self._tasks.run(lambda: opener.open(url), self._on_opened, lambda _e: self._failed())

    def _on_opened(self, outcome: OpenOutcome) -> None:
        if not outcome.ok:
            self._failed()

    def _failed(self) -> None:
        text = self.tr(
            "Cela n'a pas pu s'ouvrir sur cet ordinateur. Le chemin ci-dessus peut être "
            "sélectionné et copié."
        )
        self.status.setText(text)
        self.status.show()
