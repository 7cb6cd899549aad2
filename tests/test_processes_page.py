"""The applications page, clicked through offscreen over real processes."""

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from processes_helpers import Spawner, is_root
from readiness.checks.lazy import LazyCheck
from readiness.checks.processes import ProcessesCheck
from readiness.checks.titles import processes_title
from readiness.core.known_apps import load_known_apps
from readiness.devices.processes import ProcessScanner
from readiness.ui.check_controller import CheckController
from readiness.ui.pages.processes import ProcessesPage
from readiness.ui.tasks import TaskRunner


@pytest.fixture
def spawn(tmp_path: Path):
    spawner = Spawner(tmp_path / "bin")
    yield spawner
    spawner.stop_all()


def open_page(make_window, qtbot):
    check = ProcessesCheck(ProcessScanner(sample_s=0.5), load_known_apps)
    window = make_window(checks=[check])
    window.sidebar.setCurrentRow(1)
    page = window.current_page()
    assert page.step_id == "processes"
    qtbot.waitUntil(lambda: window.controller.result("processes") is not None, timeout=10_000)
    return window, page


def row_for(page, app: str):
    return next((row for row in page.rows if row.entry.app == app), None)


def answer_next_dialog(button_text: str, seen: list[str]) -> None:
    """Click a button of the next message box, as the user would."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, click)
            return
        seen.append(box.text())
        button = next(b for b in box.buttons() if b.text() == button_text)
        button.click()

    QTimer.singleShot(50, click)


def test_entries_are_grouped_by_reason_with_a_close_button(make_window, qtbot, spawn) -> None:
    spawn.named("dropbox", "/bin/sleep", "60")
    spawn.named("teams", "/bin/sleep", "60")
    window, page = open_page(make_window, qtbot)
    widgets = [page.list_area.itemAt(i).widget() for i in range(page.list_area.count())]
    headings = [w.text() for w in widgets if isinstance(w, QLabel)]
    assert headings.index("Peut bloquer la caméra ou le micro") < headings.index(
        "Peut utiliser votre connexion"
    )
    dropbox = row_for(page, "Dropbox")
    assert dropbox is not None and dropbox.close_button is not None
    assert window.sidebar.state("processes").value in ("warning", "failed")  # failed if starved


def test_closing_asks_first_then_ends_the_process(make_window, qtbot, spawn) -> None:
    app = spawn.named("dropbox", "/bin/sleep", "60")
    _window, page = open_page(make_window, qtbot)
    seen: list[str] = []
    answer_next_dialog("Annuler", seen)
    row_for(page, "Dropbox").close_button.click()
    assert seen == ["Fermer « Dropbox » ?"]
    assert app.poll() is None  # nothing is closed without consent

    answer_next_dialog("Fermer", seen)
    row_for(page, "Dropbox").close_button.click()
    qtbot.waitUntil(lambda: app.poll() is not None, timeout=10_000)
    qtbot.waitUntil(lambda: row_for(page, "Dropbox") is None, timeout=10_000)  # rescanned


def test_a_program_that_exited_meanwhile_is_handled(make_window, qtbot, spawn) -> None:
    app = spawn.named("dropbox", "/bin/sleep", "60")
    _window, page = open_page(make_window, qtbot)
    row = row_for(page, "Dropbox")
    app.kill()
    app.wait()
    answer_next_dialog("Fermer", [])
    row.close_button.click()
    qtbot.waitUntil(lambda: row_for(page, "Dropbox") is None, timeout=10_000)


def test_a_stubborn_program_is_forced_after_a_second_question(make_window, qtbot, spawn) -> None:
    stubborn = spawn.named("dropbox", "/bin/sh", "-c", "trap '' TERM; while :; do sleep 0.2; done")
    _window, page = open_page(make_window, qtbot)
    seen: list[str] = []
    answer_next_dialog("Fermer", seen)
    row_for(page, "Dropbox").close_button.click()
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=5000)
    answer_next_dialog("Forcer la fermeture", seen)
    qtbot.waitUntil(lambda: stubborn.poll() is not None, timeout=15_000)
    assert seen[1] == "« Dropbox » ne se ferme pas. Forcer la fermeture ?"


def test_no_close_button_for_another_users_program(make_window, qtbot, spawn) -> None:
    if not is_root():
        pytest.skip("needs root to start a process as another user")
    spawn.named("dropbox", "/bin/sleep", "60", user=65534)
    _window, page = open_page(make_window, qtbot)
    row = row_for(page, "Dropbox")
    assert row is not None and row.close_button is None
    assert "pas à vous" in row.status.text()


def lazy_processes_check(built_on: list[str], sample_s: float = 0.2) -> LazyCheck:
    """As the app holds it: built on first use, here noting the thread that builds it."""

    def build() -> ProcessesCheck:
        built_on.append(threading.current_thread().name)
        return ProcessesCheck(ProcessScanner(sample_s=sample_s), load_known_apps)

    return LazyCheck("processes", processes_title, build)


def bare_page(qtbot, check) -> ProcessesPage:
    tasks = TaskRunner()
    controller = CheckController([check], tasks)
    page = ProcessesPage(check, controller, tasks)
    page.controller, page.tasks = controller, tasks  # kept alive with the page
    qtbot.addWidget(page)
    return page


def test_the_check_is_built_on_a_worker_not_the_gui_thread(qtbot) -> None:
    built_on: list[str] = []
    page = bare_page(qtbot, lazy_processes_check(built_on))
    page.entered()
    assert built_on == []  # not on the GUI thread, and not before the scan starts
    qtbot.waitUntil(lambda: page.controller.result("processes") is not None, timeout=10_000)
    assert len(built_on) == 1 and built_on[0] != threading.main_thread().name


def test_a_newer_scan_replaces_one_still_running(qtbot, monkeypatch) -> None:
    page = bare_page(qtbot, lazy_processes_check([], sample_s=1.0))
    scans = []
    run_cancellable = page.tasks.run_cancellable

    def spy(*args, **kwargs):
        scans.append(run_cancellable(*args, **kwargs))
        return scans[-1]

    monkeypatch.setattr(page.tasks, "run_cancellable", spy)
    finished = []
    page.controller.finished.connect(finished.append)
    page.scan()
    page.scan()  # as after closing an application: the first list may show it
    qtbot.waitUntil(lambda: all(scan.done for scan in scans), timeout=10_000)
    assert scans[0].cancelled and not scans[1].cancelled
    assert len(finished) == 1  # the newer scan's list only
    assert page.rescan_button.isEnabled()
