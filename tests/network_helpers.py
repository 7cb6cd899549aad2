"""What the connection tests share: short test lengths and a TLS server standing in for
zoom.us on 127.0.0.1. Their fixtures are in ``network_fixtures``."""

from __future__ import annotations

import socket
import ssl
import threading
from pathlib import Path

from readiness.devices.network.http_speed import HttpSpeedClient
from readiness.devices.network.speedtest_client import SpeedtestClient, Tuning
from readiness.devices.network.zoom_reachability import ZoomProbe


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
