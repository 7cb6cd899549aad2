"""The open applications step as one flow: a scan, closing with a new scan after, stopping,
and the command line driving the same object (``readiness check --only processes``)."""

from __future__ import annotations

import threading

from processes_helpers import StandInScanner, snapshot_of
from readiness.checks import build_checks
from readiness.checks.flow import drive
from readiness.checks.kit import DeviceKit
from readiness.checks.processes_flow import (
    CloseAnswered,
    CloseOutcome,
    ProcessesFlow,
    ProcessesScanned,
    ProcessesScanning,
    ProcessesUnreadable,
)
from readiness.checks.titles import processes_title
from readiness.core.result import Status


class StandInCloser:
    """``kit.close_processes``: answers ``outcomes`` in turn, noting what it was asked."""

    def __init__(self, *outcomes: CloseOutcome):
        self._outcomes = list(outcomes)
        self.asked: list[tuple[tuple, bool]] = []

    def __call__(self, targets, force: bool) -> CloseOutcome:
        self.asked.append((tuple(targets), force))
        return self._outcomes.pop(0)


class Updates:
    """An observer that keeps what it is sent; a test waits for the n-th of a kind."""

    def __init__(self) -> None:
        self.seen: list[object] = []
        self._changed = threading.Condition()

    def __call__(self, update: object) -> None:
        with self._changed:
            self.seen.append(update)
            self._changed.notify_all()

    def wait_for(self, kind: type, count: int = 1, timeout_s: float = 30.0):
        def found() -> list:
            return [u for u in self.seen if isinstance(u, kind)]

        with self._changed:
            assert self._changed.wait_for(lambda: len(found()) >= count, timeout_s), self.seen
            return found()[count - 1]

    def kinds(self) -> list[type]:
        return [type(u) for u in self.seen]


def started(flow: ProcessesFlow) -> Updates:
    updates = Updates()
    flow.start(updates)
    return updates


def test_a_scan_says_it_looks_then_gives_the_verdict_and_the_applications() -> None:
    scanner = StandInScanner(snapshot_of("dropbox", "bash"))
    flow = ProcessesFlow(DeviceKit(scan_processes=scanner))
    updates = started(flow)
    scanned = updates.wait_for(ProcessesScanned)
    assert flow.wait(30)
    assert updates.kinds() == [ProcessesScanning, ProcessesScanned]
    (dropbox,) = scanned.heavy
    assert (dropbox.app, dropbox.reason, dropbox.closable) == ("Dropbox", "bandwidth", True)
    assert scanned.result.status is Status.WARNING
    assert scanned.result.summary == "Une application peut gêner la séance."
    assert flow.settled() and flow.result() is scanned.result
    assert scanner.ran_on[0] != threading.main_thread().name


def test_closing_answers_then_looks_again() -> None:
    scanner = StandInScanner(snapshot_of("dropbox"), snapshot_of())
    closer = StandInCloser(CloseOutcome.CLOSED)
    flow = ProcessesFlow(DeviceKit(scan_processes=scanner, close_processes=closer))
    updates = started(flow)
    (dropbox,) = updates.wait_for(ProcessesScanned).heavy
    flow.close([(dropbox.pid, dropbox.create_time)])
    again = updates.wait_for(ProcessesScanned, 2)
    assert flow.wait(30)
    assert closer.asked == [(((dropbox.pid, dropbox.create_time),), False)]
    assert updates.kinds() == [
        ProcessesScanning,
        ProcessesScanned,
        CloseAnswered,
        ProcessesScanning,
        ProcessesScanned,
    ]
    assert updates.seen[2] == CloseAnswered(((500, 1000.0),), CloseOutcome.CLOSED, False)
    assert again.heavy == () and again.result.status is Status.OK
    assert flow.result() is again.result


def test_an_application_that_stays_open_is_not_looked_at_again_until_forced() -> None:
    scanner = StandInScanner(snapshot_of("dropbox"), snapshot_of())
    closer = StandInCloser(CloseOutcome.STILL_RUNNING, CloseOutcome.CLOSED)
    flow = ProcessesFlow(DeviceKit(scan_processes=scanner, close_processes=closer))
    updates = started(flow)
    updates.wait_for(ProcessesScanned)
    flow.close([(500, 1000.0)])
    answer = updates.wait_for(CloseAnswered)
    assert flow.wait(30)
    assert (answer.outcome, answer.force) == (CloseOutcome.STILL_RUNNING, False)
    assert updates.kinds()[-1] is CloseAnswered  # no new scan: it still runs
    flow.close([(500, 1000.0)], force=True)
    updates.wait_for(ProcessesScanned, 2)
    assert [force for _targets, force in closer.asked] == [False, True]


def test_a_closer_that_breaks_is_a_refusal() -> None:
    def broken(_targets, _force):
        raise OSError("no such thing")

    scanner = StandInScanner(snapshot_of("dropbox"))
    flow = ProcessesFlow(DeviceKit(scan_processes=scanner, close_processes=broken))
    updates = started(flow)
    updates.wait_for(ProcessesScanned)
    flow.close([(500, 1000.0)])
    assert updates.wait_for(CloseAnswered).outcome is CloseOutcome.DENIED
    assert flow.wait(30)
    assert updates.kinds()[-1] is CloseAnswered


def test_the_scan_after_closing_replaces_one_still_sampling() -> None:
    scanner = StandInScanner(snapshot_of("dropbox"), snapshot_of())
    scanner.hold()
    closer = StandInCloser(CloseOutcome.CLOSED)
    flow = ProcessesFlow(DeviceKit(scan_processes=scanner, close_processes=closer))
    updates = started(flow)
    assert scanner.entered.wait(30)
    scanner.entered.clear()
    flow.close([(500, 1000.0)])
    assert scanner.entered.wait(30)  # the second scan samples; the first was told to stop
    scanner.release()
    assert flow.wait(30)
    # The first scan's list (which shows what was just closed) is never heard.
    assert updates.kinds() == [
        ProcessesScanning,
        CloseAnswered,
        ProcessesScanning,
        ProcessesScanned,
    ]
    assert scanner.saw_cancel == [True, False]
    assert updates.seen[-1].heavy == ()


def test_stop_ends_the_scan_and_nothing_is_heard_after() -> None:
    scanner = StandInScanner(snapshot_of("dropbox"))
    scanner.hold()
    flow = ProcessesFlow(DeviceKit(scan_processes=scanner))
    updates = started(flow)
    assert scanner.entered.wait(30)
    flow.stop()
    assert flow.wait(30)  # the scan saw the cancel and ended
    assert scanner.saw_cancel == [True]
    assert updates.kinds() == [ProcessesScanning]
    assert flow.result() is None and not flow.settled()
    flow.stop()  # again: nothing happens


def test_a_list_that_cannot_be_read_is_said_and_reported() -> None:
    flow = ProcessesFlow(DeviceKit(scan_processes=StandInScanner(PermissionError("denied"))))
    updates = started(flow)
    unreadable = updates.wait_for(ProcessesUnreadable)
    assert unreadable.result.status is Status.FAILED
    assert unreadable.result.summary == (
        "La liste des applications n'a pas pu être lue. Réessayez dans un instant."
    )
    assert flow.settled() and flow.result() is unreadable.result


def test_the_command_lines_check_drives_the_flow() -> None:
    kit = DeviceKit(scan_processes=StandInScanner(snapshot_of("teams", "dropbox")))
    (check,) = build_checks(["processes"], kit=kit)
    assert (check.id, check.title()) == ("processes", "Applications ouvertes")
    result = check.run()
    assert result.summary == "2 applications peuvent gêner la séance."
    assert drive(ProcessesFlow(kit), 30, title=processes_title) == result
