"""The line watched in the background from the window's opening until the person joins.

A ``LineWatch`` runs the network parts' UDP stream on a thread of its own and keeps
what it finds in a ``LineHistory``; a second thread turns that, once a second, into a
``LineSnapshot`` (the chart's buckets; the figures every few seconds), so whoever
shows it (the connection page's chart, the summary) only reads a finished object.
The connection test pauses it while it loads the line, then reads its figures
(``wait_for``) instead of probing again: the page has its answer sooner, and the
figures speak for the whole walkthrough, not for a few seconds.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from readiness.core.line_history import ChartBucket, LineHistory
from readiness.core.line_stats import Echo, LineStats

log = logging.getLogger(__name__)

#: Runs the stream until ``cancelled()``, sending nothing while ``paused()``:
#: (cancelled, paused, on_echo, on_state(state, server)) -> None.
UdpStreamPart = Callable[
    [Callable[[], bool], Callable[[], bool], Callable[[Echo], None], Callable[[str, str], None]],
    None,
]

#: The watch ends by itself after this (a window left open all day must not probe
#: all day); its last figures stay.
MAX_S = 1800.0
#: The chart: the last three minutes, in two-second slices.
CHART_SPAN_S = 180.0
CHART_BUCKET_S = 2.0
#: The snapshot's chart is redrawn this often, its figures less often (they cost more).
REFRESH_S = 1.0
STATS_EVERY_S = 5.0


@dataclass(frozen=True)
class LineSnapshot:
    """What the watch knows at ``taken_at``.

    ``state``: "starting", "searching", "watching", "blocked" (no server answers over
    UDP) or "stopped". ``stats``: the figures over the time watched (None before any
    request was sent), as of at most ``STATS_EVERY_S`` ago."""

    state: str
    server: str
    watched_s: float
    stats: LineStats | None
    chart: tuple[ChartBucket, ...]
    span_s: float
    taken_at: float


class LineWatch:
    def __init__(
        self,
        stream: UdpStreamPart,
        *,
        clock: Callable[[], float] = time.monotonic,
        max_s: float = MAX_S,
        refresh_s: float = REFRESH_S,
        stats_every_s: float = STATS_EVERY_S,
        span_s: float = CHART_SPAN_S,
        bucket_s: float = CHART_BUCKET_S,
    ):
        """``clock`` must be the one the stream notes its echoes on."""
        self._stream = stream
        self._clock = clock
        self._max_s = max_s
        self._refresh_s = refresh_s
        self._stats_every_s = stats_every_s
        self._span_s = span_s
        self._bucket_s = bucket_s
        self._lock = threading.Lock()
        self._history = LineHistory(clock())
        self._state, self._server = "starting", ""
        self._pauses = 0
        self._stop = threading.Event()
        self._started = False
        self._stream_thread: threading.Thread | None = None
        self._snapshot = LineSnapshot("starting", "", 0.0, None, (), span_s, clock())
        self._stats: LineStats | None = None
        self._stats_at = float("-inf")
        #: Counts restarts: figures computed from echoes copied before one are dropped.
        self._generation = 0

    # --- control (any thread) -------------------------------------------------------

    def start(self) -> None:
        if self._started:
            return
        self._started = True
        started = self._clock()
        with self._lock:
            self._history.restart(started)
        self._stream_thread = threading.Thread(
            target=self._run_stream, name="line-watch", daemon=True
        )
        self._stream_thread.start()
        threading.Thread(target=self._run_refresh, name="line-watch-view", daemon=True).start()

    def stop(self) -> None:
        """Stops probing; the last figures stay readable."""
        self._stop.set()

    @property
    def running(self) -> bool:
        return self._started and not self._stop.is_set()

    def pause(self) -> None:
        """Sends nothing until as many ``resume()`` (the bandwidth test loads the line)."""
        with self._lock:
            self._pauses += 1
            self._history.pause(self._clock())

    def resume(self) -> None:
        with self._lock:
            self._pauses = max(0, self._pauses - 1)
            if self._pauses == 0:
                self._history.resume(self._clock())

    def restart(self) -> None:
        """Forgets what was seen (the person changed something and tests again)."""
        with self._lock:
            self._history.restart(self._clock())
            self._stats, self._stats_at = None, float("-inf")
            self._generation += 1

    # --- reading --------------------------------------------------------------------

    def snapshot(self) -> LineSnapshot:
        """The latest view: cheap, for the GUI thread."""
        return self._snapshot

    def watched_s(self) -> float:
        with self._lock:
            return self._history.watched_s(self._clock())

    def wait_for(
        self,
        seconds: float,
        cancelled: Callable[[], bool],
        progress: Callable[[float], None] | None = None,
        *,
        timeout_s: float,
    ) -> LineStats | None:
        """The figures once ``seconds`` have been watched (at once if they have), or
        as soon as the stream says UDP is blocked; None if nothing could be sent (no
        server's name resolved) or the watch ended first. Gives up after ``timeout_s``
        with what it has. Blocks: not for the GUI thread."""
        self.start()
        deadline = self._clock() + timeout_s
        while True:
            with self._lock:
                now = self._clock()
                watched = self._history.watched_s(now)
                done = watched >= seconds and self._state == "watching"
                over = self._state in ("blocked", "stopped") or self._stop.is_set()
                echoes = self._history.kept(now) if done or over else None
            if echoes is None and not cancelled() and now < deadline:
                if progress is not None:
                    progress(min(1.0, watched / seconds) if seconds > 0 else 1.0)
                self._stop.wait(0.1)
                continue
            if progress is not None:
                progress(1.0)
            with self._lock:
                echoes = echoes if echoes is not None else self._history.kept(now)
            return _summarize(echoes, watched)

    # --- threads --------------------------------------------------------------------

    def _run_stream(self) -> None:
        started = self._clock()

        def cancelled() -> bool:
            return self._stop.is_set() or self._clock() - started >= self._max_s

        try:
            self._stream(cancelled, self._is_paused, self._add, self._set_state)
        except Exception:  # a bug in the stream: the walkthrough goes on without it
            log.exception("line watch")
        finally:
            self._stop.set()
            with self._lock:
                self._state = "stopped"

    def _is_paused(self) -> bool:
        return self._pauses > 0

    def _add(self, echo: Echo) -> None:
        with self._lock:
            self._history.add(echo)

    def _set_state(self, state: str, server: str) -> None:
        with self._lock:
            self._state, self._server = state, server

    def _run_refresh(self) -> None:
        while True:
            self._refresh()
            if self._stop.is_set():
                # The stream winds down within a packet's interval (a few seconds at
                # most while it looks a name up); then the last figures, complete.
                assert self._stream_thread is not None
                self._stream_thread.join(5.0)
                self._refresh(force_stats=True)
                return
            self._stop.wait(self._refresh_s)

    def _refresh(self, *, force_stats: bool = False) -> None:
        with self._lock:
            now = self._clock()
            chart = self._history.chart(now, self._span_s, self._bucket_s)
            watched = self._history.watched_s(now)
            state, server = self._state, self._server
            due = force_stats or now - self._stats_at >= self._stats_every_s
            echoes = self._history.kept(now) if due else None
            generation = self._generation
        if echoes is not None:
            stats = _summarize(echoes, watched)
            with self._lock:
                if generation == self._generation:  # no restart meanwhile
                    self._stats, self._stats_at = stats, now
        self._snapshot = LineSnapshot(state, server, watched, self._stats, chart, self._span_s, now)


def _summarize(echoes: list[Echo], watched_s: float) -> LineStats | None:
    """Outside the lock: the stream thread must not wait on it to note an answer."""
    from readiness.core.line_stats import summarize

    return summarize(echoes, watched_s) if echoes else None
