"""The checks, one module each, in the order of the walkthrough.

Factories build each check with the devices chosen and the kit of device
adapters (``readiness.checks.kit``: the real ones, or a test's stand-ins). The
live checks are flows (``readiness.checks.flow``), which their pages drive too.
``build_checks`` wraps them in LazyCheck: the window lists every step with its
title at start-up, and a check's module and libraries load only when it first runs.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from readiness.checks import titles
from readiness.checks.lazy import LazyCheck
from readiness.core.check import Check
from readiness.core.device_choice import DeviceChoice

if TYPE_CHECKING:
    from readiness.checks.flow import Observer
    from readiness.checks.kit import DeviceKit

#: Builds a check for the devices chosen (in session.toml, on the command line or in the
#: app), with the kit's adapters.
Factory = Callable[[DeviceChoice, "DeviceKit"], Check]


def _zoom(_devices: DeviceChoice, _kit: DeviceKit) -> Check:
    from readiness.checks.zoom import ZoomCheck
    from readiness.devices.zoom import SystemZoomFinder

    return ZoomCheck(SystemZoomFinder())


def _camera(devices: DeviceChoice, kit: DeviceKit) -> Check:
    from readiness.checks.camera_flow import CameraFlow
    from readiness.checks.flow import FlowCheck

    # The page's flow, timed: two seconds of image after the first frame.
    return FlowCheck(
        "camera", titles.camera_title, lambda: CameraFlow(devices.camera, kit), timeout_s=25.0
    )


def _microphone(devices: DeviceChoice, kit: DeviceKit) -> Check:
    from readiness.checks.microphone import MicrophoneCheck

    return MicrophoneCheck(devices.input_device, devices.listen_s, kit)


def _speakers(devices: DeviceChoice, kit: DeviceKit) -> Check:
    from readiness.checks.speakers import SpeakersCheck

    return SpeakersCheck(devices.output_device, devices.input_device, kit)


def _network(devices: DeviceChoice, kit: DeviceKit) -> Check:
    from readiness.checks.flow import FlowCheck
    from readiness.checks.network_flow import NetworkFlow, timeout_s

    return FlowCheck(
        "network",
        titles.network_title,
        lambda: NetworkFlow(devices, kit),
        timeout_s(devices.stability_s),
    )


def _processes(_devices: DeviceChoice, kit: DeviceKit) -> Check:
    from readiness.checks.flow import FlowCheck
    from readiness.checks.processes_flow import TIMEOUT_S, ProcessesFlow

    return FlowCheck("processes", titles.processes_title, lambda: ProcessesFlow(kit), TIMEOUT_S)


#: id -> (title, factory), in the order of the walkthrough.
FACTORIES: dict[str, tuple[Callable[[], str], Factory]] = {
    "camera": (titles.camera_title, _camera),
    "microphone": (titles.microphone_title, _microphone),
    "speakers": (titles.speakers_title, _speakers),
    "network": (titles.network_title, _network),
    "processes": (titles.processes_title, _processes),
    "zoom": (titles.zoom_title, _zoom),
}

CHECK_IDS: tuple[str, ...] = tuple(FACTORIES)


def build_checks(
    ids: list[str] | None = None,
    devices: DeviceChoice | None = None,
    kit: DeviceKit | None = None,
    observe: Observer | None = None,
) -> list[Check]:
    """The checks named by ``ids`` (all when None), in walkthrough order. ``observe``
    sees the updates of the checks that are flows (the command line's instructions)."""
    from readiness.checks.kit import DeviceKit  # with the first check, not at start-up

    wanted = CHECK_IDS if ids is None else ids
    devices = devices or DeviceChoice()
    kit = kit or DeviceKit()
    return [
        LazyCheck(
            check_id,
            FACTORIES[check_id][0],
            partial(_observed, FACTORIES[check_id][1], devices, kit, observe),
        )
        for check_id in CHECK_IDS
        if check_id in wanted
    ]


def _observed(
    factory: Factory, devices: DeviceChoice, kit: DeviceKit, observe: Observer | None
) -> Check:
    from readiness.checks.flow import FlowCheck

    check = factory(devices, kit)
    if observe is not None and isinstance(check, FlowCheck):
        check.observe = observe
    return check
