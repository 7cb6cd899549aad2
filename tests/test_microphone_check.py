"""The headless microphone check, on the real PortAudio and the tests' PulseAudio server.

It drives the page's flow: the room, then the time for a sentence that nobody says
there, so its verdict is the page's once that time is up.
"""

import pytest

from pulse_server import PulseServer, noise, sine
from readiness.checks.microphone import (
    MicrophoneCheck,
    SpeechTracker,
    SpeechVerdict,
    judge_speech,
)
from readiness.core.levels import FLOOR_DBFS, measure_block
from readiness.core.result import Status, verdict

pytest_plugins = ["pulse_server"]

RATE = 48000
#: Long enough to last the whole check, however slowly a busy computer opens the
#: microphone: a player is stopped at the test's end.
LONG_S = 15.0


def run_while_playing(pulse: PulseServer, samples, listen_s: float = 1.0):
    pulse.play_heard(samples)  # the check hears the sound, never the silence before it
    return MicrophoneCheck(listen_s=listen_s).run()


def test_a_sine_at_a_known_level_is_read_back_within_one_db(pulse: PulseServer) -> None:
    result = run_while_playing(pulse, sine(-20.0, LONG_S))
    measures = result.measures
    # A sine's RMS is 3 dB below its peak.
    assert measures["level_dbfs"] == pytest.approx(-23.0, abs=1.0)
    assert measures["peak_dbfs"] == pytest.approx(-20.0, abs=1.0)
    assert measures["clipping"] is False
    assert measures["device"] == "Par défaut (réglages de l'ordinateur)"
    assert measures["listen_s"] == 1.0
    # A steady tone is the room's noise, not a voice above it.
    assert result.summary == "Votre voix nous parvient trop faiblement."


def test_silence_gives_a_noise_floor_below_minus_60(pulse: PulseServer) -> None:
    result = MicrophoneCheck(listen_s=0.5).run()
    assert result.measures["noise_floor_dbfs"] < -60
    assert result.measures["level_dbfs"] < -60
    # Nothing at all, not even the faintest hiss: a muted microphone, said kindly.
    assert result.status is Status.WARNING
    assert "Nous n'entendons aucun son" in result.summary and "coupé" in result.summary


def test_a_quiet_room_with_no_voice_is_what_the_page_says_when_its_time_is_up(
    pulse: PulseServer,
) -> None:
    result = run_while_playing(pulse, noise(-70.0, LONG_S))
    assert result.measures["noise_floor_dbfs"] == pytest.approx(-70.0, abs=1.5)
    assert result.status is Status.WARNING
    assert result.summary == "Votre voix nous parvient trop faiblement."
    assert not any("fermez la fenêtre" in line for line in result.advice)  # the room is calm


def test_loud_noise_is_reported_as_noisy(pulse: PulseServer) -> None:
    result = run_while_playing(pulse, noise(-25.0, LONG_S))
    assert result.status is Status.WARNING
    assert result.measures["noise_floor_dbfs"] == pytest.approx(-25.0, abs=1.5)
    assert result.summary == "Votre voix nous parvient trop faiblement."  # the noise is no voice
    assert any("fermez la fenêtre" in line for line in result.advice)


def test_a_sound_that_clips_is_reported(pulse: PulseServer) -> None:
    result = run_while_playing(pulse, sine(6.0, LONG_S).clip(-1.0, 1.0))
    assert result.measures["clipping"] is True
    assert result.status is Status.WARNING
    assert "sature" in result.summary


def test_an_unknown_device_name_fails_and_lists_the_others(pulse: PulseServer) -> None:
    result = MicrophoneCheck(device="Micro de Mars").run()
    assert result.status is Status.FAILED
    assert "« Micro de Mars » n'a pas été trouvé" in result.summary
    assert any("Par défaut (réglages de l'ordinateur)" in line for line in result.advice)


def test_a_device_number_works(pulse: PulseServer) -> None:
    from readiness.devices.audio import resolve_device

    index = resolve_device(None, "input").index
    result = MicrophoneCheck(device=str(index), listen_s=0.5).run()
    assert result.status is not Status.FAILED


def test_without_a_sound_server_the_check_fails_in_french(no_sound_server) -> None:
    result = MicrophoneCheck(listen_s=1.0).run()
    assert result.status is Status.FAILED
    assert result.summary == "Aucun micro n'a été trouvé."
    assert any("Branchez un micro" in line for line in result.advice)
    assert verdict([result]).exit_code == 2


# --- the rules, without sound ---------------------------------------------------------


def speech(tracker: SpeechTracker, level_dbfs: float, seconds: float, *, clip=False) -> None:
    import numpy as np

    block = sine(level_dbfs + 3.0, 0.04)  # RMS = level
    if clip:
        block = np.clip(sine(6.0, 0.04), -1.0, 1.0)
    for _ in range(round(seconds / 0.04)):
        tracker.add(measure_block(block), RATE)


def test_a_voice_at_a_good_level_is_heard_well() -> None:
    tracker = SpeechTracker(noise_floor_dbfs=-65.0)
    speech(tracker, -50.0, 1.0)
    assert tracker.verdict(timed_out=False) is SpeechVerdict.LISTENING
    speech(tracker, -25.0, 0.5)
    assert tracker.verdict(timed_out=False) is SpeechVerdict.GOOD
    result = judge_speech(tracker, SpeechVerdict.GOOD, "Micro")
    assert result.status is Status.OK and result.summary == "Nous vous entendons bien."
    assert result.measures["level_dbfs"] == pytest.approx(-25.0, abs=0.2)


def test_a_faint_voice_is_too_weak_once_the_time_is_up() -> None:
    tracker = SpeechTracker(noise_floor_dbfs=-65.0)
    speech(tracker, -45.0, 3.0)
    assert tracker.verdict(timed_out=False) is SpeechVerdict.LISTENING
    assert tracker.verdict(timed_out=True) is SpeechVerdict.WEAK
    result = judge_speech(tracker, SpeechVerdict.WEAK, "Micro")
    assert "trop faiblement" in result.summary
    assert any("Rapprochez-vous" in line for line in result.advice)
    assert any("sourdine" in line for line in result.advice)
    assert any("volume d'entrée" in line for line in result.advice)


def test_noise_is_not_mistaken_for_a_voice() -> None:
    tracker = SpeechTracker(noise_floor_dbfs=-30.0)  # a loud room
    speech(tracker, -28.0, 2.0)  # the room, not louder than itself
    assert tracker.verdict(timed_out=True) is SpeechVerdict.WEAK


def test_a_clipping_voice_is_saturated_and_silence_is_silent() -> None:
    tracker = SpeechTracker(noise_floor_dbfs=-65.0)
    speech(tracker, 0.0, 0.2, clip=True)
    assert tracker.verdict(timed_out=False) is SpeechVerdict.CLIPPED
    assert "sature" in judge_speech(tracker, SpeechVerdict.CLIPPED, "Micro").summary
    quiet = SpeechTracker(noise_floor_dbfs=FLOOR_DBFS)
    quiet.add(measure_block(sine(-200.0, 0.04) * 0), RATE)
    assert quiet.verdict(timed_out=True) is SpeechVerdict.SILENT


def test_good_speech_in_a_noisy_room_is_a_warning_with_the_guides_advice() -> None:
    tracker = SpeechTracker(noise_floor_dbfs=-40.0)
    speech(tracker, -20.0, 0.6)
    result = judge_speech(tracker, tracker.verdict(timed_out=False), "Micro")
    assert result.status is Status.WARNING
    assert "bruit" in result.summary
    assert any("télévision" in line for line in result.advice)
