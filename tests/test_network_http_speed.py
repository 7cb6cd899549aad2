"""The second client (Cloudflare-style ``__down`` / ``__up``) against the throttled server."""

import pytest

from network_helpers import assert_delay_at_least, assert_through_the_line, finishes, http_client
from readiness.devices.network.http_speed import HttpSpeedClient
from readiness.devices.network.network_errors import Failure, NetworkError
from speed_server import FORBIDDEN, STALL, SpeedServer, closed_port

pytest_plugins = ["network_fixtures"]


@pytest.mark.parametrize("mbps", [2.0, 50.0])
def test_bandwidth_and_delay(mbps: float) -> None:
    """Both directions and the delay, through the line. How accurately (±10 %, ±10 ms) is
    benchmarks/network_accuracy.py's to say: a busy machine measures less."""
    seconds = 1.2 if mbps < 5 else 1.0
    with SpeedServer(down_mbps=mbps, latency_ms=40, jitter_ms=6) as server:
        measure = http_client(server.base_url, seconds=seconds).measure()
        paths = server.paths()
    assert_through_the_line(measure.download_mbps, mbps, seconds)
    assert_through_the_line(measure.upload_mbps, mbps, seconds)
    assert_delay_at_least(measure.latency, 40, jitter_ms=6)
    assert measure.latency.jitter_ms > 0  # the server's delays alternate
    assert "/__down" in paths and "/__up" in paths
    assert measure.service == "127.0.0.1"  # says who measured


def test_cloudflare_is_named_as_such() -> None:
    assert HttpSpeedClient().name == "Cloudflare (speed.cloudflare.com)"


@pytest.mark.parametrize(
    ("mode", "failure"), [(FORBIDDEN, Failure.FORBIDDEN), (STALL, Failure.TIMEOUT)]
)
def test_failures(mode: str, failure: Failure) -> None:
    # A stalled server is given up at the client's own (1 s) timeout.
    with SpeedServer(mode=mode) as server, pytest.raises(NetworkError) as caught:
        finishes(http_client(server.base_url).measure)
    assert caught.value.failure is failure


def test_a_refused_connection() -> None:
    with pytest.raises(NetworkError) as caught:
        http_client(f"http://127.0.0.1:{closed_port()}").measure()
    assert caught.value.failure is Failure.REFUSED
