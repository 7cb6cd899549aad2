"""What the installed (frozen, windowed) app does without a console: log file, Qt's
messages in it, a French dialog for an unexpected error, no crash when printing."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from readiness import app as app_module
from readiness.logging_setup import route_qt_messages, setup_logging

SCRIPT = Path(sys.executable).parent / "readiness"


@pytest.fixture
def restore_hooks(monkeypatch: pytest.MonkeyPatch) -> None:
    """install_error_dialog replaces the process's hooks: put them back after the test."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)


def read_and_close_the_box(seen: list[str]) -> None:
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox)
    seen.append(box.windowTitle() + "\n" + box.text())
    box.close()


@pytest.mark.qt_log_ignore("QPainter::begin: Paint device returned engine == 0")
def test_qt_own_warnings_go_to_the_log_file(qapp, isolated_user: Path) -> None:
    log_path = setup_logging()
    assert log_path is not None
    assert log_path.is_relative_to(isolated_user / "state")  # the user's log folder
    route_qt_messages()
    painter = QPainter()
    assert not painter.begin(QImage())  # Qt itself warns: nothing to paint on
    text = log_path.read_text(encoding="utf-8")
    assert "WARNING qt [MainThread] QPainter::begin: Paint device returned engine == 0" in text


def test_an_unexpected_error_shows_where_the_log_is(qapp, restore_hooks) -> None:
    log_path = setup_logging()
    assert log_path is not None
    app_module.install_error_dialog(log_path)
    seen: list[str] = []
    QTimer.singleShot(100, lambda: read_and_close_the_box(seen))
    try:
        raise ZeroDivisionError("division by zero in a test")
    except ZeroDivisionError:
        sys.excepthook(*sys.exc_info())
    (text,) = seen
    assert text.startswith("Un problème inattendu\n")
    assert "Vous n'y êtes pour rien" in text
    assert str(log_path) in text
    logged = log_path.read_text(encoding="utf-8")
    assert "CRITICAL readiness.app" in logged and "division by zero in a test" in logged
    assert "Traceback" in logged  # the details are for the log, not for the dialog
    assert "Traceback" not in text


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_button_slot_shows_the_dialog_and_the_app_goes_on(
    qtbot, restore_hooks
) -> None:
    log_path = setup_logging()
    app_module.install_error_dialog(log_path)
    button = QPushButton("Vérifier")
    qtbot.addWidget(button)
    clicks: list[int] = []

    def on_click() -> None:
        clicks.append(1)
        raise RuntimeError("a bug in a slot")

    button.clicked.connect(on_click)
    seen: list[str] = []
    QTimer.singleShot(100, lambda: read_and_close_the_box(seen))
    button.click()
    assert len(seen) == 1 and str(log_path) in seen[0]
    QTimer.singleShot(100, lambda: read_and_close_the_box(seen))
    button.click()  # still alive, and the next error is explained too
    assert len(clicks) == 2 and len(seen) == 2


@pytest.mark.qt_no_exception_capture
def test_a_task_error_without_a_handler_reaches_the_log_and_the_person(
    qtbot, restore_hooks
) -> None:
    from readiness.ui.tasks import TaskRunner

    log_path = setup_logging()
    app_module.install_error_dialog(log_path)
    runner = TaskRunner()

    def work() -> None:
        raise PermissionError("a forgotten error handler")

    seen: list[str] = []
    # The box is modal: read it from a timer once it is up.
    timer = QTimer()
    timer.timeout.connect(lambda: QApplication.activeModalWidget() and read_and_close_the_box(seen))
    timer.start(20)
    runner.run(work, lambda _value: None)  # no on_error given
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    timer.stop()
    assert seen[0].startswith("Un problème inattendu\n") and str(log_path) in seen[0]
    logged = log_path.read_text(encoding="utf-8")
    assert "background task failed" in logged and "a forgotten error handler" in logged


def test_without_a_log_folder_the_dialog_says_so(qapp) -> None:
    text = app_module.unexpected_error_text(None)
    assert "n'ont pas pu être notés" in text


def test_errors_in_worker_threads_are_logged(qapp, restore_hooks) -> None:
    log_path = setup_logging()
    app_module.install_error_dialog(log_path)

    def work() -> None:
        raise ValueError("a bug in a worker")

    thread = threading.Thread(target=work, name="worker-under-test")
    thread.start()
    thread.join(5)
    logged = log_path.read_text(encoding="utf-8")
    assert "unexpected error in thread worker-under-test" in logged
    assert "a bug in a worker" in logged


# Runs as a windowed build starts: file descriptors 1 and 2 closed, so Python sets
# sys.stdout and sys.stderr to None. Results go to the file named in argv[1].
WITHOUT_CONSOLE = r"""
import sys
from pathlib import Path
out = Path(sys.argv[1])
lines = [f"stdout None: {sys.stdout is None}, stderr None: {sys.stderr is None}"]
from readiness.logging_setup import setup_logging
setup_logging()
print("a print without console")
print("an error message", file=sys.stderr)
sys.stdout.write("a write\n")
sys.stdout.flush()
import speedtest  # wraps sys.stdout when imported
from readiness import cli
lines.append(f"join: {cli.main(['join', '--print-url', '--web'])}")
lines.append(f"bad option: {cli.main(['check', '--only', 'nothing'])}")
out.write_text("\n".join(lines) + "\n", encoding="utf-8")
"""


def test_printing_without_a_console_does_not_crash(tmp_path: Path) -> None:
    result = tmp_path / "result.txt"
    done = subprocess.run(
        ["sh", "-c", 'exec "$0" -c "$1" "$2" >&- 2>&-', sys.executable, WITHOUT_CONSOLE, result],
        timeout=60,
        check=False,
    )
    assert done.returncode == 0
    assert result.read_text(encoding="utf-8").splitlines() == [
        "stdout None: True, stderr None: True",
        "join: 0",
        "bad option: 3",
    ]


def test_the_window_can_close_itself_for_installer_smoke_tests(isolated_user: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", READINESS_CLOSE_AFTER_MS="200")
    done = subprocess.run([str(SCRIPT)], env=env, timeout=60, capture_output=True, check=False)
    assert done.returncode == 0, done.stderr
    log = (isolated_user / "state" / "readiness" / "log" / "readiness.log").read_text("utf-8")
    assert "window shown" in log
    assert "closing the window in 200 ms" in log


def test_the_app_icon_has_every_size(qapp) -> None:
    sizes = {size.width() for size in app_module.app_icon().availableSizes()}
    assert {16, 32, 48, 256} <= sizes
