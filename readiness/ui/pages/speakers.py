"""« Haut-parleurs »: play the test sound, ask whether it was heard, let the microphone listen.

The page shows what the speakers' flow (``readiness.checks.speakers_flow``, the one
``readiness check`` drives too) sends: the output found, the sound playing, then
whether the microphone heard it. Heard by the microphone: the speakers work (and a
headset is suggested against echo). Not heard proves nothing (headphones): only the
person's own answer can say the sound did not come out.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from readiness.checks.audio_opening import AudioDevice, AudioProblem, DeviceProblem
from readiness.checks.speakers import CHECK_ID
from readiness.checks.speakers_flow import OutputFound, Played, Playing, SpeakersFlow
from readiness.checks.titles import speakers_title
from readiness.core.result import CheckResult
from readiness.ui.audio_device_picker import AudioDevicePicker
from readiness.ui.check_result_view import CheckResultView
from readiness.ui.flow_runner import FlowRunner
from readiness.ui.page import Page, paragraph
from readiness.ui.page_context import PageContext

#: Between two looks for an output while there is none.
RETRY_MS = 2000


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
        self._kit = context.services.kit
        self._preferences = context.services.preferences
        self._configured = context.services.config.devices
        self._clock = clock
        self._retry_s = retry_ms / 1000
        #: Playing, from the click until the sound is over.
        self._playing = False
        self._device: AudioDevice | None = None
        self._problem: AudioProblem | None = None
        #: After a play: did the microphone hear it (None: no microphone)?
        self.heard_by_microphone: bool | None = None
        self.played = False
        #: Runs the flow; its updates come back here, on the GUI thread.
        self.runner = FlowRunner(self)
        self.runner.updated.connect(self._on_update)

        self.picker = AudioDevicePicker(self.tr("S&ortie son :"), self)
        self.picker.chosen.connect(self._on_device_chosen)
        self.play_button = QPushButton(self.tr("▶  &Jouer le son de test"))
        font = self.play_button.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.play_button.setFont(font)
        self.play_button.clicked.connect(self.play)
        self.status = paragraph()  # its text is its name, in step with what it says
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

    # --- navigation ------------------------------------------------------------

    def entered(self) -> None:
        self._start()

    def check_again(self) -> None:
        """The summary's « Vérifier »: the sound is played at once, as the check does."""
        self._start(play_at_once=True)

    def left(self) -> None:
        """Stop the sound and the listening, and give both devices back."""
        self.runner.stop()
        self._playing = False
        self.play_button.setEnabled(self._device is not None)

    @property
    def flow(self) -> SpeakersFlow | None:
        """The flow running, or None."""
        flow = self.runner.flow
        return flow if isinstance(flow, SpeakersFlow) else None

    def _wanted(self) -> str | None:
        return self._preferences.device("output") or self._configured.output_device or None

    def _microphone(self) -> str | None:
        return self._preferences.device("input") or self._configured.input_device or None

    def _start(self, *, play_at_once: bool = False) -> None:
        self._playing = False
        self.runner.start(
            SpeakersFlow(
                self._kit,
                self._wanted(),
                self._microphone(),
                fall_back=True,  # remembered devices that are missing: the default ones
                play_at_once=play_at_once,
                retry_s=self._retry_s,
                clock=self._clock,
            )
        )
        if play_at_once:
            self._about_to_play()

    # --- playing -------------------------------------------------------------------

    def play(self) -> None:
        flow = self.flow
        if flow is None:
            self._start(play_at_once=True)
            return
        if self._playing:
            return
        self._about_to_play()
        flow.play()

    def _about_to_play(self) -> None:
        self._playing = True
        self._problem = None
        self.play_button.setEnabled(False)
        self._set_answering(False)
        self._say(self.tr("Écoutez…"))
        self._show(None)

    def _on_update(self, update: object) -> None:
        if isinstance(update, OutputFound):
            self._on_found(update)
        elif isinstance(update, Playing):
            self._device = update.device
            self.picker.set_devices(update.devices, update.device)
        elif isinstance(update, Played):
            self._finish(update)
        elif isinstance(update, DeviceProblem):
            self._on_problem(update)

    def _on_found(self, update: OutputFound) -> None:
        self._device = update.device
        self.picker.set_devices(update.devices, update.device)
        if self._playing:
            return  # the sound is on its way
        self.play_button.setEnabled(True)
        if self._problem is not None:  # a device is back: the message is over
            self._problem = None
            self.result_view.hide()
        if not self.played:
            self._say(self.tr("Cliquez sur « Jouer le son de test », puis écoutez."))

    def _on_device_chosen(self, device: AudioDevice) -> None:
        self._preferences.set_device("output", device.raw_name)
        self._device = device
        if self.flow is not None:
            self.flow.use_output(device.raw_name)

    def _finish(self, update: Played) -> None:
        self._playing = False
        self.play_button.setEnabled(True)
        self.played = update.played
        self.heard_by_microphone = update.heard_by_microphone
        if not update.played:
            self._say("")
            self._show(update.result)
            self._context.controller.record(update.result)
            return
        self._say(self.tr("Le son a été joué. Vous pouvez le rejouer autant de fois qu'il faut."))
        self._set_answering(True)
        if update.heard_by_microphone:
            # The speakers work: recorded at once, with the headset advice against echo.
            self._show(update.result)
            self._context.controller.record(update.result)
        else:
            # Not heard proves nothing (headphones): only the person can tell.
            self.result_view.hide()

    def _answer(self, hears: bool) -> None:
        flow = self.flow
        if flow is None:
            return
        result = flow.answer(hears)
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

    def _on_problem(self, update: DeviceProblem) -> None:
        self._playing = False
        self._problem = update.problem
        self._show(update.result)
        self._say("")
        self._context.controller.record(update.result)
        self._set_answering(False)
        if update.problem in (AudioProblem.NO_DEVICE, AudioProblem.GONE, AudioProblem.NO_PORTAUDIO):
            self._device = None
            self.picker.set_devices([], None)
        self.play_button.setEnabled(self._device is not None)
