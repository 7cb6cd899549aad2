from pathlib import Path

from readiness.checks.zoom import ZoomCheck
from readiness.core.result import Status
from readiness.devices.zoom.linux import LinuxZoomFinder
from readiness.devices.zoom.model import ZoomInstall


class FixedFinder:
    def __init__(self, install: ZoomInstall):
        self.install = install

    def find(self) -> ZoomInstall:
        return self.install


def test_installed_with_handler_is_ok_and_says_the_version() -> None:
    result = ZoomCheck(FixedFinder(ZoomInstall("/opt/zoom/zoom", "6.2.1", "Zoom.desktop"))).run()
    assert result.status is Status.OK
    assert "6.2.1" in result.summary
    assert result.measures["handler_registered"] is True
    assert result.measures["location"] == "/opt/zoom/zoom"


def test_installed_without_handler_is_a_warning_with_what_to_do() -> None:
    result = ZoomCheck(FixedFinder(ZoomInstall("/opt/zoom/zoom", None, None))).run()
    assert result.status is Status.WARNING
    assert any("Ouvrez Zoom une fois" in advice for advice in result.advice)
    assert any("navigateur" in advice for advice in result.advice)


def test_missing_zoom_is_a_warning_not_a_failure_because_the_browser_works() -> None:
    result = ZoomCheck(FixedFinder(ZoomInstall())).run()
    assert result.status is Status.WARNING
    assert result.measures["installed"] is False
    assert any("zoom.us/download" in advice for advice in result.advice)


def test_with_the_real_xdg_mime_and_a_declared_handler(zoom_handler: str, tmp_path: Path) -> None:
    result = ZoomCheck(LinuxZoomFinder(root=tmp_path)).run()
    assert result.status is Status.OK
    assert result.measures["handler"] == zoom_handler
