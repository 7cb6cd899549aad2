"""« Caméra »: what the others will see, and whether it is good enough.

The page lists the cameras (off the GUI thread), previews the chosen one, and
judges a few frames per second with the headless check's own rules. A camera
that fails, is busy or goes away is tried again every second, so the image comes
back by itself once the camera is free or plugged in again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from readiness.checks.camera import camera_title, judge_camera, judge_problem
from readiness.core.frame_analysis import SAMPLES_PER_S, CameraObservation, FrameAnalyser
from readiness.core.image_quality import BRIGHT_ABOVE, DARK_BELOW
from readiness.core.result import CheckResult
from readiness.devices.camera.capture import parse_source
from readiness.devices.camera.grabber import FrameGrabber, GrabberState, GrabberStatus
from readiness.devices.camera.model import CameraInfo, CameraProblem
from readiness.devices.camera.probe import looks_like_path
from readiness.ui.check_controller import CheckController
from readiness.ui.check_result_view import CheckResultView
from readiness.ui.page import Page, paragraph
from readiness.ui.services import Services
from readiness.ui.tasks import Task, TaskRunner
from readiness.ui.video_preview import VideoPreview

if TYPE_CHECKING:
    import numpy as np

    from readiness.core.face_finder import FaceFinder

#: Samples the live verdict rests on: the last two seconds.
WINDOW = 6
#: Samples needed before a first verdict (under a second).
FIRST_VERDICT_SAMPLES = 3
#: A camera that gave no frame for this long has stopped.
STALLED_S = 4.0
#: How long leaving the page waits for the camera to be released.
STOP_WAIT_S = 0.5

Lister = Callable[[], list[CameraInfo]]


def _system_cameras() -> list[CameraInfo]:
    from readiness.devices.camera.probe import list_cameras

    return list_cameras()


class CameraPage(Page):
    step_id = "camera"
    #: (FrameGrabber, GrabberStatus), from the capture thread.
    _grabber_status = Signal(object, object)

    def __init__(
        self,
        services: Services,
        controller: CheckController,
        tasks: TaskRunner,
        lister: Lister = _system_cameras,
        parent: QWidget | None = None,
    ):
        super().__init__(
            camera_title(),
            self.tr(
                "Pendant la séance, votre caméra reste allumée : c'est ainsi que votre "
                "consultante vous suit. Voici ce qu'elle verra de vous."
            ),
            parent,
        )
        self._services = services
        self._controller = controller
        self._tasks = tasks
        self._lister = lister
        self._active = False
        self._cameras: list[CameraInfo] | None = None
        self._searching = False
        self._grabber: FrameGrabber | None = None
        self._finder: FaceFinder | None = None
        self._analyser: _LazyAnalyser | None = None
        #: The analysis on a worker, until it is back (even cancelled): one at a time,
        #: as they share the face finder.
        self._analysis: Task | None = None
        self._analysis_key = f"camera-analysis-{id(self)}"
        self._analysed_number = -1
        self._live_result: CheckResult | None = None
        self._recorded: tuple | None = None

        self._build()
        self._grabber_status.connect(self._on_grabber_status)
        self._tick = QTimer(self)
        self._tick.setInterval(round(1000 / SAMPLES_PER_S))
        self._tick.timeout.connect(self._analyse_newest)

    def _build(self) -> None:
        self.picker = QComboBox()
        self.picker.setMinimumContentsLength(24)
        self.picker.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.picker.currentIndexChanged.connect(self._on_picked)
        picker_label = QLabel(self.tr("&Caméra :"))
        picker_label.setBuddy(self.picker)
        self.search_button = QPushButton(self.tr("&Rechercher les caméras"))
        self.search_button.clicked.connect(self.search)
        picker_row = QHBoxLayout()
        picker_row.addWidget(picker_label)
        picker_row.addWidget(self.picker, 1)
        picker_row.addWidget(self.search_button)

        self.preview = VideoPreview()
        self.preview.setMinimumSize(400, 225)
        self.result_view = CheckResultView()
        self.retry_hint = paragraph()
        self.details = paragraph()
        self.details.setAccessibleName(self.tr("Mesures"))
        side = QVBoxLayout()
        side.addWidget(self.result_view)
        side.addWidget(self.retry_hint)
        side.addWidget(self.details)
        side.addStretch(1)
        columns = QHBoxLayout()
        columns.setSpacing(20)
        columns.addWidget(self.preview, 3)
        columns.addLayout(side, 2)

        self.privacy = paragraph(
            self.tr(
                "Les images restent dans la mémoire de cet ordinateur : rien n'est "
                "enregistré ni envoyé."
            )
        )
        self.body.addLayout(picker_row)
        self.body.addLayout(columns)
        self.body.addWidget(self.privacy)
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
        self._tasks.run(self._lister, self._on_listed, self._on_list_failed)

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
            self._show_problem(CameraProblem.NOT_FOUND, self.tr("Aucune caméra"))
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
        self._analyser = None
        self._live_result = None
        grabber = FrameGrabber(
            parse_source(source),
            on_frame=self.preview.notify_frame,
            on_status=lambda status: self._grabber_status.emit(grabber, status),
        )
        self._grabber = grabber
        self.preview.clear()
        self.preview.attach(grabber)
        grabber.start()
        self._tick.start()

    def _stop_preview(self) -> None:
        self._tick.stop()
        self._forget_analysis()
        grabber, self._grabber = self._grabber, None
        self.preview.detach()
        if grabber is not None:
            # Usually done within a frame. A driver stuck in a read gets half a second,
            # then its daemon thread lets the camera go whenever the driver returns.
            grabber.stop(timeout_s=STOP_WAIT_S)

    @property
    def grabber(self) -> FrameGrabber | None:
        return self._grabber

    def _on_grabber_status(self, grabber: FrameGrabber, status: GrabberStatus) -> None:
        if grabber is not self._grabber:
            return  # from a camera we have since let go
        if status.state is GrabberState.OPENING:
            text = self.tr("Ouverture de la caméra…")
            self.result_view.show_running(text)
            self.preview.set_message(text)
        elif status.state is GrabberState.LIVE:
            self.preview.set_message("")
            self._set_hint("")
            if self._live_result is None:
                self.result_view.show_running(self.tr("Analyse de l'image…"))
        elif status.state in (GrabberState.FAILED, GrabberState.LOST):
            problem = status.problem or CameraProblem.UNAVAILABLE
            self._analyser = None  # start afresh when it comes back
            self._forget_analysis()
            self._live_result = None
            self._show_problem(problem, self._preview_text(problem))
            self._set_hint(
                self.tr(
                    "Nous réessayons chaque seconde : l'image reviendra ici d'elle-même "
                    "dès que la caméra sera disponible."
                )
            )

    def _preview_text(self, problem: CameraProblem) -> str:
        if problem is CameraProblem.DISCONNECTED:
            return self.tr("Caméra déconnectée")
        if problem is CameraProblem.BUSY:
            return self.tr("Caméra occupée")
        return self.tr("Pas d'image")

    def _show_problem(self, problem: CameraProblem, preview_text: str) -> None:
        source = self.selected_source()
        result = judge_problem(problem, is_file=bool(source and not source.isdigit()))
        self.result_view.show_result(result)
        self.details.hide()
        self.preview.set_message(preview_text)
        self._record(result)

    def _set_hint(self, text: str) -> None:
        self.retry_hint.setText(text)
        self.retry_hint.setVisible(bool(text))

    # --- judging the frames -----------------------------------------------------------

    def _analyse_newest(self) -> None:
        """A few times per second: the newest frame goes to a worker thread for analysis."""
        grabber = self._grabber
        if grabber is None or (self._analysis is not None and not self._analysis.done):
            return
        frame = grabber.latest()
        if frame is None or frame.number == self._analysed_number:
            age = grabber.frame_age()
            if grabber.status.state is GrabberState.LIVE and age is not None and age > STALLED_S:
                self._live_result = None
                self._show_problem(CameraProblem.NO_FRAMES, self.tr("L'image s'est arrêtée"))
            return
        self._analysed_number = frame.number
        if self._analyser is None:
            self._analyser = _LazyAnalyser(self)
        analyser = self._analyser
        fps = grabber.fps()
        self._analysis = self._tasks.run(
            lambda: analyser.observe(frame.image, fps),
            self._on_analysed,
            self._on_analysis_failed,
            key=self._analysis_key,
        )

    def _forget_analysis(self) -> None:
        """What the analysis under way finds is of an image no longer shown: never
        delivered. It stays in ``_analysis`` until back, so none starts meanwhile."""
        if self._analysis is not None:
            self._analysis.cancel()

    def _on_analysis_failed(self, _error: BaseException) -> None:
        """One frame that could not be analysed: the next one will be."""

    def _on_analysed(self, observation: CameraObservation | None) -> None:
        if observation is None:
            return
        if observation.samples < FIRST_VERDICT_SAMPLES:
            return
        result = judge_camera(observation)
        self._live_result = result
        self.result_view.show_result(result)
        self.preview.set_message("")
        self._show_details(observation)
        self._record(result)

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

    def shared_finder(self) -> FaceFinder:
        """One face finder for the page, made on a worker thread at the first analysis
        (loading OpenCV and the cascade takes a moment)."""
        if self._finder is None:
            from readiness.core.face_finder import FaceFinder

            self._finder = FaceFinder()
        return self._finder


class _LazyAnalyser:
    """The page's analyser for one stretch of live image; built on the worker thread."""

    def __init__(self, page: CameraPage):
        self._page = page
        self._analyser: FrameAnalyser | None = None

    def observe(self, image: np.ndarray, fps: float) -> CameraObservation | None:
        if self._analyser is None:
            self._analyser = FrameAnalyser(self._page.shared_finder(), window=WINDOW)
        self._analyser.add(image)
        return self._analyser.observation(fps)
