import os
from pathlib import Path

import pytest

from conftest import UrlRecorder, write_script
from readiness.devices.url_opener import SystemUrlOpener


def test_xdg_open_receives_the_url(url_recorder: UrlRecorder) -> None:
    outcome = SystemUrlOpener(platform="linux").open("zoommtg://zoom.us/join?confno=1")
    assert outcome.ok
    assert url_recorder.urls() == ["zoommtg://zoom.us/join?confno=1"]


def test_macos_uses_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = tmp_path / "open.txt"
    write_script(tmp_path / "bin" / "open", f'echo "$1" >> "{log}"\n')
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    assert SystemUrlOpener(platform="darwin").open("https://zoom.us/j/1").ok
    assert log.read_text().split() == ["https://zoom.us/j/1"]


def test_an_opener_that_fails_reports_its_message(tmp_path: Path, monkeypatch) -> None:
    UrlRecorder(tmp_path / "bin", exit_code=3)
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    outcome = SystemUrlOpener(platform="linux").open("zoommtg://x")
    assert not outcome.ok
    assert "no method available" in outcome.detail


def test_a_missing_opener_is_reported_not_raised(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # nothing in it
    outcome = SystemUrlOpener(platform="linux").open("https://zoom.us/j/1")
    assert not outcome.ok
    assert "xdg-open" in outcome.detail


def test_an_opener_that_stays_running_counts_as_launched(tmp_path: Path, monkeypatch) -> None:
    write_script(tmp_path / "bin" / "xdg-open", "sleep 5\n")
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    outcome = SystemUrlOpener(platform="linux", launch_wait_s=0.3).open("https://zoom.us/j/1")
    assert outcome.ok


def test_windows_hands_the_url_to_the_shell() -> None:
    opened = []
    assert SystemUrlOpener(platform="win32", startfile=opened.append).open("zoommtg://x").ok
    assert opened == ["zoommtg://x"]

    def refuse(url: str) -> None:
        raise OSError("Aucune application n'est associée")

    outcome = SystemUrlOpener(platform="win32", startfile=refuse).open("zoommtg://x")
    assert not outcome.ok and "associée" in outcome.detail
