"""« Caméra »: what the others will see, and whether it is good enough.

The page lists the cameras (off the GUI thread, through the kit), and shows the
camera check's flow (``readiness.checks.camera_flow``) for the chosen one: its
frames in the preview, its phase and its verdicts beside it. The flow tries a
camera that fails, is busy or goes away again every second, so the image comes
back by itself once the camera is free or plugged in again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from readiness.checks.camera import (
    CameraInfo,
    CameraProblem,
    camera_title,
    confidentiality_reminder,
    judge_problem,
    looks_like_path,
)
from readiness.checks.camera_flow import CameraFlow, CameraPhase, CameraStatus, CameraVerdict
from readiness.core.frame_analysis import CameraObservation
from readiness.core.image_quality import BRIGHT_ABOVE, DARK_BELOW
from readiness.core.result import CheckResult
from readiness.ui.announce import announce
from readiness.ui.check_result_view import CheckResultView
from readiness.ui.flow_runner import FlowRunner
from readiness.ui.page import Page, paragraph
from readiness.ui.page_context import PageContext
from readiness.ui.video_preview import VideoPreview
from readiness.ui.wrapping_row import WrappingRow

#: The preview's and the measures' shares of the page's width.
PREVIEW_STRETCH, SIDE_STRETCH = 2, 1


class CameraPage(Page):
    step_id = "camera"

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(
            camera_title(),
            self.tr(
                "Pendant la séance, votre caméra reste allumée : c'est ainsi que votre "
                "consultante vous suit. Voici ce qu'elle verra de vous."
            ),
            parent,
        )
        self._services = context.services
        self._controller = context.controller
        self._tasks = context.tasks
        self._active = False
        self._cameras: list[CameraInfo] | None = None
        self._searching = False
        #: The flow's latest verdict on the image (None while there is none, or a problem).
        self._live_result: CheckResult | None = None
        self._recorded: tuple | None = None
        #: The confidentiality reminder was announced since the preview started.
        self._reminded = False

        self._build()
        self._runner = FlowRunner(self)
        self._runner.updated.connect(self._on_update)

    def _build(self) -> None:
        self.picker = QComboBox()
        self.picker.setMinimumContentsLength(16)
        self.picker.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.picker.currentIndexChanged.connect(self._on_picked)
        picker_label = QLabel(self.tr("&Caméra :"))
        picker_label.setBuddy(self.picker)
        self.search_button = QPushButton(self.tr("&Rechercher les caméras"))
        self.search_button.clicked.connect(self.search)
        chooser = QHBoxLayout()
        chooser.addWidget(picker_label)
        chooser.addWidget(self.picker, 1)
        # The button beside the list, or under it at large text on a small screen.
        picker_row = WrappingRow()
        picker_row.addLayout(chooser, 1)
        picker_row.addWidget(self.search_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.preview = VideoPreview()
        self.preview.setMinimumSize(400, 225)
        self.result_view = CheckResultView()
        self.retry_hint = paragraph()
        self.details = paragraph()  # its text is its name: the measures are read
        side = QVBoxLayout()
        side.addWidget(self.result_view)
        side.addWidget(self.retry_hint)
        side.addWidget(self.details)
        side.addStretch(1)
        self.privacy = paragraph(
            self.tr(
                "Les images restent dans la mémoire de cet ordinateur : rien n'est "
                "enregistré ni envoyé."
            )
        )
        # The preview large, as Meet's and Zoom's before a call, the measures beside it.
        # In a column of its own: there it keeps its 16:9 height (a row would stretch it).
        left = QVBoxLayout()
        left.setSpacing(10)
        left.addWidget(self.preview)
        left.addWidget(self.privacy)
        left.addStretch(1)
        columns = QHBoxLayout()
        columns.setSpacing(24)
        columns.addLayout(left, PREVIEW_STRETCH)
        columns.addLayout(side, SIDE_STRETCH)
        self.body.addLayout(picker_row)
        self.body.addLayout(columns)
        self.body.addStretch(1)
        self.retry_hint.hide()
        self.details.hide()

    # --- navigation ---------------------------------------------------------------

    def entered(self) -> None:
        self._active = True
        if self._cameras is None:
            self.search()
        else:
            self._start_preview()

    def left(self) -> None:
        """Stops the preview and frees the camera, so Zoom can have it."""
        self._active = False
        self._stop_preview()
        if self._live_result is not None:
            self._record(self._live_result, force=True)  # with the latest measures

    def check_again(self) -> None:
        """The summary's « Vérifier »: the camera's flow from the start (the cameras listed
        again when none was found), and its verdict told again even if unchanged."""
        self._active = True
        self._recorded = None
        self._controller.announce(self.step_id)
        if not self._cameras:
            self.search()
        else:
            self._start_preview()

    # --- choosing a camera ------------------------------------------------------------

    def search(self) -> None:
        """Lists the cameras again (in the background: opening each one takes a moment)."""
        if self._searching:
            return
        self._searching = True
        self._stop_preview()
        self.search_button.setEnabled(False)
        self.picker.setEnabled(False)
        text = self.tr("Recherche des caméras…")
        self.result_view.show_running(text)
        self.preview.clear()
        self.preview.set_message(text)
        self._set_hint("")
        self._tasks.run(self._services.kit.list_cameras, self._on_listed, self._on_list_failed)

    def _on_list_failed(self, _error: BaseException) -> None:
        self._on_listed([])

    def _on_listed(self, cameras: list[CameraInfo]) -> None:
        self._searching = False
        self.search_button.setEnabled(True)
        options = list(cameras)
        known = {camera.source for camera in options}
        remembered = self._services.preferences.device("camera")
        configured = self._configured(options)
        for source in (configured, remembered):
            # A video file named in session.toml (or picked before) is offered like a camera.
            if source and not source.isdigit() and source not in known and Path(source).is_file():
                name = self.tr("Fichier vidéo : {name}").format(name=Path(source).name)
                options.append(CameraInfo(source, name))
                known.add(source)
        self._cameras = options
        self.picker.blockSignals(True)
        self.picker.clear()
        for camera in options:
            self.picker.addItem(self._label(camera), camera.source)
        wanted = next(
            (s for s in (remembered, configured) if s and s in known),
            options[0].source if options else None,
        )
        if wanted is not None:
            self.picker.setCurrentIndex(self.picker.findData(wanted))
        self.picker.blockSignals(False)
        self.picker.setEnabled(bool(options))
        if not options:
            self.picker.addItem(self.tr("Aucune caméra trouvée"))
            self._show_problem(judge_problem(CameraProblem.NOT_FOUND), self.tr("Aucune caméra"))
            self._set_hint(
                self.tr("Après avoir branché une webcam, cliquez sur « Rechercher les caméras ».")
            )
            return
        if self._active:
            self._start_preview()

    def _configured(self, cameras: list[CameraInfo]) -> str:
        """session.toml's camera as a source: an index, a file, or a listed camera's name."""
        configured = self._services.config.devices.camera or ""
        if configured and not configured.isdigit() and not looks_like_path(configured):
            wanted = configured.casefold()
            named = next((c.source for c in cameras if wanted in c.name.casefold()), None)
            return named or ""
        return configured

    def _label(self, camera: CameraInfo) -> str:
        if camera.problem is CameraProblem.BUSY:
            return self.tr("{name} (utilisée par une autre application)").format(name=camera.name)
        if camera.problem is CameraProblem.PERMISSION_DENIED:
            return self.tr("{name} (accès refusé)").format(name=camera.name)
        return camera.name

    def _on_picked(self, index: int) -> None:
        source = self.picker.itemData(index)
        if not source:
            return
        self._services.preferences.set_device("camera", source)
        if self._active:
            self._start_preview()

    def selected_source(self) -> str | None:
        return self.picker.currentData() or None

    # --- the preview ----------------------------------------------------------------------

    def _start_preview(self) -> None:
        self._stop_preview()
        source = self.selected_source()
        if source is None:
            return
        self._live_result = None
        self._reminded = False
        flow = CameraFlow(source, self._services.kit, on_frame=self.preview.notify_frame)
        self.preview.clear()
        self.preview.attach(flow)
        self._runner.start(flow)

    def _stop_preview(self) -> None:
        # Usually done within a frame. A driver stuck in a read gets half a second, then
        # the capture's daemon thread lets the camera go whenever the driver returns.
        self.preview.detach()
        self._runner.stop()

    @property
    def flow(self) -> CameraFlow | None:
        """The camera's flow while previewed, or None."""
        flow = self._runner.flow
        return flow if isinstance(flow, CameraFlow) else None

    def _on_update(self, update: object) -> None:
        if isinstance(update, CameraStatus):
            self._on_status(update)
        elif isinstance(update, CameraVerdict):
            self._on_verdict(update)

    def _on_status(self, status: CameraStatus) -> None:
        if status.phase is CameraPhase.OPENING:
            text = self.tr("Ouverture de la caméra…")
            self.result_view.show_running(text)
            self.preview.set_message(text)
        elif status.phase is CameraPhase.LIVE:
            self.preview.set_message("")
            self._set_hint("")
            if self._live_result is None:
                self.result_view.show_running(self.tr("Analyse de l'image…"))
        elif status.result is not None:
            self._live_result = None
            self._show_problem(status.result, self._preview_text(status))
            if status.phase is not CameraPhase.STALLED:
                self._set_hint(
                    self.tr(
                        "Nous réessayons chaque seconde : l'image reviendra ici d'elle-même "
                        "dès que la caméra sera disponible."
                    )
                )

    def _preview_text(self, status: CameraStatus) -> str:
        if status.phase is CameraPhase.STALLED:
            return self.tr("L'image s'est arrêtée")
        if status.problem is CameraProblem.DISCONNECTED:
            return self.tr("Caméra déconnectée")
        if status.problem is CameraProblem.BUSY:
            return self.tr("Caméra occupée")
        return self.tr("Pas d'image")

    def _show_problem(self, result: CheckResult, preview_text: str) -> None:
        self.result_view.show_result(result)
        self.details.hide()
        self.preview.set_message(preview_text)
        self._record(result)

    def _set_hint(self, text: str) -> None:
        self.retry_hint.setText(text)
        self.retry_hint.setVisible(bool(text))

    # --- the verdict ------------------------------------------------------------------

    def _on_verdict(self, verdict: CameraVerdict) -> None:
        self._live_result = verdict.result
        self.result_view.show_result(verdict.result)
        self.preview.set_message("")
        self._show_details(verdict.observation)
        self._record(verdict.result)
        self._remind(verdict.result)

    def _remind(self, result: CheckResult) -> None:
        """The confidentiality reminder is advice, not a new status: the result view does
        not announce it, so it is said here, once per preview (the count of faces may
        come and go as people move)."""
        reminder = confidentiality_reminder()
        if not self._reminded and reminder in result.advice and self.isVisible():
            self._reminded = True
            announce(self, reminder)

    def _show_details(self, observation: CameraObservation) -> None:
        lines = [
            self.tr("Image : {width} × {height}, {fps:.0f} images par seconde").format(
                width=observation.width, height=observation.height, fps=observation.fps
            ),
            self.tr("Luminosité : {value:.0f} (bonne entre {low:.0f} et {high:.0f})").format(
                value=observation.brightness, low=DARK_BELOW, high=BRIGHT_ABOVE
            ),
            self.tr("Visages vus : {count}").format(count=observation.faces),
        ]
        self.details.setText("\n".join(lines))
        self.details.show()

    def _record(self, result: CheckResult, *, force: bool = False) -> None:
        """Tells the sidebar (and the report) when the verdict changes, not every frame."""
        key = (result.status, result.summary, result.advice)
        if force or key != self._recorded:
            self._recorded = key
            self._controller.record(result)
