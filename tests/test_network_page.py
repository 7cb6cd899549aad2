"""The connection page, with real widgets, driving the connection test's flow against a
local server; and the command line driving the same flow to the same verdict."""

import json
import threading

import pytest
from PySide6.QtCore import Qt

from network_helpers import FixedClient, TlsServer, speedtest_client
from readiness import cli
from readiness.checks import build_checks
from readiness.checks.kit import DeviceKit
from readiness.checks.network import NetworkParts, NetworkProgress
from readiness.checks.network_verdict import judge_network
from readiness.core.line_stats import LineStats
from readiness.core.result import Status
from readiness.devices.network.connection import ETHERNET, Connection, detect
from readiness.devices.network.latency import Latency
from readiness.devices.network.line_measure import LineMeasure
from readiness.devices.network.zoom_reachability import Reachability
from readiness.ui.page_context import PageContext
from readiness.ui.pages.network import NetworkPage
from speed_server import SpeedServer

pytest_plugins = ["network_fixtures"]


class NotingClient:
    """A real bandwidth client, noting the thread each measure runs on."""

    def __init__(self, client):
        self._client = client
        self.name = client.name
        self.measured_on: list[str] = []

    def measure(self, progress, cancel=None):
        self.measured_on.append(threading.current_thread().name)
        return self._client.measure(progress, cancel)


def stand_in_kit(*clients, zoom=lambda: Reachability(True), connection=None) -> DeviceKit:
    """The devices' kit with the line test's parts standing in (the same for every test)."""
    parts = NetworkParts(list(clients), zoom, connection or (lambda: Connection(ETHERNET)))
    return DeviceKit(network=lambda _devices: parts)


@pytest.fixture
def page_for(make_window, qtbot):
    """The page as the window builds it, around a window made with ``kit``."""

    def make(kit: DeviceKit) -> NetworkPage:
        window = make_window(start_checks=False, checks=build_checks(["network"], kit=kit), kit=kit)
        page = NetworkPage(PageContext(window.services, window.controller, window.tasks))
        page.controller = window.controller  # for the tests: what the page recorded
        qtbot.addWidget(page)
        page.resize(760, 640)
        page.show()
        return page

    return make


def started_flows(page: NetworkPage, monkeypatch) -> list:
    """The flows the page starts, so that a test can tell when one is over."""
    started = []
    start = page.runner.start

    def spy(flow) -> None:
        started.append(flow)
        start(flow)

    monkeypatch.setattr(page.runner, "start", spy)
    return started


@pytest.fixture
def speed_server():
    with SpeedServer(down_mbps=8, latency_ms=20) as server:
        yield server


@pytest.fixture
def client(speed_server: SpeedServer) -> NotingClient:
    return NotingClient(speedtest_client(speed_server.url, seconds=0.8))


@pytest.fixture
def page(page_for, client: NotingClient, zoom_stand_in: TlsServer) -> NetworkPage:
    return page_for(stand_in_kit(client, zoom=zoom_stand_in.probe().check, connection=detect))


def test_the_test_runs_off_the_gui_thread_with_a_live_progress_bar(qtbot, page, client) -> None:
    shown: list[tuple[int, bool]] = []  # each value of the bar, and whether still running
    page.progress_bar.valueChanged.connect(lambda value: shown.append((value, page.running)))
    page.entered()  # the first visit starts the test
    assert page.progress_bar.isVisible() and page.cancel_button.isVisible()
    qtbot.waitUntil(lambda: page.controller.result("network") is not None, timeout=15_000)
    # The test ran on the flow's threads: the GUI thread only received its progress.
    assert len(client.measured_on) == 1
    assert client.measured_on[0] != threading.main_thread().name
    # The bar moved while the test ran, upwards only: connecting (5 %), measuring, done.
    values = [value for value, running in shown if running and value > 0]
    assert values == sorted(values)
    assert values[0] == 50 and values[-1] == 1000
    assert any(100 <= value < 1000 for value in values)  # while downloading or sending

    result = page.controller.result("network")
    assert "vidéo HD et le partage d'écran" in result.summary
    assert page.result_view.summary.text() == result.summary
    assert page.figures.isVisible() and not page.progress_bar.isVisible()
    assert page.figures.allows.text() == "Vidéo HD et partage d'écran"
    assert page.figures.value("download").endswith("Mbit/s")
    assert page.figures.value("zoom") == "✓ zoom.us répond"
    assert page.start_button.text() == "&Refaire le test"


def test_cancel_stops_at_once(qtbot, page, speed_server, monkeypatch) -> None:
    started = []
    page.controller.started.connect(started.append)
    flows = started_flows(page, monkeypatch)
    page.start()
    assert started == ["network"]  # the sidebar shows the step as running
    qtbot.waitUntil(lambda: page.progress_bar.value() > 150, timeout=10_000)  # downloading
    assert "réception" in page.phase_label.text()
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    assert not page.running
    assert page.start_button.isVisible() and not page.cancel_button.isVisible()
    assert page.start_button.text() == "&Lancer le test"
    assert not page.progress_bar.isVisible() and not page.figures.isVisible()
    # Not measured: "Non vérifié", here and in the sidebar (through the controller).
    cancelled = page.controller.result("network")
    assert cancelled.status is Status.SKIPPED
    assert page.result_view.badge.word() == "Non vérifié"
    assert "annulé" in page.result_view.summary.text()
    # The measuring threads wind down: their transfers end...
    speed_server.wait_idle(hang_s=30)
    # ...and what the cancelled test came back with turns up nowhere.
    (flow,) = flows
    assert flow.wait(30)
    qtbot.wait(50)  # anything it had sent is delivered by now
    assert flow.result() is None
    assert page.controller.result("network") is cancelled
    assert page.result_view.badge.word() == "Non vérifié"


class StuckClient:
    """A bandwidth client stuck in a call that ignores being told to stop, until released."""

    name = "bloqué"

    def __init__(self) -> None:
        self.inside = threading.Event()
        self.release = threading.Event()
        self.returned = threading.Event()

    def measure(self, progress, cancel=None) -> LineMeasure:
        self.inside.set()
        self.release.wait(30)
        self.returned.set()
        return LineMeasure(50.0, 20.0, Latency((20.0,) * 4), None, "bloqué", "")


def test_cancel_does_not_wait_for_a_stuck_measure(qtbot, page_for, monkeypatch) -> None:
    client = StuckClient()
    page = page_for(stand_in_kit(client))
    flows = started_flows(page, monkeypatch)
    page.start()
    try:
        assert client.inside.wait(30)
        qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
        # Done while the client is still stuck: nothing waited for it.
        assert not page.running and not client.returned.is_set()
        assert page.controller.result("network").status is Status.SKIPPED
        # Nor does it hold the flow: that ends, unheard, with the client still stuck.
        assert flows[0].wait(30)
        assert not client.returned.is_set()
    finally:
        client.release.set()
    assert client.returned.wait(30)


def test_cancelling_a_new_test_keeps_the_previous_result(qtbot, page) -> None:
    page.start()
    qtbot.waitUntil(lambda: page.controller.result("network") is not None, timeout=15_000)
    first = page.controller.result("network")
    page.start()
    qtbot.waitUntil(lambda: page.progress_bar.value() > 0, timeout=10_000)
    page.cancel()
    assert page.controller.result("network") is first
    assert page.figures.isVisible() and page.start_button.text() == "&Refaire le test"


def test_a_test_can_be_run_again_after_cancelling(qtbot, page) -> None:
    page.start()
    qtbot.waitUntil(lambda: page.progress_bar.value() > 0, timeout=10_000)
    page.cancel()
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert page.running
    qtbot.waitUntil(
        lambda: page.controller.result("network").status is not Status.SKIPPED, timeout=15_000
    )
    assert page.figures.isVisible()


def test_the_line_tests_parts_are_made_off_the_gui_thread(qtbot, page_for) -> None:
    made_on: list[str] = []
    client = FixedClient()

    def network(_devices) -> NetworkParts:
        made_on.append(threading.current_thread().name)
        return NetworkParts([client], lambda: Reachability(True), lambda: Connection(ETHERNET))

    page = page_for(DeviceKit(network=network))
    assert made_on == []  # its title is known without them
    page.start()
    qtbot.waitUntil(lambda: page.controller.result("network") is not None, timeout=15_000)
    assert len(made_on) == 1 and made_on[0] != threading.main_thread().name
    assert page.controller.result("network").status is Status.OK


def test_check_again_runs_a_new_test_from_the_start(qtbot, page_for, monkeypatch) -> None:
    page = page_for(stand_in_kit(FixedClient()))
    flows = started_flows(page, monkeypatch)
    finished = []
    page.controller.finished.connect(finished.append)
    page.start()
    qtbot.waitUntil(lambda: len(finished) == 1, timeout=15_000)
    assert page.start_button.text() == "&Refaire le test"
    page.check_again()  # the summary's « Vérifier »
    assert page.running and page.progress_bar.isVisible() and page.progress_bar.value() == 0
    qtbot.waitUntil(lambda: len(finished) == 2, timeout=15_000)
    assert len(flows) == 2 and finished[1] is flows[1].result()
    assert page.figures.isVisible() and not page.running


def test_check_again_while_a_test_runs_starts_over(qtbot, page_for, monkeypatch) -> None:
    stuck = StuckClient()
    page = page_for(stand_in_kit(stuck))
    flows = started_flows(page, monkeypatch)
    finished = []
    page.controller.finished.connect(finished.append)
    try:
        page.start()
        assert stuck.inside.wait(30)
        stuck.inside.clear()
        page.check_again()
        assert stuck.inside.wait(30)  # a second test, from the start
        assert len(flows) == 2 and page.running
        assert finished == []  # no "cancelled" verdict in between
    finally:
        stuck.release.set()
    qtbot.waitUntil(lambda: len(finished) == 1, timeout=15_000)
    assert finished[0] is flows[1].result() and flows[0].result() is None


def test_an_unexpected_error_says_so(qtbot, page_for) -> None:
    def broken(_devices):
        raise ValueError("a bug")

    page = page_for(DeviceKit(network=broken))
    page.start()
    qtbot.waitUntil(lambda: page.controller.result("network") is not None, timeout=15_000)
    assert page.result_view.summary.text() == (
        "La mesure s'est interrompue sur une erreur inattendue."
    )
    assert page.result_view.badge.word() == "Problème"


def test_the_page_and_the_command_line_give_the_same_verdict(qtbot, page_for, capsys) -> None:
    """One stand-in line, one flow: the page's verdict is the command line's."""
    kit = stand_in_kit(FixedClient(down=20.0, up=1.5))
    page = page_for(kit)
    page.start()
    qtbot.waitUntil(lambda: page.controller.result("network") is not None, timeout=15_000)
    shown = page.controller.result("network")

    code = cli.main(["check", "--only", "network", "--json"], kit=kit)
    (reported,) = json.loads(capsys.readouterr().out)["checks"]
    assert shown.status is Status.WARNING and code == 1
    assert (reported["status"], reported["summary"]) == (shown.status.value, shown.summary)
    assert reported["advice"] == list(shown.advice)
    assert page.result_view.summary.text() == reported["summary"]


# --- the media path's rows ---------------------------------------------------------------

GOOD_LINE = LineMeasure(48.2, 9.6, Latency((20.0,) * 10), None, "speedtest.net (Paris)", "")


def udp_stats(loss: float = 0.0, jitter: float = 2.0, outage: float = 0.0) -> LineStats:
    return LineStats(
        200, round(200 * (1 - loss / 100)), loss, 25.0, 29.0, jitter, 0, 0, outage, 10.0
    )


def shown(page: NetworkPage, line=None, zoom_status: str = "unknown"):
    """The page after a test that found ``line`` on the media path."""
    result = judge_network(
        "Connexion internet",
        GOOD_LINE,
        [],
        Connection(ETHERNET, "eth0"),
        Reachability(True),
        9.0,
        line=line,
        zoom_status=zoom_status,
    )
    page.controller.record(result)
    assert page.figures.isVisible()
    return result


@pytest.fixture
def idle_page(page_for) -> NetworkPage:
    return page_for(stand_in_kit(FixedClient()))


def test_a_clean_media_path_reads_in_words(idle_page) -> None:
    shown(idle_page, udp_stats(), zoom_status="ok")
    figures = idle_page.figures
    assert figures.value("udp") == "✓ ouverte"
    assert figures.value("udp_loss") == "0\u00a0%"
    assert figures.value("udp_jitter") == "2\u00a0ms"
    assert figures.value("udp_outage") == "aucune (sur 10\u00a0s)"
    assert figures.value("call_quality") == "Excellente (note 4,4 sur 5)"
    assert figures.value("zoom_status") == "✓ aucun incident signalé"


def test_a_lossy_path_with_a_drop_out(idle_page) -> None:
    result = shown(idle_page, udp_stats(loss=4.5, jitter=12.4, outage=1800.0))
    figures = idle_page.figures
    assert figures.value("udp_loss") == "4,5\u00a0%"
    assert figures.value("udp_jitter") == "12\u00a0ms"
    assert figures.value("udp_outage") == "1,8\u00a0s (sur 10\u00a0s)"
    assert figures.value("call_quality").startswith("Moyenne (note 3,")
    assert idle_page.result_view.badge.word() == "À améliorer"
    assert "coupez votre caméra" in idle_page.result_view.advice.text()
    assert result.measures["allows"] == "standard_video"
    assert figures.allows.text() == "Vidéo en qualité standard"


def test_udp_blocked_is_readable(idle_page) -> None:
    shown(idle_page, LineStats(200, 0, None, None, None, None, 0, 0, 10_000.0, 10.0))
    figures = idle_page.figures
    assert figures.value("udp") == (
        "✗ bloquée\u00a0: Zoom passera par sa voie de secours (TCP 443)"
    )
    for key in ("udp_loss", "udp_jitter", "udp_outage", "call_quality"):
        assert figures.value(key) == "non mesuré", key
    assert idle_page.result_view.badge.word() == "À améliorer"
    assert "UDP 8801 à 8810" in idle_page.result_view.advice.text()


def test_without_a_udp_probe_nothing_is_made_up(idle_page) -> None:
    shown(idle_page)
    figures = idle_page.figures
    assert figures.value("udp") == "non vérifiée"
    for key in ("udp_loss", "udp_jitter", "udp_outage", "call_quality"):
        assert figures.value(key) == "non mesuré", key
    assert figures.value("zoom_status") == "non vérifié"


def test_a_zoom_incident_shows(idle_page) -> None:
    shown(idle_page, udp_stats(), zoom_status="incident")
    assert idle_page.figures.value("zoom_status") == "⚠ Zoom signale un incident"
    assert idle_page.result_view.badge.word() == "Bon"
    assert "peuvent venir de Zoom" in idle_page.result_view.advice.text()


def test_the_udp_probe_has_its_own_words_while_it_runs(idle_page) -> None:
    idle_page._on_update(NetworkProgress(0.2, "download", 12.0, "speedtest.net"))
    idle_page._on_update(NetworkProgress(0.7, "stability", None, ""))
    assert idle_page.phase_label.text() == (
        "Mesure de la régularité de la connexion (son et image)…"
    )
    assert idle_page.progress_bar.value() == 700


def test_a_server_name_from_the_network_is_shown_as_written(qtbot) -> None:
    """Speedtest.net's server list names the sponsor: never rendered as markup."""
    from PySide6.QtWidgets import QLabel

    from readiness.ui.pages.network import _Figures

    figures = _Figures()
    qtbot.addWidget(figures)
    figures.show_measures({"service": "speedtest.net (<b>Evil</b>, Paris)", "duration_s": 12})
    label = next(w for w in figures.findChildren(QLabel) if "<b>Evil</b>" in w.text())
    assert label.textFormat() == Qt.TextFormat.PlainText
