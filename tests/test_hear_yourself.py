"""« M'écouter » on the microphone page, on the real PortAudio and the tests' PulseAudio.

The null sink is the output and its monitor the microphone: what the page plays back
comes out on the sink, where ``parec`` records it as a person's ears would hear it,
and where the page's own microphone hears it too (its verdict must not). A tone at a
frequency nothing else plays stands in for the voice.
"""

from __future__ import annotations

import os
import select
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from pulse_server import RATE, PulseServer, monitor_recorder, sine
from readiness.core.levels import dbfs, rms
from readiness.devices import audio
from readiness.devices.audio import AudioError, AudioProblem, rescan
from readiness.devices.audio.voice_echo import VoiceMemory, for_playback
from readiness.ui.pages.microphone import EchoPhase, MicrophonePage, Phase
from tests.fakes import GatedCall

pytest_plugins = ["pulse_server"]

#: Longer than any test: a player is stopped at its end.
LONG_S = 15.0
PATIENT_S = 30.0
#: The voice, as a tone no other sound here has.
TONE_HZ = 733.0
TONE_PEAK_DBFS = -20.0
#: A sine's RMS is 3 dB under its peak.
TONE_RMS_DBFS = TONE_PEAK_DBFS - 3.0
WAIT_MS = 30_000  # only against a hung test


@pytest.fixture
def open_page(open_microphone_page):
    return open_microphone_page


def wait_phase(qtbot, page: MicrophonePage, phase: Phase) -> None:
    qtbot.waitUntil(lambda: page.phase is phase, timeout=WAIT_MS)


def wait_echo(qtbot, page: MicrophonePage, phase: EchoPhase) -> None:
    qtbot.waitUntil(lambda: page.echo_phase is phase, timeout=WAIT_MS)


def events_handled(qtbot) -> None:
    """Returns once the GUI thread handled an event posted now: the window is not frozen."""
    handled = []
    QTimer.singleShot(0, lambda: handled.append(True))
    qtbot.waitUntil(lambda: bool(handled), timeout=10_000)


class SinkRecorder:
    """Records what the sink plays (``parec`` on its monitor) until stopped."""

    def __init__(self, pulse: PulseServer):
        self._process = subprocess.Popen(
            monitor_recorder(),
            env={**os.environ, **pulse.client_env()},
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self._data = bytearray()
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        stream = self._process.stdout
        assert stream is not None
        while not self._done.is_set():
            ready, _, _ = select.select([stream], [], [], 0.05)
            if ready:
                data = os.read(stream.fileno(), 65536)
                if not data:
                    return
                self._data += data

    def stop(self) -> np.ndarray:
        self._done.set()
        self._thread.join(10)
        self._process.terminate()
        self._process.wait(10)
        assert self._process.stdout is not None
        self._process.stdout.close()
        usable = len(self._data) // 4 * 4
        return np.frombuffer(bytes(self._data[:usable]), dtype="<f4")


def tone_windows(samples: np.ndarray, frequency: float) -> tuple[int, list[float]]:
    """How many 100 ms windows of ``samples`` are loud and ``frequency`` above all, with
    their levels; and the loud ones that are something else raise."""
    window = RATE // 10
    found, levels = 0, []
    for start in range(0, samples.size - window + 1, window):
        part = samples[start : start + window].astype(np.float64)
        level = dbfs(rms(part))
        if level < -45.0:
            continue  # silence around the sound
        spectrum = np.abs(np.fft.rfft(part * np.hanning(window)))
        strongest = np.argmax(spectrum) * RATE / window
        assert abs(strongest - frequency) <= 15.0, f"{strongest:.0f} Hz at {level:.1f} dBFS"
        found += 1
        levels.append(level)
    return found, levels


def test_the_voice_heard_is_played_back_on_the_output(open_page, qtbot, pulse) -> None:
    page = open_page(speak_timeout_s=PATIENT_S, echo_s=3.0)
    wait_phase(qtbot, page, Phase.SPEAK)
    assert page.echo_button.isEnabled()
    pulse.play_heard(sine(TONE_PEAK_DBFS, LONG_S, TONE_HZ))  # the person speaks...
    qtbot.mouseClick(page.echo_button, Qt.MouseButton.LeftButton)
    assert page.echo_phase is EchoPhase.RECORDING
    assert page.echo_status.text() == "Parlez maintenant… encore 3 s"
    wait_echo(qtbot, page, EchoPhase.PLAYING)
    assert page.echo_status.text() == "Écoute en cours…"
    pulse.stop_playing()  # ...and stops: from now on the sink plays only the echo
    recorder = SinkRecorder(pulse)
    try:
        wait_echo(qtbot, page, EchoPhase.IDLE)
    finally:
        played = recorder.stop()
    windows, levels = tone_windows(played, TONE_HZ)
    assert windows >= 5, f"the voice came back in {windows} windows of 100 ms"
    assert float(np.median(levels)) == pytest.approx(TONE_RMS_DBFS, abs=3.0)
    assert "Voilà comment les autres vous entendront" in page.echo_status.text()
    assert page.echo_button.isEnabled() and page.echo_button.text() == "M'é&couter"


def test_the_echo_never_sways_the_microphones_verdict(open_page, qtbot, pulse) -> None:
    page = open_page(speak_timeout_s=PATIENT_S, echo_s=4.0)
    wait_phase(qtbot, page, Phase.SPEAK)
    controller = page._context.controller
    qtbot.mouseClick(page.echo_button, Qt.MouseButton.LeftButton)
    # A voice at a speaking level, kept and played back: judged, it would be heard well.
    pulse.play_heard(sine(-14.0, LONG_S, TONE_HZ))
    wait_echo(qtbot, page, EchoPhase.PLAYING)
    pulse.stop_playing()
    wait_echo(qtbot, page, EchoPhase.IDLE)
    assert "Voilà comment" in page.echo_status.text()  # the voice was played back...
    events_handled(qtbot)
    assert page.phase is Phase.SPEAK  # ...and the microphone's verdict did not hear it
    assert controller.result("microphone") is None
    assert "dites une phrase" in page.instruction.text()
    pulse.play(sine(-14.0, LONG_S))  # then a sentence: judged as ever
    wait_phase(qtbot, page, Phase.DONE)
    assert page.result_view.summary.text() == "Nous vous entendons bien."


def test_the_room_measure_does_not_hear_the_echo(open_page, qtbot, pulse) -> None:
    page = open_page(quiet_s=3.0, echo_s=2.0)
    wait_phase(qtbot, page, Phase.QUIET)
    qtbot.mouseClick(page.echo_button, Qt.MouseButton.LeftButton)
    pulse.play_heard(sine(-14.0, LONG_S, TONE_HZ))  # speaking while the room is measured
    wait_echo(qtbot, page, EchoPhase.PLAYING)
    pulse.stop_playing()
    wait_echo(qtbot, page, EchoPhase.IDLE)
    wait_phase(qtbot, page, Phase.SPEAK)
    assert "✓" in page.room.text()  # neither the voice nor its echo made the room noisy
    assert page.noise_floor_dbfs is not None and page.noise_floor_dbfs < -60.0


# --- nothing written -------------------------------------------------------------------

#: What Python's own file operations would write (any thread of this process).
_WRITES = {"os.mkdir", "os.rename", "os.replace", "os.link", "os.symlink", "os.truncate"}
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
_seen: list[str] | None = None


def _audit(event: str, args: tuple) -> None:
    seen = _seen
    if seen is None:
        return
    if event == "open":
        path, mode, flags = (*args, None, None)[:3]
        writes = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
            isinstance(flags, int) and flags & _WRITE_FLAGS
        )
        if writes:
            seen.append(f"open {path!r} {mode!r}")
    elif event in _WRITES:
        seen.append(f"{event} {args!r}")


_hook_added = False


def files_under(*roots: Path) -> dict[str, tuple[int, int]]:
    found = {}
    for root in roots:
        for path in root.rglob("*"):
            stat = path.lstat()
            found[str(path)] = (stat.st_size, stat.st_mtime_ns)
    return found


def test_the_voice_is_never_written_anywhere(
    open_page, qtbot, pulse, isolated_user: Path, tmp_path: Path, monkeypatch
) -> None:
    global _seen, _hook_added
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setenv("TMPDIR", str(temporary))
    monkeypatch.setattr(tempfile, "tempdir", None)  # looked up again: this test's own
    if not _hook_added:  # an audit hook stays for good: it only notes while asked to
        sys.addaudithook(_audit)
        _hook_added = True
    page = open_page(speak_timeout_s=PATIENT_S, echo_s=2.0)
    wait_phase(qtbot, page, Phase.SPEAK)
    pulse.play_heard(sine(TONE_PEAK_DBFS, LONG_S, TONE_HZ))
    before = files_under(isolated_user, tmp_path)
    _seen = []
    try:
        qtbot.mouseClick(page.echo_button, Qt.MouseButton.LeftButton)
        wait_echo(qtbot, page, EchoPhase.PLAYING)
        wait_echo(qtbot, page, EchoPhase.IDLE)
        seen, _seen = _seen, None
    finally:
        _seen = None
    assert "Voilà comment" in page.echo_status.text()
    assert seen == []
    assert files_under(isolated_user, tmp_path) == before  # HOME, XDG, TMPDIR, settings
    assert list(temporary.iterdir()) == []
    assert "rien n'est écrit sur l'ordinateur" in page.echo_note.text()


# --- keyboard and screen reader --------------------------------------------------------


# The announcements Qt was asked to pass on: ``heard``, shared with test_announcements.


def accessible_name(widget) -> str:
    """The name Qt gives a screen reader (what AT-SPI, UIA or NSAccessibility pass on)."""
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)


def focus_by_tab(qtbot, page, target, limit: int = 30) -> None:
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page, timeout=5_000)
    page.picker.combo.setFocus()
    for _ in range(limit):
        if target.hasFocus():
            return
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    raise AssertionError("Tab never reaches « M'écouter »")


def test_the_keyboard_and_a_screen_reader_can_use_it(open_page, qtbot, pulse, heard) -> None:
    page = open_page(speak_timeout_s=PATIENT_S, echo_s=1.0)
    wait_phase(qtbot, page, Phase.SPEAK)
    button = page.echo_button
    assert accessible_name(button) == "M'écouter"
    assert accessible_name(page.echo_status) == page.echo_status.text()  # read as shown
    focus_by_tab(qtbot, page, button)
    QTest.keyClick(button, Qt.Key.Key_Space)
    assert page.echo_phase is EchoPhase.RECORDING
    assert heard.said[-1] == (
        "Parlez maintenant… encore 1 s",
        QAccessible.AnnouncementPoliteness.Assertive,  # at once: the seconds are running
    )
    assert button.hasFocus() and accessible_name(button) == "Arrêter"
    wait_echo(qtbot, page, EchoPhase.IDLE)
    texts = heard.texts()
    assert "Écoute en cours…" in texts
    # Nothing was said into the microphone: the page says so, rather than "here you are".
    assert texts[-1].startswith("Nous n'avons presque rien entendu")
    assert button.hasFocus() and accessible_name(button) == "M'écouter"  # press again
    QTest.keyClick(page.windowHandle(), Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    wait_echo(qtbot, page, EchoPhase.RECORDING)  # its shortcut (an animated click)
    QTest.keyClick(button, Qt.Key.Key_Space)  # « Arrêter »
    assert page.echo_phase is EchoPhase.IDLE
    assert heard.texts()[-1].startswith("Écoute arrêtée")


def test_it_waits_for_the_microphone_and_is_given_up_when_the_page_is_left(
    open_page, qtbot, pulse, monkeypatch
) -> None:
    opening = GatedCall(audio.Capture)
    monkeypatch.setattr(audio, "Capture", opening)
    page = open_page()
    try:
        assert opening.called.wait(10)
        events_handled(qtbot)
        assert not page.echo_button.isEnabled()  # nothing to listen to yet
    finally:
        opening.release()
    wait_phase(qtbot, page, Phase.QUIET)
    assert page.echo_button.isEnabled()
    qtbot.mouseClick(page.echo_button, Qt.MouseButton.LeftButton)
    page.left()  # the person moves on while speaking: the echo ends with the page
    assert page.echo_phase is EchoPhase.IDLE and not page.echo_button.isEnabled()
    assert page.echo_status.text().startswith("Facultatif")
    qtbot.waitUntil(rescan, timeout=10_000)  # every stream was given back


# --- problems --------------------------------------------------------------------------


def test_without_an_output_it_says_what_to_plug_in(open_page, qtbot, pulse, monkeypatch) -> None:
    real = audio.device_tables

    def no_output(kind, **options):
        return ([], []) if kind == "output" else real(kind, **options)

    monkeypatch.setattr(audio, "device_tables", no_output)
    page = open_page(speak_timeout_s=PATIENT_S, echo_s=0.5)
    wait_phase(qtbot, page, Phase.SPEAK)
    qtbot.mouseClick(page.echo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "aucune sortie son" in page.echo_status.text(), timeout=WAIT_MS)
    assert page.echo_status.text() == (
        "Votre voix n'a pas pu être jouée\u00a0: aucune sortie son n'est disponible. "
        "Branchez un casque ou des haut-parleurs, puis cliquez de nouveau sur "
        "«\u00a0M'écouter\u00a0»."
    )
    assert page.echo_phase is EchoPhase.IDLE and page.echo_button.isEnabled()
    assert page.phase is Phase.SPEAK  # the microphone's check goes on


def test_an_output_held_by_another_application_is_said_kindly(
    open_page, qtbot, pulse, monkeypatch
) -> None:
    # An output held in exclusive mode exists on Windows only: PortAudio's answer is
    # played by the opening raising what it raises then.
    def busy(*_args, **_options):
        raise AudioError(AudioProblem.BUSY, "Device unavailable [PaErrorCode -9985]")

    monkeypatch.setattr(audio, "Playback", busy)
    page = open_page(speak_timeout_s=PATIENT_S, echo_s=0.5)
    wait_phase(qtbot, page, Phase.SPEAK)
    qtbot.mouseClick(page.echo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "occupée" in page.echo_status.text(), timeout=WAIT_MS)
    assert "Fermez-la, puis cliquez de nouveau sur" in page.echo_status.text()
    assert page.echo_phase is EchoPhase.IDLE and page.echo_button.isEnabled()


def test_an_output_that_never_opens_is_given_up_off_the_gui_thread(
    open_page, qtbot, pulse, monkeypatch
) -> None:
    opening = GatedCall(audio.Playback)  # a driver that never answers
    monkeypatch.setattr(audio, "Playback", opening)
    page = open_page(speak_timeout_s=PATIENT_S, echo_s=0.3, echo_watchdog_ms=2_000)
    wait_phase(qtbot, page, Phase.SPEAK)
    qtbot.mouseClick(page.echo_button, Qt.MouseButton.LeftButton)
    try:
        assert opening.called.wait(10)
        assert opening.threads[0] is not threading.main_thread()
        events_handled(qtbot)  # the window goes on meanwhile
        wait_echo(qtbot, page, EchoPhase.IDLE)
        assert page.echo_status.text().startswith("Votre voix n'a pas pu être jouée jusqu'au bout.")
        assert page.echo_button.isEnabled()
    finally:
        opening.release()  # the driver answers at last: what it opened is closed at once
    page.left()
    qtbot.waitUntil(rescan, timeout=10_000)


def test_a_microphone_unplugged_while_recording_ends_the_echo(own_pulse, open_page, qtbot) -> None:
    page = open_page(speak_timeout_s=PATIENT_S, echo_s=PATIENT_S)
    wait_phase(qtbot, page, Phase.SPEAK)
    qtbot.mouseClick(page.echo_button, Qt.MouseButton.LeftButton)
    own_pulse.unplug()
    wait_phase(qtbot, page, Phase.PROBLEM)
    assert page.echo_phase is EchoPhase.IDLE
    assert not page.echo_button.isEnabled()
    assert page.echo_status.text().startswith("Facultatif")
    assert page.result_view.summary.text() == "Le micro a été débranché ou ne répond plus."


# --- the memory and the sound played -------------------------------------------------


@given(st.lists(st.integers(min_value=1, max_value=5000), min_size=1, max_size=40))
def test_the_memory_keeps_exactly_the_seconds_asked_of_the_microphones_own_sound(
    sizes: list[int],
) -> None:
    rate = 8000.0
    memory = VoiceMemory(1.5)
    assert memory.seconds_left == 2
    counter = 0
    for size in sizes:
        memory.add(np.arange(counter, counter + size, dtype=np.float32), rate)
        counter += size
    wanted = round(1.5 * rate)
    assert memory.full == (counter >= wanted)
    assert memory.seconds_left == (0 if memory.full else -(-(wanted - counter) // 8000))
    voice, kept_rate = memory.take()
    assert kept_rate == rate
    assert voice.tolist() == list(range(min(counter, wanted)))  # in order, nothing more
    assert memory.take()[0].size == 0  # let go of


def test_a_forgotten_memory_keeps_nothing_more() -> None:
    memory = VoiceMemory(1.0)
    memory.add(np.ones(100, dtype=np.float32), 8000.0)
    memory.forget()
    memory.add(np.ones(100, dtype=np.float32), 8000.0)
    assert memory.take()[0].size == 0


@pytest.mark.parametrize(
    ("heard_at", "played_at"), [(44100, 48000), (48000, 44100), (16000, 48000)]
)
def test_the_voice_plays_at_the_outputs_rate_the_same_pitch_and_without_a_click(
    heard_at: int, played_at: int
) -> None:
    t = np.arange(heard_at) / heard_at  # one second
    voice = (0.5 * np.cos(2 * np.pi * TONE_HZ * t)).astype(np.float32)  # loud at its edges
    played = for_playback(voice, heard_at, played_at)
    assert played.dtype == np.float32
    assert played.size == pytest.approx(played_at, abs=1)  # still one second
    spectrum = np.abs(np.fft.rfft(played * np.hanning(played.size)))
    assert np.argmax(spectrum) * played_at / played.size == pytest.approx(TONE_HZ, abs=2.0)
    assert abs(played[0]) < 1e-6 and abs(played[-1]) < 1e-3  # faded in and out
    assert float(np.max(np.abs(played))) == pytest.approx(0.5, abs=0.01)  # as loud as heard
