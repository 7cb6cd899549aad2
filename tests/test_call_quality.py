"""The call-quality score (simplified E-model), against values worked out by hand."""

import pytest

from readiness.core.call_quality import (
    CallQuality,
    call_score,
    mos_from_r,
    one_way_delay_ms,
    quality_of,
    quality_text,
    r_factor,
)


def test_a_perfect_line_keeps_only_the_framing_delay() -> None:
    # d = 0 / 2 + 2 x 0 + 30 = 30 ms; Id = 0.024 x 30 = 0.72; Ie = 0.
    assert r_factor(0.0, 0.0, 0.0) == pytest.approx(92.48)


def test_the_delay_counts_half_the_round_trip_plus_twice_the_jitter() -> None:
    assert one_way_delay_ms(300.0, 10.0) == pytest.approx(170.0)
    # d = 150 + 20 + 30 = 200 ms, past the 177.3 ms knee:
    # Id = 0.024 x 200 + 0.11 x (200 - 177.3) = 4.8 + 2.497 = 7.297.
    assert r_factor(300.0, 10.0, 0.0) == pytest.approx(93.2 - 7.297)


def test_below_the_knee_the_delay_costs_little() -> None:
    # d = 50 + 0 + 30 = 80 ms: Id = 1.92 only.
    assert r_factor(100.0, 0.0, 0.0) == pytest.approx(93.2 - 1.92)


def test_loss_costs_on_a_log_scale() -> None:
    # p = 0.01: Ie = 19.8 ln(1.297) = 19.8 x 0.26005 = 5.1491 (d = 30 ms as on a perfect line).
    assert r_factor(0.0, 0.0, 1.0) == pytest.approx(92.48 - 5.1491, abs=1e-3)
    # p = 0.10: Ie = 19.8 ln(3.97) = 27.30.
    assert r_factor(0.0, 0.0, 10.0) == pytest.approx(92.48 - 27.30, abs=0.01)


def test_inputs_no_measure_gives_are_bounded() -> None:
    assert r_factor(-5.0, -1.0, -2.0) == pytest.approx(92.48)
    assert r_factor(0.0, 0.0, 250.0) == r_factor(0.0, 0.0, 100.0)


@pytest.mark.parametrize(
    ("r", "mos"),
    [
        (-5.0, 1.0),  # below 0: the floor
        (0.0, 1.0),
        (60.0, 3.1),  # 1 + 2.1 + 0
        (70.0, 3.597),  # 1 + 2.45 + 7e-6 x 70 x 10 x 30
        (80.0, 4.024),  # 1 + 2.8 + 7e-6 x 80 x 20 x 20
        (90.0, 4.339),  # 1 + 3.15 + 7e-6 x 90 x 30 x 10
        (100.0, 4.5),
        (120.0, 4.5),  # above 100: the ceiling
    ],
)
def test_mos_from_r(r: float, mos: float) -> None:
    assert mos_from_r(r) == pytest.approx(mos, abs=1e-9)


def test_a_score_from_a_measured_line() -> None:
    # 20 ms round trip, no jitter, no loss: d = 40, R = 93.2 - 0.96 = 92.24,
    # MOS = 1 + 3.2284 + 7e-6 x 92.24 x 32.24 x 7.76 = 4.3899.
    score = call_score(20.0, None, 0.0)  # an unmeasured jitter counts as none
    assert score.r_factor == pytest.approx(92.24)
    assert score.mos == pytest.approx(4.3899, abs=1e-4)
    assert score.quality is CallQuality.EXCELLENT


@pytest.mark.parametrize(
    ("loss", "quality"),
    [
        (0.0, CallQuality.EXCELLENT),
        (1.0, CallQuality.GOOD),  # R 87.0, MOS 4.26
        (4.0, CallQuality.FAIR),  # R 76.6, MOS 3.89
        (10.0, CallQuality.POOR),  # R 64.8, MOS 3.35
    ],
)
def test_loss_moves_the_words_as_the_thresholds_do(loss: float, quality: CallQuality) -> None:
    assert call_score(20.0, 2.0, loss).quality is quality


@pytest.mark.parametrize(
    ("mos", "quality"),
    [
        (4.5, CallQuality.EXCELLENT),
        (4.3, CallQuality.EXCELLENT),
        (4.29, CallQuality.GOOD),
        (4.0, CallQuality.GOOD),
        (3.99, CallQuality.FAIR),
        (3.6, CallQuality.FAIR),
        (3.59, CallQuality.POOR),
        (1.0, CallQuality.POOR),
    ],
)
def test_bands(mos: float, quality: CallQuality) -> None:
    assert quality_of(mos) is quality


def test_words_in_french() -> None:
    assert [quality_text(q) for q in reversed(CallQuality)] == [
        "excellente",
        "bonne",
        "moyenne",
        "mauvaise",
    ]
