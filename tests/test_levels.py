"""The level maths: RMS, peak, dBFS with a floor, windows, peak hold, clipping, verdicts."""

import math

import numpy as np
import pytest

from readiness.core.levels import (
    FLOOR_DBFS,
    NOISY_ROOM_DBFS,
    SPEECH_GOOD_DBFS,
    PeakHold,
    amplitude,
    clipped_samples,
    dbfs,
    is_clipping,
    is_noisy,
    measure_block,
    peak,
    quietest_span_dbfs,
    released,
    rms,
    speech_threshold,
    summarize_recording,
    windowed_rms,
)

RATE = 48000


def sine(peak_amplitude: float, seconds: float = 1.0, frequency: float = 1000.0) -> np.ndarray:
    t = np.arange(round(seconds * RATE)) / RATE
    return (peak_amplitude * np.sin(2 * np.pi * frequency * t)).astype(np.float32)


def test_dbfs_of_full_scale_and_half() -> None:
    assert dbfs(1.0) == 0.0
    assert dbfs(0.5) == pytest.approx(-6.02, abs=0.01)
    assert amplitude(-6.0206) == pytest.approx(0.5, abs=1e-4)


@pytest.mark.parametrize("value", [0.0, -1.0, 1e-12, math.nan])
def test_dbfs_never_goes_below_the_floor(value: float) -> None:
    assert dbfs(value) == FLOOR_DBFS
    assert dbfs(value, floor=-60.0) in (-60.0,)


def test_rms_and_peak_of_a_sine() -> None:
    tone = sine(0.5)
    assert peak(tone) == pytest.approx(0.5, abs=1e-3)
    assert rms(tone) == pytest.approx(0.5 / math.sqrt(2), rel=1e-3)
    assert dbfs(rms(tone)) == pytest.approx(-9.03, abs=0.02)


def test_empty_blocks_measure_as_silence() -> None:
    empty = np.zeros(0, dtype=np.float32)
    assert rms(empty) == 0.0 and peak(empty) == 0.0
    block = measure_block(empty)
    assert block.rms_dbfs == FLOOR_DBFS and not block.clipping and not block.digital_silence


def test_a_block_of_zeros_is_digital_silence_but_faint_noise_is_not() -> None:
    assert measure_block(np.zeros(480, dtype=np.float32)).digital_silence
    faint = np.full(480, 1e-5, dtype=np.float32)
    block = measure_block(faint)
    assert not block.digital_silence
    assert block.rms_dbfs == pytest.approx(-100.0, abs=0.1)


def test_clipping_needs_several_samples_at_full_scale() -> None:
    tone = sine(0.5)
    assert not is_clipping(tone)
    tone[100] = 1.0  # one stray full-scale sample is a peak, not clipping
    assert clipped_samples(tone) == 1 and not is_clipping(tone)
    loud = np.clip(sine(2.0), -1.0, 1.0)  # a sine driven into the rails
    assert is_clipping(loud)
    assert measure_block(loud).clipping


def test_windowed_rms_finds_the_loudest_and_quietest_second() -> None:
    quiet = sine(0.01, 1.0)
    loud = sine(0.5, 1.0)
    windows = windowed_rms(np.concatenate([quiet, loud, quiet]), RATE)
    assert dbfs(windows.max()) == pytest.approx(dbfs(0.5 / math.sqrt(2)), abs=0.05)
    assert dbfs(windows.min()) == pytest.approx(dbfs(0.01 / math.sqrt(2)), abs=0.05)


def test_a_recording_shorter_than_a_second_is_one_window() -> None:
    windows = windowed_rms(sine(0.5, 0.3), RATE)
    assert windows.shape == (1,)


def test_summarize_recording() -> None:
    recording = np.concatenate([np.zeros(RATE, np.float32), sine(0.25, 2.0)])
    levels = summarize_recording(recording, RATE)
    assert levels.level_dbfs == pytest.approx(-15.1, abs=0.1)
    assert levels.peak_dbfs == pytest.approx(-12.0, abs=0.1)
    assert levels.noise_floor_dbfs == FLOOR_DBFS
    assert not levels.clipping and not levels.digital_silence
    assert summarize_recording(np.zeros(RATE, np.float32), RATE).digital_silence


def test_quietest_span_ignores_a_cough() -> None:
    blocks = [measure_block(sine(0.003, 0.04)) for _ in range(50)]
    blocks[10:15] = [measure_block(sine(0.8, 0.04)) for _ in range(5)]  # a cough
    quietest = quietest_span_dbfs(blocks, RATE)  # one second out of two
    assert quietest == pytest.approx(dbfs(0.003 / math.sqrt(2)), abs=0.1)
    everything = quietest_span_dbfs(blocks, 10 * RATE)
    assert everything > -20  # with the cough in it
    assert quietest_span_dbfs([], RATE) == FLOOR_DBFS


def test_noisy_room_and_speech_thresholds() -> None:
    assert not is_noisy(-70.0)
    assert is_noisy(NOISY_ROOM_DBFS + 1)
    assert speech_threshold(-80.0) == SPEECH_GOOD_DBFS
    assert speech_threshold(-30.0) == -20.0  # speech must stand out of the noise


def test_peak_hold_holds_then_falls_steadily() -> None:
    hold = PeakHold(hold_s=1.0, fall_db_per_s=20.0)
    assert hold.update(-10.0, now_s=0.0) == -10.0
    assert hold.update(-40.0, now_s=0.5) == -10.0  # held
    assert hold.update(-40.0, now_s=1.0) == -10.0  # still held, to the end of the hold
    assert hold.update(-40.0, now_s=1.5) == pytest.approx(-20.0)  # 0.5 s of falling
    assert hold.update(-40.0, now_s=2.0) == pytest.approx(-30.0)
    assert hold.update(-40.0, now_s=3.0) == -40.0  # never below the live peak
    assert hold.update(-5.0, now_s=3.1) == -5.0  # a higher peak is taken at once


def test_peak_hold_fall_does_not_depend_on_the_tick_rate() -> None:
    coarse, fine = PeakHold(), PeakHold()
    coarse.update(0.0, 0.0)
    fine.update(0.0, 0.0)
    for step in range(1, 11):
        fine.update(-90.0, 1.5 + step * 0.1)
    coarse.update(-90.0, 2.5)
    assert fine.value == pytest.approx(coarse.value)
    fine.reset()
    assert fine.value == FLOOR_DBFS


def test_released_rises_at_once_and_falls_slowly() -> None:
    assert released(-40.0, -10.0, 0.04, 30.0) == -10.0
    assert released(-10.0, -60.0, 0.1, 30.0) == pytest.approx(-13.0)
    assert released(-10.0, -60.0, -1.0, 30.0) == -10.0
