"""The second way to measure: plain HTTP downloads and uploads against a speed service.

Used when speedtest.net fails or is blocked. The service answers Cloudflare's
speed endpoints (``GET __down?bytes=N`` sends N bytes, ``POST __up`` takes a
body); Cloudflare's own, ``https://speed.cloudflare.com``, is the default and
goes over HTTPS on port 443, which networks that block speedtest.net's port 8080
usually let through. An organisation can point it at a service of its own.

Threads fetch (or send) requests that start small and grow, as the speedtest-cli
client does, and the same phases (``transfer_phases``) turn the bytes into rates.
"""

from __future__ import annotations

import threading
import time
import urllib.request
from collections.abc import Iterator
from urllib.parse import urlsplit

from readiness.devices.network.latency import measure_latency
from readiness.devices.network.line_measure import LineMeasure, Progress, no_progress
from readiness.devices.network.metered_http import metered_opener
from readiness.devices.network.network_errors import Failure, NetworkError, classify
from readiness.devices.network.throughput import TransferMeter
from readiness.devices.network.transfer_phases import TransferPhases

DEFAULT_SERVICE = "https://speed.cloudflare.com"
KIB = 1024
_MAX_REQUEST = 25 * 1024 * KIB
_PATTERN = bytes(range(256)) * (4 * KIB)  # 1 MiB of filler to send


class _Stopped(Exception):
    """Raised inside an upload body when the test is over."""


class _Body:
    """An upload body read block by block, which stops mid-way when the test ends."""

    def __init__(self, size: int, stop: threading.Event):
        self._left = size
        self._stop = stop
        self._offset = 0

    def read(self, amount: int = 64 * KIB) -> bytes:
        if self._stop.is_set():
            raise _Stopped
        amount = min(amount, self._left, len(_PATTERN) - self._offset)
        block = _PATTERN[self._offset : self._offset + amount]
        self._left -= amount
        self._offset = (self._offset + amount) % (len(_PATTERN) // 2)
        return block


def request_sizes(index: int, threads: int, first: int = 16 * KIB) -> Iterator[int]:
    """A thread's request sizes: growing by half up to 25 MiB, a little apart per thread."""
    size = first * (1 + index / (2 * threads))
    while True:
        yield int(min(size, _MAX_REQUEST))
        size *= 1.5


class HttpSpeedClient:
    """Measures against ``base_url``'s ``__down`` and ``__up`` (Cloudflare's by default)."""

    def __init__(
        self,
        base_url: str = DEFAULT_SERVICE,
        *,
        seconds: float = 3.0,
        threads: int = 6,
        warmup_s: float = 0.8,
        timeout_s: float = 3.0,
        upload_extra_s: float = 1.0,
    ):
        self.base_url = base_url.rstrip("/")
        self.seconds = seconds
        self.threads = threads
        self.warmup_s = warmup_s
        self.timeout_s = timeout_s
        self.upload_extra_s = upload_extra_s

    @property
    def name(self) -> str:
        host = urlsplit(self.base_url).hostname or self.base_url
        return f"Cloudflare ({host})" if host.endswith("cloudflare.com") else host

    def measure(
        self, progress: Progress = no_progress, cancel: threading.Event | None = None
    ) -> LineMeasure:
        cancel = cancel or threading.Event()
        progress("connect", 0.0, None)
        latency_url = f"{self.base_url}/__down?bytes=0"
        latency = measure_latency(latency_url, timeout_s=min(2.0, self.timeout_s), cancel=cancel)
        meter = TransferMeter()
        phases = TransferPhases(meter, self.warmup_s, self.timeout_s, progress, cancel)
        opener = metered_opener(meter, self.timeout_s)
        download_stop = threading.Event()
        errors: list[BaseException] = []

        down, loaded_latency = phases.download(
            lambda: self._run_threads(self._download, opener, download_stop, errors),
            download_stop.set,
            self.seconds,
            latency_url,
        )
        if down <= 0:
            raise self._failure(errors, "no byte downloaded")

        upload_stop = threading.Event()
        errors.clear()
        upload_opener = metered_opener(
            meter, phases.upload_limit_s(self.seconds, self.upload_extra_s)
        )
        up = phases.upload(
            lambda: self._run_threads(self._upload, upload_opener, upload_stop, errors),
            upload_stop.set,
            self.seconds,
            self.upload_extra_s,
            latency.median_ms / 1000,
        )
        if up <= 0:
            # No upload answered: what was written may never have crossed. No figure.
            raise self._unanswered(errors, meter.written())
        return LineMeasure(
            download_mbps=down / 1e6,
            upload_mbps=up / 1e6,
            latency=latency,
            loaded_latency=loaded_latency,
            service=self.name,
            server=self.base_url,
        )

    # --- transfer threads -------------------------------------------------------

    def _run_threads(self, target, opener, stop: threading.Event, errors: list) -> None:
        workers = [
            threading.Thread(
                target=target, args=(i, opener, stop, errors), name=f"speed-{i}", daemon=True
            )
            for i in range(self.threads)
        ]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()

    def _download(self, index, opener, stop: threading.Event, errors: list) -> None:
        for size in request_sizes(index, self.threads):
            if stop.is_set():
                return
            url = f"{self.base_url}/__down?bytes={size}&r={time.perf_counter_ns()}"
            try:
                with opener.open(url) as response:
                    while not stop.is_set() and response.read1(64 * KIB):
                        pass
            except Exception as exc:
                if not stop.is_set():
                    errors.append(exc)
                return

    def _upload(self, index, opener, stop: threading.Event, errors: list) -> None:
        for size in request_sizes(index, self.threads):
            if stop.is_set():
                return
            request = urllib.request.Request(
                f"{self.base_url}/__up",
                data=_Body(size, stop),
                headers={"Content-Length": str(size), "Content-Type": "application/octet-stream"},
                method="POST",
            )
            try:
                with opener.open(request) as response:
                    response.read()
            except _Stopped:
                return
            except Exception as exc:
                if isinstance(exc.__context__, _Stopped) or stop.is_set():
                    return
                errors.append(exc)
                return

    def _unanswered(self, errors: list[BaseException], written: int) -> NetworkError:
        """No upload was acknowledged: what failed (403, refused, ...); else, when bodies
        were sent, the server did not answer them in time."""
        error = self._failure(errors, "no upload answered")
        if written and error.failure in (Failure.NO_DATA, Failure.TIMEOUT):
            detail = f"{written} bytes sent, none answered ({error.detail})"
            return NetworkError(Failure.TIMEOUT, detail)
        return error

    def _failure(self, errors: list[BaseException], detail: str) -> NetworkError:
        if errors:
            return classify(errors[0])
        return NetworkError(Failure.NO_DATA, detail)
