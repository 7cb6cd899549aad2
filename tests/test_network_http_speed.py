"""The second client (Cloudflare-style ``__down`` / ``__up``) against the throttled server."""

import time

import pytest
from network_helpers import http_client

from readiness.devices.network.http_speed import HttpSpeedClient
from readiness.devices.network.network_errors import Failure, NetworkError
from speed_server import FORBIDDEN, STALL, SpeedServer, closed_port

pytest_plugins = ["network_fixtures"]


@pytest.mark.parametrize("mbps", [2.0, 50.0])
def test_bandwidth_and_delay(mbps: float) -> None:
    with SpeedServer(down_mbps=mbps, latency_ms=40, jitter_ms=6) as server:
        measure = http_client(server.base_url, seconds=1.2 if mbps < 5 else 1.0).measure()
        paths = server.paths()
    assert measure.download_mbps == pytest.approx(mbps, rel=0.10)
    assert measure.upload_mbps == pytest.approx(mbps, rel=0.10)
    assert measure.latency is not None
    assert measure.latency.median_ms == pytest.approx(40, abs=10)
    assert measure.latency.jitter_ms == pytest.approx(6, abs=4)
    assert "/__down" in paths and "/__up" in paths
    assert measure.service == "127.0.0.1"  # says who measured


def test_cloudflare_is_named_as_such() -> None:
    assert HttpSpeedClient().name == "Cloudflare (speed.cloudflare.com)"


@pytest.mark.parametrize(
    ("mode", "failure"), [(FORBIDDEN, Failure.FORBIDDEN), (STALL, Failure.TIMEOUT)]
)
def test_failures(mode: str, failure: Failure) -> None:
    with SpeedServer(mode=mode) as server:
        start = time.perf_counter()
        with pytest.raises(NetworkError) as caught:
            http_client(server.base_url).measure()
        assert time.perf_counter() - start < 3.0
    assert caught.value.failure is failure


def test_a_refused_connection() -> None:
    with pytest.raises(NetworkError) as caught:
        http_client(f"http://127.0.0.1:{closed_port()}").measure()
    assert caught.value.failure is Failure.REFUSED
