"""The flow protocol's two drivers: ``drive`` (the command line) and FlowRunner (a page)."""

from __future__ import annotations

import threading

from readiness.checks.flow import FlowCheck, drive
from readiness.core.result import CheckResult, Status
from readiness.ui.flow_runner import FlowRunner

WAIT_MS = 10_000


class ScriptedFlow:
    """A flow whose updates the test sends, from a thread of its own like a real flow's."""

    id = "scripted"

    def __init__(self, settle_after: int | None = 2, at_start: tuple[object, ...] = ()):
        self.settle_after = settle_after
        self.at_start = at_start
        self.sent: list[object] = []
        self.started = threading.Event()
        self.stops = 0
        self._observe = None
        self._lock = threading.Lock()

    def start(self, observe) -> None:
        self._observe = observe
        for update in self.at_start:  # a problem found as the device opens
            self.send(update)
        self.started.set()

    def send(self, update: object) -> None:
        """From another thread, as a device's thread does."""
        sender = threading.Thread(target=self._send, args=(update,))
        sender.start()
        sender.join()

    def _send(self, update: object) -> None:
        with self._lock:
            if self.stops:
                return
            self.sent.append(update)
        self._observe(update)

    def stop(self) -> None:
        with self._lock:
            self.stops += 1

    def result(self) -> CheckResult | None:
        if not self.sent:
            return None
        status = Status.FAILED if self.sent[-1] == "broken" else Status.OK
        return CheckResult(self.id, status, "Essai", f"après {len(self.sent)}")

    def settled(self) -> bool:
        return self.settle_after is not None and len(self.sent) >= self.settle_after


def feed(flow: ScriptedFlow, updates: list[object]) -> threading.Thread:
    def run() -> None:
        flow.started.wait(5)
        for update in updates:
            flow.send(update)

    feeder = threading.Thread(target=run)
    feeder.start()
    return feeder


def test_the_command_line_drives_a_flow_to_its_settled_verdict_then_stops_it() -> None:
    flow = ScriptedFlow(settle_after=2)
    feeder = feed(flow, ["a", "b", "c"])
    result = drive(flow, 30.0, title=lambda: "Essai")
    feeder.join()
    assert result.status is Status.OK
    assert result.summary in ("après 2", "après 3")  # the third may come before the stop
    assert flow.stops == 1
    assert flow.sent[:2] == ["a", "b"]


def test_a_flow_that_never_settles_is_stopped_at_its_time_limit() -> None:
    flow = ScriptedFlow(settle_after=None)
    feeder = feed(flow, ["a"])
    result = drive(flow, 0.2, title=lambda: "Essai")
    feeder.join()
    assert flow.stops == 1  # the device is let go all the same
    assert result.status is Status.FAILED
    assert result.title == "Essai"
    assert "à temps" in result.summary
    assert result.measures == {"timeout_s": 0.2}


def test_a_problem_already_said_is_the_verdict_of_a_flow_that_never_settles() -> None:
    flow = ScriptedFlow(settle_after=None, at_start=("broken",))
    result = drive(flow, 0.05, title=lambda: "Essai")
    assert result.status is Status.FAILED
    assert result.summary == "après 1"


def test_a_flow_check_runs_a_fresh_flow_each_time() -> None:
    made: list[ScriptedFlow] = []

    def make() -> ScriptedFlow:
        flow = ScriptedFlow(settle_after=1)
        made.append(flow)
        feed(flow, ["a"])
        return flow

    check = FlowCheck("scripted", lambda: "Essai", make, timeout_s=20.0)
    assert check.id == "scripted" and check.title() == "Essai"
    assert check.run().status is Status.OK
    assert check.run().status is Status.OK
    assert len(made) == 2 and all(flow.stops == 1 for flow in made)


def test_a_page_gets_the_updates_on_its_own_thread(qtbot) -> None:
    runner = FlowRunner()
    seen: list[tuple[object, bool]] = []
    gui = threading.current_thread()
    runner.updated.connect(lambda u: seen.append((u, threading.current_thread() is gui)))
    flow = ScriptedFlow()
    runner.start(flow)
    assert runner.running and runner.flow is flow
    flow.send("a")
    flow.send("b")
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=WAIT_MS)
    assert seen == [("a", True), ("b", True)]
    runner.stop()
    assert flow.stops == 1 and not runner.running


def test_starting_again_stops_the_flow_before_and_drops_what_it_had_sent(qtbot) -> None:
    runner = FlowRunner()
    seen: list[object] = []
    runner.updated.connect(seen.append)
    old = ScriptedFlow()
    runner.start(old)
    old.send("old, already on its way")  # queued, not yet delivered: no event loop ran
    new = ScriptedFlow()
    runner.start(new)
    assert old.stops == 1
    new.send("new")
    qtbot.waitUntil(lambda: seen == ["new"], timeout=WAIT_MS)
    qtbot.wait(50)
    assert seen == ["new"]
