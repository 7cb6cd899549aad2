"""What a bandwidth client returns, and the timed loop both clients run a transfer in."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from readiness.devices.network.latency import Latency
from readiness.devices.network.network_errors import Failure, NetworkError
from readiness.devices.network.throughput import Samples

#: ``progress(phase, fraction, live_mbps)``: the phase ("connect", "download",
#: "upload"), how far it is (0-1) and the rate of the last second when there is one.
#: Called from the measuring thread.
Progress = Callable[[str, float, float | None], None]

#: How often the loop samples the byte counts, reports progress and looks for a cancel.
TICK_S = 0.05


@dataclass(frozen=True)
class LineMeasure:
    download_mbps: float
    upload_mbps: float
    latency: Latency | None
    #: Round trips taken while the download ran (None when too few came back).
    loaded_latency: Latency | None
    #: Who measured, for the user ("speedtest.net (Orange, Paris)", "speed.cloudflare.com").
    service: str
    #: The server's address, for the report.
    server: str

    @property
    def loaded_increase_ms(self) -> float | None:
        if self.latency is None or self.loaded_latency is None:
            return None
        return max(0.0, self.loaded_latency.median_ms - self.latency.median_ms)


def no_progress(_phase: str, _fraction: float, _mbps: float | None) -> None:
    pass


def run_timed(
    phase: str,
    work: Callable[[], object],
    count: Callable[[], int],
    length_s: float,
    limit_s: float,
    progress: Progress,
    cancel: threading.Event,
    stop: Callable[[], None],
    done: Callable[[float, float], bool] | None = None,
    settle_s: float = 0.0,
) -> tuple[Samples, float]:
    """Run ``work`` (one transfer phase) on a daemon thread, sampling ``count()``.

    The phase ends once ``length_s`` has passed and ``done(start, now)`` agrees
    (by default at once), or after ``limit_s`` whatever happens (a stalled
    server). ``stop()`` then tells the transfer's threads to wind down, and they get
    ``settle_s`` to do so (so that a download is over before the upload starts).
    On ``cancel`` this raises at once, without waiting for them. Returns the
    samples and the phase's start time.
    """
    failure: list[BaseException] = []

    def target() -> None:
        try:
            work()
        except BaseException as exc:  # reported to the caller below
            failure.append(exc)

    samples = Samples.empty()
    start = time.perf_counter()
    samples.add(start, count())
    worker = threading.Thread(target=target, name="transfer", daemon=True)
    worker.start()
    while worker.is_alive():
        worker.join(TICK_S)
        now = time.perf_counter()
        samples.add(now, count())
        if cancel.is_set():
            stop()
            raise NetworkError(Failure.CANCELLED)
        elapsed = now - start
        if elapsed > limit_s or (elapsed >= length_s and (done is None or done(start, now))):
            stop()
            worker.join(settle_s)
            break
        progress(phase, min(1.0, elapsed / length_s), _live_mbps(samples, now))
    if failure:
        raise failure[0]
    return samples, start


def _live_mbps(samples: Samples, now: float) -> float | None:
    if now - samples.times[0] < 0.5:
        return None
    since = max(samples.times[0], now - 1.0)
    return (samples.at(now) - samples.at(since)) * 8 / (now - since) / 1e6
