"""« Haut-parleurs »: play the test sound, ask whether it was heard, let the microphone listen.

Opening the devices runs off the GUI thread; while the sound plays, a GUI timer
drains the microphone, and when it is over (and the microphone gave a little
more: its latency, an echo) the recording is searched for the test sound. Heard
by the microphone: the speakers work (and a headset is suggested against echo).
Not heard proves nothing (headphones): only the person's own answer can say the
sound did not come out.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from readiness.checks.speakers import (
    CHECK_ID,
    LISTEN_TAIL_S,
    PLAY_MARGIN_S,
    hears_chime,
    judge_answer,
    judge_playback,
    speakers_problem,
)
from readiness.checks.titles import speakers_title
from readiness.core.result import CheckResult
from readiness.devices.audio.handover import Handover
from readiness.devices.audio.model import AudioDevice, AudioError, AudioProblem
from readiness.ui.audio_device_picker import AudioDevicePicker
from readiness.ui.check_result_view import CheckResultView
from readiness.ui.page import Page, paragraph
from readiness.ui.page_context import PageContext
from readiness.ui.tasks import Task

log = logging.getLogger(__name__)

POLL_MS = 40
RETRY_MS = 2000
#: How long the microphone may take to start before the sound plays without it.
MIC_START_S = 1.5


@dataclass
class _Trial:
    playback: object  # readiness.devices.audio.Playback
    capture: object | None  # readiness.devices.audio.Capture, or None without a microphone
    devices: list[AudioDevice]
    device: AudioDevice
    parts: list = field(default_factory=list)

    def close(self) -> None:
        self.playback.close(timeout_s=0.5)
        if self.capture is not None:
            self.capture.close(timeout_s=0.5)


class SpeakersPage(Page):
    step_id = CHECK_ID

    def __init__(
        self,
        context: PageContext,
        parent: QWidget | None = None,
        *,
        retry_ms: int = RETRY_MS,
        clock: Callable[[], float] = time.monotonic,
    ):
        super().__init__(
            speakers_title(),
            self.tr(
                "Vérifions que vous entendrez bien les autres : nous jouons un petit son, "
                "dites-nous si vous l'entendez."
            ),
            parent,
        )
        self._context = context
        self._preferences = context.services.preferences
        self._configured = context.services.config.devices
        self._clock = clock
        #: Only the latest listing or opening counts: starting one cancels the one before.
        self._task_key = f"speakers-{id(self)}"
        self._pending: tuple[Task, Handover[_Trial] | None] | None = None
        self._trial: _Trial | None = None
        #: Microphone samples still to hear once the sound is over (None: it is not yet).
        self._tail_frames: int | None = None
        self._deadline = 0.0
        self._device: AudioDevice | None = None
        self._problem: AudioProblem | None = None
        #: After a play: did the microphone hear it (None: no microphone)?
        self.heard_by_microphone: bool | None = None
        self.played = False

        self.picker = AudioDevicePicker(self.tr("S&ortie son :"), self)
        self.picker.chosen.connect(self._on_device_chosen)
        self.play_button = QPushButton(self.tr("▶  &Jouer le son de test"))
        font = self.play_button.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.play_button.setFont(font)
        self.play_button.clicked.connect(self.play)
        self.status = paragraph()
        self.status.setAccessibleName(self.tr("Lecture"))
        self.question = paragraph(self.tr("Avez-vous entendu le son ?"))
        font = self.question.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.question.setFont(font)
        self.hear_button = QPushButton(self.tr("J'&entends le son"))
        self.hear_button.clicked.connect(lambda: self._answer(True))
        self.silent_button = QPushButton(self.tr("Je n'entends &rien"))
        self.silent_button.clicked.connect(lambda: self._answer(False))
        self.result_view = CheckResultView(self)
        self.privacy = paragraph(
            self.tr("Le son n'est jamais enregistré ni envoyé : il reste sur cet ordinateur.")
        )

        play_row = QHBoxLayout()
        play_row.addWidget(self.play_button)
        play_row.addStretch(1)
        self.answers = QWidget(self)
        answers = QHBoxLayout(self.answers)
        answers.setContentsMargins(0, 0, 0, 0)
        answers.addWidget(self.hear_button)
        answers.addWidget(self.silent_button)
        answers.addStretch(1)
        self.body.addWidget(self.picker)
        self.body.addLayout(play_row)
        self.body.addWidget(self.status)
        self.body.addWidget(self.question)
        self.body.addWidget(self.answers)
        self.body.addWidget(self.result_view)
        self.body.addStretch(1)
        self.body.addWidget(self.privacy)
        self._set_answering(False)
        self.result_view.hide()  # nothing to say before the sound has played
        self.play_button.setEnabled(False)  # until a device is found

        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._drain)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(retry_ms)
        self._retry.timeout.connect(self._list)

    # --- navigation ------------------------------------------------------------

    def entered(self) -> None:
        self._list()

    def left(self) -> None:
        """Stop the sound and the listening, and give both devices back."""
        self._abandon_pending()
        self._retry.stop()
        self._stop_trial()
        self.play_button.setEnabled(self._device is not None)

    # --- devices -----------------------------------------------------------------

    def _wanted(self) -> str | None:
        return self._preferences.device("output") or self._configured.output_device or None

    def _list(self) -> None:
        wanted = self._wanted()
        self._run(lambda _cancelled: _find_output(wanted), self._on_listed, None)

    def _run(
        self,
        work: Callable[[Callable[[], bool]], Any],
        on_result: Callable[[Any], None],
        handover: Handover[_Trial] | None,
    ) -> None:
        """Runs ``work`` on a worker; a listing or an opening on its way no longer counts."""
        self._abandon_pending()

        def delivered(value: Any) -> None:
            self._settle()
            on_result(value)

        def failed(error: BaseException) -> None:
            self._settle()
            self._on_problem(error)

        task = self._context.tasks.run_cancellable(work, delivered, failed, key=self._task_key)
        self._pending = (task, handover)

    def _settle(self) -> None:
        """The latest task delivered (cancelled ones never do): the page owns what it opened."""
        pending, self._pending = self._pending, None
        if pending is not None and pending[1] is not None:
            pending[1].take()

    def _abandon_pending(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None:
            task, handover = pending
            task.cancel()  # its outcome will not be delivered
            if handover is not None:
                handover.drop()  # what it opened already (or opens later) is closed

    def _on_listed(self, found: tuple[list[AudioDevice], AudioDevice]) -> None:
        devices, device = found
        self._device = device
        self.picker.set_devices(devices, device)
        self.play_button.setEnabled(True)
        if self._problem is not None:  # a device is back: the message is over
            self._problem = None
            self.result_view.hide()
        if not self.played:
            self._say(self.tr("Cliquez sur « Jouer le son de test », puis écoutez."))

    def _on_device_chosen(self, device: AudioDevice) -> None:
        self._preferences.set_device("output", device.raw_name)
        self._device = device

    # --- playing -------------------------------------------------------------------

    def play(self) -> None:
        if self._trial is not None:
            return
        wanted = self._wanted()
        microphone = self._preferences.device("input") or self._configured.input_device or None
        self._problem = None
        self.play_button.setEnabled(False)
        self._set_answering(False)
        self._say(self.tr("Écoutez…"))
        self._show(None)
        handover: Handover[_Trial] = Handover(_Trial.close)
        clock = self._clock
        self._run(
            lambda cancelled: _start_trial(wanted, microphone, cancelled, handover, clock),
            self._on_started,
            handover,
        )

    def _on_started(self, trial: _Trial) -> None:
        self._trial = trial
        self._device = trial.device
        self._problem = None
        self.picker.set_devices(trial.devices, trial.device)
        self._tail_frames = None
        self._deadline = self._clock() + trial.playback.duration_s + PLAY_MARGIN_S
        self._poll.start()

    def _drain(self) -> None:
        trial = self._trial
        if trial is None:
            self._poll.stop()
            return
        frames = 0
        if trial.capture is not None:
            try:
                samples = trial.capture.read()
            except AudioError as error:
                log.info("the microphone stopped while listening: %s", error)
                trial.capture.close(timeout_s=0.5)
                trial.capture = None
            else:
                trial.parts.append(samples)
                frames = samples.size
        if self._tail_frames is None:
            if not (trial.playback.finished or self._clock() > self._deadline):
                return
            # The tail is counted in the microphone's own samples, not in wall time: a
            # busy computer reads them late, but they still come, the end of the sound too.
            rate = trial.capture.samplerate if trial.capture is not None else 0.0
            self._tail_frames = round(LISTEN_TAIL_S * rate)
        else:
            self._tail_frames -= frames
        # Once the sound is over, an answer as soon as the microphone has heard it.
        if trial.capture is None or self._tail_frames <= 0 or self._heard(trial) is True:
            self._finish(trial)

    @staticmethod
    def _heard(trial: _Trial) -> bool | None:
        """Did the microphone hear the sound in what it gave so far (None: no microphone)?"""
        import numpy as np

        if trial.capture is None:
            return None
        samples = np.concatenate(trial.parts) if trial.parts else np.zeros(0, np.float32)
        return hears_chime(samples, trial.capture.samplerate)

    def _finish(self, trial: _Trial) -> None:
        self._poll.stop()
        played = trial.playback.played
        heard = self._heard(trial)
        self._stop_trial()
        self.play_button.setEnabled(True)
        self.played = played
        self.heard_by_microphone = heard
        if not played:
            result = judge_playback(False, heard, trial.device.name, None)
            self._say("")
            self._show(result)
            self._context.controller.record(result)
            return
        self._say(self.tr("Le son a été joué. Vous pouvez le rejouer autant de fois qu'il faut."))
        self._set_answering(True)
        if heard:
            # The speakers work: recorded at once, with the headset advice against echo.
            result = judge_playback(True, True, trial.device.name, None)
            self._show(result)
            self._context.controller.record(result)
        else:
            # Not heard proves nothing (headphones): only the person can tell.
            self.result_view.hide()

    def _answer(self, hears: bool) -> None:
        device = self._device.name if self._device else ""
        result = judge_answer(hears, self.heard_by_microphone, device)
        self._show(result)
        self._context.controller.record(result)

    def _set_answering(self, shown: bool) -> None:
        """The question and its two answers, once there is something to answer."""
        self.question.setVisible(shown)
        self.answers.setVisible(shown)
        self.hear_button.setEnabled(shown)
        self.silent_button.setEnabled(shown)

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def _show(self, result: CheckResult | None) -> None:
        """A result, or (None) that the sound is playing."""
        if result is None:
            self.result_view.show_running(self.tr("Le son de test est joué…"))
        else:
            self.result_view.show_result(result)
        self.result_view.show()

    # --- problems --------------------------------------------------------------------

    def _on_problem(self, error: BaseException) -> None:
        if not isinstance(error, AudioError):
            log.error("the speakers test failed unexpectedly", exc_info=error)
            error = AudioError(AudioProblem.FAILED, str(error))
        absent = error.problem in (AudioProblem.NO_DEVICE, AudioProblem.GONE)
        if error.problem is not self._problem:
            self._problem = error.problem
            resume = "auto" if absent else "button"
            if error.problem is AudioProblem.NO_PORTAUDIO:
                resume = "check"
            result = speakers_problem(error, self._wanted(), resume=resume)
            self._show(result)
            self._say("")
            self._context.controller.record(result)
            self._set_answering(False)
        if absent or error.problem is AudioProblem.NO_PORTAUDIO:
            self._device = None
            self.picker.set_devices([], None)
        self.play_button.setEnabled(self._device is not None)
        if absent:
            self._retry.start()  # resumes by itself once a device is there

    def _stop_trial(self) -> None:
        self._poll.stop()
        trial, self._trial = self._trial, None
        if trial is not None:
            trial.close()


def _pick(wanted: str | None, kind) -> tuple[list[AudioDevice], AudioDevice]:
    from readiness.devices.audio import device_tables, pick_device

    offered, everything = device_tables(kind)
    try:
        return offered, pick_device(offered, everything, wanted, kind)
    except AudioError as error:
        if error.problem is not AudioProblem.NOT_FOUND:
            raise
        return offered, pick_device(offered, everything, None, kind)


def _find_output(wanted: str | None) -> tuple[list[AudioDevice], AudioDevice]:
    return _pick(wanted, "output")


def _start_trial(
    wanted: str | None,
    microphone: str | None,
    cancelled: Callable[[], bool],
    handover: Handover[_Trial],
    clock: Callable[[], float],
) -> _Trial | None:
    """Opens the microphone (if any), waits for it, then starts the sound. Blocks: a worker's.

    A page left meanwhile no longer wants them: the sound is then not played, or both
    are closed at once (None is returned then, and never delivered: the task was cancelled).
    """
    from readiness.core.chime import chime
    from readiness.devices.audio import Capture, Playback

    devices, device = _pick(wanted, "output")
    capture = None
    try:
        capture = Capture(_pick(microphone, "input")[1])
        started = clock()
        while capture.last_data_at is None and clock() - started < MIC_START_S:
            if cancelled():
                break
            if capture.read().size:
                break
            time.sleep(0.01)
    except AudioError as error:
        log.info("no microphone to listen for the test sound: %s", error)
        if capture is not None:
            capture.close(timeout_s=0.5)
        capture = None
    rate = device.default_samplerate or 48000.0
    if cancelled():  # left while the microphone started: no sound to play
        if capture is not None:
            capture.close(timeout_s=0.5)
        return None
    try:
        playback = Playback(device, chime(rate), rate)
    except AudioError:
        if capture is not None:
            capture.close(timeout_s=0.5)
        raise
    trial = _Trial(playback, capture, devices, device)
    return trial if handover.give(trial) else None
