"""The connection page, with real widgets and the real check against a local server."""

import time

import pytest
from network_helpers import TlsServer, speedtest_client
from PySide6.QtCore import Qt, QTimer

from readiness.checks.network import NetworkCheck
from readiness.core.result import Status
from readiness.devices.network.connection import detect
from readiness.ui.check_controller import CheckController
from readiness.ui.pages.network import NetworkPage
from readiness.ui.tasks import TaskRunner
from speed_server import SpeedServer

pytest_plugins = ["network_fixtures"]


@pytest.fixture
def speed_server():
    with SpeedServer(down_mbps=8, latency_ms=20) as server:
        yield server


@pytest.fixture
def page(qtbot, speed_server: SpeedServer, zoom_stand_in: TlsServer) -> NetworkPage:
    check = NetworkCheck(
        [speedtest_client(speed_server.url, seconds=0.8)],
        zoom_stand_in.probe().check,
        detect,
        budget_s=12,
    )
    tasks = TaskRunner()
    controller = CheckController([check], tasks)
    page = NetworkPage(controller, tasks)
    page.controller, page.tasks = controller, tasks  # kept alive with the page
    qtbot.addWidget(page)
    page.resize(760, 640)
    page.show()
    return page


def test_the_test_runs_off_the_gui_thread_with_a_live_progress_bar(qtbot, page) -> None:
    ticks, values = [], []
    timer = QTimer()
    timer.timeout.connect(lambda: (ticks.append(1), values.append(page.progress_bar.value())))
    timer.start(20)
    started = time.perf_counter()
    page.entered()  # the first visit starts the test
    assert page.progress_bar.isVisible() and page.cancel_button.isVisible()
    qtbot.waitUntil(lambda: page.controller.result("network") is not None, timeout=15_000)
    elapsed = time.perf_counter() - started
    timer.stop()
    # The GUI thread kept turning: about one tick every 20 ms, never stuck for long.
    assert len(ticks) > elapsed / 0.02 * 0.5
    # The bar moved through many values, upwards only.
    seen = [v for v in values if v > 0]
    assert len(set(seen)) >= 10 and seen == sorted(seen)

    result = page.controller.result("network")
    assert "vidéo HD et le partage d'écran" in result.summary
    assert page.result_view.summary.text() == result.summary
    assert page.figures.isVisible() and not page.progress_bar.isVisible()
    assert page.figures.allows.text() == "Vidéo HD et partage d'écran"
    assert page.figures.value("download").endswith("Mbit/s")
    assert page.figures.value("zoom") == "✓ zoom.us répond"
    assert page.start_button.text() == "&Refaire le test"


def test_cancel_stops_at_once(qtbot, page, speed_server) -> None:
    started = []
    page.controller.started.connect(started.append)
    page.start()
    assert started == ["network"]  # the sidebar shows the step as running
    qtbot.waitUntil(lambda: page.progress_bar.value() > 150, timeout=10_000)  # downloading
    assert "réception" in page.phase_label.text()
    clicked = time.perf_counter()
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    assert time.perf_counter() - clicked < 0.2  # no wait for the measuring threads
    assert not page.running
    assert page.start_button.isVisible() and not page.cancel_button.isVisible()
    assert page.start_button.text() == "&Lancer le test"
    assert not page.progress_bar.isVisible() and not page.figures.isVisible()
    # Not measured: "Non vérifié", here and in the sidebar (through the controller).
    cancelled = page.controller.result("network")
    assert cancelled.status is Status.SKIPPED
    assert page.result_view.badge.word() == "Non vérifié"
    assert "annulé" in page.result_view.summary.text()
    # The measuring threads wind down: the server soon stops sending...
    qtbot.wait(300)
    sent = speed_server.bytes_down
    qtbot.wait(300)
    assert speed_server.bytes_down == sent
    # ...and nothing late turns up on the page or in the results (a whole test is ~2.5 s).
    qtbot.wait(1200)
    assert page.controller.result("network") is cancelled
    assert page.result_view.badge.word() == "Non vérifié"


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
