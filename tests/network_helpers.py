"""What the connection tests share: short test lengths, what a measure through the
throttled server must respect, and a TLS server standing in for zoom.us on 127.0.0.1.
Their fixtures are in ``network_fixtures``."""

from __future__ import annotations

import socket
import ssl
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from readiness.devices.network.http_speed import HttpSpeedClient
from readiness.devices.network.latency import Latency
from readiness.devices.network.line_measure import LineMeasure
from readiness.devices.network.speedtest_client import SpeedtestClient, Tuning
from readiness.devices.network.zoom_reachability import ZoomProbe

T = TypeVar("T")


def tuning(seconds: float) -> Tuning:
    """Shorter than the app's 3 s a direction, to keep the suite quick: 1 s stays within
    ±10 % from 10 Mbit/s up, 1.5 s at 2 Mbit/s (see benchmarks/network_accuracy.py for the
    app's own lengths). Tests that do not check accuracy use less."""
    return Tuning(
        download_s=seconds, upload_s=seconds, warmup_s=0.3, upload_extra_s=0.5, timeout_s=1.0
    )


def seconds_for(mbps: float) -> float:
    return 1.5 if mbps < 5 else 1.0


def speedtest_client(url: str | None, seconds: float = 1.0, **kwargs) -> SpeedtestClient:
    return SpeedtestClient(url, tuning=tuning(seconds), **kwargs)


def http_client(base_url: str, seconds: float = 1.0) -> HttpSpeedClient:
    return HttpSpeedClient(
        base_url, seconds=seconds, warmup_s=0.3, upload_extra_s=0.5, timeout_s=1.0
    )


def assert_through_the_line(measured_mbps: float, line_mbps: float, seconds: float) -> None:
    """A rate measured through SpeedServer's line in a test of ``seconds`` a direction (as
    ``tuning`` sets it): something crossed, and never more than the line can carry. The
    rate's window leaves out the 0.3 s warm-up, and an upload runs up to 0.5 s past its
    length for answers: whatever crossed in all that, counted in the window, is the bound.

    How close to the line it comes is accuracy, which a busy machine lowers:
    benchmarks/network_accuracy.py holds that target (±10 %)."""
    bound = line_mbps * (seconds + 0.5) / (seconds - 0.3)
    assert 0 < measured_mbps <= bound, f"{measured_mbps:.2f} Mbit/s through {line_mbps:g}"


def assert_delay_at_least(latency: Latency | None, added_ms: float, jitter_ms: float = 0.0):
    """The server waits before each answer: no round trip is shorter than that wait."""
    assert latency is not None
    assert latency.median_ms >= added_ms - jitter_ms / 2


def finishes(work: Callable[[], T], hang_s: float = 60.0) -> T:
    """``work()``'s value; on a daemon thread, so that a hang fails the test instead of
    holding the suite (``hang_s`` is no measure of speed)."""
    outcome: list = []

    def target() -> None:
        try:
            outcome.append(("value", work()))
        except BaseException as exc:
            outcome.append(("error", exc))

    worker = threading.Thread(target=target, name="test-work", daemon=True)
    worker.start()
    worker.join(hang_s)
    assert outcome, f"still running after {hang_s:.0f} s: it hangs"
    kind, value = outcome[0]
    if kind == "error":
        raise value
    return value


class TlsServer:
    """Accepts TLS connections on 127.0.0.1 (``stall``: accepts, never handshakes)."""

    def __init__(self, cert: Path, key: Path, *, stall: bool = False):
        self.cert = cert
        self._context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        self._context.load_cert_chain(cert, key)
        self._stall = stall
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.1)
        self.port = self._listener.getsockname()[1]
        self.handshakes = 0
        self._held: list[socket.socket] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._listener.accept()
            except OSError:
                continue
            if self._stall:
                self._held.append(conn)  # open and silent
                continue
            conn.settimeout(2.0)
            try:
                with self._context.wrap_socket(conn, server_side=True):
                    self.handshakes += 1
            except OSError:
                conn.close()

    def probe(self, timeout_s: float = 1.5, *, trusted: bool = True) -> ZoomProbe:
        """A Zoom probe aimed here; ``trusted=False``: the system's CAs, which do not know us."""
        context = ssl.create_default_context(cafile=str(self.cert) if trusted else None)
        return ZoomProbe("127.0.0.1", self.port, timeout_s=timeout_s, context=context)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(1.0)
        self._listener.close()
        for conn in self._held:
            conn.close()


class FixedClient:
    """A bandwidth client that answers at once with the same figures and the same progress
    every time (``fails``: with that NetworkError instead), noting the threads it ran on:
    the page and the command line, given it, must come to the same verdict."""

    def __init__(self, down: float = 48.2, up: float = 9.6, rtt: float = 20.0, fails=None):
        self.name = "stand-in (127.0.0.1)"
        self._measure = LineMeasure(down, up, Latency((rtt,) * 6), None, self.name, "")
        self._fails = fails
        self.ran_on: list[str] = []

    def measure(self, progress, cancel: threading.Event | None = None) -> LineMeasure:
        self.ran_on.append(threading.current_thread().name)
        progress("connect", 1.0, None)
        progress("download", 0.5, 40.0)
        progress("download", 1.0, self._measure.download_mbps)
        progress("upload", 1.0, self._measure.upload_mbps)
        if self._fails is not None:
            raise self._fails
        return self._measure


def line_on(stun_port: int, **stream_settings):
    """The devices with the line standing in locally, as the window uses them: the STUN
    server on ``stun_port`` watched (``stream_settings`` go to the stream), a bandwidth
    client that answers at once, zoom.us reachable, a cable. Returns (kit, stream)."""
    from readiness.checks.kit import DeviceKit
    from readiness.checks.network import NetworkParts, udp_stream_part
    from readiness.devices.network.connection import ETHERNET, Connection
    from readiness.devices.network.zoom_reachability import Reachability

    stream = udp_stream_part([("127.0.0.1", stun_port)], **stream_settings)
    parts = NetworkParts(
        [FixedClient()],
        lambda: Reachability(True),
        lambda: Connection(ETHERNET, "eth0"),
        udp_stream=stream,
    )
    return DeviceKit(network=lambda _devices: parts), stream
