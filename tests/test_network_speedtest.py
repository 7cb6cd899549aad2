"""The real speedtest-cli code against a speedtest-compatible server on 127.0.0.1.

The server (tests/speed_server.py) throttles both directions to known rates and
adds a known delay and jitter. Here the client must measure through that line,
never more than it carries; finding the rates within ±10 % and the delay within
±10 ms is benchmarks/network_accuracy.py's target (a busy machine measures less).
"""

import threading

import pytest

from network_helpers import (
    assert_delay_at_least,
    assert_through_the_line,
    finishes,
    seconds_for,
    speedtest_client,
)
from readiness.devices.network.network_errors import Failure, NetworkError
from speed_server import FORBIDDEN, PROXY_AUTH, STALL, SpeedServer, closed_port

pytest_plugins = ["network_fixtures"]

LATENCY_MS = 30.0
JITTER_MS = 10.0


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
    assert_through_the_line(measure.download_mbps, mbps, seconds_for(mbps))
    assert_through_the_line(measure.upload_mbps, mbps, seconds_for(mbps))
    assert_delay_at_least(measure.latency, LATENCY_MS, JITTER_MS)
    assert measure.latency.jitter_ms > 0  # the server's delays alternate
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
    assert_through_the_line(measure.download_mbps, 10, seconds=1.0)
    assert_through_the_line(measure.upload_mbps, 10, seconds=1.0)
    assert measure.service == "speedtest.net (Loopback, Paris)"


def _failure(client) -> NetworkError:
    with pytest.raises(NetworkError) as caught:
        finishes(client.measure)
    return caught.value


def test_a_name_that_does_not_resolve(dns_knows_nothing) -> None:
    error = _failure(speedtest_client("http://speedtest.example.invalid/upload.php"))
    assert error.failure is Failure.DNS


def test_a_refused_connection() -> None:
    url = f"http://127.0.0.1:{closed_port()}/speedtest/upload.php"
    error = _failure(speedtest_client(url))
    assert error.failure is Failure.REFUSED


def test_a_server_that_answers_403() -> None:
    with SpeedServer(mode=FORBIDDEN) as server:
        error = _failure(speedtest_client(server.url))
    assert error.failure is Failure.FORBIDDEN


def test_a_server_that_stalls_times_out() -> None:
    with SpeedServer(mode=STALL) as server:
        error = _failure(speedtest_client(server.url))  # at its own (1 s) timeout
        assert server.requests  # it was asked, and did not answer
    assert error.failure is Failure.TIMEOUT


def test_a_proxy_that_wants_a_password(monkeypatch) -> None:
    with SpeedServer(mode=PROXY_AUTH) as proxy:
        monkeypatch.setenv("http_proxy", proxy.base_url)
        monkeypatch.setenv("https_proxy", proxy.base_url)
        # speedtest.net's own configuration (HTTPS, through a CONNECT the proxy refuses)
        error = _failure(speedtest_client(None))
        assert error.failure is Failure.PROXY
        # and a given server (plain HTTP, through the proxy): no name is resolved here
        error = _failure(speedtest_client("http://speed.example.invalid/upload.php"))
        assert error.failure is Failure.PROXY
        assert any(method == "CONNECT" for method, _path in proxy.requests)


def test_cancelling_stops_at_the_next_tick() -> None:
    with SpeedServer(down_mbps=5, latency_ms=10) as server:
        cancel = threading.Event()
        phases: list[str] = []

        def progress(phase: str, _fraction: float, _mbps) -> None:
            phases.append(phase)
            if phase == "download":
                cancel.set()  # while downloading

        with pytest.raises(NetworkError) as caught:
            finishes(lambda: speedtest_client(server.url).measure(progress, cancel))
        assert caught.value.failure is Failure.CANCELLED
        # Not one more report after the cancel: the test stopped at its next look.
        assert phases[-1] == "download" and phases.count("download") == 1
        # Its threads wind down: their transfers end, and the server stops sending.
        server.wait_idle(hang_s=30)
