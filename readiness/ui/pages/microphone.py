"""« Micro »: a live level meter, the quiet-room measure, then "say a sentence".

The microphone is opened off the GUI thread; the meter's timer drains it. The
page measures the room for about two seconds, then asks for a sentence and says
whether the voice is heard well, too weak or clipping. A device that is missing,
busy or unplugged stops the meter with a message, and the page tries again
every few seconds: it resumes by itself when the device is back.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from readiness.checks.microphone import (
    CHECK_ID,
    SpeechTracker,
    SpeechVerdict,
    judge_speech,
    microphone_problem,
    noise_advice,
)
from readiness.checks.titles import microphone_title
from readiness.core.levels import BlockLevel, is_noisy, quietest_span_dbfs
from readiness.devices.audio.handover import Handover
from readiness.devices.audio.model import AudioDevice, AudioError, AudioProblem
from readiness.ui.audio_device_picker import AudioDevicePicker
from readiness.ui.check_result_view import CheckResultView
from readiness.ui.level_meter import LevelMeter
from readiness.ui.page import Page, paragraph
from readiness.ui.page_context import PageContext
from readiness.ui.tasks import Task

log = logging.getLogger(__name__)

QUIET_S = 2.0
#: How long we wait for a sentence before saying the voice is too weak.
SPEAK_TIMEOUT_S = 8.0
#: Between two attempts to reopen a missing, busy or unplugged microphone.
RETRY_MS = 1500


class Phase(Enum):
    CLOSED = "closed"
    OPENING = "opening"
    QUIET = "quiet"
    SPEAK = "speak"
    DONE = "done"
    PROBLEM = "problem"


@dataclass
class _Opened:
    capture: object  # readiness.devices.audio.Capture
    devices: list[AudioDevice]
    device: AudioDevice
    #: The remembered microphone was missing: the default is used instead.
    fell_back: bool

    def close(self) -> None:
        self.capture.close(timeout_s=0.5)


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
        self._preferences = context.services.preferences
        self._configured = context.services.config.devices.input_device
        self._quiet_s = quiet_s
        self._speak_timeout_s = speak_timeout_s
        self.phase = Phase.CLOSED
        #: Only the latest opening counts: starting one cancels the one before.
        self._task_key = f"microphone-open-{id(self)}"
        self._opening: tuple[Task, Handover[_Opened]] | None = None
        self._capture = None
        self._device: AudioDevice | None = None
        self._quiet_blocks: list[BlockLevel] = []
        self._tracker: SpeechTracker | None = None
        self.noise_floor_dbfs: float | None = None

        self.picker = AudioDevicePicker(self.tr("&Micro utilisé :"), self)
        self.picker.chosen.connect(self._on_device_chosen)
        self.meter = LevelMeter(self, clock=clock)
        self.meter.measured.connect(self._on_block)
        self.meter.failed.connect(self._on_failed)
        self.level_word = QLabel(self)
        self.meter.word_changed.connect(self._show_word)
        self.instruction = paragraph()
        font = self.instruction.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.instruction.setFont(font)
        self.instruction.setAccessibleName(self.tr("Consigne"))
        self.room = paragraph()
        self.room.setAccessibleName(self.tr("Espace calme"))
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

        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(retry_ms)
        self._retry.timeout.connect(self._open)

    # --- navigation ----------------------------------------------------------

    def entered(self) -> None:
        self._open()

    def left(self) -> None:
        """Stop listening and give the microphone back to the system."""
        self._abandon_opening()
        self._retry.stop()
        self.meter.stop()
        self._close_capture()
        self.phase = Phase.CLOSED

    def restart(self) -> None:
        self.left()
        self._open()

    # --- opening (off the GUI thread) ------------------------------------------

    def _wanted(self) -> str | None:
        return self._preferences.device("input") or self._configured or None

    def _open(self) -> None:
        self._abandon_opening()
        wanted = self._wanted()
        if self.phase is not Phase.PROBLEM:  # a retry keeps the problem on screen
            self.phase = Phase.OPENING
            self.restart_button.setEnabled(False)
            self.result_view.show_running(self.tr("Ouverture du micro…"))
        handover: Handover[_Opened] = Handover(_Opened.close)
        task = self._context.tasks.run_cancellable(
            lambda cancelled: _open_microphone(wanted, cancelled, handover),
            self._on_opened,
            self._on_open_failed,
            key=self._task_key,
        )
        self._opening = (task, handover)

    def _abandon_opening(self) -> None:
        """The user left, or chose another device: an opening on its way is closed, not used."""
        opening, self._opening = self._opening, None
        if opening is not None:
            task, handover = opening
            task.cancel()  # its outcome will not be delivered
            handover.drop()  # what it opened already (or opens later) is closed

    def _on_opened(self, opened: _Opened) -> None:
        # Delivered, so not cancelled: still the latest opening. The page closes it from now on.
        opening, self._opening = self._opening, None
        if opening is not None:
            opening[1].take()
        self._capture = opened.capture
        self._device = opened.device
        self.picker.set_devices(opened.devices, opened.device)
        self.meter.start(opened.capture.read, opened.capture.samplerate)
        self._show_word(self.meter.word())
        self.restart_button.setEnabled(True)
        self._begin_quiet(opened.fell_back)

    def _on_open_failed(self, error: BaseException) -> None:
        self._opening = None
        if not isinstance(error, AudioError):
            log.error("opening the microphone failed unexpectedly", exc_info=error)
            error = AudioError(AudioProblem.FAILED, str(error))
        self._show_problem(error)

    # --- measuring ---------------------------------------------------------------

    def _begin_quiet(self, fell_back: bool) -> None:
        self.phase = Phase.QUIET
        self._quiet_blocks = []
        self._tracker = None
        self.noise_floor_dbfs = None
        self.room.hide()
        self.hint.hide()
        self.meter_row.show()
        text = self.tr(
            "Ne parlez pas pendant quelques secondes : nous écoutons le bruit autour de vous."
        )
        if fell_back:
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

    def _on_block(self, block: BlockLevel) -> None:
        rate = self.meter.samplerate
        if self.phase is Phase.QUIET:
            self._quiet_blocks.append(block)
            if sum(b.frames for b in self._quiet_blocks) >= self._quiet_s * rate:
                self._end_quiet(rate)
        elif self.phase is Phase.SPEAK and self._tracker is not None:
            self._tracker.add(block, rate)
            timed_out = self._tracker.heard_s >= self._speak_timeout_s
            verdict = self._tracker.verdict(timed_out=timed_out)
            if verdict is not SpeechVerdict.LISTENING:
                self._finish(verdict)

    def _end_quiet(self, rate: float) -> None:
        # The quietest second: a cough during the measure is not the room's noise.
        span = round(min(1.0, self._quiet_s) * rate)
        self.noise_floor_dbfs = quietest_span_dbfs(self._quiet_blocks, span)
        if is_noisy(self.noise_floor_dbfs):
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
        self._tracker = SpeechTracker(self.noise_floor_dbfs)
        self.phase = Phase.SPEAK
        self._instruct(
            self.tr(
                "Maintenant, dites une phrase à voix normale, par exemple : "
                "« Bonjour, je suis là pour ma séance. »"
            )
        )
        self.result_view.show_running(self.tr("Nous écoutons votre voix…"))

    def _finish(self, verdict: SpeechVerdict) -> None:
        assert self._tracker is not None
        self.phase = Phase.DONE
        device = self._device.name if self._device else ""
        result = judge_speech(self._tracker, verdict, device)
        self.result_view.show_result(result)
        self._instruct("")  # the result is what matters now
        self.hint.show()
        self._context.controller.record(result)

    def _instruct(self, text: str) -> None:
        self.instruction.setText(text)
        self.instruction.setVisible(bool(text))

    def _show_word(self, word: str) -> None:
        self.level_word.setText(self.tr("Niveau : {word}").format(word=word))

    # --- problems ----------------------------------------------------------------

    def _on_failed(self, error: AudioError) -> None:
        """The meter's source raised: the device went away (or stalled)."""
        self._close_capture()
        self._show_problem(error)

    def _show_problem(self, error: AudioError) -> None:
        live = error.problem is not AudioProblem.NO_PORTAUDIO
        if self.phase is Phase.PROBLEM and live:
            # An attempt to reopen failed: the first message (unplugged, busy…) says best
            # what happened, and stays until the microphone works again.
            self._retry.start()
            return
        self.phase = Phase.PROBLEM
        self.level_word.setText(self.tr("Niveau : —"))
        result = microphone_problem(error, self._wanted(), resume="auto" if live else "check")
        self.result_view.show_result(result)
        self._instruct("")
        self.room.hide()
        self.hint.hide()
        self.meter_row.hide()  # an empty meter would only suggest silence
        self._context.controller.record(result)
        self.restart_button.setEnabled(True)
        if error.problem in (AudioProblem.NO_DEVICE, AudioProblem.GONE):
            self._device = None
            self.picker.set_devices([], None)
        if live:
            self._retry.start()  # a missing PortAudio will not come back by waiting

    def _on_device_chosen(self, device: AudioDevice) -> None:
        self._preferences.set_device("input", device.raw_name)
        if self._device is None or device.raw_name != self._device.raw_name:
            self.restart()

    def _close_capture(self) -> None:
        capture, self._capture = self._capture, None
        if capture is not None:
            capture.close(timeout_s=0.5)


def _open_microphone(
    wanted: str | None, cancelled: Callable[[], bool], handover: Handover[_Opened]
) -> _Opened | None:
    """Lists the microphones and opens the wanted one (or the default). Blocks: a worker's.

    A page left meanwhile no longer wants it: it is then not opened, or closed at once
    (None is returned then, and never delivered: the task was cancelled).
    """
    from readiness.devices.audio import Capture, device_tables, pick_device

    offered, everything = device_tables("input")
    fell_back = False
    try:
        device = pick_device(offered, everything, wanted, "input")
    except AudioError as error:
        if error.problem is not AudioProblem.NOT_FOUND:
            raise
        device = pick_device(offered, everything, None, "input")
        fell_back = True
    if cancelled():
        return None
    opened = _Opened(Capture(device), offered, device, fell_back)
    return opened if handover.give(opened) else None
