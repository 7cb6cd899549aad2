"""The background watch of the line against real STUN responders on 127.0.0.1: the stream
it runs, its pauses, its figures, its chart, UDP blocked, and the connection test that
reads it instead of probing again."""

import threading
import time

import pytest

from network_helpers import FixedClient, finishes
from readiness.checks.line_watch import LineWatch
from readiness.checks.network import NetworkParts, find_network, udp_stream_part
from readiness.core.line_stats import Echo
from readiness.core.result import Status
from readiness.devices.network.connection import ETHERNET, Connection
from readiness.devices.network.udp_stream import UdpStream
from readiness.devices.network.zoom_reachability import Reachability
from stun_server import StunServer, closed_udp_port

pytest_plugins = ["network_fixtures"]


def local(*servers) -> list[tuple[str, int]]:
    return [("127.0.0.1", server if isinstance(server, int) else server.port) for server in servers]


def watch_of(*servers, **settings) -> LineWatch:
    """A watch of local servers; a short retry and a quick view, for the tests."""
    settings.setdefault("retry_s", 0.5)
    return LineWatch(udp_stream_part(local(*servers), **settings), refresh_s=0.1, stats_every_s=0.2)


def until(condition, hang_s: float = 30.0) -> None:
    """Waits for ``condition()`` (``hang_s`` is no measure of speed, only a hang's end)."""
    deadline = time.monotonic() + hang_s
    while not condition():
        assert time.monotonic() < deadline, "never happened"
        time.sleep(0.02)


# --- the stream ---------------------------------------------------------------------


def test_the_stream_settles_every_request_once_in_order_of_sending() -> None:
    echoes: list[Echo] = []
    states: list[tuple[str, str]] = []
    stop = threading.Event()
    with StunServer(loss=0.2) as server:
        stream = UdpStream(local(server), linger_s=0.3)
        worker = threading.Thread(
            target=stream.run,
            args=(stop.is_set, lambda: False, echoes.append, lambda *s: states.append(s)),
            daemon=True,
        )
        worker.start()
        until(lambda: len(echoes) >= 30)
        stop.set()
        worker.join(10)
    assert not worker.is_alive()
    assert states[:2] == [("searching", ""), ("watching", server.address)]
    seqs = [echo.seq for echo in echoes]
    assert len(set(seqs)) == len(seqs)  # each once
    assert len(echoes) <= server.requests  # the last ones may still have been in flight
    lost = [echo for echo in echoes if echo.received_at is None]
    assert 0 < len(lost) < len(echoes)
    assert all(e.received_at is None or e.received_at >= e.sent_at for e in echoes)


def test_a_paused_stream_sends_nothing() -> None:
    echoes: list[Echo] = []
    stop, pause = threading.Event(), threading.Event()
    with StunServer() as server:
        stream = UdpStream(local(server))
        worker = threading.Thread(
            target=stream.run,
            args=(stop.is_set, pause.is_set, echoes.append, lambda *_: None),
            daemon=True,
        )
        worker.start()
        until(lambda: len(echoes) >= 5)
        pause.set()
        time.sleep(0.2)  # what was in flight lands
        before = server.requests
        time.sleep(1.0)
        during = server.requests - before
        pause.clear()
        until(lambda: server.requests > before + 3)
        stop.set()
        worker.join(10)
    assert during == 0


def test_a_silent_server_makes_the_stream_say_blocked_then_search_again() -> None:
    states: list[str] = []
    stop = threading.Event()
    with StunServer(silent=True) as silent:
        stream = UdpStream(local(silent, closed_udp_port()), retry_s=0.3)
        worker = threading.Thread(
            target=stream.run,
            args=(stop.is_set, lambda: False, lambda _e: None, lambda s, _n: states.append(s)),
            daemon=True,
        )
        worker.start()
        until(lambda: states.count("searching") >= 2)
        stop.set()
        worker.join(10)
    assert states[:3] == ["searching", "blocked", "searching"]
    assert silent.requests > 0


# --- the watch ----------------------------------------------------------------------


def test_the_watch_gives_the_lines_figures_and_its_chart() -> None:
    with StunServer(delay_ms=30, loss=0.1) as server:
        watch = watch_of(server)
        watch.start()
        stats = finishes(lambda: watch.wait_for(1.5, lambda: False, timeout_s=30))
        until(lambda: watch.snapshot().stats is not None)
        snapshot = watch.snapshot()
        watch.stop()
    assert stats.received > 0 and stats.rtt_ms >= 30.0
    assert stats.loss_percent == pytest.approx(10.0, abs=5.0)
    assert stats.duration_s >= 1.5
    assert snapshot.state == "watching" and snapshot.server == server.address
    measured = [bucket for bucket in snapshot.chart if bucket.sent]
    assert measured and all(b.rtt_ms is None or b.rtt_ms >= 30.0 for b in measured)
    assert sum(b.sent for b in snapshot.chart) <= server.requests


def test_a_watch_already_long_enough_answers_at_once() -> None:
    with StunServer() as server:
        watch = watch_of(server)
        watch.start()
        until(lambda: watch.watched_s() >= 1.0 and watch.snapshot().state == "watching")
        requests = server.requests
        stats = watch.wait_for(1.0, lambda: False, timeout_s=30)
        watch.stop()
    assert stats.sent >= 5
    assert server.requests - requests <= 3  # no second second of waiting


def test_a_watch_of_a_silent_server_says_udp_is_blocked() -> None:
    with StunServer(silent=True) as silent:
        watch = watch_of(silent)
        stats = finishes(lambda: watch.wait_for(5.0, lambda: False, timeout_s=30))
        watch.stop()
    assert stats is not None and stats.sent > 0 and not stats.reachable


def test_a_stopped_watch_keeps_its_last_figures() -> None:
    with StunServer() as server:
        watch = watch_of(server)
        watch.start()
        until(lambda: watch.watched_s() >= 0.5)
        watch.stop()
        until(lambda: watch.snapshot().state == "stopped")
        sent = server.requests
        time.sleep(0.3)
        assert server.requests == sent  # it stopped probing
    snapshot = watch.snapshot()
    assert not watch.running
    assert snapshot.stats is not None and snapshot.stats.received > 0


def test_the_watch_ends_by_itself_after_its_longest_time() -> None:
    with StunServer() as server:
        watch = LineWatch(udp_stream_part(local(server)), max_s=0.5, refresh_s=0.1)
        watch.start()
        until(lambda: watch.snapshot().state == "stopped")
    assert not watch.running


# --- the connection test reading the watch --------------------------------------------


def parts(client) -> NetworkParts:
    return NetworkParts([client], lambda: Reachability(True), lambda: Connection(ETHERNET, "eth0"))


def test_the_watch_is_paused_during_the_bandwidth_test_and_read_after() -> None:
    with StunServer() as server:
        watch = watch_of(server)
        watch.start()
        until(lambda: watch.snapshot().state == "watching")
        during: list[int] = []

        class Loading(FixedClient):
            def measure(self, progress, cancel=None):
                time.sleep(0.2)  # what was in flight lands
                before = server.requests
                time.sleep(0.8)
                during.append(server.requests - before)
                return super().measure(progress, cancel)

        findings = finishes(
            lambda: find_network(parts(Loading()), stability_s=1.0, line_watch=watch)
        )
        watch.stop()
    assert during == [0]
    assert findings.line is not None and findings.line.received > 0
    result = findings.judge()
    assert result.measures["udp_reachable"] is True
    assert result.status is Status.OK


def test_a_fresh_test_forgets_what_the_watch_saw_before() -> None:
    with StunServer() as server:
        watch = watch_of(server)
        watch.start()
        server.silence(1.5)  # a bad start...
        until(lambda: watch.watched_s() >= 2.5)
        kept = finishes(
            lambda: find_network(parts(FixedClient()), stability_s=1.0, line_watch=watch)
        )
        fresh = finishes(
            lambda: find_network(
                parts(FixedClient()), stability_s=1.0, line_watch=watch, fresh_line=True
            )
        )
        watch.stop()
    assert kept.line.loss_percent > 20.0
    assert fresh.line.loss_percent == 0.0  # ...then fixed: the new test sees only after


def test_the_verdict_is_judged_again_on_newer_figures() -> None:
    with StunServer() as server:
        watch = watch_of(server)
        findings = finishes(
            lambda: find_network(parts(FixedClient()), stability_s=0.5, line_watch=watch)
        )
        assert findings.judge().status is Status.OK
        server.loss = 0.3
        until(lambda: watch.watched_s() >= 8.0)
        worse = watch.wait_for(0.0, lambda: False, timeout_s=5)
        watch.stop()
    judged = findings.judge(worse)
    assert judged.status is not Status.OK
    assert judged.measures["udp_loss_percent"] > findings.judge().measures["udp_loss_percent"]
