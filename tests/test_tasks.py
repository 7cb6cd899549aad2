"""The task runner: results on the GUI thread, a bounded pool, no error ever dropped,
cancellation and "only the latest counts". Deterministic: events, never durations."""

import logging
import threading

import pytest

from readiness.ui.tasks import TaskRunner


def test_results_come_back_on_the_gui_thread(qtbot) -> None:
    runner = TaskRunner()
    seen = []
    worker_threads = []

    def work() -> int:
        worker_threads.append(threading.current_thread())
        return 42

    runner.run(work, lambda value: seen.append((value, threading.current_thread())))
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [(42, threading.main_thread())]
    assert worker_threads[0] is not threading.main_thread()


def test_errors_come_back_too(qtbot) -> None:
    runner = TaskRunner()
    errors = []

    def work() -> None:
        raise ConnectionError("no network")

    runner.run(work, lambda value: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ConnectionError)


def test_an_error_without_a_handler_is_not_dropped(qtbot, caplog) -> None:
    unhandled = []
    runner = TaskRunner(unhandled=unhandled.append)

    def work() -> None:
        raise OSError("disk gone")

    with caplog.at_level(logging.ERROR):
        runner.run(work, lambda _value: pytest.fail("no result was expected"))
        qtbot.waitUntil(lambda: bool(unhandled), timeout=5000)
    assert isinstance(unhandled[0], OSError)
    assert "background task failed" in caplog.text and "disk gone" in caplog.text


def test_by_default_an_unhandled_error_goes_to_the_excepthook(qtbot, monkeypatch) -> None:
    hooked = []
    monkeypatch.setattr("sys.excepthook", lambda kind, error, trace: hooked.append(error))
    runner = TaskRunner()
    runner.run(lambda: 1 / 0, lambda _value: None)
    qtbot.waitUntil(lambda: bool(hooked), timeout=5000)
    assert isinstance(hooked[0], ZeroDivisionError)


def test_the_pool_is_bounded_and_everything_still_runs(qtbot) -> None:
    runner = TaskRunner(max_workers=3)
    release = threading.Event()
    running = []
    lock = threading.Lock()
    peak = [0]
    done = []

    def work(number: int) -> int:
        with lock:
            running.append(number)
            peak[0] = max(peak[0], len(running))
        release.wait(10)
        with lock:
            running.remove(number)
        return number

    for number in range(12):
        runner.run(lambda n=number: work(n), done.append)
    qtbot.waitUntil(lambda: len(running) == 3, timeout=5000)
    release.set()
    qtbot.waitUntil(lambda: len(done) == 12, timeout=10_000)
    assert sorted(done) == list(range(12))
    assert peak[0] == 3
    assert runner.threads == 3


def test_a_cancelled_task_delivers_nothing(qtbot) -> None:
    runner = TaskRunner(max_workers=1)
    gate = threading.Event()
    delivered = []
    first = runner.run(lambda: gate.wait(10), delivered.append)
    second = runner.run(lambda: "second", delivered.append)
    second.cancel()  # still queued behind the first: it never even starts
    first.cancel()  # running: it finishes, but its outcome is dropped
    gate.set()
    marker = runner.run(lambda: "marker", delivered.append)
    qtbot.waitUntil(lambda: marker.done, timeout=5000)
    assert delivered == ["marker"]


def test_cancellable_work_sees_it_was_cancelled(qtbot) -> None:
    runner = TaskRunner()
    started = threading.Event()
    saw = []

    def work(cancelled) -> str:
        started.set()
        while not cancelled():
            threading.Event().wait(0.005)
        saw.append("stopped early")
        return "late"

    task = runner.run_cancellable(work, lambda _value: pytest.fail("cancelled"))
    assert started.wait(5)
    task.cancel()
    qtbot.waitUntil(lambda: task.done, timeout=5000)
    assert saw == ["stopped early"]


def test_only_the_latest_task_of_a_key_counts(qtbot) -> None:
    runner = TaskRunner()
    gates = [threading.Event(), threading.Event()]
    delivered = []
    older = runner.run(lambda: gates[0].wait(10) and "older", delivered.append, key="open")
    newer = runner.run(lambda: gates[1].wait(10) and "newer", delivered.append, key="open")
    assert older.cancelled and not newer.cancelled
    gates[1].set()
    qtbot.waitUntil(lambda: newer.done, timeout=5000)
    gates[0].set()
    qtbot.waitUntil(lambda: older.done, timeout=5000)
    assert delivered == ["newer"]


def test_cancel_by_key(qtbot) -> None:
    runner = TaskRunner()
    gate = threading.Event()
    delivered = []
    task = runner.run(lambda: gate.wait(10), delivered.append, key="scan")
    runner.cancel("scan")
    gate.set()
    qtbot.waitUntil(lambda: task.done, timeout=5000)
    assert delivered == [] and task.cancelled
