"""« Rejoindre la séance »: meeting ID and passcode, the display name, and the join button."""

from __future__ import annotations

from datetime import datetime
from html import escape

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from readiness.core.display_name import name_advice, name_problem, normalize_name
from readiness.core.open_outcome import OpenOutcome
from readiness.core.runner import run_check
from readiness.core.zoom_links import app_join_url, web_join_url
from readiness.ui.card import Card
from readiness.ui.check_controller import CheckController
from readiness.ui.contact_card import ContactCard
from readiness.ui.help_text import interruption_rule
from readiness.ui.main_button import MainButton
from readiness.ui.page import Page, enlarge, paragraph, rich_label
from readiness.ui.qr_code import QrCodeWidget
from readiness.ui.services import Services
from readiness.ui.tasks import TaskRunner
from readiness.ui.value_label import ValueLabel
from readiness.ui.wrapping_row import WrappingRow

FEEDBACK_MS = 4000


class JoinPage(Page):
    step_id = "join"
    #: "app" or "web", emitted when the meeting link was handed to the system.
    joined = Signal(str)

    def __init__(
        self,
        services: Services,
        controller: CheckController,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ):
        super().__init__(
            self.tr("Rejoindre la séance"),
            self.tr(
                "Voici les informations de votre réunion. Écrivez votre prénom et votre nom, "
                "puis cliquez sur « Rejoindre la réunion Zoom »."
            ),
            parent,
        )
        self._services = services
        self._config = services.config
        self._controller = controller
        self._tasks = tasks
        self.joined_at: datetime | None = None
        self.last_url: str | None = None  # what was opened, to reopen after a cut

        columns = QHBoxLayout()
        columns.setSpacing(24)
        left = QVBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(self._qr_section())
        left.addWidget(self._meeting_card())
        left.addLayout(self._name_section())
        left.addLayout(self._join_section())
        left.addStretch(1)
        self.body.addLayout(columns)
        self.body.addWidget(self._rules_section())
        self.body.addStretch(1)

        self.name_edit.setText(services.preferences.display_name)
        self._on_name_edited(self.name_edit.text())
        controller.finished.connect(self._on_check_finished)
        self._update_mode_text()

    # --- building -------------------------------------------------------------

    def _meeting_card(self) -> Card:
        card = Card()
        # The identifier and the passcode side by side, or one under the other.
        row = WrappingRow(card)
        row.setContentsMargins(16, 12, 16, 12)
        row.setSpacing(16)
        id_title = self.tr("Identifiant de réunion")
        code_title = self.tr("Code d'accès")
        # Each value's name says its title too: « Code d'accès : … ».
        self.meeting_id_label = self._big_value(id_title, self._config.meeting_id_grouped)
        self.passcode_label = self._big_value(code_title, self._config.passcode)
        self.copy_id_button = QPushButton(self.tr("Copier l'&identifiant"))
        self.copy_id_button.clicked.connect(self._copy_id)
        self.copy_passcode_button = QPushButton(self.tr("Copier le &code"))
        self.copy_passcode_button.clicked.connect(self._copy_passcode)
        for title, value, button in (
            (id_title, self.meeting_id_label, self.copy_id_button),
            (code_title, self.passcode_label, self.copy_passcode_button),
        ):
            block = QVBoxLayout()
            block.addWidget(QLabel(title))
            block.addWidget(value)
            block.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
            block.addStretch(1)
            row.addLayout(block)
        return card

    def _big_value(self, title: str, text: str) -> ValueLabel:
        label = ValueLabel(title, text)
        enlarge(label, 1.8)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _name_section(self) -> QVBoxLayout:
        section = QVBoxLayout()
        section.setSpacing(4)
        label = QLabel(self.tr("Votre &nom dans Zoom (prénom et nom) :"))
        label.setWordWrap(True)  # at large text, beside the QR code
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("Par exemple : Mélissa Brunet"))
        self.name_edit.setMaxLength(80)
        self.name_edit.setClearButtonEnabled(True)
        # Its name is its label's text, as seen ("label in name"); the example is read
        # as its description.
        label.setBuddy(self.name_edit)
        self.name_hint = paragraph()  # its text is its name, in step with the advice
        self.name_edit.textChanged.connect(self._on_name_edited)
        self.name_edit.returnPressed.connect(self._join_default)
        section.addWidget(label)
        section.addWidget(self.name_edit)
        section.addWidget(self.name_hint)
        return section

    def _join_section(self) -> QVBoxLayout:
        section = QVBoxLayout()
        # The page's one main action, in the accent's colour (or the selection's).
        self.join_button = MainButton(self.tr("&Rejoindre la réunion Zoom"), scale=1.0)
        self.join_button.setDefault(True)
        self.join_button.setMinimumHeight(44)
        self.join_button.clicked.connect(self._join_default)
        self.web_button = QPushButton(self.tr("Ouvrir plutôt dans le &navigateur"))
        self.web_button.clicked.connect(self._join_web)
        buttons = QHBoxLayout()
        buttons.addWidget(self.join_button, 2)
        buttons.addWidget(self.web_button, 1)
        self.mode_text = paragraph()
        self.join_status = paragraph()  # its text is its name, in step with what it says
        self.watch_box = QCheckBox(
            self.tr("Pendant la séance, me prévenir si la connexion est coupée")
        )
        self.watch_box.setChecked(self._services.preferences.watch_during_session)
        self.watch_box.toggled.connect(self._remember_watch)
        section.addLayout(buttons)
        section.addWidget(self.mode_text)
        section.addWidget(self.watch_box)
        section.addWidget(self.join_status)
        self.join_status.hide()
        return section

    def _remember_watch(self, checked: bool) -> None:
        self._services.preferences.watch_during_session = checked

    def _qr_section(self) -> QVBoxLayout:
        section = QVBoxLayout()
        self.qr_code = QrCodeWidget(side=150)
        self.qr_code.setAccessibleName(self.tr("Code QR du lien de la réunion"))
        caption = paragraph(
            self.tr(
                "Plan B : scannez ce code avec votre téléphone ou votre tablette pour "
                "rejoindre depuis l'application Zoom mobile."
            )
        )
        caption.setMaximumWidth(220)
        section.addWidget(self.qr_code, 0, Qt.AlignmentFlag.AlignHCenter)
        section.addWidget(caption)
        section.addStretch(1)
        return section

    def _rules_section(self) -> QWidget:
        rules = [
            self.tr("Gardez votre caméra allumée."),
            self.tr("Coupez votre micro quand vous ne parlez pas."),
            self.tr("Aucun enregistrement sans l'accord écrit de tous les participants."),
        ]
        items = "".join(f"<li>{escape(rule)}</li>" for rule in rules)
        heading = escape(self.tr("Pendant la séance"))
        # Labels keep their text as their name: the rules and the contact's name are read
        # (on the bus, a label's name is all a screen reader gets); the phone and the
        # e-mail are buttons named with them, each reached by Tab.
        during = rich_label(f"<b>{heading}</b><ul>{items}</ul>")
        heading = escape(self.tr("En cas de coupure"))
        self.trouble_label = rich_label(
            f"<b>{heading}</b><p>{escape(interruption_rule(self._config))}</p>"
        )
        self.contact = ContactCard(self._config.support, self._services.url_opener, self._tasks)
        trouble = QVBoxLayout()
        trouble.addWidget(self.trouble_label)
        trouble.addWidget(self.contact)
        trouble.addStretch(1)
        box = Card()
        row = WrappingRow(box)
        row.setContentsMargins(16, 8, 16, 8)
        row.setSpacing(24)
        row.addWidget(during, 1, Qt.AlignmentFlag.AlignTop)
        row.addLayout(trouble, 1)
        return box

    # --- behaviour ------------------------------------------------------------

    def entered(self) -> None:
        if not self.qr_code.text:  # built on first visit: the QR library is slow to import
            self.qr_code.set_text(web_join_url(self._config.meeting_id))

    def _copy(self, text: str, button: QPushButton, feedback: str) -> None:
        """Copy, and say so on the button itself for a few seconds."""
        QGuiApplication.clipboard().setText(text)
        label = button.property("idle_text") or button.text()
        button.setProperty("idle_text", label)  # a second click must not keep the feedback
        # The text is the button's name: a screen reader hears the feedback while it
        # shows, never after (Qt tells the bus of each change).
        button.setText(feedback)
        QTimer.singleShot(FEEDBACK_MS, button, lambda: button.setText(label))

    def _copy_id(self) -> None:
        self._copy(self._config.meeting_id, self.copy_id_button, self.tr("✓ Identifiant copié"))

    def _copy_passcode(self) -> None:
        self._copy(self._config.passcode, self.copy_passcode_button, self.tr("✓ Code copié"))

    def display_name(self) -> str:
        return normalize_name(self.name_edit.text())

    def _on_name_edited(self, _text: str) -> None:
        problem = name_problem(self.display_name())
        valid = problem is None
        self.join_button.setEnabled(valid)
        self.web_button.setEnabled(valid)
        if valid:
            self.name_hint.setText(self.tr("Parfait : c'est ce nom que verront les participants."))
        else:
            self.name_hint.setText(name_advice(problem))

    def _handler_known(self) -> bool | None:
        result = self._controller.result("zoom")
        if result is None:
            return None
        return bool(result.measures.get("handler_registered"))

    def _on_check_finished(self, result) -> None:
        if result.check_id == "zoom":
            self._update_mode_text()

    def _update_mode_text(self) -> None:
        handler = self._handler_known()
        # Without the app, the main button already opens the browser.
        self.web_button.setVisible(handler is not False)
        if handler is False:
            self.mode_text.setText(
                self.tr(
                    "L'application Zoom n'est pas installée : la réunion s'ouvrira dans votre "
                    "navigateur, et le code d'accès sera copié pour que vous le colliez."
                )
            )
        elif handler:
            self.mode_text.setText(self.tr("La réunion s'ouvrira dans l'application Zoom."))
        else:
            self.mode_text.setText("")

    def _join_default(self) -> None:
        if self.join_button.isEnabled():
            self._join(force_web=False)

    def _join_web(self) -> None:
        self._join(force_web=True)

    def _join(self, *, force_web: bool) -> None:
        name = self.display_name()
        if name_problem(name) is not None:
            return
        self._services.preferences.display_name = name
        self.join_button.setEnabled(False)
        self.web_button.setEnabled(False)
        self._say(self.tr("Ouverture de la réunion…"))
        known = self._handler_known()
        has_zoom = "zoom" in self._controller.check_ids
        config, opener = self._config, self._services.url_opener

        def work() -> tuple[str, str, OpenOutcome]:
            handler = known
            if handler is None and has_zoom and not force_web:
                # Still unknown: ask now, off the GUI thread.
                handler = bool(
                    run_check(self._controller.check("zoom")).measures.get("handler_registered")
                )
            if handler and not force_web:
                url = app_join_url(config.meeting_id, config.passcode, name)
                return "app", url, opener.open(url)
            url = web_join_url(config.meeting_id)
            return "web", url, opener.open(url)

        self._tasks.run(work, self._on_opened, self._on_open_error)

    def _say(self, text: str) -> None:
        self.join_status.setText(text)
        self.join_status.setVisible(bool(text))

    def _on_opened(self, outcome: tuple[str, str, OpenOutcome]) -> None:
        mode, url, result = outcome
        self._on_name_edited(self.name_edit.text())
        if not result.ok:
            self._on_open_error(None)
            return
        self.joined_at = datetime.now().astimezone()
        self.last_url = url
        if mode == "web":
            QGuiApplication.clipboard().setText(self._config.passcode)
            self._say(
                self.tr(
                    "La réunion s'ouvre dans votre navigateur. Le code d'accès « {code} » est "
                    "copié : collez-le (Ctrl+V) quand Zoom vous le demande."
                ).format(code=self._config.passcode)
            )
        else:
            self._say(self.tr("Zoom s'ouvre. Bonne séance ! Vous pouvez fermer cette fenêtre."))
        self.joined.emit(mode)

    def _on_open_error(self, _error: BaseException | None) -> None:
        self._on_name_edited(self.name_edit.text())
        self._say(
            self.tr(
                "Le lien n'a pas pu s'ouvrir. Ouvrez Zoom vous-même, choisissez « Rejoindre » "
                "et saisissez l'identifiant et le code d'accès ci-dessus."
            )
        )
