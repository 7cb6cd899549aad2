"""The download and upload phases both bandwidth clients run, and how their rates are read.

speedtest-cli's client and the plain HTTP one differ in how they move bytes; what
they share is here: how long each phase may run, when an upload is over, and
which window of the meter's counts gives the rate (see ``throughput``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from readiness.devices.network.latency import Latency, LoadedLatency
from readiness.devices.network.line_measure import Progress, run_timed
from readiness.devices.network.throughput import (
    MIN_WINDOW_S,
    TransferMeter,
    answered_rate_bps,
    received_rate_bps,
)


@dataclass(frozen=True)
class TransferPhases:
    """One line test's phases, counted by ``meter``; each phase starts after ``warmup_s``."""

    meter: TransferMeter
    warmup_s: float
    #: Timeout of every socket operation: a stalled phase ends this much past its length.
    timeout_s: float
    progress: Progress
    cancel: threading.Event

    def download(
        self,
        transfer: Callable[[], object],
        stop: Callable[[], None],
        length_s: float,
        latency_url: str,
    ) -> tuple[float, Latency | None]:
        """Runs ``transfer`` with round trips to ``latency_url`` taken meanwhile.

        Returns the bits per second received and the round trips under load.
        """
        loaded = LoadedLatency(latency_url, timeout_s=self.timeout_s).start()
        try:
            samples, start = run_timed(
                "download",
                transfer,
                lambda: self.meter.received,
                length_s,
                length_s + self.timeout_s + 1.0,
                self.progress,
                self.cancel,
                stop,
                settle_s=0.2,
            )
        finally:
            loaded_latency = loaded.stop()
        return received_rate_bps(samples, start + self.warmup_s, start + length_s), loaded_latency

    def upload_limit_s(self, length_s: float, extra_s: float) -> float:
        """The longest an upload phase runs.

        Also the socket timeout of its connections: on a slow line an answer comes
        only once the bytes queued in the computer's buffers have crossed (seconds at
        a few hundred kbit/s), so the phase's own limit bounds the wait, not each socket's.
        """
        return length_s + extra_s + self.timeout_s

    def upload(
        self,
        transfer: Callable[[], object],
        stop: Callable[[], None],
        length_s: float,
        extra_s: float,
        round_trip_s: float,
    ) -> float:
        """Runs ``transfer`` until the requests begun within ``length_s`` are answered: up
        to ``extra_s`` past it, and on to the phase's limit while too few are for a rate
        (a very slow line, whose first requests are still crossing; a server that
        never answers).

        Returns the bits per second that answered uploads delivered: 0 when none was.
        """
        meter = self.meter

        def answered(start: float, now: float) -> bool:
            ended = start + length_s
            if not meter.pending_before(ended):
                return True
            # The rate's window ends where the first unanswered request started.
            readable = not meter.pending_before(min(ended, start + self.warmup_s + MIN_WINDOW_S))
            return readable and now - ended >= extra_s

        def end() -> None:
            meter.freeze()
            stop()

        _samples, start = run_timed(
            "upload",
            transfer,
            lambda: meter.answered,
            length_s,
            self.upload_limit_s(length_s, extra_s),
            self.progress,
            self.cancel,
            end,
            done=answered,
        )
        end()
        return answered_rate_bps(
            meter.uploads(), start + self.warmup_s, start + length_s, round_trip_s
        )
