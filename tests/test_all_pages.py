"""The window as the app builds it: every registered check (built lazily) and its page."""

from dataclasses import replace
from pathlib import Path

from camera_media import write_variant
from conftest import finish_every_check
from readiness.checks import CHECK_IDS, build_checks
from readiness.core.config import read_session_file
from readiness.core.device_choice import DeviceChoice
from readiness.resources import resource
from speed_server import SpeedServer


def test_every_page_opens_and_its_check_gives_a_readable_result(
    make_window, qtbot, tmp_path: Path
) -> None:
    video = write_variant(tmp_path, "good")
    with SpeedServer(down_mbps=20, latency_ms=10) as server:
        devices = DeviceChoice(camera=str(video), speedtest_server=server.url)
        checks = [c for c in build_checks(devices=devices) if c.id != "zoom"]
        # The pages drive their checks' flows with the session's devices: the same ones.
        config = replace(read_session_file(resource("session.toml")), devices=devices)
        window = make_window(checks=checks, config=config)
        for row in range(len(window.steps)):
            window.sidebar.setCurrentRow(row)
            assert window.current_page().step_id == window.steps[row].step_id
        finish_every_check(window, qtbot)
    for check_id in CHECK_IDS:
        result = window.controller.result(check_id)
        assert "erreur inattendue" not in result.summary, (check_id, result.measures)
        assert "à temps" not in result.summary, check_id
