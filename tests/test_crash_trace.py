"""A crash leaves a trace: the traceback in the log, and a kind notice at the next start.

The crash is real: the app, in a process of its own, aborts on purpose
(``faulthandler._sigabrt``), as a binding's fatal error would kill it.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from urllib.parse import unquote

import pytest

from readiness.crash_trace import LOCK_NAME, RunMarker
from soak import SoakRun, log_file, write_config

NOTICE_TITLE = "L'application s'était fermée"


def _run(tmp_path: Path, *args: str, seconds: float = 4.0):
    config = write_config(tmp_path / "session.toml")
    return SoakRun("welcome", seconds, config, tmp_path / "user", args=list(args)).wait()


def test_an_abort_is_logged_and_told_at_the_next_start(tmp_path: Path) -> None:
    crashed = _run(tmp_path, "--abort-after-ms", "1500", seconds=60)
    assert crashed.returncode == -signal.SIGABRT, crashed.stderr_tail
    log = log_file(tmp_path / "user").read_text(encoding="utf-8")
    assert "Fatal Python error: Aborted" in log
    # The Python frames of the thread that died, down to the app's entry point.
    assert 'readiness/app.py", line' in log and "in run_app" in log, log[-2000:]

    after = _run(tmp_path)
    assert after.returncode == 0, after.stderr_tail
    assert any(NOTICE_TITLE in beat["dialogs"] for beat in after.beats), after.beats
    assert "the previous run did not end normally" in log_file(tmp_path / "user").read_text(
        encoding="utf-8"
    )

    # That run ended normally: the one after has nothing to tell.
    calm = _run(tmp_path)
    assert calm.returncode == 0, calm.stderr_tail
    assert calm.beats and not any(NOTICE_TITLE in beat["dialogs"] for beat in calm.beats)


HOLDER = textwrap.dedent(
    """
    import sys, time
    from PySide6.QtCore import QCoreApplication, QLockFile
    app = QCoreApplication(["readiness"])
    app.setApplicationName("readiness")
    lock = QLockFile(sys.argv[1])
    assert lock.tryLock(0)
    print("held", flush=True)
    time.sleep(60)
    """
)


def _holder(folder: Path) -> subprocess.Popen:
    """Another process that takes the marker, as a running instance does."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(folder / LOCK_NAME)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stdout.readline().strip() == "held"
    return process


def _end(holder: subprocess.Popen) -> None:
    holder.kill()
    holder.wait()
    if holder.stdout is not None:
        holder.stdout.close()


def test_a_first_start_has_nothing_to_tell(tmp_path: Path, qapp) -> None:
    marker = RunMarker(tmp_path)
    assert marker.acquire()
    assert not marker.previous_run_crashed
    marker.release()
    assert not (tmp_path / LOCK_NAME).exists()


def test_a_marker_left_by_a_killed_run_means_a_crash(tmp_path: Path, qapp) -> None:
    holder = _holder(tmp_path)
    _end(holder)  # SIGKILL: no clean-up at all, as an abort
    marker = RunMarker(tmp_path)
    assert marker.acquire()
    assert marker.previous_run_crashed
    marker.release()


def test_a_running_instance_is_not_a_crash(tmp_path: Path, qapp) -> None:
    holder = _holder(tmp_path)
    try:
        marker = RunMarker(tmp_path)
        assert not marker.acquire()
        assert not marker.previous_run_crashed
    finally:
        _end(holder)


def test_an_unwritable_folder_is_no_crash(tmp_path: Path, qapp) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    marker = RunMarker(blocker / "log")  # a folder that cannot be made
    assert not marker.acquire()
    assert not marker.previous_run_crashed
    marker.release()


# --- the notice --------------------------------------------------------------------


@pytest.fixture
def notice(qtbot, tmp_path: Path, make_window, url_recorder):
    from readiness.ui.crash_notice import CrashNotice

    def make(config=None):
        window = make_window(start_checks=False, config=config)
        log_path = tmp_path / "logs" / "readiness.log"
        dialog = CrashNotice(window.services, window.tasks, log_path, window)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog, log_path

    return make


def test_notice_opens_the_log_folder(notice, url_recorder) -> None:
    dialog, log_path = notice()
    assert str(log_path) in dialog.location.text()
    dialog.folder_button.click()
    assert url_recorder.wait_for(1) == [log_path.parent.as_uri()]


def test_notice_writes_to_the_consultant_with_the_log_path(notice, url_recorder) -> None:
    dialog, log_path = notice()
    assert dialog.mail_button is not None
    dialog.mail_button.click()
    (url,) = url_recorder.wait_for(1)
    assert url.startswith("mailto:contact@optimocoaching.fr?subject=")
    assert str(log_path) in unquote(url)


def test_notice_says_so_when_nothing_opens(notice, qtbot, failing_opener) -> None:
    dialog, _ = notice()
    dialog.folder_button.click()
    qtbot.waitUntil(dialog.status.isVisible, timeout=10_000)
    assert "copié" in dialog.status.text()
    from PySide6.QtGui import QAccessible

    spoken = QAccessible.queryAccessibleInterface(dialog.status).text(QAccessible.Text.Name)
    assert spoken == dialog.status.text()  # its name is its text, as on the bus


def test_notice_without_an_email_offers_no_mail(notice) -> None:
    from dataclasses import replace

    from readiness.core.config import read_session_file
    from readiness.resources import resource

    config = read_session_file(resource("session.toml"))
    config = replace(config, support=replace(config.support, email=""))
    dialog, _ = notice(config)
    assert dialog.mail_button is None
    assert dialog.continue_button.isDefault()
