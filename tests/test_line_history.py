"""The line's history over the walkthrough: time watched, pauses, restarts, the chart's
buckets and the figures, on invented times (no clock, no socket)."""

import pytest

from readiness.core.line_history import LineHistory
from readiness.core.line_stats import Echo

PACE_S = 0.1  # the stream's 10 requests a second


def fill(history: LineHistory, start: float, seconds: float, rtt_ms=20.0, lost=()):
    """Requests every 100 ms from ``start`` for ``seconds``; indexes in ``lost`` unanswered."""
    first = round(start / PACE_S)
    for i in range(round(seconds / PACE_S)):
        sent = start + i * PACE_S
        answer = None if i in lost else sent + rtt_ms / 1000
        history.add(Echo(first + i, sent, answer))


def test_time_watched_leaves_out_the_pauses() -> None:
    history = LineHistory(100.0)
    assert history.watched_s(130.0) == pytest.approx(30.0)
    history.pause(110.0)
    assert history.paused
    assert history.watched_s(115.0) == pytest.approx(10.0)  # paused now: frozen
    history.resume(118.0)
    assert not history.paused
    assert history.watched_s(130.0) == pytest.approx(22.0)


def test_a_restart_forgets_what_came_before() -> None:
    history = LineHistory(0.0)
    fill(history, 0.0, 10.0, lost=range(30, 60))
    assert history.stats(10.0).loss_percent == pytest.approx(30.0)
    history.restart(10.0)
    assert history.stats(10.0) is None
    fill(history, 10.0, 5.0)
    stats = history.stats(15.0)
    assert stats.sent == 50 and stats.loss_percent == 0.0
    assert stats.duration_s == pytest.approx(5.0)


def test_the_figures_speak_for_the_kept_span_only() -> None:
    history = LineHistory(0.0, keep_s=60.0)
    fill(history, 0.0, 30.0, lost=range(0, 300))  # a bad first half minute...
    fill(history, 30.0, 90.0)  # ...then a clean minute and a half
    stats = history.stats(120.0)
    assert stats.loss_percent == 0.0 and stats.sent == 600
    assert history.watched_s(120.0) == pytest.approx(60.0)


def test_no_drop_out_spans_a_pause() -> None:
    """Nothing is sent during the bandwidth test: the last request before it and the first
    after it are not one long silence."""
    history = LineHistory(0.0)
    fill(history, 0.0, 5.0, lost={49})  # the last request before the pause is lost
    history.pause(5.0)
    history.resume(13.0)
    fill(history, 13.0, 5.0)
    stats = history.stats(18.0)
    assert stats.longest_outage_ms < 200.0
    assert stats.outages == 0
    assert stats.duration_s == pytest.approx(10.0)


def test_drop_outs_of_a_second_or_more_are_counted() -> None:
    history = LineHistory(0.0)
    lost = set(range(20, 35)) | set(range(60, 63)) | set(range(80, 100))  # 1.5 s, 0.3 s, 2 s
    fill(history, 0.0, 12.0, lost=lost)
    stats = history.stats(12.0)
    assert stats.outages == 2
    assert stats.longest_outage_ms == pytest.approx(2000.0, abs=1.0)


def test_the_chart_has_one_bucket_per_slice_oldest_first() -> None:
    history = LineHistory(0.0)
    fill(history, 0.0, 10.0, rtt_ms=30.0, lost=set(range(40, 50)))  # 4-5 s: all lost
    chart = history.chart(10.0, span_s=10.0, bucket_s=2.0)
    assert [bucket.ago_s for bucket in chart] == [10.0, 8.0, 6.0, 4.0, 2.0]
    assert [bucket.sent for bucket in chart] == [20] * 5
    assert [bucket.lost for bucket in chart] == [0, 0, 10, 0, 0]
    assert chart[0].rtt_ms == pytest.approx(30.0)


def test_the_chart_shows_nothing_where_nothing_was_measured() -> None:
    history = LineHistory(0.0)
    fill(history, 0.0, 4.0)
    history.pause(4.0)
    history.resume(8.0)
    fill(history, 8.0, 2.0)
    chart = history.chart(10.0, span_s=20.0, bucket_s=2.0)
    sent = [bucket.sent for bucket in chart]
    assert sent == [0, 0, 0, 0, 0, 20, 20, 0, 0, 20]  # before the start, and the pause
    assert all(bucket.rtt_ms is None for bucket in chart if bucket.sent == 0)
    assert history.chart(10.0, span_s=20.0, bucket_s=2.0) == chart  # reading changes nothing


def test_an_all_lost_slice_has_no_delay_but_its_losses() -> None:
    history = LineHistory(0.0)
    fill(history, 0.0, 2.0, lost=set(range(20)))
    (bucket,) = history.chart(2.0, span_s=2.0, bucket_s=2.0)
    assert bucket.rtt_ms is None and bucket.sent == bucket.lost == 20


def test_a_loss_settled_late_does_not_hide_the_oldest_slice() -> None:
    """Echoes come in the order they settle: a lost request a second after it was sent,
    behind the answers to later ones. One lost just before the chart's span must not
    end the reading early and leave the oldest slice short."""
    history = LineHistory(0.0)
    echoes = [Echo(i, i * PACE_S, i * PACE_S + 0.02) for i in range(60)]
    lost = Echo(60, 5.95, None)  # sent just before the span (6 s to 10 s)...
    later = [Echo(i, i * PACE_S, i * PACE_S + 0.02) for i in range(61, 100)]
    for echo in echoes + later[:10] + [lost] + later[10:]:  # ...settled after 1 s of answers
        history.add(echo)
    chart = history.chart(10.0, span_s=4.0, bucket_s=2.0)
    assert [bucket.sent for bucket in chart] == [19, 20]  # 6.1-7.9 s and 8.0-9.9 s
