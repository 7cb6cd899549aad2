"""The microphone page, offscreen, on the real PortAudio and the tests' PulseAudio server.

The page shows its flow's updates (readiness.checks.microphone_flow). No test here
measures time: the phases count the microphone's own samples, a clock is injected
where the page reads one, and what must happen off the GUI thread is shown by the
thread it runs in and by a window that goes on meanwhile.
"""

import threading
import time

import pytest
from PySide6.QtCore import Qt, QTimer

from pulse_server import PulseServer, noise, sine
from readiness.core.result import Status
from readiness.devices import audio
from readiness.devices.audio import AudioError, AudioProblem, rescan
from readiness.ui.pages.microphone import MicrophonePage, Phase
from readiness.ui.status_style import BadgeState
from tests.fakes import GatedCall

pytest_plugins = ["pulse_server"]

#: Long enough never to be over before the test is: a player is stopped at its end.
LONG_S = 15.0
#: "Say a sentence" waits this much of the microphone's sound: a busy computer may
#: start a player late, so a test that expects a voice heard leaves it all the time.
PATIENT_S = 30.0


class Clock:
    """A clock that moves only when the test moves it."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def open_page(open_microphone_page):
    return open_microphone_page


def wait_phase(qtbot, page: MicrophonePage, phase: Phase, timeout_ms: int = 10_000) -> None:
    qtbot.waitUntil(lambda: page.phase is phase, timeout=timeout_ms)


def events_handled(qtbot) -> None:
    """Returns once the GUI thread handled an event posted now: the window is not frozen."""
    handled = []
    QTimer.singleShot(0, lambda: handled.append(True))
    qtbot.waitUntil(lambda: bool(handled), timeout=10_000)


def wait_without_events(condition, timeout_s: float = 10.0) -> None:
    """Waits for a worker without letting the GUI thread handle any event meanwhile."""
    deadline = time.monotonic() + timeout_s  # only against a hung test
    while not condition():
        assert time.monotonic() < deadline, "the worker never got there"
        time.sleep(0.005)


def test_a_voice_at_a_good_level_is_heard_well(open_page, qtbot, pulse: PulseServer) -> None:
    page = open_page(speak_timeout_s=PATIENT_S)
    wait_phase(qtbot, page, Phase.QUIET)
    assert page.meter.running
    assert "Ne parlez pas" in page.instruction.text()
    wait_phase(qtbot, page, Phase.SPEAK)
    assert page.room.isVisible()
    assert "calme" in page.room.text() and "✓" in page.room.text()
    assert "dites une phrase" in page.instruction.text()
    pulse.play(sine(-14.0, LONG_S))  # a voice, as a tone at a speaking level
    wait_phase(qtbot, page, Phase.DONE)
    assert page.result_view.summary.text() == "Nous vous entendons bien."
    assert page.result_view.badge.state is BadgeState.OK
    assert page._context.controller.result("microphone").status is Status.OK
    qtbot.waitUntil(lambda: page.meter.word() == "correct", timeout=10_000)
    assert page.meter.accessibleDescription() == "Niveau : correct"
    assert "correct" in page.level_word.text()
    page.left()
    assert not page.meter.running
    qtbot.waitUntil(rescan, timeout=10_000)  # the microphone was given back


def test_a_noisy_room_is_said_with_the_guides_advice(open_page, qtbot, pulse) -> None:
    pulse.play_heard(noise(-25.0, LONG_S))  # the room is noisy before the page listens
    page = open_page(speak_timeout_s=1.0)
    wait_phase(qtbot, page, Phase.SPEAK)
    assert "⚠" in page.room.text()
    assert "les autres participants l'entendront" in page.room.text()
    assert "fermez la fenêtre" in page.room.text()
    assert page.noise_floor_dbfs == pytest.approx(-25.0, abs=2.0)
    wait_phase(qtbot, page, Phase.DONE)
    # The noise itself is not taken for a voice.
    assert page.result_view.badge.state is BadgeState.WARNING


def test_a_faint_voice_is_too_weak_with_what_to_do(open_page, qtbot, pulse) -> None:
    pulse.play_heard(noise(-75.0, LONG_S))  # a quiet room, not digital silence
    page = open_page(speak_timeout_s=3.0)
    wait_phase(qtbot, page, Phase.SPEAK)
    pulse.play(sine(-47.0, LONG_S))
    wait_phase(qtbot, page, Phase.DONE)
    assert "trop faiblement" in page.result_view.summary.text()
    advice = page.result_view.advice.text()
    assert "Rapprochez-vous" in advice and "sourdine" in advice and "volume d'entrée" in advice
    assert page.meter.word() == "faible"


def test_a_voice_that_clips_is_saturated(open_page, qtbot, pulse) -> None:
    page = open_page(speak_timeout_s=PATIENT_S, clock=Clock())
    wait_phase(qtbot, page, Phase.SPEAK)
    pulse.play(sine(6.0, LONG_S).clip(-1.0, 1.0))
    wait_phase(qtbot, page, Phase.DONE)
    assert "sature" in page.result_view.summary.text()
    assert page.meter.clipping  # the mark stays lit: the meter's clock has not moved
    assert page.meter.accessibleDescription() == "Niveau : saturé"


def test_restart_measures_again(open_page, qtbot, pulse) -> None:
    page = open_page(speak_timeout_s=0.5)
    wait_phase(qtbot, page, Phase.DONE)
    qtbot.mouseClick(page.restart_button, Qt.MouseButton.LeftButton)
    wait_phase(qtbot, page, Phase.QUIET)


def test_without_a_sound_server_the_page_says_so_and_retries_off_the_gui_thread(
    open_page, qtbot, no_sound_server, monkeypatch
) -> None:
    listings = GatedCall(audio.device_tables, open_gate=True)
    monkeypatch.setattr(audio, "device_tables", listings)
    page = open_page()
    wait_phase(qtbot, page, Phase.PROBLEM)
    qtbot.waitUntil(lambda: len(listings.threads) >= 3, timeout=10_000)  # it retries by itself
    assert threading.main_thread() not in listings.threads
    assert page.result_view.summary.text() == "Aucun micro n'a été trouvé."
    assert page.result_view.badge.state is BadgeState.FAILED
    assert "La mesure reprendra d'elle-même" in page.result_view.advice.text()
    assert not page.picker.combo.isEnabled()
    assert page.picker.combo.currentText() == "Aucun appareil trouvé"
    assert page._context.controller.result("microphone").status is Status.FAILED


def test_a_microphone_unplugged_midway_stops_and_resumes(
    own_pulse, open_page, qtbot, monkeypatch
) -> None:
    listings = GatedCall(audio.device_tables, open_gate=True)
    monkeypatch.setattr(audio, "device_tables", listings)
    page = open_page(quiet_s=PATIENT_S)  # still measuring the room when it goes
    wait_phase(qtbot, page, Phase.QUIET)
    own_pulse.unplug()  # the USB headset is pulled out
    wait_phase(qtbot, page, Phase.PROBLEM)
    assert not page.meter.running
    assert page.result_view.summary.text() == "Le micro a été débranché ou ne répond plus."
    assert "La mesure reprendra d'elle-même" in page.result_view.advice.text()
    assert page.result_view.badge.state is BadgeState.FAILED
    tried = len(listings.threads)
    # A few attempts to reopen it fail meanwhile: the message stays.
    qtbot.waitUntil(lambda: len(listings.threads) >= tried + 2, timeout=10_000)
    events_handled(qtbot)
    assert page.result_view.summary.text() == "Le micro a été débranché ou ne répond plus."
    own_pulse.plug_in()  # and plugged back in
    wait_phase(qtbot, page, Phase.QUIET)
    assert page.meter.running
    assert page.result_view.summary.text() == "Mesure du calme autour de vous…"


def test_the_chosen_microphone_is_remembered(open_page, qtbot, pulse) -> None:
    page = open_page()
    wait_phase(qtbot, page, Phase.QUIET)
    combo = page.picker.combo
    assert combo.currentText() == "Par défaut (réglages de l'ordinateur)"
    combo.activated.emit(0)  # what a click on the entry does
    assert page._preferences.device("input") == "default"


def test_a_remembered_microphone_that_is_missing_falls_back_to_the_default(
    open_page, qtbot, pulse, sound_page_context
) -> None:
    page = open_page()
    page.left()
    page._preferences.set_device("input", "Casque USB débranché")
    page.entered()
    wait_phase(qtbot, page, Phase.QUIET)
    assert "n'est pas branché" in page.instruction.text()
    assert page.picker.combo.currentText() == "Par défaut (réglages de l'ordinateur)"


def test_the_page_says_sound_is_never_recorded(open_page, no_sound_server) -> None:
    page = open_page()
    assert "jamais enregistré ni envoyé" in page.privacy.text()


def test_the_meter_stops_refreshing_after_left(open_page, qtbot, pulse) -> None:
    page = open_page()
    wait_phase(qtbot, page, Phase.QUIET)
    blocks = []
    page.meter.measured.connect(blocks.append)
    qtbot.waitUntil(lambda: bool(blocks), timeout=10_000)  # it refreshes while listening
    page.left()
    blocks.clear()
    events_handled(qtbot)
    qtbot.wait(100)  # a tick or two would have come
    assert page.phase is Phase.CLOSED
    assert not page.meter.running
    assert blocks == []
    qtbot.waitUntil(rescan, timeout=10_000)  # the microphone was given back


def test_opening_the_microphone_blocks_a_worker_never_the_window(
    open_page, qtbot, pulse, monkeypatch
) -> None:
    opening = GatedCall(audio.Capture)  # a driver that takes its time to open it
    monkeypatch.setattr(audio, "Capture", opening)
    page = open_page()
    try:
        assert opening.called.wait(10)
        events_handled(qtbot)  # the window goes on meanwhile, and says what it waits for
        assert page.phase is Phase.OPENING
        assert page.result_view.summary.text() == "Ouverture du micro…"
        assert page.result_view.badge.state is BadgeState.RUNNING
        assert opening.threads[0] is not threading.main_thread()
    finally:
        opening.release()
    wait_phase(qtbot, page, Phase.QUIET)
    assert page.meter.running


class OpenedCaptures:
    """Wraps ``audio.Capture`` (what the kit opens): the test sees each capture opened."""

    def __init__(self, real) -> None:
        self._real = real
        self.captures: list = []

    def __call__(self, device):
        capture = self._real(device)
        self.captures.append(capture)
        return capture


def test_a_microphone_that_opens_after_the_page_was_left_is_given_back(
    open_page, qtbot, pulse, monkeypatch
) -> None:
    opened = OpenedCaptures(audio.Capture)
    opening = GatedCall(opened)
    monkeypatch.setattr(audio, "Capture", opening)
    page = open_page()
    try:
        assert opening.called.wait(10)
        page.left()  # the person moves on before the driver answers
    finally:
        opening.release()
    qtbot.waitUntil(lambda: len(opened.captures) == 1, timeout=10_000)
    qtbot.waitUntil(lambda: opened.captures[0].closed, timeout=10_000)  # the flow closed it
    events_handled(qtbot)
    assert page.phase is Phase.CLOSED and not page.meter.running
    qtbot.waitUntil(rescan, timeout=10_000)


def test_a_microphone_opened_but_not_yet_shown_when_left_is_given_back(
    open_page, qtbot, pulse, monkeypatch
) -> None:
    opened = OpenedCaptures(audio.Capture)
    monkeypatch.setattr(audio, "Capture", opened)
    page = open_page()
    # The flow opened it; what it says waits in the event queue, which is not served.
    wait_without_events(lambda: bool(opened.captures))
    page.left()
    assert opened.captures[0].closed  # closed at once: nothing it sent will be shown
    events_handled(qtbot)
    assert page.phase is Phase.CLOSED and not page.meter.running
    qtbot.waitUntil(rescan, timeout=10_000)


def test_choosing_another_microphone_while_one_opens_keeps_only_the_latest(
    open_page, qtbot, pulse, monkeypatch
) -> None:
    opened = OpenedCaptures(audio.Capture)
    opening = GatedCall(opened)
    monkeypatch.setattr(audio, "Capture", opening)
    page = open_page()
    first = page.flow
    try:
        assert opening.called.wait(10)
        page.restart()  # what choosing another device does
        assert page.flow is not first
    finally:
        opening.release()
    wait_phase(qtbot, page, Phase.QUIET)
    qtbot.waitUntil(lambda: len(opened.captures) == 2, timeout=10_000)
    assert len(opening.threads) == 2
    qtbot.waitUntil(lambda: sum(c.closed for c in opened.captures) == 1, timeout=10_000)
    assert page.meter.running  # the latest one's capture, the first one closed


def test_without_portaudio_the_page_explains_and_does_not_retry(
    open_page, qtbot, monkeypatch
) -> None:
    # PortAudio cannot be unloaded from this process: its absence is played by the
    # loader raising what it raises then (the real absence: test_audio_streams.py).
    from readiness.devices.audio import portaudio

    def missing():
        raise AudioError(AudioProblem.NO_PORTAUDIO, "PortAudio library not found")

    monkeypatch.setattr(portaudio, "sounddevice", missing)
    listings = GatedCall(audio.device_tables, open_gate=True)
    monkeypatch.setattr(audio, "device_tables", listings)
    page = open_page(retry_ms=50)
    qtbot.waitUntil(lambda: page.phase is Phase.PROBLEM, timeout=5000)
    assert "PortAudio" in page.result_view.summary.text()
    assert "libportaudio2" in page.result_view.advice.text()
    qtbot.wait(300)  # several retries' worth: none comes, waiting will not bring it back
    assert len(listings.threads) == 1


def test_check_again_measures_from_the_start(open_page, qtbot, pulse) -> None:
    page = open_page(speak_timeout_s=0.5)
    wait_phase(qtbot, page, Phase.DONE)
    first = page.flow
    page.check_again()  # the summary's « Vérifier »
    assert page.flow is not first
    assert page.phase is Phase.OPENING
    wait_phase(qtbot, page, Phase.QUIET)
