"""The hardware and network adapters the checks drive, in one bundle a test can swap.

``DeviceKit()`` is the real computer: each default is a small function that
imports its device module only when called, so building the kit costs nothing at
start-up. A test hands the window (through ``Services.kit``) and the command line
(through ``build_checks``) the same kit with stand-ins, e.g.
``DeviceKit(open_camera=...)``: nothing reads the environment to find a device.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from readiness.devices.camera.capture import Capture as CameraCapture
    from readiness.devices.camera.capture import Source
    from readiness.devices.camera.model import CameraInfo


# --- camera -------------------------------------------------------------------------


def _list_cameras() -> list[CameraInfo]:
    from readiness.devices.camera.probe import list_cameras

    return list_cameras()


def _open_camera(source: Source) -> CameraCapture:
    from readiness.devices.camera.capture import Capture

    return Capture(source)


# --- audio --------------------------------------------------------------------------


# --- network ------------------------------------------------------------------------


def _probe_line() -> bool:
    from readiness.devices.network.line_probe import LineProbe

    return LineProbe()()


# --- processes ----------------------------------------------------------------------


def _running_names() -> set[str]:
    from readiness.devices.processes import running_names

    return running_names()


@dataclass(frozen=True)
class DeviceKit:
    # camera
    #: The cameras this computer has (slow: opens each one; call it on a worker).
    list_cameras: Callable[[], list[CameraInfo]] = _list_cameras
    #: Opens a camera index or a video file; raises CameraError.
    open_camera: Callable[[Source], CameraCapture] = _open_camera

    # audio

    # network
    #: The session watch's look at the line: True when zoom.us answers on port 443.
    probe_line: Callable[[], bool] = _probe_line

    # processes
    #: The names of the running programs (the session watch's cheap look).
    running_names: Callable[[], set[str]] = _running_names
