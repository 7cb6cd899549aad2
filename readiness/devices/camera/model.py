"""What the camera adapter reports: the cameras found, and why one cannot be used."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class CameraProblem(StrEnum):
    #: No such camera (nothing plugged in) or no such video file.
    NOT_FOUND = "not_found"
    #: The camera exists but another application holds it.
    BUSY = "busy"
    #: The system refuses this program the camera (Linux rights, macOS or Windows privacy).
    PERMISSION_DENIED = "permission_denied"
    #: It could not be opened and the system does not say why (macOS, Windows).
    UNAVAILABLE = "unavailable"
    #: It opened, but no image came.
    NO_FRAMES = "no_frames"
    #: A file that is not a video OpenCV can read.
    UNREADABLE = "unreadable"
    #: It was giving images and went away (unplugged).
    DISCONNECTED = "disconnected"


class CameraError(Exception):
    def __init__(self, problem: CameraProblem, detail: str = ""):
        super().__init__(f"{problem}: {detail}" if detail else str(problem))
        self.problem = problem
        self.detail = detail


@dataclass(frozen=True)
class CameraInfo:
    #: What ``DeviceChoice.camera`` holds: a device index ("0") or a video file path.
    source: str
    #: The name the system gives it, or "Caméra 1", "Caméra 2"…
    name: str
    #: Why the probe could not open it (it is still listed: the user may free it).
    problem: CameraProblem | None = None
