"""Which camera, microphone, speakers and test server the checks use, and for how long
the microphone listens."""

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
    #: The connection step's server: a speedtest.net-style ``url`` (ending in upload.php);
    #: None: speedtest.net's closest server, found through speedtest.net.
    speedtest_server: str | None = None
    #: Its second way to measure, a Cloudflare-style speed service; None: Cloudflare's; "": none.
    speed_service: str | None = None
