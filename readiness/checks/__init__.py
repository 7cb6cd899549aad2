"""The checks, one module each, in the order of the walkthrough.

Factories build each check with its real device adapter; heavy libraries are
imported inside them so that start-up stays quick.
"""

from __future__ import annotations

from collections.abc import Callable

from readiness.core.check import Check
from readiness.core.device_choice import DeviceChoice

#: Builds a check for the devices chosen (in session.toml, on the command line or in the app).
Factory = Callable[[DeviceChoice], Check]


def _zoom(_devices: DeviceChoice) -> Check:
    from readiness.checks.zoom import ZoomCheck
    from readiness.devices.zoom import SystemZoomFinder

    return ZoomCheck(SystemZoomFinder())


def _camera(devices: DeviceChoice) -> Check:
    from readiness.checks.camera import CameraCheck

    return CameraCheck(devices.camera)


def _processes(_devices: DeviceChoice) -> Check:
    from readiness.checks.processes import ProcessesCheck
    from readiness.core.known_apps import load_known_apps
    from readiness.devices.processes import ProcessScanner

    return ProcessesCheck(ProcessScanner(), load_known_apps)


FACTORIES: dict[str, Factory] = {
    "camera": _camera,
    "processes": _processes,
    "zoom": _zoom,
}

CHECK_IDS: tuple[str, ...] = tuple(FACTORIES)


def build_checks(ids: list[str] | None = None, devices: DeviceChoice | None = None) -> list[Check]:
    """The checks named by ``ids`` (all when None), in walkthrough order."""
    wanted = CHECK_IDS if ids is None else ids
    devices = devices or DeviceChoice()
    return [FACTORIES[check_id](devices) for check_id in CHECK_IDS if check_id in wanted]
