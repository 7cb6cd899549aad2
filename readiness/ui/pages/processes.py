"""« Applications ouvertes »: what competes with the session, and closing it with consent."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from readiness.checks.processes import app_advice_line
from readiness.checks.processes_flow import (
    CloseAnswered,
    CloseOutcome,
    ProcessesFlow,
    ProcessesScanned,
    ProcessesScanning,
    ProcessesUnreadable,
)
from readiness.core.heavy_apps import HeavyProcess
from readiness.core.i18n import decimal, pick
from readiness.ui.card import Card
from readiness.ui.check_result_view import CheckResultView
from readiness.ui.flow_runner import FlowRunner
from readiness.ui.page import Page, heading_label, paragraph
from readiness.ui.page_context import PageContext

CHECK_ID = "processes"
REASON_ORDER = ("camera_or_microphone", "bandwidth", "cpu", "memory")


@dataclass
class AppEntry:
    """One application as the user sees it: all its processes with the same reason."""

    app: str
    reason: str
    advice: dict[str, str]
    processes: list[HeavyProcess] = field(default_factory=list)

    @property
    def closable_targets(self) -> list[tuple[int, float]]:
        return [(p.pid, p.create_time) for p in self.processes if p.closable]

    @property
    def cpu_percent(self) -> float:
        return round(sum(p.cpu_percent for p in self.processes), 1)

    @property
    def memory_mb(self) -> float:
        return round(sum(p.memory_mb for p in self.processes))


def group_entries(heavy: tuple[HeavyProcess, ...]) -> list[AppEntry]:
    entries: dict[tuple[str, str], AppEntry] = {}
    for process in heavy:
        key = (process.reason, process.app)
        entry = entries.setdefault(key, AppEntry(process.app, process.reason, process.advice))
        entry.processes.append(process)
    return sorted(entries.values(), key=lambda e: (REASON_ORDER.index(e.reason), -e.cpu_percent))


class AppRow(Card):
    """An application in the list, with its « Fermer » button when we may close it."""

    def __init__(self, entry: AppEntry, parent: QWidget | None = None):
        super().__init__(parent)
        self.entry = entry
        # A process's own name, shown as written (plain text), in bold.
        name = heading_label(entry.app, 1.0)
        details = self.tr("processeur {cpu} % · mémoire {memory} Mo").format(
            cpu=_number(entry.cpu_percent), memory=_number(entry.memory_mb)
        )
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(name)
        text.addWidget(paragraph(details))
        if entry.advice:
            text.addWidget(paragraph(pick(entry.advice)))
        self.status = paragraph()
        self.status.hide()
        text.addWidget(self.status)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 12, 8)
        row.addLayout(text, 1)
        self.close_button: QPushButton | None = None
        if entry.closable_targets:
            self.close_button = QPushButton(self.tr("Fermer"))
            self.close_button.setAccessibleName(self.tr("Fermer {app}").format(app=entry.app))
            row.addWidget(self.close_button)
        else:
            self.say(self.tr("Cette application n'est pas à vous ou fait partie du système."))

    def say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))


class ProcessesPage(Page):
    step_id = CHECK_ID

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(
            context.controller.check(CHECK_ID).title(),
            self.tr(
                "Certaines applications ralentissent l'ordinateur ou utilisent votre connexion. "
                "Nous regardons ce qui est ouvert en ce moment. Rien n'est fermé sans votre "
                "accord."
            ),
            parent,
        )
        self._controller = context.controller
        self._kit = context.services.kit
        self._scanning = False
        #: Runs the step's flow: a newer scan replaces one still running, whose list
        #: may show what was just closed.
        self.runner = FlowRunner(self)
        self.runner.updated.connect(self._on_update)
        self._flow: ProcessesFlow | None = None
        self.result_view = CheckResultView(self)
        self.list_area = QVBoxLayout()
        self.list_area.setSpacing(8)
        self.rows: list[AppRow] = []
        self.rescan_button = QPushButton(self.tr("&Vérifier à nouveau"))
        self.rescan_button.clicked.connect(self.scan)
        browser_note = paragraph(
            self.tr(
                "Une réunion ouverte dans un onglet du navigateur ne se voit pas d'ici : "
                "fermez cet onglet vous-même."
            )
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.rescan_button)
        buttons.addStretch(1)
        self.body.addWidget(self.result_view)
        self.body.addLayout(self.list_area)
        self.body.addWidget(browser_note)
        self.body.addLayout(buttons)
        self.body.addStretch(1)

    def entered(self) -> None:
        if self._controller.result(CHECK_ID) is None and not self._scanning:
            self.scan()

    def measure_early(self) -> None:
        if not self._scanning:
            self.scan()

    def check_again(self) -> None:
        self.scan()

    # --- scanning -------------------------------------------------------------

    def scan(self) -> None:
        """Looks again; a scan still running is cancelled and its list never shown."""
        self._show_scanning()
        self._flow = ProcessesFlow(self._kit)
        self.runner.start(self._flow)

    def _on_update(self, update: object) -> None:
        if isinstance(update, ProcessesScanning):
            self._show_scanning()  # the flow looks again after closing an application
        elif isinstance(update, ProcessesScanned):
            self._on_scanned(update)
        elif isinstance(update, ProcessesUnreadable):
            self._on_scan_error()
        elif isinstance(update, CloseAnswered):
            self._on_closed(update)

    def _show_scanning(self) -> None:
        if self._scanning:
            return
        self._scanning = True
        self.rescan_button.setEnabled(False)
        self.result_view.show_running(self.tr("Recherche des applications ouvertes…"))
        self._controller.announce(CHECK_ID)

    def _on_scanned(self, report: ProcessesScanned) -> None:
        self._scanning = False
        self.rescan_button.setEnabled(True)
        # Each application's own advice is shown on its row, not twice.
        own = tuple(app_advice_line(h.app, "") for h in report.heavy)
        general = tuple(line for line in report.result.advice if not line.startswith(own))
        self.result_view.show_result(replace(report.result, advice=general))
        self._show_entries(group_entries(report.heavy))
        self._controller.record(report.result)

    def _on_scan_error(self) -> None:
        self._scanning = False
        self.rescan_button.setEnabled(True)
        self.result_view.show_pending()
        self.result_view.summary.setText(
            self.tr("La liste des applications n'a pas pu être lue. Réessayez dans un instant.")
        )

    def _show_entries(self, entries: list[AppEntry]) -> None:
        while self.list_area.count():
            item = self.list_area.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.rows = []
        current_reason = None
        for entry in entries:
            if entry.reason != current_reason:
                current_reason = entry.reason
                self.list_area.addWidget(heading_label(self._reason_title(entry.reason), 1.15))
            row = AppRow(entry)
            if row.close_button is not None:
                row.close_button.clicked.connect(lambda _=False, r=row: self.ask_to_close(r))
            self.rows.append(row)
            self.list_area.addWidget(row)

    def _reason_title(self, reason: str) -> str:
        titles = {
            "camera_or_microphone": self.tr("Peut bloquer la caméra ou le micro"),
            "bandwidth": self.tr("Peut utiliser votre connexion"),
            "cpu": self.tr("Utilise beaucoup le processeur"),
            "memory": self.tr("Utilise beaucoup de mémoire"),
        }
        return titles[reason]

    # --- closing --------------------------------------------------------------

    def ask_to_close(self, row: AppRow) -> None:
        app = row.entry.app
        if self._confirm(
            self.tr("Fermer « {app} » ?").format(app=app),
            self.tr(
                "Si vous y avez un travail en cours, enregistrez-le d'abord dans {app}."
            ).format(app=app),
            self.tr("Fermer"),
        ):
            self._close(row, force=False)

    def _confirm(self, text: str, informative: str, accept: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Fermer une application"), text)
        box.setTextFormat(Qt.TextFormat.PlainText)  # names a process: shown as written
        box.setInformativeText(informative)
        yes = box.addButton(accept, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Annuler"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(box.buttons()[-1])  # a stray Enter keeps the application open
        box.exec()
        return box.clickedButton() is yes

    def _close(self, row: AppRow, *, force: bool) -> None:
        assert row.close_button is not None and self._flow is not None
        row.close_button.setEnabled(False)
        row.say(self.tr("Fermeture en cours…"))
        self._flow.close(row.entry.closable_targets, force=force)

    def _on_closed(self, answer: CloseAnswered) -> None:
        row = next(
            (r for r in self.rows if tuple(r.entry.closable_targets) == answer.targets), None
        )
        if row is None:
            return  # the list was read again meanwhile: the row is gone
        app = row.entry.app
        if answer.outcome in (CloseOutcome.CLOSED, CloseOutcome.ALREADY_GONE):
            row.say(self.tr("Fermée."))  # the flow looks again: the list follows
        elif answer.outcome is CloseOutcome.STILL_RUNNING and not answer.force:
            row.say(self.tr("{app} ne répond pas.").format(app=app))
            if self._confirm(
                self.tr("« {app} » ne se ferme pas. Forcer la fermeture ?").format(app=app),
                self.tr("Ce qui n'a pas été enregistré dans {app} sera perdu.").format(app=app),
                self.tr("Forcer la fermeture"),
            ):
                self._close(row, force=True)
            else:
                assert row.close_button is not None
                row.close_button.setEnabled(True)
        else:
            row.say(
                self.tr("Impossible de fermer {app} d'ici : fermez-la vous-même.").format(app=app)
            )


def _number(value: float) -> str:
    """No useless decimals: 45, 4,5 (4.5 in English), 0."""
    if value >= 10 or value == int(value):
        return f"{value:.0f}"
    return decimal(value, 1)
