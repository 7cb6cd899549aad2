"""The connection's stability chart, drawn off screen: the delay's line and its breaks,
the loss bars, the scale, the waiting text, the dark theme, and what screen readers get."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QSizePolicy

from readiness.core.line_history import ChartBucket
from readiness.ui.stability_chart import StabilityChart, nice_top_ms
from readiness.ui.status_style import BadgeState, state_color
from system_palettes import fusion_dark

RUNNING = state_color(BadgeState.RUNNING, dark=False)
FAILED = state_color(BadgeState.FAILED, dark=False)


def steady(count: int = 20, rtt_ms: float | None = 40.0, sent: int = 10) -> list[ChartBucket]:
    """``count`` one-second buckets ending now, all alike."""
    return [ChartBucket(float(count - i), rtt_ms, sent, 0) for i in range(count)]


def pixels(chart: StabilityChart) -> np.ndarray:
    """The chart as drawn: rows × columns × (r, g, b)."""
    image = chart.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
    width, height = image.width(), image.height()
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(height, image.bytesPerLine())
    return rows[:, : width * 3].reshape(height, width, 3).astype(int)


def mask(image: np.ndarray, color: QColor, tolerance: int = 30) -> np.ndarray:
    """Where the image is ``color``, give or take the antialiasing's blend."""
    target = np.array([color.red(), color.green(), color.blue()])
    return np.abs(image - target).max(axis=2) <= tolerance


def columns(chart: StabilityChart, ago_from: float, ago_to: float, span_s: float) -> slice:
    """The image's columns between two times before now, by the chart's own plot area."""
    plot = chart.plot_area()
    left = plot.left() + (1 - ago_from / span_s) * plot.width()
    right = plot.left() + (1 - ago_to / span_s) * plot.width()
    return slice(round(left), round(right))


def rows(plot: QRectF) -> slice:
    return slice(round(plot.top()), round(plot.bottom()) + 1)


@pytest.fixture
def chart(qtbot) -> StabilityChart:
    widget = StabilityChart()
    qtbot.addWidget(widget)
    widget.resize(400, 150)
    return widget


@pytest.mark.parametrize(
    ("largest_ms", "top_ms"),
    [
        (0.0, 100.0),
        (80.0, 100.0),  # 96 ms of room: still fits under 100
        (90.0, 200.0),  # 108 ms needed
        (160.0, 200.0),
        (170.0, 300.0),
        (260.0, 500.0),
        (450.0, 1000.0),
        (900.0, 2000.0),
        (1700.0, 3000.0),  # past the list: whole seconds
    ],
)
def test_the_scale_tops_at_the_smallest_round_value_with_a_fifth_of_room(
    largest_ms: float, top_ms: float
) -> None:
    assert nice_top_ms(largest_ms) == top_ms


def test_a_steady_delay_is_a_line_in_the_plot_and_no_loss_is_drawn(chart) -> None:
    chart.set_buckets(steady(), 20.0)
    image = pixels(chart)
    plot = chart.plot_area()
    inside = image[rows(plot), round(plot.left()) : round(plot.right())]
    assert mask(inside, RUNNING).sum() > 100
    assert not mask(image, FAILED).any()


def test_the_line_sits_at_its_delay_on_the_scale(chart) -> None:
    plot = chart.plot_area()
    chart.set_buckets(steady(rtt_ms=50.0), 20.0)  # top 100 ms: half way up
    line_rows = np.nonzero(mask(pixels(chart), RUNNING).any(axis=1))[0]
    assert abs(line_rows.mean() - plot.center().y()) <= 2

    # One 450 ms peak takes the top to 1000 ms: the same 50 ms now lie low.
    buckets = steady(rtt_ms=50.0)
    buckets[0] = ChartBucket(20.0, 450.0, 10, 0)
    chart.set_buckets(buckets, 20.0)
    later = mask(pixels(chart), RUNNING)[:, columns(chart, 15.0, 1.0, 20.0)]
    line_rows = np.nonzero(later.any(axis=1))[0]
    assert abs(line_rows.mean() - (plot.bottom() - 0.05 * plot.height())) <= 2


def test_lost_requests_rise_as_bars_as_tall_as_the_share_lost(chart) -> None:
    buckets = steady()
    buckets[5] = ChartBucket(15.0, 40.0, 10, 5)  # half lost
    buckets[14] = ChartBucket(6.0, None, 10, 10)  # all lost: a drop-out
    chart.set_buckets(buckets, 20.0)
    failed = mask(pixels(chart), FAILED)
    plot = chart.plot_area()

    def bar_height(ago_s: float) -> int:
        bar_rows = np.nonzero(failed[:, columns(chart, ago_s, ago_s - 1, 20.0)].any(axis=1))[0]
        assert bar_rows.size, f"no loss bar at {ago_s} s ago"
        return bar_rows.max() - bar_rows.min() + 1

    half, full = bar_height(15.0), bar_height(6.0)
    assert full > half
    assert abs(full - plot.height()) <= 2  # all lost: up to the top
    assert abs(half - plot.height() / 2) <= 2
    # Only there: no bar under the buckets that lost nothing.
    assert not failed[:, columns(chart, 12.0, 8.0, 20.0)].any()


def test_a_small_loss_still_shows_a_bar_of_a_few_pixels(chart) -> None:
    buckets = steady(sent=100)
    buckets[10] = ChartBucket(10.0, 40.0, 100, 1)
    chart.set_buckets(buckets, 20.0)
    failed = mask(pixels(chart), FAILED)
    assert failed.any(axis=1).sum() >= 3


def test_the_line_breaks_where_nothing_was_measured(chart) -> None:
    buckets = steady()
    for i in range(8, 13):  # 12 s to 7 s ago: the watch was paused
        buckets[i] = ChartBucket(float(20 - i), None, 0, 0)
    chart.set_buckets(buckets, 20.0)
    running = mask(pixels(chart), RUNNING)
    gap = columns(chart, 12.0, 7.0, 20.0)
    # The line's round ends reach a pixel past the neighbours' centres, not further.
    assert not running[:, gap.start + 3 : gap.stop - 3].any()
    assert running[:, columns(chart, 20.0, 12.0, 20.0)].any()
    assert running[:, columns(chart, 7.0, 0.0, 20.0)].any()


def test_a_lone_measure_between_gaps_is_drawn_as_a_dot(chart) -> None:
    buckets = steady(rtt_ms=None, sent=0)
    buckets[10] = ChartBucket(10.0, 40.0, 10, 0)
    chart.set_buckets(buckets, 20.0)
    running = mask(pixels(chart), RUNNING)
    assert running.sum() >= 4
    # In the bucket's middle (it covers 10 s to 9 s ago).
    plot = chart.plot_area()
    middle = plot.left() + (1 - 9.5 / 20) * plot.width()
    assert abs(np.nonzero(running.any(axis=0))[0].mean() - middle) <= 1


@pytest.mark.parametrize("buckets", [[], steady(rtt_ms=None, sent=0)], ids=["none", "all-gaps"])
def test_nothing_measured_says_it_waits_and_draws_no_data(chart, buckets) -> None:
    chart.set_buckets(buckets, 180.0)
    image = pixels(chart)
    assert not mask(image, RUNNING).any()
    assert not mask(image, FAILED).any()
    text = chart.palette().text().color()
    middle = image[60:90, 150:300]  # the waiting text, centred
    assert mask(middle, text, tolerance=60).sum() > 20


def test_a_dark_theme_gets_the_dark_status_colours_and_field(chart) -> None:
    chart.setPalette(fusion_dark())
    buckets = steady()
    buckets[10] = ChartBucket(10.0, 40.0, 10, 5)
    chart.set_buckets(buckets, 20.0)
    image = pixels(chart)
    assert mask(image, state_color(BadgeState.RUNNING, dark=True), 10).any()
    assert mask(image, state_color(BadgeState.FAILED, dark=True), 10).any()
    assert not mask(image, RUNNING, 10).any()
    plot = chart.plot_area()
    corner = image[round(plot.top()) + 3, round(plot.left()) + 3]
    assert (corner == [*fusion_dark().base().color().getRgb()[:3]]).all()


@pytest.mark.parametrize(
    ("span_s", "label"),
    [(180.0, "il y a 3\u00a0min"), (150.0, "il y a 2,5\u00a0min"), (45.0, "il y a 45\u00a0s")],
)
def test_the_left_end_says_how_long_ago_it_is(chart, span_s: float, label: str) -> None:
    chart.set_buckets(steady(), span_s)
    assert chart.span_text() == label


def test_screen_readers_get_its_name_and_the_keyboard_passes_it_by(chart) -> None:
    assert chart.accessibleName() == "Stabilité de la connexion"
    assert chart.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert chart.sizePolicy().horizontalPolicy() == QSizePolicy.Policy.Expanding
    assert chart.minimumSizeHint().height() <= chart.sizeHint().height() <= 160
