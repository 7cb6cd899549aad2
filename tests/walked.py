"""The window as a person walks it: every check done on stand-in devices, each page
visited, each dialog opened (shared by the accessibility tests).

Fixtures (a test module lists this module, and ``pulse_server``, in ``pytest_plugins``;
PYTEST_DONT_REWRITE: the modules that import its helpers before pytest registers it as
a plugin then raise no warning):

- ``walked_window``: builds the window, every real check run to its result.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from camera_media import write_variant
from conftest import finish_every_check
from readiness.checks import build_checks
from readiness.core.config import read_session_file
from readiness.core.device_choice import DeviceChoice
from readiness.resources import resource
from readiness.ui.accessibility_dialog import AccessibilityDialog
from readiness.ui.escalation_dialog import EscalationDialog
from readiness.ui.help_dialog import HelpDialog
from speed_server import SpeedServer


@pytest.fixture
def walked_window(make_window, qtbot, tmp_path: Path, pulse):
    """The window with every real check on stand-in devices (a video for the camera, the
    test's PulseAudio, a throttled speed server), every check done."""

    def make(config=None):
        video = write_variant(tmp_path, "good")
        server = SpeedServer(down_mbps=20, latency_ms=10)
        server.__enter__()
        servers.append(server)
        devices = DeviceChoice(camera=str(video), speedtest_server=server.url, listen_s=1.0)
        checks = [c for c in build_checks(devices=devices) if c.id != "zoom"]
        # The pages drive their checks' flows with the session's devices: the same ones.
        config = replace(config or read_session_file(resource("session.toml")), devices=devices)
        window = make_window(checks=checks, config=config)
        finish_every_check(window, qtbot)
        return window

    servers: list[SpeedServer] = []
    yield make
    for server in servers:
        server.__exit__(None, None, None)


def dialogs(window) -> dict[str, QDialog]:
    """The app's own dialogs, built as the window builds them."""
    services, tasks = window.services, window.tasks
    return {
        "help": HelpDialog(services, tasks, window),
        "accessibility": AccessibilityDialog(
            services.config, services.url_opener, tasks, window, display_name="Emma Martin"
        ),
        "escalation": EscalationDialog(services, tasks, window),
    }


def visit_each_page(window, qtbot) -> Iterator[str]:
    for row, step in enumerate(window.steps):
        window.sidebar.setCurrentRow(row)
        qtbot.wait(150)  # the page's first results and layout
        yield step.step_id
    window.sidebar.setCurrentRow(0)
