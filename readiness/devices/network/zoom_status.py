"""Does Zoom report an incident: its public status page (an Atlassian Statuspage).

``status.json`` answers ``{"status": {"indicator": "none" | "minor" | "major" |
"critical", ...}, ...}``. Anything else, or no answer in time, is "unknown": the
check then says nothing about Zoom's side. The answer comes from the network,
so it is read with a cap on its size and checked before use.
"""

from __future__ import annotations

import json
import logging
import threading
from enum import StrEnum

log = logging.getLogger(__name__)

STATUS_URL = "https://status.zoom.us/api/v2/status.json"
#: Zoom's answer is about 300 bytes; more than this is not a status page.
MAX_BYTES = 16 * 1024


class ZoomStatus(StrEnum):
    OK = "ok"
    INCIDENT = "incident"
    UNKNOWN = "unknown"


_INDICATORS = {
    "none": ZoomStatus.OK,
    "minor": ZoomStatus.INCIDENT,
    "major": ZoomStatus.INCIDENT,
    "critical": ZoomStatus.INCIDENT,
}


def fetch_zoom_status(url: str = STATUS_URL, timeout_s: float = 3.0) -> ZoomStatus:
    """Never raises; returns within about ``timeout_s`` whatever the server does (the
    request runs on a daemon thread that is abandoned when it takes too long: urllib's
    timeout is per socket operation, and a name lookup has none)."""
    outcome: list[ZoomStatus] = []
    worker = threading.Thread(
        target=lambda: outcome.append(_fetch(url, timeout_s)), name="zoom-status", daemon=True
    )
    worker.start()
    worker.join(timeout_s)
    return outcome[0] if outcome else ZoomStatus.UNKNOWN


def parse_status(body: bytes) -> ZoomStatus:
    """Zoom's state from a status.json body; UNKNOWN when it is not one."""
    try:
        document = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return ZoomStatus.UNKNOWN
    status = document.get("status") if isinstance(document, dict) else None
    indicator = status.get("indicator") if isinstance(status, dict) else None
    if not isinstance(indicator, str):
        return ZoomStatus.UNKNOWN
    return _INDICATORS.get(indicator, ZoomStatus.UNKNOWN)


def _fetch(url: str, timeout_s: float) -> ZoomStatus:
    import urllib.error
    import urllib.request

    try:
        if not url.lower().startswith(("https://", "http://")):
            return ZoomStatus.UNKNOWN  # no file: or other schemes from a configuration
        request = urllib.request.Request(url, headers={"Accept": "application/json"})
        with urllib.request.urlopen(request, timeout=timeout_s) as response:
            body = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as exc:  # a 500, a 404: not checked
        exc.close()  # it holds the connection
        log.info("Zoom's status page answered %r", exc.code)
        return ZoomStatus.UNKNOWN
    except Exception as exc:  # offline, refused, HTTP error, TLS, a bad URL: not checked
        log.info("Zoom's status page not read: %r", exc)
        return ZoomStatus.UNKNOWN
    if len(body) > MAX_BYTES:
        log.info("Zoom's status page too large (over %d bytes)", MAX_BYTES)
        return ZoomStatus.UNKNOWN
    return parse_status(body)
