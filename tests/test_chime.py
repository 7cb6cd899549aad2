"""The test sound: soft edges, moderate level, and found (only) where it is."""

import numpy as np
import pytest

from readiness.core.chime import DURATION_S, NOTES_HZ, PEAK, chime, detect_chime
from readiness.core.levels import dbfs, peak


@pytest.mark.parametrize("rate", [16000, 44100, 48000])
def test_the_chime_is_short_moderate_and_has_no_clicks(rate: int) -> None:
    sound = chime(rate)
    assert sound.dtype == np.float32
    assert len(sound) == round(DURATION_S * rate)
    assert dbfs(peak(sound)) == pytest.approx(dbfs(PEAK), abs=0.01)
    assert -14 < dbfs(PEAK) < -6  # moderate: clearly audible, never startling
    # Faded in and out: the very first and last samples are (almost) silent.
    assert abs(sound[0]) < 1e-6
    assert np.max(np.abs(sound[-10:])) < 1e-3
    # No jump between neighbouring samples much bigger than the tone's own slope.
    steepest = 2 * np.pi * max(NOTES_HZ) * 2 / rate * PEAK * 1.5
    assert np.max(np.abs(np.diff(sound))) < steepest * 1.5


@pytest.mark.parametrize("rate", [16000, 44100, 48000])
def test_the_chime_is_found_in_itself(rate: int) -> None:
    detection = detect_chime(chime(rate), rate)
    assert detection.heard
    assert detection.notes_found == 3
    first, second, third = detection.times_s
    assert first is not None and second is not None and third is not None
    assert first < second < third


def test_the_chime_is_found_faint_late_and_in_noise() -> None:
    rate = 44100
    rng = np.random.default_rng(3)
    recording = np.concatenate([np.zeros(rate // 2), 0.1 * chime(rate), np.zeros(rate // 2)])
    recording += rng.normal(0.0, 0.01, recording.size)  # the room, 20 dB below the chime's peak
    detection = detect_chime(recording.astype(np.float32), rate)
    assert detection.heard
    assert detection.times_s[0] == pytest.approx(0.5, abs=0.05)


@pytest.mark.parametrize(
    "name",
    ["silence", "noise", "one note", "notes backwards", "too quiet"],
)
def test_what_is_not_the_chime_is_not_heard(name: str) -> None:
    rate = 44100
    t = np.arange(2 * rate) / rate
    rng = np.random.default_rng(5)
    signals = {
        "silence": np.zeros(2 * rate),
        "noise": rng.normal(0.0, 0.1, 2 * rate),
        "one note": 0.3 * np.sin(2 * np.pi * NOTES_HZ[0] * t),
        "notes backwards": chime(rate)[::-1],
        "too quiet": chime(rate) * 1e-4,
    }
    assert not detect_chime(signals[name].astype(np.float32), rate).heard


def test_a_very_short_recording_is_not_an_error() -> None:
    assert not detect_chime(np.zeros(10, np.float32), 44100).heard
