"""Can Zoom be reached: a real TLS handshake with a stand-in for zoom.us on 127.0.0.1."""

import socket
import threading
import time

from network_helpers import TlsServer
from readiness.devices.network.network_errors import Failure
from readiness.devices.network.zoom_reachability import ZoomProbe
from speed_server import closed_port

pytest_plugins = ["network_fixtures"]


def test_a_tls_handshake_means_reachable(zoom_stand_in: TlsServer) -> None:
    result = zoom_stand_in.probe().check()
    assert result.reachable and result.failure is None and not result.intercepted
    deadline = time.monotonic() + 10.0  # the server's side finishes a moment later
    while zoom_stand_in.handshakes == 0 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert zoom_stand_in.handshakes == 1


def test_a_certificate_nobody_vouches_for_means_intercepted(zoom_stand_in: TlsServer) -> None:
    result = zoom_stand_in.probe(trusted=False).check()
    assert result.reachable and result.intercepted


def test_a_refused_port_is_blocked() -> None:
    # Refused, not timed out: the answer came before the probe's timeout.
    result = ZoomProbe("127.0.0.1", closed_port(), timeout_s=1.0).check()
    assert not result.reachable and result.failure is Failure.REFUSED


def test_a_silent_server_times_out(silent_zoom: TlsServer) -> None:
    result = silent_zoom.probe(timeout_s=0.8).check()
    assert not result.reachable and result.failure is Failure.TIMEOUT


def test_a_lookup_that_hangs_is_given_up_at_the_timeout(monkeypatch) -> None:
    """The name's lookup has no timeout of its own: the probe stops waiting for it."""
    release, returned = threading.Event(), threading.Event()

    def hanging_lookup(*_args, **_kwargs):
        release.wait(30)
        returned.set()
        raise socket.gaierror(socket.EAI_AGAIN, "stand-in DNS: released")

    monkeypatch.setattr(socket, "getaddrinfo", hanging_lookup)
    try:
        result = ZoomProbe(timeout_s=0.3).check()
        assert not returned.is_set()  # answered while the lookup still hangs
    finally:
        release.set()
    assert not result.reachable and result.failure is Failure.TIMEOUT
    assert result.detail == "no answer in time"


def test_a_name_that_does_not_resolve(dns_knows_nothing) -> None:
    result = ZoomProbe(timeout_s=1.0).check()  # zoom.us, through the stand-in DNS
    assert not result.reachable and result.failure is Failure.DNS
