"""The real speedtest-cli code against a speedtest-compatible server on 127.0.0.1.

The server (tests/speed_server.py) throttles both directions to known rates and
adds a known delay and jitter; the client must find them within ±10 % and ±10 ms.
"""

import threading
import time

import pytest
from network_helpers import seconds_for, speedtest_client

from readiness.devices.network.network_errors import Failure, NetworkError
from speed_server import FORBIDDEN, PROXY_AUTH, STALL, SpeedServer, closed_port

pytest_plugins = ["network_fixtures"]

LATENCY_MS = 30.0
JITTER_MS = 10.0


def assert_close(measured: float, expected: float) -> None:
    assert measured == pytest.approx(expected, rel=0.10), f"{measured:.2f} for {expected}"


@pytest.mark.parametrize("mbps", [2.0, 50.0])
def test_bandwidth_and_delay_against_a_given_server(mbps: float, monkeypatch) -> None:
    # A proxy that plays speedtest.net: with a server URL, it must never be asked anything.
    with (
        SpeedServer(down_mbps=mbps, latency_ms=LATENCY_MS, jitter_ms=JITTER_MS) as server,
        SpeedServer() as speedtest_net,
    ):
        monkeypatch.setenv("http_proxy", speedtest_net.base_url)
        monkeypatch.setenv("https_proxy", speedtest_net.base_url)
        monkeypatch.setenv("no_proxy", "127.0.0.1")
        measure = speedtest_client(server.url, seconds_for(mbps)).measure()
    assert_close(measure.download_mbps, mbps)
    assert_close(measure.upload_mbps, mbps)
    assert measure.latency is not None
    assert measure.latency.median_ms == pytest.approx(LATENCY_MS, abs=10)
    assert measure.latency.jitter_ms == pytest.approx(JITTER_MS, abs=5)
    assert speedtest_net.requests == []
    paths = server.paths()
    assert "/speedtest/latency.txt" in paths and "/speedtest/upload.php" in paths
    assert any(p.startswith("/speedtest/random") for p in paths)
    assert measure.server == server.url


def test_speedtest_net_discovery_through_a_proxy_playing_speedtest_net(monkeypatch) -> None:
    """Without a server URL: speedtest.net's config and server list, then the closest server
    (here, both played by the local server, reached as an HTTP proxy)."""
    with SpeedServer(down_mbps=10, latency_ms=LATENCY_MS) as server:
        monkeypatch.setenv("http_proxy", server.base_url)
        monkeypatch.setenv("no_proxy", "127.0.0.1")
        measure = speedtest_client(None, secure=False).measure()
        asked = [path for _method, path in server.requests]
    assert any(p.startswith("http://www.speedtest.net/speedtest-config.php") for p in asked)
    assert any("speedtest-servers" in p for p in asked)
    assert_close(measure.download_mbps, 10)
    assert_close(measure.upload_mbps, 10)
    assert measure.service == "speedtest.net (Loopback, Paris)"


def _failure(client, limit_s: float) -> tuple[NetworkError, float]:
    start = time.perf_counter()
    with pytest.raises(NetworkError) as caught:
        client.measure()
    elapsed = time.perf_counter() - start
    assert elapsed < limit_s
    return caught.value, elapsed


def test_a_name_that_does_not_resolve(dns_knows_nothing) -> None:
    error, _ = _failure(speedtest_client("http://speedtest.example.invalid/upload.php"), 2.0)
    assert error.failure is Failure.DNS


def test_a_refused_connection() -> None:
    url = f"http://127.0.0.1:{closed_port()}/speedtest/upload.php"
    error, _ = _failure(speedtest_client(url), 2.0)
    assert error.failure is Failure.REFUSED


def test_a_server_that_answers_403() -> None:
    with SpeedServer(mode=FORBIDDEN) as server:
        error, _ = _failure(speedtest_client(server.url), 2.0)
    assert error.failure is Failure.FORBIDDEN


def test_a_server_that_stalls_times_out_quickly() -> None:
    with SpeedServer(mode=STALL) as server:
        error, elapsed = _failure(speedtest_client(server.url), 4.0)
    assert error.failure is Failure.TIMEOUT
    assert elapsed >= 0.9  # it did wait for the server: its timeout is 1 s here


def test_a_proxy_that_wants_a_password(monkeypatch) -> None:
    with SpeedServer(mode=PROXY_AUTH) as proxy:
        monkeypatch.setenv("http_proxy", proxy.base_url)
        monkeypatch.setenv("https_proxy", proxy.base_url)
        # speedtest.net's own configuration (HTTPS, through a CONNECT the proxy refuses)
        error, _ = _failure(speedtest_client(None), 3.0)
        assert error.failure is Failure.PROXY
        # and a given server (plain HTTP, through the proxy): no name is resolved here
        error, _ = _failure(speedtest_client("http://speed.example.invalid/upload.php"), 3.0)
        assert error.failure is Failure.PROXY
        assert any(method == "CONNECT" for method, _path in proxy.requests)


def test_cancelling_stops_within_a_moment() -> None:
    with SpeedServer(down_mbps=5, latency_ms=10) as server:
        cancel = threading.Event()
        phases: list[str] = []

        def progress(phase: str, _fraction: float, _mbps) -> None:
            phases.append(phase)
            if phase == "download" and not cancel.is_set():
                threading.Timer(0.3, cancel.set).start()

        start = time.perf_counter()
        with pytest.raises(NetworkError) as caught:
            speedtest_client(server.url).measure(progress, cancel)
        elapsed = time.perf_counter() - start
        assert caught.value.failure is Failure.CANCELLED
        assert "upload" not in phases
        assert elapsed < 1.5
        # its threads wind down: the server soon stops sending
        time.sleep(0.3)
        sent = server.bytes_down
        time.sleep(0.3)
        assert server.bytes_down == sent
