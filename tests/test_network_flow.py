"""The connection test as one flow: its updates in order, stopping it, and the command line
driving the same object (``readiness check --only network``)."""

from __future__ import annotations

import threading

from network_helpers import FixedClient, TlsServer, speedtest_client
from readiness.checks import build_checks
from readiness.checks.flow import drive
from readiness.checks.kit import DeviceKit
from readiness.checks.network import NetworkParts, udp_probe_part
from readiness.checks.network_flow import (
    NetworkFlow,
    NetworkMeasured,
    NetworkProgress,
    timeout_s,
)
from readiness.checks.titles import network_title
from readiness.core.device_choice import DeviceChoice
from readiness.core.result import Status
from readiness.devices.network.connection import ETHERNET, Connection, detect
from readiness.devices.network.latency import Latency
from readiness.devices.network.line_measure import LineMeasure
from readiness.devices.network.network_errors import Failure, NetworkError
from readiness.devices.network.zoom_reachability import Reachability
from speed_server import SpeedServer
from stun_server import StunServer

pytest_plugins = ["network_fixtures"]

CABLE = Connection(ETHERNET, "eth0")


class PartsMaker:
    """The kit's ``network``: the line test with ``clients``; notes the devices each test
    was made for."""

    def __init__(self, *clients, zoom=lambda: Reachability(True), connection=lambda: CABLE):
        self._clients = clients
        self._zoom = zoom
        self._connection = connection
        self.asked: list[DeviceChoice] = []

    def __call__(self, devices: DeviceChoice) -> NetworkParts:
        self.asked.append(devices)
        return NetworkParts(list(self._clients), self._zoom, self._connection)


def kit_with(*clients, **kwargs) -> DeviceKit:
    return DeviceKit(network=PartsMaker(*clients, **kwargs))


class Updates:
    """An observer that keeps what it is sent, and wakes a waiting test."""

    def __init__(self) -> None:
        self.seen: list[object] = []
        self.changed = threading.Event()

    def __call__(self, update: object) -> None:
        self.seen.append(update)
        self.changed.set()

    def wait_for(self, kind: type, timeout_s: float = 30.0):
        while not any(isinstance(u, kind) for u in self.seen):
            assert self.changed.wait(timeout_s), f"no {kind.__name__} in {timeout_s:.0f} s"
            self.changed.clear()
        return next(u for u in self.seen if isinstance(u, kind))


def test_progress_moves_forward_then_the_verdict_comes_last() -> None:
    flow = NetworkFlow(DeviceChoice(), kit_with(FixedClient()))
    updates = Updates()
    flow.start(updates)
    measured = updates.wait_for(NetworkMeasured)
    assert flow.wait(30)
    *progress, last = updates.seen
    assert last is measured and all(isinstance(u, NetworkProgress) for u in progress)
    assert [u.phase for u in progress] == ["connect", "download", "download", "upload", "zoom"]
    fractions = [u.fraction for u in progress]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert progress[2].live_mbps == 48.2 and progress[0].service == "stand-in (127.0.0.1)"
    assert flow.settled() and flow.result() is measured.result
    assert measured.result.status is Status.OK
    assert "vidéo HD" in measured.result.summary


def test_the_parts_are_made_for_the_devices_chosen_on_the_flows_thread() -> None:
    client = FixedClient()
    maker = PartsMaker(client)
    devices = DeviceChoice(speedtest_server="http://127.0.0.1:9/speedtest/upload.php")
    flow = NetworkFlow(devices, DeviceKit(network=maker))
    assert maker.asked == []  # nothing is made before the flow starts
    flow.start(lambda _update: None)
    assert flow.wait(30)
    assert maker.asked == [devices]
    assert client.ran_on and client.ran_on[0] != threading.main_thread().name


def test_the_real_parts_follow_the_devices_chosen() -> None:
    parts = DeviceKit().network(DeviceChoice(speed_service=""))
    assert len(parts.clients) == 1  # no second service: speedtest only
    assert len(DeviceKit().network(DeviceChoice()).clients) == 2


class HangingClient:
    """Measures until told to stop, then notes it (its threads wind down on their own)."""

    name = "lent"

    def __init__(self) -> None:
        self.inside = threading.Event()
        self.told_to_stop = threading.Event()

    def measure(self, progress, cancel=None) -> LineMeasure:
        progress("connect", 1.0, None)
        self.inside.set()
        assert cancel is not None and cancel.wait(30)
        self.told_to_stop.set()
        return LineMeasure(50.0, 20.0, Latency((20.0,) * 4), None, self.name, "")


def test_stop_cancels_at_once_and_nothing_is_heard_after() -> None:
    client = HangingClient()
    flow = NetworkFlow(DeviceChoice(), kit_with(client))
    updates = Updates()
    flow.start(updates)
    assert client.inside.wait(30)
    flow.stop()
    heard = len(updates.seen)
    assert client.told_to_stop.wait(30)
    assert flow.wait(30)  # the flow's thread ends, unheard
    assert len(updates.seen) == heard
    assert flow.result() is None and not flow.settled()
    flow.stop()  # again: nothing happens


def test_an_unexpected_error_is_a_verdict_too() -> None:
    def broken(_devices):
        raise ValueError("a bug")

    flow = NetworkFlow(DeviceChoice(), DeviceKit(network=broken))
    updates = Updates()
    flow.start(updates)
    measured = updates.wait_for(NetworkMeasured)
    assert measured.result.status is Status.FAILED
    assert measured.result.summary == "La mesure s'est interrompue sur une erreur inattendue."
    assert flow.settled()


def test_a_failing_client_then_a_working_one_in_the_same_flow() -> None:
    refused = FixedClient(fails=NetworkError(Failure.FORBIDDEN))
    refused.name = "refusé"
    flow = NetworkFlow(DeviceChoice(), kit_with(refused, FixedClient()))
    updates = Updates()
    flow.start(updates)
    result = updates.wait_for(NetworkMeasured).result
    assert result.status is Status.OK and result.measures["failures"] == {"refusé": "forbidden"}
    services = [u.service for u in updates.seen if isinstance(u, NetworkProgress)]
    assert services[0] == "refusé" and "stand-in (127.0.0.1)" in services
    fractions = [u.fraction for u in updates.seen if isinstance(u, NetworkProgress)]
    assert fractions == sorted(fractions)  # the second attempt fills what the first left


def test_drive_reports_the_flows_verdict() -> None:
    flow = NetworkFlow(DeviceChoice(), kit_with(FixedClient()))
    result = drive(flow, 30, title=network_title)
    assert result is flow.result() and result.status is Status.OK


def test_the_command_lines_check_drives_the_flow_against_a_local_server(
    zoom_stand_in: TlsServer,
) -> None:
    with SpeedServer(down_mbps=10, latency_ms=20) as server:
        client = speedtest_client(server.url, seconds=0.8)
        kit = kit_with(client, zoom=zoom_stand_in.probe().check, connection=detect)
        (check,) = build_checks(["network"], kit=kit)
        assert check.id == "network" and check.title() == "Connexion internet"
        result = check.run()
    assert result.status is Status.OK, result
    assert result.measures["service"].startswith("speedtest (127.0.0.1:")
    assert result.measures["zoom_reachable"] is True


# --- the line over UDP --------------------------------------------------------------


def test_the_flow_probes_the_line_for_the_stability_time_chosen() -> None:
    asked: list[float] = []

    def probe(seconds, cancelled, progress):
        asked.append(seconds)
        return None  # nothing sent: the verdict goes without UDP figures

    def maker(devices: DeviceChoice) -> NetworkParts:
        return NetworkParts([FixedClient()], lambda: Reachability(True), lambda: CABLE, probe)

    flow = NetworkFlow(DeviceChoice(stability_s=2.5), DeviceKit(network=maker))
    result = drive(flow, 30, title=network_title)
    assert asked == [2.5]
    assert result.status is Status.OK


def test_the_real_parts_probe_the_stun_servers_chosen() -> None:
    assert DeviceKit().network(DeviceChoice()).udp_probe is not None  # the public ones
    assert DeviceKit().network(DeviceChoice(stun_servers=())).udp_probe is None


def test_the_checks_time_limit_grows_with_the_stability_time() -> None:
    (short,) = build_checks(["network"], DeviceChoice(stability_s=5.0))
    (long,) = build_checks(["network"], DeviceChoice(stability_s=120.0))
    assert long.timeout_s - short.timeout_s == 115.0
    assert short.timeout_s == timeout_s(5.0) > 5.0 + 30.0  # the bandwidth's budget too


def test_the_command_lines_check_finds_udp_blocked_on_a_silent_stun_port(
    zoom_stand_in: TlsServer,
) -> None:
    with StunServer(silent=True) as silent:
        kit = DeviceKit(
            network=lambda devices: NetworkParts(
                [FixedClient()],
                zoom_stand_in.probe().check,
                lambda: CABLE,
                udp_probe_part([("127.0.0.1", silent.port)]),
            )
        )
        (check,) = build_checks(["network"], DeviceChoice(stability_s=1.0), kit=kit)
        result = check.run()
    assert silent.requests > 0
    assert result.measures["udp_reachable"] is False
