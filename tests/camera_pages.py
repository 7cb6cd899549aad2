"""The camera page as the tests open it (loaded with ``pytest_plugins``): the real page
on the default session, its camera a video file, the cameras listed by a stand-in, so a
webcam on the test machine never takes part."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from readiness.checks.kit import DeviceKit
from readiness.core.device_choice import DeviceChoice


def page_services(tmp_path: Path, kit: DeviceKit, camera: Path | None = None):
    """The default session with its camera set to ``camera`` (a video file), and ``kit``."""
    from readiness.core.config import read_session_file
    from readiness.devices.url_opener import SystemUrlOpener
    from readiness.resources import resource
    from readiness.ui.preferences import Preferences
    from readiness.ui.services import Services

    config = read_session_file(resource("session.toml"))
    return Services(
        config=replace(config, devices=DeviceChoice(camera=str(camera) if camera else None)),
        preferences=Preferences(
            QSettings(str(tmp_path / "preferences.ini"), QSettings.Format.IniFormat)
        ),
        url_opener=SystemUrlOpener(),
        checks=[],
        kit=kit,
    )


@pytest.fixture
def camera_page(qtbot, tmp_path: Path):
    """Builds the real page around the default session, with its camera set to ``camera``
    (a video file) and the cameras listed by ``lister`` (by default none: a webcam on the
    test machine never takes part)."""
    from readiness.ui.check_controller import CheckController
    from readiness.ui.page_context import PageContext
    from readiness.ui.pages.camera import CameraPage
    from readiness.ui.tasks import TaskRunner

    pages = []

    def make(camera: Path | None = None, *, lister=None, enter: bool = True) -> CameraPage:
        kit = DeviceKit(list_cameras=lister or (lambda: []))
        services = page_services(tmp_path, kit, camera)
        tasks = TaskRunner()
        controller = CheckController([], tasks)
        page = CameraPage(PageContext(services, controller, tasks))
        page.controller = controller  # for the tests: what the page recorded
        qtbot.addWidget(page)
        page.resize(1000, 560)
        page.show()
        if enter:
            page.entered()
        pages.append(page)
        return page

    yield make
    for page in pages:
        page.left()
