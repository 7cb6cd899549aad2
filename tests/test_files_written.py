"""What the app writes: a report whole or not at all, a log without a meeting's secrets,
and the log and settings readable by their owner only.

Permissions are POSIX ones: on Windows these tests have nothing to check."""

from __future__ import annotations

import json
import logging
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from PySide6.QtCore import QSettings

from conftest import write_script
from readiness.core import exit_codes
from readiness.core.zoom_links import app_join_url
from readiness.devices.url_opener import SystemUrlOpener
from readiness.logging_setup import loggable_url, setup_logging, without_url_secrets
from readiness.ui.preferences import Preferences
from readiness.user_dirs import user_config_dir, user_log_dir

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions and paths")

SCRIPT = Path(sys.executable).parent / "readiness"
NOT_SAVED = "n'a pas pu être enregistré"


def open_summary(make_window, qtbot):
    from readiness.checks import build_checks

    window = make_window(checks=build_checks(["processes"]))
    window.services.preferences.display_name = "Mélissa Brunet"
    window.sidebar.setCurrentRow(
        next(i for i, s in enumerate(window.steps) if s.step_id == "summary")
    )
    return window, window.current_page()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@contextmanager
def read_only(*paths: Path) -> Iterator[None]:
    """Makes ``paths`` (folders and files) unwritable for real. Root ignores permissions:
    it gets the immutable attribute instead (``chattr +i``), taken off afterwards."""
    if os.geteuid() != 0:
        before = {path: mode(path) for path in paths}
        for path in paths:
            path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            yield
        finally:
            for path, old in before.items():
                path.chmod(old)
        return
    chattr = shutil.which("chattr")
    if chattr is None:
        pytest.skip("running as root without chattr: no folder can be read-only")
    done = subprocess.run([chattr, "+i", *map(str, paths)], capture_output=True, text=True)
    if done.returncode != 0:
        subprocess.run([chattr, "-i", *map(str, paths)], capture_output=True)
        pytest.skip(f"this file system has no immutable attribute: {done.stderr}")
    try:
        yield
    finally:
        subprocess.run([chattr, "-i", *map(str, paths)], check=True)


# --- The report ---------------------------------------------------------------------


def test_a_normal_save_writes_a_pdf_and_its_json_and_nothing_else(
    make_window, qtbot, tmp_path: Path
) -> None:
    _window, page = open_summary(make_window, qtbot)
    folder = tmp_path / "rapports"
    page.save(folder / "rapport.pdf")
    assert (folder / "rapport.pdf").read_bytes().startswith(b"%PDF-")
    report = json.loads((folder / "rapport.json").read_text(encoding="utf-8"))
    assert report["display_name"] == "Mélissa Brunet"
    assert sorted(p.name for p in folder.iterdir()) == ["rapport.json", "rapport.pdf"]
    assert "Rapport enregistré" in page.report_status.text()
    assert page._report.saved_at == folder / "rapport.pdf"


def test_a_read_only_folder_gets_no_report_and_says_so(make_window, qtbot, tmp_path: Path) -> None:
    _window, page = open_summary(make_window, qtbot)
    folder = tmp_path / "lecture-seule"
    folder.mkdir()
    with read_only(folder):
        page.save(folder / "rapport.pdf")
    assert NOT_SAVED in page.report_status.text()
    assert list(folder.iterdir()) == []  # no half-written nor hidden file either
    assert page._report.saved_at is None


def test_a_folder_that_is_a_file_gets_no_report(make_window, qtbot, tmp_path: Path) -> None:
    _window, page = open_summary(make_window, qtbot)
    blocker = tmp_path / "un-fichier"
    blocker.write_text("x")
    page.save(blocker / "rapport.pdf")
    assert NOT_SAVED in page.report_status.text()
    assert blocker.read_text() == "x"
    assert page._report.saved_at is None


def test_an_old_report_in_a_read_only_folder_is_neither_replaced_nor_passed_off_as_new(
    make_window, qtbot, tmp_path: Path, url_recorder
) -> None:
    _window, page = open_summary(make_window, qtbot)
    folder = tmp_path / "rapports"
    pdf, twin = folder / "rapport.pdf", folder / "rapport.json"
    page.save(pdf)  # an earlier report, really saved
    assert "Rapport enregistré" in page.report_status.text()
    old_pdf, old_json = pdf.read_bytes(), twin.read_bytes()

    with read_only(folder, pdf, twin):
        page.save(pdf)
    assert NOT_SAVED in page.report_status.text()
    assert "Rapport enregistré" not in page.report_status.text()
    assert pdf.read_bytes() == old_pdf and twin.read_bytes() == old_json
    assert sorted(p.name for p in folder.iterdir()) == ["rapport.json", "rapport.pdf"]

    # The mail to the consultant does not point at the older file as if it were this one.
    page.mail_button.click()
    (url,) = url_recorder.wait_for(1)
    body = parse_qs(urlsplit(url).query)["body"][0]
    assert "Application Zoom" in body
    assert str(pdf) not in body and "enregistré ici" not in body


def test_a_report_is_saved_whole_or_not_at_all(make_window, qtbot, tmp_path: Path) -> None:
    _window, page = open_summary(make_window, qtbot)
    folder = tmp_path / "rapports"
    folder.mkdir()
    pdf = folder / "rapport.pdf"
    pdf.write_bytes(b"%PDF-1.4 an older report\n%%EOF\n")
    (folder / "rapport.json").mkdir()  # the JSON twin cannot take its place
    page.save(pdf)
    assert NOT_SAVED in page.report_status.text()
    assert pdf.read_bytes() == b"%PDF-1.4 an older report\n%%EOF\n"  # not half replaced
    assert sorted(p.name for p in folder.iterdir()) == ["rapport.json", "rapport.pdf"]
    assert page._report.saved_at is None


def test_the_cli_keeps_an_old_report_and_says_it_was_not_saved(tmp_path: Path) -> None:
    folder = tmp_path / "rapports"
    folder.mkdir()
    target = folder / "cli.pdf"
    target.write_bytes(b"%PDF-1.4 an older report\n%%EOF\n")
    with read_only(folder, target):
        done = subprocess.run(
            [str(SCRIPT), "check", "--only", "zoom", "--pdf", str(target)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.returncode == exit_codes.BAD_INPUT, done.stderr
    assert NOT_SAVED in done.stderr
    assert "QPainter" not in done.stderr and "QPdf" not in done.stderr  # Qt's raw words
    assert target.read_bytes() == b"%PDF-1.4 an older report\n%%EOF\n"
    assert [p.name for p in folder.iterdir()] == ["cli.pdf"]


# --- Links in the log ---------------------------------------------------------------

PASSCODE = "S3cr3t!x"
NAME = "Mélissa Brunet"


def _logged(log_path: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return log_path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        (app_join_url("6595155541", PASSCODE, NAME), "zoommtg://zoom.us/join"),
        (
            "https://us02web.zoom.us/j/6595155541?pwd=S3cr3t%21x&uname=M%C3%A9lissa+Brunet",
            "https://us02web.zoom.us/j/6595155541",
        ),
    ],
)
def test_a_failing_opener_leaves_no_passcode_nor_name_in_the_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, url: str, kept: str
) -> None:
    log_path = setup_logging()
    assert log_path is not None
    # As gio does: the opener's error quotes the link, as given and decoded.
    write_script(
        tmp_path / "bin" / "xdg-open",
        'echo "gio: $1: Operation not supported" >&2\n'
        # and percent-decoded, and the name on its own.
        'printf "gio: could not open %b\\n" "$(printf %s "$1" | sed "s/%/\\\\x/g")" >&2\n'
        'echo "gio: no handler for Mélissa Brunet" >&2\n'
        "exit 4\n",
    )
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    outcome = SystemUrlOpener(platform="linux").open(url)
    assert not outcome.ok
    logged = _logged(log_path)
    assert f"exited with 4 for {kept}" in logged  # what was opened stays known
    for secret in ("S3cr3t", "S3cr3t%21x", "Mélissa", "M%C3%A9lissa", "Brunet", "uname"):
        assert secret not in logged


def test_windows_shell_errors_leave_no_passcode_in_the_log() -> None:
    log_path = setup_logging()
    assert log_path is not None
    url = app_join_url("6595155541", PASSCODE, NAME)

    def refuse(target: str) -> None:
        raise OSError(f"Aucune application n'est associée : '{target}'")

    assert not SystemUrlOpener(platform="win32", startfile=refuse).open(url).ok
    logged = _logged(log_path)
    assert "startfile(zoommtg://zoom.us/join) failed" in logged
    assert "S3cr3t" not in logged and "Brunet" not in logged


passcodes = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters=" "), min_size=1, max_size=10
)
names = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40)


@given(passcode=passcodes, name=names)
def test_a_join_link_is_logged_without_its_query(passcode: str, name: str) -> None:
    url = app_join_url("6595155541", passcode, name)
    assert loggable_url(url) == "zoommtg://zoom.us/join"
    frame = "gio: {}: Operation not supported"
    # A passcode that happens to be a word of the message itself is blanked there too.
    assume(
        all(
            value.strip() not in frame.format("zoommtg://zoom.us/join")
            for value in (passcode, name)
        )
    )
    message = without_url_secrets(frame.format(url), url)
    assert message == frame.format("zoommtg://zoom.us/join")


@given(st.text(min_size=1, max_size=80))
def test_a_logged_link_is_one_line_without_query_nor_credentials(tail: str) -> None:
    url = "https://user:motdepasse@speed.example.org/upload?" + tail
    logged = loggable_url(url)
    assert logged == "https://speed.example.org/upload"
    assert loggable_url("https://exemple.fr/a\nFAUX b") == "https://exemple.fr/a\\x0aFAUX b"


# --- Permissions ----------------------------------------------------------------------


@contextmanager
def umask(value: int) -> Iterator[None]:
    old = os.umask(value)
    try:
        yield
    finally:
        os.umask(old)


@pytest.mark.parametrize("process_umask", [0o022, 0o000], ids=["umask 022", "umask 000"])
def test_the_log_is_its_owners_only_from_the_start(process_umask: int) -> None:
    with umask(process_umask):
        log_path = setup_logging()
    assert log_path is not None
    logging.getLogger("readiness.test").warning("one line")
    _logged(log_path)
    assert mode(log_path) == 0o600
    assert mode(log_path.parent) == 0o700  # …/readiness/log
    assert mode(log_path.parent.parent) == 0o700  # …/readiness
    assert log_path.parent == user_log_dir()


def test_a_looser_log_left_by_an_older_version_is_tightened_at_start() -> None:
    folder = user_log_dir()
    folder.mkdir(parents=True, mode=0o755)
    folder.chmod(0o755)
    folder.parent.chmod(0o755)
    for name in ("readiness.log", "readiness.log.1", "running.lock"):
        (folder / name).write_text("older lines\n")
        (folder / name).chmod(0o644)
    log_path = setup_logging()
    assert log_path is not None
    assert (mode(folder.parent), mode(folder)) == (0o700, 0o700)
    for name in ("readiness.log", "readiness.log.1", "running.lock"):
        assert mode(folder / name) == 0o600, name
    assert "older lines" in log_path.read_text(encoding="utf-8")  # kept, only tightened


def test_the_crash_marker_is_its_owners_only(qapp) -> None:
    from readiness.crash_trace import RunMarker

    with umask(0o000):
        marker = RunMarker(user_log_dir())
        assert marker.acquire()
    try:
        assert mode(user_log_dir()) == 0o700
        assert mode(marker.path) == 0o600
    finally:
        marker.release()


def test_fatal_errors_go_to_a_log_file_of_its_owners_only(tmp_path: Path) -> None:
    # In a process of its own: faulthandler is the process's, not this test's.
    target = tmp_path / "fatal.log"
    script = (
        "import os, sys; os.umask(0);"
        "from readiness.crash_trace import write_fatal_errors_to;"
        "from pathlib import Path;"
        "assert write_fatal_errors_to(Path(sys.argv[1]))"
    )
    subprocess.run([sys.executable, "-c", script, str(target)], check=True, timeout=60)
    assert mode(target) == 0o600


def test_the_settings_file_is_its_owners_only(tmp_path: Path) -> None:
    ini = tmp_path / "preferences.ini"
    with umask(0o000):
        preferences = Preferences(QSettings(str(ini), QSettings.Format.IniFormat))
        preferences.display_name = "Mélissa Brunet"
    assert mode(ini) == 0o600
    assert "Mélissa Brunet" in ini.read_text(encoding="utf-8")

    ini.chmod(0o644)  # left so by an older version
    Preferences(QSettings(str(ini), QSettings.Format.IniFormat))
    assert mode(ini) == 0o600


def test_the_users_settings_and_their_folder_are_private_in_the_real_app() -> None:
    """In a process of its own: QSettings picks its folder once per process."""
    folder = user_config_dir()
    folder.mkdir(parents=True)
    folder.chmod(0o755)  # as an older version, or a session.toml put there, left it
    script = (
        "import os; os.umask(0o022);"
        "from readiness.ui.preferences import Preferences;"
        "Preferences.for_user().display_name = 'Mélissa Brunet'"
    )
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60)
    ini = folder / "readiness.ini"
    assert "Mélissa Brunet" in ini.read_text(encoding="utf-8")
    assert (mode(folder), mode(ini)) == (0o700, 0o600)
