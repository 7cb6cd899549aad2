"""Which camera, microphone and speakers the checks use, and for how long they listen."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_LISTEN_S = 3.0
MAX_LISTEN_S = 30.0


@dataclass(frozen=True)
class DeviceChoice:
    """None means "the system's default".

    ``camera`` is a device index ("0") or a video file path: both go through the
    same capture code, which is how tests feed the camera check. Audio devices
    are a PortAudio index or (part of) a device name.
    """

    camera: str | None = None
    input_device: str | None = None
    output_device: str | None = None
    listen_s: float = DEFAULT_LISTEN_S
