"""The line's figures from a probe's echoes: loss, delay, jitter, late, reordered, drop-outs."""

import itertools
import random

import pytest

from readiness.core.line_stats import LATE_AFTER_MS, Echo, LineStats, summarize

PACE_S = 0.05  # 20 requests a second, as the probe sends them


def echoes(rtts_ms, *, start: float = 100.0) -> list[Echo]:
    """One request every 50 ms; ``rtts_ms[i]`` None: no answer."""
    return [
        Echo(i, start + i * PACE_S, None if rtt is None else start + i * PACE_S + rtt / 1000)
        for i, rtt in enumerate(rtts_ms)
    ]


def test_a_clean_steady_line() -> None:
    stats = summarize(echoes([20.0] * 200), 10.0)
    assert stats == LineStats(
        sent=200,
        received=200,
        loss_percent=0.0,
        rtt_ms=pytest.approx(20.0),
        rtt_p95_ms=pytest.approx(20.0),
        jitter_ms=pytest.approx(0.0, abs=1e-6),
        reordered=0,
        late=0,
        longest_outage_ms=0.0,
        duration_s=10.0,
    )
    assert stats.reachable


def test_nothing_came_back_is_unreachable_with_no_delay_figures() -> None:
    stats = summarize(echoes([None] * 40), 2.0)
    assert not stats.reachable
    assert (stats.sent, stats.received, stats.loss_percent) == (40, 0, 100.0)
    assert stats.rtt_ms is None and stats.rtt_p95_ms is None and stats.jitter_ms is None
    assert stats.longest_outage_ms == pytest.approx(2000.0)  # the whole run


def test_nothing_sent_has_no_figures() -> None:
    stats = summarize([], 0.0)
    assert (stats.sent, stats.received, stats.loss_percent, stats.longest_outage_ms) == (
        0,
        0,
        None,
        0.0,
    )
    assert not stats.reachable


def test_loss_and_the_longest_drop_out() -> None:
    rtts = [20.0] * 100
    for i in (10, 30, 31, 32, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69):
        rtts[i] = None
    stats = summarize(echoes(rtts), 5.0)
    assert stats.loss_percent == pytest.approx(14.0)
    # Ten requests in a row unanswered, from the first being sent to the next answered one.
    assert stats.longest_outage_ms == pytest.approx(10 * PACE_S * 1000)


def test_a_drop_out_at_the_end_lasts_until_the_end_of_the_run() -> None:
    stats = summarize(echoes([20.0] * 80 + [None] * 20), 5.0)
    assert stats.longest_outage_ms == pytest.approx(20 * PACE_S * 1000)


def test_percentiles_of_the_round_trip() -> None:
    stats = summarize(echoes([float(ms) for ms in range(1, 101)]), 5.0)
    assert stats.rtt_ms == pytest.approx(50.5)
    assert stats.rtt_p95_ms == pytest.approx(95.05)


def test_a_late_answer_counts_as_lost_but_not_as_unanswered() -> None:
    rtts = [30.0] * 50
    rtts[20] = 30.0 + LATE_AFTER_MS + 50.0
    stats = summarize(echoes(rtts), 2.5)
    assert (stats.received, stats.late) == (50, 1)
    assert stats.loss_percent == pytest.approx(2.0)
    assert stats.longest_outage_ms == pytest.approx(PACE_S * 1000)
    assert summarize(echoes(rtts), 2.5, late_after_ms=1000.0).late == 0


def test_answers_overtaken_by_a_later_one_are_reordered() -> None:
    rtts = [20.0] * 40
    rtts[10] = 130.0  # arrives after the answers to requests 11 and 12
    stats = summarize(echoes(rtts), 2.0)
    assert stats.reordered == 1
    assert stats.late == 0 and stats.loss_percent == 0.0


def test_jitter_follows_rfc_3550_on_alternating_delays() -> None:
    """Delays alternating 20 / 30 ms: every |D| is 10 ms, which J converges to."""
    stats = summarize(echoes([20.0, 30.0] * 100), 10.0)
    assert stats.jitter_ms == pytest.approx(10.0, rel=0.05)


def test_a_short_run_gives_rfc_3550s_last_estimate() -> None:
    # Two differences of 10 ms: J = 10/16, then 10/16 + (10 - 10/16)/16.
    first = 10 / 16
    stats = summarize(echoes([20.0, 30.0, 20.0]), 0.15)
    assert stats.jitter_ms == pytest.approx(first + (10 - first) / 16)


def test_jitter_estimates_the_mean_delay_difference_of_random_delays() -> None:
    generator = random.Random(3550)
    rtts = [20.0 + generator.uniform(0.0, 30.0) for _ in range(400)]
    true = sum(abs(b - a) for a, b in itertools.pairwise(rtts)) / (len(rtts) - 1)
    assert true == pytest.approx(10.0, rel=0.15)
    stats = summarize(echoes(rtts), 20.0)
    assert stats.jitter_ms == pytest.approx(true, rel=0.1)


def test_the_order_echoes_come_in_does_not_matter() -> None:
    generator = random.Random(8489)
    made = echoes([20.0 + generator.uniform(0, 60) if i % 7 else None for i in range(120)])
    shuffled = list(made)
    generator.shuffle(shuffled)
    assert summarize(shuffled, 6.0) == summarize(made, 6.0)
