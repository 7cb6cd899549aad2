"""The watch during the session, against a real TCP server on 127.0.0.1 that comes and goes."""

import socket
import threading

import pytest
from PySide6.QtWidgets import QLabel

from readiness.core.connection_watch import ConnectionWatch, WatchEvent
from readiness.devices.network.line_probe import LineProbe
from readiness.ui.connection_monitor import ConnectionMonitor
from readiness.ui.escalation_dialog import EscalationDialog
from readiness.ui.tasks import TaskRunner
from tests.fakes import ManualClock


class FlakyServer:
    """Accepts connections on a fixed loopback port until stopped; can start again."""

    def __init__(self) -> None:
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        self.port = probe.getsockname()[1]
        probe.close()
        self._socket: socket.socket | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        server = socket.socket()
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", self.port))
        server.listen()
        server.settimeout(0.2)
        self._socket = server
        self._thread = threading.Thread(target=self._serve, args=(server,), daemon=True)
        self._thread.start()

    def _serve(self, server: socket.socket) -> None:
        while self._socket is server:
            try:
                connection, _ = server.accept()
                connection.close()
            except (TimeoutError, OSError):
                continue

    def stop(self) -> None:
        server, self._socket = self._socket, None
        if server is not None:
            server.close()
        if self._thread is not None:
            self._thread.join(2)


@pytest.fixture
def server():
    flaky = FlakyServer()
    flaky.start()
    yield flaky
    flaky.stop()


def test_the_probe_sees_the_server_come_and_go(server) -> None:
    probe = LineProbe("127.0.0.1", server.port, timeout_s=1.0)
    assert probe()
    server.stop()
    assert not probe()
    assert not LineProbe("no-such-host.invalid", 443, timeout_s=1.0)()


def test_a_real_server_going_away_and_back_is_lost_then_back(qtbot, server) -> None:
    """The real probe against a real local server: the order of what is said, not its speed
    (the waits only stop a hung test)."""
    monitor = ConnectionMonitor(
        LineProbe("127.0.0.1", server.port, timeout_s=1.0), TaskRunner(), interval_ms=100
    )
    said: list[str] = []
    monitor.lost.connect(lambda: said.append("lost"))
    monitor.back.connect(lambda: said.append("back"))
    monitor.start()
    try:
        qtbot.waitUntil(lambda: monitor.watch.online and monitor.running, timeout=10_000)
        server.stop()
        qtbot.waitUntil(lambda: said == ["lost"], timeout=30_000)
        server.start()
        qtbot.waitUntil(lambda: said == ["lost", "back"], timeout=30_000)
    finally:
        monitor.stop()


@pytest.mark.parametrize("clock_given_to", ["monitor", "watch"])
def test_a_stuck_probe_counts_as_failed_by_the_injected_clock(qtbot, clock_given_to) -> None:
    """A probe that never answers (stuck in DNS) is not started twice; once the monitor's
    clock (by default, its watch's) says it has taken more than two intervals, each tick
    counts as a failure."""
    started, release = threading.Event(), threading.Event()
    calls = []

    def stuck_probe() -> bool:
        calls.append(1)
        started.set()
        release.wait(30)
        return True

    clock = ManualClock()
    if clock_given_to == "monitor":
        monitor = ConnectionMonitor(stuck_probe, TaskRunner(), interval_ms=20, clock=clock)
    else:
        watch = ConnectionWatch(clock=clock)
        monitor = ConnectionMonitor(stuck_probe, TaskRunner(), interval_ms=20, watch=watch)
    lost = []
    monitor.lost.connect(lambda: lost.append(1))
    monitor.start()
    try:
        qtbot.waitUntil(started.is_set, timeout=5000)
        qtbot.wait(200)  # many ticks, but the clock has not moved: still only waiting
        assert lost == [] and len(calls) == 1
        clock.advance(1)  # more than two intervals of 20 ms
        with qtbot.waitSignal(monitor.lost, timeout=5000):
            pass
        assert len(calls) == 1
        release.set()  # the late answer says the line is there
        with qtbot.waitSignal(monitor.back, timeout=5000):
            pass
    finally:
        release.set()
        monitor.stop()


def test_escalation_after_five_minutes_with_an_injected_clock() -> None:
    now = [1000.0]
    watch = ConnectionWatch(escalate_after_s=300, clock=lambda: now[0])
    assert watch.observe(True) == []
    assert watch.observe(False) == []  # one lost probe is not a cut
    assert watch.observe(False) == [WatchEvent.LOST]
    now[0] += 299
    assert watch.observe(False) == []
    now[0] += 2
    assert watch.observe(False) == [WatchEvent.ESCALATE]
    now[0] += 60
    assert watch.observe(False) == []  # said once
    assert watch.observe(True) == [WatchEvent.BACK]
    assert watch.online


def test_the_escalation_dialog_shows_whom_to_call(make_window, qtbot) -> None:
    window = make_window()
    dialog = EscalationDialog(window.services, window.tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "plus de 5 minutes" in dialog.windowTitle() + " ".join(
        label.text() for label in dialog.findChildren(QLabel)
    )
    assert dialog.contact.phone_button.url == "tel:0620151532"
    assert dialog.contact.phone_button.text() == "06 20 15 15 32"
