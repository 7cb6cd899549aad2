"""« Bilan »: every check at a glance, the verdict, what to do next, and the report."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from readiness.core.measure_text import labelled_measures, measure_line
from readiness.core.result import CheckResult, Status, Verdict, verdict, verdict_title
from readiness.core.screen_sharing import sharing_in_results
from readiness.core.stability_text import line_sentences
from readiness.ui import card
from readiness.ui.check_controller import CheckController
from readiness.ui.main_button import MainButton
from readiness.ui.page import Page, heading_label, paragraph
from readiness.ui.report_actions import ReportActions
from readiness.ui.room_checklist_view import RoomChecklistView
from readiness.ui.services import Services
from readiness.ui.status_badge import StatusBadge
from readiness.ui.status_style import BadgeState

#: The verdict's sentence, this many times the body's size.
VERDICT_SCALE = 1.9
_VERDICT_STATE = {
    Verdict.READY: BadgeState.OK,
    Verdict.WARNINGS: BadgeState.WARNING,
    Verdict.NOT_READY: BadgeState.FAILED,
}


class CheckRow(card.Card):
    def __init__(self, result: CheckResult, running: bool, parent: QWidget | None = None):
        state = BadgeState.RUNNING if running else BadgeState.of(result.status)
        super().__init__(parent, None if running else state)
        self.check_id = result.check_id
        self.badge = StatusBadge(self, size=22)
        self.badge.set_state(state)
        self.title = QLabel(f"<b>{escape(result.title)}</b>")
        lines = [result.summary]
        measures = " · ".join(
            measure_line(label, value) for label, value in labelled_measures(dict(result.measures))
        )
        if measures:
            lines.append(measures)
        # The line's stability and the call's expected quality: sentences of their own.
        lines += [measure_line(label, text) for label, text in line_sentences(result.measures)]
        if result.status is not Status.OK:
            lines += [f"→ {advice}" for advice in result.advice]
        self.details = paragraph("\n".join(lines))
        self.check_button = QPushButton(self.tr("Vérifier"))
        self.check_button.setAccessibleName(
            self.tr("Vérifier : {title}").format(title=result.title)
        )
        self.check_button.setVisible(result.status is Status.SKIPPED and not running)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.title)
        text.addWidget(self.details)
        row = QHBoxLayout(self)
        row.setContentsMargins(*card.MARGINS)
        row.setSpacing(12)
        row.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(text, 1)
        row.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignTop)


class SummaryPage(Page):
    step_id = "summary"
    #: (check id) « Vérifier »: the window shows that step's page, which checks again.
    check_requested = Signal(str)
    #: « Rejoindre la séance »: the window shows the join page.
    join_requested = Signal()

    def __init__(
        self,
        services: Services,
        controller: CheckController,
        report: ReportActions,
        parent: QWidget | None = None,
    ):
        super().__init__(
            self.tr("Bilan"),
            self.tr("Voici où vous en êtes. Vous pouvez garder une trace de ces vérifications."),
            parent,
        )
        self._services = services
        self._controller = controller
        self._report = report
        # The verdict first, large, in a card of its colour, with the way on when
        # nothing fails: as Meet's, Zoom's and Teams' screens before a call.
        self.verdict_card = card.Card(self)
        self.verdict_badge = StatusBadge(self.verdict_card, size=32)
        self.verdict_title = heading_label("", VERDICT_SCALE)
        self.next_step = paragraph()
        self.join_button = MainButton(self.tr("&Rejoindre la séance"))
        self.join_button.clicked.connect(self.join_requested)
        self.rows_area = QVBoxLayout()
        self.rows_area.setSpacing(10)
        self.rows: list[CheckRow] = []
        self.sharing = paragraph()  # do the line and the system allow screen sharing?
        # The run's checklist, kept in the services: a new window (another language)
        # shows it ticked, and the report says it.
        self.room_view = RoomChecklistView(services.room)

        self.save_button = QPushButton(self.tr("&Enregistrer le rapport"))
        self.save_button.clicked.connect(self.choose_and_save)
        self.mail_button = QPushButton(self.tr("Envoyer à &mon consultant"))
        self.mail_button.clicked.connect(report.send_mail)
        self.mail_button.setVisible(bool(services.config.support.email))
        self.report_status = paragraph(
            self.tr(
                "Le rapport ne contient aucune image de la caméra ni aucun son. Un e-mail ne "
                "peut pas joindre le "
                "fichier tout seul : enregistrez d'abord le rapport, puis joignez-le au message."
            )
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.mail_button)
        buttons.addStretch(1)

        verdict_row = QHBoxLayout()
        verdict_row.addWidget(self.verdict_badge, 0)
        verdict_row.addWidget(self.verdict_title, 1)
        join_row = QHBoxLayout()
        join_row.addWidget(self.join_button)
        join_row.addStretch(1)
        hero = QVBoxLayout(self.verdict_card)
        hero.setContentsMargins(24, 20, 24, 22)
        hero.setSpacing(12)
        hero.addLayout(verdict_row)
        hero.addWidget(self.next_step)
        hero.addLayout(join_row)
        self.body.addWidget(self.verdict_card)
        self.body.addLayout(self.rows_area)
        self.body.addWidget(self.sharing)
        self.body.addWidget(self.room_view)
        self.body.addLayout(buttons)
        self.body.addWidget(self.report_status)
        self.body.addStretch(1)
        self.verdict_badge.hide()  # the title says it in words; the badge would repeat it

        controller.finished.connect(self._refresh)
        controller.started.connect(self._refresh)
        self._refresh()

    def entered(self) -> None:
        self._refresh()

    def _refresh(self, *_args) -> None:
        results = self._report.results()
        checked = [r for r in results if r.status is not Status.SKIPPED]
        overall = verdict(checked)
        self.verdict_title.setText(verdict_title(overall))  # its name follows
        self.verdict_card.set_tint(_VERDICT_STATE[overall])
        self.join_button.setVisible(overall is not Verdict.NOT_READY)
        self.next_step.setText(self._next_step(overall, len(checked) < len(results)))
        self.sharing.setText(sharing_in_results(results))
        while self.rows_area.count():
            item = self.rows_area.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.rows = []
        for result in results:
            row = CheckRow(result, self._controller.is_running(result.check_id))
            row.check_button.clicked.connect(
                lambda _=False, check_id=result.check_id: self.check_requested.emit(check_id)
            )
            self.rows.append(row)
            self.rows_area.addWidget(row)

    def _next_step(self, overall: Verdict, some_unchecked: bool) -> str:
        support = self._services.config.support
        if overall is Verdict.NOT_READY:
            text = self.tr("Corrigez le problème indiqué ci-dessous, puis vérifiez à nouveau.")
            if support.phone:
                text += " " + self.tr("Si vous n'y arrivez pas, appelez {name} au {phone}.").format(
                    name=support.name, phone=support.phone
                )
            elif support.email:
                text += " " + self.tr(
                    "Si vous n'y arrivez pas, écrivez à {name} : {email}."
                ).format(name=support.name, email=support.email)
        elif overall is Verdict.WARNINGS:
            text = self.tr(
                "Vous pouvez rejoindre la séance. Si vous le pouvez, améliorez d'abord les "
                "points ci-dessous."
            )
        else:
            text = self.tr("Vous pouvez rejoindre la séance : cliquez sur « Suivant ».")
        if some_unchecked:
            text += " " + self.tr("Certaines vérifications n'ont pas encore été faites.")
        return text

    def choose_and_save(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Enregistrer le rapport"),
            str(self._report.default_path()),
            self.tr("Rapport PDF (*.pdf)"),
        )
        if path:
            self.save(Path(path))

    def save(self, path: Path) -> None:
        try:
            saved = self._report.save_to(path)
        except OSError:
            self.report_status.setText(
                self.tr(
                    "Le rapport n'a pas pu être enregistré ici. Choisissez un autre dossier, "
                    "par exemple Documents."
                )
            )
            return
        self.report_status.setText(
            self.tr(
                "Rapport enregistré : {pdf} (et sa version JSON à côté). Pour l'envoyer, "
                "cliquez sur « Envoyer à mon consultant » et joignez ce fichier au message."
            ).format(pdf=saved)
        )
