"""The level meter widget: words for screen readers, peak hold, clipping mark, its timer."""

import numpy as np
import pytest

from readiness.core.levels import FLOOR_DBFS, measure_block
from readiness.devices.audio import AudioError, AudioProblem
from readiness.ui.level_meter import CLIP_SHOW_S, TICK_MS, LevelMeter, level_word_key
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


def test_it_refreshes_between_20_and_30_times_a_second() -> None:
    assert 20 <= 1000 / TICK_MS <= 30


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


def test_the_timer_drains_the_source_and_reports_each_block(meter, qtbot) -> None:
    blocks = [tone(0.3), np.zeros(0, np.float32), tone(0.01)]

    def read():
        return blocks.pop(0) if blocks else np.zeros(0, np.float32)

    measured = []
    meter.measured.connect(measured.append)
    meter.start(read, 48000)
    assert meter.running
    qtbot.waitUntil(lambda: len(measured) == 2, timeout=2000)
    assert measured[0].rms_dbfs == pytest.approx(-13.5, abs=0.1)
    meter.stop()
    assert not meter.running


def test_a_source_that_fails_stops_the_meter(meter, qtbot) -> None:
    def read():
        raise AudioError(AudioProblem.GONE, "unplugged")

    meter.start(read, 48000)
    with qtbot.waitSignal(meter.failed, timeout=2000) as failed:
        pass
    assert failed.args[0].problem is AudioProblem.GONE
    assert not meter.running
    assert meter.rms_dbfs == FLOOR_DBFS
