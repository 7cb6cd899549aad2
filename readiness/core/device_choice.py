"""Which camera, microphone, speakers and test servers the checks use, for how long the
microphone listens and the line is watched."""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass

DEFAULT_LISTEN_S = 3.0
MAX_LISTEN_S = 30.0
#: How long the connection step watches the line over UDP (after the bandwidth test).
DEFAULT_STABILITY_S = 10.0
MIN_STABILITY_S = 1.0
MAX_STABILITY_S = 300.0
#: STUN servers an organisation may list: tried in turn, a silent one costs a second.
MAX_STUN_SERVERS = 10
#: RFC 8489's port for STUN over UDP, when an address gives none.
STUN_PORT = 3478


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
    #: The STUN servers the line is probed with over UDP, as "host:port" (from
    #: ``stun_server``); None: the app's list of public ones; (): no UDP probe.
    stun_servers: tuple[str, ...] | None = None
    #: How long the line is probed over UDP, in s.
    stability_s: float = DEFAULT_STABILITY_S
    #: The window starts the connection test a few seconds after it opens, in the
    #: background; False: only when the person reaches its step (a metered line).
    early_network_test: bool = True


_LABEL = re.compile(r"(?!-)[A-Za-z0-9-]{1,63}(?<!-)")


def stun_server(text: str) -> tuple[str, int] | None:
    """(host, port) from "host:port", "host" (port 3478), "[IPv6]:port", a bare IPv6
    address, or any of these after "stun:" (as WebRTC settings write them); None if
    it is none of these. Host: a DNS name or an IP address; port: 1-65535."""
    text = text.strip()
    if text.lower().startswith("stun:"):
        text = text[5:]
    if not text or len(text) > 300:
        return None
    port_text = ""
    if text.startswith("["):
        host, bracket, rest = text[1:].partition("]")
        if not bracket or (rest and not rest.startswith(":")):
            return None
        port_text = rest[1:] if rest else str(STUN_PORT)
        if not _is_ip(host, version=6):
            return None
    elif text.count(":") > 1:
        host, port_text = text, str(STUN_PORT)  # a bare IPv6 address: no port
        if not _is_ip(host, version=6):
            return None
    else:
        host, colon, port_text = text.partition(":")
        if not colon:
            port_text = str(STUN_PORT)
        if not (_is_ip(host, version=4) or _is_host_name(host)):
            return None
    if not (port_text.isascii() and port_text.isdigit()) or not 1 <= int(port_text) <= 65535:
        return None
    return host.lower(), int(port_text)


def stun_server_text(address: tuple[str, int]) -> str:
    """ "host:port", with IPv6 addresses in brackets."""
    host, port = address
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def is_host(text: str) -> bool:
    """An IPv4 or IPv6 address (without brackets) or a DNS name in ASCII (IDNs encoded)."""
    return _is_ip(text, version=4) or _is_ip(text, version=6) or _is_host_name(text)


def _is_ip(text: str, *, version: int) -> bool:
    try:
        return ipaddress.ip_address(text).version == version
    except ValueError:
        return False


def _is_host_name(text: str) -> bool:
    name = text.removesuffix(".")
    labels = name.split(".")
    if not name or len(name) > 253 or not all(_LABEL.fullmatch(label) for label in labels):
        return False
    # All digits and dots but no valid IPv4 address (e.g. 300.1.1.1): a typo, not a name.
    return not all(label.isdigit() for label in labels)
