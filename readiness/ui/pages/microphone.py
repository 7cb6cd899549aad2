"""« Micro »: a live level meter, the quiet-room measure, then "say a sentence".

The page shows what the microphone's flow (``readiness.checks.microphone_flow``, the
one ``readiness check`` drives too) sends: the device opened, each block's levels for
the meter, the room's noise, then the verdict on the voice. A device that is missing,
busy or unplugged stops the meter with a message; the flow looks for it again every
few seconds and the page resumes by itself when it is back.

« M'écouter » (``readiness.checks.echo_flow``), optional, plays a few seconds of the
person's voice back on the chosen output; the microphone's verdict does not hear it.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from readiness.checks.audio_opening import AudioDevice, AudioProblem, DeviceProblem
from readiness.checks.echo_flow import (
    RECORD_S,
    EchoDone,
    EchoFailed,
    EchoFlow,
    EchoPlaying,
    EchoProblem,
    Recording,
)
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
from readiness.ui.announce import announce
from readiness.ui.audio_device_picker import AudioDevicePicker
from readiness.ui.check_result_view import CheckResultView
from readiness.ui.flow_runner import FlowRunner
from readiness.ui.level_meter import LevelMeter
from readiness.ui.page import Page, paragraph
from readiness.ui.page_context import PageContext

#: Between two attempts to reopen a missing, busy or unplugged microphone.
RETRY_MS = 1500
#: « M'écouter » is given up when it has not ended this long after twice its recording
#: (its flow's own limits come first: this is for a driver call that never returns).
ECHO_SPARE_S = 30.0


class Phase(Enum):
    CLOSED = "closed"
    OPENING = "opening"
    QUIET = "quiet"
    SPEAK = "speak"
    DONE = "done"
    PROBLEM = "problem"


class EchoPhase(Enum):
    IDLE = "idle"
    RECORDING = "recording"
    PLAYING = "playing"


#: The microphone's phases in which its stream runs: « M'écouter » can borrow it.
_LISTENING = (Phase.QUIET, Phase.SPEAK, Phase.DONE)


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
        echo_s: float = RECORD_S,
        echo_watchdog_ms: int | None = None,
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
        self._echo_s = echo_s
        self.echo_phase = EchoPhase.IDLE
        self.echo_runner = FlowRunner(self)
        self.echo_runner.updated.connect(self._on_echo)
        self._echo_watchdog = QTimer(self)
        self._echo_watchdog.setSingleShot(True)
        self._echo_watchdog.setInterval(
            echo_watchdog_ms or round((2 * echo_s + ECHO_SPARE_S) * 1000)
        )
        self._echo_watchdog.timeout.connect(self._echo_timed_out)

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
        # Its text is its name: what to do, then what happens, is read where it is shown.
        self.echo_status = paragraph(self._echo_invitation())
        self.echo_button = QPushButton(self._echo_button_text())
        self.echo_button.clicked.connect(self._on_echo_clicked)
        self.echo_note = paragraph(
            self.tr(
                "Votre voix reste en mémoire le temps de l'écoute, puis elle est oubliée : "
                "rien n'est écrit sur l'ordinateur."
            )
        )
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
        echo_row = QHBoxLayout()
        echo_row.addWidget(self.echo_button)
        echo_row.addStretch(1)
        self.body.addWidget(self.picker)
        self.body.addWidget(self.meter_row)
        self.body.addWidget(self.instruction)
        self.body.addWidget(self.room)
        self.body.addWidget(self.result_view)
        self.body.addWidget(self.hint)
        self.body.addLayout(buttons)
        self.body.addSpacing(12)
        self.body.addWidget(self.echo_status)
        self.body.addLayout(echo_row)
        self.body.addWidget(self.echo_note)
        self.body.addStretch(1)
        self.body.addWidget(self.privacy)
        self.room.hide()
        self.hint.hide()
        self.restart_button.setEnabled(False)
        self.echo_button.setEnabled(False)  # until the microphone gives sound

    # --- navigation ----------------------------------------------------------

    def entered(self) -> None:
        self._open()

    def check_again(self) -> None:
        self.restart()

    def left(self) -> None:
        """Stop listening and give the microphone back to the system."""
        self._stop_echo()
        self.runner.stop()
        self.meter.stop()
        self.phase = Phase.CLOSED
        self._echo_ready()

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
        self._echo_ready()
        self.result_view.show_running(self.tr("Ouverture du micro…"))

    def _listening(self, update: Listening) -> None:
        self._device = update.device
        self.picker.set_devices(update.devices, update.device)
        self.meter.start()
        self._show_word(self.meter.word())
        self.restart_button.setEnabled(True)
        self.phase = Phase.QUIET
        self._echo_ready()
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
        self._stop_echo()  # the stream it borrowed is gone
        self.phase = Phase.PROBLEM
        self._echo_ready()
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

    # --- « M'écouter » ---------------------------------------------------------------

    def hear_yourself(self) -> None:
        """Records a few seconds of the voice from the running microphone, then plays
        them back on the chosen output (off the GUI thread)."""
        flow = self.flow
        if flow is None or self.phase not in _LISTENING or self.echo_phase is not EchoPhase.IDLE:
            return
        self.echo_phase = EchoPhase.RECORDING
        self.echo_button.setText(self._echo_button_text())
        self._echo_watchdog.start()
        self._show_echo(self._speak_now(math.ceil(self._echo_s)), urgent=True)
        self.echo_runner.start(EchoFlow(self._kit, flow, self._output(), record_s=self._echo_s))

    def _on_echo_clicked(self) -> None:
        if self.echo_phase is EchoPhase.IDLE:
            self.hear_yourself()
        else:  # « Arrêter »
            self._stop_echo()
            self._show_echo(
                self.tr(
                    "Écoute arrêtée : votre voix est déjà oubliée. "
                    "Pour recommencer, cliquez sur « M'écouter »."
                )
            )

    def _output(self) -> str | None:
        """The speakers page's choice, or the session's, or the system's default."""
        configured = self._context.services.config.devices.output_device
        return self._preferences.device("output") or configured or None

    def _on_echo(self, update: object) -> None:
        if isinstance(update, Recording):
            if self.echo_phase is EchoPhase.RECORDING:  # the countdown is not announced
                self.echo_status.setText(self._speak_now(update.seconds_left))
        elif isinstance(update, EchoPlaying):
            self.echo_phase = EchoPhase.PLAYING
            self._show_echo(self.tr("Écoute en cours…"))
        elif isinstance(update, EchoDone):
            self._stop_echo()
            if update.faint:
                self._show_echo(
                    self.tr(
                        "Nous n'avons presque rien entendu : le micro est peut-être coupé "
                        "ou loin de vous. Vérifiez-le, puis cliquez de nouveau sur "
                        "« M'écouter »."
                    )
                )
            else:
                self._show_echo(
                    self.tr(
                        "Voilà comment les autres vous entendront. Votre voix est déjà "
                        "oubliée. Pour vous réécouter, cliquez de nouveau sur « M'écouter »."
                    )
                )
        elif isinstance(update, EchoFailed):
            self._stop_echo()
            self._show_echo(self._echo_problem(update.problem), urgent=True)

    def _echo_timed_out(self) -> None:
        self._stop_echo()
        self._show_echo(self._echo_problem(EchoProblem.FAILED), urgent=True)

    def _echo_problem(self, problem: EchoProblem) -> str:
        if problem is EchoProblem.NO_OUTPUT:
            return self.tr(
                "Votre voix n'a pas pu être jouée : aucune sortie son n'est disponible. "
                "Branchez un casque ou des haut-parleurs, puis cliquez de nouveau sur "
                "« M'écouter »."
            )
        if problem is EchoProblem.BUSY:
            return self.tr(
                "Votre voix n'a pas pu être jouée : la sortie son est occupée par une autre "
                "application. Fermez-la, puis cliquez de nouveau sur « M'écouter »."
            )
        if problem is EchoProblem.NO_SOUND:
            return self.tr(
                "Le micro n'a rien envoyé pendant l'enregistrement. Vérifiez qu'il est bien "
                "branché, puis cliquez de nouveau sur « M'écouter »."
            )
        return self.tr(
            "Votre voix n'a pas pu être jouée jusqu'au bout. Vérifiez la sortie son sur la "
            "page « Haut-parleurs », puis cliquez de nouveau sur « M'écouter »."
        )

    def _stop_echo(self) -> None:
        """Ends « M'écouter » (its flow forgets the voice); the button can be pressed again."""
        self.echo_runner.stop()
        self._echo_watchdog.stop()
        self.echo_phase = EchoPhase.IDLE
        self.echo_button.setText(self._echo_button_text())
        self._echo_ready()

    def _echo_ready(self) -> None:
        """The button works while the microphone's stream runs (or to stop the echo)."""
        busy = self.echo_phase is not EchoPhase.IDLE
        self.echo_button.setEnabled(busy or self.phase in _LISTENING)
        if not busy and self.phase not in _LISTENING:
            self._set_echo_text(self._echo_invitation())

    def _show_echo(self, text: str, *, urgent: bool = False) -> None:
        self._set_echo_text(text)
        announce(self.echo_status, text, urgent=urgent)

    def _set_echo_text(self, text: str) -> None:
        # Bold while it runs: what to do now (speak, listen) must stand out.
        font = self.echo_status.font()
        font.setBold(self.echo_phase is not EchoPhase.IDLE)
        self.echo_status.setFont(font)
        self.echo_status.setText(text)

    def _echo_button_text(self) -> str:
        if self.echo_phase is EchoPhase.IDLE:
            return self.tr("M'é&couter")
        return self.tr("Arrê&ter")

    def _echo_invitation(self) -> str:
        return self.tr(
            "Facultatif : cliquez sur « M'écouter », parlez quelques secondes, puis "
            "écoutez votre voix comme les autres l'entendront."
        )

    def _speak_now(self, seconds: int) -> str:
        return self.tr("Parlez maintenant… encore {seconds} s").format(seconds=seconds)
