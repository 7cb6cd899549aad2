"""« Accessibilité et adaptations »: Zoom's tools, this app's, and whom to ask for more."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from readiness.core.adaptation_request import (
    adaptation_contact,
    is_dedicated,
    request_mailto,
    request_subject,
)
from readiness.core.config import Contact, SessionConfig
from readiness.core.open_outcome import OpenOutcome
from readiness.ui.announce import announce
from readiness.ui.contact_card import ContactCard
from readiness.ui.page import heading_label, paragraph, rich_label
from readiness.ui.services import UrlOpener
from readiness.ui.tasks import TaskRunner

#: About this many characters per line: easy to read, and the width follows the text size.
LINE_CHARS = 75


def _items(lines: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{line}</li>" for line in lines) + "</ul>"


def _key(text: str) -> str:
    return f"<b>{escape(text)}</b>"


class AccessibilityDialog(QDialog):
    def __init__(
        self,
        config: SessionConfig,
        url_opener: UrlOpener,
        tasks: TaskRunner,
        parent: QWidget | None = None,
        *,
        display_name: str = "",
    ):
        super().__init__(parent)
        self._config = config
        self._opener = url_opener
        self._tasks = tasks
        self._display_name = display_name
        self.contact_person: Contact | None = adaptation_contact(config)
        self.setWindowTitle(self.tr("Accessibilité et adaptations"))

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(4, 4, 4, 4)
        column.setSpacing(10)
        column.addWidget(
            paragraph(
                self.tr(
                    "Vous avez un handicap ou un besoin particulier ? Zoom et cette application "
                    "ont des outils pour vous aider, et {organisation} peut adapter la séance "
                    "si vous le demandez à l'avance."
                ).format(organisation=config.organisation)
            )
        )
        self._zoom_section(column)
        self._app_section(column)
        self._request_section(column)
        column.addStretch(1)

        self.scroll = QScrollArea()
        self.scroll.setWidget(content)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # It takes the focus first, to scroll with the arrow keys: say what it holds.
        self.scroll.setAccessibleName(self.tr("Accessibilité et adaptations"))
        self._content = content

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.buttons)

    # --- building -------------------------------------------------------------

    def _section_title(self, text: str) -> QLabel:
        label = heading_label(text, 1.2)
        label.setContentsMargins(0, 8, 0, 0)
        return label

    def _zoom_section(self, column: QVBoxLayout) -> None:
        column.addWidget(self._section_title(self.tr("Pendant la séance, Zoom peut vous aider")))
        tools = [
            self.tr(
                "<b>Sous-titres automatiques</b> : cliquez sur le bouton « Sous-titres » "
                "(ou « CC ») dans la barre du bas de Zoom. S'il n'y est pas, demandez à la "
                "personne qui anime la séance d'activer les sous-titres."
            ),
            self.tr(
                "<b>Transcription</b> : dans le même menu, « Afficher la transcription "
                "intégrale » montre par écrit tout ce qui a été dit."
            ),
            self.tr(
                "<b>Lecteurs d'écran</b> : Zoom fonctionne avec NVDA et JAWS (Windows) et "
                "avec VoiceOver (Mac)."
            ),
        ]
        # Labels keep their text as their name: on the bus it is all a screen reader gets.
        self.zoom_tools = rich_label(_items(tools))
        column.addWidget(self.zoom_tools)
        column.addWidget(paragraph(self.tr("Raccourcis clavier de Zoom :")))
        column.addWidget(self._shortcuts())

    def _shortcuts(self) -> QLabel:
        rows = [
            (self.tr("Couper ou rallumer le micro"), "Alt+A", self.tr("Cmd+Maj+A")),
            (self.tr("Couper ou rallumer la caméra"), "Alt+V", self.tr("Cmd+Maj+V")),
            (self.tr("Lever la main"), "Alt+Y", "Option+Y"),
        ]
        header = "".join(
            f"<th align='left'>{escape(text)}</th>"
            for text in (self.tr("Action"), self.tr("Windows"), self.tr("Mac"))
        )
        body = "".join(
            f"<tr><td>{escape(action)}</td><td>{_key(windows)}</td><td>{_key(mac)}</td></tr>"
            for action, windows, mac in rows
        )
        table = rich_label(
            f"<table cellspacing='0' cellpadding='4' border='1'><tr>{header}</tr>{body}</table>"
        )
        # A table is read cell by cell, without its headings (its name, its own text):
        # each row as a sentence follows, in its description.
        spoken = [
            self.tr("{action} : {windows} sur Windows, {mac} sur Mac.").format(
                action=action, windows=windows, mac=mac
            )
            for action, windows, mac in rows
        ]
        table.setAccessibleDescription(" ".join(spoken))
        self.shortcuts = table
        return table

    def _app_section(self, column: QVBoxLayout) -> None:
        column.addWidget(self._section_title(self.tr("Cette application")))
        lines = [
            self.tr(
                "Elle fonctionne entièrement au clavier : {tab} et {shift_tab} pour passer "
                "d'un élément à l'autre, {enter} ou {space} pour appuyer sur un bouton, "
                "{escape} pour fermer une fenêtre."
            ).format(
                tab=_key(self.tr("Tab")),
                shift_tab=_key(self.tr("Maj+Tab")),
                enter=_key(self.tr("Entrée")),
                space=_key(self.tr("Espace")),
                escape=_key(self.tr("Échap")),
            ),
            escape(self.tr("Elle fonctionne avec les lecteurs d'écran.")),
            escape(
                self.tr(
                    "Le texte suit la taille choisie dans les réglages de votre ordinateur : "
                    "agrandissez-la si besoin."
                )
            ),
        ]
        self.app_help = rich_label(_items(lines))
        column.addWidget(self.app_help)

    def _request_section(self, column: QVBoxLayout) -> None:
        column.addWidget(self._section_title(self.tr("Demander une adaptation avant la séance")))
        contact = self.contact_person
        if contact is not None and is_dedicated(self._config):
            who = self.tr(
                "Besoin d'une adaptation (sous-titres dès le début, documents envoyés à "
                "l'avance, pauses, interprète en langue des signes…) ? Dites-le avant la "
                "séance au référent handicap de {organisation}, qui pourra l'organiser avec vous :"
            ).format(organisation=self._config.organisation)
        elif contact is not None:
            who = self.tr(
                "Besoin d'une adaptation (sous-titres dès le début, documents envoyés à "
                "l'avance, pauses, interprète en langue des signes…) ? Dites-le avant la "
                "séance à {name}, qui pourra l'organiser avec vous :"
            ).format(name=contact.name or self._config.organisation)
        else:
            who = self.tr(
                "Besoin d'une adaptation (sous-titres dès le début, documents envoyés à "
                "l'avance, pauses, interprète en langue des signes…) ? Dites-le à la personne "
                "qui vous a invité à la séance, dès que possible et avant la séance."
            )
        column.addWidget(paragraph(who))

        # Phone only: the one way to reach them, large, and said as what to do.
        self.contact = ContactCard(
            contact or Contact(""),
            self._opener,
            self._tasks,
            fallback_name=self._config.organisation,
            lone_phone=self.tr("Appelez le {link}"),
        )
        self.contact.setVisible(contact is not None)
        column.addWidget(self.contact)

        self.mail_button = QPushButton(self.tr("&Écrire pour demander une adaptation"))
        self.mail_button.clicked.connect(self.write_request)
        self.mail_button.setVisible(self._mailto() is not None)
        self.copy_button = QPushButton(self.tr("Copier l'a&dresse"))
        self.copy_button.clicked.connect(self._copy_address)
        self.copy_button.hide()
        row = QHBoxLayout()
        row.addWidget(self.mail_button)
        row.addWidget(self.copy_button)
        row.addStretch(1)
        column.addLayout(row)

        self.status = paragraph()
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.hide()
        column.addWidget(self.status)

    # --- behaviour ------------------------------------------------------------

    def _mailto(self) -> str | None:
        return request_mailto(self._config, self._display_name)

    def write_request(self) -> None:
        url = self._mailto()
        if url is None:
            return
        opener = self._opener
        self.mail_button.setEnabled(False)
        self._say(self.tr("Ouverture de votre messagerie…"))
        self._tasks.run(lambda: opener.open(url), self._on_opened, self._on_open_error)

    def _on_opened(self, outcome: OpenOutcome) -> None:
        if not outcome.ok:
            self._on_open_error(None)
            return
        self.mail_button.setEnabled(True)
        self.copy_button.hide()
        self._say(
            self.tr(
                "Votre messagerie s'ouvre avec un message prêt. Écrivez votre besoin à "
                "l'endroit prévu, puis envoyez le message."
            )
        )

    def _on_open_error(self, _error: BaseException | None) -> None:
        self.mail_button.setEnabled(True)
        contact = self.contact_person
        assert contact is not None  # the button only shows with an e-mail
        text = self.tr(
            "Votre messagerie n'a pas pu s'ouvrir. Écrivez vous-même à {email}, avec pour "
            "objet « {subject} »."
        ).format(email=contact.email, subject=request_subject(self._config))
        if contact.phone:
            text += " " + self.tr("Vous pouvez aussi appeler le {phone}.").format(
                phone=contact.phone
            )
        self.copy_button.setText(self.tr("Copier l'a&dresse"))
        self.copy_button.show()
        self._say(text)

    def _copy_address(self) -> None:
        if self.contact_person is not None:
            QGuiApplication.clipboard().setText(self.contact_person.email)
            self.copy_button.setText(self.tr("✓ Adresse copiée"))

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))
        announce(self.status, text)
        # Once laid out, bring it into view: at large text sizes it may be below the fold.
        QTimer.singleShot(0, self, lambda: self.scroll.ensureWidgetVisible(self.status))

    # --- size -----------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.property("sized"):
            self.setProperty("sized", True)
            self.resize(self._fitting_size())

    def _fitting_size(self) -> QSize:
        """Wide enough for comfortable lines, tall enough for everything, never bigger
        than the screen: at large text sizes the content scrolls instead."""
        chars = self.fontMetrics().horizontalAdvance("n" * LINE_CHARS)
        screen = self.screen().availableGeometry() if self.screen() else None
        width = chars if screen is None else min(chars, int(screen.width() * 0.9))
        margins = self.layout().contentsMargins()
        inner = width - margins.left() - margins.right()
        content = self._content.layout()
        height = (
            content.totalHeightForWidth(inner)
            + self.buttons.sizeHint().height()
            + self.layout().spacing()
            + margins.top()
            + margins.bottom()
        )
        if screen is not None:
            height = min(height, int(screen.height() * 0.9))
        return QSize(width, height)


def open_accessibility_dialog(
    parent: QWidget,
    config: SessionConfig,
    url_opener: UrlOpener,
    tasks: TaskRunner,
    display_name: str = "",
) -> AccessibilityDialog:
    """Opens the dialog over ``parent`` (window-modal, not blocking), the one already
    made for it if any: what was typed or copied there is still there."""
    dialog = parent.findChild(AccessibilityDialog)
    if dialog is None:
        dialog = AccessibilityDialog(config, url_opener, tasks, parent, display_name=display_name)
    dialog.open()
    return dialog
