"""The level meter widget: words for screen readers, peak hold, clipping mark, the blocks
it is given."""

import numpy as np
import pytest

from readiness.core.levels import FLOOR_DBFS, measure_block
from readiness.ui.level_meter import CLIP_SHOW_S, LevelMeter, level_word_key
from readiness.ui.status_style import BadgeState, state_color


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def tone(peak: float, seconds: float = 0.04, rate: int = 48000) -> np.ndarray:
    t = np.arange(round(seconds * rate)) / rate
    return (peak * np.sin(2 * np.pi * 440 * t)).astype(np.float32)


@pytest.fixture
def meter(qtbot):
    clock = Clock()
    widget = LevelMeter(clock=clock)
    widget.clock = clock
    qtbot.addWidget(widget)
    widget.resize(500, 60)
    return widget


def test_the_flow_drains_between_20_and_30_times_a_second() -> None:
    from readiness.checks.microphone_flow import POLL_S

    assert 20 <= 1 / POLL_S <= 30


def test_the_level_is_told_in_words_not_numbers(meter) -> None:
    assert meter.accessibleDescription() == "Niveau : faible"
    meter.show_block(measure_block(tone(0.3)))
    assert meter.accessibleDescription() == "Niveau : correct"
    assert meter.word() == "correct"
    assert level_word_key(-50.0, False) == "low"


def test_clipping_is_marked_for_a_while_then_clears(meter) -> None:
    meter.show_block(measure_block(np.clip(tone(4.0), -1, 1)))
    assert meter.clipping
    assert meter.accessibleDescription() == "Niveau : saturé"
    image = meter.grab().toImage()
    mark = image.pixelColor(image.width() - 5, 10)
    # the mark is filled in the theme's "problem" colour (and says SATURÉ)
    assert mark == state_color(BadgeState.FAILED, dark=False)
    meter.clock.now += CLIP_SHOW_S + 0.1
    meter.show_block(measure_block(tone(0.3)))
    assert not meter.clipping
    assert meter.accessibleDescription() == "Niveau : correct"


def test_peak_hold_stays_above_a_falling_level(meter) -> None:
    meter.show_block(measure_block(tone(0.5)))
    held = meter.held_dbfs
    assert held == pytest.approx(-6.0, abs=0.1)
    for _ in range(10):
        meter.clock.now += 0.04
        meter.show_block(measure_block(tone(0.01)))
    assert meter.held_dbfs == held  # still held after 0.4 s
    assert meter.rms_dbfs < -15  # while the bar itself falls


def test_each_block_shown_is_reported_and_start_begins_from_the_floor(meter) -> None:
    measured = []
    meter.measured.connect(measured.append)
    meter.start()
    assert meter.running
    loud, faint = measure_block(tone(0.3)), measure_block(tone(0.01))
    meter.show_block(loud)
    meter.show_block(faint)
    assert measured == [loud, faint]
    assert meter.rms_dbfs == pytest.approx(-13.5, abs=0.1)  # the bar falls no faster than that
    meter.start()  # a new microphone: nothing of the old one stays
    assert meter.rms_dbfs == FLOOR_DBFS and meter.held_dbfs == FLOOR_DBFS
    meter.stop()
    assert not meter.running


def test_the_bars_fall_with_the_time_between_two_blocks(meter) -> None:
    meter.show_block(measure_block(tone(0.5)))
    high = meter.rms_dbfs
    meter.clock.now += 0.5  # the next block came half a second later
    meter.show_block(measure_block(tone(0.0001)))
    assert meter.rms_dbfs == pytest.approx(high - 15.0, abs=0.1)  # 30 dB/s for 0.5 s
