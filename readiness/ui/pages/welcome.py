"""« Bienvenue »: what will happen, how long it takes, and when the session starts."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from readiness.core.config import SessionConfig
from readiness.core.i18n import language
from readiness.core.session_time import countdown_text
from readiness.ui.page import Page, paragraph
from readiness.ui.preferences import Preferences

if TYPE_CHECKING:
    from readiness.ui.accessibility_dialog import AccessibilityDialog
    from readiness.ui.services import UrlOpener
    from readiness.ui.tasks import TaskRunner


#: The logo's room at the top of the page (logical pixels): recognisable, never
#: pushing the welcome text off a small screen at 200 % text.
LOGO_BOX = QSize(360, 96)


class WelcomePage(Page):
    step_id = "welcome"
    #: The user asked for the interface in this language ("fr" or "en").
    language_requested = Signal(str)

    def __init__(
        self,
        config: SessionConfig,
        step_titles: list[str],
        preferences: Preferences,
        parent: QWidget | None = None,
        *,
        url_opener: UrlOpener,
        tasks: TaskRunner,
    ):
        super().__init__(
            self.tr("Bienvenue"),
            self.tr(
                "Quelques minutes avant votre séance avec {organisation}, vérifions ensemble "
                "que tout est prêt. Cela prend environ 5 minutes et rien n'est enregistré."
            ).format(organisation=config.organisation),
            parent,
        )
        self._config = config
        self._preferences = preferences
        self._url_opener = url_opener
        self._tasks = tasks
        self.accessibility_dialog: AccessibilityDialog | None = None
        self._fixed_start = config.session_start  # the organisation's, when it gives one
        self.logo = self._logo(config)
        self.countdown = paragraph()
        font = self.countdown.font()
        font.setBold(True)
        self.countdown.setFont(font)  # its text is its name, in step with the time
        self.time_button = QPushButton(self.tr("Indiquer l'&heure de ma séance"))
        self.time_button.clicked.connect(self._choose_time)
        self.time_button.setVisible(self._fixed_start is None)
        self.time_edit = None
        self._time_row = QHBoxLayout()
        self._time_row.addWidget(self.time_button)
        self._time_row.addStretch(1)
        self.language_button = self._language_button()
        self._time_row.addWidget(self.language_button)
        self.body.addWidget(self.countdown)
        self.body.addLayout(self._time_row)
        self._timer = QTimer(self)
        self._timer.setInterval(20_000)
        self._timer.timeout.connect(self.refresh_countdown)
        self._timer.start()
        self.refresh_countdown()
        # Plain text, not an HTML list: the first page must show fast.
        steps = "\n".join(f"    {n}. {title}" for n, title in enumerate(step_titles, start=1))
        self.steps = paragraph(self.tr("Nous allons voir ensemble :") + "\n" + steps)
        self.body.addWidget(self.steps)
        self.body.addWidget(
            paragraph(
                self.tr(
                    "Besoin d'une adaptation (sous-titres, lecteur d'écran…) ? Voyez ce que "
                    "Zoom propose et qui prévenir avant la séance :"
                )
            )
        )
        self.accessibility_button = QPushButton(self.tr("Accessibilité et a&daptations"))
        self.accessibility_button.clicked.connect(self.show_accessibility)
        row = QHBoxLayout()
        row.addWidget(self.accessibility_button)
        row.addStretch(1)
        self.body.addLayout(row)
        self.body.addWidget(
            paragraph(
                self.tr(
                    "Installez-vous dans un endroit calme et bien éclairé. À chaque étape, "
                    "nous vous disons ce qui va bien et quoi faire sinon. "
                    "Cliquez sur « Suivant » pour commencer."
                )
            )
        )
        self.body.addStretch(1)

    def _logo(self, config: SessionConfig) -> QLabel | None:
        """The organisation's logo above the title, when its session file has one."""
        if config.logo is None:
            return None
        from readiness.ui.branding import logo_pixmap  # only with a logo

        pixmap = logo_pixmap(config.logo, LOGO_BOX, self.devicePixelRatioF())
        if pixmap is None:
            return None  # said in the log; the app refuses such a file at start
        label = QLabel()
        label.setPixmap(pixmap)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # An image has no text: its description is what a screen reader says of it.
        label.setAccessibleDescription(
            self.tr("Logo de {organisation}").format(organisation=config.organisation)
        )
        self.body.insertWidget(0, label)
        return label

    def _language_button(self) -> QPushButton:
        """The other language, named in itself ("English", "Français"), as language
        pickers do: whoever needs it must be able to read it. Its accessible name is
        that word, as seen (speech input says what it sees); the description explains."""
        if language() == "en":
            button = QPushButton("Français")
            button.setAccessibleDescription(self.tr("Afficher l'application en français"))
            other = "fr"
        else:
            button = QPushButton("English")
            button.setAccessibleDescription(self.tr("Afficher l'application en anglais"))
            other = "en"
        button.setProperty("language_name", True)  # a name, in its own language
        button.clicked.connect(lambda: self.language_requested.emit(other))
        return button

    def start(self) -> datetime | None:
        return self._fixed_start or self._preferences.session_start

    def refresh_countdown(self, now: datetime | None = None) -> None:
        start = self.start()
        text = countdown_text(start, now or datetime.now()) if start else ""
        self.countdown.setText(text)
        self.countdown.setVisible(bool(text))

    def show_accessibility(self) -> None:
        # Imported on click: the welcome page is built at start-up, the dialog rarely.
        from readiness.ui.accessibility_dialog import open_accessibility_dialog

        self.accessibility_dialog = open_accessibility_dialog(
            self, self._config, self._url_opener, self._tasks, self._preferences.display_name
        )

    def _choose_time(self) -> None:
        from PySide6.QtWidgets import QDateTimeEdit  # only when asked for

        if self.time_edit is None:
            proposal = self.start() or (datetime.now() + timedelta(hours=1)).replace(
                minute=0, second=0, microsecond=0
            )
            self.time_edit = QDateTimeEdit(proposal)
            self.time_edit.setCalendarPopup(True)
            self.time_edit.setDisplayFormat("dd/MM/yyyy HH:mm")
            self.time_edit.setAccessibleName(self.tr("Date et heure de la séance"))
            self.time_edit.dateTimeChanged.connect(self._time_chosen)
            self._time_row.insertWidget(1, self.time_edit)
            self._time_chosen()
        self.time_edit.setFocus()

    def _time_chosen(self, *_args) -> None:
        assert self.time_edit is not None
        self._preferences.session_start = self.time_edit.dateTime().toPython()
        self.refresh_countdown()
