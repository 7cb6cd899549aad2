"""« Micro »: a live level meter, the quiet-room measure, then "say a sentence".

The page shows what the microphone's flow (``readiness.checks.microphone_flow``, the
one ``readiness check`` drives too) sends: the device opened, each block's levels for
the meter, the room's noise, then the verdict on the voice. A device that is missing,
busy or unplugged stops the meter with a message; the flow looks for it again every
few seconds and the page resumes by itself when it is back.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from enum import Enum

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from readiness.checks.audio_opening import AudioDevice, AudioProblem, DeviceProblem
from readiness.checks.microphone import CHECK_ID, noise_advice
from readiness.checks.microphone_flow import (
    QUIET_S,
    SPEAK_TIMEOUT_S,
    Heard,
    Level,
    Listening,
    MicrophoneFlow,
    Opening,
    RoomMeasured,
)
from readiness.checks.titles import microphone_title
from readiness.ui.audio_device_picker import AudioDevicePicker
from readiness.ui.check_result_view import CheckResultView
from readiness.ui.flow_runner import FlowRunner
from readiness.ui.level_meter import LevelMeter
from readiness.ui.page import Page, paragraph
from readiness.ui.page_context import PageContext

#: Between two attempts to reopen a missing, busy or unplugged microphone.
RETRY_MS = 1500


class Phase(Enum):
    CLOSED = "closed"
    OPENING = "opening"
    QUIET = "quiet"
    SPEAK = "speak"
    DONE = "done"
    PROBLEM = "problem"


class MicrophonePage(Page):
    step_id = CHECK_ID

    def __init__(
        self,
        context: PageContext,
        parent: QWidget | None = None,
        *,
        quiet_s: float = QUIET_S,
        speak_timeout_s: float = SPEAK_TIMEOUT_S,
        retry_ms: int = RETRY_MS,
        clock: Callable[[], float] = time.monotonic,  # the meter's: ballistics, clipping mark
    ):
        super().__init__(
            microphone_title(),
            self.tr(
                "Vérifions que les autres vous entendront bien : d'abord le calme autour "
                "de vous, puis votre voix."
            ),
            parent,
        )
        self._context = context
        self._kit = context.services.kit
        self._preferences = context.services.preferences
        self._configured = context.services.config.devices.input_device
        self._quiet_s = quiet_s
        self._speak_timeout_s = speak_timeout_s
        self._retry_s = retry_ms / 1000
        self.phase = Phase.CLOSED
        self._device: AudioDevice | None = None
        self.noise_floor_dbfs: float | None = None
        #: Runs the flow; its updates come back here, on the GUI thread.
        self.runner = FlowRunner(self)
        self.runner.updated.connect(self._on_update)

        self.picker = AudioDevicePicker(self.tr("&Micro utilisé :"), self)
        self.picker.chosen.connect(self._on_device_chosen)
        self.meter = LevelMeter(self, clock=clock)
        self.level_word = QLabel(self)
        self.meter.word_changed.connect(self._show_word)
        # Both keep their text as their name: what to do, and the room's measure, are read.
        self.instruction = paragraph()
        font = self.instruction.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.instruction.setFont(font)
        self.room = paragraph()
        self.hint = paragraph(
            self.tr("Le niveau reste affiché : parlez encore pour le voir bouger.")
        )
        self.result_view = CheckResultView(self)
        self.restart_button = QPushButton(self.tr("&Recommencer la mesure"))
        self.restart_button.clicked.connect(self.restart)
        self.privacy = paragraph(
            self.tr("Le son n'est jamais enregistré ni envoyé : il reste sur cet ordinateur.")
        )

        # Wide enough for the longest word: the meter must not change size as it changes.
        widest = max(
            (self.tr("Niveau : {word}").format(word=w) for w in self.meter.level_words()),
            key=self.level_word.fontMetrics().horizontalAdvance,
        )
        self.level_word.setMinimumWidth(self.level_word.fontMetrics().horizontalAdvance(widest) + 8)
        self.meter_row = QWidget(self)
        meter_row = QHBoxLayout(self.meter_row)
        meter_row.setContentsMargins(0, 0, 0, 0)
        meter_row.addWidget(self.meter, 1)
        meter_row.addWidget(self.level_word)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restart_button)
        buttons.addStretch(1)
        self.body.addWidget(self.picker)
        self.body.addWidget(self.meter_row)
        self.body.addWidget(self.instruction)
        self.body.addWidget(self.room)
        self.body.addWidget(self.result_view)
        self.body.addWidget(self.hint)
        self.body.addLayout(buttons)
        self.body.addStretch(1)
        self.body.addWidget(self.privacy)
        self.room.hide()
        self.hint.hide()
        self.restart_button.setEnabled(False)

    # --- navigation ----------------------------------------------------------

    def entered(self) -> None:
        self._open()

    def check_again(self) -> None:
        self.restart()

    def left(self) -> None:
        """Stop listening and give the microphone back to the system."""
        self.runner.stop()
        self.meter.stop()
        self.phase = Phase.CLOSED

    def restart(self) -> None:
        self.left()
        self._open()

    @property
    def flow(self) -> MicrophoneFlow | None:
        """The flow running, or None."""
        flow = self.runner.flow
        return flow if isinstance(flow, MicrophoneFlow) else None

    def _wanted(self) -> str | None:
        return self._preferences.device("input") or self._configured or None

    def _open(self) -> None:
        self._opening()
        self.runner.start(
            MicrophoneFlow(
                self._kit,
                self._wanted(),
                fall_back=True,  # a remembered microphone that is missing: the default one
                quiet_s=self._quiet_s,
                speak_s=self._speak_timeout_s,
                retry_s=self._retry_s,
            )
        )

    # --- what the flow says ---------------------------------------------------------

    def _on_update(self, update: object) -> None:
        if isinstance(update, Level):
            self.meter.show_block(update.block)
        elif isinstance(update, Opening):
            if self.phase is not Phase.PROBLEM:  # a retry keeps the problem on screen
                self._opening()
        elif isinstance(update, Listening):
            self._listening(update)
        elif isinstance(update, RoomMeasured):
            self._room_measured(update)
        elif isinstance(update, Heard):
            self._finish(update)
        elif isinstance(update, DeviceProblem):
            self._show_problem(update)

    def _opening(self) -> None:
        self.phase = Phase.OPENING
        self.restart_button.setEnabled(False)
        self.result_view.show_running(self.tr("Ouverture du micro…"))

    def _listening(self, update: Listening) -> None:
        self._device = update.device
        self.picker.set_devices(update.devices, update.device)
        self.meter.start()
        self._show_word(self.meter.word())
        self.restart_button.setEnabled(True)
        self.phase = Phase.QUIET
        self.noise_floor_dbfs = None
        self.room.hide()
        self.hint.hide()
        self.meter_row.show()
        text = self.tr(
            "Ne parlez pas pendant quelques secondes : nous écoutons le bruit autour de vous."
        )
        if update.fell_back:
            text = (
                self.tr(
                    "Le micro choisi la dernière fois n'est pas branché : "
                    "nous utilisons celui par défaut."
                )
                + "\n"
                + text
            )
        self._instruct(text)
        self.result_view.show_running(self.tr("Mesure du calme autour de vous…"))

    def _room_measured(self, update: RoomMeasured) -> None:
        self.noise_floor_dbfs = update.noise_floor_dbfs
        if update.noisy:
            self.room.setText(
                "⚠ "
                + self.tr(
                    "Espace calme : il y a du bruit autour de vous, les autres participants "
                    "l'entendront."
                )
                + "\n"
                + "\n".join(f"→ {line}" for line in noise_advice())
            )
        else:
            self.room.setText("✓ " + self.tr("Espace calme : la pièce est calme, très bien."))
        self.room.show()
        self.phase = Phase.SPEAK
        self._instruct(
            self.tr(
                "Maintenant, dites une phrase à voix normale, par exemple : "
                "« Bonjour, je suis là pour ma séance. »"
            )
        )
        self.result_view.show_running(self.tr("Nous écoutons votre voix…"))

    def _finish(self, update: Heard) -> None:
        self.phase = Phase.DONE
        self.result_view.show_result(update.result)
        self._instruct("")  # the result is what matters now
        self.hint.show()
        self._context.controller.record(update.result)

    def _instruct(self, text: str) -> None:
        self.instruction.setText(text)
        self.instruction.setVisible(bool(text))

    def _show_word(self, word: str) -> None:
        self.level_word.setText(self.tr("Niveau : {word}").format(word=word))

    # --- problems ----------------------------------------------------------------

    def _show_problem(self, update: DeviceProblem) -> None:
        self.phase = Phase.PROBLEM
        self.meter.stop()
        self.meter.reset()
        self.level_word.setText(self.tr("Niveau : —"))
        self.result_view.show_result(update.result)
        self._instruct("")
        self.room.hide()
        self.hint.hide()
        self.meter_row.hide()  # an empty meter would only suggest silence
        self._context.controller.record(update.result)
        self.restart_button.setEnabled(True)
        if update.problem in (AudioProblem.NO_DEVICE, AudioProblem.GONE):
            self._device = None
            self.picker.set_devices([], None)

    def _on_device_chosen(self, device: AudioDevice) -> None:
        self._preferences.set_device("input", device.raw_name)
        if self._device is None or device.raw_name != self._device.raw_name:
            self.restart()
