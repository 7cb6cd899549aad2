"""The connection check: its verdict from measures, and the whole test against local servers."""

import json
import threading

import pytest

from network_helpers import (
    TlsServer,
    assert_through_the_line,
    finishes,
    http_client,
    speedtest_client,
)
from readiness.checks.network import NetworkParts, measure_network
from readiness.checks.network_verdict import judge_network
from readiness.core.line_stats import LineStats
from readiness.core.result import Status
from readiness.devices.network.connection import ETHERNET, NONE, WIFI, Connection, detect
from readiness.devices.network.latency import Latency
from readiness.devices.network.line_measure import LineMeasure
from readiness.devices.network.network_errors import Failure, NetworkError
from readiness.devices.network.zoom_reachability import Reachability, ZoomProbe
from speed_server import FORBIDDEN, PROXY_AUTH, STALL, SpeedServer, closed_port
from tests.fakes import FakeTime

pytest_plugins = ["network_fixtures"]

CABLE = Connection(ETHERNET, "eth0")
REACHABLE = Reachability(True)


def line(down: float, up: float, rtt: float = 20.0, jitter: float = 2.0, loaded=None):
    samples = (rtt - jitter / 2, rtt + jitter / 2) * 5
    return LineMeasure(
        download_mbps=down,
        upload_mbps=up,
        latency=Latency(samples),
        loaded_latency=Latency((loaded,) * 5) if loaded else None,
        service="speedtest.net (Orange, Paris)",
        server="http://speedtest.example/speedtest/upload.php",
    )


def judge(measure, connection=CABLE, zoom=REACHABLE, failures=(), **udp):
    return judge_network(
        "Connexion internet", measure, list(failures), connection, zoom, 9.2, **udp
    )


def udp_line(
    loss: float = 0.0,
    rtt: float = 25.0,
    jitter: float = 2.0,
    outage: float = 0.0,
    sent: int = 200,
    duration: float = 10.0,
) -> LineStats:
    """What the UDP probe would have found on a line with these figures."""
    received = round(sent * (1 - loss / 100))
    return LineStats(
        sent=sent,
        received=received,
        loss_percent=loss,
        rtt_ms=rtt,
        rtt_p95_ms=rtt + 2 * jitter,
        jitter_ms=jitter,
        reordered=0,
        late=0,
        longest_outage_ms=outage,
        duration_s=duration,
    )


#: Nothing came back from the STUN servers.
UDP_BLOCKED = LineStats(200, 0, None, None, None, None, 0, 0, 10_000.0, 10.0)


# --- the verdict ------------------------------------------------------------------


def test_a_good_line_allows_hd_video_and_screen_sharing() -> None:
    result = judge(line(48.2, 9.6))
    assert result.status is Status.OK
    assert result.summary == (
        "Votre connexion permet la vidéo HD et le partage d'écran "
        "(réception 48\u00a0Mbit/s, envoi 9,6\u00a0Mbit/s, délai 20\u00a0ms)."  # no break
    )
    assert result.advice == ()
    measures = result.measures
    assert measures["download_mbps"] == 48.2 and measures["upload_mbps"] == 9.6
    assert measures["latency_ms"] == 20.0 and measures["jitter_ms"] == 2.0
    assert measures["connection"] == "ethernet" and measures["allows"] == "hd_video"
    assert measures["service"] == "speedtest.net (Orange, Paris)"
    assert measures["duration_s"] == 9.2
    json.dumps(result.to_json())  # plain JSON values only


def test_a_slow_upload_allows_standard_video_with_advice() -> None:
    result = judge(line(20.0, 1.5))
    assert result.status is Status.WARNING
    assert "qualité standard" in result.summary
    assert any("Fermez ce qui télécharge" in a for a in result.advice)


@pytest.mark.parametrize(("down", "up"), [(2.0, 0.5), (0.05, 0.05)])
def test_too_little_for_video_fails(down: float, up: float) -> None:
    result = judge(line(down, up))
    assert result.status is Status.FAILED
    assert any("partage de connexion" in a for a in result.advice)


def test_a_long_delay_leaves_audio_only() -> None:
    result = judge(line(50.0, 20.0, rtt=420.0))
    assert result.status is Status.FAILED
    assert result.summary.startswith("Votre connexion ne permet que l'audio")
    assert result.measures["allows"] == "audio"


def test_a_noticeable_delay_is_a_warning() -> None:
    result = judge(line(50.0, 20.0, rtt=150.0))
    assert result.status is Status.WARNING
    assert any("délai" in a for a in result.advice)


def test_weak_wifi_advises_a_cable_or_coming_closer() -> None:
    result = judge(line(50.0, 20.0), connection=Connection(WIFI, "wlan0", 35, -83))
    assert result.status is Status.WARNING
    (advice,) = result.advice
    assert "35\u00a0%" in advice and "câble" in advice and "rapprochez-vous" in advice
    assert result.measures["wifi_signal_percent"] == 35


def test_a_vpn_is_a_warning() -> None:
    result = judge(line(50.0, 20.0), connection=Connection(ETHERNET, "eth0", vpn=("tun0",)))
    assert result.status is Status.WARNING
    assert any("VPN" in a for a in result.advice)
    assert result.measures["vpn"] is True and result.measures["vpn_interfaces"] == ["tun0"]


def test_a_box_that_queues_too_much_is_pointed_out() -> None:
    result = judge(line(50.0, 20.0, rtt=20.0, loaded=180.0))
    assert result.measures["latency_loaded_increase_ms"] == 160.0
    assert any("160\u00a0ms" in a and "téléchargements" in a for a in result.advice)


def test_zoom_blocked_while_the_rest_works_points_at_a_firewall() -> None:
    result = judge(line(50.0, 20.0), zoom=Reachability(False, Failure.TIMEOUT))
    assert result.status is Status.FAILED
    assert result.summary.startswith("Un pare-feu semble bloquer Zoom")
    assert result.measures["zoom_reachable"] is False
    assert result.measures["download_mbps"] == 50.0  # the figures stay in the report


def test_no_connection_at_all() -> None:
    result = judge(
        None,
        connection=Connection(NONE),
        zoom=Reachability(False, Failure.DNS),
        failures=[("speedtest.net", NetworkError(Failure.DNS))],
    )
    assert result.status is Status.FAILED
    assert result.summary == "Cet ordinateur n'est pas connecté à internet."
    assert "Wi-Fi" in result.advice[0]


# --- the media path (UDP), the call-quality score and Zoom's status ------------------------

UDP_MEASURES = (
    "udp_reachable",
    "udp_loss_percent",
    "udp_rtt_ms",
    "udp_rtt_p95_ms",
    "udp_jitter_ms",
    "udp_longest_outage_ms",
    "udp_outages",
    "stability_duration_s",
    "mos",
)


def strict_json(result) -> dict:
    """The result as the command line writes it, refusing NaN and Infinity."""
    return json.loads(json.dumps(result.to_json(), allow_nan=False))


def test_without_a_udp_probe_the_verdict_is_as_before() -> None:
    before = judge(line(48.2, 9.6))
    for measure in UDP_MEASURES:
        assert before.measures[measure] is None
    assert before.measures["zoom_status"] == "unknown"
    assert before.summary.endswith("délai 20\u00a0ms).")  # no loss figure: none measured


def test_a_clean_udp_path_is_ok_with_an_excellent_score() -> None:
    result = judge(line(48.2, 9.6), line=udp_line(), zoom_status="ok")
    assert result.status is Status.OK
    assert result.advice == ()
    assert result.summary == (
        "Votre connexion permet la vidéo HD et le partage d'écran (réception 48\u00a0Mbit/s, "
        "envoi 9,6\u00a0Mbit/s, délai 20\u00a0ms, pertes 0\u00a0%)."
    )
    measures = strict_json(result)["measures"]
    assert measures["udp_reachable"] is True
    assert measures["udp_loss_percent"] == 0.0
    assert measures["udp_rtt_ms"] == 25.0 and measures["udp_rtt_p95_ms"] == 29.0
    assert measures["udp_jitter_ms"] == 2.0 and measures["udp_longest_outage_ms"] == 0
    assert measures["stability_duration_s"] == 10.0
    assert measures["mos"] >= 4.3  # excellente
    assert measures["zoom_status"] == "ok"
    assert measures["allows"] == "hd_video"


def test_four_percent_loss_is_a_warning_with_advice() -> None:
    clean = judge(line(48.2, 9.6), line=udp_line())
    result = judge(line(48.2, 9.6), line=udp_line(loss=4.0))
    assert result.status is Status.WARNING
    assert "qualité standard" in result.summary and "pertes 4\u00a0%" in result.summary
    assert result.measures["allows"] == "standard_video"
    assert any("(4\u00a0%)" in a and "coupez votre caméra" in a for a in result.advice)
    assert any("Fermez ce qui télécharge" in a for a in result.advice)
    assert result.measures["mos"] < clean.measures["mos"]


def test_lost_packets_on_wifi_advise_a_cable_or_coming_closer() -> None:
    result = judge(
        line(48.2, 9.6), connection=Connection(WIFI, "wlan0", 80, -55), line=udp_line(loss=5.0)
    )
    assert result.status is Status.WARNING
    assert any("câble" in a and "rapprocher" in a for a in result.advice)


def test_fifteen_percent_loss_leaves_audio_only() -> None:
    result = judge(line(48.2, 9.6), line=udp_line(loss=15.0))
    assert result.status is Status.FAILED
    assert result.summary.startswith("Votre connexion ne permet que l'audio")
    assert result.measures["allows"] == "audio"
    assert any("(15\u00a0%)" in a and "audio seulement" in a for a in result.advice)
    assert result.measures["mos"] < 3.6  # mauvaise


def test_a_little_loss_says_nothing() -> None:
    result = judge(line(48.2, 9.6), line=udp_line(loss=1.5))
    assert result.status is Status.OK and result.advice == ()


def test_jitter_over_30_ms_is_a_warning_with_advice() -> None:
    result = judge(line(48.2, 9.6), line=udp_line(jitter=35.0))
    assert result.status is Status.WARNING
    assert any(
        "gigue de 35\u00a0ms" in a and "Fermez ce qui télécharge" in a for a in result.advice
    )
    assert not any("délai de la connexion est long" in a for a in result.advice)


def test_jitter_over_50_ms_leaves_audio_only() -> None:
    result = judge(line(48.2, 9.6), line=udp_line(jitter=60.0))
    assert result.status is Status.FAILED
    assert result.measures["allows"] == "audio"


def test_a_long_round_trip_on_the_media_path_is_said_once() -> None:
    result = judge(line(48.2, 9.6, rtt=150.0), line=udp_line(rtt=160.0))
    assert result.status is Status.WARNING
    assert sum("délai de la connexion est long" in a for a in result.advice) == 1


def test_a_drop_out_is_a_warning() -> None:
    result = judge(line(48.2, 9.6), line=udp_line(loss=0.5, outage=2400.0))
    assert result.status is Status.WARNING
    assert any("coupée pendant 2,4\u00a0s" in a and "redémarrez" in a for a in result.advice)
    assert result.measures["udp_longest_outage_ms"] == 2400


def test_a_short_burst_is_not_a_drop_out() -> None:
    result = judge(line(48.2, 9.6), line=udp_line(loss=0.5, outage=150.0))
    assert result.status is Status.OK


def test_udp_blocked_while_tcp_works_means_zooms_back_up_route() -> None:
    result = judge(line(48.2, 9.6), line=UDP_BLOCKED)
    assert result.status is Status.WARNING
    assert "vidéo HD" in result.summary  # what the bandwidth allows still stands
    first = result.advice[0]
    assert "TCP 443" in first and "moins fluide" in first
    assert "UDP 8801 à 8810 et 3478 à 3479" in first and "service informatique" in first
    assert "redémarrez votre box" in first and "partage de connexion" in first
    measures = strict_json(result)["measures"]
    assert measures["udp_reachable"] is False
    assert measures["stability_duration_s"] == 10.0
    for measure in (*UDP_MEASURES[1:-2], "mos"):
        assert measures[measure] is None, measure


def test_udp_blocked_does_not_soften_a_failure() -> None:
    result = judge(line(2.0, 0.5), line=UDP_BLOCKED)
    assert result.status is Status.FAILED
    assert "TCP 443" in result.advice[0]


def test_udp_blocked_offline_adds_nothing() -> None:
    result = judge(
        None,
        connection=Connection(NONE),
        zoom=Reachability(False, Failure.DNS),
        failures=[("speedtest.net", NetworkError(Failure.DNS))],
        line=UDP_BLOCKED,
    )
    assert result.status is Status.FAILED
    assert not any("TCP 443" in a for a in result.advice)
    assert result.measures["udp_reachable"] is False


def test_udp_blocked_when_only_zoom_us_answers_over_tcp() -> None:
    result = judge(
        None,
        failures=[("speedtest.net", NetworkError(Failure.FORBIDDEN))],
        line=UDP_BLOCKED,
    )
    assert result.status is Status.WARNING  # the bandwidth could not be measured
    assert "TCP 443" in result.advice[0]


def test_zoom_status_is_stored_as_a_plain_word() -> None:
    from readiness.devices.network.zoom_status import ZoomStatus

    result = judge(line(48.2, 9.6), zoom_status=ZoomStatus.INCIDENT)
    assert type(result.measures["zoom_status"]) is str
    assert result.measures["zoom_status"] == "incident"


def test_a_probe_that_sent_nothing_is_not_a_probe() -> None:
    result = judge(line(48.2, 9.6), line=LineStats(0, 0, None, None, None, None, 0, 0, 0.0, 0.0))
    assert result.status is Status.OK
    for measure in UDP_MEASURES:
        assert result.measures[measure] is None


def test_a_zoom_incident_says_the_trouble_may_be_on_zooms_side() -> None:
    result = judge(line(48.2, 9.6), line=udp_line(), zoom_status="incident")
    assert result.status is Status.OK  # nothing to fix here
    (advice,) = result.advice
    assert "Zoom signale en ce moment un incident" in advice
    assert "peuvent venir de Zoom" in advice
    assert result.measures["zoom_status"] == "incident"


@pytest.mark.parametrize("status", ["unknown", "ok", "INCIDENT", "", "<b>", None, 3])
def test_no_incident_no_word_about_zoom(status) -> None:
    result = judge(line(48.2, 9.6), zoom_status=status)
    assert result.advice == ()
    assert result.measures["zoom_status"] in ("ok", "unknown")


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -1.0])
def test_json_stays_strict_whatever_the_probe_gives(bad: float) -> None:
    odd = LineStats(200, 190, bad, bad, bad, bad, 0, 0, bad, bad)
    result = judge(line(48.2, 9.6), line=odd)
    measures = strict_json(result)["measures"]
    assert measures["udp_reachable"] is True
    for measure in UDP_MEASURES[1:]:
        assert measures[measure] is None, measure


def test_the_measures_are_rounded() -> None:
    udp = LineStats(150, 149, 0.6666666, 23.456, 31.04, 1.2345, 0, 0, 101.7, 7.4999)
    measures = judge(line(48.2, 9.6), line=udp).measures
    assert measures["udp_loss_percent"] == 0.67 and measures["udp_rtt_ms"] == 23.5
    assert measures["udp_rtt_p95_ms"] == 31.0 and measures["udp_jitter_ms"] == 1.2
    assert measures["udp_longest_outage_ms"] == 102 and measures["stability_duration_s"] == 7.5
    assert measures["mos"] == round(measures["mos"], 2)


# --- the budget, with stand-in clients on a fake clock ------------------------------------


class StandInClient:
    """A bandwidth client that takes ``takes_s`` of the fake clock, then fails with
    ``failure``, or (``hangs``) waits to be told to stop."""

    def __init__(self, name: str, clock: FakeTime, takes_s: float, failure=None, hangs=False):
        self.name = name
        self._clock = clock
        self._takes_s = takes_s
        self._failure = failure
        self._hangs = hangs
        self.asked = False
        self.stopped = threading.Event()

    def measure(self, progress, cancel: threading.Event | None = None) -> LineMeasure:
        self.asked = True
        self._clock.advance(self._takes_s)
        if self._hangs:
            assert cancel is not None and cancel.wait(30), "never told to stop"
            self.stopped.set()
            raise NetworkError(Failure.NO_DATA, "stopped")
        if self._failure is not None:
            raise NetworkError(self._failure)
        return line(50.0, 20.0)


def measure_on(clock: FakeTime, clients, budget_s: float = 30.0, cancelled=None):
    """The whole test (to run) with ``clients``, on ``clock``."""
    parts = NetworkParts(clients, lambda: REACHABLE, lambda: CABLE)
    return lambda: measure_network(
        parts, cancelled=cancelled, budget_s=budget_s, clock=clock.monotonic
    )


def test_a_client_that_hangs_is_stopped_when_the_budget_runs_out() -> None:
    clock = FakeTime()
    hangs = StandInClient("lent", clock, takes_s=31.0, hangs=True)
    after = StandInClient("suivant", clock, takes_s=1.0)
    result = finishes(measure_on(clock, [hangs, after]))
    assert hangs.stopped.wait(30)  # told to stop: its transfers wind down
    assert result.measures["failures"] == {"lent": "timeout"}
    assert not after.asked  # no time left for another attempt
    assert result.measures["duration_s"] == 31.0  # as long as it took, on the clock given


def test_a_second_client_gets_the_time_left() -> None:
    clock = FakeTime()
    refused = StandInClient("refusé", clock, takes_s=5.0, failure=Failure.FORBIDDEN)
    second = StandInClient("second", clock, takes_s=3.0)
    result = finishes(measure_on(clock, [refused, second]))
    assert result.status is Status.OK
    assert result.measures["failures"] == {"refusé": "forbidden"}
    assert result.measures["duration_s"] == 8.0

    clock = FakeTime()
    slow = StandInClient("refusé", clock, takes_s=27.5, failure=Failure.FORBIDDEN)
    second = StandInClient("second", clock, takes_s=3.0)
    result = finishes(measure_on(clock, [slow, second]))
    assert not second.asked  # 2.5 s left: too little to measure anything
    assert result.measures["failures"] == {"refusé": "forbidden"}


def test_a_cancelled_test_stops_its_client() -> None:
    clock = FakeTime()
    hangs = StandInClient("lent", clock, takes_s=0.0, hangs=True)
    with pytest.raises(NetworkError) as caught:
        finishes(measure_on(clock, [hangs], cancelled=lambda: True))
    assert caught.value.failure is Failure.CANCELLED
    assert hangs.stopped.wait(30)  # told to stop, though nobody waits for it to end


# --- the whole check, against local servers -------------------------------------------


def network_test(clients, zoom: TlsServer | ZoomProbe, clock=None):
    """The whole test (to run) with the test's budget; on a ``clock`` that never moves,
    that budget never runs out, so only the clients' own timeouts can end an attempt."""
    probe = zoom.probe() if isinstance(zoom, TlsServer) else zoom
    parts = NetworkParts(clients, probe.check, detect)
    if clock is None:
        return lambda: measure_network(parts, budget_s=12.0)
    return lambda: measure_network(parts, budget_s=12.0, clock=clock.monotonic)


class Rendezvous:
    """Two parties that each wait for the other to have started: both get through only
    if they run at the same time."""

    def __init__(self) -> None:
        self._started = {"line": threading.Event(), "zoom": threading.Event()}
        self.met: dict[str, bool] = {}

    def arrive(self, party: str) -> None:
        self._started[party].set()
        other = "zoom" if party == "line" else "line"
        self.met[party] = self._started[other].wait(30)


class MeetsZoom:
    """A bandwidth client that starts measuring once Zoom's probe has started too."""

    def __init__(self, client, rendezvous: Rendezvous):
        self._client = client
        self._rendezvous = rendezvous
        self.name = client.name

    def measure(self, progress, cancel=None):
        self._rendezvous.arrive("line")
        return self._client.measure(progress, cancel)


def test_a_line_measured_while_zoom_is_silent(silent_zoom: TlsServer) -> None:
    rendezvous = Rendezvous()
    probe = silent_zoom.probe(timeout_s=1.0)

    def zoom():
        rendezvous.arrive("zoom")
        return probe.check()

    with SpeedServer(down_mbps=10, latency_ms=30) as server:
        client = MeetsZoom(speedtest_client(server.url, seconds=0.8), rendezvous)
        result = measure_network(NetworkParts([client], zoom, detect), budget_s=12.0)
    # Zoom's probe, which waits for its timeout here, ran while the line was measured.
    assert rendezvous.met == {"line": True, "zoom": True}
    assert result.status is Status.FAILED
    assert result.summary.startswith("Un pare-feu semble bloquer Zoom")
    measures = result.to_json()["measures"]
    assert measures["zoom_reachable"] is False
    assert_through_the_line(measures["download_mbps"], 10, seconds=0.8)
    assert_through_the_line(measures["upload_mbps"], 10, seconds=0.8)
    assert measures["latency_ms"] >= 30
    assert measures["connection"] == detect().kind
    assert measures["service"].startswith("speedtest (127.0.0.1:")
    assert measures["duration_s"] > 0


def test_when_speedtest_is_refused_the_second_service_measures(zoom_stand_in) -> None:
    with (
        SpeedServer(mode=FORBIDDEN) as speedtest_server,
        SpeedServer(down_mbps=10, latency_ms=20) as service,
    ):
        first = speedtest_client(speedtest_server.url)
        second = http_client(service.base_url, seconds=0.8)
        result = network_test([first, second], zoom_stand_in)()
    measures = result.measures
    assert result.status is Status.OK, result
    assert measures["service"] == second.name
    assert measures["failures"] == {first.name: "forbidden"}
    assert_through_the_line(measures["download_mbps"], 10, seconds=0.8)
    assert_through_the_line(measures["upload_mbps"], 10, seconds=0.8)


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("dns", "est introuvable (problème de DNS)"),
        ("refused", "refuse la connexion"),
        ("forbidden", "refuse la mesure (accès interdit)"),
        ("stall", "ne répond pas à temps"),
        ("proxy", "Un proxy du réseau empêche la mesure"),
    ],
)
def test_failures_say_what_happened(setup, message, zoom_stand_in, monkeypatch, request) -> None:
    """Each failure is the client's own finding, at once or at its own (1 s) timeout: the
    check's budget, on a clock that never moves here, is never what ends it."""
    servers = []
    if setup == "dns":
        request.getfixturevalue("dns_knows_nothing")
        url = "http://speedtest.example.invalid/speedtest/upload.php"
    elif setup == "refused":
        url = f"http://127.0.0.1:{closed_port()}/speedtest/upload.php"
    elif setup == "proxy":
        servers.append(SpeedServer(mode=PROXY_AUTH).start())
        monkeypatch.setenv("http_proxy", servers[0].base_url)
        url = "http://speed.example.invalid/speedtest/upload.php"
    else:
        servers.append(SpeedServer(mode=FORBIDDEN if setup == "forbidden" else STALL).start())
        url = servers[0].url
    try:
        result = finishes(network_test([speedtest_client(url)], zoom_stand_in, FakeTime()))
    finally:
        for server in servers:
            server.stop()
    # Zoom answers: the user can go on, the measurement is what failed.
    assert result.status is Status.WARNING
    assert message in result.summary
    assert result.summary.endswith("Le débit n'a pas pu être mesuré, mais Zoom est joignable.")
    assert result.advice


def test_without_any_network(dns_unreachable) -> None:
    clients = [
        speedtest_client(None),
        http_client("https://speed.example.invalid"),
    ]
    # On a clock that never moves: each client gave up on its own finding, not the budget.
    result = finishes(network_test(clients, ZoomProbe(timeout_s=1.0), FakeTime()))
    assert result.status is Status.FAILED
    assert result.summary == "Cet ordinateur n'est pas connecté à internet."
    assert result.measures["failures"] == {"speedtest.net": "dns", "speed.example.invalid": "dns"}
