"""The connection page, with real widgets and the real check against a local server."""

import threading

import pytest
from network_helpers import TlsServer, speedtest_client
from PySide6.QtCore import Qt

from readiness.checks.lazy import LazyCheck
from readiness.checks.network import NetworkCheck
from readiness.checks.titles import network_title
from readiness.core.result import Status
from readiness.devices.network.connection import ETHERNET, Connection, detect
from readiness.devices.network.latency import Latency
from readiness.devices.network.line_measure import LineMeasure
from readiness.devices.network.zoom_reachability import Reachability
from readiness.ui.check_controller import CheckController
from readiness.ui.pages.network import NetworkPage
from readiness.ui.tasks import TaskRunner
from speed_server import SpeedServer

pytest_plugins = ["network_fixtures"]


class NotingCheck(NetworkCheck):
    """The real check, noting the thread its test runs on."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.measured_on: list[str] = []

    def measure(self, progress=None, cancelled=None):
        self.measured_on.append(threading.current_thread().name)
        return super().measure(progress, cancelled)


def page_for(qtbot, check) -> NetworkPage:
    tasks = TaskRunner()
    controller = CheckController([check], tasks)
    page = NetworkPage(controller, tasks)
    page.controller, page.tasks = controller, tasks  # kept alive with the page
    qtbot.addWidget(page)
    page.resize(760, 640)
    page.show()
    return page


def started_tasks(page: NetworkPage, monkeypatch) -> list:
    """The tasks the page starts, so that a test can tell when one is over."""
    started = []
    run_cancellable = page.tasks.run_cancellable

    def spy(*args, **kwargs):
        started.append(run_cancellable(*args, **kwargs))
        return started[-1]

    monkeypatch.setattr(page.tasks, "run_cancellable", spy)
    return started


@pytest.fixture
def speed_server():
    with SpeedServer(down_mbps=8, latency_ms=20) as server:
        yield server


@pytest.fixture
def page(qtbot, speed_server: SpeedServer, zoom_stand_in: TlsServer) -> NetworkPage:
    check = NotingCheck(
        [speedtest_client(speed_server.url, seconds=0.8)],
        zoom_stand_in.probe().check,
        detect,
        budget_s=12,
    )
    return page_for(qtbot, check)


def test_the_test_runs_off_the_gui_thread_with_a_live_progress_bar(qtbot, page) -> None:
    shown: list[tuple[int, bool]] = []  # each value of the bar, and whether still running
    page.progress_bar.valueChanged.connect(lambda value: shown.append((value, page.running)))
    page.entered()  # the first visit starts the test
    assert page.progress_bar.isVisible() and page.cancel_button.isVisible()
    qtbot.waitUntil(lambda: page.controller.result("network") is not None, timeout=15_000)
    # The test ran on a worker: the GUI thread only received its progress.
    check = page.controller.check("network")
    assert len(check.measured_on) == 1
    assert check.measured_on[0] != threading.main_thread().name
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
    tasks = started_tasks(page, monkeypatch)
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
    (task,) = tasks
    qtbot.waitUntil(lambda: task.done, timeout=30_000)
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


def test_cancel_does_not_wait_for_a_stuck_measure(qtbot, monkeypatch) -> None:
    client = StuckClient()
    check = NetworkCheck(
        [client], lambda: Reachability(True), lambda: Connection(ETHERNET), budget_s=12
    )
    page = page_for(qtbot, check)
    tasks = started_tasks(page, monkeypatch)
    page.start()
    try:
        assert client.inside.wait(30)
        qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
        # Done while the client is still stuck: nothing waited for it.
        assert not page.running and not client.returned.is_set()
        assert page.controller.result("network").status is Status.SKIPPED
        # Nor does it hold the page's task: that ends, unheard, with the client still stuck.
        qtbot.waitUntil(lambda: tasks[0].done, timeout=30_000)
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


def test_the_check_is_built_on_a_worker_not_the_gui_thread(qtbot) -> None:
    built_on: list[str] = []
    client = StuckClient()
    client.release.set()  # it answers at once

    def build() -> NetworkCheck:
        built_on.append(threading.current_thread().name)
        return NetworkCheck(
            [client], lambda: Reachability(True), lambda: Connection(ETHERNET), budget_s=12
        )

    page = page_for(qtbot, LazyCheck("network", network_title, build))
    assert built_on == []  # its title is known without it
    page.start()
    qtbot.waitUntil(lambda: page.controller.result("network") is not None, timeout=15_000)
    assert len(built_on) == 1 and built_on[0] != threading.main_thread().name
    assert page.controller.result("network").status is Status.OK
