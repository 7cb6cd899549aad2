"""« Application Zoom »: is it installed, and will meeting links open it?"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from readiness.core.result import CheckResult
from readiness.ui.check_controller import CheckController
from readiness.ui.check_result_view import CheckResultView
from readiness.ui.page import Page, paragraph
from readiness.ui.services import UrlOpener
from readiness.ui.tasks import TaskRunner

DOWNLOAD_URL = "https://zoom.us/download"


class ZoomPage(Page):
    step_id = "zoom"

    def __init__(
        self,
        controller: CheckController,
        opener: UrlOpener,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ):
        super().__init__(
            controller.check("zoom").title(),
            self.tr(
                "L'application Zoom est le moyen le plus simple de rejoindre la séance. "
                "Nous regardons si elle est installée sur cet ordinateur."
            ),
            parent,
        )
        self._controller = controller
        self._opener = opener
        self._tasks = tasks
        self.result_view = CheckResultView(self)
        # macOS: the button to Screen Recording, for Zoom's screen sharing.
        self.result_view.set_link_opening(opener, tasks)
        self.details = paragraph()  # its text is its name: the version and place are read
        self.recheck_button = QPushButton(self.tr("&Vérifier à nouveau"))
        self.recheck_button.clicked.connect(self._recheck)
        self.download_button = QPushButton(self.tr("&Télécharger Zoom"))
        self.download_button.setToolTip(DOWNLOAD_URL)
        self.download_button.clicked.connect(self._download)
        buttons = QHBoxLayout()
        buttons.addWidget(self.recheck_button)
        buttons.addWidget(self.download_button)
        buttons.addStretch(1)
        self.body.addWidget(self.result_view)
        self.body.addWidget(self.details)
        self.body.addLayout(buttons)
        self.body.addStretch(1)
        self.download_button.hide()

        controller.started.connect(self._on_started)
        controller.finished.connect(self._on_finished)
        existing = controller.result("zoom")
        if existing is not None:
            self._on_finished(existing)
        elif controller.is_running("zoom"):
            self._on_started("zoom")

    def entered(self) -> None:
        if self._controller.result("zoom") is None:
            self._controller.run("zoom")

    def check_again(self) -> None:
        self._recheck()

    def _recheck(self) -> None:
        self._controller.run("zoom")

    def _download(self) -> None:
        from readiness.ui.link_opening import open_link

        open_link(self._tasks, self._opener, DOWNLOAD_URL, self)

    def _on_started(self, check_id: str) -> None:
        if check_id == "zoom":
            self.result_view.show_running(self.tr("Recherche de l'application Zoom…"))
            self.recheck_button.setEnabled(False)

    def _on_finished(self, result: CheckResult) -> None:
        if result.check_id != "zoom":
            return
        self.result_view.show_result(result)
        self.recheck_button.setEnabled(True)
        measures = result.measures
        lines = []
        if measures.get("version"):
            lines.append(self.tr("Version : {version}").format(version=measures["version"]))
        if measures.get("location"):
            lines.append(self.tr("Emplacement : {path}").format(path=measures["location"]))
        self.details.setText("\n".join(lines))
        self.details.setVisible(bool(lines))
        self.download_button.setVisible(not measures.get("installed", False))
