"""Capture and playback through the real PortAudio, on the tests' PulseAudio server."""

import json
import os
import subprocess
import sys
import time

import numpy as np
import pytest

from pulse_server import PulseServer, sine
from readiness.core.chime import chime, detect_chime
from readiness.core.levels import dbfs, peak, rms
from readiness.devices.audio import (
    AudioError,
    AudioProblem,
    Capture,
    Playback,
    rescan,
    resolve_device,
)
from readiness.devices.audio.portaudio import classify

pytest_plugins = ["pulse_server"]


#: Only against a hung test: a busy computer may take long, never this long.
HUNG_S = 15.0


def wait_for_sound(capture: Capture, timeout_s: float = HUNG_S) -> None:
    deadline = time.monotonic() + timeout_s
    while capture.last_data_at is None and time.monotonic() < deadline:
        capture.read()
        time.sleep(0.01)
    assert capture.last_data_at is not None, "the microphone never delivered"


def read_until(capture: Capture, enough, timeout_s: float = HUNG_S) -> np.ndarray:
    """Everything the microphone gives from now on, up to when ``enough(all of it)``."""
    parts = [np.zeros(0, np.float32)]
    deadline = time.monotonic() + timeout_s
    while not enough(np.concatenate(parts)):
        assert time.monotonic() < deadline, "the microphone never heard it"
        parts.append(capture.read())
        time.sleep(0.01)
    return np.concatenate(parts)


def test_capture_hears_what_is_played_into_the_sink(pulse: PulseServer) -> None:
    with Capture(resolve_device(None, "input")) as capture:
        wait_for_sound(capture)
        pulse.play(sine(-20.0, 15.0))  # lasts, however late the player starts
        # Once it is heard, whenever that is (pacat's own start), one second of it.
        read_until(capture, lambda heard: heard.size > 0 and dbfs(peak(heard)) > -26.0)
        samples = capture.record(1.0)
    assert samples.dtype == np.float32 and samples.ndim == 1
    assert samples.size == round(capture.samplerate)
    assert dbfs(peak(samples)) == pytest.approx(-20.0, abs=1.0)
    assert dbfs(rms(samples)) == pytest.approx(-23.0, abs=1.0)


def test_playback_of_the_chime_reaches_the_microphone(pulse: PulseServer) -> None:
    output = resolve_device(None, "output")
    rate = output.default_samplerate
    with Capture(resolve_device(None, "input")) as capture:
        wait_for_sound(capture)
        with Playback(output, chime(rate), rate) as playback:
            assert playback.wait(timeout_s=playback.duration_s + HUNG_S)
        # What the microphone gave from the start, until the whole sound is in it.
        heard = read_until(capture, lambda heard: detect_chime(heard, capture.samplerate).heard)
    assert playback.played
    assert detect_chime(heard, capture.samplerate).heard


def test_closed_streams_release_portaudio(pulse: PulseServer) -> None:
    capture = Capture(resolve_device(None, "input"))
    assert not rescan()  # PortAudio cannot look again while a stream is open
    capture.close()
    capture.close()  # twice is harmless
    assert capture.read().size == 0
    assert rescan()


def test_a_microphone_that_goes_away_is_reported_gone(own_pulse: PulseServer) -> None:
    capture = Capture(resolve_device(None, "input"), stall_timeout_s=1.0)
    try:
        wait_for_sound(capture)
        own_pulse.unplug()  # the headset is pulled out
        deadline = time.monotonic() + HUNG_S
        with pytest.raises(AudioError) as gone:
            while time.monotonic() < deadline:
                capture.read()
                time.sleep(0.02)
        assert gone.value.problem is AudioProblem.GONE
    finally:
        capture.close()


def test_opening_without_a_sound_server_fails_cleanly(no_sound_server) -> None:
    with pytest.raises(AudioError) as error:
        resolve_device(None, "input")
    assert error.value.problem is AudioProblem.NO_DEVICE


def portaudio_error(*args):
    import sounddevice

    return sounddevice.PortAudioError(*args)


@pytest.mark.parametrize(
    ("error", "problem"),
    [
        # What sounddevice raises, as PortAudio reports it (portaudio.h codes, ALSA errno).
        (("Error opening InputStream: Device unavailable", -9985), AudioProblem.BUSY),
        (
            (
                "Error opening InputStream: Unanticipated host error",
                -9999,
                (0, -16, "Device or resource busy"),
            ),
            AudioProblem.BUSY,
        ),
        (
            ("Error starting stream: Unanticipated host error", -9999, (0, -19, "No such device")),
            AudioProblem.GONE,
        ),
        (("Error querying device -1",), AudioProblem.NO_DEVICE),
        (("Error opening InputStream: Invalid sample rate", -9997), AudioProblem.FAILED),
    ],
)
def test_portaudio_errors_are_classified(error, problem) -> None:
    assert classify(portaudio_error(*error)).problem is problem


def test_an_unknown_device_name_from_sounddevice_is_not_found() -> None:
    assert classify(ValueError("No input device matching 'Yeti'")).problem is (
        AudioProblem.NOT_FOUND
    )


# Loads sounddevice as a machine without libportaudio2 would: the library is not found.
WITHOUT_PORTAUDIO = """
import ctypes.util, json
real = ctypes.util.find_library
ctypes.util.find_library = lambda name: None if "portaudio" in name else real(name)
from readiness.checks.microphone import MicrophoneCheck
from readiness.checks.speakers import SpeakersCheck
print(json.dumps([MicrophoneCheck(listen_s=1).run().to_json(), SpeakersCheck().run().to_json()]))
"""


def test_without_portaudio_both_checks_fail_with_a_clear_message() -> None:
    done = subprocess.run(
        [sys.executable, "-c", WITHOUT_PORTAUDIO],
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ),
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    microphone, speakers = json.loads(done.stdout)
    for result in (microphone, speakers):
        assert result["status"] == "failed"
        assert "PortAudio" in result["summary"]
        assert any("libportaudio2" in line for line in result["advice"])
        assert result["measures"]["problem"] == "no_portaudio"
