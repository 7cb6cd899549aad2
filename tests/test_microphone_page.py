"""The microphone page, offscreen, on the real PortAudio and the tests' PulseAudio server."""

import time

import pytest
from PySide6.QtCore import Qt

from pulse_server import EventLoopWatch, PulseServer, noise, sine
from readiness.core.result import Status
from readiness.devices.audio import AudioError, AudioProblem, rescan
from readiness.ui.pages.microphone import MicrophonePage, Phase
from readiness.ui.status_style import BadgeState

pytest_plugins = ["pulse_server"]


@pytest.fixture
def open_page(open_sound_page):
    def make(**options) -> MicrophonePage:
        options = {"quiet_s": 0.6, "speak_timeout_s": 2.0, "retry_ms": 300, **options}
        return open_sound_page(MicrophonePage, **options)

    return make


def wait_phase(qtbot, page: MicrophonePage, phase: Phase, timeout_ms: int = 8000) -> None:
    qtbot.waitUntil(lambda: page.phase is phase, timeout=timeout_ms)


def test_a_voice_at_a_good_level_is_heard_well(open_page, qtbot, pulse: PulseServer) -> None:
    page = open_page()
    wait_phase(qtbot, page, Phase.QUIET)
    assert page.meter.running
    assert "Ne parlez pas" in page.instruction.text()
    wait_phase(qtbot, page, Phase.SPEAK)
    assert page.room.isVisible()
    assert "calme" in page.room.text() and "✓" in page.room.text()
    assert "dites une phrase" in page.instruction.text()
    pulse.play(sine(-14.0, 2.5))  # a voice, as a tone at a speaking level
    wait_phase(qtbot, page, Phase.DONE)
    assert page.result_view.summary.text() == "Nous vous entendons bien."
    assert page.result_view.badge.state is BadgeState.OK
    assert page._context.controller.result("microphone").status is Status.OK
    qtbot.waitUntil(lambda: page.meter.word() == "correct", timeout=3000)
    assert page.meter.accessibleDescription() == "Niveau : correct"
    assert "correct" in page.level_word.text()
    page.left()
    assert not page.meter.running
    assert rescan()  # the microphone was given back


def test_a_noisy_room_is_said_with_the_guides_advice(open_page, qtbot, pulse) -> None:
    pulse.play(noise(-25.0, 6.0))
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
    pulse.play(noise(-75.0, 6.0))  # a quiet room, not digital silence
    page = open_page(speak_timeout_s=1.0)
    wait_phase(qtbot, page, Phase.SPEAK)
    pulse.play(sine(-47.0, 3.0))
    wait_phase(qtbot, page, Phase.DONE)
    assert "trop faiblement" in page.result_view.summary.text()
    advice = page.result_view.advice.text()
    assert "Rapprochez-vous" in advice and "sourdine" in advice and "volume d'entrée" in advice
    assert page.meter.word() == "faible"


def test_a_voice_that_clips_is_saturated(open_page, qtbot, pulse) -> None:
    page = open_page()
    wait_phase(qtbot, page, Phase.SPEAK)
    pulse.play(sine(6.0, 2.0).clip(-1.0, 1.0))
    wait_phase(qtbot, page, Phase.DONE)
    assert "sature" in page.result_view.summary.text()
    assert page.meter.clipping
    assert page.meter.accessibleDescription() == "Niveau : saturé"


def test_restart_measures_again(open_page, qtbot, pulse) -> None:
    page = open_page(speak_timeout_s=0.5)
    wait_phase(qtbot, page, Phase.DONE)
    qtbot.mouseClick(page.restart_button, Qt.MouseButton.LeftButton)
    wait_phase(qtbot, page, Phase.QUIET)


def test_without_a_sound_server_the_page_says_so_and_stays_responsive(
    open_page, qtbot, no_sound_server
) -> None:
    watch = EventLoopWatch()
    page = open_page()
    qtbot.waitUntil(lambda: page.phase is Phase.PROBLEM, timeout=5000)
    qtbot.wait(700)  # a few retries happen meanwhile, off the GUI thread
    assert watch.stop() < 0.3
    assert page.result_view.summary.text() == "Aucun micro n'a été trouvé."
    assert page.result_view.badge.state is BadgeState.FAILED
    assert "La mesure reprendra d'elle-même" in page.result_view.advice.text()
    assert not page.picker.combo.isEnabled()
    assert page.picker.combo.currentText() == "Aucun appareil trouvé"
    assert page._context.controller.result("microphone").status is Status.FAILED


def test_a_microphone_unplugged_midway_stops_and_resumes(own_pulse, open_page, qtbot) -> None:
    page = open_page(quiet_s=5.0)
    wait_phase(qtbot, page, Phase.QUIET)
    own_pulse.unplug()  # the USB headset is pulled out
    qtbot.waitUntil(lambda: page.phase is Phase.PROBLEM, timeout=6000)
    assert not page.meter.running
    assert page.result_view.summary.text() == "Le micro a été débranché ou ne répond plus."
    assert "La mesure reprendra d'elle-même" in page.result_view.advice.text()
    assert page.result_view.badge.state is BadgeState.FAILED
    qtbot.wait(800)  # a few attempts to reopen it fail meanwhile: the message stays
    assert page.result_view.summary.text() == "Le micro a été débranché ou ne répond plus."
    own_pulse.plug_in()  # and plugged back in
    wait_phase(qtbot, page, Phase.QUIET, timeout_ms=10_000)
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
    page.left()
    time.sleep(0.1)
    assert page.phase is Phase.CLOSED
    assert not page.meter.running


def test_without_portaudio_the_page_explains_and_does_not_retry(
    open_page, qtbot, monkeypatch
) -> None:
    # PortAudio cannot be unloaded from this process: its absence is played by the
    # loader raising what it raises then (the real absence: test_audio_streams.py).
    from readiness.devices.audio import portaudio

    def missing():
        raise AudioError(AudioProblem.NO_PORTAUDIO, "PortAudio library not found")

    monkeypatch.setattr(portaudio, "sounddevice", missing)
    page = open_page()
    qtbot.waitUntil(lambda: page.phase is Phase.PROBLEM, timeout=5000)
    assert "PortAudio" in page.result_view.summary.text()
    assert "libportaudio2" in page.result_view.advice.text()
    assert not page._retry.isActive()  # waiting will not bring it back
