import threading

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
