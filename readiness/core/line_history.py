"""The line watched over the whole walkthrough: the probe's echoes kept, for the figures
and the live chart.

The background watch (``readiness.checks.line_watch``) adds each echo as it settles
(answered, or given up on). The figures are ``line_stats.summarize``'s over the time
watched, and the chart's buckets are those of the last minutes. Time the watch was
paused (the bandwidth test, whose load would spoil the figures) is not counted as
watched. Plain data: the watch holds the lock, the clock is the caller's.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass

from readiness.core.line_stats import Echo, LineStats, summarize

#: The figures speak for at most the last this many seconds: enough for a whole
#: walkthrough, and summarize's cost stays small (about 15 ms at 10 echoes a second).
KEEP_S = 600.0


@dataclass(frozen=True)
class ChartBucket:
    """One slice of the chart: how long before now it starts, the median round trip of
    its answers (None when none came), and the requests sent and lost in it. ``sent``
    0: nothing was measured then (the watch was paused, or had not started)."""

    ago_s: float
    rtt_ms: float | None
    sent: int
    lost: int


#: Echoes arrive in the order they settle: an answer at once, a loss ``LINGER_S`` (1 s)
#: after it was sent, after the answers to later requests. Reading back from the
#: newest, an echo this much older than the span's start ends the search.
_SETTLE_MARGIN_S = 3.0


class LineHistory:
    """Echoes in the order they settled (near sending order: a loss comes a second late),
    with the spans the watch was paused."""

    def __init__(self, started_at: float, *, keep_s: float = KEEP_S, rate_hz: float = 10.0):
        self._keep_s = keep_s
        self._echoes: deque[Echo] = deque(maxlen=max(1, int(keep_s * rate_hz * 1.5)))
        self._since = started_at
        #: (start, end) of each pause; end None: paused now.
        self._pauses: list[tuple[float, float | None]] = []

    @property
    def since(self) -> float:
        return self._since

    def restart(self, at: float) -> None:
        """Forgets everything before ``at`` (the person changed something and tests again)."""
        self._echoes.clear()
        self._since = at
        self._pauses = [(at, None)] if self.paused else []

    @property
    def paused(self) -> bool:
        return bool(self._pauses) and self._pauses[-1][1] is None

    def pause(self, at: float) -> None:
        if not self.paused:
            self._pauses.append((at, None))

    def resume(self, at: float) -> None:
        if self.paused:
            self._pauses[-1] = (self._pauses[-1][0], at)

    def add(self, echo: Echo) -> None:
        self._echoes.append(echo)

    def watched_s(self, now: float) -> float:
        """The time watched (not paused) within the kept span, up to ``now``."""
        start = max(self._since, now - self._keep_s)
        paused = sum(
            max(0.0, min(end if end is not None else now, now) - max(begin, start))
            for begin, end in self._pauses
        )
        return max(0.0, now - start - paused)

    def kept(self, now: float) -> list[Echo]:
        start = max(self._since, now - self._keep_s)
        return [echo for echo in self._echoes if echo.sent_at >= start]

    def stats(self, now: float) -> LineStats | None:
        """The figures over the time watched; None before the first request."""
        echoes = self.kept(now)
        if not echoes:
            return None
        return summarize(echoes, self.watched_s(now))

    def chart(self, now: float, span_s: float, bucket_s: float) -> tuple[ChartBucket, ...]:
        """The last ``span_s`` seconds in buckets of ``bucket_s``, oldest first."""
        count = max(1, round(span_s / bucket_s))
        start = now - count * bucket_s
        rtts: list[list[float]] = [[] for _ in range(count)]
        sent = [0] * count
        lost = [0] * count
        for echo in reversed(self._echoes):
            if echo.sent_at < start - _SETTLE_MARGIN_S:
                break
            if echo.sent_at < start or echo.sent_at < self._since:
                continue
            index = min(count - 1, int((echo.sent_at - start) / bucket_s))
            sent[index] += 1
            if echo.received_at is None:
                lost[index] += 1
            else:
                rtts[index].append((echo.received_at - echo.sent_at) * 1000.0)
        return tuple(
            ChartBucket(
                ago_s=(count - i) * bucket_s,
                rtt_ms=_median(rtts[i]),
                sent=sent[i],
                lost=lost[i],
            )
            for i in range(count)
        )


def _median(values: Sequence[float]) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2
