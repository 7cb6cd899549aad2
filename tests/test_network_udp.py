"""The connection check's UDP part: the probe runs after the bandwidth test, its figures and
Zoom's status reach the verdict, and a probe that fails or is cancelled is handled.

Real STUN responders on 127.0.0.1 (tests/stun_server.py); the bandwidth is a stand-in
client that answers at once (its own tests are in test_network_check.py).
"""

import threading

import pytest

from network_helpers import FixedClient, finishes
from readiness.checks.network import (
    NetworkParts,
    NetworkProgress,
    measure_network,
    udp_probe_part,
)
from readiness.core.line_stats import LineStats
from readiness.core.result import Status
from readiness.devices.network.connection import ETHERNET, Connection
from readiness.devices.network.network_errors import Failure, NetworkError
from readiness.devices.network.zoom_reachability import Reachability
from stun_server import StunServer

pytest_plugins = ["network_fixtures"]

CABLE = Connection(ETHERNET, "eth0")
GOOD_LINE = LineStats(200, 200, 0.0, 20.0, 24.0, 2.0, 0, 0, 0.0, 10.0)


def parts(udp_probe=None, zoom_status=None, client=None) -> NetworkParts:
    return NetworkParts(
        [client or FixedClient()],
        lambda: Reachability(True),
        lambda: CABLE,
        udp_probe,
        zoom_status,
    )


def local_probe(*servers: StunServer):
    """The app's UDP probe of these local servers."""
    return udp_probe_part([("127.0.0.1", server.port) for server in servers])


def test_a_silent_stun_server_means_udp_is_blocked() -> None:
    with StunServer(silent=True) as silent:
        result = finishes(lambda: measure_network(parts(local_probe(silent)), stability_s=1.0))
    assert silent.requests > 0
    measures = result.to_json()["measures"]
    assert measures["udp_reachable"] is False
    assert result.status is not Status.OK  # Zoom will go through TCP 443
    assert any("8801" in advice for advice in result.advice)


def test_an_answering_stun_server_gives_the_lines_figures() -> None:
    seen: list[NetworkProgress] = []
    with StunServer(delay_ms=20) as server:
        result = finishes(
            lambda: measure_network(parts(local_probe(server)), seen.append, stability_s=1.0)
        )
    assert server.requests > 0
    measures = result.to_json()["measures"]
    assert measures["udp_reachable"] is True
    assert measures["udp_loss_percent"] == 0.0
    assert measures["udp_rtt_ms"] >= 20.0
    assert measures["udp_jitter_ms"] is not None
    assert measures["stability_duration_s"] == pytest.approx(1.0, abs=0.2)
    assert measures["mos"] is not None
    # The bandwidth first, then the line over UDP, then the verdict; the bar never goes back.
    phases = [update.phase for update in seen]
    assert phases.index("stability") > phases.index("upload")
    assert phases[-1] == "zoom"
    assert "stability" not in phases[phases.index("zoom") :]
    fractions = [update.fraction for update in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0


def test_the_probe_runs_after_the_bandwidth_test_not_during_it() -> None:
    order: list[str] = []

    class Noting(FixedClient):
        def measure(self, progress, cancel=None):
            order.append("bandwidth")
            return super().measure(progress, cancel)

    def probe(seconds, cancelled, progress):
        order.append(f"udp {seconds:g} s")
        progress(0.5)
        return GOOD_LINE

    measure_network(parts(probe, client=Noting()), stability_s=7.0)
    assert order == ["bandwidth", "udp 7 s"]


def test_without_a_probe_the_udp_figures_are_null() -> None:
    seen: list[NetworkProgress] = []
    result = measure_network(parts(), seen.append)
    measures = result.to_json()["measures"]
    assert measures["udp_reachable"] is None and measures["udp_loss_percent"] is None
    assert measures["mos"] is None
    assert "stability" not in [update.phase for update in seen]
    assert result.status is Status.OK


def test_a_probe_that_sent_nothing_leaves_the_verdict_alone() -> None:
    """No STUN server's name resolved (offline, most likely): not a blocked UDP."""
    result = measure_network(parts(lambda *_: None))
    assert result.to_json()["measures"]["udp_reachable"] is None
    assert result.status is Status.OK


def test_a_probe_that_breaks_leaves_the_verdict_alone(caplog) -> None:
    def broken(*_):
        raise RuntimeError("a bug in the probe")

    result = measure_network(parts(broken))
    assert result.status is Status.OK
    assert result.to_json()["measures"]["udp_reachable"] is None
    assert "UDP probe" in caplog.text


def test_cancelling_during_the_probe_stops_it() -> None:
    cancel = threading.Event()
    stopped = threading.Event()

    def probe(seconds, cancelled, progress):
        cancel.set()  # the person cancels while the line is probed
        while not cancelled():
            threading.Event().wait(0.01)
        stopped.set()
        return GOOD_LINE

    with pytest.raises(NetworkError) as caught:
        finishes(lambda: measure_network(parts(probe), cancelled=cancel.is_set))
    assert caught.value.failure is Failure.CANCELLED
    assert stopped.is_set()


def test_zoom_status_reaches_the_verdict() -> None:
    result = measure_network(parts(zoom_status=lambda: "incident"))
    assert result.to_json()["measures"]["zoom_status"] == "incident"
    assert measure_network(parts()).to_json()["measures"]["zoom_status"] == "unknown"


def test_a_zoom_status_check_that_breaks_is_unknown() -> None:
    def broken() -> str:
        raise OSError("offline")

    result = measure_network(parts(zoom_status=broken))
    assert result.to_json()["measures"]["zoom_status"] == "unknown"


def test_the_real_parts_probe_the_servers_chosen() -> None:
    assert NetworkParts.for_system().udp_probe is not None  # the public servers
    assert NetworkParts.for_system(stun_servers=()).udp_probe is None  # none wanted
    assert NetworkParts.for_system().zoom_status is not None
    with StunServer() as server:
        chosen = NetworkParts.for_system(stun_servers=[server.address])
        line = finishes(lambda: chosen.udp_probe(0.5, lambda: False, lambda _share: None))
    assert line is not None and line.reachable
    assert server.requests == line.sent
