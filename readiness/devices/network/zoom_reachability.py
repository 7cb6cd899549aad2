"""Can this computer reach Zoom: the name zoom.us resolved, then a TLS handshake on 443.

Zoom's clients need HTTPS to zoom.us before anything else; a network that lets
the rest of the internet through but not this (a company or school firewall, a
filtering DNS) is what "a firewall seems to block Zoom" means. The system's
HTTPS proxy, when there is one, is used as Zoom's client would use it.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from readiness.devices.network.network_errors import Failure, NetworkError, classify

if TYPE_CHECKING:
    import ssl

# socket, ssl, http.client and urllib load when the probe runs, not at start-up.

ZOOM_HOST = "zoom.us"
ZOOM_PORT = 443


@dataclass(frozen=True)
class Reachability:
    reachable: bool
    failure: Failure | None = None
    elapsed_ms: float = 0.0
    #: The certificate was not the expected one: something on the network intercepts TLS.
    intercepted: bool = False
    detail: str = ""


class ZoomProbe:
    def __init__(
        self,
        host: str = ZOOM_HOST,
        port: int = ZOOM_PORT,
        *,
        timeout_s: float = 4.0,
        context: ssl.SSLContext | None = None,
    ):
        self.host = host
        self.port = port
        self.timeout_s = timeout_s
        self._context = context

    def check(self) -> Reachability:
        """Never raises; takes at most about ``timeout_s`` (the lookup itself has no timeout,
        so it runs on a daemon thread that is abandoned when it takes too long)."""
        start = time.perf_counter()
        outcome: list[Reachability] = []
        worker = threading.Thread(
            target=lambda: outcome.append(self._attempt(start)), name="zoom-probe", daemon=True
        )
        worker.start()
        worker.join(self.timeout_s + 0.5)
        if outcome:
            return outcome[0]
        return Reachability(False, Failure.TIMEOUT, self._ms(start), detail="no answer in time")

    def _attempt(self, start: float) -> Reachability:
        import socket
        import ssl

        proxy = _https_proxy(self.host)
        try:
            if proxy is None:
                # Resolve first, apart: a name that does not resolve is its own message.
                socket.getaddrinfo(self.host, self.port, 0, socket.SOCK_STREAM)
            self._handshake(proxy)
        except ssl.SSLCertVerificationError as exc:
            # Reached, but someone else answered for zoom.us: TLS inspection.
            return Reachability(True, None, self._ms(start), intercepted=True, detail=str(exc))
        except Exception as exc:
            error: NetworkError = classify(exc)
            return Reachability(False, error.failure, self._ms(start), detail=error.detail)
        return Reachability(True, None, self._ms(start))

    def _handshake(self, proxy: str | None) -> None:
        import http.client
        import ssl
        from urllib.parse import urlsplit

        context = self._context or ssl.create_default_context()
        if proxy is not None:
            parts = urlsplit(proxy if "://" in proxy else f"http://{proxy}")
            conn = http.client.HTTPSConnection(
                parts.hostname or "", parts.port or 8080, timeout=self.timeout_s, context=context
            )
            conn.set_tunnel(self.host, self.port)
        else:
            conn = http.client.HTTPSConnection(
                self.host, self.port, timeout=self.timeout_s, context=context
            )
        try:
            conn.connect()  # TCP, then the TLS handshake
        finally:
            conn.close()

    @staticmethod
    def _ms(start: float) -> float:
        return (time.perf_counter() - start) * 1000


def _https_proxy(host: str) -> str | None:
    import urllib.request

    if urllib.request.proxy_bypass(host):
        return None
    return urllib.request.getproxies().get("https")
