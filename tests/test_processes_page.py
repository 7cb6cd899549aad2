"""The applications page, clicked through offscreen over real processes, driving the
step's flow; and the command line driving the same flow to the same verdict."""

import json
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from processes_helpers import Spawner, StandInScanner, is_root, snapshot_of
from readiness import cli
from readiness.checks import build_checks
from readiness.checks.kit import DeviceKit
from readiness.checks.processes_flow import CloseOutcome
from readiness.devices.processes import ProcessScanner
from readiness.ui.pages.processes import ProcessesPage


@pytest.fixture
def spawn(tmp_path: Path):
    spawner = Spawner(tmp_path / "bin")
    yield spawner
    spawner.stop_all()


def open_page(make_window, qtbot):
    """The step in the window, over this machine's programs (a shorter CPU sample)."""
    kit = DeviceKit(scan_processes=ProcessScanner(sample_s=0.5).scan)
    window = make_window(checks=build_checks(["processes"], kit=kit), kit=kit)
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


@pytest.fixture
def page_for(make_window, qtbot):
    """The step in a window made with ``kit``, visited: its first scan starts."""

    def make(kit: DeviceKit) -> ProcessesPage:
        window = make_window(
            start_checks=False, checks=build_checks(["processes"], kit=kit), kit=kit
        )
        window.sidebar.setCurrentRow(1)
        page = window.current_page()
        assert page.step_id == "processes"
        page.controller = window.controller  # for the tests: what the page recorded
        return page

    return make


def test_the_scan_runs_off_the_gui_thread(qtbot, page_for) -> None:
    scanner = StandInScanner(snapshot_of("dropbox"))
    page = page_for(DeviceKit(scan_processes=scanner))
    assert not page.rescan_button.isEnabled()  # the visit started the scan
    qtbot.waitUntil(lambda: page.controller.result("processes") is not None, timeout=10_000)
    assert len(scanner.ran_on) == 1 and scanner.ran_on[0] != threading.main_thread().name
    assert [row.entry.app for row in page.rows] == ["Dropbox"]
    assert page.rescan_button.isEnabled()


def test_a_newer_scan_replaces_one_still_running(qtbot, page_for) -> None:
    scanner = StandInScanner(snapshot_of("dropbox"), snapshot_of())
    scanner.hold()
    page = page_for(DeviceKit(scan_processes=scanner))
    finished = []
    page.controller.finished.connect(finished.append)
    assert scanner.entered.wait(30)
    first = page.runner.flow
    scanner.entered.clear()
    qtbot.mouseClick(page.rescan_button, Qt.MouseButton.LeftButton)  # disabled: nothing
    assert page.runner.flow is first
    page.scan()  # as after closing an application: the first list may show what is gone
    second = page.runner.flow
    assert second is not first and scanner.entered.wait(30)
    scanner.release()
    assert first.wait(30) and second.wait(30)
    qtbot.waitUntil(lambda: len(finished) == 1, timeout=10_000)
    qtbot.wait(50)  # anything the first flow had sent is delivered by now
    assert scanner.saw_cancel == [True, False]
    assert len(finished) == 1 and finished[0] is second.result()  # the newer list only
    assert first.result() is None
    assert page.rows == [] and page.rescan_button.isEnabled()


def test_check_again_looks_again(qtbot, page_for) -> None:
    scanner = StandInScanner(snapshot_of("dropbox"), snapshot_of())
    page = page_for(DeviceKit(scan_processes=scanner))
    qtbot.waitUntil(lambda: page.controller.result("processes") is not None, timeout=10_000)
    first = page.runner.flow
    assert row_for(page, "Dropbox") is not None
    page.entered()  # a result is there: a visit does not scan again
    assert page.runner.flow is first
    page.check_again()  # the summary's « Vérifier » does
    assert page.runner.flow is not first and not page.rescan_button.isEnabled()
    qtbot.waitUntil(lambda: page.controller.result("processes").summary.startswith("Aucune"))
    assert page.rows == []


def test_a_list_that_cannot_be_read_says_so(qtbot, page_for) -> None:
    page = page_for(DeviceKit(scan_processes=StandInScanner(PermissionError("denied"))))
    qtbot.waitUntil(lambda: page.rescan_button.isEnabled(), timeout=10_000)
    assert page.result_view.summary.text() == (
        "La liste des applications n'a pas pu être lue. Réessayez dans un instant."
    )
    assert page.controller.result("processes") is None  # nothing checked: try again


def test_closing_goes_through_the_kits_closer_then_the_list_is_read_again(qtbot, page_for) -> None:
    asked = []

    def close(targets, force):
        asked.append((tuple(targets), force))
        return CloseOutcome.CLOSED

    scanner = StandInScanner(snapshot_of("dropbox"), snapshot_of())
    page = page_for(DeviceKit(scan_processes=scanner, close_processes=close))
    qtbot.waitUntil(lambda: row_for(page, "Dropbox") is not None, timeout=10_000)
    answer_next_dialog("Fermer", [])
    row_for(page, "Dropbox").close_button.click()
    qtbot.waitUntil(lambda: page.rows == [], timeout=10_000)
    assert asked == [(((500, 1000.0),), False)]
    assert page.controller.result("processes").summary == "Aucune application ne gêne la séance."


def test_the_page_and_the_command_line_give_the_same_verdict(qtbot, page_for, capsys) -> None:
    """One stand-in machine, one flow: the page's verdict is the command line's."""
    kit = DeviceKit(scan_processes=StandInScanner(snapshot_of("teams", "dropbox")))
    page = page_for(kit)
    qtbot.waitUntil(lambda: page.controller.result("processes") is not None, timeout=10_000)
    shown = page.controller.result("processes")

    code = cli.main(["check", "--only", "processes", "--json"], kit=kit)
    (reported,) = json.loads(capsys.readouterr().out)["checks"]
    assert (reported["status"], code) == ("warning", 1)
    assert (reported["status"], reported["summary"]) == (shown.status.value, shown.summary)
    assert reported["advice"] == list(shown.advice)
    assert reported["measures"]["heavy"] == shown.measures["heavy"]
    assert page.result_view.summary.text() == reported["summary"]
    assert {row.entry.app for row in page.rows} == {"Microsoft Teams", "Dropbox"}
